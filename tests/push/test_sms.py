"""SMS as the channel of last resort, through the Tencent Cloud SMS emulator on loopback."""

from __future__ import annotations

import dataclasses

import pytest

from app.ids import utcnow
from models.push import Delivery, DeliveryStatus, SmsOptOut
from services import push_callbacks
from services.events import EventType
from tests.builders import emit_push_event, make_slot
from tests.builders.appointments import book
from tests.builders.push import all_final, resident_with_phone, sms_messages
from tests.push.test_delivery import BOOKING, messages
from tests.push.test_domain_events import HALL_NAME, ITEM_NAME, beijing_time, booked_reminder, booking_desk, emit
from tests.support.waiting import eventually

PHONE = "13800138001"


async def status_of(event_id: str) -> DeliveryStatus | None:
    row = await Delivery.get_or_none(event_id=event_id)
    return row.status if row else None


async def test_without_wechat_the_booking_confirmation_and_reminder_come_by_sms(
        rt, client, wechat, sms, push_worker, settings):
    resident = await resident_with_phone(client, wechat, user="wangwu", phone=PHONE)
    hall, item = await booking_desk()
    slot = await make_slot(hall=hall)
    reminder = await booked_reminder(client, resident, slot, item)

    async def confirmation_delivered() -> bool:
        return await Delivery.filter(status=DeliveryStatus.DELIVERED).count() == 1
    await eventually(confirmation_delivered, "the confirmation SMS is sent and its report received")
    [confirmation] = await sms_messages(sms)
    assert confirmation["phone"] == f"+86{PHONE}"
    assert confirmation["sign_name"] == settings.sms_sign_name
    assert confirmation["template_id"] == "2100001"
    assert confirmation["params"] == [ITEM_NAME, beijing_time(slot.starts_at), HALL_NAME]
    row = await Delivery.get()
    assert (row.channel, row.provider_ref) == ("sms", confirmation["serial_no"])
    assert row.tried == [{"channel": "oa_template", "outcome": "skipped", "reason": "not_following_oa"},
                         {"channel": "mp_subscribe", "outcome": "skipped", "reason": "no_subscription_granted"},
                         {"channel": "sms", "outcome": "sent"}]
    assert await messages(wechat) == []

    # The reminder, due now: Tencent allows one SMS per number in 30 seconds, so it waits.
    event_id = await emit("appointment.reminder", reminder["appointment_id"],
                          {**reminder, "due_at": utcnow().isoformat()})

    async def held_back() -> bool:
        row = await Delivery.get_or_none(event_id=event_id)
        return row is not None and row.status == DeliveryStatus.RETRYING
    await eventually(held_back, "the frequency limit holds the reminder back")
    held = await Delivery.get(event_id=event_id)
    assert held.error.startswith("LimitExceeded.PhoneNumberThirtySecondLimit")

    await sms.post("/_emulator/clock", json={"advance_seconds": 31})

    async def reminded() -> bool:
        return await status_of(event_id) == DeliveryStatus.DELIVERED
    await eventually(reminded, "the reminder is sent once the limit allows")
    assert [m["template_id"] for m in await sms_messages(sms)] == ["2100001", "2100002"]

    history = (await client.get("/api/v1/me/messages", headers=resident.headers)).json()["items"]
    assert [(m["event_type"], m["channel"], m["status"]) for m in history] == [
        ("appointment_reminder", "sms", "delivered"), ("booking_confirmed", "sms", "delivered")]
    assert history[0]["channels_tried"][-1] == {"channel": "sms", "outcome": "sent", "reason": None}


async def test_a_resident_who_replied_td_gets_no_sms(rt, client, wechat, sms, push_worker):
    resident = await resident_with_phone(client, wechat, user="wangwu", phone=PHONE)
    replied = await sms.post("/_emulator/sms/reply", json={"phone": f"+86{PHONE}", "text": "TD"})
    assert replied.json() == {"blacklisted": True}
    assert await SmsOptOut.all().count() == 2  # the number with and without its country code

    hall, item = await booking_desk()
    booking = await book(client, resident, item_id=item.id, slot_id=(await make_slot(hall=hall)).id)
    assert booking.status_code == 201, booking.text

    await eventually(all_final, "the confirmation is handled")
    row = await Delivery.get()
    assert row.status == DeliveryStatus.UNDELIVERABLE
    assert row.tried[-1] == {"channel": "sms", "outcome": "skipped", "reason": "sms_opted_out"}
    assert await sms_messages(sms) == []


async def test_a_number_the_provider_blacklisted_fails_and_is_remembered(rt, client, wechat, sms, push_worker,
                                                                       settings):
    resident = await resident_with_phone(client, wechat, user="wangwu", phone=PHONE)
    # The TD reached Tencent, but its reply callback never reached us.
    await sms.post("/_emulator/sms/reply", json={"phone": f"+86{PHONE}", "text": "TD"})
    await SmsOptOut.all().delete()

    event_id = await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=resident.id, **BOOKING)
    await eventually(all_final, "the confirmation is handled")
    row = await Delivery.get(event_id=event_id)
    assert (row.status, row.error) == (DeliveryStatus.FAILED, "FailedOperation.PhoneNumberInBlacklist "
                                                              "the number is in the blacklist")
    assert await SmsOptOut.all().count() == 1


