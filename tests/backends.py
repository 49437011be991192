"""Which database and Redis the suite runs against, and fresh copies of them per run.

``HDT_TEST_DATABASE_URL`` (a PostgreSQL server URL) and ``HDT_TEST_REDIS_URL`` select the real
servers; unset, the suite uses the embedded defaults (a SQLite file and the in-process Redis).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

POSTGRES_URL = os.environ.get("HDT_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("HDT_TEST_REDIS_URL") or None

# For tests whose subject does not depend on the database or Redis (start-up, configuration,
# browsers, the development `run`): CI runs the suite once per backend, and these once in all.
embedded_pass_only = pytest.mark.skipif(POSTGRES_URL is not None, reason="runs once, in the embedded pass")


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


async def create_postgres_database(base_url: str) -> str:
    """A new empty database on the server of ``base_url``; returns its URL."""
    name = f"hdt_test_{secrets.token_hex(4)}"
    conn = await asyncpg.connect(base_url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return _with_database(base_url, name)


async def drop_postgres_database(base_url: str, database_url: str) -> None:
    name = urlsplit(database_url).path.lstrip("/")
    conn = await asyncpg.connect(base_url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def fresh_database(tmp_dir: Path) -> str:
    """A fresh database URL for one test run on the selected backend."""
    if POSTGRES_URL:
        return await create_postgres_database(POSTGRES_URL)
    return f"sqlite://{tmp_dir / 'test.sqlite3'}"
