"""The push worker: saq workers running the jobs, plus the outbox relay, in one process.

``python -m app push-worker`` runs it on its own; ``python -m app run`` runs it inside the
service (embedded default). Jobs of a worker that dies (even SIGKILL) stay in the queue's
active list; any worker's sweep retries them once their timeout has passed.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from sanic import Sanic
from saq import Worker

from app.context import Runtime
from models.push import Delivery
from push import bulk, delivery
from push import events as push_events
from push import queue as push_queue
from push.relay import run_relay

log = structlog.get_logger("push.worker")


async def deliver_events(ctx: dict[str, Any], *, events: list[dict[str, Any]]) -> dict[str, int]:
    """Job: a batch of outbox events (``{"event_id", "event_type", "payload"}``) made into their
    delivery records and sent (push/bulk.py); how many ended in each status."""
    job = ctx["job"]
    outcome = await bulk.deliver_batch(ctx["rt"], holder=job.key, lease_seconds=_lease_seconds(ctx), events=events,
                                       last_attempt=job.attempts >= job.retries,
                                       send_later=lambda later: _send_later(ctx, later))
    return dict(outcome)


async def deliver_event(ctx: dict[str, Any], *, event_id: str, event_type: str,
                        payload: dict[str, Any]) -> str | None:
    """Job of the previous release (one per event; reminders queued before an upgrade still wait
    as these): turn one outbox event into its delivery record and send it (a transient error
    raises so saq retries the job later)."""
    job = ctx["job"]
    user_id = push_events.recipient_of(payload)
    lease = push_queue.lease_key(event_id, delivery.user_recipient(user_id)) if user_id else None
    async with _leased(ctx, lease) as mine:
        if not mine:
            return LEASED_ELSEWHERE
        try:
            status = await delivery.fan_out_event(ctx["rt"], ctx["queue"], event_id=event_id,
                                                  event_type=event_type, payload=payload,
                                                  last_attempt=job.attempts >= job.retries)
        except delivery.SendLater as later:
            return await _send_later(ctx, later)
    return str(status) if status else None


async def send_delivery(ctx: dict[str, Any], *, delivery_id: str) -> str:
    """Job: one attempt at one delivery; a transient error raises so saq retries it later."""
    job = ctx["job"]
    row = await Delivery.filter(id=delivery_id).only("id", "event_id", "recipient").first()
    async with _leased(ctx, push_queue.lease_key(row.event_id, row.recipient) if row else None) as mine:
        if not mine:
            return LEASED_ELSEWHERE
        try:
            status = await delivery.send(ctx["rt"], delivery_id=delivery_id,
                                         last_attempt=job.attempts >= job.retries)
        except delivery.SendLater as later:
            return await _send_later(ctx, later)
    return str(status)


LEASED_ELSEWHERE = "leased_elsewhere"


def _lease_seconds(ctx: dict[str, Any]) -> float:
    """How long a job holds its leases: past its timeout, until the sweep can have retried it."""
    return float(ctx["job"].timeout + ctx["rt"].settings.push_sweep_seconds)


@contextlib.asynccontextmanager
async def _leased(ctx: dict[str, Any], key: str | None) -> AsyncIterator[bool]:
    """Hold the delivery's lease (push/bulk.py) for the job; False when another job holds it."""
    redis, holder = ctx["rt"].redis, ctx["job"].key
    [mine] = await push_queue.lease(redis, [key], holder=holder, seconds=_lease_seconds(ctx)) if key else [True]
    try:
        yield mine
    finally:
        if key and mine:
            await push_queue.release(redis, [key], holder=holder)


async def _send_later(ctx: dict[str, Any], later: delivery.SendLater) -> str:
    """Queue the delivery's next attempt for when the channel will take it (an SMS frequency
    limit), as a fresh job: waiting is not a failed attempt of this one. The delivery's lease
    goes to that job (after it is queued: a crash in between leaves the lease with this job,
    whose retry tries again)."""
    rt = ctx["rt"]
    await ctx["queue"].enqueue(push_queue.job(
        rt.settings, "send_delivery", later.job_key, run_at=datetime.now(UTC) + timedelta(seconds=later.delay),
        delivery_id=later.delivery_id))
    await push_queue.release(rt.redis, [later.lease], holder=ctx["job"].key, to=later.job_key,
                             seconds=later.delay + _lease_seconds(ctx))
    return "retrying"


