"""A clean stop: SIGTERM (``docker stop``) ends ``serve --workers 2`` promptly with status 0, whether
its workers are still starting or already serving (app/worker_manager.py says what Sanic's own
handler did instead)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from config import Settings
from tests import backends
from tests.support.server import REPO_ROOT, free_port, serve_env

# A hang bound, not a timing target: a stop takes about a second; Sanic's spinning start-up wait
# never ended at all.
STOP_BOUND_SECONDS = 30.0
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


async def stop(process: asyncio.subprocess.Process, output) -> tuple[int | None, str]:
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


async def start(settings: Settings, output) -> tuple[asyncio.subprocess.Process, str]:
    port = free_port()
    # A session of its own, so that whatever is left of it can be killed whole (below).
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "serve", "--port", str(port), "--workers", "2", cwd=REPO_ROOT,
        env={**serve_env(settings), "HDT_LOG_LEVEL": "INFO"}, stdout=output, stderr=subprocess.STDOUT,
        start_new_session=True)
    return process, f"http://127.0.0.1:{port}"


def kill_session(process: asyncio.subprocess.Process) -> None:
    subprocess.run(["pkill", "-KILL", "-s", str(process.pid)], check=False)


@backends.embedded_pass_only
async def test_sigterm_while_the_workers_start_stops_the_service(settings: Settings):
    with tempfile.TemporaryFile() as output:
        process, _ = await start(settings, output)
        try:
            deadline = time.monotonic() + START_BOUND_SECONDS
            # The state manager and both workers are spawned; the workers are importing the app.
            while spawned_children(process.pid) < 3:
                assert process.returncode is None and time.monotonic() < deadline, "serve did not spawn its workers"
                await asyncio.sleep(0.02)
            status, log = await stop(process, output)
        finally:
            kill_session(process)
    assert status == 0, f"serve did not stop cleanly (status {status}):\n{log[-3000:]}"
    assert "Server Stopped" in log


@backends.embedded_pass_only
async def test_sigterm_while_serving_stops_the_service(settings: Settings):
    with tempfile.TemporaryFile() as output:
        process, base_url = await start(settings, output)
        try:
            deadline = time.monotonic() + START_BOUND_SECONDS
            # Both workers have said they are ready (the output is appended to; read it from the top).
            while Path(f"/proc/self/fd/{output.fileno()}").read_bytes().count(b"Worker ready") < 2:
                assert process.returncode is None and time.monotonic() < deadline, "serve did not start"
                await asyncio.sleep(0.2)
            async with httpx.AsyncClient(base_url=base_url) as http:
                assert (await http.get("/readyz")).status_code == 200
            status, log = await stop(process, output)
        finally:
            kill_session(process)
    assert status == 0, f"serve did not stop cleanly (status {status}):\n{log[-3000:]}"
    assert log.count("Worker complete") == 2
    assert "Traceback" not in log
