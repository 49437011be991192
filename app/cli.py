"""The one command-line entry point: serve, migrate, seed-demo, create-staff and more."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import orjson
import uvloop
from tortoise import Tortoise

from app.context import KEY_PURPOSES, Runtime
from app.db import (
    MigrationsMissing,
    apply_migrations,
    make_migrations,
    pending_migrations,
    tortoise_config,
)
from app.errors import AppError
from app.ids import to_local, utcnow
from app.keys import KeyRing, KeyRingError, private_key_files
from app.redis import connect_redis
from app.staff_cli import add_staff_commands
from config import Settings, SettingsError, load_settings
from config.settings import unknown_variables

Command = Callable[[argparse.Namespace, Settings], None]
CONFIGURATION_ERROR = 2  # exit status of a start refused for its settings
# Commands that never sign or verify anything, so production runs them without the key rings.
KEYLESS_COMMANDS = frozenset({"migrate", "makemigrations", "rotate-key", "generate-catalog",
                              "emulators", "openapi"})


@asynccontextmanager
async def cli_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """Database and shared clients for a command run outside the server."""
    await Tortoise.init(config=tortoise_config(settings.database_url), _enable_global_fallback=True)
    runtime = Runtime.open(settings, connect_redis(settings))
    try:
        yield runtime
    finally:
        await runtime.close()
        await Tortoise.close_connections()


def prepare_database(settings: Settings) -> None:
    """Development applies pending migrations; production refuses to start with any pending."""
    if settings.env == "production":
        pending = asyncio.run(pending_migrations(settings.database_url))
        if pending:
            sys.exit(f"pending migrations {pending}: run `python -m app migrate` first")
    else:
        applied = asyncio.run(apply_migrations(settings.database_url))
        if applied:
            print(f"applied migrations: {', '.join(applied)}")


WORKER_START_SECONDS = 120  # how long a worker may take to start before Sanic gives up


def unlistened_socket(host: str, port: int) -> socket.socket:
    """The server's TCP socket, bound but not listening: connections are refused until a worker
    that has finished its start-up listens on it.

    Sanic's main process would bind *and listen* before spawning its workers, so the kernel
    completed connections into the backlog for the tens of seconds the workers take to start,
    and reset them all when a slow worker made Sanic give up (docs/capacity.md, "Start-up").
    Every worker shares this one socket; asyncio's ``create_server`` calls ``listen()`` on it,
    which Sanic does only after the ``before_server_start`` listeners (the database, Redis and
    the runtime) have run."""
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:  # a host name: the address family of its first address
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def serve(settings: Settings, *, host: str, port: int, workers: int) -> None:
    """Start Sanic with ``workers`` processes, each building the app from the factory."""
    from sanic import Sanic
    from sanic.worker.loader import AppLoader
    from sanic.worker.manager import WorkerManager

    from app import metrics, worker_manager
    from app.factory import create_app

    worker_manager.install()
    # Sanic kills every worker, serving ones included, when one has not finished starting within
    # its threshold (30 s, in tenths of a second). A spawned worker imports and builds everything
    # anew; on a busy 2-core host that took over 30 s, and the whole service died while starting.
    WorkerManager.THRESHOLD = max(WorkerManager.THRESHOLD, WORKER_START_SECONDS * 10)
    # Several workers share one metrics directory, fresh each start, so /metrics sums them all.
    metrics_dir = metrics.fresh_multiprocess_dir() if workers > 1 else None
    try:
        loader = AppLoader(factory=partial(create_app, settings))
        app = loader.load()
        app.prepare(sock=unlistened_socket(host, port), workers=workers, single_process=workers == 1,
                    access_log=False, motd=False)
        Sanic.serve(primary=app, app_loader=loader)
    finally:
        if metrics_dir is not None:
            directory, owned = metrics_dir
            metrics.clean_multiprocess_dir(directory, owned=owned)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> None:
    """Run the API server."""
    prepare_database(settings)
    serve(settings, host=args.host, port=args.port, workers=args.workers)


def emulator_ports(settings: Settings) -> tuple[int, int, int, int]:
    """The WeChat, Beijing Pass, SMS and WeChat Pay emulator ports: those of the configured (loopback) URLs."""
    return (urlsplit(settings.wechat_api_base_url).port or 9001,
            urlsplit(settings.bjpass_token_url).port or 9002,
            urlsplit(settings.sms_api_url).port or 9003,
            urlsplit(settings.wechatpay_api_base_url).port or 9004)


# How long `run` waits for a child to stop after forwarding Ctrl-C before it kills what is left.
CHILD_STOP_SECONDS = 10.0
CHILD_START_SECONDS = 120.0  # the API's start includes Sanic spawning its worker (see serve)


def start_child(*argv: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """``python -m app ARGV`` in a session of its own: Ctrl-C in the terminal reaches only
    ``run``, which forwards one SIGINT to each child.

    Sanic's worker shared the terminal's process group: it got Ctrl-C from the terminal and again
    from Sanic's main process, and the second signal interrupted its stop listeners (run twice)."""
    return subprocess.Popen([sys.executable, "-m", "app", *argv], env=env, start_new_session=True)


