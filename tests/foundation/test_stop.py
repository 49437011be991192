"""A clean stop: SIGTERM (``docker stop``) ends ``serve --workers 2`` promptly with status 0, whether
its workers are still starting or already serving (app/worker_manager.py says what Sanic's own
handler did instead)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import BinaryIO

import httpx

from config import Settings
from tests import backends
from tests.builders import make_hall
from tests.support.server import REPO_ROOT, free_port, serve_env

# A hang bound, not a timing target: a stop takes about a second; Sanic's spinning start-up wait
# never ended at all.
STOP_BOUND_SECONDS = 30.0
# How long `docker stop` waits after SIGTERM before it kills (its default; compose's
# stop_grace_period leaves more): a stop that needs longer loses its requests in flight.
DOCKER_STOP_TIMEOUT_SECONDS = 10.0
START_BOUND_SECONDS = 150.0


def spawned_children(pid: int) -> int:
    """How many processes ``pid`` has spawned by multiprocessing (Sanic's state manager, then one per
    worker)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    count = 0
    for child in children:
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                count += 1
        except FileNotFoundError:
            continue
    return count


async def stop(process: asyncio.subprocess.Process, output: BinaryIO) -> tuple[int | None, str]:
    """SIGTERM the main process; its exit status (None if it did not stop in time) and its output."""
    process.terminate()
    try:
        status: int | None = await asyncio.wait_for(process.wait(), STOP_BOUND_SECONDS)
    except TimeoutError:
        status = None
        process.kill()
        await process.wait()
    output.seek(0)
    return status, output.read().decode(errors="replace")


@asynccontextmanager
async def serving(settings: Settings) -> AsyncIterator[tuple[asyncio.subprocess.Process, BinaryIO, str]]:
    """``serve --workers 2`` started; its process, its output and its base URL. Whatever is left of
    it at the end is killed (a session of its own)."""
    port = free_port()
    with tempfile.TemporaryFile() as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "app", "serve", "--port", str(port), "--workers", "2", cwd=REPO_ROOT,
            env={**serve_env(settings), "HDT_LOG_LEVEL": "INFO"}, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True)
        try:
            yield process, output, f"http://127.0.0.1:{port}"
        finally:
            subprocess.run(["pkill", "-KILL", "-s", str(process.pid)], check=False)


async def until(process: asyncio.subprocess.Process, condition: Callable[[], bool], what: str) -> None:
    """Wait for ``condition`` while the service runs (it must come within the start-up bound)."""
    deadline = time.monotonic() + START_BOUND_SECONDS
    while not condition():
        assert process.returncode is None and time.monotonic() < deadline, what
        await asyncio.sleep(0.02)


async def _workers_ready(process: asyncio.subprocess.Process, output: BinaryIO) -> None:
    """Both workers have said they are ready (the output is appended to; read from the top)."""
    await until(process, lambda: Path(f"/proc/self/fd/{output.fileno()}").read_bytes().count(
        b"Worker ready") >= 2, "serve did not start")


@backends.embedded_pass_only
async def test_sigterm_while_the_workers_start_stops_the_service(settings: Settings):
    async with serving(settings) as (process, output, _):
        # The state manager and both workers are spawned; the workers are importing the app.
        await until(process, lambda: spawned_children(process.pid) >= 3, "serve did not spawn its workers")
        status, log = await stop(process, output)
    assert status == 0, f"serve did not stop cleanly (status {status}):\n{log[-3000:]}"
    assert "Server Stopped" in log


@backends.embedded_pass_only
async def test_sigterm_while_serving_stops_the_service(settings: Settings):
    async with serving(settings) as (process, output, base_url):
        await _workers_ready(process, output)
        async with httpx.AsyncClient(base_url=base_url) as http:
            assert (await http.get("/readyz")).status_code == 200
        status, log = await stop(process, output)
    assert status == 0, f"serve did not stop cleanly (status {status}):\n{log[-3000:]}"
    assert log.count("Worker complete") == 2
    assert "Traceback" not in log


@backends.embedded_pass_only
async def test_sigterm_with_a_hall_screen_connected_stops_before_docker_would_kill(settings: Settings, rt):
    """A screen's event stream lasts up to a minute: a stop that waited for it took 17.6 s."""
    hall = await make_hall()
    async with serving(settings) as (process, output, base_url):
        await _workers_ready(process, output)
        async with httpx.AsyncClient(base_url=base_url, timeout=STOP_BOUND_SECONDS) as http, \
                http.stream("GET", f"/api/v1/halls/{hall.id}/board/events") as screen:
            lines = screen.aiter_lines()
            assert (await anext(lines)).startswith("retry: ")
            signalled = time.monotonic()
            status, log = await stop(process, output)
            stopped_after = time.monotonic() - signalled
            rest = [line async for line in lines]  # the stream ended, it was not cut
    assert status == 0, f"serve did not stop cleanly (status {status}):\n{log[-3000:]}"
    assert stopped_after < DOCKER_STOP_TIMEOUT_SECONDS, f"stopped after {stopped_after:.1f} s"
    assert "Traceback" not in log
    assert any(line.startswith("event: state") for line in rest)
