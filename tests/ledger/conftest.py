"""Ledger test helpers: an RFC 9162 reference, published keys, subprocess runs, a witness server."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pytest

from ledger_verifier import load_jwks


class ReferenceTree:
    """RFC 9162 section 2.1 written out literally over a list of leaves (MTH, PATH, PROOF)."""

    def __init__(self, leaves: list[bytes]) -> None:
        self.leaves = leaves
        self.mth = lru_cache(maxsize=None)(self._mth)

    @staticmethod
    def _k(n: int) -> int:
        k = 1
        while k * 2 < n:
            k *= 2
        return k

    def _mth(self, lo: int, hi: int) -> bytes:
        n = hi - lo
        if n == 0:
            return hashlib.sha256(b"").digest()
        if n == 1:
            return hashlib.sha256(b"\x00" + self.leaves[lo]).digest()
        k = self._k(n)
        return hashlib.sha256(b"\x01" + self.mth(lo, lo + k) + self.mth(lo + k, hi)).digest()

    def path(self, m: int, lo: int, hi: int) -> list[bytes]:
        n = hi - lo
        if n == 1:
            return []
        k = self._k(n)
        if m < k:
            return self.path(m, lo, lo + k) + [self.mth(lo + k, hi)]
        return self.path(m - k, lo + k, hi) + [self.mth(lo, lo + k)]

    def subproof(self, m: int, lo: int, hi: int, complete: bool) -> list[bytes]:
        n = hi - lo
        if m == n:
            return [] if complete else [self.mth(lo, hi)]
        k = self._k(n)
        if m <= k:
            return self.subproof(m, lo, lo + k, complete) + [self.mth(lo + k, hi)]
        return self.subproof(m - k, lo + k, hi, False) + [self.mth(lo, lo + k)]


@pytest.fixture
async def ledger_keys(client):
    """The ledger's public keys as an outside verifier gets them: from the published JWKS."""
    response = await client.get("/api/v1/ledger/keys")
    assert response.status_code == 200
    return load_jwks(response.json())


ROOT = Path(__file__).resolve().parents[2]


async def run_python(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run ``python ARGS`` in the project directory without blocking the server's event loop."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, *args, cwd=ROOT, env={**os.environ, **(env or {})},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await process.communicate()
    return process.returncode, output.decode()


@pytest.fixture
def cli_env(settings, tmp_path) -> dict[str, str]:
    """Environment for ``python -m app`` commands against the test database and keys."""
    env = {"HDT_ENV": "test", "DATABASE_URL": settings.database_url, "HDT_KEYS_DIR": str(settings.keys_dir),
           "HDT_LOG_JSON": "false", "HDT_LEDGER_WITNESS_FILE": str(tmp_path / "witness.jsonl")}
    if settings.redis_url:
        env["REDIS_URL"] = settings.redis_url
    return env


@dataclass
class WitnessServer:
    """A witness service on loopback: records every head POSTed to it, answers ``status``."""

    url: str
    received: list[dict] = field(default_factory=list)
    status: int = 200


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
