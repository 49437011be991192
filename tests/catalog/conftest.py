"""Fixtures for catalog tests: a small synced catalog and logged-in admins."""

from __future__ import annotations

import pytest

from tests.builders import catalog_document, item_spec, login_staff, make_staff, sync_catalog

ITEMS = [
    item_spec("GA001", "居民身份证换领", popularity=900, aliases=["换身份证"], life_events=["birth"]),
    item_spec("GA002", "居民身份证补领", popularity=500),
    item_spec("GA003", "户口迁移", popularity=700, halls=["HD-CENTER", "HD-ZGC"]),
    item_spec("RS001", "社会保障卡申领", department="HDRS", popularity=800, appointment_group="SHEBAO"),
    item_spec("RS002", "灵活就业社会保险登记", department="HDRS", popularity=950,
              modes=["fully_online"], appointment_group=None),
    item_spec("SC001", "企业设立登记", department="HDSCJG", popularity=600, level="municipal",
              appointment_group="QIYE", life_events=["business"]),
]


@pytest.fixture
def catalog_items() -> list[dict]:
    return [dict(item) for item in ITEMS]


@pytest.fixture
async def synced(rt, catalog_items):
    """The small catalog above, imported; returns the export document."""
    document = catalog_document(catalog_items)
    await sync_catalog(rt, document)
    return document


async def _admin(rt, role: str):
    return await login_staff(rt, await make_staff(rt, roles=[role]))


@pytest.fixture
async def global_admin(rt, synced):
    return await _admin(rt, "admin")


@pytest.fixture
async def police_admin(rt, synced):
    """An admin scoped to the public security department (HDGA) only."""
    return await _admin(rt, "admin:HDGA")


async def item_id_of(client, code: str) -> str:
    """The id of an item, found through the public list."""
    response = await client.get("/api/v1/catalog/items", params={"limit": 100})
    return next(i["id"] for i in response.json()["items"] if i["code"] == code)
