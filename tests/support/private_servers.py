"""PostgreSQL and Redis servers of a test's own, on free ports in temporary directories, to stop,
kill or freeze (SIGSTOP) without touching the machine's shared servers."""

from __future__ import annotations

import asyncio
import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import asyncpg
import redis.asyncio as redis

from tests.support.server import free_port

POSTGRES_BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
REDIS_SERVER = shutil.which("redis-server")
# PostgreSQL refuses to run as root: as root, the servers run as this user.
POSTGRES_USER = "postgres"


def missing_binaries() -> str | None:
    """Why these servers cannot run here, or None."""
    if not POSTGRES_BINARIES:
        return "no PostgreSQL binaries under /usr/lib/postgresql/*/bin"
    if REDIS_SERVER is None:
        return "no redis-server on PATH"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(POSTGRES_USER)
        except KeyError:
            return f"running as root and no {POSTGRES_USER!r} user to run PostgreSQL as"
    return None


async def _wait_until(ready, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not await ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start")
        await asyncio.sleep(0.1)


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (PostgreSQL's backends and helpers)."""
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = Path(stat).read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(Path(stat).parent.name))
    return found


class PrivatePostgres:
    """A throw-away cluster (trust authentication, no fsync) in a temporary directory."""

    def __init__(self) -> None:
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="hdt-pg-"))
        self.data = self.directory / "data"
        self._process: subprocess.Popen | None = None
        self._as_user = POSTGRES_USER if os.geteuid() == 0 else None
        bin_dir = Path(POSTGRES_BINARIES[-1]).parent
        self._initdb, self._postgres = bin_dir / "initdb", bin_dir / "postgres"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run_as(self) -> dict:
        return {"user": self._as_user, "group": self._as_user} if self._as_user else {}

    async def start(self) -> None:
        """Create the cluster on first use, then start the server and wait until it answers."""
        if not self.data.exists():
            if self._as_user:
                shutil.chown(self.directory, self._as_user, self._as_user)
            subprocess.run([self._initdb, "-D", self.data, "-U", "postgres", "-A", "trust",
                            "--no-sync", "-E", "UTF8"], check=True, capture_output=True,
                           **self._run_as())
        self._process = subprocess.Popen(
            [self._postgres, "-D", self.data, "-p", str(self.port), "-k", self.directory,
             "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
             "-c", "full_page_writes=off", "-c", "shared_buffers=16MB"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
            **self._run_as())
        await _wait_until(self._answers, "PostgreSQL")

    async def _answers(self) -> bool:
        try:
            conn = await asyncpg.connect(self.url.replace("postgres://", "postgresql://"), timeout=1)
        except (TimeoutError, OSError, asyncpg.PostgresError):
            return False
        await conn.close()
        return True

    def stop(self) -> None:
        """Fast shutdown: sessions are ended, new connections refused."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGINT)
            self._process.wait(30)
        self._process = None

    def freeze(self) -> None:
        """Stop every process of the server (SIGSTOP): connections stay open, nothing answers."""
        for pid in [self._process.pid, *_children(self._process.pid)]:
            os.kill(pid, signal.SIGSTOP)

    def thaw(self) -> None:
        for pid in [self._process.pid, *_children(self._process.pid)]:
            os.kill(pid, signal.SIGCONT)

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self.thaw()
            try:
                self.stop()
            except subprocess.TimeoutExpired:
                for pid in [self._process.pid, *_children(self._process.pid)]:
                    os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.directory, ignore_errors=True)


class PrivateRedis:
    """A Redis server on a free port, saving nothing unless told to (``SAVE``: into its own
    temporary directory, which a restart loads)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="hdt-redis-"))
        self._process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        self._process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        await _wait_until(self._answers, "Redis")

    async def _answers(self) -> bool:
        client = redis.Redis.from_url(self.url, socket_connect_timeout=1, socket_timeout=1)
        try:
            return await client.ping()
        except (OSError, redis.RedisError):
            return False
        finally:
            await client.aclose()

    def kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait(10)
        self._process = None

    def freeze(self) -> None:
        os.kill(self._process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self._process.pid, signal.SIGCONT)

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self.thaw()
        self.kill()
        shutil.rmtree(self.directory, ignore_errors=True)
