"""Signed tree heads: the signed message, and checking a head against published Ed25519 keys."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ledger_verifier.canonical import canonical_json

LOG_ID = "haidiantong-ledger/v1"


class VerificationError(ValueError):
    """A head, proof or log does not verify; the message says why."""


@dataclass(frozen=True)
class SignedHead:
    """A tree head as published: size, root, time (ms since the epoch, UTC), key id, signature."""

    tree_size: int
    root_hash: bytes
    timestamp_ms: int
    key_id: str
    signature: bytes

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SignedHead:
        """Read the published JSON form (hex hashes and signature)."""
        try:
            return cls(tree_size=int(data["tree_size"]), root_hash=bytes.fromhex(data["root_hash"]),
                       timestamp_ms=int(data["timestamp_ms"]), key_id=str(data["key_id"]),
                       signature=bytes.fromhex(data["signature"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise VerificationError(f"malformed tree head: {exc}") from exc

    def to_json(self) -> dict[str, Any]:
        """The published JSON form."""
        return {"tree_size": self.tree_size, "root_hash": self.root_hash.hex(),
                "timestamp_ms": self.timestamp_ms, "key_id": self.key_id,
                "signature": self.signature.hex()}


def signing_message(*, tree_size: int, root_hash: bytes, timestamp_ms: int, key_id: str) -> bytes:
    """The bytes an Ed25519 key signs for a tree head (canonical JSON, bound to this log)."""
    return canonical_json({"log_id": LOG_ID, "tree_size": tree_size, "root_hash": root_hash.hex(),
                           "timestamp_ms": timestamp_ms, "key_id": key_id})


def verify_head(head: SignedHead, keys: Mapping[str, Ed25519PublicKey]) -> None:
    """Raise VerificationError unless a published key with the head's id signed it."""
    key = keys.get(head.key_id)
    if key is None:
        raise VerificationError(f"unknown key id {head.key_id!r}")
    message = signing_message(tree_size=head.tree_size, root_hash=head.root_hash,
                              timestamp_ms=head.timestamp_ms, key_id=head.key_id)
    try:
        key.verify(head.signature, message)
    except InvalidSignature as exc:
        raise VerificationError(f"bad signature on tree head of size {head.tree_size}") from exc


def load_jwks(jwks: Mapping[str, Any]) -> dict[str, Ed25519PublicKey]:
    """Ed25519 public keys by key id from a JSON Web Key Set (RFC 8037 OKP keys)."""
    keys = {}
    for jwk in jwks.get("keys", []):
        if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
            continue
        try:
            raw = base64.urlsafe_b64decode(jwk["x"] + "=" * (-len(jwk["x"]) % 4))
            keys[jwk["kid"]] = Ed25519PublicKey.from_public_bytes(raw)
        except (KeyError, ValueError, binascii.Error) as exc:
            raise VerificationError(f"malformed key in key set: {exc}") from exc
    return keys
