"""Bundles in the catalog: synced from the file and versioned like guides; each department
receives only the fields it is declared for, or the file is refused whole."""

from __future__ import annotations

import pytest

from models.bundles import Bundle, BundleVersion
from models.catalog import ServiceItem
from services.catalog.sync import CatalogFileInvalid
from tests.builders.bundles import bundle_of, demo_document, sync_demo


async def test_the_demo_catalog_ships_both_bundles_with_their_steps_and_shares(client, rt):
    await sync_demo(rt)
    listed = (await client.get("/api/v1/catalog/bundles")).json()["items"]
    assert [(b["code"], b["name"], b["version"]) for b in listed] == [("CLFJY", "存量房交易", 1),
                                                                      ("QYKB", "企业开办", 1)]
    company = (await client.get("/api/v1/catalog/bundles/QYKB")).json()
    steps = {s["key"]: s for s in company["steps"]}
    assert steps["registration"]["after"] == []
    assert {k: s["after"] for k, s in steps.items() if k != "registration"} == {
        "seal": ["registration"], "tax": ["registration"], "invoice": ["registration"],
        "social_insurance": ["registration"]}
    assert steps["seal"]["department_code"] == "HDGA"
    assert steps["seal"]["receives"] == ["company_name", "credit_code", "seal_kinds"]
    assert [o["name"] for o in company["outputs"]][:2] == ["营业执照", "印章刻制备案回执"]
    home = (await client.get("/api/v1/catalog/bundles/CLFJY")).json()
    assert [p["role"] for p in home["parties"]] == ["seller", "buyer"]
    assert [(s["key"], s["after"]) for s in home["steps"]] == [("contract", []), ("tax", ["contract"]),
                                                                ("transfer", ["tax"])]
    assert "contract_filing_number" in home["steps"][1]["receives"]
    missing = await client.get("/api/v1/catalog/bundles/NOPE")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "BUNDLE_NOT_FOUND"
    # Longer than any code once percent-escaped (it reached the column's length check: 500).
    too_long = await client.get("/api/v1/catalog/bundles/" + "%C3%9E" * 12)
    assert too_long.status_code == 404 and too_long.json()["error"]["code"] == "BUNDLE_NOT_FOUND"


async def test_an_unchanged_bundle_keeps_its_version_and_a_changed_one_gets_a_new_one(client, rt):
    await sync_demo(rt)
    again = await sync_demo(rt)
    assert "bundles" not in again.created and "bundles" not in again.updated
    document = demo_document()
    bundle_of(document, "QYKB")["description"] = "新的说明"
    diff = await sync_demo(rt, document)
    assert diff.updated["bundles"] == {"QYKB": ["definition"]}
    bundle = await Bundle.get(code="QYKB")
    assert bundle.current_version == 2
    assert await BundleVersion.filter(bundle_id=bundle.id).count() == 2  # the old one stays, pinned
    assert (await client.get("/api/v1/catalog/bundles/QYKB")).json()["version"] == 2


@pytest.mark.parametrize(("change", "reason"), [
    (lambda b: b["shares"][1]["fields"].append("business_scope_secret"), "接收未声明的字段"),
    # A field produced by a step reaches only the steps after it, not a parallel one.
    (lambda b: b["shares"][0]["fields"].append("credit_code"), "不能接收其产生的 credit_code"),
    (lambda b: b["shares"].pop(), "办理环节但未声明其接收的字段"),
    (lambda b: b["steps"].reverse(), "须排在它之前"),
])
async def test_a_department_receiving_an_undeclared_field_refuses_the_whole_file(rt, change, reason):
    document = demo_document()
    change(bundle_of(document, "QYKB"))
    with pytest.raises(CatalogFileInvalid) as refused:
        await sync_demo(rt, document)
    assert reason in refused.value.message
    assert await Bundle.all().count() == 0
    assert await ServiceItem.all().count() == 0  # nothing half-written
