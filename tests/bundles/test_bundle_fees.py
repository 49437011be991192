"""A bundle step's fee: due where a single application's is (受理, for a guide without a 收费
step), paid once through WeChat Pay; the step is not accepted under the bundle until it is."""

from __future__ import annotations

from models.catalog import ServiceItem
from tests.builders.bundles import approve, make_desk, sync_demo, upload_materials
from tests.builders.companies import agent_session
from tests.builders.payments import make_payer, paid
from tests.bundles.test_home_sale import BUYER, FORM

CONTRACT_FEE_FEN = 1000


async def _review(client, reviewer, step_id: str, action: str):
    return await client.post(f"/api/v1/review/applications/{step_id}/{action}", headers=reviewer.headers,
                             json={"reason": "材料齐全"})


async def test_a_bundle_step_is_not_accepted_until_its_fee_is_paid_once(client, rt, wechatpay):
    await sync_demo(rt)
    await ServiceItem.filter(code="110108HDZJW009").update(fee_fen=CONTRACT_FEE_FEN)  # 网签备案, no 收费 step
    desk = await make_desk(rt, ["HDZJW"])
    seller = await make_payer(rt)
    buyer = await agent_session(rt, name=BUYER[0], id_number=BUYER[1])
    created = await client.post("/api/v1/bundle-applications", headers=seller.session.headers, json={
        "bundle_code": "CLFJY", "hall_id": desk.hall_id, "role": "seller", "form_data": FORM,
        "parties": [{"role": "buyer", "name": BUYER[0], "id_number": BUYER[1]}]})
    assert created.status_code == 201, created.text
    url = f"/api/v1/bundle-applications/{created.json()['id']}"
    await upload_materials(client, seller.session, created.json())
    await client.post(f"{url}/confirm", headers=buyer.headers, json={"form_version": 1})
    submitted = await client.post(f"{url}/submit", headers=seller.session.headers)
    assert submitted.status_code == 200, submitted.text
    contract = submitted.json()["steps"][0]["application_id"]
    examiner, decider = desk.reviewers["HDZJW"]

    assert (await _review(client, examiner, contract, "claim")).status_code == 200
    refused = await _review(client, examiner, contract, "pass")
    assert refused.status_code == 409, refused.text
    assert refused.json()["error"]["code"] == "FEE_UNPAID"
    assert refused.json()["error"]["details"] == {"fee_fen": CONTRACT_FEE_FEN, "action": "accept"}
    step = (await client.get(url, headers=seller.session.headers)).json()["steps"][0]
    assert (step["state"], step["acceptance_number"]) == ("in_review", None)

    payment = await paid(client, wechatpay, seller, contract)
    assert (payment["state"], payment["amount_fen"]) == ("paid", CONTRACT_FEE_FEN)
    passed = await _review(client, examiner, contract, "pass")
    assert passed.status_code == 200, passed.text
    assert passed.json()["state"] == "accepted"
    assert (await approve(client, examiner, contract)).status_code == 200
    decided = await approve(client, decider, contract, outputs={"contract_filing_number": "WQ2026-0001"})
    assert decided.status_code == 200, decided.text
    orders = (await wechatpay.get("/_emulator/wechatpay/orders")).json()["orders"]
    assert [(o["out_trade_no"], o["amount"]["total"]) for o in orders] == [
        (payment["out_trade_no"], CONTRACT_FEE_FEN)]