def stop_children(children: dict[str, subprocess.Popen[bytes]]) -> None:
    """SIGINT each child, wait for it, then kill whatever is left of its process group (Sanic's
    worker and helper processes), so that nothing outlives ``run``."""
    for child in children.values():
        if child.poll() is None:
            child.send_signal(signal.SIGINT)
    deadline = time.monotonic() + CHILD_STOP_SECONDS
    for name, child in children.items():
        try:
            child.wait(timeout=max(deadline - time.monotonic(), 0))
        except subprocess.TimeoutExpired:
            print(f"{name} did not stop within {CHILD_STOP_SECONDS:.0f} s: killed", file=sys.stderr)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()


def wait_for_port(host: str, port: int, children: dict[str, subprocess.Popen[bytes]],
                  stopping: threading.Event, timeout_seconds: float) -> bool:
    """Wait until something listens on ``host:port``; False if a child exited, Ctrl-C was pressed
    or the time ran out."""
    deadline = time.monotonic() + timeout_seconds
    while time.monotonic() < deadline and not stopping.is_set():
        if any(child.poll() is not None for child in children.values()):
            return False
        try:
            socket.create_connection((host, port), timeout=0.2).close()
            return True
        except OSError:
            stopping.wait(0.1)
    return False


def running_where(settings: Settings, *, base_url: str, emulators: bool) -> str:
    """What `run` started, where, and the demo accounts to try it with."""
    from services.demo import DEMO_STAFF

    wechat, bjpass, sms, wechatpay = emulator_ports(settings)
    database = urlsplit(settings.database_url)
    lines = [
        "",
        "海淀通 is running (Ctrl-C stops everything). Walk-through: docs/frontend.md",
        f"  API               {base_url}/api/v1",
        f"  API docs          {base_url}/docs   (spec: {base_url}/docs/openapi.json)",
    ]
    if emulators:
        lines += [
            f"  WeChat emulator   http://127.0.0.1:{wechat}   (sent messages: /_emulator/messages,"
            " users: /_emulator/users)",
            f"  Beijing Pass      http://127.0.0.1:{bjpass}   (identities: /_emulator/identities)",
            f"  Tencent SMS       http://127.0.0.1:{sms}   (sent messages: /_emulator/sms/messages)",
            f"  WeChat Pay        http://127.0.0.1:{wechatpay}   (orders: /_emulator/wechatpay/orders;"
            " pay: POST /_emulator/wechatpay/pay)",
        ]
    lines += [
        "  in the API        push relay and worker; ledger tree-head signer (every 2 s);"
        " no-show, overdue and payment sweeps; slot materialisation",
        f"  database          {database.scheme}://{database.hostname or ''}{database.path}"
        f"   Redis: {'REDIS_URL' if settings.redis_url else 'in-process stand-in'}",
        "  residents         WeChat users zhangsan, lisi, wangwu (or any new name);"
        " Beijing Pass zhangsan (L2), lisi (L3), wangwu (L1)",
        "  staff (username / password, roles):",
    ]
    lines += [f"    {username} / {password}  {', '.join(roles)}"
              for username, _, password, roles in DEMO_STAFF]
    return "\n".join(lines) + "\n"


