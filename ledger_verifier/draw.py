"""The draw of a slot's seats (抽签), recomputed from its ledger record alone.

The server draws with exactly these functions, so what an outside verifier recomputes is what
decided. The order: each entrant's hash is ranked by SHA-256(seed || entrant hash); the seats go
down that ranking, passing over entrants a booking rule refused (recorded as ``refused``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from ledger_verifier.heads import VerificationError
from ledger_verifier.merkle import hash_leaf

ALGORITHM = "sha256-rank-v1"
RECORD_TYPE = "appointment_draw"


def entrant_hash(entry_id: str) -> str:
    """The public hash of one entry: its resident finds it in the record by the entry's id."""
    return hashlib.sha256(f"draw-entry:{entry_id}".encode()).hexdigest()


def rank(*, seed: str, entrants: Iterable[str]) -> list[str]:
    """Entrant hashes in draw order for this seed (hex strings both)."""
    key = bytes.fromhex(seed)
    return sorted(entrants, key=lambda h: hashlib.sha256(key + bytes.fromhex(h)).digest())


def winners(*, seed: str, entrants: Iterable[str], seats: int, refused: Iterable[str] = ()) -> list[str]:
    """The first ``seats`` entrants of the ranking, refused ones passed over."""
    skipped = set(refused)
    return [h for h in rank(seed=seed, entrants=entrants) if h not in skipped][:seats]


def verify_record(data: dict[str, Any]) -> list[str]:
    """Recompute a draw record's winners; raises VerificationError when they differ."""
    if data.get("algorithm") != ALGORITHM:
        raise VerificationError(f"unknown draw algorithm {data.get('algorithm')!r}")
    entrants, refused, recorded = data["entrants"], data.get("refused", []), data["winners"]
    if sorted(entrants) != entrants or len(set(entrants)) != len(entrants):
        raise VerificationError("entrants are not a sorted list of distinct hashes")
    if not set(refused) <= set(entrants):
        raise VerificationError("a refused entrant is not among the entrants")
    expected = winners(seed=data["seed"], entrants=entrants, seats=data["seats"], refused=refused)
    if expected != recorded:
        raise VerificationError("the recorded winners are not those the seed draws")
    return expected


def verify_entry(entry: dict[str, Any]) -> list[str]:
    """Check one ledger entry (as ``GET /api/v1/ledger/entries`` serves it) of a draw: its leaf
    hash, its type, and its winners; returns the winners."""
    leaf = entry["leaf"]
    if "leaf_hash" in entry and hash_leaf(leaf.encode("utf-8")).hex() != entry["leaf_hash"]:
        raise VerificationError("leaf_hash is not the hash of the leaf")
    record = json.loads(leaf)
    if record.get("type") != RECORD_TYPE:
        raise VerificationError(f"entry is a {record.get('type')!r} record, not a draw")
    return verify_record(record["data"])
