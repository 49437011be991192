"""Events from the outbox to residents' WeChat, through the queue, against the emulator."""

from models.push import Delivery, DeliveryStatus, SubscriptionGrant
from services.events import EventType
from tests.builders import (
    emit_push_event,
    emulated_openid,
    follow_oa,
    login_resident,
    make_wechat_resident,
)
from tests.builders.push import all_final
from tests.support.waiting import eventually

BOOKING = {"item_name": "居民身份证换领", "slot_time": "2026-12-01 09:00", "hall_name": "海淀区政务服务中心",
           "appointment_id": "apt-1"}


async def messages(wechat, **filters) -> list[dict]:
    return (await wechat.get("/_emulator/messages", params=filters)).json()["messages"]


async def delivery_of(event_id: str) -> Delivery:
    return await Delivery.get(event_id=event_id)


async def status_of(event_id: str) -> DeliveryStatus | None:
    row = await Delivery.get_or_none(event_id=event_id)
    return row.status if row else None


async def test_a_follower_gets_the_template_message_and_the_job_finish_closes_it(
        rt, wechat, push_worker, settings):
    user = await make_wechat_resident(rt, user_key="zhangsan")
    await follow_oa(wechat, "zhangsan")
    event_id = await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), **BOOKING)

    async def delivered() -> bool:
        return await status_of(event_id) == DeliveryStatus.DELIVERED
    await eventually(delivered, "TEMPLATESENDJOBFINISH closes the delivery")

    [sent] = await messages(wechat, kind="template")
    assert sent["touser"] == emulated_openid(settings.wechat_oa_app_id, "zhangsan")
    assert sent["template_id"] == "dev-oa-booking-confirmed"
    assert sent["miniprogram"] == {"appid": settings.wechat_miniprogram_app_id,
                                   "pagepath": "pages/appointments/detail?id=apt-1"}
    assert sent["data"]["thing3"] == {"value": "海淀区政务服务中心"}
    row = await delivery_of(event_id)
    assert (row.channel, row.msgid, row.attempts) == ("oa_template", sent["msgid"], 1)


async def test_values_too_long_are_cut_to_the_field_limit_and_sent(rt, wechat, push_worker):
    user = await make_wechat_resident(rt, user_key="zhangsan")
    await follow_oa(wechat, "zhangsan")
    long_name = "海淀区市场监督管理局企业登记注册窗口综合受理事项" * 2
    await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), **{**BOOKING, "hall_name": long_name})
    await eventually(all_final, "the message is sent")
    [sent] = await messages(wechat, kind="template")
    assert sent["data"]["thing3"]["value"] == long_name[:19] + "…"


async def test_a_blocked_follower_gets_failed_from_the_job_finish_event(rt, wechat, push_worker):
    user = await make_wechat_resident(rt, user_key="zhangsan")
    await follow_oa(wechat, "zhangsan")
    await wechat.post("/_emulator/oa/block", json={"user": "zhangsan"})
    event_id = await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), **BOOKING)

    async def failed() -> bool:
        return await status_of(event_id) == DeliveryStatus.FAILED
    await eventually(failed, "the job-finish failure is recorded")
    assert (await delivery_of(event_id)).error == "job_finish: failed:user block"


async def test_job_finish_reports_arriving_together_and_before_their_sends_are_recorded_close_every_delivery(
        rt, wechat, push_worker):
    # WeChat answering at once: the reports reach the API together, most of them before the
    # worker has recorded the msgid they name (the API writes them in batches, push/delivery.py).
    await wechat.post("/_emulator/limits", json={"send_rate_per_second": 1000, "job_finish_delay_seconds": 0})
    await wechat.post("/_emulator/oa/block", json={"user": "burst-blocked"})
    events = {}
    for key in [f"burst-{n}" for n in range(24)] + ["burst-blocked"]:
        user = await make_wechat_resident(rt, user_key=key)
        await follow_oa(wechat, key)
        events[key] = await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), **BOOKING)

    async def statuses() -> list[DeliveryStatus]:
        return await Delivery.filter(event_id__in=list(events.values())).values_list("status", flat=True)

    async def reported() -> bool:
        found = await statuses()
        return len(found) == 25 and set(found) <= {DeliveryStatus.DELIVERED, DeliveryStatus.FAILED}
    await eventually(reported, "every job-finish report is recorded")
    blocked = await delivery_of(events.pop("burst-blocked"))
    assert (blocked.status, blocked.error) == (DeliveryStatus.FAILED, "job_finish: failed:user block")
    assert set(await statuses()) == {DeliveryStatus.DELIVERED}
    assert len(await messages(wechat, kind="template")) == 25


