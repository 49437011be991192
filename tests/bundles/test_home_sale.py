"""存量房交易 over HTTP: seller and buyer each confirm with their own identity; the shared form is
versioned; three chained steps pass their decision data on; a denial at the tax step stops the
registration and says why; either party may withdraw before acceptance; each party's own fields
(the applicant's, the buyer's) hold that party's verified identity."""

from __future__ import annotations

import json

import pytest

from models.ledger import LedgerEntry
from models.users import User
from services.catalog.sync import CatalogFileInvalid
from tests.builders.bundles import (
    approve,
    bundle_of,
    decide_step,
    demo_document,
    make_desk,
    pass_prereview,
    sync_demo,
    upload_materials,
)
from tests.builders.companies import agent_session

SELLER = ("张三", "110108199003071238")
BUYER = ("王五", "110105197811207895")
FORM = {"property_address": "海淀区中关村大街1号1单元101", "certificate_number": "京(2020)海淀区不动产权第0000001号",
        "price_yuan": 3000000, "seller_name": SELLER[0], "buyer_name": BUYER[0]}


async def _draft(client, rt, hall_id: str):
    seller = await agent_session(rt, name=SELLER[0], id_number=SELLER[1])
    buyer = await agent_session(rt, name=BUYER[0], id_number=BUYER[1])
    created = await client.post("/api/v1/bundle-applications", headers=seller.headers, json={
        "bundle_code": "CLFJY", "hall_id": hall_id, "role": "seller", "form_data": FORM,
        "parties": [{"role": "buyer", "name": BUYER[0], "id_number": BUYER[1]}]})
    assert created.status_code == 201, created.text
    return seller, buyer, await upload_materials(client, seller, created.json())