class PushWorker(Worker[Any]):
    """A saq worker that leaves signal handling to its host (the CLI or the Sanic server)."""

    SIGNALS: list[signal.Signals] = []


# How long each part of a push process's stop may take before it is given up (and logged).
STOP_PART_SECONDS = 15.0


class PushProcess:
    """The relay and ``concurrency`` job workers on the current event loop."""

    def __init__(self, rt: Runtime, *, concurrency: int | None = None,
                 grace_seconds: int = 5) -> None:
        self.rt = rt
        self.queue = push_queue.open_queue(rt.settings)
        self.worker = PushWorker(
            self.queue, functions=[deliver_events, deliver_event, send_delivery],
            concurrency=concurrency or rt.settings.push_concurrency,
            # The ignore: saq's PartialTimersDict inherits TimersDict's required keys (worker_info).
            timers={"sweep": rt.settings.push_sweep_seconds, "schedule": 1, "abort": 1},  # type: ignore[arg-type]
            dequeue_timeout=1, shutdown_grace_period_s=grace_seconds)
        self.worker.context.update(rt=rt, queue=self.queue)
        self.tasks: list[asyncio.Task[None]] = []
        self.stopping: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Connect the queue and start the workers and the relay as tasks."""
        await self.queue.connect()
        self.tasks = [asyncio.create_task(self.worker.start(), name="push-worker"),
                      asyncio.create_task(run_relay(self.rt, self.queue), name="push-relay")]

    async def stop(self) -> None:
        """Stop gracefully: running jobs finish or are handed back to the queue.

        Idempotent, and a second caller waits for the first stop: Sanic runs its stop listeners
        again when a second signal interrupts the first run (Ctrl-C reaches the worker from the
        terminal and again from Sanic's main process), and two stops closing the queue's
        connection at once failed with "'NoneType' object has no attribute 'writelines'"."""
        if self.stopping is None:
            self.stopping = asyncio.ensure_future(self._stop())
        await asyncio.shield(self.stopping)

    async def _stop(self) -> None:
        # Each part bounded: a stop that waits forever on one stuck job or task keeps the process
        # (or a test's teardown) from ever ending; what did not finish is logged with its stack.
        try:
            await asyncio.wait_for(self.worker.stop(), STOP_PART_SECONDS)
        except TimeoutError:
            log.error("push_stop_timeout", part="job workers", seconds=STOP_PART_SECONDS)
        for task in self.tasks:
            task.cancel()
        _, pending = await asyncio.wait(self.tasks, timeout=STOP_PART_SECONDS)
        for task in pending:
            log.error("push_stop_timeout", part=task.get_name(), seconds=STOP_PART_SECONDS,
                      stack=[repr(frame) for frame in task.get_stack(limit=8)])
        try:
            await asyncio.wait_for(self.queue.disconnect(), STOP_PART_SECONDS)
        except TimeoutError:
            log.error("push_stop_timeout", part="queue connection", seconds=STOP_PART_SECONDS)

    async def run_until(self, stop: asyncio.Event) -> None:
        """Run until ``stop`` is set."""
        await self.start()
        try:
            await stop.wait()
        finally:
            await self.stop()


# saq waits this long for running jobs at stop, and for its idle upkeep loops too (they sleep
# between rounds, up to push_sweep_seconds), so the whole grace is spent on every stop: in-process
# (development) Ctrl-C should not wait 5 s. A job cut short is retried, as after a crash.
IN_PROCESS_GRACE_SECONDS = 1


def install_push(app: Sanic[Any, Any]) -> None:
    """Run the relay and a push worker inside a Sanic server (``HDT_PUSH_IN_PROCESS``)."""

    @app.after_server_start
    async def start_push(app: Sanic[Any, Any]) -> None:
        app.ctx.push = PushProcess(app.ctx.runtime, grace_seconds=IN_PROCESS_GRACE_SECONDS)
        await app.ctx.push.start()

    @app.before_server_stop
    async def stop_push(app: Sanic[Any, Any]) -> None:
        await app.ctx.push.stop()
