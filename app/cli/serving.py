"""Commands that run the service: ``serve`` (production), ``run`` (development, with the
emulators), ``emulators``, and ``openapi`` (the contract the service serves)."""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import orjson
import uvloop

from app.cli.data import cmd_seed_demo
from app.cli.runtime import AddCommand, prepare_database, until_stop_signal
from config import Settings

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

    # uvloop, as the service runs: the emulators share the cores with the service under test, and
    # on uvloop the WeChat emulator spends about a tenth less CPU per send and report.
    uvloop.run(run())


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


def add_commands(add: AddCommand) -> None:
    """Register this module's commands with the parser's ``add(name, handler)``."""
    serve_command = add("serve", cmd_serve)
    serve_command.add_argument("--host", default="127.0.0.1")
    serve_command.add_argument("--port", type=int, default=8000)
    serve_command.add_argument("--workers", type=int, default=1)
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
