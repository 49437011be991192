"""Fees through WeChat Pay over HTTP and the WeChat Pay emulator: paid once with a verified
notification; forged, replayed and wrong-amount notifications refused; the order query behind a lost
notification; refunds on withdrawal and by staff, never more than paid."""

from __future__ import annotations

import hashlib

import httpx

from models.payments import PaymentOrder
from services.events import EventType
from tests.builders import login_staff, make_staff
from tests.builders.payments import (
    FEE_FEN,
    application_of,
    confirm_in_wechat,
    events_of,
    fee_item,
    forged_notification,
    last_notification,
    make_payer,
    paid,
    payment_of,
    payment_records,
    post_notification,
    run_sweep,
    start_payment,
)
from tests.support.server import free_port, running_service, serve_env
from tests.support.waiting import eventually


async def test_a_fee_is_paid_with_a_verified_notification(client, rt, wechatpay):
    payer, item = await make_payer(rt), await fee_item()
    application_id = await application_of(client, payer, item)

    order = await start_payment(client, payer, application_id)
    assert order["state"] == "pending" and order["amount_fen"] == FEE_FEN
    parameters = order["request_payment"]
    assert parameters["signType"] == "RSA" and parameters["package"].startswith("prepay_id=")
    assert parameters["appId"] == rt.settings.wechat_miniprogram_app_id

    confirmed = await confirm_in_wechat(wechatpay, order)
    assert confirmed["notify_status"] == 204
    payment = await payment_of(client, payer, application_id)
    assert payment["state"] == "paid"
    assert payment["transaction_id"] == confirmed["transaction_id"]
    assert payment["paid_at"].endswith("+08:00")
    assert len(await events_of(EventType.PAYMENT_PAID)) == 1
    # WeChat Pay saw our signed order with the amount and the payer's mini-program openid.
    (placed,) = (await wechatpay.get("/_emulator/wechatpay/orders")).json()["orders"]
    assert placed["amount"]["total"] == FEE_FEN and placed["trade_state"] == "SUCCESS"
    # The payment is in the public ledger under its application: ids and the amount, no payer.
    assert await payment_records(client, application_id) == [{
        "type": "payment_paid", "order_id": payment["id"], "application_id": application_id,
        "amount_fen": FEE_FEN, "transaction_id": confirmed["transaction_id"]}]


async def test_paying_twice_is_impossible(client, rt, wechatpay):
    payer, item = await make_payer(rt), await fee_item()
    application_id = await application_of(client, payer, item)
    first = await start_payment(client, payer, application_id)
    again = await start_payment(client, payer, application_id)
    assert again["out_trade_no"] == first["out_trade_no"]  # one order per application

    await confirm_in_wechat(wechatpay, first)
    refused = await client.post(f"/api/v1/applications/{application_id}/payment", headers=payer.session.headers)
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "PAYMENT_ALREADY_PAID"
    # The second set of parameters names the same, now paid, order: WeChat refuses it.
    second_try = await wechatpay.post("/_emulator/wechatpay/pay", json=again["request_payment"])
    assert second_try.status_code == 409
    assert await PaymentOrder.filter(application_id=application_id).count() == 1
    assert len(await events_of(EventType.PAYMENT_PAID)) == 1


async def test_a_forged_notification_is_refused_and_the_order_unchanged(client, rt, wechatpay):
    payer, item = await make_payer(rt), await fee_item()
    application_id = await application_of(client, payer, item)
    order = await start_payment(client, payer, application_id)
    # The real platform serial, a resource that decrypts, and the signature of another key.
    serial = (await wechatpay.get("/_emulator/wechatpay/platform")).json()["serial_no"]
    headers, body = forged_notification(
        apiv3_key=rt.settings.wechatpay_apiv3_key, serial=serial, resource={
            "appid": rt.settings.wechat_miniprogram_app_id, "mchid": rt.settings.wechatpay_mch_id,
            "out_trade_no": order["out_trade_no"], "transaction_id": "4200000000000000000000000001",
            "trade_state": "SUCCESS", "amount": {"total": FEE_FEN}, "payer": {"openid": "x"}})
    refused = await post_notification(client, headers, body)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "PAYMENT_NOTIFICATION_SIGNATURE_INVALID"
    assert (await payment_of(client, payer, application_id))["state"] == "pending"
    assert await events_of(EventType.PAYMENT_PAID) == []


