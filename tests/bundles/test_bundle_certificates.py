"""A bundle's materials as an application's: a wallet certificate (the party's own, or for a
company's bundle the company's) answers a material that takes its type and reaches the steps
that list it, with the refusals applications give; an upload identical to a file the person or
the company already holds, for a reusable material, is referred to rather than stored again."""

from __future__ import annotations

from models.users import User
from tests.builders.bundles import (
    decide_step,
    demo_document,
    item_of,
    make_desk,
    material_file,
    present,
    sync_demo,
    upload_materials,
    upload_one,
)
from tests.builders.companies import agent_session, representative
from tests.builders.onewindow import accepted, checked_in_visit, desk_post, make_window
from tests.builders.prereview import stored_files
from tests.bundles.test_company_registration import CREDIT_CODE, FORM
from tests.bundles.test_home_sale import BUYER, SELLER
from tests.bundles.test_home_sale import FORM as SALE_FORM

TITLE = {"name": "不动产权证书", "certificate_type": "real_estate_title", "e_certificate": True, "validity_days": 3650}
TITLE_MATERIAL = "不动产权证书（房屋所有权证）"
# A one-step bundle whose guide takes the company's licence (企业变更登记 lists 营业执照 so).
CHANGE_BUNDLE = {
    "code": "QYBG", "name": "企业变更", "description": "企业变更登记", "life_events": [],
    "template": {"fields": [{"name": "company_name", "label": "单位名称", "type": "string", "required": True}]},
    "steps": [{"key": "change", "item": "110108HDSCJG002", "after": [], "produces": []}],
    "shares": [{"department": "HDSCJG", "fields": ["company_name"]}], "outputs": []}


def _titles_taken() -> dict:
    """The demo catalog with 存量房交易's three guides taking an e-certificate of title."""
    document = demo_document()
    for code in ("110108HDZJW009", "110108HDSW006", "110108HDGHZR001"):
        for material in item_of(document, code)["guide"]["materials"]:
            if material["name"] == TITLE_MATERIAL:
                material.update(from_e_certificate=True, certificate_type="real_estate_title")
    return document


