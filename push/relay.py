"""The outbox relay: push events move from the outbox to the queue, and back into it when the
queue has lost them.

The relay marks an event published once its job is in Redis. A Redis that restarts without its
data (no persistence, a crash before its last save, the embedded stand-in of ``python -m app run``
restarting with the service) loses every job it held: reminders queued for days ahead, messages
not yet sent; one that restarts from its last save or append, or a replica promoted in a failover,
loses the jobs of its last seconds. The relay keeps a mark in the queue's Redis
(``QUEUE_MARK_KEY``) holding the run id of the Redis server it was written to (every redis-server
process has its own). When the mark is gone, or names another server, jobs may be gone, and it
queues again every event of the last ``appointment_horizon_days`` + 1 days (the furthest ahead a
reminder is due) that still lacks a final delivery record for one of its recipients. Queuing an
event twice is harmless: the deliveries' leases and records (push/bulk.py) make a second job find
its messages final.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from redis.exceptions import LockError, ResponseError
from saq import Job
from saq.queue.redis import RedisQueue

from app.context import Runtime
from app.fastpath.sql import update_by_key
from app.tasks import raise_if_cancelled
from config import Settings
from models.outbox import OutboxEvent
from models.push import FINAL_STATUSES, Delivery
from push import events as push_events
from push import queue as push_queue
from push.delivery import user_recipient

log = structlog.get_logger("push.relay")
RELAY_BATCH = 500
RELAY_TURN_KEY = "push:relay-turn"
RELAY_TURN_SECONDS = 5
QUEUE_MARK_KEY = "push:queue-mark"
RECOVERY_TURN_KEY = "push:recovery-turn"
RECOVERY_TURN_SECONDS = 600
RECOVERY_CHUNK = 1000
# The in-process stand-in has no INFO and no run id; it and its data live and die with the process.
EMBEDDED_SERVER = "embedded"
# A Redis that refuses INFO (some managed services rename it): only a missing mark is seen.
UNKNOWN_SERVER = "unknown"
OutboxRow = tuple[Any, str, dict[str, Any]]  # an outbox event's id, type and payload


def relayed_types(rt: Runtime) -> list[str]:
    """The outbox event types push handles: those with a message kind."""
    return push_events.relayed_names(rt.settings.push_templates)


async def relay_once(rt: Runtime, queue: RedisQueue) -> int:
    """Move unpublished push events from the outbox to the queue; returns how many (0 when
    another process's relay has the turn: every worker's relay read, decoded and queued the same
    events, a seventh of a worker's time in bulk; a relay that dies gives the turn up after
    ``RELAY_TURN_SECONDS``). First, if the queue has lost its jobs, queue again what they held.

    Events due at the same second (at once, or a reminder's ``due_at``) go in batch jobs of
    ``push_bulk_batch`` (push/bulk.py), scheduled for then. Enqueue first, mark published second:
    a crash in between re-enqueues on the next pass; the same events make the same job key, and
    the deliveries' leases and records make an overlapping batch harmless.
    """
    async with _turn(rt, RELAY_TURN_KEY, RELAY_TURN_SECONDS) as mine:
        if not mine:
            return 0
        await _recover_if_lost(rt, queue)
        return await _relay(rt, queue)


@contextlib.asynccontextmanager
async def _turn(rt: Runtime, key: str, seconds: float) -> AsyncIterator[bool]:
    """One process's turn at ``key`` (a redis-py lock, given up after ``seconds`` if its holder
    died); yields False, without waiting, while another has it."""
    turn = rt.redis.lock(key, timeout=seconds, blocking=False)
    if not await turn.acquire():
        yield False
        return
    try:
        yield True
    finally:
        with contextlib.suppress(LockError):  # held past its timeout: another may have it now
            await turn.release()


async def _relay(rt: Runtime, queue: RedisQueue) -> int:
    events = await OutboxEvent.filter(published_at=None, event_type__in=relayed_types(rt)).order_by(
        "created_at").limit(RELAY_BATCH).values_list("id", "event_type", "payload")
    await _enqueue(rt, queue, events)
    # One statement of one text on PostgreSQL: an IN list of 500 keys cost 15 µs of planning and
    # executing per event there, and building it a tenth of the relay's time here.
    published = {"published_at": datetime.now(UTC)}
    await update_by_key(OutboxEvent, key="id", rows=[(event_id, published) for event_id, *_ in events])
    return len(events)


async def _enqueue(rt: Runtime, queue: RedisQueue, events: Iterable[OutboxRow]) -> None:
    """Queue these events in batch jobs of ``push_bulk_batch``, each due at its events' second."""
    due: dict[int, list[dict[str, Any]]] = {}
    for event_id, event_type, payload in events:
        due.setdefault(push_queue.scheduled_second(push_events.due_at(payload)), []).append(
            {"event_id": str(event_id), "event_type": event_type, "payload": payload})
    size = rt.settings.push_bulk_batch
    for second, batch in due.items():
        for start in range(0, len(batch), size):
            await queue.enqueue(batch_job(rt.settings, batch[start:start + size], second))


