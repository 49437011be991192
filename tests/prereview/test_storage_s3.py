"""The S3-compatible backend against a real S3 wire-protocol server (moto) on loopback."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterator

import aiobotocore.session
import pytest
from moto.server import ThreadedMotoServer

from app.errors import AppError
from app.storage import S3Storage, open_storage
from config import Settings
from tests.builders.prereview import PDF, PNG
from tests.support.server import free_port

BUCKET = "hdt-materials"
CREDENTIALS = {"region_name": "cn-north-1", "aws_access_key_id": "test", "aws_secret_access_key": "test"}


@pytest.fixture(scope="module")
def s3_url() -> Iterator[str]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


async def _stream(data: bytes, size: int = 1000) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start:start + size]


async def _bucket_keys(s3_url: str) -> dict[str, int]:
    async with aiobotocore.session.get_session().create_client("s3", endpoint_url=s3_url, **CREDENTIALS) as s3:
        listed = await s3.list_objects_v2(Bucket=BUCKET)
        return {o["Key"]: o["Size"] for o in listed.get("Contents", [])}


async def test_files_go_to_the_bucket_stream_back_and_refusals_leave_nothing(s3_url, tmp_path):
    async with aiobotocore.session.get_session().create_client("s3", endpoint_url=s3_url, **CREDENTIALS) as s3:
        await s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "cn-north-1"})
    storage = S3Storage(tmp_path, bucket=BUCKET, endpoint_url=s3_url, region="cn-north-1",
                        access_key_id="test", secret_access_key="test")
    try:
        received = await storage.receive(_stream(PDF), max_bytes=10_000, declared_type="application/pdf")
        key = await storage.keep(received)
        assert received.sha256 == hashlib.sha256(PDF).hexdigest()
        assert await _bucket_keys(s3_url) == {key: len(PDF)}
        assert b"".join([chunk async for chunk in storage.read(key)]) == PDF
        assert list((tmp_path / "tmp").iterdir()) == []  # the staging copy is gone

        with pytest.raises(AppError) as lying:
            await storage.receive(_stream(PNG), max_bytes=10_000, declared_type="application/pdf")
        assert lying.value.code == "MATERIAL_TYPE_MISMATCH"
        with pytest.raises(AppError) as too_large:
            await storage.receive(_stream(PDF), max_bytes=100, declared_type=None)
        assert too_large.value.code == "MATERIAL_TOO_LARGE"
        assert list((tmp_path / "tmp").iterdir()) == [] and list(await _bucket_keys(s3_url)) == [key]

        await storage.delete(key)
        assert await _bucket_keys(s3_url) == {}
    finally:
        await storage.close()


def test_a_configured_bucket_selects_the_s3_backend(tmp_path):
    assert isinstance(open_storage(Settings(env="test", storage_dir=tmp_path, s3_bucket=BUCKET)), S3Storage)
    assert not isinstance(open_storage(Settings(env="test", storage_dir=tmp_path)), S3Storage)
