"""Ed25519 signing key rings with key ids, rotation and JWKS publication.

One ring per purpose (access tokens, QR codes, tree heads). Keys live as PEM files in
``<HDT_KEYS_DIR>/<purpose>/``: ``<kid>.pem`` holds a private key, ``<kid>.pub.pem`` a retired
public key kept only to verify what it signed. The newest private key (kids sort by date) signs.
"""

from __future__ import annotations

import base64
import fcntl
import os
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


class KeyRingError(RuntimeError):
    """A key ring is missing or unusable."""


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_key: Ed25519PrivateKey


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _public_raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class VerifiedTokens:
    """Tokens whose signature this worker has already checked, with what they said, until they
    expire: clients show one token again and again (an access token per request, a QR code
    rescanned), and an Ed25519 check costs more than the rest of a cheap request."""

    MAX_ENTRIES = 10_000

    def __init__(self) -> None:
        self._entries: dict[str, tuple[Any, int]] = {}

    def get(self, token: str) -> Any | None:
        """What the token said when it was verified, while it has not expired."""
        hit = self._entries.get(token)
        return hit[0] if hit is not None and hit[1] > time.time() else None

    def remember(self, token: str, claims: Any, *, expires_at: int) -> None:
        """Keep a verified token (bounded; the oldest entries go first)."""
        if len(self._entries) >= self.MAX_ENTRIES:
            del self._entries[next(iter(self._entries))]
        self._entries[token] = (claims, expires_at)


def private_key_files(directory: Path) -> list[Path]:
    """The private keys of one ring, oldest first (retired public keys cannot sign)."""
    return sorted(p for p in directory.glob("*.pem") if not p.name.endswith(".pub.pem"))


class KeyRing:
    """The signing key and every still-trusted verification key of one purpose."""

    def __init__(self, directory: Path, purpose: str, *, create_missing: bool) -> None:
        self.purpose = purpose
        self.directory = directory / purpose
        if create_missing:
            # Workers starting at once on an empty folder: one creates the key, the others load it.
            self.directory.mkdir(parents=True, exist_ok=True)
            with open(self.directory / ".create.lock", "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                if not private_key_files(self.directory):
                    self.rotate()
        self._load()

    def _load(self) -> None:
        private = private_key_files(self.directory)
        if not private:
            raise KeyRingError(f"no signing key for {self.purpose!r} in {self.directory}")
        keys: dict[str, Ed25519PublicKey] = {}
        for path in self.directory.glob("*.pub.pem"):
            loaded = serialization.load_pem_public_key(path.read_bytes())
            if not isinstance(loaded, Ed25519PublicKey):
                raise KeyRingError(f"{path} is not an Ed25519 public key")
            keys[path.name.removesuffix(".pub.pem")] = loaded
        signing = None
        for path in private:
            loaded_private = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if not isinstance(loaded_private, Ed25519PrivateKey):
                raise KeyRingError(f"{path} is not an Ed25519 private key")
            kid = path.name.removesuffix(".pem")
            keys[kid] = loaded_private.public_key()
            signing = SigningKey(kid, loaded_private)
        assert signing is not None
        self.signing = signing
        self.verification_keys = keys
        # A key may have been retired: what it verified is checked afresh.
        self.verified = VerifiedTokens()

    def rotate(self) -> str:
        """Create a new signing key; older keys keep verifying what they signed."""
        self.directory.mkdir(parents=True, exist_ok=True)
        # Microseconds: kids sort by time, so a key made in the same second as the last still wins.
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        kid = f"{self.purpose}-{stamp}-{secrets.token_hex(2)}"
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        # Written aside and renamed into place: a process loading the ring never reads half a key.
        partial = self.directory / f".{kid}.partial"
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
            out.write(pem)
        os.replace(partial, self.directory / f"{kid}.pem")
        if hasattr(self, "signing"):
            self._load()
        return kid

    def public_key(self, kid: str) -> Ed25519PublicKey | None:
        return self.verification_keys.get(kid)

    def jwks(self) -> dict[str, Any]:
        """Public keys as a JSON Web Key Set (RFC 8037 OKP keys)."""
        return {
            "keys": [
                {"kty": "OKP", "crv": "Ed25519", "alg": "EdDSA", "use": "sig", "kid": kid,
                 "x": _b64url(_public_raw(key))}
                for kid, key in sorted(self.verification_keys.items())
            ]
        }
