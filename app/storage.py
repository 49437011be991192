"""File storage for uploaded materials: streamed in, sniffed by content, signed download URLs."""

from __future__ import annotations

import hashlib
import hmac
import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import puremagic

from app.errors import AppError

ALLOWED_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
_SNIFF_BYTES = 4096
_READ_CHUNK = 64 * 1024


class UploadRefused(AppError):
    status, code, message = 415, "MATERIAL_TYPE_NOT_ALLOWED", "只接受 PDF、JPEG 或 PNG 文件"


@dataclass
class ReceivedFile:
    """An upload written to a temporary file and checked; ``Storage.keep`` makes it permanent."""

    path: Path
    sha256: str
    size: int
    content_type: str


class Storage(Protocol):
    """Where material files live; the local directory is the default backend."""

    async def receive(self, chunks: AsyncIterator[bytes], *, max_bytes: int,
                      declared_type: str | None) -> ReceivedFile: ...

    def keep(self, received: ReceivedFile) -> str: ...

    def read(self, key: str) -> Iterator[bytes]: ...

    def delete(self, key: str) -> None: ...


def sniff(head: bytes, declared_type: str | None) -> str:
    """The content type read from a file's first bytes; refuse other types and lying uploads."""
    try:
        found = puremagic.from_string(head, mime=True)
    except puremagic.PureError:
        found = ""
    if found not in ALLOWED_TYPES:
        raise UploadRefused(details={"detected": found or "unknown"})
    declared = (declared_type or "").split(";")[0].strip().lower()
    if declared not in ("", "application/octet-stream", found):
        raise UploadRefused("文件内容与声明的类型不符", code="MATERIAL_TYPE_MISMATCH",
                            details={"declared": declared, "detected": found})
    return found


class LocalStorage:
    """Files under one directory, named by random keys; temporary files in its ``tmp/``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "tmp").mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        if not key or "/" in key or key.startswith("."):
            raise ValueError("invalid storage key")
        return self.root / key[:2] / key

    async def receive(self, chunks: AsyncIterator[bytes], *, max_bytes: int,
                      declared_type: str | None) -> ReceivedFile:
        """Write the stream to a temporary file while hashing; on any refusal nothing stays.

        Local-disk writes are short and buffered, so they run on the event loop."""
        digest, size, head = hashlib.sha256(), 0, b""
        handle, name = tempfile.mkstemp(dir=self.root / "tmp", suffix=".part")
        path = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > max_bytes:
                        raise AppError(f"单个文件不能超过 {max_bytes} 字节", code="MATERIAL_TOO_LARGE",
                                       status=413, details={"max_bytes": max_bytes})
                    if len(head) < _SNIFF_BYTES:
                        head += chunk[:_SNIFF_BYTES - len(head)]
                    digest.update(chunk)
                    out.write(chunk)
            if size == 0:
                raise AppError("文件为空", code="MATERIAL_EMPTY", status=422)
            content_type = sniff(head, declared_type)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return ReceivedFile(path, digest.hexdigest(), size, content_type)

    def keep(self, received: ReceivedFile) -> str:
        """Move a checked upload into place; returns its storage key."""
        key = uuid.uuid4().hex + ALLOWED_TYPES[received.content_type]
        target = self._path(key)
        target.parent.mkdir(exist_ok=True)
        os.replace(received.path, target)
        return key

    def read(self, key: str) -> Iterator[bytes]:
        """The stored file in chunks."""
        with self._path(key).open("rb") as source:
            while chunk := source.read(_READ_CHUNK):
                yield chunk

    def delete(self, key: str) -> None:
        """Remove a stored file (missing files are fine: deletes may be retried)."""
        self._path(key).unlink(missing_ok=True)


_instances: dict[Path, LocalStorage] = {}


def storage_of(rt) -> Storage:
    """The material storage configured for a runtime (``app.context.Runtime``)."""
    return local_storage(rt.settings.storage_dir)


def local_storage(root: Path) -> LocalStorage:
    """The storage for a settings' directory (one instance per directory per process)."""
    if root not in _instances:
        _instances[root] = LocalStorage(root)
    return _instances[root]


def sign(secret: bytes, resource: str, expires: int) -> str:
    """HMAC-SHA256 of a resource name and its expiry (unix seconds), hex."""
    return hmac.new(secret, f"{resource}|{expires}".encode(), hashlib.sha256).hexdigest()


def signature_valid(secret: bytes, resource: str, expires: int, signature: str, now: int) -> bool:
    """True when the signature matches and has not expired."""
    return now <= expires and hmac.compare_digest(sign(secret, resource, expires), signature)
