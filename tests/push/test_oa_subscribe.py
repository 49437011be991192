"""订阅通知 on the official account: the pop-up's grants arrive at the OA callback, and per-user
notices go by ``message/subscribe/bizsend`` before the template message while a grant lasts."""

from __future__ import annotations

import httpx

from models.push import Delivery, DeliveryStatus, OASubscriptionGrant
from services.events import EventType
from tests.builders import emit_push_event, emulated_openid, follow_oa, login_resident, make_wechat_resident
from tests.builders.push import all_final
from tests.push.test_delivery import messages
from tests.support.waiting import eventually

ONE_TIME = "dev-oasub-prereview-passed"  # prereview_passed's OA 订阅通知 template (one-time)
LONG_TERM = "dev-oasub-certificate-ready"  # certificate_ready's (long-term)
PASSED = {"item_name": "个体工商户设立登记", "application_id": "app-9"}
READY = {"certificate_name": "营业执照", "pickup_method": "mail", "tracking_number": "SF1234567890",
         "application_id": "app-9"}


async def _follower(rt, wechat: httpx.AsyncClient, key: str = "zhangsan"):
    """A resident who logged in through the OA and follows it (no mini-program, no grants)."""
    user = await make_wechat_resident(rt, user_key=key)
    await follow_oa(wechat, key)
    return user


async def _popup(wechat: httpx.AsyncClient, key: str, results: dict[str, str]) -> None:
    answered = await wechat.post("/_emulator/oa/subscribe-popup", json={"user": key, "results": results})
    assert answered.status_code == 200, answered.text
    assert answered.json()["callback_status"] == 200, answered.text


async def _delivered(event_id: str) -> Delivery:
    async def final() -> bool:
        row = await Delivery.get_or_none(event_id=event_id)
        return row is not None and row.status in (DeliveryStatus.DELIVERED, DeliveryStatus.FAILED,
                                                  DeliveryStatus.UNDELIVERABLE)
    await eventually(final, "the message is handled and its report recorded")
    return await Delivery.get(event_id=event_id)


async def test_a_one_time_grant_from_the_popup_sends_one_oa_subscribe_notice(
        rt, client, wechat, push_worker, settings):
    user = await _follower(rt, wechat)
    openid = emulated_openid(settings.wechat_oa_app_id, "zhangsan")
    await _popup(wechat, "zhangsan", {ONE_TIME: "accept"})
    grant = await OASubscriptionGrant.get(openid=openid, template_id=ONE_TIME)
    assert (grant.remaining, grant.long_term, grant.withdrawn_at) == (1, False, None)

    first = await _delivered(await emit_push_event(EventType.PREREVIEW_PASSED, user_id=str(user.id), **PASSED))
    # subscribe_msg_sent_event reported success on the msgid bizsend answered.
    assert (first.channel, first.status, first.openid) == ("oa_subscribe", DeliveryStatus.DELIVERED, openid)
    assert first.tried == [{"channel": "oa_subscribe", "outcome": "sent"}]
    [sent] = await messages(wechat, kind="bizsend")
    assert (sent["touser"], sent["template_id"], sent["msgid"]) == (openid, ONE_TIME, first.msgid)
    assert sent["miniprogram"]["pagepath"] == "pages/applications/detail?id=app-9"
    assert sent["data"]["thing1"] == {"value": PASSED["item_name"]}

    # The grant is spent: the next notice is an OA template message, and says why.
    second = await _delivered(await emit_push_event(EventType.PREREVIEW_PASSED, user_id=str(user.id), **PASSED))
    assert second.channel == "oa_template"
    assert second.tried == [{"channel": "oa_subscribe", "outcome": "skipped", "reason": "no_oa_subscription_granted"},
                            {"channel": "oa_template", "outcome": "sent"}]
    resident = await login_resident(rt, user)
    history = (await client.get("/api/v1/me/messages", headers=resident.headers)).json()["items"]
    assert [item["channel"] for item in history] == ["oa_template", "oa_subscribe"]
    assert history[0]["channels_tried"][0] == {"channel": "oa_subscribe", "outcome": "skipped",
                                               "reason": "no_oa_subscription_granted"}