async def test_an_unknown_serial_while_wechatpay_is_unreachable_answers_503(rt, settings):
    """The certificate naming the serial cannot be fetched: the notification may be genuine, so it
    answers what an outage answers, and WeChat Pay sends it again later (it retries any non-2xx).
    A service of its own, whose WeChat Pay address has nothing listening, fetches for the first time."""
    headers, body = forged_notification(apiv3_key=rt.settings.wechatpay_apiv3_key, serial="DEADBEEF",
                                        resource={"out_trade_no": "nothing"})
    unreachable = f"http://127.0.0.1:{free_port()}"
    async with running_service({**serve_env(settings), "HDT_WECHATPAY_API_BASE_URL": unreachable}) as base_url:
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
            # The second falls within the refresh interval: the failed fetch still answers for it.
            for _ in range(2):
                answer = await post_notification(http, headers, body)
                assert answer.status_code == 503, answer.text
                assert answer.json()["error"]["code"] == "SERVICE_UNAVAILABLE"
                assert answer.headers["retry-after"] == "5"


async def test_a_replayed_notification_is_refused(client, rt, wechatpay):
    payer, item = await make_payer(rt), await fee_item()
    application_id = await application_of(client, payer, item)
    await paid(client, wechatpay, payer, application_id)
    sent = await last_notification(wechatpay)

    replayed = await post_notification(client, sent["headers"], sent["body"])
    assert replayed.status_code == 401
    error = replayed.json()["error"]
    assert (error["code"], error["details"]) == ("PAYMENT_NOTIFICATION_REPLAYED", {"reason": "nonce_reused"})
    assert (await payment_of(client, payer, application_id))["state"] == "paid"
    assert len(await events_of(EventType.PAYMENT_PAID)) == 1


async def test_a_notification_with_another_amount_is_refused_and_the_query_settles_it(client, rt, wechatpay):
    payer, item = await make_payer(rt), await fee_item()
    application_id = await application_of(client, payer, item)
    order = await start_payment(client, payer, application_id)

    confirmed = await confirm_in_wechat(wechatpay, order, amount_total=FEE_FEN - 1)
    assert confirmed["notify_status"] == 400
    assert (await payment_of(client, payer, application_id))["state"] == "pending"
    assert await events_of(EventType.PAYMENT_PAID) == []
    # The order query (the sweep) reads what WeChat Pay holds: the order's own amount, paid.
    assert (await run_sweep(rt)).orders_queried == 1
    assert (await payment_of(client, payer, application_id))["state"] == "paid"


async def test_a_lost_notification_is_found_by_the_order_query(client, rt, wechatpay):
    payer, item = await make_payer(rt), await fee_item()
    application_id = await application_of(client, payer, item)
    order = await start_payment(client, payer, application_id)
    await confirm_in_wechat(wechatpay, order, notify=False)
    assert (await payment_of(client, payer, application_id))["state"] == "pending"

    await run_sweep(rt)
    assert (await payment_of(client, payer, application_id))["state"] == "paid"
    await run_sweep(rt)  # nothing left to ask about; still one payment event
    assert len(await events_of(EventType.PAYMENT_PAID)) == 1