async def test_both_parties_confirm_and_a_tax_denial_stops_the_registration(client, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDZJW", "HDSW", "HDGHZR"])
    seller, buyer, draft = await _draft(client, rt, desk.hall_id)
    url = f"/api/v1/bundle-applications/{draft['id']}"
    assert [(p["role"], p["confirmed"]) for p in draft["parties"]] == [("seller", False), ("buyer", False)]
    assert BUYER[1] not in json.dumps(draft)

    # The buyer finds it among theirs; submitting without the buyer's confirmation is refused.
    assert [b["id"] for b in (await client.get("/api/v1/bundle-applications", headers=buyer.headers)).json()["items"]
            ] == [draft["id"]]
    early = await client.post(f"{url}/submit", headers=seller.headers)
    assert early.status_code == 409 and early.json()["error"]["code"] == "BUNDLE_PARTIES_UNCONFIRMED"

    # Both edit version 1: the buyer's edit wins, the seller's is refused as stale.
    edited = await client.put(f"{url}/form", headers=buyer.headers,
                              json={"form_version": 1, "form_data": {**FORM, "buyer_first_home": True}})
    assert edited.status_code == 200 and edited.json()["form_version"] == 2
    stale = await client.put(f"{url}/form", headers=seller.headers,
                             json={"form_version": 1, "form_data": {**FORM, "price_yuan": 1}})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "BUNDLE_FORM_CHANGED"
    stale_confirm = await client.post(f"{url}/confirm", headers=buyer.headers, json={"form_version": 1})
    assert stale_confirm.json()["error"]["code"] == "BUNDLE_FORM_CHANGED"
    confirmed = await client.post(f"{url}/confirm", headers=buyer.headers, json={"form_version": 2})
    assert [p["confirmed"] for p in confirmed.json()["parties"]] == [False, True]
    submitted = await client.post(f"{url}/submit", headers=seller.headers)
    assert submitted.status_code == 200, submitted.text
    steps = {s["key"]: s for s in submitted.json()["steps"]}
    assert [s["state"] for s in steps.values()] == ["submitted", "draft", "draft"]

    await decide_step(client, desk, "HDZJW", steps["contract"]["application_id"],
                      outputs={"contract_filing_number": "WQ2026-0001"})
    tax_id = steps["tax"]["application_id"]
    tax_view = await client.get(f"/api/v1/review/applications/{tax_id}", headers=desk.reviewers["HDSW"][0].headers)
    assert tax_view.json()["form_data"] == {"property_address": FORM["property_address"], "price_yuan": 3000000,
                                            "buyer_first_home": True, "contract_filing_number": "WQ2026-0001"}
    # The registration cannot be decided before the tax step.
    early = await approve(client, desk.reviewers["HDGHZR"][1], steps["transfer"]["application_id"])
    assert early.json()["error"]["code"] == "BUNDLE_STEP_NOT_STARTED"

    await pass_prereview(client, desk.reviewers["HDSW"][0], tax_id)
    denied = await approve(client, desk.reviewers["HDSW"][1], tax_id, opinion="deny", comment="申报成交价明显偏低")
    assert denied.status_code == 200 and denied.json()["application"]["state"] == "denied"

    after = (await client.get(url, headers=buyer.headers)).json()
    assert after["state"] == "stopped"
    assert "申报成交价明显偏低" in after["stop_reason"] and "契税申报缴纳" in after["stop_reason"]
    states = {s["key"]: s["state"] for s in after["steps"]}
    assert states == {"contract": "certificate_made", "tax": "denied", "transfer": "withdrawn"}
    stopped = [t for t in after["timeline"] if t["step"] == "transfer"]
    assert stopped[-1]["to_state"] == "withdrawn" and "申报成交价明显偏低" in stopped[-1]["reason"]
    assert [r["ready"] for r in after["results"]] == [True, False, False]

    leaves = await LedgerEntry.filter(record_type__in=["bundle_handover", "approval_decision"]).order_by("seq")
    records = [(e.record_type, json.loads(e.leaf)["data"]) for e in leaves]
    assert [(t, d.get("decision")) for t, d in records if t == "approval_decision"] == [
        ("approval_decision", "approved"), ("approval_decision", "denied")]
    passed_on = [d for t, d in records if t == "bundle_handover" and d.get("from_application_id")]
    assert passed_on == [{"bundle_application_id": draft["id"], "application_id": tax_id,
                          "department_id": steps["tax"]["department_id"],
                          "from_application_id": steps["contract"]["application_id"],
                          "fields": ["contract_filing_number"]}]


async def test_either_party_withdraws_before_acceptance_and_strangers_see_nothing(client, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDZJW"])
    seller, buyer, draft = await _draft(client, rt, desk.hall_id)
    url = f"/api/v1/bundle-applications/{draft['id']}"
    stranger = await agent_session(rt, name="李四", id_number="110102198506124562")
    assert (await client.get(url, headers=stranger.headers)).status_code == 404
    refused = await client.put(f"{url}/form", headers=stranger.headers, json={"form_version": 1, "form_data": FORM})
    assert refused.status_code == 404
    await client.post(f"{url}/confirm", headers=buyer.headers, json={"form_version": 1})
    assert (await client.post(f"{url}/submit", headers=seller.headers)).status_code == 200
    withdrawn = await client.post(f"{url}/withdraw", headers=buyer.headers, json={"reason": "买方资金未到位"})
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["state"] == "withdrawn"
    assert {s["state"] for s in withdrawn.json()["steps"]} == {"withdrawn"}


async def test_withdrawal_after_a_department_accepted_is_refused(client, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDZJW"])
    seller, buyer, draft = await _draft(client, rt, desk.hall_id)
    url = f"/api/v1/bundle-applications/{draft['id']}"
    await client.post(f"{url}/confirm", headers=buyer.headers, json={"form_version": 1})
    submitted = (await client.post(f"{url}/submit", headers=seller.headers)).json()
    await pass_prereview(client, desk.reviewers["HDZJW"][0], submitted["steps"][0]["application_id"])
    late = await client.post(f"{url}/withdraw", headers=seller.headers, json={"reason": "不卖了"})
    assert late.status_code == 409 and late.json()["error"]["code"] == "BUNDLE_STATE_INVALID"


async def test_the_fields_marked_as_the_applicants_hold_the_first_partys_verified_identity(client, rt):
    document = demo_document()
    seller_name = next(f for f in bundle_of(document, "CLFJY")["template"]["fields"] if f["name"] == "seller_name")
    seller_name["applicant"] = "name"  # 卖方姓名 is the seller's (the first party's) own name
    await sync_demo(rt, document)
    desk = await make_desk(rt, ["HDZJW"])
    seller = await agent_session(rt, name=SELLER[0], id_number=SELLER[1])
    buyer = await agent_session(rt, name=BUYER[0], id_number=BUYER[1])
    body = {"bundle_code": "CLFJY", "hall_id": desk.hall_id, "role": "seller",
            "parties": [{"role": "buyer", "name": BUYER[0], "id_number": BUYER[1]}]}

    forged = await client.post("/api/v1/bundle-applications", headers=seller.headers,
                               json={**body, "form_data": {**FORM, "seller_name": "李四(not me)"}})
    assert forged.status_code == 422, forged.text
    assert forged.json()["error"]["code"] == "APPLICANT_MISMATCH"
    assert forged.json()["error"]["details"] == {"fields": [{"field": "seller_name", "applicant": "name"}]}
    left_empty = {name: value for name, value in FORM.items() if name != "seller_name"}
    created = await client.post("/api/v1/bundle-applications", headers=seller.headers,
                                json={**body, "form_data": left_empty})
    assert created.status_code == 201, created.text
    assert created.json()["form_data"]["seller_name"] == SELLER[0]  # filled from the seller's identity
    url = f"/api/v1/bundle-applications/{created.json()['id']}"
    # The buyer edits the shared form, but cannot rename the seller.
    renamed = await client.put(f"{url}/form", headers=buyer.headers,
                               json={"form_version": 1, "form_data": {**FORM, "seller_name": BUYER[0]}})
    assert renamed.json()["error"]["code"] == "APPLICANT_MISMATCH"

    # Checked again at submission: the seller's verified name changed since the form was saved.
    await upload_materials(client, seller, created.json())
    await client.post(f"{url}/confirm", headers=buyer.headers, json={"form_version": 1})
    await User.filter(id=seller.id).update(real_name_enc=rt.cipher.encrypt("张三丰"))
    late = await client.post(f"{url}/submit", headers=seller.headers)
    assert late.status_code == 422 and late.json()["error"]["code"] == "APPLICANT_MISMATCH"


async def test_each_party_confirms_and_saves_only_their_own_name(client, rt):
    document = demo_document()
    home_sale = bundle_of(document, "CLFJY")
    next(f for f in home_sale["template"]["fields"] if f["name"] == "seller_name")["applicant"] = "name"
    home_sale["parties"][1]["identity"] = {"name": "buyer_name"}  # 买方姓名 is the buyer's own
    await sync_demo(rt, document)
    desk = await make_desk(rt, ["HDZJW"])
    seller = await agent_session(rt, name=SELLER[0], id_number=SELLER[1])
    buyer = await agent_session(rt, name=BUYER[0], id_number=BUYER[1])
    # The buyer files: their own name is bound at once; the seller's is not known yet.
    created = await client.post("/api/v1/bundle-applications", headers=buyer.headers, json={
        "bundle_code": "CLFJY", "hall_id": desk.hall_id, "role": "buyer",
        "form_data": {**FORM, "seller_name": "李四", "buyer_name": ""},
        "parties": [{"role": "seller", "name": SELLER[0], "id_number": SELLER[1]}]})
    assert created.status_code == 201, created.text
    assert (created.json()["form_data"]["seller_name"], created.json()["form_data"]["buyer_name"]) == (
        "李四", BUYER[0])
    url = f"/api/v1/bundle-applications/{created.json()['id']}"
    refused = await client.post(f"{url}/confirm", headers=seller.headers, json={"form_version": 1})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "APPLICANT_MISMATCH"
    assert refused.json()["error"]["details"] == {"fields": [{"field": "seller_name", "applicant": "name"}]}
    corrected = await client.put(f"{url}/form", headers=seller.headers,
                                 json={"form_version": 1, "form_data": {**FORM, "seller_name": ""}})
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["form_data"]["seller_name"] == SELLER[0]
    assert (await client.post(f"{url}/confirm", headers=seller.headers, json={"form_version": 2})).status_code == 200
    # Now both are known: neither can put another name in the other's field.
    renamed = await client.put(f"{url}/form", headers=seller.headers,
                               json={"form_version": 2, "form_data": {**FORM, "buyer_name": "赵六"}})
    assert renamed.status_code == 422
    assert renamed.json()["error"]["details"] == {"fields": [{"field": "buyer_name", "applicant": "name"}]}


@pytest.mark.parametrize(("identity", "reason"), [
    ({"name": "nickname"}, "不在共享模板中"),
    ({"name": "price_yuan"}, "类型不能承载 name"),
    ({"id_number": "buyer_name"}, "类型不能承载 id_number"),
])
async def test_a_partys_identity_field_must_fit_the_template_or_the_file_is_refused(rt, identity, reason):
    document = demo_document()
    bundle_of(document, "CLFJY")["parties"][1]["identity"] = identity
    with pytest.raises(CatalogFileInvalid) as refused:
        await sync_demo(rt, document)
    assert reason in refused.value.message


async def test_two_parties_cannot_share_an_identity_field(rt):
    document = demo_document()
    home_sale = bundle_of(document, "CLFJY")
    next(f for f in home_sale["template"]["fields"] if f["name"] == "seller_name")["applicant"] = "name"
    home_sale["parties"][1]["identity"] = {"name": "seller_name"}
    with pytest.raises(CatalogFileInvalid) as refused:
        await sync_demo(rt, document)
    assert "本人信息字段只能属于一个当事人: seller_name" in refused.value.message