def cmd_run(args: argparse.Namespace, settings: Settings) -> None:
    """Development: migrate, load demo data, start the WeChat and Beijing Pass emulators and serve on
    http://127.0.0.1:8000 (docs at /docs), with the push relay, a push worker and the scheduled
    commands in-process; Ctrl-C stops everything."""
    cmd_seed_demo(args, settings)
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    # The embedded default has no Redis to share with separate processes: the push worker and the
    # scheduled commands run inside the one API worker.
    serve_env = {**os.environ, "HDT_PUSH_IN_PROCESS": "true", "HDT_PERIODIC_IN_PROCESS": "true"}
    children: dict[str, subprocess.Popen[bytes]] = {}
    try:
        if args.emulators:
            children["emulators"] = start_child("emulators")
            for port in emulator_ports(settings):
                if not wait_for_port("127.0.0.1", port, children, stopping, CHILD_START_SECONDS):
                    if stopping.is_set():
                        return
                    sys.exit(f"the emulators did not start on port {port}; "
                             "run `python -m app emulators` to see why")
        children["the API"] = start_child("serve", "--host", args.host, "--port", str(args.port),
                                          "--workers", "1", env=serve_env)
        if wait_for_port(args.host, args.port, children, stopping, CHILD_START_SECONDS):
            print(running_where(settings, base_url=f"http://{args.host}:{args.port}",
                                emulators=args.emulators), flush=True)
        elif not stopping.is_set() and children["the API"].poll() is None:
            print(f"the API is not answering on port {args.port} after {CHILD_START_SECONDS:.0f} s;"
                  " still waiting", file=sys.stderr)
        while not stopping.is_set():
            for name, child in children.items():
                if child.poll() is not None:
                    sys.exit(f"{name} exited with status {child.returncode}; stopping")
            stopping.wait(0.2)
    finally:
        stop_children(children)


def cmd_emulators(args: argparse.Namespace, settings: Settings) -> None:
    """Run the local WeChat API, Beijing Pass, Tencent SMS and WeChat Pay emulators (127.0.0.1:9001 to :9004)."""
    if settings.env == "production":
        sys.exit("the emulators are for development; they refuse HDT_ENV=production")
    try:
        from emulators.bjpass import create_bjpass_emulator
        from emulators.bjpass import state_from_settings as bjpass_state
        from emulators.common import serve_on_loop
        from emulators.sms import create_sms_emulator
        from emulators.sms import state_from_settings as sms_state
        from emulators.wechat import create_wechat_emulator
        from emulators.wechat import state_from_settings as wechat_state
        from emulators.wechat_state import EmulatorOptions
        from emulators.wechatpay import create_wechatpay_emulator
        from emulators.wechatpay import state_from_settings as wechatpay_state
    except ModuleNotFoundError:
        # Not in the wheel or the image: they come with the source checkout only.
        sys.exit("the emulators are not installed: run them from a source checkout (development)")
    wechat_port, bjpass_port, sms_port, wechatpay_port = emulator_ports(settings)
    options = EmulatorOptions(access_token_ttl_seconds=args.access_token_ttl)

    async def run() -> None:
        servers = [
            await serve_on_loop(create_wechat_emulator(wechat_state(settings, options)),
                                host="127.0.0.1", port=wechat_port),
            await serve_on_loop(create_bjpass_emulator(bjpass_state(settings)),
                                host="127.0.0.1", port=bjpass_port),
            await serve_on_loop(create_sms_emulator(sms_state(settings)), host="127.0.0.1", port=sms_port),
            await serve_on_loop(create_wechatpay_emulator(wechatpay_state(settings)), host="127.0.0.1",
                                port=wechatpay_port),
        ]
        print(f"WeChat emulator on http://127.0.0.1:{wechat_port}, "
              f"Beijing Pass emulator on http://127.0.0.1:{bjpass_port}, "
              f"SMS emulator on http://127.0.0.1:{sms_port}, "
              f"WeChat Pay emulator on http://127.0.0.1:{wechatpay_port}", flush=True)
        await until_stop_signal()
        for server in servers:
            await server.stop()

    asyncio.run(run())


def cmd_openapi(args: argparse.Namespace, settings: Settings) -> None:
    """Print the OpenAPI 3.1 document /docs/openapi.json serves (no server, no database needed)."""
    from app.factory import API_DESCRIPTION, API_TITLE, create_app
    from app.openapi import build_document

    # Quiet: the document may go to stdout, which start-up log lines would corrupt.
    app = create_app(settings.model_copy(update={"log_level": "WARNING"}))
    document = build_document(app, title=API_TITLE, description=API_DESCRIPTION)
    output = orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)  # build/ on a fresh clone
        Path(args.output).write_bytes(output)
    else:
        sys.stdout.buffer.write(output)


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> None:
    """Apply pending database migrations."""
    applied = asyncio.run(apply_migrations(settings.database_url))
    print(f"applied: {', '.join(applied)}" if applied else "database is up to date")


def cmd_makemigrations(args: argparse.Namespace, settings: Settings) -> None:
    """Write the next migration (PostgreSQL and SQLite) after a model change."""
    written = asyncio.run(make_migrations(args.name))
    print("\n".join(written) if written else "no model changes")


