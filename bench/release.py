"""Slot release at district scale: many residents racing for one slot, answered by the admission gate.

Usage: python -m bench.release [--residents 10000] [--seats 500] [--concurrency 256] [--duration 10]

The service runs with 2 worker processes on PostgreSQL + Redis (the admission gate on, as in
production; docs/release.md). In one run:

1. The race: every resident posts one booking for the same slot of ``--seats`` seats at once
   (``--concurrency`` keep-alive connections of a small raw HTTP/1.1 client). Latency is measured
   per request from its write to its answer; winners (201) and losers (409
   APPOINTMENT_SLOT_FULL) are reported apart.
2. The uncontended ceiling, right after on the same service: wrk books spread slots (resident i,
   slot i mod N, as bench/appointments.py), so bookings rarely share a row.

The client runs on the same cores as the service and PostgreSQL, so its own CPU is part of
every latency figure here; the load average says how busy the machine was besides.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import time
from collections import Counter

import httpx

from bench import fixtures, harness, results, wrk
from bench.appointments import (
    bookable_item,
    booking_script,
    percentile,
    psql,
    publish_slots,
    seat_audit,
    staff_token,
)

TARGET_LOSER_P99_MS, TARGET_WINNER_P99_MS = 50, 300


async def _connection(host: str, port: int, requests: asyncio.Queue, outcomes: Counter,
                      latencies: dict[str, list[float]]) -> None:
    """One keep-alive connection sending the queued requests one after another, timing each from
    its write to the end of its answer (as wrk does)."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while not requests.empty():
            payload = requests.get_nowait()
            began = time.perf_counter()
            writer.write(payload)
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
            body = await reader.readexactly(length)
            elapsed = (time.perf_counter() - began) * 1000
            status = int(head.split(b" ", 2)[1])
            outcome = ("winner" if status == 201 else "5xx" if status >= 500
                       else json.loads(body)["error"]["code"])
            outcomes[outcome] += 1
            latencies.setdefault(outcome, []).append(elapsed)
    finally:
        writer.close()


async def race(base_url: str, tokens: list[str], item_id: str, slot_id: str,
               concurrency: int) -> tuple[Counter, dict[str, list[float]], float]:
    """Every resident books the slot once over ``concurrency`` keep-alive connections; returns
    (outcomes, latencies in ms by outcome, seconds). A raw HTTP/1.1 client: httpx on the same
    two cores spent more CPU per request than the gate's answer costs the server."""
    host, port = base_url.removeprefix("http://").split(":")
    body = json.dumps({"item_id": item_id, "slot_id": slot_id}).encode()
    requests: asyncio.Queue = asyncio.Queue()
    for n, token in enumerate(tokens):
        requests.put_nowait(
            f"POST /api/v1/appointments HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Authorization: Bearer {token}\r\nIdempotency-Key: release-{n:08d}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
    outcomes: Counter = Counter()
    latencies: dict[str, list[float]] = {}
    began = time.perf_counter()
    await asyncio.gather(*(_connection(host, int(port), requests, outcomes, latencies)
                           for _ in range(concurrency)))
    return outcomes, latencies, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=10_000)
    parser.add_argument("--seats", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=256)
    parser.add_argument("--uncontended", type=int, default=6_000,
                        help="residents for the wrk run, more than it can book in --duration")
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()

    with harness.service(workers=2, pool_size=16) as stack:
        async def prepare() -> tuple[str, dict, list[dict]]:
            async with httpx.AsyncClient(base_url=stack.base_url, timeout=120) as http:
                manager = await staff_token(http, "manager", "manager-demo-pass")
                hall_id, item_id, group = bookable_item(stack.database_url, "HD-CENTER")
                raced, spread = await publish_slots(http, manager, hall_id, group, args.seats)
                return item_id, raced, spread

        item_id, raced, spread = asyncio.run(prepare())
        spread_ids = [s["id"] for s in spread]
        warmup = max(args.uncontended // 5, 100)
        tokens = fixtures.resident_tokens(stack.env, args.residents + args.uncontended + warmup,
                                          realname=True)
        racers, calm_tokens, warmup_tokens = (tokens[:args.residents],
                                              tokens[args.residents:args.residents + args.uncontended],
                                              tokens[args.residents + args.uncontended:])
        outcomes, latencies, seconds = asyncio.run(
            race(stack.base_url, racers, item_id, raced["id"], args.concurrency))
        booked_seats = int(psql(stack.database_url, f"SELECT booked FROM slots WHERE id = '{raced['id']}'"))
        calm = wrk.run(wrk.Load(f"POST /api/v1/appointments (uncontended, {len(spread_ids)} slots, wrk)",
                                stack.base_url, connections=64, duration_seconds=args.duration,
                                lua=booking_script(item_id, spread_ids, calm_tokens, "release-calm"),
                                warmup_lua=booking_script(item_id, spread_ids, warmup_tokens,
                                                          "release-warmup")))
        calm_booked = int(psql(stack.database_url, "SELECT count(*) FROM appointments "
                                                   "WHERE idempotency_key LIKE 'release-calm-%'"))
        audit = seat_audit(stack.database_url)

    rows = ["| answers | count | p50 ms | p99 ms | max ms | target p99 |", "|---|---|---|---|---|---|"]
    for outcome, target in (("winner", TARGET_WINNER_P99_MS), ("APPOINTMENT_SLOT_FULL", TARGET_LOSER_P99_MS)):
        values = latencies.get(outcome, [])
        if len(values) >= 2:
            rows.append(f"| {'winners (201)' if outcome == 'winner' else 'losers (409 ' + outcome + ')'} | "
                        f"{len(values):,} | {percentile(values, 0.5):.1f} | {percentile(values, 0.99):.1f} | "
                        f"{max(values):.1f} | {target} ms |")
    others = {k: v for k, v in outcomes.items() if k not in ("winner", "APPOINTMENT_SLOT_FULL")}
    body = (f"The release race: {args.residents:,} residents post one booking each for one slot of "
            f"{args.seats} seats over {args.concurrency} keep-alive connections (a raw HTTP/1.1 client in "
            "one Python process on the same machine), against "
            f"2 worker processes on PostgreSQL + Redis with the admission gate on (docs/release.md). "
            f"All answered in {seconds:.1f} s ({args.residents / seconds:,.0f} requests/s):\n\n"
            + "\n".join(rows)
            + f"\n\nOther answers: {others or 'none'}. Seats booked in the raced slot: {booked_seats} of "
            f"{args.seats}; audit of all {audit['slots']} slots: {audit['over_capacity']} over capacity, "
            f"{audit['mismatched']} whose counter differs from their bookings, **oversold: "
            f"{audit['oversold']}**.\n\nThe uncontended booking ceiling in the same run (wrk, 64 "
            f"connections, resident i books slot i mod {len(spread_ids)}): {calm_booked:,} bookings in "
            f"{args.duration} s, {calm_booked / args.duration:,.0f}/s.\n\n" + results.table([calm], None))
    results.write_section("Slot release: the race through the admission gate",
                          f"python -m bench.release --residents {args.residents} --seats {args.seats} "
                          f"--concurrency {args.concurrency} --uncontended {args.uncontended} "
                          f"--duration {args.duration}", body)
    print(body)


if __name__ == "__main__":
    main()
