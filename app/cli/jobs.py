"""Commands that run beside the API: the push worker, and the scheduled jobs (each once, or
``--every`` seconds), which ``run`` also runs in-process."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import Awaitable, Callable
from datetime import date, timedelta

import uvloop

from app.cli.runtime import AddCommand, cli_runtime, with_runtime
from app.context import Runtime
from app.ids import local_today
from config import Settings


def cmd_push_worker(args: argparse.Namespace, settings: Settings) -> None:
    """Run the push workers and the outbox relay until SIGINT/SIGTERM (docs/push.md)."""
    from push.worker import PushProcess

    if not settings.redis_url:
        print("push-worker: no REDIS_URL, so the queue would live in this process only; "
              "`python -m app run` delivers in-process instead", file=sys.stderr)
    if args.metrics_port:
        from prometheus_client import start_http_server

        # This process's deliveries and sends; the queue depth is on the API's /metrics.
        start_http_server(args.metrics_port, addr=args.metrics_host)

    async def run() -> None:
        async with cli_runtime(settings) as rt:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, stop.set)
            print(f"push worker: {args.concurrency or settings.push_concurrency} workers + relay",
                  flush=True)
            await PushProcess(rt, concurrency=args.concurrency).run_until(stop)

    # uvloop, as Sanic runs the API: a push worker's time is mostly event-loop and socket work
    # (bench/RESULTS.md, "Push: 100,000 per-user notices").
    uvloop.run(run())


def cmd_push_dead_letters(args: argparse.Namespace, settings: Settings) -> None:
    """List dead-lettered push deliveries, or requeue them (all, or those named by --id)."""
    from services import push as push_service

    async def step(rt: Runtime) -> None:
        if args.action == "list":
            for row in await push_service.dead_letters(limit=args.limit):
                print(f"{row.id}\t{row.event_type}\t{row.recipient}\tattempts={row.attempts}"
                      f"\t{row.error or ''}")
        else:
            requeued = await push_service.requeue_dead_letters(rt=rt, delivery_ids=args.id or None)
            print(f"requeued {requeued} deliveries")

    with_runtime(settings, step)


def cmd_ledger_sign_head(args: argparse.Namespace, settings: Settings) -> None:
    """Sign the ledger's tree head if the log grew, then publish the newest head to the witnesses."""
    from services import ledger
    from services.ledger import anchoring as ledger_anchoring

    async def step(rt: Runtime) -> bool:
        head, created = await ledger.sign_head(rt=rt)
        if head is None:
            print("ledger is empty: nothing to sign")
            return True
        print(f"{'signed' if created else 'unchanged'}: tree_size={head.tree_size} "
              f"root={bytes(head.root_hash).hex()} key_id={head.key_id}")
        results = await ledger_anchoring.publish_head(
            head=ledger.head_json(head), witnesses=ledger_anchoring.configured_witnesses(rt))
        for result in results:
            print(f"  witness {result.witness}: {result.receipt or 'FAILED ' + str(result.error)}")
        return all(result.error is None for result in results)

    if not with_runtime(settings, step, every=args.every):
        sys.exit(1)


def cmd_ledger_audit(args: argparse.Namespace, settings: Settings) -> None:
    """Recompute the ledger from its entries and check every stored node and signed head."""
    from services.ledger import audit as ledger_audit

    async def step(rt: Runtime) -> bool:
        report = await ledger_audit.audit(rt=rt)
        print(f"tree_size={report.tree_size} entries={report.entries_checked} "
              f"nodes={report.nodes_checked} heads={report.heads_checked}: "
              f"{'OK' if report.ok else f'FAILED with {len(report.problems)} problem(s)'}")
        for problem in report.problems:
            print(f"  {problem}")
        return report.ok

    if not with_runtime(settings, step, every=args.every):
        sys.exit(1)


def _print_count(settings: Settings, label: str, step: Callable[[Runtime], Awaitable[int]]) -> None:
    """Run a scheduled job's ``step`` once and print how many things it changed."""
    print(f"{label}: {with_runtime(settings, step)}")


def cmd_materialize_slots(args: argparse.Namespace, settings: Settings) -> None:
    """Create the appointment slots of the coming days from the templates (idempotent)."""
    from services.appointments import slots

    horizon_days = args.days or settings.appointment_horizon_days
    _print_count(settings, "slots created", lambda rt: slots.materialize(horizon_days=horizon_days))


