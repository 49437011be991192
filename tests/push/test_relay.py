"""The outbox relay: each event queued once across workers, and queued again when the queue lost it."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from datetime import timedelta

import pytest

from app.ids import utcnow
from models.push import Delivery, DeliveryStatus
from push import queue as push_queue
from push.relay import relay_once
from push.worker import PushProcess
from services.events import EventType
from tests.builders import emit_push_event, follow_oa, make_wechat_resident
from tests.builders.push import all_final, fast_runtime
from tests.push.test_bulk import NOTICE, SENT
from tests.push.test_delivery import messages
from tests.support.private_servers import REDIS_SERVER, PrivateRedis
from tests.support.waiting import eventually


async def test_relays_of_two_workers_take_turns(rt):
    """Two workers' relays passing at the same moment move each outbox event once: one has the
    turn, the other moves nothing (both used to read, decode and queue the same events)."""
    for n in range(30):
        await emit_push_event(EventType.PUSH_NOTICE, user_id=str(uuid.uuid4()), notice_id=f"n-{n}",
                              title=NOTICE["title"], content=NOTICE["content"])
    queues = [push_queue.open_queue(rt.settings) for _ in range(2)]
    for queue in queues:
        await queue.connect()
    try:
        moved = await asyncio.gather(*(relay_once(rt, queue) for queue in queues))
        again = await relay_once(rt, queues[0])
    finally:
        for queue in queues:
            await queue.disconnect()
    assert sorted(moved) == [0, 30]
    assert again == 0  # every event was marked published by the relay that had the turn


async def deliver_until_final(push_rt, count: int) -> None:
    process = PushProcess(push_rt, concurrency=2, grace_seconds=0)
    await process.start()
    try:
        await eventually(lambda: all_final(count), f"{count} messages reach a final status")
    finally:
        await process.stop()


async def test_messages_the_queue_lost_are_queued_again_and_sent_once(rt, wechat, push_rt):
    """Redis restarts without its data after the relay queued two messages (one due in three
    seconds) and marked them published: the next relay pass queues both again, and every message
    reaches the resident once, the later one not before it is due; the one sent before is not
    sent again. The restart's effect is made with FLUSHDB, which is what such a restart leaves."""
    user = await make_wechat_resident(rt, user_key="lost")
    await follow_oa(wechat, "lost")
    await emit_push_event(EventType.PUSH_NOTICE, user_id=str(user.id), **NOTICE)
    await deliver_until_final(push_rt, 1)

    due = utcnow() + timedelta(seconds=3)
    waiting = await emit_push_event(EventType.PUSH_NOTICE, user_id=str(user.id), **{**NOTICE, "notice_id": "n-2"})
    later = await emit_push_event(EventType.PUSH_NOTICE, user_id=str(user.id),
                                  **{**NOTICE, "notice_id": "n-3"}, due_at=due.isoformat())
    queue = push_queue.open_queue(push_rt.settings)
    await queue.connect()
    try:
        assert await relay_once(push_rt, queue) == 2
        assert await queue.count("incomplete") == 2
        await queue.redis.flushdb()
        assert await queue.count("incomplete") == 0
        assert await relay_once(push_rt, queue) == 0  # nothing new to relay; both lost ones queued again
        assert await queue.count("incomplete") == 2
        assert await relay_once(push_rt, queue) == 0
        assert await queue.count("incomplete") == 2  # once: the queue's mark is back
    finally:
        await queue.disconnect()
    await deliver_until_final(push_rt, 3)

    deliveries = await Delivery.all()
    assert {d.status for d in deliveries} <= SENT
    received = await messages(wechat, kind="template")
    assert Counter(m["client_msg_id"] for m in received) == Counter({str(d.id): 1 for d in deliveries})
    assert {d.event_id for d in deliveries} >= {waiting, later}
    assert (await Delivery.get(event_id=later)).created_at >= due


@pytest.mark.skipif(REDIS_SERVER is None, reason="no redis-server binary")
async def test_messages_a_failover_lost_are_queued_again_and_sent_once(rt, wechat, push_rt):
    """The queue's Redis comes back from its last save (a restart from disk, or a replica promoted
    in a failover, loses its last seconds): the message queued after the save is gone while the
    queue's mark, saved before it, is still there. The next relay pass sees that the mark names
    another server and queues again what lacks a final record; each message reaches the resident
    once."""
    server = PrivateRedis()
    await server.start()
    try:
        queue_rt = fast_runtime(push_rt, redis_url=server.url)
        user = await make_wechat_resident(rt, user_key="failover")
        await follow_oa(wechat, "failover")
        saved = await emit_push_event(EventType.PUSH_NOTICE, user_id=str(user.id), **NOTICE)
        queue = push_queue.open_queue(queue_rt.settings)
        await queue.connect()
        try:
            assert await relay_once(queue_rt, queue) == 1
            await queue.redis.save()
            lost = await emit_push_event(EventType.PUSH_NOTICE, user_id=str(user.id),
                                         **{**NOTICE, "notice_id": "n-2"})
            assert await relay_once(queue_rt, queue) == 1
            assert await queue.count("incomplete") == 2
        finally:
            await queue.disconnect()

        server.kill()
        await server.start()  # from the save: the first job and the mark, not the second job
        queue = push_queue.open_queue(queue_rt.settings)
        await queue.connect()
        try:
            assert await queue.count("incomplete") == 1
            assert await relay_once(queue_rt, queue) == 0  # nothing new to relay
            assert await queue.count("incomplete") == 2  # the saved job, and one of both events again
            assert await relay_once(queue_rt, queue) == 0
            assert await queue.count("incomplete") == 2  # once: the mark names this server now
        finally:
            await queue.disconnect()
        await deliver_until_final(queue_rt, 2)
    finally:
        server.close()

    received = await messages(wechat, kind="template")
    deliveries = await Delivery.all()
    assert {d.event_id for d in deliveries} == {saved, lost}
    assert Counter(m["client_msg_id"] for m in received) == Counter({str(d.id): 1 for d in deliveries})


async def test_a_message_recorded_final_is_not_queued_again(rt, push_rt):
    """After a loss, an event whose every recipient has a final delivery record (sent, failed or
    dropped) stays out of the queue; one whose record waits for a retry goes back in."""
    done, retrying = str(uuid.uuid4()), str(uuid.uuid4())
    recorded = await emit_push_event(EventType.PUSH_NOTICE, user_id=done, **NOTICE)
    waiting = await emit_push_event(EventType.PUSH_NOTICE, user_id=retrying, **{**NOTICE, "notice_id": "n-2"})
    queue = push_queue.open_queue(push_rt.settings)
    await queue.connect()
    try:
        assert await relay_once(push_rt, queue) == 2
        await Delivery.create(event_id=recorded, event_type="notice", recipient=f"user:{done}",
                              status=DeliveryStatus.FAILED, error="43004")
        await Delivery.create(event_id=waiting, event_type="notice", recipient=f"user:{retrying}",
                              status=DeliveryStatus.RETRYING, error="-1")
        await queue.redis.flushdb()
        await relay_once(push_rt, queue)
        incomplete = await queue.count("incomplete")
        requeued = await queue.job(push_queue.batch_key([waiting]))
    finally:
        await queue.disconnect()
    assert incomplete == 1
    assert requeued is not None and [e["event_id"] for e in requeued.kwargs["events"]] == [waiting]
