"""Ledger test helpers: an RFC 9162 reference, published keys, subprocess runs, a witness server."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest

from ledger_verifier import load_jwks
from tests.builders.ledger import WitnessServer


@pytest.fixture
async def ledger_keys(client):
    """The ledger's public keys as an outside verifier gets them: from the published JWKS."""
    response = await client.get("/api/v1/ledger/keys")
    assert response.status_code == 200
    return load_jwks(response.json())


@pytest.fixture
def cli_env(settings, tmp_path) -> dict[str, str]:
    """Environment for ``python -m app`` commands against the test database and keys."""
    env = {"HDT_ENV": "test", "DATABASE_URL": settings.database_url, "HDT_KEYS_DIR": str(settings.keys_dir),
           "HDT_LOG_JSON": "false", "HDT_LEDGER_WITNESS_FILE": str(tmp_path / "witness.jsonl")}
    if settings.redis_url:
        env["REDIS_URL"] = settings.redis_url
    return env


@pytest.fixture
async def witness_server() -> AsyncIterator[WitnessServer]:
    witness = WitnessServer(url="")

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
        length = int(head.split("content-length:")[1].split("\r\n")[0])
        witness.received.append(json.loads(await reader.readexactly(length)))
        body = b'{"accepted":true}'
        writer.write(b"HTTP/1.1 %d X\r\ncontent-type: application/json\r\ncontent-length: %d\r\n"
                     b"connection: close\r\n\r\n%s" % (witness.status, len(body), body))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    witness.url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/heads"
    yield witness
    server.close()
    await server.wait_closed()