def cmd_seed_demo(args: argparse.Namespace, settings: Settings) -> None:
    """Load the demo departments, halls and staff (development only)."""
    from services import demo

    if settings.env == "production":
        sys.exit("seed-demo is for development; it refuses HDT_ENV=production")
    prepare_database(settings)

    async def run() -> list[str]:
        async with cli_runtime(settings) as rt:
            return await demo.seed(rt=rt)

    created = asyncio.run(run())
    print("\n".join(created) if created else "demo data already present")


def cmd_sync_catalog(args: argparse.Namespace, settings: Settings) -> None:
    """Import a municipal catalog export (JSON, see docs/catalog.md); --dry-run prints the diff only."""
    from app.errors import AppError
    from services.catalog import sync as catalog_sync

    try:
        catalog = catalog_sync.parse_catalog(Path(args.file).read_bytes())
    except AppError as exc:
        for error in exc.details.get("errors", [exc.details]):
            where = error.get("path") or f"line {error.get('line')}, column {error.get('column')}"
            print(f"{args.file}: {where}: {error.get('reason')}", file=sys.stderr)
        sys.exit(f"{args.file}: {exc.message}; nothing was written")

    async def run() -> list[str]:
        async with cli_runtime(settings) as rt:
            diff = await catalog_sync.sync(rt=rt, catalog=catalog, dry_run=args.dry_run)
            return diff.lines()

    prepare_database(settings)
    print("\n".join(asyncio.run(run())))
    if args.dry_run:
        print("dry run: nothing was written")


def cmd_calendar_load(args: argparse.Namespace, settings: Settings) -> None:
    """Load a year's holiday notice (JSON, see docs/calendar.md); --replace to correct a loaded year."""
    from app.errors import AppError
    from app.shapes import parse_model
    from services.calendar import notices
    from services.calendar.shapes import CalendarNotice

    try:
        notice = parse_model(CalendarNotice, orjson.loads(Path(args.file).read_bytes()))
        notices.notice_days(notice)
    except orjson.JSONDecodeError as exc:
        sys.exit(f"{args.file}: not JSON ({exc}); nothing was loaded")
    except AppError as exc:
        for problem in exc.details.get("problems", exc.details.get("fields", [])):
            print(f"{args.file}: {problem.get('field')}: {problem.get('reason') or problem.get('message')}",
                  file=sys.stderr)
        sys.exit(f"{args.file}: {exc.message}; nothing was loaded")

    async def run() -> str:
        async with cli_runtime(settings) as rt:
            loaded = await notices.load_notice(rt=rt, notice=notice, actor_id="cli",
                                               replace=args.replace)
            return loaded.model_dump_json(indent=2)

    prepare_database(settings)
    try:
        print(asyncio.run(run()))
    except AppError as exc:
        sys.exit(f"{args.file}: {exc.code}: {exc.message} {exc.details}")


def cmd_calendar_years(args: argparse.Namespace, settings: Settings) -> None:
    """Show where each year's holidays come from: a loaded notice, the package, or provisional."""
    from services.appointments.slots import local_today
    from services.calendar import listing

    async def run() -> list[str]:
        async with cli_runtime(settings):
            years = await listing.years_around(today=local_today())
            return [f"{y.year}  {y.source.value:<11}  {y.title or ''}" for y in years.items]

    print("\n".join(asyncio.run(run())))


def cmd_generate_catalog(args: argparse.Namespace, settings: Settings) -> None:
    """Write a synthetic catalog of --items items in the sync format (for benchmarks)."""
    from services.catalog import generator as catalog_generator

    catalog_generator.write(items=args.items, out=Path(args.out))
    print(f"wrote {args.items} items to {args.out}")


def cmd_rotate_key(args: argparse.Namespace, settings: Settings) -> None:
    """Add a new signing key (the first, on a new deployment); earlier keys keep verifying."""
    if private_key_files(settings.keys_dir / args.purpose):
        kid = KeyRing(settings.keys_dir, args.purpose, create_missing=False).rotate()
    else:
        kid = KeyRing(settings.keys_dir, args.purpose, create_missing=True).signing.kid
    print(f"new signing key for {args.purpose}: {kid}")


