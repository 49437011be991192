"""Start the service and the hello-world ceiling as real processes on PostgreSQL + Redis."""

from __future__ import annotations

import os
import platform
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import ephemeral_port_reserve
import httpx

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "bench" / "out"
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
# Engineers share the Redis server: each picks a database number (the harness flushes it).
REDIS_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
START_ATTEMPTS = 3


def free_port() -> int:
    """A port reserved for a server started later (see tests/support/server.py, free_port)."""
    return ephemeral_port_reserve.reserve("127.0.0.1")


def machine_description() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores ({cpu}), {memory_gib:.0f} GiB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (other engineers share the machine)."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


# Generous: a service starting beside other engineers' test suites can take over a minute.
STARTUP_TIMEOUT_SECONDS = 180


def wait_until_up(url: str, *, timeout: float = STARTUP_TIMEOUT_SECONDS,
                  proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (proc is None or proc.poll() is None):
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


@dataclass
class Stack:
    """A running service on a fresh database, with its environment for helper commands."""

    base_url: str
    env: dict[str, str]
    database_url: str
    server_pid: int


@contextmanager
def fresh_database() -> Iterator[str]:
    name = f"hdt_bench_{secrets.token_hex(3)}"
    psql = ["psql", "-q", f"{POSTGRES_SERVER}/postgres", "-c"]
    subprocess.run([*psql, f'CREATE DATABASE "{name}"'], check=True)
    try:
        yield f"{POSTGRES_SERVER}/{name}"
    finally:
        subprocess.run([*psql, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True)


def service_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HDT_")}
    # Every simulated resident books from this machine's one address: no per-address booking limit.
    env.update(DATABASE_URL=database_url, REDIS_URL=REDIS_URL, HDT_KEYS_DIR=str(OUT_DIR / "keys"),
               HDT_ACCESS_LOG="false", HDT_LOG_LEVEL="WARNING", HDT_BOOKING_ADDRESS_LIMIT="0", **extra)
    return env


def run_cli(env: dict[str, str], *args: str) -> str:
    """Run ``python -m app ARGS`` against the bench database."""
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO_ROOT, env=env, check=True,
                          capture_output=True, text=True).stdout


def wait_for_output(path: Path, text: str, *, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while text not in path.read_text():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path.name} never said {text!r}")
        time.sleep(0.2)


@contextmanager
def process(args: list[str], env: dict[str, str], ready_url: str | None = None, *,
            ready_output: str | None = None) -> Iterator[subprocess.Popen]:
    """A child process, ready once ``ready_url`` answers or its output contains ``ready_output``."""
    label = "-".join(a for a in args[1:4] if not a.startswith("-")).replace("/", "_")
    log_path = OUT_DIR / f"{label}-{secrets.token_hex(2)}.log"
    log = open(log_path, "w")
    # A session of its own: a Sanic server whose workers miss the start-up ack SIGKILLs its
    # whole process group, which would otherwise take the benchmark down with it.
    proc = subprocess.Popen(args, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        if ready_url is not None:
            wait_until_up(ready_url, proc=proc)
        if ready_output is not None:
            wait_for_output(log_path, ready_output)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def emulator_env() -> dict[str, str]:
    """Settings that point the service at emulators on free loopback ports."""
    wechat = f"http://127.0.0.1:{free_port()}"
    bjpass = f"http://127.0.0.1:{free_port()}"
    return {"HDT_WECHAT_API_BASE_URL": wechat, "HDT_WECHAT_OPEN_BASE_URL": wechat,
            "HDT_BJPASS_AUTHORIZE_URL": f"{bjpass}/oauth2/authorize",
            "HDT_BJPASS_TOKEN_URL": f"{bjpass}/oauth2/token",
            "HDT_BJPASS_USERINFO_URL": f"{bjpass}/oauth2/userinfo"}


@contextmanager
def service(*, workers: int, extra_env: dict[str, str] | None = None,
            emulators: bool = False, pool_size: int | None = None) -> Iterator[Stack]:
    """The service with ``workers`` processes on a fresh PostgreSQL database, demo data loaded;
    with ``emulators`` the WeChat and Beijing Pass emulators run beside it; ``pool_size`` sets
    each worker's PostgreSQL pool (``Stack.database_url`` stays the plain URL)."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True)
    with fresh_database() as database_url, ExitStack() as stack:
        served_url = database_url + (f"?maxsize={pool_size}" if pool_size else "")
        env = service_env(served_url, **(emulator_env() if emulators else {}), **(extra_env or {}))
        if emulators:
            stack.enter_context(process([sys.executable, "-m", "app", "emulators"], env,
                                        env["HDT_WECHAT_API_BASE_URL"] + "/_emulator/users"))
        run_cli(env, "seed-demo")
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        args = [sys.executable, "-m", "app", "serve", "--port", str(port), "--workers", str(workers)]
        # On a loaded machine Sanic may give up on a slow worker's start-up ack; start again.
        for attempt in range(START_ATTEMPTS):
            try:
                server = stack.enter_context(process(args, env, f"{base_url}/readyz"))
                break
            except RuntimeError:
                if attempt == START_ATTEMPTS - 1:
                    raise
        yield Stack(base_url, env, database_url, server.pid)


@contextmanager
def hello_ceiling(*, workers: int) -> Iterator[str]:
    """The bare hello-world app, the ceiling every endpoint is compared with."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    args = [sys.executable, str(REPO_ROOT / "bench" / "hello.py"), "--port", str(port),
            "--workers", str(workers)]
    with process(args, dict(os.environ), url):
        yield url