def batch_job(settings: Settings, events: list[dict[str, Any]], second: int) -> Job:
    """The ``deliver_events`` job of a batch, due at ``second`` (0: at once)."""
    return push_queue.job(settings, "deliver_events", push_queue.batch_key([e["event_id"] for e in events]),
                          run_at=datetime.fromtimestamp(second, UTC) if second else None,
                          timeout=push_queue.batch_timeout(settings, len(events)), events=events)


async def _queue_mark(queue: RedisQueue) -> tuple[str | None, str]:
    """The queue's mark and the run id of the Redis server answering now, in one round trip."""
    if isinstance(queue, push_queue.EmbeddedQueue):
        mark = await queue.redis.get(QUEUE_MARK_KEY)
        server = EMBEDDED_SERVER
    else:
        async with queue.redis.pipeline(transaction=False) as pipe:
            pipe.get(QUEUE_MARK_KEY)
            pipe.info("server")
            mark, info = await pipe.execute(raise_on_error=False)
        if isinstance(mark, Exception):
            raise mark
        server = UNKNOWN_SERVER if isinstance(info, ResponseError) else str(info["run_id"])
    return (mark.decode() if isinstance(mark, bytes) else mark), server


async def _recover_if_lost(rt: Runtime, queue: RedisQueue) -> None:
    """Queue again what the queue's Redis lost, when its mark is gone or names another server
    (the module docstring)."""
    mark, server = await _queue_mark(queue)
    if mark == server:
        return
    # A turn of its own, longer than a relay pass's: a large recovery outlasts the relay's turn,
    # and the relay that takes that turn over must not start a second recovery.
    async with _turn(rt, RECOVERY_TURN_KEY, RECOVERY_TURN_SECONDS) as mine:
        if not mine:
            return
        since = datetime.now(UTC) - timedelta(days=rt.settings.appointment_horizon_days + 1)
        requeued = await requeue_undelivered(rt, queue, since=since)
        # Set after the requeue: a relay that dies half-way leaves it to be done again, harmlessly.
        await queue.redis.set(QUEUE_MARK_KEY, server)
    if requeued:
        log.warning("push_queue_lost_requeued", events=requeued, since=since.isoformat(),
                    mark="missing" if mark is None else "another_server")


async def requeue_undelivered(rt: Runtime, queue: RedisQueue, *, since: datetime) -> int:
    """Queue again the push events published since ``since`` that lack a final delivery record
    for one of their recipients; returns how many."""
    requeued, after = 0, None
    while True:
        query = OutboxEvent.filter(published_at__gte=since, event_type__in=relayed_types(rt))
        if after is not None:
            query = query.filter(id__gt=after)
        events = await query.order_by("id").limit(RECOVERY_CHUNK).values_list("id", "event_type", "payload")
        if not events:
            return requeued
        after = events[-1][0]
        # Only final records count: one waiting for a retry or a later send lost its job too.
        recorded = set(await Delivery.filter(event_id__in=[str(event_id) for event_id, *_ in events],
                                             status__in=FINAL_STATUSES).values_list("event_id", "recipient"))
        lost = [(event_id, event_type, payload) for event_id, event_type, payload in events
                if any((str(event_id), user_recipient(user_id)) not in recorded
                       for user_id in push_events.recipients_of(payload))]
        await _enqueue(rt, queue, lost)
        requeued += len(lost)


async def run_relay(rt: Runtime, queue: RedisQueue) -> None:
    """Relay forever, every ``push_relay_interval_seconds``; errors are logged, not fatal."""
    while True:
        try:
            moved = await relay_once(rt, queue)
        except Exception:  # the relay must outlive a database or Redis hiccup
            log.exception("push_relay_failed")
            moved = 0
        raise_if_cancelled()
        if moved < RELAY_BATCH:
            await asyncio.sleep(rt.settings.push_relay_interval_seconds)
