"""Checking one inclusion-proof bundle: an entry, its proof and the signed head it leads to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ledger_verifier.audit import leaf_problem
from ledger_verifier.heads import SignedHead, VerificationError, verify_head
from ledger_verifier.merkle import hash_leaf, verify_inclusion


def check_inclusion(bundle: Mapping[str, Any], keys: Mapping[str, Ed25519PublicKey],
                    head: SignedHead | None = None) -> None:
    """Raise VerificationError unless the entry is in the log under a validly signed head.

    ``bundle`` is the JSON of ``GET /api/v1/ledger/entries/{id}/proof``; ``head`` replaces the
    bundle's head with one obtained elsewhere (a witness), which is the stronger check.
    """
    try:
        head = head or SignedHead.from_json(bundle["head"])
        entry, proof = bundle["entry"], bundle["proof"]
        leaf_index, tree_size = int(proof["leaf_index"]), int(proof["tree_size"])
        path = [bytes.fromhex(item) for item in proof["hashes"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise VerificationError(f"malformed proof bundle: {exc}") from exc
    verify_head(head, keys)
    problem = leaf_problem(entry)
    if problem:
        raise VerificationError(problem)
    if tree_size != head.tree_size or leaf_index != entry.get("index"):
        raise VerificationError("proof is for another tree size or leaf index")
    if not verify_inclusion(leaf_hash=hash_leaf(entry["leaf"].encode("utf-8")), leaf_index=leaf_index,
                            tree_size=tree_size, path=path, root_hash=head.root_hash):
        raise VerificationError("inclusion proof does not lead to the head's root hash")
