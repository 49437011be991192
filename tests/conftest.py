"""Test harness: a real server on loopback over a fresh database, cleaned before every test.

The WeChat and Beijing Pass emulators run beside it as real servers on the same loop, and the
service's settings point at them, exactly as `python -m app run` does in development.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from sanic import Sanic
from tortoise import Tortoise, connections

from app.db import apply_migrations
from app.factory import create_app
from config import Settings
from emulators.bjpass import create_bjpass_emulator
from emulators.bjpass import state_from_settings as bjpass_state
from emulators.common import RunningServer, serve_on_loop
from emulators.sms import create_sms_emulator
from emulators.sms import state_from_settings as sms_state
from emulators.wechat import create_wechat_emulator
from emulators.wechat import state_from_settings as wechat_state
from emulators.wechatpay import create_wechatpay_emulator
from emulators.wechatpay import state_from_settings as wechatpay_state
from tests import backends
from tests.support import routes as support_routes
from tests.support.server import free_port

Sanic.test_mode = True


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
def ports() -> dict[str, int]:
    """Ports chosen up front, so settings can name every server's URL before any starts."""
    return {"app": free_port(), "wechat": free_port(), "bjpass": free_port(), "sms": free_port(),
            "wechatpay": free_port(), "front_end": free_port()}


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_root: Path, ports: dict[str, int]) -> Settings:
    wechat_url = f"http://127.0.0.1:{ports['wechat']}"
    bjpass_url = f"http://127.0.0.1:{ports['bjpass']}"
    return Settings(env="test", database_url=database_url, redis_url=backends.REDIS_URL,
                    keys_dir=tmp_root / "keys", storage_dir=tmp_root / "uploads",
                    access_log=False, log_level="WARNING",
                    public_base_url=f"http://127.0.0.1:{ports['app']}",
                    wechat_api_base_url=wechat_url, wechat_open_base_url=wechat_url,
                    bjpass_authorize_url=bjpass_url + "/oauth2/authorize",
                    bjpass_token_url=bjpass_url + "/oauth2/token",
                    bjpass_userinfo_url=bjpass_url + "/oauth2/userinfo",
                    sms_api_url=f"http://127.0.0.1:{ports['sms']}",
                    wechatpay_api_base_url=f"http://127.0.0.1:{ports['wechatpay']}",
                    # The front-end page of tests/identity/test_browser_logins.py logs in from there.
                    login_return_origins=["https://h5.haidian.example",
                                          f"http://127.0.0.1:{ports['front_end']}"],
                    cors_origins=["https://staff.haidian.example"])


@pytest.fixture(scope="session")
async def emulators(settings: Settings, ports: dict[str, int]) -> AsyncIterator[dict[str, RunningServer]]:
    """The WeChat, Beijing Pass, Tencent SMS and WeChat Pay emulators, as real servers on 127.0.0.1."""
    running = {
        "wechat": await serve_on_loop(create_wechat_emulator(wechat_state(settings)),
                                      host="127.0.0.1", port=ports["wechat"]),
        "bjpass": await serve_on_loop(create_bjpass_emulator(bjpass_state(settings)),
                                      host="127.0.0.1", port=ports["bjpass"]),
        "sms": await serve_on_loop(create_sms_emulator(sms_state(settings)),
                                   host="127.0.0.1", port=ports["sms"]),
        "wechatpay": await serve_on_loop(create_wechatpay_emulator(wechatpay_state(settings)),
                                         host="127.0.0.1", port=ports["wechatpay"]),
    }
    yield running
    for server in running.values():
        await server.stop()


@pytest.fixture(scope="session")
async def app(settings: Settings, ports: dict[str, int],
              emulators: dict[str, RunningServer]) -> AsyncIterator[Sanic]:
    """The service, started once per run as a real HTTP server on 127.0.0.1."""
    application = create_app(settings, name="hdt_test")
    application.blueprint(support_routes.bp)
    port = ports["app"]
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
async def clean_state(app: Sanic, emulators: dict[str, RunningServer]) -> None:
    """Every test starts from empty tables, an empty Redis and freshly reset emulators."""
    for emulator in emulators.values():
        emulator.app.ctx.reset_emulator()
    conn = connections.get("default")
    tables = [model._meta.db_table for model in Tortoise.apps["models"].values()
              if model._meta.db_table != "aerich"]
    if conn.schema_generator.DIALECT == "postgres":
        # Not under the service's 2 s statement bounds: on a loaded host the TRUNCATE may wait for
        # the previous test's workers to let go of their locks, which is no failure of the test.
        try:
            async with conn.acquire_connection() as raw:
                await raw.execute(f"""BEGIN; SET LOCAL statement_timeout = '120s'; SET LOCAL lock_timeout = '120s';
                                      TRUNCATE {", ".join(tables)} RESTART IDENTITY CASCADE; COMMIT;""",
                                  timeout=120)
        except (TimeoutError, asyncpg.QueryCanceledError) as exc:
            raise AssertionError("the tables could not be emptied: a session of the previous test still "
                                 f"holds a lock; the test database's sessions: {await _sessions()}") from exc
    else:
        # SQLite has no TRUNCATE to get past the append-only trigger of the staff reads record;
        # its rows name fresh random ids in every test, so the ones left behind match no query.
        await conn.execute_script("PRAGMA foreign_keys=OFF;" + "".join(
            f'DELETE FROM "{t}";' for t in tables if t != "personal_data_reads")
            + "PRAGMA foreign_keys=ON;")
    await app.ctx.runtime.redis.flushdb()


async def _sessions() -> list[dict]:
    """The test database's other sessions: what each runs or last ran, since when, in which state."""
    async with connections.get("default").acquire_connection() as raw:
        rows = await raw.fetch("""SELECT pid, state, xact_start, wait_event_type, left(query, 300) AS query
                                  FROM pg_stat_activity
                                  WHERE datname = current_database() AND pid <> pg_backend_pid()""")
    return [dict(row) for row in rows]


@pytest.fixture
async def client(app: Sanic) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=app.ctx.base_url, timeout=30) as http:
        yield http


@pytest.fixture
async def wechat(emulators: dict[str, RunningServer]) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP client of the WeChat emulator (its ``/_emulator/`` controls mint codes etc.)."""
    async with httpx.AsyncClient(base_url=emulators["wechat"].base_url, timeout=30) as http:
        yield http


@pytest.fixture
async def bjpass(emulators: dict[str, RunningServer]) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP client of the Beijing Pass emulator."""
    async with httpx.AsyncClient(base_url=emulators["bjpass"].base_url, timeout=30) as http:
        yield http


@pytest.fixture
async def sms(emulators: dict[str, RunningServer]) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP client of the Tencent SMS emulator."""
    async with httpx.AsyncClient(base_url=emulators["sms"].base_url, timeout=30) as http:
        yield http


@pytest.fixture
async def wechatpay(emulators: dict[str, RunningServer]) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP client of the WeChat Pay emulator (``/_emulator/wechatpay/pay`` is the resident paying)."""
    async with httpx.AsyncClient(base_url=emulators["wechatpay"].base_url, timeout=30) as http:
        yield http


@pytest.fixture
def rt(app: Sanic):
    """The running server's shared clients, for builders that need keys or Redis."""
    return app.ctx.runtime
