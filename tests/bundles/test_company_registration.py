"""企业开办 over HTTP: a company's agent files once; registration first, then four departments in
parallel, each reviewer seeing only its department's fields; one acceptance number, one combined
timeline, one pickup; every decision and hand-over in the ledger, verifiable offline."""

from __future__ import annotations

import hashlib
import json

from models.catalog import ServiceItem
from models.ledger import LedgerEntry
from services import ledger
from tests.builders.bundles import (
    Desk,
    approve,
    decide_step,
    demo_document,
    item_of,
    make_desk,
    pass_prereview,
    sync_demo,
    upload_materials,
)
from tests.builders.companies import AGENT_ID_NUMBER, agent_session, grant_agent, representative
from tests.builders.ledger import run_python

FORM = {"company_name": "北京海淀通测试科技有限公司", "legal_representative": "李四", "contact_phone": "13800138002",
        "registered_capital": 100, "business_scope": "软件开发", "seal_kinds": ["公章", "财务专用章"],
        "invoice_kinds": ["增值税普通发票"], "employees": 5}
SHARES = {"HDGA": {"company_name", "credit_code", "seal_kinds"},
          "HDSW": {"company_name", "credit_code", "legal_representative", "business_scope", "invoice_kinds"},
          "HDRS": {"company_name", "credit_code", "legal_representative", "contact_phone", "employees"}}
CREDIT_CODE = "91110108MA01HDT015"


async def _handovers() -> list[dict]:
    leaves = await LedgerEntry.filter(record_type="bundle_handover").order_by("seq").values_list("leaf", flat=True)
    return [json.loads(leaf)["data"] for leaf in leaves]


async def _filed_by_agent(client, rt, desk: Desk) -> tuple[object, object, str, dict]:
    rep, company_id = await representative(client)
    granted = await grant_agent(client, rep, company_id, scope=["QYKB"])
    assert granted.status_code == 201
    agent = await agent_session(rt)
    created = await client.post("/api/v1/bundle-applications", headers=agent.headers, json={
        "bundle_code": "QYKB", "hall_id": desk.hall_id, "form_data": FORM, "company_id": company_id})
    assert created.status_code == 201, created.text
    assert created.json()["on_behalf_of"]["acting_as"] == "agent"
    await upload_materials(client, agent, created.json())
    submitted = await client.post(f"/api/v1/bundle-applications/{created.json()['id']}/submit",
                                  headers=agent.headers)
    assert submitted.status_code == 200, submitted.text
    return rep, agent, granted.json()["id"], submitted.json()


