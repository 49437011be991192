"""File storage for materials and certificates: streamed in, sniffed by content, signed URLs.

Uploads are staged in a local temporary file (hashed and sniffed as they arrive), then kept,
encrypted with their data key (``app.envelope``), in the configured backend: the local directory
by default, an S3-compatible bucket (MinIO, OSS, COS …) when ``HDT_S3_BUCKET`` is set. ``read``
gives the stored (sealed) bytes; ``app.envelope.open_stream`` turns them back into the upload.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import os
import re
import tempfile
import uuid
import zipfile
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import aiobotocore.session
import puremagic

from app.envelope import KeyWrapper, new_data_key, open_stream, seal_file
from app.errors import AppError

if TYPE_CHECKING:  # both import this module
    from app.context import Runtime
    from config import Settings

OFD = "application/ofd"
ALLOWED_TYPES = {"application/pdf": ".pdf", OFD: ".ofd", "image/jpeg": ".jpg", "image/png": ".png"}
_SNIFF_BYTES = 4096
_READ_CHUNK = 64 * 1024
# An OFD (GB/T 33190, 版式文档: the national format of e-certificates and e-invoices) is a ZIP
# whose root entry OFD.xml is an ofd:OFD document in this namespace. puremagic knows only the ZIP
# (and calls it a Word file), so the entry is looked at: its first bytes, never the whole.
_ZIP_SIGNATURE = b"PK\x03\x04"
_OFD_NAMESPACE = b"http://www.ofdspec.org/2016"
_OFD_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?OFD[\s>/]")
_OFD_HEAD_BYTES = 1024


class UploadRefused(AppError):
    status, code, message = 415, "MATERIAL_TYPE_NOT_ALLOWED", "只接受 PDF、OFD、JPEG 或 PNG 文件"


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

    async def keep(self, received: ReceivedFile, *, data_key: bytes) -> str: ...

    def read(self, key: str) -> AsyncIterator[bytes]: ...

    async def delete(self, key: str) -> None: ...

    async def close(self) -> None: ...


def sniff(head: bytes, declared_type: str | None, path: Path) -> str:
    """The content type read from a file's first bytes (and for a ZIP, from its ``OFD.xml``, in
    the whole file at ``path``); refuse other types and lying uploads."""
    if head.startswith(_ZIP_SIGNATURE):
        found = OFD if is_ofd(path) else "application/zip"
    else:
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


def is_ofd(path: Path) -> bool:
    """Whether the ZIP at ``path`` is an OFD: a root ``OFD.xml`` beginning an ofd:OFD element."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("OFD.xml") as root:
            head = root.read(_OFD_HEAD_BYTES)  # a bomb's entry is inflated this far only
    except (zipfile.BadZipFile, KeyError, ValueError, NotImplementedError, RuntimeError, EOFError, OSError,
            zlib.error):
        return False  # damaged, no OFD.xml, encrypted or an unknown compression
    return _OFD_NAMESPACE in head and _OFD_ROOT.search(head) is not None


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
            content_type = sniff(head, declared_type, path)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return ReceivedFile(path, digest.hexdigest(), size, content_type)

    async def keep(self, received: ReceivedFile, *, data_key: bytes) -> str:
        """Encrypt a checked upload into place; returns its storage key."""
        key = new_key(received)
        target = self._path(key)
        target.parent.mkdir(exist_ok=True)
        sealed = received.path.with_suffix(".sealed")
        try:
            await asyncio.to_thread(seal_file, received.path, sealed, data_key)
            os.replace(sealed, target)
        finally:
            received.path.unlink(missing_ok=True)
            sealed.unlink(missing_ok=True)
        return key

    async def read(self, key: str) -> AsyncIterator[bytes]:
        """The stored file in chunks."""
        with self._path(key).open("rb") as source:
            while chunk := source.read(_READ_CHUNK):
                yield chunk

    async def delete(self, key: str) -> None:
        """Remove a stored file (missing files are fine: deletes may be retried)."""
        self._path(key).unlink(missing_ok=True)

    async def close(self) -> None:
        """Nothing to release for a directory."""


def new_key(received: ReceivedFile) -> str:
    """A random, unguessable storage key keeping the sniffed type's extension."""
    return uuid.uuid4().hex + ALLOWED_TYPES[received.content_type]


