"""Residents' read API: item detail with ETag, filters, cursor pages, reference lists, halls."""

import uuid

import pytest

from app.ids import SHANGHAI, utcnow
from app.shapes import Page
from models.organization import CalendarOverride, Hall
from services.catalog.shapes import ItemSummary
from tests.builders import item_spec
from tests.builders.catalog import item_id_of

ITEMS = "/api/v1/catalog/items"


async def test_item_detail_carries_the_current_guide(client, synced):
    response = await client.get(f"{ITEMS}/{await item_id_of(client, 'GA001')}")

    assert response.status_code == 200
    item = response.json()
    assert (item["code"], item["department"]["code"], item["appointment_group"]) == (
        "GA001", "HDGA", "HUZHENG")
    assert [e["code"] for e in item["life_events"]] == ["birth"]
    guide = item["guide"]
    assert guide["version"] == 1
    assert guide["materials"][0]["name"] == "居民身份证"
    assert [s["name"] for s in guide["steps"]] == ["申请", "受理", "审查", "决定"]
    assert guide["data_template"]["fields"][1]["options"] == ["到期换领", "损坏换领"]


async def test_unchanged_detail_answers_304_to_its_etag(client, synced):
    url = f"{ITEMS}/{await item_id_of(client, 'GA001')}"
    first = await client.get(url)
    etag = first.headers["etag"]

    again = await client.get(url, headers={"if-none-match": etag})
    stale = await client.get(url, headers={"if-none-match": '"something-else"'})

    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert stale.status_code == 200 and stale.json() == first.json()


@pytest.mark.parametrize("item_id", [str(uuid.uuid4()), "not-a-uuid", "1' or '1'='1"])
async def test_unknown_or_malformed_item_id_is_404(client, synced, item_id):
    response = await client.get(f"{ITEMS}/{item_id}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "ITEM_NOT_FOUND"


async def test_unknown_guide_id_is_404(client, synced):
    response = await client.get(f"/api/v1/catalog/guides/{uuid.uuid4()}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "GUIDE_NOT_FOUND"


async def codes(client, **params) -> list[str]:
    response = await client.get(ITEMS, params=params)
    assert response.status_code == 200, response.text
    return [i["code"] for i in response.json()["items"]]


async def test_list_is_most_popular_first_and_filters(client, synced):
    assert await codes(client) == ["RS002", "GA001", "RS001", "GA003", "SC001", "GA002"]
    departments = {d["code"]: d["id"] for d in
                   (await client.get("/api/v1/catalog/departments")).json()["items"]}
    events = {e["code"]: e["id"] for e in
              (await client.get("/api/v1/catalog/life-events")).json()["items"]}
    halls = {h["code"]: h["id"] for h in (await client.get("/api/v1/catalog/halls")).json()["items"]}
    assert await codes(client, department_id=departments["HDGA"]) == ["GA001", "GA003", "GA002"]
    assert await codes(client, mode="fully_online") == ["RS002"]
    assert await codes(client, level="municipal") == ["SC001"]
    assert await codes(client, life_event_id=events["business"]) == ["SC001"]
    assert await codes(client, hall_id=halls["HD-ZGC"]) == ["GA003"]


@pytest.mark.parametrize(("path", "params"), [
    (ITEMS, {"limit": 3}),
    ("/api/v1/catalog/search", {"q": "登记"}),
    ("/api/v1/catalog/search", {"q": "sfz", "limit": 1}),
])
async def test_list_and_search_pages_are_exactly_the_documented_shape(client, synced, path, params):
    body = (await client.get(path, params=params)).json()
    page = Page[ItemSummary].model_validate(body)  # unknown or missing fields are refused
    assert page.items
    assert page.model_dump(mode="json") == body
    assert {item.department.code for item in page.items} <= {"HDGA", "HDRS", "HDSCJG"}
    assert all(isinstance(item["requires_realname"], bool) for item in body["items"])


async def test_cursor_pages_cover_every_item_once(client, synced):
    seen, cursor = [], None
    while True:
        page = (await client.get(ITEMS, params={"limit": 4, **({"cursor": cursor} if cursor else {})})).json()
        seen += [i["code"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["RS002", "GA001", "RS001", "GA003", "SC001", "GA002"]


class TestFullPages:
    """Pages of up to the largest page size: a page's summaries are loaded in one query."""

    @pytest.fixture
    def catalog_items(self) -> list[dict]:
        return [item_spec(f"BZ{n:03}", f"办证事项{n:03}", popularity=n) for n in range(1, 101)]

    @pytest.mark.parametrize("limit", [3, 20, 100])
    async def test_a_list_or_search_page_shows_every_item_in_order(self, client, synced, limit):
        expected = [f"BZ{n:03}" for n in range(100, 100 - limit, -1)]
        for path, params in [(ITEMS, {}), ("/api/v1/catalog/search", {"q": "办证事项"})]:
            body = (await client.get(path, params={"limit": limit, **params})).json()
            page = Page[ItemSummary].model_validate(body)
            assert [item.code for item in page.items] == expected
            assert {item.name for item in page.items} == {f"办证事项{code[2:]}" for code in expected}


@pytest.mark.parametrize(("params", "code"), [
    ({"mode": "carrier_pigeon"}, "VALIDATION_FAILED"),
    ({"department_id": "HDGA"}, "VALIDATION_FAILED"),
    ({"limit": "1000"}, "VALIDATION_FAILED"),
    ({"sort": "name"}, "VALIDATION_FAILED"),
    ({"cursor": "!!!"}, "INVALID_CURSOR"),
    ({"cursor": "bm9wZQ"}, "INVALID_CURSOR"),
])
async def test_invalid_filters_are_refused(client, synced, params, code):
    response = await client.get(ITEMS, params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == code


async def test_halls_show_todays_hours_and_local_closures(client, synced):
    today = utcnow().astimezone(SHANGHAI).date()
    zgc = await Hall.get(code="HD-ZGC")
    await CalendarOverride.create(hall=zgc, day=today, is_working_day=False, reason="设备检修")

    halls = {h["code"]: h for h in (await client.get("/api/v1/catalog/halls")).json()["items"]}

    assert halls["HD-ZGC"]["today"] == {"date": today.isoformat(), "is_open": False, "hours": []}
    center = halls["HD-CENTER"]
    assert center["hall_type"] == "district"
    assert center["today"]["date"] == today.isoformat()
    single = await client.get(f"/api/v1/catalog/halls/{center['id']}")
    assert single.json() == center


async def test_unknown_hall_is_404(client, synced):
    response = await client.get(f"/api/v1/catalog/halls/{uuid.uuid4()}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "HALL_NOT_FOUND"
