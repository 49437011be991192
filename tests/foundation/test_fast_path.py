"""The fenced fast path (app.fastpath): its self-check, that the hot paths take it, and that a
service whose self-check finds an internal missing falls back to the plain path and still works."""

from __future__ import annotations

import json
import secrets
import tempfile
import uuid
from collections import Counter
from datetime import timedelta

import httpx
import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from app import fastpath
from app.fastpath.pool import FairAsyncpgClient, FairPool
from app.fastpath.sql import (
    create_row,
    create_rows,
    get_where,
    insert_all,
    insert_rows,
    new_rows,
    update_by_key,
    update_rows,
)
from models.outbox import OutboxEvent
from models.push import Delivery, DeliveryStatus
from models.users import User
from tests import backends
from tests.builders import (
    catalog_document,
    make_hall,
    make_service_item,
    make_slot,
    resident_session,
    sync_catalog,
)
from tests.builders.appointments import book
from tests.builders.catalog import ITEMS
from tests.support.server import running_service, service_env
from tests.support.statements import logged_statements

HIDDEN = "asyncpg.pool.Pool._acquire"


def test_the_self_check_passes_on_the_installed_versions():
    assert fastpath.self_check() == []


def test_the_self_check_names_what_a_class_lacks():
    class PoolWithoutAcquire:  # as if an asyncpg upgrade renamed it
        async def release(self, connection): ...

    probes = {f"Pool.{name}": fastpath.has_attribute(lambda: PoolWithoutAcquire, name)
              for name in ("_acquire", "release")}
    assert fastpath.self_check(required=probes) == ["Pool._acquire"]
    assert fastpath.self_check(hidden={HIDDEN}) == [HIDDEN]


async def test_the_running_service_is_on_the_fast_path(app, client):
    assert fastpath.ENABLED is True and fastpath.MISSING == ()
    metrics = (await client.get("/metrics")).text
    assert "hdt_fast_path_enabled 1.0" in metrics


async def test_a_booking_takes_the_prebuilt_sql_and_the_fair_pool(client, rt):
    hall = await make_hall()
    item = await make_service_item(appointment_group="G1")
    slot = await make_slot(hall=hall, starts_in=timedelta(days=2))
    resident = await resident_session(rt)
    before = Counter(fastpath.TAKEN)

    response = await book(client, resident, item_id=item.id, slot_id=slot.id)

    assert response.status_code == 201, response.text
    taken = fastpath.TAKEN - before
    # The resident lock, the rules, the appointment, its events and the seat (on PostgreSQL
    # taken by the query that commits).
    assert taken["get_where"] >= 2 and taken["select_where"] == 1
    assert taken["insert_all"] == 1
    seat = "update_and_commit" if backends.POSTGRES_URL else "update_where"
    assert taken[seat] == 1 and taken["update_where"] + taken["update_and_commit"] == 1
    if backends.POSTGRES_URL:
        database = connections.get("default")
        assert type(database) is FairAsyncpgClient and isinstance(database._pool, FairPool)
        assert taken["release_in_place"] > 0


@pytest.fixture
def plain_path(monkeypatch):
    """This process's queries on the plain path, as after a failed self-check (the engine
    stays the one chosen at start; the child-process test below covers that choice)."""
    monkeypatch.setattr(fastpath, "ENABLED", False)


async def test_on_the_plain_path_a_booking_is_the_same_and_takes_no_prebuilt_sql(client, rt, plain_path):
    hall = await make_hall()
    item = await make_service_item(appointment_group="G1")
    slot = await make_slot(hall=hall, starts_in=timedelta(days=2), capacity=1)
    resident, other = await resident_session(rt), await resident_session(rt)
    before = Counter(fastpath.TAKEN)

    first = await book(client, resident, item_id=item.id, slot_id=slot.id, key="plain-key-1")
    again = await book(client, resident, item_id=item.id, slot_id=slot.id, key="plain-key-1")
    full = await book(client, other, item_id=item.id, slot_id=slot.id)

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert full.json()["error"]["code"] == "APPOINTMENT_SLOT_FULL"
    events = await OutboxEvent.filter(aggregate_id=first.json()["id"]).count()
    assert events == 3  # confirmed and two reminders
    taken = fastpath.TAKEN - before
    del taken["release_in_place"]  # the pool chosen at start is still the fair one
    assert taken == Counter()


async def test_both_paths_read_and_write_the_same_rows(app):
    made = {}
    for enabled in (True, False):
        fastpath.ENABLED = enabled
        try:
            user = await create_row(User, display_name=f"两条路{enabled}")
            await insert_rows(OutboxEvent, [{"event_type": "test.paths", "aggregate_id": f"{enabled}",
                                             "payload": {"事项": "生育登记"}}])
            async with in_transaction():
                locked = await get_where(User, id=user.id, for_update=True)
            missing = await get_where(User, id=uuid.uuid4())
            nullable = await get_where(User, id=user.id, phone_index=None)
        finally:
            fastpath.ENABLED = True
        stored = await User.get(id=user.id)
        made[enabled] = user
        assert missing is None and locked.id == nullable.id == user.id
        for name in ("display_name", "is_active", "created_at"):
            assert getattr(user, name) == getattr(stored, name) == getattr(locked, name)
    rows = await OutboxEvent.filter(event_type="test.paths").order_by("aggregate_id")
    assert [(r.aggregate_id, r.payload, r.published_at) for r in rows] == [
        ("False", {"事项": "生育登记"}, None), ("True", {"事项": "生育登记"}, None)]