def cmd_rotate_data_key(args: argparse.Namespace, settings: Settings) -> None:
    """Re-wrap every data key with HDT_DATA_KEY (HDT_DATA_KEY_PREVIOUS still unwrapping the old
    ones) and seal forms and files stored in clear by earlier releases; files are not re-encrypted."""
    from services.applications import at_rest

    async def run() -> at_rest.Rotation:
        async with cli_runtime(settings) as rt:
            return await at_rest.rotate_data_keys(rt=rt)

    done = asyncio.run(run())
    print(f"data keys re-wrapped: {done.rewrapped}; clear forms sealed: {done.forms_sealed}; "
          f"clear files sealed: {done.files_sealed}")


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

    async def run() -> None:
        async with cli_runtime(settings) as rt:
            if args.action == "list":
                for row in await push_service.dead_letters(limit=args.limit):
                    print(f"{row.id}\t{row.event_type}\t{row.recipient}\tattempts={row.attempts}"
                          f"\t{row.error or ''}")
            else:
                requeued = await push_service.requeue_dead_letters(rt=rt, delivery_ids=args.id or None)
                print(f"requeued {requeued} deliveries")

    asyncio.run(run())


async def until_stop_signal() -> None:
    """Wait for SIGINT (Ctrl-C) or SIGTERM.

    Explicit handlers: asyncio.run's own Ctrl-C handling is absent when the process starts with
    SIGINT ignored (a background job of a shell script, as `make run` may start it), and SIGTERM
    had no handler at all, so the emulators kept running."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)


async def _every(settings: Settings, step: Callable[[Runtime], Awaitable[bool]],
                 seconds: float | None) -> bool:
    """Run ``step`` once, or every ``seconds`` until interrupted; returns the last step's result."""
    async with cli_runtime(settings) as rt:
        while True:
            result = await step(rt)
            if not seconds:
                return result
            await asyncio.sleep(seconds)


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

    if not asyncio.run(_every(settings, step, args.every)):
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

    if not asyncio.run(_every(settings, step, args.every)):
        sys.exit(1)
def cmd_materialize_slots(args: argparse.Namespace, settings: Settings) -> None:
    """Create the appointment slots of the coming days from the templates (idempotent)."""
    from services.appointments import slots

    async def run() -> int:
        async with cli_runtime(settings):
            return await slots.materialize(horizon_days=args.days or settings.appointment_horizon_days)

    print(f"slots created: {asyncio.run(run())}")


def cmd_sweep_overdue(args: argparse.Namespace, settings: Settings) -> None:
    """Emit one overdue event per pre-review or accepted application past its deadline (idempotent)."""
    from services.applications import onewindow

    async def run() -> int:
        async with cli_runtime(settings):
            return await onewindow.sweep_overdue()

    print(f"overdue applications announced: {asyncio.run(run())}")


def cmd_sweep_no_shows(args: argparse.Namespace, settings: Settings) -> None:
    """Mark past appointments never checked in as no-shows (idempotent)."""
    from services import appointments

    async def run() -> int:
        async with cli_runtime(settings) as rt:
            return await appointments.sweep_no_shows(rt=rt)

    print(f"no-shows marked: {asyncio.run(run())}")


def cmd_sweep_waitlist(args: argparse.Namespace, settings: Settings) -> None:
    """Pass lapsed waiting-list holds to the next in line and offer free seats (idempotent)."""
    from services.appointments import waitlist

    async def run() -> int:
        async with cli_runtime(settings) as rt:
            return await waitlist.sweep(rt=rt)

    print(f"waiting-list entries changed: {asyncio.run(run())}")


def cmd_run_draws(args: argparse.Namespace, settings: Settings) -> None:
    """Run the slot draws whose entry window has closed (each once, idempotent)."""
    from services.appointments import draw

    async def run() -> int:
        async with cli_runtime(settings) as rt:
            return await draw.run_due(rt=rt)

    print(f"draws run: {asyncio.run(run())}")


def cmd_payments_sweep(args: argparse.Namespace, settings: Settings) -> None:
    """Ask WeChat Pay about unpaid orders, send requested refunds and query those under way."""
    from services.payments import sweep

    async def run() -> sweep.SweepResult:
        async with cli_runtime(settings) as rt:
            return await sweep.sweep(rt=rt)

    result = asyncio.run(run())
    print(f"orders queried: {result.orders_queried}, refunds sent: {result.refunds_sent}, "
          f"refunds queried: {result.refunds_queried}")


