"""Drive one endpoint with wrk and parse requests/s and latency percentiles."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Load:
    """One wrk run: what to request and how hard."""

    name: str
    url: str
    method: str = "GET"
    body: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    connections: int = 64
    duration_seconds: int = 10
    lua: str | None = None  # a custom wrk script (e.g. a different body per request)
    warmup_lua: str | None = None  # for single-use inputs: the warm-up must not spend the run's


@dataclass
class Result:
    name: str
    connections: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    errors: int


def ensure_wrk() -> str:
    """The wrk binary (Debian package `wrk`)."""
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    return found


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip()).groups()
    return float(number) * _UNITS[unit]


def _script(load: Load) -> str:
    if load.lua:
        return load.lua
    lines = [f'wrk.method = "{load.method}"']
    for name, value in load.headers.items():
        lines.append(f'wrk.headers["{name}"] = "{value}"')
    if load.body is not None:
        escaped = load.body.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'wrk.body = "{escaped}"')
    return "\n".join(lines) + "\n"


def run(load: Load, *, threads: int = 1) -> Result:
    """Run wrk with a warm-up and return the measured run's figures."""
    binary = ensure_wrk()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_script(load))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as warmup:
        warmup.write(load.warmup_lua or _script(load))
    try:
        subprocess.run([binary, "-t", str(threads), "-c", str(load.connections), "-d", "2s",
                        "-s", warmup.name, load.url], check=True, capture_output=True)
        output = subprocess.run(
            [binary, "-t", str(threads), "-c", str(load.connections), "-d", f"{load.duration_seconds}s",
             "--latency", "-s", script.name, load.url], check=True, capture_output=True, text=True).stdout
    finally:
        Path(script.name).unlink()
        Path(warmup.name).unlink()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return Result(load.name, load.connections, rps, p50, p99, int(non_2xx.group(1)) if non_2xx else 0,
                  sum(int(g) for g in errors.groups()) if errors else 0)
