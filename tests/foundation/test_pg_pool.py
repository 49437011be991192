"""The PostgreSQL connection pool serves waiting requests in arrival order (real PostgreSQL).

CI's second run (.ci/run, HDT_TEST_DATABASE_URL set) runs every test here; the SQLite run has no
pool and skips them.
"""

import asyncio

import asyncpg
import pytest
from prometheus_client import REGISTRY
from tortoise import connections

from app.fastpath.pool import FairPool, PooledConnection
from tests import backends

pytestmark = pytest.mark.skipif(
    not backends.POSTGRES_URL,
    reason="SQLite has no connection pool; the PostgreSQL run (HDT_TEST_DATABASE_URL, as in CI) tests it")


def _dsn(database_url: str) -> str:
    return database_url.replace("postgres://", "postgresql://", 1)


async def test_the_service_queries_through_the_fair_pool(app, client):
    assert (await client.get("/readyz")).status_code == 200
    assert isinstance(connections.get("default")._pool, FairPool)


async def test_no_request_is_overtaken_by_more_than_those_already_waiting(database_url):
    # 16 clients churn through 2 connections. Served in arrival order, a request waits at most
    # one turn for each of the other 15; asyncpg's own pool lets newcomers take connections
    # from woken waiters, and one request here saw 39 others served first.
    clients, rounds = 16, 200
    pool = await FairPool(_dsn(database_url), min_size=2, max_size=2, connection_class=PooledConnection)
    try:
        granted = 0
        most_overtaken = 0

        async def client() -> None:
            nonlocal granted, most_overtaken
            for _ in range(rounds):
                asked_at = granted
                connection = await pool.acquire()
                most_overtaken = max(most_overtaken, granted - asked_at)
                granted += 1
                assert await connection.fetchval("SELECT 1") == 1
                await pool.release(connection)

        await asyncio.gather(*(client() for _ in range(clients)))
        assert granted == clients * rounds
        assert most_overtaken <= clients - 1
    finally:
        await pool.close()


async def test_a_failed_or_cancelled_acquire_gives_its_turn_back(database_url):
    pool = await FairPool(_dsn(database_url), min_size=1, max_size=1, connection_class=PooledConnection)
    try:
        held = await pool.acquire()
        with pytest.raises(asyncio.TimeoutError):
            await pool.acquire(timeout=0.05)
        await pool.release(held)
        again = await asyncio.wait_for(pool.acquire(), 5)
        assert await again.fetchval("SELECT 1") == 1
        await pool.release(again)
    finally:
        await pool.close()


async def test_a_connection_given_back_inside_a_transaction_is_rolled_back(database_url):
    # Idle connections go back in place; one left inside a transaction takes asyncpg's own
    # (shielded) way, which rolls the transaction back before anyone else gets the connection.
    pool = await FairPool(_dsn(database_url), min_size=1, max_size=1, connection_class=PooledConnection)
    try:
        connection = await pool.acquire()
        await connection.execute("BEGIN")
        await connection.execute("CREATE TEMP TABLE left_behind (n int)")
        await pool.release(connection)
        again = await asyncio.wait_for(pool.acquire(), 5)
        assert not again.is_in_transaction()
        assert await again.fetchval("SELECT to_regclass('pg_temp.left_behind')") is None
        await pool.release(again)
        for _ in range(3):  # and idle releases keep the single connection going round
            idle = await asyncio.wait_for(pool.acquire(), 5)
            assert await idle.fetchval("SELECT 1") == 1
            await pool.release(idle)
    finally:
        await pool.close()


async def test_the_pools_own_acquire_timeout_applies_when_none_is_given(database_url):
    # Tortoise acquires without a timeout; a request still stops waiting (docs/outages.md).
    pool = await FairPool(_dsn(database_url), min_size=1, max_size=1, acquire_timeout=0.05,
                          connection_class=PooledConnection)
    try:
        held = await pool.acquire()
        with pytest.raises(asyncio.TimeoutError):
            await pool.acquire()
        await pool.release(held)
        again = await asyncio.wait_for(pool.acquire(), 5)
        assert await again.fetchval("SELECT 1") == 1
        await pool.release(again)
    finally:
        await pool.close()


async def test_a_statement_past_its_command_timeout_closes_the_connection(database_url):
    # Instead of a cancel request over a new connection, which the ROLLBACK and the release
    # would wait for (as long again against a hung server), the connection is closed: both
    # fail or finish at once and the next acquire opens a fresh connection.
    pool = await FairPool(_dsn(database_url), min_size=1, max_size=1, command_timeout=0.2,
                          connection_class=PooledConnection)
    try:
        connection = await pool.acquire()
        await connection.execute("BEGIN")
        with pytest.raises(asyncio.TimeoutError):
            await connection.execute("SELECT pg_sleep(3)")
        with pytest.raises(asyncpg.InterfaceError):
            await connection.execute("ROLLBACK")
        await asyncio.wait_for(pool.release(connection), 5)
        again = await asyncio.wait_for(pool.acquire(), 5)
        assert await again.fetchval("SELECT 1") == 1
        await pool.release(again)
    finally:
        await pool.close()


class PoolWithARenamedInternal(FairPool):
    """As if an asyncpg upgrade renamed an attribute the in-place release reads."""

    def _releases_without_waiting(self, connection):
        raise AttributeError("'PoolConnectionHolder' object has no attribute '_max_queries'")


class ConnectionFailingInPlace(PooledConnection):
    """As if the in-place release's call of this hook no longer fitted it: every other call
    (asyncpg's own release, which follows) goes through."""

    refuse_next = True

    def _on_release(self, *args):
        refuse, self.refuse_next = self.refuse_next, not self.refuse_next
        if refuse:
            raise TypeError("_on_release() takes 2 positional arguments but 1 was given")
        super()._on_release(*args)


def _fallbacks(stage: str) -> float:
    return REGISTRY.get_sample_value("hdt_fast_path_release_fallbacks_total", {"stage": stage}) or 0


@pytest.mark.parametrize("pool_class, connection_class, stage", [
    (PoolWithARenamedInternal, PooledConnection, "check"),
    (FairPool, ConnectionFailingInPlace, "in_place"),
])
async def test_a_failing_in_place_release_still_gives_the_connection_back(
        database_url, pool_class, connection_class, stage):
    # On a pool of one, a connection that did not go back would leave the next acquire waiting.
    pool = await pool_class(_dsn(database_url), min_size=1, max_size=1, acquire_timeout=5,
                            connection_class=connection_class)
    before = _fallbacks(stage)
    try:
        for _ in range(20):
            connection = await pool.acquire()
            assert await connection.fetchval("SELECT 1") == 1
            await pool.release(connection)
        assert _fallbacks(stage) - before == 20
    finally:
        await pool.close()
