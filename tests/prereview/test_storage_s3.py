"""The S3-compatible backend against a real S3 wire-protocol server (moto) on loopback: files
are stored encrypted with their data key and read back as uploaded."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterator

import aiobotocore.session
import boto3
import pytest
from moto.server import ThreadedMotoServer

from app.envelope import LocalKeyWrapper, SealedDataUnreadable, open_stream
from app.errors import AppError
from app.storage import S3Storage, keep_sealed, open_storage, read_opened
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
    url = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=url, **CREDENTIALS).create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "cn-north-1"})
    yield url
    server.stop()


async def _stream(data: bytes, size: int = 1000) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start:start + size]


async def _bucket_keys(s3_url: str) -> dict[str, int]:
    async with aiobotocore.session.get_session().create_client("s3", endpoint_url=s3_url, **CREDENTIALS) as s3:
        listed = await s3.list_objects_v2(Bucket=BUCKET)
        return {o["Key"]: o["Size"] for o in listed.get("Contents", [])}


async def _stored_object(s3_url: str, key: str) -> bytes:
    async with aiobotocore.session.get_session().create_client("s3", endpoint_url=s3_url, **CREDENTIALS) as s3:
        response = await s3.get_object(Bucket=BUCKET, Key=key)
        async with response["Body"] as body:
            return await body.read()


async def test_files_go_to_the_bucket_stream_back_and_refusals_leave_nothing(s3_url, tmp_path):
    storage = S3Storage(tmp_path, bucket=BUCKET, endpoint_url=s3_url, region="cn-north-1",
                        access_key_id="test", secret_access_key="test")
    wrapper = LocalKeyWrapper(b"k" * 32)
    try:
        received = await storage.receive(_stream(PDF), max_bytes=10_000, declared_type="application/pdf")
        key, data_key = await keep_sealed(storage, wrapper, received)
        assert received.sha256 == hashlib.sha256(PDF).hexdigest()
        assert list(await _bucket_keys(s3_url)) == [key]
        stored = await _stored_object(s3_url, key)
        assert PDF not in stored and PDF[:64] not in stored  # encrypted at rest
        assert b"".join([chunk async for chunk in read_opened(storage, wrapper, key, data_key)]) == PDF
        assert list((tmp_path / "tmp").iterdir()) == []  # the staging copies are gone

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


async def test_large_files_open_across_segments_and_a_cut_or_altered_file_does_not(s3_url, tmp_path):
    storage = S3Storage(tmp_path, bucket=BUCKET, endpoint_url=s3_url, region="cn-north-1",
                        access_key_id="test", secret_access_key="test")
    wrapper = LocalKeyWrapper(b"k" * 32)
    # Exactly two 64 KiB segments plus a few bytes, so the last segment is short.
    scan = PDF + bytes(range(256)) * 512 + b"tail" * 3
    try:
        received = await storage.receive(_stream(scan, 7000), max_bytes=1_000_000, declared_type=None)
        key, data_key = await keep_sealed(storage, wrapper, received)
        assert b"".join([chunk async for chunk in read_opened(storage, wrapper, key, data_key)]) == scan
        stored = await _stored_object(s3_url, key)
        raw_key = wrapper.unwrap(data_key)
        without_last_segment = stored[:-(16 + len(scan) % 65536)]
        flipped = stored[:40] + bytes([stored[40] ^ 1]) + stored[41:]
        for damaged in (stored[:-20], without_last_segment, flipped):
            with pytest.raises(SealedDataUnreadable):
                [chunk async for chunk in open_stream(_stream(damaged), raw_key)]
        await storage.delete(key)
    finally:
        await storage.close()


def test_a_configured_bucket_selects_the_s3_backend(tmp_path):
    assert isinstance(open_storage(Settings(env="test", storage_dir=tmp_path, s3_bucket=BUCKET)), S3Storage)
    assert not isinstance(open_storage(Settings(env="test", storage_dir=tmp_path)), S3Storage)
