"""Broadcasts fanned out in chunks through the queue; failures, dead letters and requeueing."""

import os
import subprocess
import sys
from collections import Counter

from models.push import Delivery, DeliveryStatus
from services import push as push_service
from services.events import EventType
from tests.builders import (
    emit_push_event,
    emulated_openid,
    follow_oa,
    login_resident,
    login_staff,
    make_staff,
    make_wechat_resident,
)
from tests.builders.push import all_final
from tests.push.test_delivery import BOOKING
from tests.support.waiting import eventually

FOLLOWERS = 5  # the test chunk size is 2: three chunks


async def test_a_broadcast_reaches_every_follower_once_with_progress(rt, client, wechat, push_worker):
    for i in range(FOLLOWERS):
        await follow_oa(wechat, f"follower{i}")
    admin = await login_staff(rt, await make_staff(rt, roles=["admin"]))
    created = await client.post("/api/v1/admin/broadcasts", headers=admin.headers,
                                json={"title": "闭馆通知",
                                      "content": "海淀区政务服务中心12月1日下午因系统升级暂停对外服务，"
                                                                   "给您带来不便敬请谅解，可通过“海淀通”小程序在线办理。"})
    assert created.status_code == 201, created.text
    broadcast = created.json()
    assert broadcast["total"] == FOLLOWERS

    async def finished() -> bool:
        progress = await client.get(f"/api/v1/admin/broadcasts/{broadcast['id']}", headers=admin.headers)
        body = progress.json()
        return body["status"] == "done" and body["deliveries"] == {"delivered": FOLLOWERS}
    await eventually(finished, "the broadcast is fanned out and every message delivered")

    sent = (await wechat.get("/_emulator/messages", params={"template_id": "dev-oa-notice"})).json()["messages"]
    assert sorted(Counter(m["touser"] for m in sent).values()) == [1] * FOLLOWERS
    assert sent[0]["data"]["thing1"] == {"value": "闭馆通知"}
    assert len(sent[0]["data"]["thing2"]["value"]) == 20  # cut to WeChat's limit


async def test_broadcasts_are_for_admins_and_checked(rt, client):
    resident = await login_resident(rt, await make_wechat_resident(rt, user_key="zhangsan"))
    refused = await client.post("/api/v1/admin/broadcasts", headers=resident.headers,
                                json={"title": "t", "content": "c"})
    assert refused.status_code == 403
    admin = await login_staff(rt, await make_staff(rt, roles=["admin"]))
    blank = await client.post("/api/v1/admin/broadcasts", headers=admin.headers,
                              json={"title": "  ", "content": "c"})
    assert (blank.status_code, blank.json()["error"]["code"]) == (422, "VALIDATION_FAILED")
    missing = await client.get("/api/v1/admin/broadcasts/01a21213-fb47-7a94-9c3e-a48b8479ccd8",
                               headers=admin.headers)
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "BROADCAST_NOT_FOUND")


async def test_transient_errors_until_the_last_attempt_dead_letter_and_requeue_delivers(
        rt, client, wechat, push_worker, push_rt, settings):
    user = await make_wechat_resident(rt, user_key="zhangsan")
    await follow_oa(wechat, "zhangsan")
    attempts = push_rt.settings.push_max_attempts
    await wechat.post("/_emulator/faults", json={"path": "/cgi-bin/message/template/send",
                                                 "times": attempts, "status": 503, "body": {}})
    event_id = await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), **BOOKING)
    await eventually(all_final, "the delivery runs out of attempts")
    row = await Delivery.get(event_id=event_id)
    assert (row.status, row.attempts) == (DeliveryStatus.DEAD_LETTER, attempts)

    admin = await login_staff(rt, await make_staff(rt, roles=["admin"]))
    failures = await client.get("/api/v1/admin/push/failures", headers=admin.headers)
    [listed] = failures.json()["items"]
    assert (listed["id"], listed["status"], listed["attempts"]) == (str(row.id), "dead_letter", attempts)

    env = {**os.environ, "HDT_ENV": "test", "HDT_DATABASE_URL": settings.database_url,
           "HDT_KEYS_DIR": str(settings.keys_dir), "HDT_LOG_LEVEL": "WARNING"}
    listing = subprocess.run([sys.executable, "-m", "app", "push-dead-letters", "list"], env=env,
                             capture_output=True, text=True, check=True)
    assert str(row.id) in listing.stdout

    assert await push_service.requeue_dead_letters(rt=push_rt, delivery_ids=None) == 1

    async def delivered() -> bool:
        return (await Delivery.get(id=row.id)).status == DeliveryStatus.DELIVERED
    await eventually(delivered, "the requeued delivery is sent")
    assert len((await wechat.get("/_emulator/messages")).json()["messages"]) == 1


async def test_a_hall_broadcast_reaches_only_that_halls_followers(rt, client, wechat, push_worker, settings):
    residents = {}
    for key in ("zhangsan", "lisi", "wangwu"):
        residents[key] = await login_resident(rt, await make_wechat_resident(rt, user_key=key))
        await follow_oa(wechat, key)
    for key in ("zhangsan", "lisi"):
        followed = await client.put("/api/v1/me/notice-topics/hall:HD-CENTER", headers=residents[key].headers)
        assert followed.json() == {"topics": ["hall:HD-CENTER"]}
    left = await client.delete("/api/v1/me/notice-topics/hall:HD-CENTER", headers=residents["lisi"].headers)
    assert left.json() == {"topics": []}
    bad = await client.put("/api/v1/me/notice-topics/window:1", headers=residents["lisi"].headers)
    assert (bad.status_code, bad.json()["error"]["code"]) == (422, "VALIDATION_FAILED")
    too_long = await client.delete("/api/v1/me/notice-topics/item:" + "x" * 100, headers=residents["lisi"].headers)
    assert (too_long.status_code, too_long.json()["error"]["code"]) == (422, "VALIDATION_FAILED")

    admin = await login_staff(rt, await make_staff(rt, roles=["admin"]))
    created = await client.post("/api/v1/admin/broadcasts", headers=admin.headers,
                                json={"title": "大厅通知", "content": "今日下午闭馆", "audience": "hall:HD-CENTER"})
    assert (created.json()["audience"], created.json()["total"]) == ("hall:HD-CENTER", 1)
    await eventually(lambda: all_final(1), "the hall broadcast is sent")
    [sent] = (await wechat.get("/_emulator/messages")).json()["messages"]
    assert sent["touser"] == emulated_openid(settings.wechat_oa_app_id, "zhangsan")