async def test_a_number_verified_since_by_another_account_is_not_used(rt, client, wechat, sms, push_worker):
    first = await resident_with_phone(client, wechat, user="wangwu", phone=PHONE)
    await resident_with_phone(client, wechat, user="zhaoliu", phone=PHONE)  # the number was reassigned

    event_id = await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=first.id, **BOOKING)
    await eventually(all_final, "the confirmation is handled")
    row = await Delivery.get(event_id=event_id)
    assert row.status == DeliveryStatus.UNDELIVERABLE
    assert row.tried[-1] == {"channel": "sms", "outcome": "skipped", "reason": "phone_no_longer_verified"}
    assert await sms_messages(sms) == []


async def test_a_failed_delivery_report_fails_the_delivery(rt, client, wechat, sms, push_worker):
    resident = await resident_with_phone(client, wechat, user="wangwu", phone=PHONE)
    await sms.post("/_emulator/sms/failing-numbers", json={"phone": f"+86{PHONE}"})
    event_id = await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=resident.id, **BOOKING)

    async def failed() -> bool:
        return await status_of(event_id) == DeliveryStatus.FAILED
    await eventually(failed, "the failed report is recorded")
    assert (await Delivery.get(event_id=event_id)).error == "sms_report: MK:0001 用户短信接收失败"


async def test_a_broadcast_kind_never_goes_by_sms(rt, client, wechat, sms, push_worker):
    resident = await resident_with_phone(client, wechat, user="wangwu", phone=PHONE)
    event_id = await emit_push_event(EventType.PUSH_NOTICE, user_id=resident.id, title="闭馆通知",
                                     content="12月1日下午暂停对外服务", notice_id="n-1")
    await eventually(all_final, "the notice is handled")
    row = await Delivery.get(event_id=event_id)
    assert row.status == DeliveryStatus.UNDELIVERABLE
    assert [entry["channel"] for entry in row.tried] == ["oa_template", "mp_subscribe"]
    assert await sms_messages(sms) == []


async def test_sms_callbacks_need_the_token_and_ignore_unknown_messages(rt, client, settings):
    report = [{"sid": "2433:unknown", "report_status": "SUCCESS", "errmsg": "DELIVRD",
               "description": "用户短信送达成功", "mobile": PHONE, "nationcode": "86",
               "user_receive_time": "2026-12-04 10:00:00"}]
    refused = await client.post("/api/v1/sms/tencent/status", params={"token": "wrong"}, json=report)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "SMS_CALLBACK_FORBIDDEN"
    for _ in range(2):
        answer = await client.post("/api/v1/sms/tencent/status", params={"token": settings.sms_callback_token},
                                   json=report)
        assert answer.json() == {"result": 0, "errmsg": "OK"}
    assert await Delivery.all().count() == 0
    assert await rt.redis.get("push:sms-report:2433:unknown") is not None  # kept in case the send is late


async def test_with_no_token_configured_every_sms_callback_is_refused(rt):
    """An empty HDT_SMS_CALLBACK_TOKEN (production refuses it at start) must not match a request
    that sends no token."""
    unset = dataclasses.replace(rt, settings=rt.settings.model_copy(update={"sms_callback_token": ""}))
    for token in (None, ""):
        with pytest.raises(push_callbacks.SmsCallbackForbidden):
            await push_callbacks.sms_status_reports(rt=unset, token=token, reports=[])
        with pytest.raises(push_callbacks.SmsCallbackForbidden):
            await push_callbacks.sms_reply(rt=unset, token=token, reply={"mobile": PHONE, "text": "TD"})


async def test_the_preferred_channel_is_tried_first(rt, client, wechat, sms, push_worker):
    resident = await resident_with_phone(client, wechat, user="wangwu", phone=PHONE)
    await wechat.post("/_emulator/oa/follow", json={"user": "wangwu"})
    bad = await client.put("/api/v1/me/message-channel", json={"channel": "fax"}, headers=resident.headers)
    assert bad.json()["error"]["code"] == "PUSH_CHANNEL_UNKNOWN"
    chosen = await client.put("/api/v1/me/message-channel", json={"channel": "sms"}, headers=resident.headers)
    assert chosen.json() == {"channel": "sms"}
    assert (await client.get("/api/v1/me/message-channel", headers=resident.headers)).json() == {"channel": "sms"}

    await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=resident.id, **BOOKING)
    await eventually(all_final, "the confirmation is handled")
    assert (await Delivery.get()).tried == [{"channel": "sms", "outcome": "sent"}]
    assert len(await sms_messages(sms)) == 1
    assert await messages(wechat) == []


async def test_the_emulator_refuses_a_bad_signature(sms, settings):
    answer = await sms.post("/", content=b"{}", headers={
        "x-tc-action": "SendSms", "x-tc-timestamp": str(int(utcnow().timestamp())),
        "authorization": f"TC3-HMAC-SHA256 Credential={settings.sms_secret_id}/2026-12-04/sms/tc3_request, "
                         "SignedHeaders=content-type;host, Signature=" + "0" * 64})
    assert answer.json()["Response"]["Error"]["Code"] == "AuthFailure.SignatureFailure"

