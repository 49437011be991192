"""Cached reads: served from the cache, invalidated on change, and alive without Redis."""

import asyncio
from datetime import timedelta

import httpx

from app.cache import CatalogCache
from app.ids import to_local
from models.catalog import ServiceItem
from tests.builders import make_hall, make_slot, resident_session
from tests.builders.appointments import book
from tests.builders.catalog import item_id_of
from tests.support.server import running_service, service_env
from tests.support.waiting import eventually


async def test_reads_come_from_the_cache_until_a_change_invalidates_them(client, synced, police_admin):
    item_id = await item_id_of(client, "GA001")
    first = (await client.get(f"/api/v1/catalog/items/{item_id}")).json()
    # A write that bypasses the services is not seen: the detail is served from the cache.
    await ServiceItem.filter(code="GA001").update(popularity=1)
    cached = (await client.get(f"/api/v1/catalog/items/{item_id}")).json()

    # Any catalog change made through the services invalidates every cached read.
    await client.patch(f"/api/v1/admin/catalog/items/{await item_id_of(client, 'GA002')}",
                       headers=police_admin.headers, json={"popularity": 3})
    fresh = (await client.get(f"/api/v1/catalog/items/{item_id}")).json()

    assert cached == first
    assert fresh["popularity"] == 1


async def test_a_search_is_answered_from_worker_memory_until_a_change(client, rt, synced, police_admin):
    async def search() -> dict:
        return (await client.get("/api/v1/catalog/search", params={"q": "sfz"})).json()

    first = await search()
    await ServiceItem.filter(code="GA001").update(popularity=1)  # bypasses the services
    cached = await search()
    await client.patch(f"/api/v1/admin/catalog/items/{await item_id_of(client, 'GA002')}",
                       headers=police_admin.headers, json={"popularity": 3})
    fresh = {i["code"]: i["popularity"] for i in (await search())["items"]}

    assert cached == first
    assert fresh == {"GA001": 1, "GA002": 3}
    # Search pages stay out of Redis: most queries are asked once.
    assert not [key async for key in rt.redis.scan_iter("catalog:*search:*")]


async def test_another_worker_sees_the_change(client, rt, synced, police_admin):
    other_worker = CatalogCache(rt.redis)
    other_worker.start()
    contents = iter(["before", "after"])

    async def load() -> str:
        return next(contents)

    try:
        assert (await other_worker.get_or_load("probe", load)).body == b"before"
        await client.patch(f"/api/v1/admin/catalog/items/{await item_id_of(client, 'GA001')}",
                           headers=police_admin.headers, json={"popularity": 7})
        # Delivery to the other worker is asynchronous: ask until it answers (bounded).
        for _ in range(200):
            body = (await other_worker.get_or_load("probe", load)).body
            if body == b"after":
                break
            await asyncio.sleep(0.02)
        assert body == b"after"
    finally:
        await other_worker.stop()


async def test_a_document_one_worker_loaded_is_served_to_another_from_redis(rt):
    loading_worker, other_worker = CatalogCache(rt.redis), CatalogCache(rt.redis)
    body = '{"name":"户口迁移（市内）"}'

    async def load() -> str:
        return body

    async def must_not_load() -> str:
        raise AssertionError("the database was asked although Redis holds the document")

    async def stored() -> bool:
        return bool([key async for key in rt.redis.scan_iter("catalog:*:probe")])

    loaded = await loading_worker.get_or_load("probe", load)
    # The Redis write does not hold up the response: wait for it.
    await eventually(stored, "the document written to Redis")
    served = await other_worker.get_or_load("probe", must_not_load)
    assert served.body == loaded.body == body.encode()
    assert served.etag == loaded.etag


