"""Test harness: a real server on loopback over a fresh database, cleaned before every test."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sanic import Sanic
from tortoise import Tortoise, connections

from app.db import apply_migrations
from app.factory import create_app
from config import Settings
from tests import backends
from tests.support import routes as support_routes

Sanic.test_mode = True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def tmp_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hdt")


@pytest.fixture(scope="session")
async def database_url(tmp_root: Path) -> AsyncIterator[str]:
    url = await backends.fresh_database(tmp_root)
    await apply_migrations(url)
    yield url
    if backends.POSTGRES_URL:
        await Tortoise.close_connections()
        await backends.drop_postgres_database(backends.POSTGRES_URL, url)


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_root: Path) -> Settings:
    return Settings(env="test", database_url=database_url, redis_url=backends.REDIS_URL,
                    keys_dir=tmp_root / "keys", access_log=False, log_level="WARNING")


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[Sanic]:
    """The service, started once per run as a real HTTP server on 127.0.0.1."""
    application = create_app(settings, name="hdt_test")
    application.blueprint(support_routes.bp)
    port = free_port()
    server = await application.create_server(host="127.0.0.1", port=port,
                                             return_asyncio_server=True, access_log=False)
    await server.startup()
    await server.before_start()
    await server.after_start()
    application.ctx.base_url = f"http://127.0.0.1:{port}"
    yield application
    await server.before_stop()
    await server.close()
    await server.after_stop()


@pytest.fixture(autouse=True)
async def clean_state(app: Sanic) -> None:
    """Every test starts from empty tables and an empty Redis."""
    conn = connections.get("default")
    tables = [model._meta.db_table for model in Tortoise.apps["models"].values()
              if model._meta.db_table != "aerich"]
    if conn.schema_generator.DIALECT == "postgres":
        await conn.execute_script(f'TRUNCATE {", ".join(tables)} RESTART IDENTITY CASCADE')
    else:
        await conn.execute_script("PRAGMA foreign_keys=OFF;" + "".join(
            f'DELETE FROM "{t}";' for t in tables) + "PRAGMA foreign_keys=ON;")
    await app.ctx.runtime.redis.flushdb()


@pytest.fixture
async def client(app: Sanic) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=app.ctx.base_url, timeout=30) as http:
        yield http


@pytest.fixture
def rt(app: Sanic):
    """The running server's shared clients, for builders that need keys or Redis."""
    return app.ctx.runtime