class S3Storage:
    """Files in an S3-compatible bucket; uploads are staged under the local directory's ``tmp/``."""

    def __init__(self, staging_root: Path, *, bucket: str, endpoint_url: str | None, region: str,
                 access_key_id: str | None, secret_access_key: str | None) -> None:
        self._staging = LocalStorage(staging_root)
        self.bucket = bucket
        self._client_options = {"endpoint_url": endpoint_url, "region_name": region,
                                "aws_access_key_id": access_key_id,
                                "aws_secret_access_key": secret_access_key}
        self._stack = contextlib.AsyncExitStack()
        self._client: Any = None  # aiobotocore's S3 client (untyped)
        self._opening = asyncio.Lock()

    async def _s3(self) -> Any:
        # Opened on first use inside the event loop that serves requests, once per process.
        async with self._opening:
            if self._client is None:
                session = aiobotocore.session.get_session()
                self._client = await self._stack.enter_async_context(
                    session.create_client("s3", **self._client_options))
        return self._client

    async def receive(self, chunks: AsyncIterator[bytes], *, max_bytes: int,
                      declared_type: str | None) -> ReceivedFile:
        """Stage, hash and sniff the upload locally first, exactly as the local backend does."""
        return await self._staging.receive(chunks, max_bytes=max_bytes, declared_type=declared_type)

    async def keep(self, received: ReceivedFile, *, data_key: bytes) -> str:
        """Encrypt a checked file, upload it (streamed), then drop the staging copies."""
        key = new_key(received)
        client = await self._s3()
        sealed = received.path.with_suffix(".sealed")
        try:
            size = await asyncio.to_thread(seal_file, received.path, sealed, data_key)
            with sealed.open("rb") as body:
                await client.put_object(Bucket=self.bucket, Key=key, Body=body,
                                        ContentType="application/octet-stream", ContentLength=size)
        finally:
            received.path.unlink(missing_ok=True)
            sealed.unlink(missing_ok=True)
        return key

    async def read(self, key: str) -> AsyncIterator[bytes]:
        client = await self._s3()
        response = await client.get_object(Bucket=self.bucket, Key=key)
        async with response["Body"] as body:
            async for chunk in body.iter_chunks(_READ_CHUNK):
                yield chunk

    async def delete(self, key: str) -> None:
        client = await self._s3()
        await client.delete_object(Bucket=self.bucket, Key=key)

    async def close(self) -> None:
        await self._stack.aclose()
        self._client = None


def open_storage(settings: Settings) -> Storage:
    """The storage backend the settings choose (``config.Settings``)."""
    if settings.s3_bucket:
        return S3Storage(settings.storage_dir, bucket=settings.s3_bucket,
                         endpoint_url=settings.s3_endpoint_url, region=settings.s3_region,
                         access_key_id=settings.s3_access_key_id,
                         secret_access_key=settings.s3_secret_access_key)
    return LocalStorage(settings.storage_dir)


def storage_of(rt: Runtime) -> Storage:
    """The storage of a runtime (``app.context.Runtime``), opened with it."""
    return rt.storage


def discard(received: ReceivedFile) -> None:
    """Drop a checked upload that is not kept (every backend stages uploads on local disk)."""
    received.path.unlink(missing_ok=True)


async def keep_sealed(storage: Storage, wrapper: KeyWrapper, received: ReceivedFile) -> tuple[str, str]:
    """Keep a checked upload encrypted with a new data key; returns its storage key and wrapped key."""
    data_key, wrapped = new_data_key(wrapper)
    return await storage.keep(received, data_key=data_key), wrapped


def read_opened(storage: Storage, wrapper: KeyWrapper, key: str, data_key: str | None) -> AsyncIterator[bytes]:
    """A stored file's bytes as uploaded; files kept in clear before encryption at rest (no
    data key) are read as they are."""
    chunks = storage.read(key)
    return chunks if data_key is None else open_stream(chunks, wrapper.unwrap(data_key))


def sign(secret: bytes, resource: str, expires: int) -> str:
    """HMAC-SHA256 of a resource name and its expiry (unix seconds), hex."""
    return hmac.new(secret, f"{resource}|{expires}".encode(), hashlib.sha256).hexdigest()


def signature_valid(secret: bytes, resource: str, expires: int, signature: str, now: int) -> bool:
    """True when the signature matches and has not expired. Compared as bytes: compare_digest
    refuses str with non-ASCII characters (a raise, answered as a 500, where a forgery is meant)."""
    return now <= expires and hmac.compare_digest(sign(secret, resource, expires).encode(),
                                                  signature.encode())
