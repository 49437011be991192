"""Builders of the catalog tests (their fixtures are in tests/catalog/conftest.py)."""

from __future__ import annotations

from tests.builders import item_spec, login_staff, make_staff

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


async def _admin(rt, role: str):
    return await login_staff(rt, await make_staff(rt, roles=[role]))


async def item_id_of(client, code: str) -> str:
    """The id of an item, found through the public list."""
    response = await client.get("/api/v1/catalog/items", params={"limit": 100})
    return next(i["id"] for i in response.json()["items"] if i["code"] == code)