async def test_withdrawal_refunds_the_fee(client, rt, wechatpay):
    payer, item = await make_payer(rt), await fee_item()
    application_id = await application_of(client, payer, item)
    await paid(client, wechatpay, payer, application_id)

    withdrawn = await client.post(f"/api/v1/applications/{application_id}/withdraw", json={"reason": "不办了"},
                                  headers=payer.session.headers)
    assert withdrawn.status_code == 200, withdrawn.text
    payment = await payment_of(client, payer, application_id)
    assert payment["refunded_fen"] == FEE_FEN
    assert [r["state"] for r in payment["refunds"]] == ["requested"]

    assert (await run_sweep(rt)).refunds_sent == 1

    async def refunded() -> bool:
        refunds = (await payment_of(client, payer, application_id))["refunds"]
        return [r["state"] for r in refunds] == ["succeeded"]

    await eventually(refunded, "the refund notification marks the refund succeeded")
    (refund,) = (await wechatpay.get("/_emulator/wechatpay/orders")).json()["refunds"]
    assert refund["amount"]["refund"] == FEE_FEN and refund["status"] == "SUCCESS"
    paid_record, refunded_record = await payment_records(client, application_id)
    assert paid_record["type"] == "payment_paid"
    assert refunded_record == {
        "type": "payment_refunded", "order_id": payment["id"], "application_id": application_id,
        "refund_id": payment["refunds"][0]["id"], "amount_fen": FEE_FEN,
        "transaction_id": payment["transaction_id"], "wechatpay_refund_id": refund["refund_id"]}
    assert len(await events_of(EventType.PAYMENT_REFUNDED)) == 1
    # Paying again is impossible: the application ended.
    again = await client.post(f"/api/v1/applications/{application_id}/payment", headers=payer.session.headers)
    assert again.status_code == 409


async def test_a_refund_is_never_larger_than_the_payment(client, rt, wechatpay):
    payer, item = await make_payer(rt), await fee_item()
    application_id = await application_of(client, payer, item)
    order_id = (await paid(client, wechatpay, payer, application_id))["id"]
    admin = await login_staff(rt, await make_staff(rt, roles=[f"admin:{(await item.department).code}"]))

    too_much = await client.post(f"/api/v1/desk/payments/{order_id}/refunds", headers=admin.headers,
                                 json={"amount_fen": FEE_FEN + 1, "reason": "多退"})
    assert too_much.status_code == 422 and too_much.json()["error"]["code"] == "REFUND_EXCEEDS_PAYMENT"
    part = await client.post(f"/api/v1/desk/payments/{order_id}/refunds", headers=admin.headers,
                             json={"amount_fen": 500, "reason": "部分退费"})
    assert part.status_code == 200, part.text
    assert part.json()["refunded_fen"] == 500
    rest = await client.post(f"/api/v1/desk/payments/{order_id}/refunds", headers=admin.headers,
                             json={"amount_fen": FEE_FEN - 499, "reason": "超出剩余"})
    assert rest.status_code == 422 and rest.json()["error"]["details"]["refundable_fen"] == FEE_FEN - 500
    assert (await payment_of(client, payer, application_id))["refunded_fen"] == 500


async def test_a_paid_fee_has_an_electronic_receipt_that_verifies(client, rt, wechatpay):
    payer, item = await make_payer(rt), await fee_item()
    application_id = await application_of(client, payer, item)
    path = f"/api/v1/applications/{application_id}/documents/payment-receipt"
    assert (await client.get(path, headers=payer.session.headers)).status_code == 404  # unpaid: none yet
    await paid(client, wechatpay, payer, application_id)

    document = await client.get(path, headers=payer.session.headers)
    assert document.status_code == 200 and document.content.startswith(b"%PDF")
    [issued] = [d for d in (await client.get(f"/api/v1/applications/{application_id}/documents",
                                             headers=payer.session.headers)).json()["items"]
                if d["kind"] == "payment-receipt"]
    assert issued["sha256"] == hashlib.sha256(document.content).hexdigest()
    verified = await client.post(f"/api/v1/documents/{issued['id']}/verification", content=document.content,
                                 headers={"content-type": "application/pdf", "accept": "application/json"})
    assert verified.status_code == 200
    assert verified.json()["valid"] and verified.json()["file_matches"] and verified.json()["status"] == "valid"
    assert payer.user.display_name not in verified.text