async def test_item_summaries_stay_in_worker_memory_until_a_change(client, rt, synced, police_admin):
    """Pages are written from item summaries each worker keeps: a page loads only those it lacks."""
    worker = CatalogCache(rt.redis)
    worker.start()
    loaded: list[list[str]] = []

    async def load(item_ids: list[str]) -> dict[str, str]:
        loaded.append(item_ids)
        return {item_id: f'"{item_id}"' for item_id in item_ids if item_id != "gone"}

    async def loads_of_a_twice() -> int:
        loaded.clear()
        await worker.summaries(["a"], load)
        await worker.summaries(["a"], load)
        return len(loaded)

    try:
        # Kept only once the worker listens for changes (delivery is asynchronous: bounded wait).
        for _ in range(200):
            if await loads_of_a_twice() == 1:
                break
            await asyncio.sleep(0.02)
        assert loaded == [["a"]]

        # One load for the missing ones, page order kept; an item gone in between is left out.
        assert await worker.summaries(["b", "a", "gone", "c"], load) == ['"b"', '"a"', '"c"']
        assert loaded[-1] == ["b", "gone", "c"]

        await client.patch(f"/api/v1/admin/catalog/items/{await item_id_of(client, 'GA001')}",
                           headers=police_admin.headers, json={"popularity": 7})
        for _ in range(200):
            loaded.clear()
            await worker.summaries(["a"], load)
            if loaded:
                break
            await asyncio.sleep(0.02)
        assert loaded == [["a"]]
    finally:
        await worker.stop()


async def test_a_worker_whose_redis_is_down_still_serves_the_catalog(app, client, synced):
    """A second server process, pointed at a Redis that refuses connections, answers from the DB."""
    item_id = await item_id_of(client, "GA001")
    expected = (await client.get(f"/api/v1/catalog/items/{item_id}")).json()
    settings = app.ctx.settings
    env = service_env(DATABASE_URL=settings.database_url, HDT_ENV="test", REDIS_URL="redis://127.0.0.1:1/0",
                      HDT_KEYS_DIR=str(settings.keys_dir))
    async with running_service(env) as base_url, httpx.AsyncClient(base_url=base_url, timeout=10) as degraded:
        detail = await degraded.get(f"/api/v1/catalog/items/{item_id}")
        search = await degraded.get("/api/v1/catalog/search", params={"q": "sfz"})

    assert detail.status_code == 200 and detail.json() == expected
    assert [i["code"] for i in search.json()["items"]] == ["GA001", "GA002"]


async def test_booking_reads_the_item_from_the_cache_until_a_change(client, rt, synced, police_admin):
    """Booking, availability and the gate take the item's facts from worker memory; a change made
    through the services reaches them at once."""
    item_id = await item_id_of(client, "GA001")
    hall = await make_hall()
    slots = [await make_slot(hall=hall, appointment_group="HUZHENG", starts_in=timedelta(days=2 + n)) for n in range(2)]
    resident, latecomer = await resident_session(rt), await resident_session(rt)
    assert (await book(client, resident, item_id=item_id, slot_id=slots[0].id)).status_code == 201
    # A write that bypasses the services is not seen: the booking's facts are cached.
    await ServiceItem.filter(code="GA001").update(appointment_group="OTHER")
    assert (await book(client, latecomer, item_id=item_id, slot_id=slots[0].id)).status_code == 201

    unpublished = await client.post(f"/api/v1/admin/catalog/items/{item_id}/unpublish", headers=police_admin.headers)
    assert unpublished.status_code == 200, unpublished.text
    refused = await book(client, await resident_session(rt), item_id=item_id, slot_id=slots[1].id)
    day = to_local(slots[1].starts_at).date().isoformat()
    listed = await client.get("/api/v1/appointments/availability", params={
        "hall_id": str(hall.id), "item_id": item_id, "day_from": day, "day_to": day})
    assert (refused.status_code, refused.json()["error"]["code"]) == (404, "ITEM_NOT_FOUND")
    assert (listed.status_code, listed.json()["error"]["code"]) == (404, "ITEM_NOT_FOUND")
