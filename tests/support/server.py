"""Run ``python -m app serve`` as a real child process, for tests of start-up and outages."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, BinaryIO

import ephemeral_port_reserve
import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A port on 127.0.0.1 for a server the test starts later. A port merely free now was taken
    meanwhile by the other CI pass's outgoing connections (every test of that run failed to start
    its emulators); a reserved one is left in TIME_WAIT, which the kernel does not hand out as an
    ephemeral port, while a server binding it with SO_REUSEADDR (asyncio, Sanic, PostgreSQL and
    Redis all do) still can."""
    return ephemeral_port_reserve.reserve("127.0.0.1")


def service_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("HDT_", "DATABASE_URL", "REDIS_URL", "PROMETHEUS_MULTIPROC_DIR"))}
    env.update({"HDT_ACCESS_LOG": "false", "HDT_LOG_LEVEL": "WARNING"}, **overrides)
    return env


def serve_env(settings: Any) -> dict[str, str]:
    """The environment of ``serve``: the suite's database and Redis (or the embedded stand-in)."""
    env = service_env(HDT_ENV="test", DATABASE_URL=settings.database_url,
                      HDT_KEYS_DIR=str(settings.keys_dir), HDT_STORAGE_DIR=str(settings.storage_dir))
    if settings.redis_url:
        env["REDIS_URL"] = settings.redis_url
    return env


def command_env(settings: Any, *, env: str = "test") -> dict[str, str]:
    """The environment of ``python -m app <command>`` against the suite's database and Redis."""
    environment = {**os.environ, "DATABASE_URL": settings.database_url, "HDT_ENV": env,
                   "HDT_KEYS_DIR": str(settings.keys_dir), "HDT_LOG_LEVEL": "WARNING"}
    environment.pop("REDIS_URL", None)
    if settings.redis_url:
        environment["REDIS_URL"] = settings.redis_url
    return environment


@asynccontextmanager
async def running_service(env: dict[str, str], *, workers: int = 1,
                          output: BinaryIO | None = None) -> AsyncIterator[str]:
    """Start the service in a child process and yield its base URL once /healthz answers; its
    output goes to ``output`` (a binary file the caller reads and closes) if given."""
    port = free_port()
    # Output goes to a file: an unread pipe fills up and blocks the child mid-write.
    given = output is not None
    output = output if given else tempfile.TemporaryFile()
    # A session of its own: Sanic SIGKILLs its whole process group when a worker misses the
    # start-up ack (a loaded machine), which would otherwise kill the test run too.
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "serve", "--port", str(port), "--workers", str(workers),
        cwd=REPO_ROOT, env=env,
        stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        async with httpx.AsyncClient() as http:
            while True:
                try:
                    if (await http.get(f"{base_url}/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if process.returncode is not None or time.monotonic() > deadline:
                    output.seek(0)
                    raise RuntimeError(f"service did not start: {output.read().decode()[-2000:]}")
                await asyncio.sleep(0.2)
        yield base_url
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 20)
            except TimeoutError:
                process.kill()
                await process.wait()
        # Workers Sanic left behind (one restarted while the main process stopped) would live on,
        # orphaned and busy, slowing the rest of the run: the service's session goes whole.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        if not given:
            output.close()