async def test_a_long_term_grant_serves_until_the_follower_turns_it_off(rt, wechat, push_worker, settings):
    user = await _follower(rt, wechat)
    openid = emulated_openid(settings.wechat_oa_app_id, "zhangsan")
    await _popup(wechat, "zhangsan", {LONG_TERM: "accept", ONE_TIME: "reject"})
    assert not await OASubscriptionGrant.filter(template_id=ONE_TIME, remaining__gt=0).exists()
    for _ in range(2):
        row = await _delivered(await emit_push_event(EventType.CERTIFICATE_READY, user_id=str(user.id), **READY))
        assert (row.channel, row.status) == ("oa_subscribe", DeliveryStatus.DELIVERED)
    assert len(await messages(wechat, kind="bizsend")) == 2

    changed = await wechat.post("/_emulator/oa/subscriptions/change",
                                json={"user": "zhangsan", "template_id": LONG_TERM, "status": "reject"})
    assert changed.json()["callback_status"] == 200, changed.text
    assert (await OASubscriptionGrant.get(openid=openid, template_id=LONG_TERM)).withdrawn_at is not None
    row = await _delivered(await emit_push_event(EventType.CERTIFICATE_READY, user_id=str(user.id), **READY))
    assert row.channel == "oa_template"
    assert row.tried[0] == {"channel": "oa_subscribe", "outcome": "skipped", "reason": "no_oa_subscription_granted"}
    assert len(await messages(wechat, kind="bizsend")) == 2


async def test_wechat_refusing_the_notice_moves_on_to_the_template_message(rt, wechat, push_worker, settings):
    user = await _follower(rt, wechat)
    await _popup(wechat, "zhangsan", {ONE_TIME: "accept", ONE_TIME + "-unknown": "accept"})
    # WeChat no longer holds the follower's consent (43101 user refused).
    await wechat.post("/_emulator/faults", json={"path": "/cgi-bin/message/subscribe/bizsend", "times": 1,
                                                 "body": {"errcode": 43101, "errmsg": "user refuse to accept the msg"}})
    row = await _delivered(await emit_push_event(EventType.PREREVIEW_PASSED, user_id=str(user.id), **PASSED))
    assert row.channel == "oa_template" and row.status == DeliveryStatus.DELIVERED
    assert row.tried == [{"channel": "oa_subscribe", "outcome": "failed",
                          "reason": "43101 user refuse to accept the msg"},
                         {"channel": "oa_template", "outcome": "sent"}]
    openid = emulated_openid(settings.wechat_oa_app_id, "zhangsan")
    assert (await OASubscriptionGrant.get(openid=openid, template_id=ONE_TIME)).remaining == 0
    # A template this deployment does not configure is not recorded.
    assert await OASubscriptionGrant.filter(template_id=ONE_TIME + "-unknown").count() == 0


async def test_the_emulator_refuses_a_notice_the_follower_did_not_accept(rt, wechat, push_worker):
    user = await _follower(rt, wechat)
    await _popup(wechat, "zhangsan", {ONE_TIME: "accept"})
    # The emulator forgets the grant (the follower's consent went elsewhere): bizsend answers 43101.
    await wechat.post("/_emulator/oa/subscriptions/change",
                      json={"user": "zhangsan", "template_id": ONE_TIME, "status": "reject"})
    await OASubscriptionGrant.filter(template_id=ONE_TIME).update(withdrawn_at=None)
    row = await _delivered(await emit_push_event(EventType.PREREVIEW_PASSED, user_id=str(user.id), **PASSED))
    assert row.tried[0] == {"channel": "oa_subscribe", "outcome": "failed",
                            "reason": "43101 user refuse to accept the msg"}
    assert row.channel == "oa_template"


async def test_a_notice_whose_follower_blocked_the_account_is_failed_by_the_sent_event(rt, wechat, push_worker):
    user = await _follower(rt, wechat)
    await _popup(wechat, "zhangsan", {ONE_TIME: "accept"})
    await wechat.post("/_emulator/oa/block", json={"user": "zhangsan"})
    row = await _delivered(await emit_push_event(EventType.PREREVIEW_PASSED, user_id=str(user.id), **PASSED))
    assert (row.channel, row.status, row.error) == ("oa_subscribe", DeliveryStatus.FAILED,
                                                    "job_finish: failed:user block")
    await eventually(all_final, "nothing is left pending")
