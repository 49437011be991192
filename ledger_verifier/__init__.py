"""Offline verifier for the 海淀通 decision ledger: RFC 9162 proofs and signed tree heads.

A top-level package on purpose: auditors, residents' lawyers and partner agencies install it
without the server (no Sanic, Tortoise, Redis); it needs only the standard library and
``cryptography``. The server imports it too, so the "verified" mark it shows is computed by
exactly the code an outside verifier runs.
"""

from ledger_verifier.audit import LogAuditor, audit_log, leaf_problem
from ledger_verifier.bundle import check_inclusion
from ledger_verifier.canonical import canonical_json
from ledger_verifier.heads import SignedHead, VerificationError, load_jwks, signing_message, verify_head
from ledger_verifier.merkle import (
    CompactRange,
    hash_children,
    hash_leaf,
    root_from_inclusion,
    verify_consistency,
    verify_inclusion,
)

__all__ = [
    "CompactRange",
    "LogAuditor",
    "SignedHead",
    "VerificationError",
    "audit_log",
    "canonical_json",
    "check_inclusion",
    "hash_children",
    "hash_leaf",
    "leaf_problem",
    "load_jwks",
    "root_from_inclusion",
    "signing_message",
    "verify_consistency",
    "verify_head",
    "verify_inclusion",
]
