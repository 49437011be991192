"""Resident set size of running processes, read from /proc, sampled while a load runs."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


def rss_bytes(pid: int) -> int:
    """The process's resident set size now (0 once it has exited)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except FileNotFoundError:
        pass
    return 0


def children(pid: int) -> list[int]:
    """Direct child processes of ``pid``."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def sanic_workers(server_pid: int) -> list[int]:
    """The server workers of a ``python -m app serve`` process.

    Sanic also spawns a multiprocessing manager and a resource tracker; only its server
    workers are started with SANIC_WORKER_NAME in their environment."""
    return [pid for pid in children(server_pid)
            if b"SANIC_WORKER_NAME=Sanic-Server" in Path(f"/proc/{pid}/environ").read_bytes()]


@dataclass
class Peak:
    """RSS of one process before a load, its highest sample during it, and after."""

    pid: int
    before: int
    peak: int = 0
    after: int = 0


@dataclass
class RssSampler:
    """Samples the RSS of some processes every ``interval`` seconds in a thread (use as a context)."""

    pids: list[int]
    interval: float = 0.01
    peaks: dict[int, Peak] = field(default_factory=dict)

    def __enter__(self) -> RssSampler:
        self.peaks = {pid: Peak(pid, rss_bytes(pid)) for pid in self.pids}
        for peak in self.peaks.values():
            peak.peak = peak.before
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid, peak in self.peaks.items():
                peak.peak = max(peak.peak, rss_bytes(pid))
            time.sleep(self.interval)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def settle(self, seconds: float = 2.0) -> None:
        """Record the RSS after the load, once the processes had ``seconds`` to free memory."""
        time.sleep(seconds)
        for pid, peak in self.peaks.items():
            peak.after = rss_bytes(pid)


def mib(value: float) -> str:
    return f"{value / 2**20:,.1f} MiB"
