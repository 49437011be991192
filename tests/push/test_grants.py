"""Subscribe-message grants: spent exactly once under concurrency, long-term ones until withdrawn."""

from __future__ import annotations

import pytest

from models.push import Delivery, DeliveryStatus, SubscriptionGrant
from push.worker import PushProcess
from services.events import EventType
from tests.builders import emit_push_event
from tests.builders.push import all_final, resident_with_phone, sms_messages
from tests.push.test_delivery import BOOKING, messages
from tests.support.waiting import eventually

MESSAGES = 6
BOOKING_TEMPLATE = "dev-mp-booking-confirmed"
DECISION_TEMPLATE = "dev-mp-application-decided"
DECISION = {"item_name": "个体工商户设立登记", "decision": "approved", "application_id": "app-1"}


async def grant(client, wechat, resident, template_id: str, count: int = 1) -> None:
    """The resident accepts ``template_id`` ``count`` times in the mini-program (WeChat and we both record it)."""
    for _ in range(count):
        answer = await client.post("/api/v1/me/subscriptions", headers=resident.headers,
                                   json={"results": {template_id: "accept"}})
        assert answer.status_code == 200, answer.text
    await wechat.post("/_emulator/miniprogram/subscriptions",
                      json={"user": resident.user_key, "template_id": template_id, "count": count})


@pytest.mark.parametrize("grants", [MESSAGES + 4, MESSAGES - 3])
async def test_concurrent_messages_spend_each_grant_once_and_the_rest_fall_back_to_sms(
        rt, client, wechat, sms, push_rt, grants):
    resident = await resident_with_phone(client, wechat, user="wangwu", phone="13800138001")
    await grant(client, wechat, resident, BOOKING_TEMPLATE, grants)
    await sms.post("/_emulator/sms/limits", json={"per_30_seconds": 100, "per_hour": 100, "per_day": 100})
    for _ in range(MESSAGES):
        await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=resident.id, **BOOKING)

    # One worker per message, all taking their grant at once.
    process = PushProcess(push_rt, concurrency=MESSAGES, grace_seconds=0)
    await process.start()
    try:
        await eventually(lambda: all_final(MESSAGES), "every message is handled")
    finally:
        await process.stop()

    by_subscribe = min(grants, MESSAGES)
    rows = await Delivery.all()
    assert sorted(row.channel for row in rows) == ["mp_subscribe"] * by_subscribe + ["sms"] * (MESSAGES - by_subscribe)
    assert {row.status for row in rows} <= {DeliveryStatus.SENT, DeliveryStatus.DELIVERED}
    assert len(await messages(wechat, kind="subscribe")) == by_subscribe
    assert len(await sms_messages(sms)) == MESSAGES - by_subscribe
    assert (await SubscriptionGrant.get(user_id=resident.id)).remaining == grants - by_subscribe
    for row in rows:
        if row.channel == "sms":
            assert row.tried[1] == {"channel": "mp_subscribe", "outcome": "skipped",
                                    "reason": "no_subscription_granted"}


async def test_a_long_term_subscription_serves_every_message_until_withdrawn(rt, client, wechat, push_rt):
    resident = await resident_with_phone(client, wechat, user="wangwu", phone="13800138001")
    await grant(client, wechat, resident, DECISION_TEMPLATE)
    process = PushProcess(push_rt, concurrency=2, grace_seconds=0)
    await process.start()
    try:
        for _ in range(3):
            await emit_push_event(EventType.APPLICATION_DECIDED, user_id=resident.id, **DECISION)
        await eventually(lambda: all_final(3), "the three decisions are sent")
    finally:
        await process.stop()
    assert len(await messages(wechat, kind="subscribe")) == 3
    held = await SubscriptionGrant.get(user_id=resident.id)
    assert (held.long_term, held.remaining, held.withdrawn_at) == (True, 0, None)

    # Queued while the resident still allowed it; withdrawn before a worker sends it.
    queued = await emit_push_event(EventType.APPLICATION_DECIDED, user_id=resident.id, **DECISION)
    withdrawn = await wechat.post("/_emulator/miniprogram/subscriptions/withdraw",
                                  json={"user": resident.user_key, "template_id": DECISION_TEMPLATE})
    assert withdrawn.json()["callback_status"] == 200, withdrawn.text
    assert (await SubscriptionGrant.get(user_id=resident.id)).withdrawn_at is not None

    process = PushProcess(push_rt, concurrency=2, grace_seconds=0)
    await process.start()
    try:
        await eventually(lambda: all_final(4), "the queued decision is handled")
    finally:
        await process.stop()
    row = await Delivery.get(event_id=queued)
    assert row.status == DeliveryStatus.UNDELIVERABLE
    assert row.tried[-1] == {"channel": "mp_subscribe", "outcome": "skipped", "reason": "no_subscription_granted"}
    assert len(await messages(wechat, kind="subscribe")) == 3


async def test_a_grant_withdrawn_after_it_was_taken_is_not_used_on_retry(rt, client, wechat, push_worker):
    resident = await resident_with_phone(client, wechat, user="wangwu", phone="13800138001")
    await grant(client, wechat, resident, DECISION_TEMPLATE)
    # WeChat is busy at the first try; the resident withdraws before the retry.
    await wechat.post("/_emulator/faults", json={"path": "/cgi-bin/message/subscribe/send", "times": 1,
                                                 "body": {"errcode": -1, "errmsg": "system error"}})
    event_id = await emit_push_event(EventType.APPLICATION_DECIDED, user_id=resident.id, **DECISION)

    async def retrying() -> bool:
        row = await Delivery.get_or_none(event_id=event_id)
        return row is not None and row.attempts >= 1
    await eventually(retrying, "the first try fails")
    await wechat.post("/_emulator/miniprogram/subscriptions/withdraw",
                      json={"user": resident.user_key, "template_id": DECISION_TEMPLATE})
    await eventually(all_final, "the retry is handled")
    row = await Delivery.get(event_id=event_id)
    assert row.status == DeliveryStatus.UNDELIVERABLE
    assert row.tried == [{"channel": "oa_template", "outcome": "skipped", "reason": "not_following_oa"},
                         {"channel": "mp_subscribe", "outcome": "skipped", "reason": "subscription_withdrawn"}]
    assert await messages(wechat, kind="subscribe") == []


async def test_the_miniprogram_callback_checks_its_signature(client):
    answer = await client.post("/api/v1/wechat/miniprogram/callback",
                               params={"signature": "0" * 40, "timestamp": "1", "nonce": "n"}, content=b"<xml/>")
    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "OA_SIGNATURE_INVALID"
