"""A push worker that dies mid-batch loses no message and sends none twice."""

import asyncio
import signal
from collections import Counter

from models.push import Delivery, DeliveryStatus
from push.worker import PushProcess
from services.events import EventType
from tests import backends
from tests.builders import emit_push_event, follow_oa, make_wechat_resident
from tests.builders.push import all_final, fast_runtime, worker_subprocess
from tests.push.test_delivery import BOOKING
from tests.support.waiting import eventually

EVENTS = 40
# Batch jobs of 10 events with 4 sends in flight each: the worker dies with batches half sent,
# others not started.
SMALL_BATCHES = {"push_bulk_batch": 10, "push_bulk_concurrency": 4}


async def template_messages(wechat) -> list[dict]:
    return (await wechat.get("/_emulator/messages", params={"kind": "template"})).json()["messages"]


async def test_a_worker_killed_mid_batch_loses_nothing_and_duplicates_nothing(rt, wechat, settings):
    """With HDT_TEST_REDIS_URL the worker is a real ``push-worker`` process killed with SIGKILL;
    its jobs wait in Redis until the rescuing worker's sweep finds them past their timeout.
    On the embedded default the queue lives in this process, so the first worker runs here and
    is killed by cancelling its tasks mid-send."""
    events = []
    for i in range(EVENTS):
        user = await make_wechat_resident(rt, user_key=f"crash{i}")
        await follow_oa(wechat, f"crash{i}")
        events.append(await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), **BOOKING))
    # Slow sends, so several are in flight when the worker dies.
    await wechat.post("/_emulator/faults", json={"path": "/cgi-bin/message/template/send",
                                                 "times": 10_000, "latency_ms": 150})

    async def some_sent() -> bool:
        return len(await template_messages(wechat)) >= 3

    if backends.REDIS_URL:
        child = worker_subprocess(settings, **SMALL_BATCHES)
        await eventually(some_sent, "the worker process sends the first messages")
        child.send_signal(signal.SIGKILL)
        child.wait()
    else:
        victim = PushProcess(fast_runtime(rt, **SMALL_BATCHES), concurrency=4, grace_seconds=0)
        await victim.start()
        await eventually(some_sent, "the in-process worker sends the first messages")
        for task in victim.tasks:
            task.cancel()
        await asyncio.gather(*victim.tasks, return_exceptions=True)
        await victim.queue.disconnect()
    assert len(await template_messages(wechat)) < EVENTS  # it really died mid-batch

    rescuer = PushProcess(fast_runtime(rt, **SMALL_BATCHES), concurrency=4, grace_seconds=0)
    await rescuer.start()
    try:
        await eventually(lambda: all_final(EVENTS), "every event reaches a final status")
    finally:
        await rescuer.stop()

    deliveries = await Delivery.all()
    assert sorted(d.event_id for d in deliveries) == sorted(events)
    assert {d.status for d in deliveries} <= {DeliveryStatus.SENT, DeliveryStatus.DELIVERED}
    received = Counter(m["client_msg_id"] for m in await template_messages(wechat))
    assert received == Counter({str(d.id): 1 for d in deliveries})