async def test_both_paths_write_a_change_and_its_events_together(app):
    """insert_all: the objects new_rows gives are the rows stored; on PostgreSQL's fast path one
    statement writes every batch (a booking and its events)."""
    for enabled in (True, False):
        fastpath.ENABLED = enabled
        try:
            users = new_rows(User, [{"display_name": f"一并写入{enabled}"}])
            events = new_rows(OutboxEvent, [{"event_type": "test.together", "aggregate_id": f"{enabled}-{n}",
                                             "payload": {"事项": "生育登记", "n": n}} for n in range(2)])
            with logged_statements() as sql:
                await insert_all(users, new_rows(OutboxEvent, []), events)
        finally:
            fastpath.ENABLED = True
        (user,) = users.objects
        stored = await User.get(id=user.id)
        for name in ("display_name", "is_active", "created_at"):
            assert getattr(user, name) == getattr(stored, name)
        rows = await OutboxEvent.filter(aggregate_id__startswith=f"{enabled}-").order_by("aggregate_id")
        assert [(r.id, r.event_type, r.payload, r.published_at) for r in rows] == [
            (e.id, "test.together", {"事项": "生育登记", "n": n}, None) for n, e in enumerate(events.objects)]
        if enabled and backends.POSTGRES_URL:
            assert len(sql) == 1 and sql[0].startswith('WITH w0 AS (INSERT INTO "users"'), sql


async def test_both_paths_write_the_same_rows_by_key(app):
    """update_rows: each row gets its own values (None, JSON, an enum, a bigint); rows not named keep theirs."""
    for enabled in (True, False):
        rows = [await Delivery.create(event_id=f"rows-{enabled}-{n}", event_type="notice", recipient=f"user:{n}")
                for n in range(3)]
        for n, row in enumerate(rows[:2]):
            row.status, row.msgid = (DeliveryStatus.SENT, 2**40 + n) if n else (DeliveryStatus.FAILED, None)
            row.tried, row.error = [{"channel": "oa_template", "n": n}], None if n else "失败"
        fastpath.ENABLED = enabled
        before = Counter(fastpath.TAKEN)
        try:
            await update_rows(Delivery, rows[:2], ["status", "msgid", "tried", "error"])
        finally:
            fastpath.ENABLED = True
        stored = await Delivery.filter(event_id__startswith=f"rows-{enabled}-").order_by("event_id")
        assert [(d.status, d.msgid, d.tried, d.error) for d in stored] == [
            (DeliveryStatus.FAILED, None, [{"channel": "oa_template", "n": 0}], "失败"),
            (DeliveryStatus.SENT, 2**40 + 1, [{"channel": "oa_template", "n": 1}], None),
            (DeliveryStatus.PENDING, None, [], None)]
        # The unnest statement on PostgreSQL's fast path; bulk_update elsewhere.
        assert (fastpath.TAKEN - before)["update_rows"] == (1 if enabled and backends.POSTGRES_URL else 0)


async def test_both_paths_update_by_a_key_and_say_which_keys_they_found(app):
    """update_by_key: rows found by a non-primary key (a msgid) get their own values; a key no row
    holds is left out of the answer; rows not named keep theirs."""
    for enabled in (True, False):
        base = 2**41 + (10 if enabled else 20)
        for n in range(3):
            await Delivery.create(event_id=f"keyed-{enabled}-{n}", event_type="notice", recipient=f"user:{n}",
                                  status=DeliveryStatus.SENT, msgid=base + n)
        fastpath.ENABLED = enabled
        before = Counter(fastpath.TAKEN)
        try:
            found = await update_by_key(Delivery, key="msgid", rows=[
                (base, {"status": DeliveryStatus.DELIVERED, "error": None}),
                (base + 1, {"status": DeliveryStatus.FAILED, "error": "job_finish: failed:user block"}),
                (base + 9, {"status": DeliveryStatus.DELIVERED, "error": None})])
        finally:
            fastpath.ENABLED = True
        assert found == {base, base + 1}
        stored = await Delivery.filter(event_id__startswith=f"keyed-{enabled}-").order_by("event_id")
        assert [(d.status, d.error) for d in stored] == [
            (DeliveryStatus.DELIVERED, None), (DeliveryStatus.FAILED, "job_finish: failed:user block"),
            (DeliveryStatus.SENT, None)]
        assert (fastpath.TAKEN - before)["update_by_key"] == (1 if enabled and backends.POSTGRES_URL else 0)