def cmd_payments_reconcile(args: argparse.Namespace, settings: Settings) -> None:
    """Reconcile one day's WeChat Pay trade bill (default: yesterday, Beijing time) with our records."""
    from services.payments import reconciliation
    from services.payments.shapes import ReconciliationOut

    bill_date = args.date or (to_local(utcnow()).date() - timedelta(days=1))

    async def run() -> ReconciliationOut:
        async with cli_runtime(settings) as rt:
            return await reconciliation.reconcile(rt=rt, bill_date=bill_date)

    result = asyncio.run(run())
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

    async def run() -> int:
        async with cli_runtime(settings) as rt:
            return await gate.reconcile(rt=rt)

    print(f"booking gates rebuilt: {asyncio.run(run())}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description="海淀通 backend")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Command) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=handler.__doc__, description=handler.__doc__)
        command.set_defaults(handler=handler)
        return command

    serve = add("serve", cmd_serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    run = add("run", cmd_run)
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument("--no-emulators", dest="emulators", action="store_false",
                     help="do not start the WeChat and Beijing Pass emulators")
    openapi = add("openapi", cmd_openapi)
    openapi.add_argument("--output", help="write the document to this file instead of stdout")
    emulators = add("emulators", cmd_emulators)
    emulators.add_argument("--access-token-ttl", type=int, default=7200,
                           help="lifetime of emulated WeChat access tokens, in seconds")
    add("migrate", cmd_migrate)
    add("makemigrations", cmd_makemigrations).add_argument("name", help="short name, e.g. add_slots")
    add("seed-demo", cmd_seed_demo)
    sync_catalog = add("sync-catalog", cmd_sync_catalog)
    sync_catalog.add_argument("file", help="catalog export, JSON")
    sync_catalog.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")
    calendar_load = add("calendar-load", cmd_calendar_load)
    calendar_load.add_argument("file", help="the notice, JSON")
    calendar_load.add_argument("--replace", action="store_true",
                               help="replace a year already loaded with different days")
    add("calendar-years", cmd_calendar_years)
    generate_catalog = add("generate-catalog", cmd_generate_catalog)
    generate_catalog.add_argument("--items", type=int, default=10000)
    generate_catalog.add_argument("out", help="output JSON file")
    add_staff_commands(add)
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
    add("rotate-key", cmd_rotate_key).add_argument("purpose", choices=KEY_PURPOSES)
    add("rotate-data-key", cmd_rotate_data_key)
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
    return parser


def check_signing_keys(settings: Settings) -> None:
    """Production: every key ring must already hold a signing key (development generates them)."""
    for purpose in KEY_PURPOSES:
        if not private_key_files(settings.keys_dir / purpose):
            raise SettingsError(f"HDT_KEYS_DIR: no signing key for {purpose!r} in "
                                f"{settings.keys_dir / purpose}; create one with "
                                f"`python -m app rotate-key {purpose}`")
        try:
            KeyRing(settings.keys_dir, purpose, create_missing=False)
        except (KeyRingError, OSError, ValueError) as exc:  # unreadable, or not an Ed25519 key
            raise SettingsError(f"HDT_KEYS_DIR: the {purpose!r} keys in {settings.keys_dir / purpose} "
                                f"cannot be used: {exc}") from None


def check_merchant_key(settings: Settings) -> None:
    """Production: the WeChat Pay merchant key must be provisioned (development generates it)."""
    from wechat.pay_crypto import load_merchant_key, merchant_key_path

    try:
        load_merchant_key(settings)
    except (OSError, ValueError, TypeError) as exc:  # missing, unreadable, or not an RSA private key
        raise SettingsError(f"HDT_WECHATPAY_PRIVATE_KEY_PATH: the WeChat Pay merchant key "
                            f"{merchant_key_path(settings)} cannot be used: {exc}") from None


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    for warning in unknown_variables(os.environ):
        print(warning, file=sys.stderr)
    try:
        settings = load_settings()
        if settings.env == "production" and args.command not in KEYLESS_COMMANDS:
            check_signing_keys(settings)
            check_merchant_key(settings)
    except SettingsError as exc:
        # An operator's mistake, not a bug: one message naming the variables, no traceback.
        print(f"configuration error: {exc}", file=sys.stderr)
        sys.exit(CONFIGURATION_ERROR)
    try:
        args.handler(args, settings)
    except MigrationsMissing as exc:
        sys.exit(f"error: {exc}")
    except KeyboardInterrupt:  # Ctrl-C while a command had no handling of its own: no traceback
        sys.exit(128 + signal.SIGINT)
    except AppError as exc:
        # A refused request (unknown staff, role or department): its code and message, no traceback.
        sys.exit(f"error: {exc.code}: {exc.message}")
