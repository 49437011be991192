"""Development: the scheduled commands run inside the API server (``HDT_PERIODIC_IN_PROCESS``).

Production runs ``ledger-sign-head``, ``materialize-slots``, ``sweep-no-shows``,
``sweep-overdue``, ``sweep-waitlist``, ``run-draws``, ``reconcile-booking-gates``, ``payments-sweep`` and
``payments-reconcile`` from cron, outside the API workers: with several workers each would run them.
``python -m app run`` serves with one worker, so it runs them in-process, as it does the push
relay: a decision's ledger proof is ready seconds later, with no command typed by hand.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import structlog
from sanic import Sanic

from app.context import Runtime
from app.tasks import raise_if_cancelled
from services import appointments, ledger
from services.applications import desk
from services.appointments import draw, gate, slots, waitlist
from services.ledger import anchoring
from services.payments import sweep

log = structlog.get_logger("app.periodic")


@dataclass(frozen=True)
class PeriodicJob:
    """One command of production's schedule, and how often development runs it."""

    name: str
    every_seconds: float
    run: Callable[[Runtime], Awaitable[object]]


async def sign_ledger_head(rt: Runtime) -> None:
    """``ledger-sign-head``: sign the grown log and publish the new head to the witnesses."""
    head, created = await ledger.sign_head(rt=rt)
    if head is not None and created:
        await anchoring.publish_head(head=ledger.head_json(head),
                                     witnesses=anchoring.configured_witnesses(rt))


async def materialize_slots(rt: Runtime) -> None:
    """``materialize-slots``: the slots of the coming days from the templates."""
    await slots.materialize(horizon_days=rt.settings.appointment_horizon_days)


async def sweep_no_shows(rt: Runtime) -> None:
    """``sweep-no-shows``: past bookings never checked in become no-shows."""
    await appointments.sweep_no_shows(rt=rt)


async def reconcile_booking_gates(rt: Runtime) -> None:
    """``reconcile-booking-gates``: gates saying "full" while the database has a seat are rebuilt."""
    await gate.reconcile(rt=rt)


async def sweep_waitlist(rt: Runtime) -> None:
    """``sweep-waitlist``: lapsed waiting-list holds pass to the next in line."""
    await waitlist.sweep(rt=rt)


async def run_draws(rt: Runtime) -> None:
    """``run-draws``: the draws whose entry window has closed."""
    await draw.run_due(rt=rt)


async def sweep_overdue(rt: Runtime) -> None:
    """``sweep-overdue``: one overdue event per application past its deadline."""
    await desk.sweep_overdue()


async def sweep_payments(rt: Runtime) -> None:
    """``payments-sweep``: unpaid orders queried, requested refunds sent, refunds under way queried."""
    await sweep.sweep(rt=rt)


# A head every 2 s: a front end polling an application's "verified" mark sees it turn quickly.
JOBS = (
    PeriodicJob("ledger-sign-head", 2.0, sign_ledger_head),
    PeriodicJob("sweep-no-shows", 60.0, sweep_no_shows),
    PeriodicJob("sweep-overdue", 60.0, sweep_overdue),
    # A hold lasts minutes: a lapse passes on within half a minute.
    PeriodicJob("sweep-waitlist", 30.0, sweep_waitlist),
    # An entrant sees the outcome seconds after the window (their own listing draws it at once).
    PeriodicJob("run-draws", 5.0, run_draws),
    PeriodicJob("payments-sweep", 30.0, sweep_payments),
    PeriodicJob("reconcile-booking-gates", 60.0, reconcile_booking_gates),
    PeriodicJob("materialize-slots", 3600.0, materialize_slots),
)


async def run_every(rt: Runtime, job: PeriodicJob) -> None:
    """Run ``job`` every ``job.every_seconds`` forever; a failed run is logged, not fatal."""
    while True:
        await asyncio.sleep(job.every_seconds)
        try:
            await job.run(rt)
        except Exception:  # a database hiccup must not end the schedule
            log.exception("periodic_job_failed", job=job.name)
        raise_if_cancelled()


def install_periodic(app: Sanic[Any, Any]) -> None:
    """Run ``JOBS`` inside a Sanic server from its start until it stops."""

    @app.after_server_start
    async def start_periodic(app: Sanic[Any, Any]) -> None:
        app.ctx.periodic = [asyncio.create_task(run_every(app.ctx.runtime, job), name=job.name)
                            for job in JOBS]

    @app.before_server_stop
    async def stop_periodic(app: Sanic[Any, Any]) -> None:
        for task in app.ctx.periodic:
            task.cancel()
        for task in app.ctx.periodic:
            with contextlib.suppress(asyncio.CancelledError):
                await task
