"""A department's correction request to a bundle's step, answered through the bundle: the bundle
shows what was asked; only the named materials and fields change, reaching the step that asked;
that step alone is resubmitted (ledgered as an application's resubmission), then passes, and the
bundle goes on to its one pickup."""

from __future__ import annotations

import hashlib
import json

from models.ledger import LedgerEntry
from tests.builders.bundles import (
    ask_correction,
    decide_step,
    make_desk,
    material_file,
    pass_prereview,
    sync_demo,
    upload_materials,
    upload_one,
)
from tests.builders.companies import agent_session, grant_agent, representative
from tests.bundles.test_company_registration import CREDIT_CODE, FORM, _filed_by_agent
from tests.bundles.test_home_sale import FORM as SALE_FORM
from tests.bundles.test_home_sale import _draft

ARTICLES = "公司章程（组织章程）"
SIGNED_ARTICLES = material_file("公司章程（已签字）")


async def _ledgered(record_type: str, application_id: str) -> list[dict]:
    leaves = await LedgerEntry.filter(record_type=record_type).order_by("seq").values_list("leaf", flat=True)
    return [d for d in (json.loads(leaf)["data"] for leaf in leaves) if d["application_id"] == application_id]


async def test_a_correction_asked_by_a_department_is_answered_through_the_bundle(client, bjpass, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDSCJG", "HDGA", "HDSW", "HDRS"])
    rep, agent, _, bundle = await _filed_by_agent(client, rt, desk)
    url = f"/api/v1/bundle-applications/{bundle['id']}"
    steps = {s["key"]: s["application_id"] for s in bundle["steps"]}
    registration = steps["registration"]
    examiner = desk.reviewers["HDSCJG"][0]
    assert (await client.post(f"/api/v1/review/applications/{registration}/claim", headers=examiner.headers,
                              json={})).status_code == 200
    # The credit code is the registration's own result, not something the applicant can correct.
    produced = await client.post(f"/api/v1/review/applications/{registration}/comments", headers=examiner.headers,
                                 json={"message": "请填写", "field_name": "credit_code"})
    assert produced.status_code == 422 and produced.json()["error"]["code"] == "FIELD_NOT_IN_TEMPLATE"
    await ask_correction(client, examiner, registration, claim=False, reason="注册资本与章程不一致", comments=[
        {"message": "章程缺少全体股东签字", "material_index": 0},
        {"message": "与章程所载不一致", "field_name": "registered_capital"}])

    # The bundle shows what the department asked for, in the bundle's terms, to the agent and the
    # representative alike; the other steps wait as before.
    for viewer in (agent, rep):
        shown = {s["key"]: s for s in (await client.get(url, headers=viewer.headers)).json()["steps"]}
        correction = shown["registration"]["correction"]
        assert shown["registration"]["state"] == "needs_correction"
        assert correction["reason"] == "注册资本与章程不一致"
        assert [(i["material_index"], i["material_name"], i["field_name"], i["field_label"], i["message"])
                for i in correction["items"]] == [
            (0, ARTICLES, None, None, "章程缺少全体股东签字"),
            (None, None, "registered_capital", "注册资本（万元）", "与章程所载不一致")]
        assert {k: (s["state"], s["correction"]) for k, s in shown.items() if k != "registration"} == {
            k: ("draft", None) for k in ("seal", "tax", "invoice", "social_insurance")}

    # Only the step that asked, and only once what it named is replaced; nothing else changes.
    not_asked = await client.post(f"{url}/steps/seal/resubmit", headers=agent.headers)
    assert not_asked.status_code == 409 and not_asked.json()["error"]["code"] == "BUNDLE_CORRECTION_NOT_REQUESTED"
    unknown = await client.post(f"{url}/steps/nothing/resubmit", headers=agent.headers)
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "BUNDLE_STEP_NOT_FOUND"
    stranger = await agent_session(rt, name="赵六", id_number="110101199001011237")
    hidden = await client.post(f"{url}/steps/registration/resubmit", headers=stranger.headers)
    assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "BUNDLE_APPLICATION_NOT_FOUND"
    early = await client.post(f"{url}/steps/registration/resubmit", headers=agent.headers)
    assert early.status_code == 422 and early.json()["error"]["code"] == "MATERIALS_MISSING"
    assert early.json()["error"]["details"]["materials"] == [{"material_index": 0, "name": ARTICLES}]
    other_material = await upload_one(client, agent, bundle["id"], 1, material_file("另一份身份证件"))
    assert other_material.status_code == 409
    assert other_material.json()["error"]["code"] == "BUNDLE_CORRECTION_NOT_REQUESTED"
    other_field = await client.put(f"{url}/form", headers=agent.headers,
                                   json={"form_version": 1, "form_data": {**FORM, "company_name": "另一家公司"}})
    assert other_field.status_code == 409
    assert other_field.json()["error"]["code"] == "BUNDLE_CORRECTION_NOT_REQUESTED"
    direct = await client.post(f"/api/v1/applications/{registration}/submit", headers=agent.headers)
    assert direct.status_code == 409 and direct.json()["error"]["code"] == "BUNDLE_STEP_MANAGED"

    replaced = await upload_one(client, agent, bundle["id"], 0, SIGNED_ARTICLES)
    assert replaced.status_code == 200, replaced.text
    fixed = await client.put(f"{url}/form", headers=agent.headers,
                             json={"form_version": 1, "form_data": {**FORM, "registered_capital": 200}})
    assert fixed.status_code == 200 and fixed.json()["form_version"] == 2
    resubmitted = await client.post(f"{url}/steps/registration/resubmit", headers=agent.headers)
    assert resubmitted.status_code == 200, resubmitted.text
    after = {s["key"]: s for s in resubmitted.json()["steps"]}
    assert (after["registration"]["state"], after["registration"]["correction"]) == ("submitted", None)
    assert {s["state"] for k, s in after.items() if k != "registration"} == {"draft"}

    # The department's reviewer now sees the new file and the corrected field.
    seen = (await client.get(f"/api/v1/review/applications/{registration}", headers=examiner.headers)).json()
    articles = next(m for m in seen["materials"] if m["material_name"] == ARTICLES)
    signed = hashlib.sha256(SIGNED_ARTICLES).hexdigest()
    assert (articles["sha256"], articles["status"]) == (signed, "uploaded")
    assert seen["form_data"]["registered_capital"] == 200
    # Ledgered as an application's resubmission (by the agent, for the company, with the new
    # file's hash), and the changed field handed over again by name.
    submissions = await _ledgered("application_submitted", registration)
    assert len(submissions) == 2 and signed in {m["sha256"] for m in submissions[-1]["materials"]}
    assert submissions[-1]["company_id"] == bundle["on_behalf_of"]["company_id"]
    assert "authorisation_id" in submissions[-1]
    assert (await _ledgered("bundle_handover", registration))[-1]["fields"] == ["registered_capital"]

    # The reviewer passes it, and the bundle goes on to completion.
    await decide_step(client, desk, "HDSCJG", registration, outputs={"credit_code": CREDIT_CODE})
    for key, department in (("seal", "HDGA"), ("tax", "HDSW"), ("invoice", "HDSW"), ("social_insurance", "HDRS")):
        await decide_step(client, desk, department, steps[key])
    picked = await client.post(f"/api/v1/desk/bundle-applications/{bundle['id']}/issue",
                               headers=desk.clerk.headers, json={"method": "window"})
    assert picked.status_code == 200, picked.text
    assert picked.json()["state"] == "completed"
    assert [t["to_state"] for t in picked.json()["timeline"] if t["step"] == "registration"][:5] == [
        "submitted", "in_review", "needs_correction", "submitted", "in_review"]


async def test_a_corrected_shared_form_is_confirmed_again_by_the_other_party(client, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDZJW"])
    seller, buyer, draft = await _draft(client, rt, desk.hall_id)
    url = f"/api/v1/bundle-applications/{draft['id']}"
    assert (await client.post(f"{url}/confirm", headers=buyer.headers, json={"form_version": 1})).status_code == 200
    submitted = await client.post(f"{url}/submit", headers=seller.headers)
    assert submitted.status_code == 200, submitted.text
    contract = submitted.json()["steps"][0]["application_id"]
    examiner = desk.reviewers["HDZJW"][0]
    assert (await client.post(f"/api/v1/review/applications/{contract}/claim", headers=examiner.headers,
                              json={})).status_code == 200
    # The housing department does not receive the first-home flag: it cannot ask to correct it.
    unseen = await client.post(f"/api/v1/review/applications/{contract}/comments", headers=examiner.headers,
                               json={"message": "请核实", "field_name": "buyer_first_home"})
    assert unseen.status_code == 422 and unseen.json()["error"]["code"] == "FIELD_NOT_IN_TEMPLATE"
    await ask_correction(client, examiner, contract, claim=False,
                         comments=[{"message": "成交价与合同不一致", "field_name": "price_yuan"}])

    fixed = await client.put(f"{url}/form", headers=seller.headers,
                             json={"form_version": 1, "form_data": {**SALE_FORM, "price_yuan": 3100000}})
    assert fixed.status_code == 200 and fixed.json()["form_version"] == 2
    unconfirmed = await client.post(f"{url}/steps/contract/resubmit", headers=seller.headers)
    assert unconfirmed.status_code == 409 and unconfirmed.json()["error"]["code"] == "BUNDLE_PARTIES_UNCONFIRMED"
    assert unconfirmed.json()["error"]["details"]["roles"] == ["buyer"]
    confirmed = await client.post(f"{url}/confirm", headers=buyer.headers, json={"form_version": 2})
    assert confirmed.status_code == 200, confirmed.text
    resubmitted = await client.post(f"{url}/steps/contract/resubmit", headers=seller.headers)
    assert resubmitted.status_code == 200, resubmitted.text
    twice = await client.post(f"{url}/steps/contract/resubmit", headers=seller.headers)
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "BUNDLE_CORRECTION_NOT_REQUESTED"
    # With no correction open, the submitted application is closed to edits again.
    closed = await client.put(f"{url}/form", headers=seller.headers,
                              json={"form_version": 2, "form_data": {**SALE_FORM, "price_yuan": 1}})
    assert closed.status_code == 409 and closed.json()["error"]["code"] == "BUNDLE_STATE_INVALID"

    seen = (await client.get(f"/api/v1/review/applications/{contract}", headers=examiner.headers)).json()
    assert seen["form_data"]["price_yuan"] == 3100000
    passed = await pass_prereview(client, examiner, contract)
    assert passed["state"] == "accepted"


async def _revoke(client, rep, company_id: str, grant_id: str) -> None:
    revoked = await client.post(f"/api/v1/companies/{company_id}/agents/{grant_id}/revoke", headers=rep.headers)
    assert revoked.status_code == 200, revoked.text


def _refused_as_revoked(response) -> bool:
    return response.status_code == 403 and response.json()["error"]["code"] == "COMPANY_AUTHORISATION_REVOKED"


async def test_a_revoked_agent_can_no_longer_change_or_submit_the_company_draft(client, bjpass, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDSCJG"])
    rep, company_id = await representative(client)
    granted = await grant_agent(client, rep, company_id, scope=["QYKB"])
    agent = await agent_session(rt)
    created = await client.post("/api/v1/bundle-applications", headers=agent.headers, json={
        "bundle_code": "QYKB", "hall_id": desk.hall_id, "form_data": FORM, "company_id": company_id})
    draft = await upload_materials(client, agent, created.json())
    url = f"/api/v1/bundle-applications/{draft['id']}"
    await _revoke(client, rep, company_id, granted.json()["id"])

    assert _refused_as_revoked(await client.put(f"{url}/form", headers=agent.headers,
                                                json={"form_version": 1, "form_data": {**FORM, "employees": 9}}))
    assert _refused_as_revoked(await upload_one(client, agent, draft["id"], 0, SIGNED_ARTICLES))
    assert _refused_as_revoked(await client.post(f"{url}/confirm", headers=agent.headers, json={"form_version": 1}))
    assert _refused_as_revoked(await client.post(f"{url}/submit", headers=agent.headers))
    assert _refused_as_revoked(await client.post(f"{url}/withdraw", headers=agent.headers, json={"reason": "不办了"}))
    # Nothing changed: the representative reads the draft as it was.
    kept = (await client.get(url, headers=rep.headers)).json()
    assert (kept["state"], kept["form_version"], kept["form_data"]) == ("draft", 1, FORM)
    assert [p["confirmed"] for p in kept["parties"]] == [False]


async def test_a_revoked_agent_can_no_longer_answer_a_correction(client, bjpass, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDSCJG", "HDGA", "HDSW", "HDRS"])
    rep, agent, grant_id, bundle = await _filed_by_agent(client, rt, desk)
    company_id = bundle["on_behalf_of"]["company_id"]
    url = f"/api/v1/bundle-applications/{bundle['id']}"
    registration = next(s for s in bundle["steps"] if s["key"] == "registration")["application_id"]
    await ask_correction(client, desk.reviewers["HDSCJG"][0], registration, comments=[
        {"message": "章程缺少全体股东签字", "material_index": 0},
        {"message": "与章程所载不一致", "field_name": "registered_capital"}])
    await _revoke(client, rep, company_id, grant_id)

    assert _refused_as_revoked(await upload_one(client, agent, bundle["id"], 0, SIGNED_ARTICLES))
    assert _refused_as_revoked(await client.put(f"{url}/form", headers=agent.headers, json={
        "form_version": 1, "form_data": {**FORM, "registered_capital": 200}}))
    assert _refused_as_revoked(await client.post(f"{url}/steps/registration/resubmit", headers=agent.headers))
    shown = {s["key"]: s for s in (await client.get(url, headers=rep.headers)).json()["steps"]}
    assert shown["registration"]["state"] == "needs_correction"
    assert (await client.get(url, headers=agent.headers)).status_code == 404  # nor reads it any more