async def test_both_paths_create_the_same_rows_and_skip_the_stored_ones(app):
    """create_rows: the objects returned are the rows stored; a row whose
    unique key is taken is neither written nor returned, and the stored one is left as it was."""
    for enabled in (True, False):
        stored = await Delivery.create(event_id=f"create-{enabled}", event_type="notice", recipient="user:0",
                                       status=DeliveryStatus.SENT)
        rows = [{"event_id": f"create-{enabled}", "event_type": "notice", "recipient": f"user:{n}",
                 "user_id": None, "content": {"data": {"thing1": "闭馆"}}, "page": "pages/notice"}
                for n in range(3)]
        fastpath.ENABLED = enabled
        before = Counter(fastpath.TAKEN)
        try:
            created = await create_rows(Delivery, rows)
        finally:
            fastpath.ENABLED = True
        assert (fastpath.TAKEN - before)["create_rows"] == (1 if enabled else 0)
        assert [d.recipient for d in created] == ["user:1", "user:2"]
        read = {d.id: d for d in await Delivery.filter(event_id=f"create-{enabled}")}
        assert read[stored.id].status == DeliveryStatus.SENT and len(read) == 3
        for made in created:
            for name in ("event_id", "recipient", "status", "attempts", "content", "page", "tried", "created_at"):
                assert getattr(made, name) == getattr(read[made.id], name), name


async def test_both_paths_answer_the_same_catalog_pages(client, rt, monkeypatch):
    await sync_catalog(rt, catalog_document([dict(item) for item in ITEMS]))
    requests = [("/api/v1/catalog/items", {"limit": 2}), ("/api/v1/catalog/items", {"level": "municipal"}),
                ("/api/v1/catalog/search", {"q": "身份证"}), ("/api/v1/catalog/search", {"q": "sfz", "limit": 1}),
                ("/api/v1/catalog/search", {"q": "登记", "mode": "fully_online"})]
    pages = {}
    for enabled in (True, False):
        monkeypatch.setattr(fastpath, "ENABLED", enabled)
        await rt.catalog_cache.invalidate()  # pages and summaries are loaded again, this way
        before = Counter(fastpath.TAKEN)
        pages[enabled] = []
        for path, params in requests:
            page = (await client.get(path, params=params)).json()
            cursor = page.get("next_cursor")
            following = (await client.get(path, params={**params, "cursor": cursor})).json() if cursor else None
            pages[enabled].append((page, following))
        assert ((fastpath.TAKEN - before)["fetch_prebuilt"] > 0) is enabled
    assert pages[True] == pages[False]
    assert any(page["items"] for page, _ in pages[True])


async def test_a_service_missing_an_internal_falls_back_says_so_and_serves(database_url, tmp_path):
    # The real decision code in a real service process: its self-check is told that one of
    # asyncpg's pool internals is missing, as after an upgrade that renamed it.
    url = database_url + ("?maxsize=2" if backends.POSTGRES_URL else "")
    env = service_env(HDT_ENV="test", DATABASE_URL=url, HDT_KEYS_DIR=str(tmp_path / "keys"),
                      HDT_STORAGE_DIR=str(tmp_path / "uploads"),
                      HDT_FAST_PATH_HIDDEN=json.dumps([HIDDEN]))
    if backends.REDIS_URL:
        env["REDIS_URL"] = backends.REDIS_URL
    with tempfile.TemporaryFile() as output:
        async with running_service(env, output=output) as base_url:
            async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
                # Many more requests than pooled connections, one after another: a connection
                # not given back would leave the later ones waiting.
                for index in range(40):
                    missing = await http.get(f"/api/v1/catalog/items/{uuid.uuid4()}")
                    assert missing.json()["error"]["code"] == "ITEM_NOT_FOUND"
                    found = await http.get("/api/v1/catalog/search",
                                           params={"q": f"查{index}{secrets.token_hex(2)}"})
                    assert found.status_code == 200 and found.json()["items"] == []
                assert (await http.get("/api/v1/catalog/items")).status_code == 200
                assert (await http.get("/readyz")).status_code == 200
                assert "hdt_fast_path_enabled 0.0" in (await http.get("/metrics")).text
        output.seek(0)
        lines = [line for line in output.read().decode().splitlines() if '"fast_path"' in line]
    # Once per process: Sanic's main process builds the app too, then the worker.
    assert 1 <= len(lines) <= 2, "\n".join(lines)
    for line in lines:
        said = json.loads(line[line.index("{"):])
        assert said["enabled"] is False and said["missing"] == [HIDDEN]


def test_the_plain_path_configures_tortoises_own_asyncpg_engine(monkeypatch):
    from app.db import tortoise_config
    url = "postgres://hdt@127.0.0.1:5432/hdt"
    fast = tortoise_config(url, serving=True)["connections"]["default"]
    monkeypatch.setattr(fastpath, "ENABLED", False)
    plain = tortoise_config(url, serving=True)["connections"]["default"]
    assert (fast["engine"], plain["engine"]) == ("app.fastpath.pool", "tortoise.backends.asyncpg")
    # asyncpg's own pool takes no acquire timeout; the statement bounds stay.
    assert "acquire_timeout" in fast["credentials"] and "acquire_timeout" not in plain["credentials"]
    assert plain["credentials"]["command_timeout"] == fast["credentials"]["command_timeout"]
