"""Write one section of bench/RESULTS.md, replacing an earlier section of the same title."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from bench.harness import machine_description
from bench.wrk import Result

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nEach section is rewritten by the command it names.\n"
RoundT = TypeVar("RoundT")


def median_round(rounds: list[RoundT], ratio: Callable[[RoundT], float]) -> RoundT:
    """The round whose ratio is the median (the upper one of an even count): benches that
    alternate a ceiling and a measured run report this round, and list every round."""
    return sorted(rounds, key=ratio)[len(rounds) // 2]


def table(results: list[Result], ceiling_rps: float | None) -> str:
    rows = ["| endpoint | connections | requests/s | p50 ms | p99 ms | vs ceiling | non-2xx | socket errors |",
            "|---|---|---|---|---|---|---|---|"]
    for r in results:
        ratio = f"{r.requests_per_second / ceiling_rps:.0%}" if ceiling_rps else "—"
        rows.append(f"| {r.name} | {r.connections} | {r.requests_per_second:,.0f} | {r.p50_ms:.2f} | "
                    f"{r.p99_ms:.2f} | {ratio} | {r.non_2xx} | {r.errors} |")
    return "\n".join(rows)


def write_section(title: str, command: str, body: str) -> None:
    """Replace (or add) ``## title`` in RESULTS.md with the figures, machine, date and command."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    # Other work on the same cores moves every figure; the load says how much there was.
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    section = (f"## {title}\n\n- date: {stamp}\n- machine: {machine_description()}\n"
               f"- load average (1, 5, 15 min) when the run ended: {load}\n"
               f"- command: `{command}`\n\n{body.strip()}\n")
    text = RESULTS.read_text() if RESULTS.exists() else HEADER
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    RESULTS.write_text(text)
