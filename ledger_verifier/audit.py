"""Audit a full log download: every leaf, every published head, nothing missing or rewritten."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ledger_verifier.canonical import canonical_json
from ledger_verifier.heads import SignedHead, VerificationError, verify_head
from ledger_verifier.merkle import CompactRange, hash_leaf


def leaf_problem(entry: Mapping[str, Any]) -> str | None:
    """Why an entry's leaf text is not the canonical record it claims to be, or None when it is."""
    leaf = entry.get("leaf")
    if not isinstance(leaf, str):
        return "leaf text missing"
    try:
        record = json.loads(leaf)
    except ValueError:
        return "leaf is not JSON"
    if not isinstance(record, dict) or canonical_json(record) != leaf.encode("utf-8"):
        return "leaf is not canonical JSON"
    if record.get("entry_id") != entry.get("entry_id"):
        return "leaf names another entry id"
    if "leaf_hash" in entry and entry["leaf_hash"] != hash_leaf(leaf.encode("utf-8")).hex():
        return "leaf hash does not match the leaf"
    return None


class LogAuditor:
    """Replays a log entry by entry (in index order) and checks it against signed heads.

    Incremental, so the server's self-audit can feed it from the database page by page with
    O(log n) memory besides the heads.
    """

    def __init__(self, *, heads: Iterable[SignedHead], keys: Mapping[str, Ed25519PublicKey]) -> None:
        self.problems: list[str] = []
        self.tree = CompactRange()
        self._broken = False
        self._pending: dict[int, list[SignedHead]] = {}
        for head in heads:
            try:
                verify_head(head, keys)
            except VerificationError as exc:
                self.problems.append(str(exc))
                continue
            self._pending.setdefault(head.tree_size, []).append(head)
        self.heads_checked = 0

    def _check_heads(self) -> None:
        for head in self._pending.pop(self.tree.size, []):
            self.heads_checked += 1
            if head.root_hash != self.tree.root():
                self.problems.append(f"tree head of size {head.tree_size} does not match the log's root")

    def add(self, entry: Mapping[str, Any]) -> None:
        """Replay the next entry: its index, its leaf, and any head signed at the new size."""
        if self._broken:
            return
        if self.tree.size == 0:
            self._check_heads()
        index = entry.get("index")
        if index != self.tree.size:
            self.problems.append(f"expected entry {self.tree.size}, found {index!r}: "
                                 "entries missing or reordered")
            self._broken = True
            return
        problem = leaf_problem(entry)
        if problem:
            self.problems.append(f"entry {index}: {problem}")
        self.tree.append(hash_leaf(str(entry.get("leaf", "")).encode("utf-8")))
        self._check_heads()

    def finish(self) -> list[str]:
        """All problems found; heads larger than the replayed log mean entries were removed."""
        if self.tree.size == 0:
            self._check_heads()
        if self._broken and self._pending:
            self.problems.append(f"{len(self._pending)} signed heads not checked: the log breaks before them")
        elif self._pending:
            self.problems.extend(f"tree head of size {size} is beyond the {self.tree.size} entries in the log"
                                 for size in sorted(self._pending))
        self._pending.clear()
        return self.problems


def audit_log(*, entries: Iterable[Mapping[str, Any]], heads: Iterable[SignedHead],
              keys: Mapping[str, Ed25519PublicKey]) -> list[str]:
    """Problems found in a downloaded log (empty when it matches every signed head)."""
    auditor = LogAuditor(heads=heads, keys=keys)
    for entry in entries:
        auditor.add(entry)
    return auditor.finish()