def cmd_sweep_overdue(args: argparse.Namespace, settings: Settings) -> None:
    """Emit one overdue event per pre-review or accepted application past its deadline (idempotent)."""
    from services.applications import desk

    _print_count(settings, "overdue applications announced", lambda rt: desk.sweep_overdue())


def cmd_sweep_no_shows(args: argparse.Namespace, settings: Settings) -> None:
    """Mark past appointments never checked in as no-shows (idempotent)."""
    from services import appointments

    _print_count(settings, "no-shows marked", lambda rt: appointments.sweep_no_shows(rt=rt))


def cmd_sweep_waitlist(args: argparse.Namespace, settings: Settings) -> None:
    """Pass lapsed waiting-list holds to the next in line and offer free seats (idempotent)."""
    from services.appointments import waitlist

    _print_count(settings, "waiting-list entries changed", lambda rt: waitlist.sweep(rt=rt))


def cmd_run_draws(args: argparse.Namespace, settings: Settings) -> None:
    """Run the slot draws whose entry window has closed (each once, idempotent)."""
    from services.appointments import draw

    _print_count(settings, "draws run", lambda rt: draw.run_due(rt=rt))


def cmd_payments_sweep(args: argparse.Namespace, settings: Settings) -> None:
    """Ask WeChat Pay about unpaid orders, send requested refunds and query those under way."""
    from services.payments import sweep

    result = with_runtime(settings, lambda rt: sweep.sweep(rt=rt))
    print(f"orders queried: {result.orders_queried}, refunds sent: {result.refunds_sent}, "
          f"refunds queried: {result.refunds_queried}")


def cmd_payments_reconcile(args: argparse.Namespace, settings: Settings) -> None:
    """Reconcile one day's WeChat Pay trade bill (default: yesterday, Beijing time) with our records."""
    from services.payments import reconciliation

    bill_date = args.date or (local_today() - timedelta(days=1))
    result = with_runtime(settings, lambda rt: reconciliation.reconcile(rt=rt, bill_date=bill_date))
    print(f"{result.bill_date}: {result.bill_rows} bill rows, {result.matched} matched, "
          f"{len(result.mismatches)} mismatches")
    for mismatch in result.mismatches:
        print(f"  {mismatch.kind} {mismatch.out_trade_no} {mismatch.out_refund_no or ''} "
              f"ours={mismatch.ours_fen} theirs={mismatch.theirs_fen}")
    if result.mismatches:
        sys.exit(1)


def cmd_reconcile_booking_gates(args: argparse.Namespace, settings: Settings) -> None:
    """Rebuild the booking gates that say "full" while the database has a seat (docs/release.md)."""
    from services.appointments import gate

    _print_count(settings, "booking gates rebuilt", lambda rt: gate.reconcile(rt=rt))


def add_commands(add: AddCommand) -> None:
    """Register this module's commands with the parser's ``add(name, handler)``."""
    push_worker = add("push-worker", cmd_push_worker)
    push_worker.add_argument("--concurrency", type=int, default=None,
                             help="jobs run at once (default HDT_PUSH_CONCURRENCY)")
    push_worker.add_argument("--metrics-port", type=int, default=None,
                             help="serve this process's Prometheus metrics on this port (default: none)")
    push_worker.add_argument("--metrics-host", default="127.0.0.1",
                             help="address of the metrics port (default 127.0.0.1)")
    dead_letters = add("push-dead-letters", cmd_push_dead_letters)
    dead_letters.add_argument("action", choices=("list", "requeue"))
    dead_letters.add_argument("--id", action="append", default=[], help="a delivery id; repeatable")
    dead_letters.add_argument("--limit", type=int, default=100)
    for name, handler in (("ledger-sign-head", cmd_ledger_sign_head), ("ledger-audit", cmd_ledger_audit)):
        add(name, handler).add_argument("--every", type=float, metavar="SECONDS",
                                        help="keep running, once every SECONDS (default: run once)")
    add("materialize-slots", cmd_materialize_slots).add_argument(
        "--days", type=int, default=None, help="horizon in days (default HDT_APPOINTMENT_HORIZON_DAYS)")
    add("sweep-no-shows", cmd_sweep_no_shows)
    add("sweep-waitlist", cmd_sweep_waitlist)
    add("run-draws", cmd_run_draws)
    add("reconcile-booking-gates", cmd_reconcile_booking_gates)
    add("sweep-overdue", cmd_sweep_overdue)
    add("payments-sweep", cmd_payments_sweep)
    add("payments-reconcile", cmd_payments_reconcile).add_argument(
        "--date", type=date.fromisoformat, default=None, help="bill date YYYY-MM-DD (default: yesterday)")
