"""Failures, dead letters and requeueing."""

import os
import subprocess
import sys

from models.push import Delivery, DeliveryStatus
from services import push as push_service
from services.events import EventType
from tests.builders import (
    emit_push_event,
    follow_oa,
    login_staff,
    make_staff,
    make_wechat_resident,
)
from tests.builders.push import all_final
from tests.push.test_delivery import BOOKING
from tests.support.waiting import eventually


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