async def _title_for(client, window, resident) -> dict:
    """A certificate of title issued to the resident at the window, from their wallet."""
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    application = await accepted(client, window, visit.id)
    path = f"applications/{application['id']}"
    for reviewer in (window.examiner, window.decider):
        assert (await desk_post(client, reviewer, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    assert (await desk_post(client, window.decider, f"{path}/certificate")).status_code == 200
    return (await client.get("/api/v1/certificates", headers=resident.headers)).json()["items"][0]


async def _materials_seen(client, reviewer, application_id: str) -> dict[str, dict]:
    shown = await client.get(f"/api/v1/review/applications/{application_id}", headers=reviewer.headers)
    assert shown.status_code == 200, shown.text
    return {m["material_name"]: m for m in shown.json()["materials"]}


async def test_a_wallet_certificate_answers_a_bundle_material_and_reaches_its_steps(client, rt):
    await sync_demo(rt, _titles_taken())
    desk = await make_desk(rt, ["HDZJW", "HDSW"])
    window = await make_window(rt, result=TITLE)
    seller = await agent_session(rt, name=SELLER[0], id_number=SELLER[1])
    buyer = await agent_session(rt, name=BUYER[0], id_number=BUYER[1])
    created = await client.post("/api/v1/bundle-applications", headers=seller.headers, json={
        "bundle_code": "CLFJY", "hall_id": desk.hall_id, "role": "seller", "form_data": SALE_FORM,
        "parties": [{"role": "buyer", "name": BUYER[0], "id_number": BUYER[1]}]})
    assert created.status_code == 201, created.text
    draft = await upload_materials(client, seller, created.json())
    # Every guide that lists the title takes the certificate; the others take none.
    assert [(m["name"], m["certificate_type"]) for m in draft["materials"]] == [
        (TITLE_MATERIAL, "real_estate_title"), ("买卖双方身份证件", None), ("居民身份证", None), ("买卖合同", None)]
    bundle_id = draft["id"]
    title = await _title_for(client, window, seller)

    # Refused as for an application: another person's, the wrong kind for the material.
    theirs = await present(client, buyer, bundle_id, 0, title["id"])
    assert theirs.status_code == 404 and theirs.json()["error"]["code"] == "CERTIFICATE_NOT_FOUND"
    wrong = await present(client, seller, bundle_id, 1, title["id"])
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "CERTIFICATE_NOT_ACCEPTED"
    unknown = await present(client, seller, bundle_id, 9, title["id"])
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "MATERIAL_NOT_IN_GUIDE"

    presented = await present(client, seller, bundle_id, 0, title["id"])
    assert presented.status_code == 200, presented.text
    uploaded = presented.json()["materials"][0]["uploaded"]
    assert (uploaded["certificate_id"], uploaded["sha256"]) == (title["id"], title["sha256"])

    # Revoked after it was presented: submission refuses it, as does presenting it again.
    revoked = await desk_post(client, window.decider, f"certificates/{title['id']}/revoke",
                              {"reason_code": "superseded", "reason": "已换发"})
    assert revoked.status_code == 200, revoked.text
    url = f"/api/v1/bundle-applications/{bundle_id}"
    assert (await client.post(f"{url}/confirm", headers=buyer.headers, json={"form_version": 1})).status_code == 200
    refused = await client.post(f"{url}/submit", headers=seller.headers)
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "CERTIFICATE_REVOKED"
    again = await present(client, seller, bundle_id, 0, title["id"])
    assert again.status_code == 409 and again.json()["error"]["code"] == "CERTIFICATE_REVOKED"

    reissued = await _title_for(client, window, seller)
    assert (await present(client, seller, bundle_id, 0, reissued["id"])).status_code == 200
    submitted = await client.post(f"{url}/submit", headers=seller.headers)
    assert submitted.status_code == 200, submitted.text
    steps = {s["key"]: s["application_id"] for s in submitted.json()["steps"]}

    # Each step that lists the title receives the certificate as it would a file.
    contract = await _materials_seen(client, desk.reviewers["HDZJW"][0], steps["contract"])
    assert (contract[TITLE_MATERIAL]["certificate_id"], contract[TITLE_MATERIAL]["sha256"]) == (
        reissued["id"], reissued["sha256"])
    assert contract["买卖双方身份证件"]["certificate_id"] is None
    await decide_step(client, desk, "HDZJW", steps["contract"], outputs={"contract_filing_number": "WQ2026-0002"})
    tax = await _materials_seen(client, desk.reviewers["HDSW"][0], steps["tax"])
    assert tax[TITLE_MATERIAL]["certificate_id"] == reissued["id"]

    # Revoked again before the tax step is accepted: its pass (which accepts it) is refused, as a
    # window's acceptance would be, and the step stays in review.
    assert (await desk_post(client, window.decider, f"certificates/{reissued['id']}/revoke",
                            {"reason_code": "superseded", "reason": "已换发"})).status_code == 200
    examiner = desk.reviewers["HDSW"][0]
    review = f"/api/v1/review/applications/{steps['tax']}"
    assert (await client.post(f"{review}/claim", headers=examiner.headers, json={})).status_code == 200
    passed = await client.post(f"{review}/pass", headers=examiner.headers, json={"reason": "材料齐全"})
    assert passed.status_code == 409 and passed.json()["error"]["code"] == "CERTIFICATE_REVOKED"
    assert (await client.get(review, headers=examiner.headers)).json()["state"] == "in_review"


async def test_a_company_bundle_takes_the_company_certificate_and_reuses_the_company_files(client, bjpass, rt):
    document = demo_document()
    document["bundles"].append(CHANGE_BUNDLE)
    await sync_demo(rt, document)
    desk = await make_desk(rt, ["HDSCJG"])
    rep, company_id = await representative(client)
    first = await client.post("/api/v1/bundle-applications", headers=rep.headers, json={
        "bundle_code": "QYKB", "hall_id": desk.hall_id, "form_data": FORM, "company_id": company_id})
    await upload_materials(client, rep, first.json())
    submitted = await client.post(f"/api/v1/bundle-applications/{first.json()['id']}/submit", headers=rep.headers)
    assert submitted.status_code == 200, submitted.text
    registration = submitted.json()["steps"][0]["application_id"]
    await decide_step(client, desk, "HDSCJG", registration, outputs={"credit_code": CREDIT_CODE})
    wallet = (await client.get(f"/api/v1/companies/{company_id}/certificates", headers=rep.headers)).json()
    licence = next(c["id"] for c in wallet["items"] if c["certificate_type"] == "business_license")

    # The company's licence answers the company's bundle, never a personal one of its representative.
    for company, answer in ((None, 404), (company_id, 200)):
        change = await client.post("/api/v1/bundle-applications", headers=rep.headers, json={
            "bundle_code": "QYBG", "hall_id": desk.hall_id, "form_data": {"company_name": FORM["company_name"]},
            **({"company_id": company} if company else {})})
        assert change.status_code == 201, change.text
        assert change.json()["materials"][0]["certificate_type"] == "business_license"
        presented = await present(client, rep, change.json()["id"], 0, licence)
        assert presented.status_code == answer, presented.text
    assert presented.json()["materials"][0]["uploaded"]["certificate_id"] == licence

    # A second 企业开办 for the company: the identical articles of association (reusable) refer to
    # the file the company holds; the application form, which no guide lets be reused, is stored.
    held = (await client.get(f"/api/v1/applications/{registration}", headers=rep.headers)).json()["materials"]
    earlier = {m["material_name"]: m["id"] for m in held}
    second = await client.post("/api/v1/bundle-applications", headers=rep.headers, json={
        "bundle_code": "QYKB", "hall_id": desk.hall_id, "form_data": FORM, "company_id": company_id})
    materials = second.json()["materials"]
    assert [(m["name"], m["reusable"]) for m in materials] == [
        ("公司章程（组织章程）", True), ("法定代表人身份证件", True), ("住所（经营场所）使用证明", True),
        ("申请表", False)]
    files = stored_files(rt)
    reused = await upload_one(client, rep, second.json()["id"], 0, material_file("公司章程（组织章程）"))
    assert reused.status_code == 200, reused.text
    assert reused.json()["materials"][0]["uploaded"]["reused_from_id"] == earlier["公司章程（组织章程）"]
    assert stored_files(rt) == files
    stored = await upload_one(client, rep, second.json()["id"], 3, material_file("申请表"))
    assert stored.json()["materials"][3]["uploaded"]["reused_from_id"] is None
    assert len(stored_files(rt)) == len(files) + 1

    # Someone else's identical file is never reused.
    stranger = await agent_session(rt, name="赵六", id_number="110101199001011237")
    theirs = await client.post("/api/v1/bundle-applications", headers=stranger.headers, json={
        "bundle_code": "QYKB", "hall_id": desk.hall_id, "form_data": FORM})
    assert theirs.status_code == 201, theirs.text
    own = await upload_one(client, stranger, theirs.json()["id"], 0, material_file("公司章程（组织章程）"))
    assert own.json()["materials"][0]["uploaded"]["reused_from_id"] is None
