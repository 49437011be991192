"""``python -m ledger_verifier``: check proofs and audit the ledger offline."""

from __future__ import annotations

import argparse
import json
import sys
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from ledger_verifier.audit import audit_log
from ledger_verifier.bundle import check_inclusion
from ledger_verifier.draw import verify_entry
from ledger_verifier.heads import SignedHead, VerificationError, load_jwks, verify_head
from ledger_verifier.merkle import verify_consistency

PAGE_SIZE = 1000


def _read_json(path: str) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _read_heads(path: str) -> list[SignedHead]:
    """Heads from a JSON list or a JSON-lines witness file."""
    text = Path(path).read_text(encoding="utf-8").strip()
    if text.startswith("["):
        return [SignedHead.from_json(item) for item in json.loads(text)]
    return [SignedHead.from_json(json.loads(line)) for line in text.splitlines() if line.strip()]


def cmd_verify_inclusion(args: argparse.Namespace) -> list[str]:
    """Check that an entry is in the log, given a key set and an inclusion-proof bundle."""
    keys = load_jwks(_read_json(args.keys))
    head = SignedHead.from_json(_read_json(args.head)) if args.head else None
    check_inclusion(_read_json(args.bundle), keys, head)
    return []


def cmd_verify_consistency(args: argparse.Namespace) -> list[str]:
    """Check that a newer signed head extends an older one (nothing rewritten or removed)."""
    keys = load_jwks(_read_json(args.keys))
    old, new = SignedHead.from_json(_read_json(args.old)), SignedHead.from_json(_read_json(args.new))
    verify_head(old, keys)
    verify_head(new, keys)
    proof = _read_json(args.proof)
    if (proof["first_size"], proof["second_size"]) != (old.tree_size, new.tree_size):
        raise VerificationError("proof is for other tree sizes")
    if not verify_consistency(first_size=old.tree_size, first_root=old.root_hash,
                              second_size=new.tree_size, second_root=new.root_hash,
                              path=[bytes.fromhex(h) for h in proof["hashes"]]):
        raise VerificationError("consistency proof does not verify")
    return []


def _get(base_url: str, path: str, **query: Any) -> Any:
    url = base_url.rstrip("/") + path + ("?" + urllib.parse.urlencode(query) if query else "")
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the auditor's own URL
        return json.loads(response.read())


def cmd_download(args: argparse.Namespace) -> list[str]:
    """Download the whole log, its signed heads and key set into one JSON file for ``audit``."""
    heads: list[dict] = []
    query: dict[str, Any] = {"limit": PAGE_SIZE}
    while True:
        page = _get(args.base_url, "/api/v1/ledger/heads", **query)
        heads.extend(page["items"])
        if not page.get("next_cursor"):
            break
        query["cursor"] = page["next_cursor"]
    size = _get(args.base_url, "/api/v1/ledger/log")["tree_size"]
    entries: list[dict] = []
    for start in range(0, size, PAGE_SIZE):
        entries.extend(_get(args.base_url, "/api/v1/ledger/entries", start=start,
                            end=min(size, start + PAGE_SIZE))["entries"])
    keys = _get(args.base_url, "/api/v1/ledger/keys")
    Path(args.out).write_text(json.dumps({"keys": keys, "heads": heads, "entries": entries},
                                         ensure_ascii=False), encoding="utf-8")
    print(f"downloaded {len(entries)} entries and {len(heads)} signed heads to {args.out}")
    return []


def cmd_audit(args: argparse.Namespace) -> list[str]:
    """Recompute the whole log from a download and compare it with every published head."""
    log = _read_json(args.log)
    keys = load_jwks(_read_json(args.keys))
    heads = [SignedHead.from_json(item) for item in log["heads"]]
    for path in args.heads:
        heads.extend(_read_heads(path))
    return audit_log(entries=log["entries"], heads=heads, keys=keys)


def cmd_verify_draw(args: argparse.Namespace) -> list[str]:
    """Recompute a slot draw's winners from its ledger entry (JSON of one entry) alone."""
    entry = _read_json(args.entry)
    drawn = verify_entry(entry.get("entry", entry))
    print(f"{len(drawn)} winner(s): " + " ".join(drawn))
    return []


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ledger_verifier",
                                     description="海淀通 ledger: offline proof checks and audit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=handler.__doc__, description=handler.__doc__)
        command.set_defaults(handler=handler)
        return command

    inclusion = add("verify-inclusion", cmd_verify_inclusion)
    inclusion.add_argument("--keys", required=True, help="JWKS of the ledger keys (trusted copy)")
    inclusion.add_argument("--head", help="a signed head obtained elsewhere (e.g. from a witness)")
    inclusion.add_argument("bundle", help="JSON from GET /api/v1/ledger/entries/{id}/proof")
    consistency = add("verify-consistency", cmd_verify_consistency)
    consistency.add_argument("--keys", required=True)
    consistency.add_argument("--old", required=True, help="the older signed head (JSON)")
    consistency.add_argument("--new", required=True, help="the newer signed head (JSON)")
    consistency.add_argument("--proof", required=True, help="JSON from GET /api/v1/ledger/consistency")
    download = add("download", cmd_download)
    download.add_argument("--base-url", required=True)
    download.add_argument("--out", required=True)
    audit = add("audit", cmd_audit)
    audit.add_argument("--keys", required=True)
    audit.add_argument("--heads", action="append", default=[],
                       help="more signed heads (JSON list or a witness's JSON lines); repeatable")
    audit.add_argument("log", help="the file written by `download`")
    draw = add("verify-draw", cmd_verify_draw)
    draw.add_argument("entry", help="one entry of GET /api/v1/ledger/entries (the draw's record)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        problems = args.handler(args)
    except VerificationError as exc:
        problems = [str(exc)]
    except (OSError, KeyError, TypeError, ValueError) as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    if args.command == "download":
        return 0
    for problem in problems:
        print(f"INVALID: {problem}")
    if not problems:
        print("VALID")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