async def test_without_following_a_granted_subscribe_message_is_sent_and_spent(
        rt, client, wechat, push_worker, settings):
    user = await make_wechat_resident(rt, user_key="lisi", oa=False, miniprogram=True)
    resident = await login_resident(rt, user)
    template = "dev-mp-prereview-passed"
    granted = await client.post("/api/v1/me/subscriptions", headers=resident.headers,
                                json={"results": {template: "accept"}})
    assert granted.json() == {"grants": [{"template_id": template, "remaining": 1}]}
    await wechat.post("/_emulator/miniprogram/subscriptions", json={"user": "lisi", "template_id": template})
    first = await emit_push_event(EventType.PREREVIEW_PASSED, user_id=str(user.id), item_name="个体工商户设立登记",
                                  application_id="app-9")
    second = await emit_push_event(EventType.PREREVIEW_PASSED, user_id=str(user.id), item_name="个体工商户设立登记",
                                   application_id="app-9")
    await eventually(lambda: all_final(2), "both events are handled")

    [sent] = await messages(wechat, kind="subscribe")
    assert sent["touser"] == emulated_openid(settings.wechat_miniprogram_app_id, "lisi")
    assert sent["page"] == "pages/applications/detail?id=app-9"
    statuses = {(await delivery_of(e)).status for e in (first, second)}
    assert statuses == {DeliveryStatus.SENT, DeliveryStatus.UNDELIVERABLE}
    assert (await SubscriptionGrant.get(user_id=user.id)).remaining == 0

    history = await client.get("/api/v1/me/messages", headers=resident.headers, params={"limit": 1})
    body = history.json()
    assert len(body["items"]) == 1 and body["next_cursor"]
    rest = await client.get("/api/v1/me/messages", headers=resident.headers,
                            params={"cursor": body["next_cursor"]})
    assert {m["status"] for m in body["items"] + rest.json()["items"]} == {"sent", "undeliverable"}
    assert rest.json()["next_cursor"] is None


async def test_unknown_grant_templates_are_refused_and_nothing_is_recorded(rt, client):
    resident = await login_resident(rt, await make_wechat_resident(rt, user_key="lisi"))
    response = await client.post("/api/v1/me/subscriptions", headers=resident.headers,
                                 json={"results": {"dev-mp-notice": "accept", "no-such": "accept"}})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "PUSH_TEMPLATE_UNKNOWN"
    assert await SubscriptionGrant.all().count() == 0


async def test_an_event_missing_template_fields_is_recorded_as_failed_not_sent(rt, wechat, push_worker):
    user = await make_wechat_resident(rt, user_key="zhangsan")
    await follow_oa(wechat, "zhangsan")
    event_id = await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), item_name="x")
    await eventually(all_final, "the event is handled")
    row = await delivery_of(event_id)
    assert row.status == DeliveryStatus.FAILED
    assert row.error.startswith("payload_missing:")
    assert await messages(wechat) == []


async def test_permanent_errors_are_not_retried(rt, wechat, push_worker):
    user = await make_wechat_resident(rt, user_key="zhangsan")
    await follow_oa(wechat, "zhangsan")
    await wechat.post("/_emulator/faults", json={"path": "/cgi-bin/message/template/send", "times": 5,
                                                 "body": {"errcode": 40003, "errmsg": "invalid openid"}})
    event_id = await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), **BOOKING)
    await eventually(all_final, "the event is handled")
    row = await delivery_of(event_id)
    assert (row.status, row.attempts, row.error) == (DeliveryStatus.FAILED, 1, "40003 invalid openid")
    pending = (await wechat.get("/_emulator/faults")).json()["pending"]
    assert pending[0]["times"] == 4  # one call only


async def test_transient_errors_are_retried_until_sent(rt, wechat, push_worker):
    user = await make_wechat_resident(rt, user_key="zhangsan")
    await follow_oa(wechat, "zhangsan")
    await wechat.post("/_emulator/faults", json={"path": "/cgi-bin/message/template/send", "times": 2,
                                                 "body": {"errcode": -1, "errmsg": "system error"}})
    event_id = await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), **BOOKING)
    await eventually(all_final, "the event is handled")
    row = await delivery_of(event_id)
    assert row.status in (DeliveryStatus.SENT, DeliveryStatus.DELIVERED) and row.attempts == 3
    assert len(await messages(wechat)) == 1
