"""The bulk path: batch jobs deliver every message once, across workers and overlapping batches."""

from __future__ import annotations

from collections import Counter

import pytest

from models.push import Delivery, DeliveryStatus
from push import bulk
from push import queue as push_queue
from push.relay import batch_job
from push.worker import PushProcess
from services.events import EventType
from tests import backends
from tests.builders import emit_push_event, follow_oa, login_wechat_resident, make_wechat_resident
from tests.builders.push import (
    all_final,
    fast_runtime,
    resident_with_phone,
    sms_messages,
    stop_worker,
    worker_subprocess,
)
from tests.push.test_delivery import BOOKING, messages
from tests.push.test_grants import DECISION, DECISION_TEMPLATE, grant
from tests.support.statements import logged_statements
from tests.support.waiting import eventually

NOTICE = {"notice_id": "n-1", "title": "闭馆通知", "content": "12月1日下午暂停对外服务"}
SENT = {DeliveryStatus.SENT, DeliveryStatus.DELIVERED}


@pytest.mark.skipif(not backends.REDIS_URL, reason="two worker processes share only a real Redis")
async def test_two_push_worker_processes_deliver_every_message_exactly_once(client, wechat, sms, rt, settings):
    """Real ``push-worker`` processes on PostgreSQL + Redis, batches of 8 spread over both:
    OA followers by template message, mini-program residents by subscribe message, the others by SMS."""
    expected = Counter()
    for n in range(30):
        user = await make_wechat_resident(rt, user_key=f"bulk{n}")
        await follow_oa(wechat, f"bulk{n}")
        await emit_push_event(EventType.PUSH_NOTICE, user_id=str(user.id), **NOTICE)
        await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), **BOOKING)
        expected["oa_template"] += 2
    for n in range(4):
        resident = await login_wechat_resident(client, wechat, user=f"bulkmp{n}")
        await grant(client, wechat, resident, DECISION_TEMPLATE)
        await emit_push_event(EventType.APPLICATION_DECIDED, user_id=resident.id, **DECISION)
        expected["mp_subscribe"] += 1
    for n in range(3):
        resident = await resident_with_phone(client, wechat, user=f"bulksms{n}", phone=f"1380013810{n}")
        await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=resident.id, **BOOKING)
        expected["sms"] += 1
    total = sum(expected.values())

    workers = [worker_subprocess(settings, push_bulk_batch=8) for _ in range(2)]
    try:
        await eventually(lambda: all_final(total), "every message reaches a final status")
    finally:
        for worker in workers:
            await stop_worker(worker)

    deliveries = await Delivery.all()
    assert len({d.event_id for d in deliveries}) == total
    assert {d.status for d in deliveries} <= SENT
    assert Counter(d.channel for d in deliveries) == expected
    templates = Counter(m["client_msg_id"] for m in await messages(wechat, kind="template"))
    assert templates == Counter({str(d.id): 1 for d in deliveries if d.channel == "oa_template"})
    assert len(await messages(wechat, kind="subscribe")) == expected["mp_subscribe"]
    assert sorted(m["phone"] for m in await sms_messages(sms)) == [f"+861380013810{n}" for n in range(3)]


async def test_batches_that_overlap_send_each_message_once(client, wechat, push_rt):
    """Two batch jobs holding the same events (two relays reading at once, or one that died
    between queueing and marking the events published) send each message once: subscribe
    messages carry no idempotency key, so a second send would reach the resident."""
    resident = await login_wechat_resident(client, wechat, user="overlap")
    await grant(client, wechat, resident, DECISION_TEMPLATE)
    events = [{"event_id": await emit_push_event(EventType.APPLICATION_DECIDED, user_id=resident.id, **DECISION),
               "event_type": str(EventType.APPLICATION_DECIDED), "payload": {"user_id": resident.id, **DECISION}}
              for _ in range(12)]
    process = PushProcess(push_rt, concurrency=4, grace_seconds=0)
    await process.start()  # its relay queues all twelve once more, as one batch
    try:
        for batch in (events[:8], events[4:], events[2:10]):
            await process.queue.enqueue(batch_job(push_rt.settings, batch, 0))
        await eventually(lambda: all_final(12), "every message is handled")
        await eventually(lambda: _queue_idle(process), "every batch job has run")
    finally:
        await process.stop()

    assert len(await messages(wechat, kind="subscribe")) == 12
    assert {d.status for d in await Delivery.all()} <= SENT


async def test_a_batch_writes_its_template_messages_ready_to_send(wechat, push_rt):
    """New messages going by OA template message are written `sending` by the batch's INSERT: no
    UPDATE marks them before their sends, and each is sent once."""
    events = []
    for n in range(6):
        user = await make_wechat_resident(push_rt, user_key=f"ready{n}")
        await follow_oa(wechat, f"ready{n}")
        payload = {"user_id": str(user.id), **NOTICE}
        events.append({"event_id": await emit_push_event(EventType.PUSH_NOTICE, **payload),
                       "event_type": str(EventType.PUSH_NOTICE), "payload": payload})

    async def later(_: object) -> None:
        raise AssertionError("nothing is sent later")

    with logged_statements() as sql:
        outcome = await bulk.deliver_batch(push_rt, holder="job-ready", lease_seconds=30, events=events,
                                           last_attempt=False, send_later=later)
    assert sum(outcome.values()) == 6 and set(outcome) <= {"sent", "delivered"}
    writes = [s for s in sql if '"push_deliveries"' in s and s.split()[0] in ("INSERT", "UPDATE")]
    assert writes[0].startswith("INSERT"), sql
    # The UPDATEs after the INSERT record answers (msgids, early reports); none marks a send.
    assert not [s for s in writes[1:] if '"channel"' in s], sql
    deliveries = await Delivery.all()
    assert {(d.channel, d.attempts) for d in deliveries} == {("oa_template", 1)}
    received = Counter(m["client_msg_id"] for m in await messages(wechat, kind="template"))
    assert received == Counter({str(d.id): 1 for d in deliveries})


async def _queue_idle(process: PushProcess) -> bool:
    return (await push_queue.depth(process.queue.redis))["incomplete"] == 0


async def test_the_rate_limit_binds_batches_shared_across_workers(wechat, rt):
    """Two workers sharing a limit of three a second pace their sends together: 20 messages need
    seven of the limit's seconds, so the first and the last reach WeChat more than four seconds
    apart (each worker on its own limit, six a second together, would be done within four).
    Timing on a loaded machine only spreads the sends further; none is lost or sent twice."""
    for n in range(20):
        user = await make_wechat_resident(rt, user_key=f"rate{n}")
        await follow_oa(wechat, f"rate{n}")
        await emit_push_event(EventType.PUSH_NOTICE, user_id=str(user.id), **NOTICE)
    limited = fast_runtime(rt, push_rate_per_second=3, push_bulk_batch=5, push_job_timeout_seconds=30)
    processes = [PushProcess(limited, concurrency=4, grace_seconds=0) for _ in range(2)]
    for process in processes:
        await process.start()
    try:
        await eventually(lambda: all_final(20), "every message is sent")
    finally:
        for process in processes:
            await process.stop()
    received = await messages(wechat, kind="template")
    assert Counter(m["client_msg_id"] for m in received) == Counter({str(d.id): 1 for d in await Delivery.all()})
    arrivals = sorted(m["received_at"] for m in received)
    assert arrivals[-1] - arrivals[0] > 4
