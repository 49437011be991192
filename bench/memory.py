"""Resident set size and CPU time of running processes, read from /proc while a load runs."""

from __future__ import annotations

import os
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


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (0 once it has exited)."""
    try:
        # Fields after the parenthesised command name; utime and stime are the 12th and 13th.
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def processes_mentioning(text: str) -> list[int]:
    """Processes whose command line or environment contains ``text`` (e.g. a database name)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if text.encode() in (entry / "cmdline").read_bytes() + (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except (FileNotFoundError, PermissionError, ProcessLookupError):
            continue
    return found


@dataclass
class CpuMeter:
    """CPU seconds used by named groups of processes between ``start`` and ``stop``."""

    groups: dict[str, list[int]]
    used: dict[str, float] = field(default_factory=dict)

    def start(self) -> CpuMeter:
        self._before = {name: sum(map(cpu_seconds, pids)) for name, pids in self.groups.items()}
        return self

    def stop(self) -> None:
        self.used = {name: sum(map(cpu_seconds, pids)) - self._before[name]
                     for name, pids in self.groups.items()}

    def per_unit_rows(self, units: int, unit: str) -> str:
        """A Markdown table of CPU milliseconds per ``unit`` by group."""
        rows = [f"| process | CPU s | CPU ms per {unit} |", "|---|---|---|"]
        rows += [f"| {name} | {seconds:.1f} | {seconds * 1000 / units:.2f} |" for name, seconds in self.used.items()]
        total = sum(self.used.values())
        return "\n".join([*rows, f"| all of these | {total:.1f} | {total * 1000 / units:.2f} |"])


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
    history: dict[int, list[int]] = field(default_factory=dict)  # every sample, oldest first

    def __enter__(self) -> RssSampler:
        self.peaks = {pid: Peak(pid, rss_bytes(pid)) for pid in self.pids}
        self.history = {pid: [] for pid in self.pids}
        for peak in self.peaks.values():
            peak.peak = peak.before
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid, peak in self.peaks.items():
                self.history[pid].append(rss_bytes(pid))
                peak.peak = max(peak.peak, self.history[pid][-1])
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