async def test_a_company_registered_by_its_agent_through_one_bundle(client, bjpass, rt, tmp_path):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDSCJG", "HDGA", "HDSW", "HDRS"])
    rep, agent, grant_id, bundle = await _filed_by_agent(client, rt, desk)
    company_id = bundle["on_behalf_of"]["company_id"]
    assert bundle["state"] == "in_progress" and bundle["acceptance_number"].startswith("HD-CENTER-YJS-")
    steps = {s["key"]: s for s in bundle["steps"]}
    assert {k: s["state"] for k, s in steps.items()} == {
        "registration": "submitted", "seal": "draft", "tax": "draft", "invoice": "draft",
        "social_insurance": "draft"}

    # A chained step cannot be decided before its predecessor.
    early = await approve(client, desk.reviewers["HDGA"][1], steps["seal"]["application_id"])
    assert early.status_code == 409 and early.json()["error"]["code"] == "BUNDLE_STEP_NOT_STARTED"
    # Nor changed by the applicant behind the bundle's back.
    direct = await client.post(f"/api/v1/applications/{steps['seal']['application_id']}/submit",
                               headers=agent.headers)
    assert direct.json()["error"]["code"] == "BUNDLE_STEP_MANAGED"

    registration = steps["registration"]["application_id"]
    seen = await client.get(f"/api/v1/review/applications/{registration}",
                            headers=desk.reviewers["HDSCJG"][0].headers)
    assert set(seen.json()["form_data"]) == {"company_name", "legal_representative", "contact_phone",
                                             "registered_capital", "business_scope"}
    assert seen.json()["on_behalf_of"]["name"] == "北京海淀通测试科技有限公司"
    examiner, decider = desk.reviewers["HDSCJG"]
    for action in ("claim", "pass"):
        assert (await client.post(f"/api/v1/review/applications/{registration}/{action}",
                                  headers=examiner.headers, json={"reason": "齐全"})).status_code == 200
    assert (await approve(client, examiner, registration)).status_code == 200
    missing = await approve(client, decider, registration)
    assert missing.status_code == 422 and missing.json()["error"]["code"] == "BUNDLE_OUTPUTS_INVALID"
    assert (await approve(client, decider, registration, outputs={"credit_code": CREDIT_CODE})).status_code == 200
    assert (await client.post(f"/api/v1/desk/applications/{registration}/certificate",
                              headers=decider.headers)).status_code == 200

    bundle = (await client.get(f"/api/v1/bundle-applications/{bundle['id']}", headers=agent.headers)).json()
    steps = {s["key"]: s for s in bundle["steps"]}
    assert {k: s["state"] for k, s in steps.items() if k != "registration"} == {
        "seal": "submitted", "tax": "submitted", "invoice": "submitted", "social_insurance": "submitted"}
    for key, department in (("seal", "HDGA"), ("tax", "HDSW"), ("invoice", "HDSW"), ("social_insurance", "HDRS")):
        step_id = steps[key]["application_id"]
        shown = await client.get(f"/api/v1/review/applications/{step_id}",
                                 headers=desk.reviewers[department][0].headers)
        assert set(shown.json()["form_data"]) == SHARES[department], key
        assert shown.json()["form_data"]["credit_code"] == CREDIT_CODE  # passed on, not re-entered
        other = "HDRS" if department != "HDRS" else "HDGA"
        hidden = await client.get(f"/api/v1/review/applications/{step_id}",
                                  headers=desk.reviewers[other][0].headers)
        assert hidden.status_code == 404
    not_ready = await client.post(f"/api/v1/desk/bundle-applications/{bundle['id']}/issue",
                                  headers=desk.clerk.headers, json={"method": "window"})
    assert not_ready.status_code == 409 and not_ready.json()["error"]["code"] == "BUNDLE_NOT_READY"
    for key, department in (("seal", "HDGA"), ("tax", "HDSW"), ("invoice", "HDSW"), ("social_insurance", "HDRS")):
        await decide_step(client, desk, department, steps[key]["application_id"])

    picked = await client.post(f"/api/v1/desk/bundle-applications/{bundle['id']}/issue",
                               headers=desk.clerk.headers, json={"method": "window"})
    assert picked.status_code == 200, picked.text
    done = picked.json()
    assert done["state"] == "completed"
    assert {s["state"] for s in done["steps"]} == {"issued"}
    assert all(r["ready"] for r in done["results"]) and len(done["results"]) == 5
    assert {t["step"] for t in done["timeline"]} == set(steps)
    assert [t["to_state"] for t in done["timeline"] if t["step"] == "seal"][-1] == "issued"
    # The results are the company's: in its wallet, seen by the representative and by the agent
    # (whose authorisation holds QYKB), and not in the agent's personal wallet.
    assert (await client.get("/api/v1/certificates", headers=agent.headers)).json()["items"] == []
    for viewer in (rep, agent):
        wallet = (await client.get(f"/api/v1/companies/{company_id}/certificates", headers=viewer.headers)).json()
        assert {c["certificate_type"] for c in wallet["items"]} >= {"seal_record", "tax_registration", "invoice_issue"}
        assert {c["on_behalf_of"]["company_id"] for c in wallet["items"]} == {company_id}
    licence = next(c["id"] for c in wallet["items"] if c["certificate_type"] == "business_license")
    assert (await client.get(f"/api/v1/certificates/{licence}", headers=agent.headers)).status_code == 200
    # The licence is used as the company's: presented in an application filed for it, not in a
    # personal one.
    change = await ServiceItem.get(code="110108HDSCJG002")  # 企业变更登记 asks for 营业执照
    slot = next(i for i, m in enumerate(item_of(demo_document(), change.code)["guide"]["materials"])
                if m.get("certificate_type") == "business_license")
    for company, answer in ((company_id, 200), (None, 404)):
        draft = await client.post("/api/v1/applications", headers=rep.headers, json={
            "item_id": str(change.id), "form_data": {}, **({"company_id": company} if company else {})})
        assert draft.status_code == 201, draft.text
        presented = await client.put(f"/api/v1/applications/{draft.json()['id']}/materials/{slot}/certificate",
                                     headers=rep.headers, json={"certificate_id": licence})
        assert presented.status_code == answer, presented.text
    # The representative follows the bundle the agent filed, and each of its steps.
    seen_by_rep = await client.get(f"/api/v1/bundle-applications/{bundle['id']}", headers=rep.headers)
    assert seen_by_rep.status_code == 200 and seen_by_rep.json()["state"] == "completed"
    assert (await client.get(f"/api/v1/applications/{registration}", headers=rep.headers)).status_code == 200

    # Every hand-over is recorded by field name: the shared form to each department, and the
    # registration's credit code to the four after it.
    handovers = await _handovers()
    from_registration = [h for h in handovers if h.get("from_application_id") == registration]
    assert len(from_registration) == 4 and all(h["fields"] == ["credit_code"] for h in from_registration)
    assert all(CREDIT_CODE not in json.dumps(h) and "李四" not in json.dumps(h) for h in handovers)
    decisions = await LedgerEntry.filter(record_type="approval_decision").count()
    assert decisions == 5

    # Verified offline with the public key: the proof of one hand-over leads to a signed head.
    await ledger.sign_head(rt=rt)
    entry = await LedgerEntry.filter(record_type="bundle_handover").order_by("-seq").first()
    (tmp_path / "keys.json").write_text((await client.get("/api/v1/ledger/keys")).text)
    (tmp_path / "proof.json").write_text((await client.get(f"/api/v1/ledger/entries/{entry.id}/proof")).text)
    assert await run_python("-m", "ledger_verifier", "verify-inclusion", "--keys", str(tmp_path / "keys.json"),
                            str(tmp_path / "proof.json")) == (0, "VALID\n")
    record = (await client.get(f"/api/v1/ledger/applications/{steps['seal']['application_id']}")).json()
    assert record["verified"] is True
    assert "bundle_handover" in {e["entry"]["record_type"] for e in record["entries"]}

    # Revoked, the agent loses the company's wallet, its certificates and the bundle; the
    # representative keeps them.
    assert (await client.post(f"/api/v1/companies/{company_id}/agents/{grant_id}/revoke",
                              headers=rep.headers)).status_code == 200
    refused = await client.get(f"/api/v1/companies/{company_id}/certificates", headers=agent.headers)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "COMPANY_AUTHORISATION_REVOKED"
    assert (await client.get(f"/api/v1/certificates/{licence}", headers=agent.headers)).status_code == 404
    assert (await client.get(f"/api/v1/bundle-applications/{bundle['id']}", headers=agent.headers)).status_code == 404
    assert (await client.get("/api/v1/bundle-applications", headers=agent.headers)).json()["items"] == []
    assert (await client.get(f"/api/v1/certificates/{licence}", headers=rep.headers)).status_code == 200


