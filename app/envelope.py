"""Envelope encryption of personal data at rest: a random AES-256-GCM data key per record,
stored only wrapped by the key from ``HDT_DATA_KEY`` (a ``KeyWrapper``, local today, a KMS later).

Rotating ``HDT_DATA_KEY`` re-wraps the data keys (``python -m app rotate-data-key``); what they
encrypt, forms and files, is never rewritten. Files are sealed in 64 KiB segments with the STREAM
construction (Hoang et al. 2015, as in Tink's streaming AEAD): each segment's nonce carries its
counter and a last-segment flag, so reordered, dropped or truncated segments fail to open.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.crypto import data_key_bytes
from app.errors import AppError
from config import Settings
from config.settings import decode_data_key

_MAGIC = b"HDTE1"
_PREFIX_BYTES = 7  # nonce = 7-byte random prefix + 4-byte segment counter + 1-byte last flag
_SEGMENT = 64 * 1024
_TAG = 16


class SealedDataUnreadable(AppError):
    """Encrypted data that its key does not open: tampered with, or wrapped by an unknown key."""

    status, code, message = 500, "SEALED_DATA_UNREADABLE", "加密数据无法解密"


class KeyWrapper(Protocol):
    """Wraps and unwraps data keys; ``key_id`` names the key new wraps use (stored in each wrap)."""

    key_id: str

    def wrap(self, data_key: bytes) -> str: ...

    def unwrap(self, wrapped: str) -> bytes: ...


def wrapping_key_id(key: bytes) -> str:
    """A short public name for a wrapping key, stored before each data key it wraps."""
    return "k" + hashlib.sha256(b"hdt-wrapping-key-id:" + key).hexdigest()[:16]


def key_id_of(wrapped: str) -> str:
    """The id of the wrapping key a wrapped data key was made with."""
    return wrapped.partition(".")[0]


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


class LocalKeyWrapper:
    """Wraps with ``HDT_DATA_KEY`` (AES-256-GCM); the previous keys still unwrap, for rotation."""

    def __init__(self, current: bytes, previous: Sequence[bytes] = ()) -> None:
        self._keys = {wrapping_key_id(key): AESGCM(key) for key in (*previous, current)}
        self.key_id = wrapping_key_id(current)

    @classmethod
    def from_settings(cls, settings: Settings) -> LocalKeyWrapper:
        """HDT_DATA_KEY (the development key file without it) and HDT_DATA_KEY_PREVIOUS."""
        return cls(data_key_bytes(settings.data_key, settings.keys_dir),
                   [decode_data_key(value) for value in settings.data_key_previous])

    def wrap(self, data_key: bytes) -> str:
        nonce = os.urandom(12)
        return f"{self.key_id}.{_b64(nonce + self._keys[self.key_id].encrypt(nonce, data_key, self.key_id.encode()))}"

    def unwrap(self, wrapped: str) -> bytes:
        kid, _, body = wrapped.partition(".")
        aead = self._keys.get(kid)
        if aead is None:
            raise SealedDataUnreadable(details={"wrapping_key_id": kid})
        raw = base64.b64decode(body)
        try:
            return aead.decrypt(raw[:12], raw[12:], kid.encode())
        except InvalidTag:
            raise SealedDataUnreadable(details={"wrapping_key_id": kid}) from None


def new_data_key(wrapper: KeyWrapper) -> tuple[bytes, str]:
    """A fresh random data key and its wrapped form (the only form that is stored)."""
    key = AESGCM.generate_key(bit_length=256)
    return key, wrapper.wrap(key)


def seal(data_key: bytes, plaintext: bytes, *, context: bytes) -> str:
    """Encrypt a small value; ``context`` (the row's id) binds it to its row."""
    nonce = os.urandom(12)
    return _b64(nonce + AESGCM(data_key).encrypt(nonce, plaintext, context))


def unseal(data_key: bytes, sealed: str, *, context: bytes) -> bytes:
    """Decrypt what ``seal`` made for the same row."""
    raw = base64.b64decode(sealed)
    try:
        return AESGCM(data_key).decrypt(raw[:12], raw[12:], context)
    except InvalidTag:
        raise SealedDataUnreadable() from None


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def seal_file(source: Path, target: Path, data_key: bytes) -> int:
    """Write ``source`` encrypted to ``target`` segment by segment; returns the sealed size."""
    aead, prefix = AESGCM(data_key), os.urandom(_PREFIX_BYTES)
    with source.open("rb") as plain, target.open("wb") as sealed:
        sealed.write(_MAGIC + prefix)
        counter, segment = 0, plain.read(_SEGMENT)
        while True:
            following = plain.read(_SEGMENT)
            last = not following
            sealed.write(aead.encrypt(_nonce(prefix, counter, last), segment, None))
            if last:
                return sealed.tell()
            counter, segment = counter + 1, following


async def open_stream(chunks: AsyncIterator[bytes], data_key: bytes) -> AsyncIterator[bytes]:
    """The plaintext of a sealed file read as chunks; a damaged or cut file raises."""
    aead, buffer, counter = AESGCM(data_key), b"", 0
    prefix: bytes | None = None
    try:
        async for chunk in chunks:
            buffer += chunk
            if prefix is None:
                if len(buffer) < len(_MAGIC) + _PREFIX_BYTES:
                    continue
                if not buffer.startswith(_MAGIC):
                    raise SealedDataUnreadable()
                prefix, buffer = buffer[len(_MAGIC):len(_MAGIC) + _PREFIX_BYTES], buffer[len(_MAGIC) + _PREFIX_BYTES:]
            # A full segment followed by more bytes cannot be the last one.
            while len(buffer) > _SEGMENT + _TAG:
                yield aead.decrypt(_nonce(prefix, counter, False), buffer[:_SEGMENT + _TAG], None)
                counter, buffer = counter + 1, buffer[_SEGMENT + _TAG:]
        if prefix is None:
            raise SealedDataUnreadable()
        yield aead.decrypt(_nonce(prefix, counter, True), buffer, None)
    except InvalidTag:
        raise SealedDataUnreadable() from None
