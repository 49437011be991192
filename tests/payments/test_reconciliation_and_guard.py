"""The daily reconciliation against the WeChat Pay trade bill, and the lifecycle guard: an unpaid
application does not pass the step its fee belongs to."""

from __future__ import annotations

import orjson

from app.ids import to_local, utcnow
from models.catalog import GuideVersion, ServiceItem
from tests.builders import login_staff, make_staff
from tests.builders.onewindow import checked_in_visit, desk_post, make_window, received_at_window
from tests.builders.payments import (
    FEE_FEN,
    application_of,
    confirm_in_wechat,
    fee_item,
    make_payer,
    paid,
    payment_of,
    run_sweep,
    start_payment,
)
from tests.support.waiting import eventually


async def reconcile(client, admin, day: str):
    response = await client.post("/api/v1/desk/payments/reconciliations", json={"bill_date": day},
                                 headers=admin.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def last_ledger_record(client) -> dict:
    """The newest ledger entry's type and data, the bill's hash left out (it changes with the clock)."""
    size = (await client.get("/api/v1/ledger/log")).json()["tree_size"]
    (entry,) = (await client.get(f"/api/v1/ledger/entries?start={size - 1}&end={size}")).json()["entries"]
    leaf = orjson.loads(entry["leaf"])
    assert len(leaf["data"].pop("bill_sha256", "")) in (0, 64)
    return {"type": leaf["type"], **leaf["data"]}


async def test_the_day_reconciles_and_a_mismatch_is_listed_for_staff(client, rt, wechatpay):
    admin = await login_staff(rt, await make_staff(rt, roles=["admin"]))
    today = to_local(utcnow()).date().isoformat()
    payer, item = await make_payer(rt), await fee_item()
    kept = await application_of(client, payer, item)
    await paid(client, wechatpay, payer, kept)
    withdrawn = await application_of(client, payer, item)
    await paid(client, wechatpay, payer, withdrawn)
    await client.post(f"/api/v1/applications/{withdrawn}/withdraw", json={"reason": "不办了"},
                      headers=payer.session.headers)
    await run_sweep(rt)

    async def refunded() -> bool:
        return (await payment_of(client, payer, withdrawn))["refunds"][0]["state"] == "succeeded"

    await eventually(refunded, "the refund succeeded")
    result = await reconcile(client, admin, today)
    assert (result["bill_rows"], result["matched"], result["mismatches"]) == (3, 3, [])
    assert await last_ledger_record(client) == {"type": "payment_reconciled", "bill_date": today,
                                                "bill_rows": 3, "matched": 3, "mismatches": 0}

    # Paid at WeChat, the notification lost, the sweep not run yet: listed for staff.
    lost = await application_of(client, payer, item)
    await confirm_in_wechat(wechatpay, await start_payment(client, payer, lost), notify=False)
    result = await reconcile(client, admin, today)
    (mismatch,) = result["mismatches"]
    lost_order = (await wechatpay.get("/_emulator/wechatpay/orders")).json()["orders"][-1]["out_trade_no"]
    assert mismatch == {"kind": "paid_only_at_wechatpay", "out_trade_no": lost_order, "out_refund_no": None,
                        "ours_fen": None, "theirs_fen": FEE_FEN}
    assert (await last_ledger_record(client))["mismatches"] == 1  # the count only: the rows stay with staff
    shown = await client.get(f"/api/v1/desk/payments/reconciliations/{today}", headers=admin.headers)
    assert shown.json()["mismatches"] == [mismatch]

    await run_sweep(rt)  # the order query settles it; reconciling again replaces the day's result
    assert (await reconcile(client, admin, today))["mismatches"] == []


async def test_an_unpaid_application_is_not_accepted_until_its_fee_is_paid(client, rt, wechatpay):
    window = await make_window(rt)
    payer = await make_payer(rt)
    await ServiceItem.filter(id=window.item.id).update(fee_fen=FEE_FEN)
    application = await received_at_window(client, window, (await checked_in_visit(window, payer.user)).id)

    refused = await desk_post(client, window.clerk, f"applications/{application['id']}/accept")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "FEE_UNPAID"
    await paid(client, wechatpay, payer, application["id"])
    accepted = await desk_post(client, window.clerk, f"applications/{application['id']}/accept")
    assert accepted.status_code == 200, accepted.text


async def test_the_fee_belongs_to_the_step_after_the_guides_charge_step(client, rt, wechatpay):
    window = await make_window(rt)
    payer = await make_payer(rt)
    await ServiceItem.filter(id=window.item.id).update(fee_fen=FEE_FEN)
    guide = await GuideVersion.get(item_id=window.item.id)
    # 收费 after 审查: the fee is due before the decision, not before acceptance.
    steps = [s for s in guide.steps if s["name"] != "决定"] + [{"name": "收费"}, {"name": "决定", "limit_days": 1}]
    await GuideVersion.filter(id=guide.id).update(steps=steps)
    application = await received_at_window(client, window, (await checked_in_visit(window, payer.user)).id)
    path = f"applications/{application['id']}"
    assert (await desk_post(client, window.clerk, f"{path}/accept")).status_code == 200
    assert (await desk_post(client, window.examiner, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    refused = await desk_post(client, window.decider, f"{path}/approvals", {"opinion": "approve"})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "FEE_UNPAID"
    await paid(client, wechatpay, payer, application["id"])
    assert (await desk_post(client, window.decider, f"{path}/approvals", {"opinion": "approve"})).status_code == 200


async def test_a_denial_refunds_the_fee(client, rt, wechatpay):
    window = await make_window(rt)
    payer = await make_payer(rt)
    await ServiceItem.filter(id=window.item.id).update(fee_fen=FEE_FEN)
    application = await received_at_window(client, window, (await checked_in_visit(window, payer.user)).id)
    await paid(client, wechatpay, payer, application["id"])
    path = f"applications/{application['id']}"
    assert (await desk_post(client, window.clerk, f"{path}/accept")).status_code == 200
    assert (await desk_post(client, window.examiner, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    denied = await desk_post(client, window.decider, f"{path}/approvals",
                             {"opinion": "deny", "comment": "不符合条件"})
    assert denied.status_code == 200 and denied.json()["application"]["state"] == "denied"

    await run_sweep(rt)

    async def refunded() -> bool:
        payment = await payment_of(client, payer, application["id"])
        return [r["state"] for r in payment["refunds"]] == ["succeeded"] and payment["refunded_fen"] == FEE_FEN

    await eventually(refunded, "the denial's refund succeeded")
