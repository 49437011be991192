"""Personal data at rest: AES-GCM encryption, keyed blind indexes for lookups, and masking."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_PREFIX = "v1:"


def data_key_bytes(data_key: str | None, keys_dir: Path) -> bytes:
    """HDT_DATA_KEY's bytes, or in development a key generated once under the keys directory."""
    if data_key:
        return base64.urlsafe_b64decode(data_key + "=" * (-len(data_key) % 4))
    path = keys_dir / "data.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(32))
        path.chmod(0o600)
    return path.read_bytes()


class DataCipher:
    """Encrypts personal fields (ID numbers, phones, WeChat session keys) for storage."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the data key must be 32 bytes")
        self._aead = AESGCM(key)
        self._index_key = hmac.new(key, b"hdt-blind-index", hashlib.sha256).digest()

    @classmethod
    def from_settings(cls, data_key: str | None, keys_dir: Path) -> DataCipher:
        """Use HDT_DATA_KEY, or in development a key generated once under the keys directory."""
        return cls(data_key_bytes(data_key, keys_dir))

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, plaintext.encode(), None)
        return _PREFIX + base64.b64encode(nonce + sealed).decode()

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token.removeprefix(_PREFIX))
        return self._aead.decrypt(raw[:12], raw[12:], None).decode()

    def blind_index(self, value: str) -> str:
        """A keyed hash that finds a row by an encrypted value without decrypting every row."""
        return hmac.new(self._index_key, value.strip().upper().encode(), hashlib.sha256).hexdigest()


def mask_id_number(value: str) -> str:
    """``110101199003071234`` -> ``1101**********1234``."""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str) -> str:
    """``13800138000`` -> ``138****8000``."""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str) -> str:
    """``张三丰`` -> ``张**``."""
    return value[:1] + "*" * (len(value) - 1) if value else value