async def test_an_agent_without_the_bundle_in_scope_cannot_file_it(client, bjpass, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, [])
    rep, company_id = await representative(client)
    assert (await grant_agent(client, rep, company_id, scope=["CLFJY"])).status_code == 201
    agent = await agent_session(rt)
    refused = await client.post("/api/v1/bundle-applications", headers=agent.headers, json={
        "bundle_code": "QYKB", "hall_id": desk.hall_id, "form_data": FORM, "company_id": company_id})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "COMPANY_AUTHORISATION_SCOPE"
    assert AGENT_ID_NUMBER not in refused.text


async def test_a_steps_acceptance_issues_and_ledgers_its_receipt_at_once(client, bjpass, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDSCJG"])
    _, agent, _, bundle = await _filed_by_agent(client, rt, desk)
    registration = next(s for s in bundle["steps"] if s["key"] == "registration")["application_id"]
    passed = await pass_prereview(client, desk.reviewers["HDSCJG"][0], registration)
    assert passed["state"] == "accepted"

    # Issued with the acceptance, before anyone asks for it, under the step's acceptance number.
    listed = await client.get(f"/api/v1/applications/{registration}/documents", headers=agent.headers)
    (receipt,) = [d for d in listed.json()["items"] if d["kind"] == "acceptance-receipt"]
    assert receipt["number"] == f"{bundle['acceptance_number']}-1" == passed["acceptance_number"]
    ledgered = [json.loads(leaf)["data"] for leaf in await LedgerEntry.filter(
        record_type="document_issued").values_list("leaf", flat=True)]
    assert [(d["document_id"], d["document_sha256"]) for d in ledgered
            if d.get("application_id") == registration] == [(receipt["id"], receipt["sha256"])]
    pdf = await client.get(f"/api/v1/applications/{registration}/documents/acceptance-receipt", headers=agent.headers)
    assert hashlib.sha256(pdf.content).hexdigest() == receipt["sha256"]
