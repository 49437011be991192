"""Slot release at district scale: many residents racing for one slot, answered by the admission gate.

Usage: python -m bench.release [--residents 10000] [--seats 500] [--concurrency 256]
       [--arrival-rates 250,333,500,1000,2000] [--open-connections 512] [--duration 10]

The service runs with 2 worker processes on PostgreSQL + Redis (the admission gate on, as in
production; docs/release.md). In one run, each race with its own slot and residents:

1. The closed-loop race: every resident posts one booking for the same slot of ``--seats`` seats
   over ``--concurrency`` keep-alive connections of a small raw HTTP/1.1 client, each sending the
   next when the last is answered; latency from the write to the answer.
2. One open-loop race per arrival rate: resident i taps at i / rate seconds whatever the answers
   so far; latency from the tap. Winners (201) and losers (409 APPOINTMENT_SLOT_FULL) are reported
   apart in every race. 333/s is the scale issue #26 names (20,000 residents opening the
   mini-program in the minute slots are released); the others show the margin either side.
3. The uncontended ceiling, right after on the same service: wrk books spread slots (resident i,
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
import uvloop

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


def _requests(host: str, port: str, tokens: list[str], item_id: str, slot_id: str,
              key_prefix: str) -> list[bytes]:
    body = json.dumps({"item_id": item_id, "slot_id": slot_id}).encode()
    return [f"POST /api/v1/appointments HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Authorization: Bearer {token}\r\nIdempotency-Key: {key_prefix}-{n:08d}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
            for n, token in enumerate(tokens)]


class _Tally:
    """Answers by outcome, and each one's latency in ms."""

    def __init__(self) -> None:
        self.outcomes: Counter = Counter()
        self.latencies: dict[str, list[float]] = {}

    def add(self, status: int, body: bytes, elapsed_ms: float) -> None:
        outcome = ("winner" if status == 201 else "5xx" if status >= 500
                   else json.loads(body)["error"]["code"])
        self.outcomes[outcome] += 1
        self.latencies.setdefault(outcome, []).append(elapsed_ms)


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    payload: bytes) -> tuple[int, bytes]:
    writer.write(payload)
    head = await reader.readuntil(b"\r\n\r\n")
    match = re.search(rb"(?i)content-length: *(\d+)", head)
    assert match is not None, head
    return int(head.split(b" ", 2)[1]), await reader.readexactly(int(match.group(1)))


async def race(base_url: str, tokens: list[str], item_id: str, slot_id: str,
               concurrency: int) -> tuple[_Tally, float]:
    """Closed loop: every resident books the slot once over ``concurrency`` keep-alive
    connections, each sending its next request when the last is answered; latency from the
    write to the answer (as wrk measures). A raw HTTP/1.1 client: httpx on the same two cores
    spent more CPU per request than the gate's answer costs the server."""
    host, port = base_url.removeprefix("http://").split(":")
    pending = iter(_requests(host, port, tokens, item_id, slot_id, "release"))
    tally = _Tally()

    async def connection() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            for payload in pending:
                began = time.perf_counter()
                status, body = await _exchange(reader, writer, payload)
                tally.add(status, body, (time.perf_counter() - began) * 1000)
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    return tally, time.perf_counter() - began


async def arrivals(base_url: str, tokens: list[str], item_id: str, slot_id: str, rate: float,
                   connections: int) -> tuple[_Tally, float]:
    """Open loop: resident i taps "book" at i / ``rate`` seconds whether or not earlier ones were
    answered (residents on their own phones do not wait for each other); latency from that
    moment to the answer, so time spent waiting for a free client connection counts (no
    coordinated omission, as wrk2 measures)."""
    host, port = base_url.removeprefix("http://").split(":")
    payloads = _requests(host, port, tokens, item_id, slot_id, f"release-open-{rate:g}")
    due: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
    tally = _Tally()
    opened = [await asyncio.open_connection(host, int(port)) for _ in range(connections)]

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            scheduled, payload = await due.get()
            status, body = await _exchange(reader, writer, payload)
            tally.add(status, body, (time.perf_counter() - scheduled) * 1000)
            due.task_done()

    senders = [asyncio.create_task(connection(*pair)) for pair in opened]
    began = time.perf_counter()
    for n, payload in enumerate(payloads):
        scheduled = began + n / rate
        if (wait := scheduled - time.perf_counter()) > 0:
            await asyncio.sleep(wait)
        due.put_nowait((scheduled, payload))
    await due.join()
    elapsed = time.perf_counter() - began
    for sender in senders:
        sender.cancel()
    for _, writer in opened:
        writer.close()
    return tally, elapsed


def _rows(label: str, tally: _Tally) -> list[str]:
    rows = []
    for outcome, target in (("winner", TARGET_WINNER_P99_MS), ("APPOINTMENT_SLOT_FULL", TARGET_LOSER_P99_MS)):
        values = tally.latencies.get(outcome, [])
        if len(values) >= 2:
            p99 = percentile(values, 0.99)
            rows.append(f"| {label} | {'winners (201)' if outcome == 'winner' else 'losers (409 ' + outcome + ')'} | "
                        f"{len(values):,} | {percentile(values, 0.5):.1f} | {p99:.1f} | {max(values):.1f} | "
                        f"{target} ms: {'met' if p99 < target else 'not met'} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=10_000)
    parser.add_argument("--seats", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=256)
    parser.add_argument("--arrival-rates", default="250,333,500,1000,2000",
                        help="residents per second of the open-loop races, comma-separated")
    parser.add_argument("--open-connections", type=int, default=512,
                        help="keep-alive connections the open-loop client sends on")
    parser.add_argument("--uncontended", type=int, default=6_000,
                        help="residents for the wrk run, more than it can book in --duration")
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()
    rates = [float(rate) for rate in args.arrival_rates.split(",") if rate]

    # The production pool size (app/db.py): this bench runs no pgbench beside the service.
    with harness.service(workers=2) as stack:
        async def prepare() -> tuple[str, list[dict], list[dict]]:
            async with httpx.AsyncClient(base_url=stack.base_url, timeout=120) as http:
                manager = await staff_token(http, "manager", "manager-demo-pass")
                hall_id, item_id, group = bookable_item(stack.database_url, "HD-CENTER")
                raced, spread = await publish_slots(http, manager, hall_id, group, args.seats)
                return item_id, raced, spread

        item_id, raced, spread = asyncio.run(prepare())
        assert len(raced) > len(rates), "a raced slot for each race"
        spread_ids = [s["id"] for s in spread]
        warmup = max(args.uncontended // 5, 100)
        # Each race has its own slot and residents: a winner of one would be refused in the next
        # as already booked for the item.
        racers = [fixtures.resident_tokens(stack.env, args.residents, realname=True)
                  for _ in range(1 + len(rates))]
        calm_tokens, warmup_tokens = (fixtures.resident_tokens(stack.env, args.uncontended, realname=True),
                                      fixtures.resident_tokens(stack.env, warmup, realname=True))
        # The client on uvloop, as the server: less of the two cores goes to the client.
        races = [(f"closed loop, {args.concurrency} connections",
                  *uvloop.run(race(stack.base_url, racers[0], item_id, raced[0]["id"], args.concurrency)))]
        for n, rate in enumerate(rates, start=1):
            races.append((f"open loop, {rate:,.0f} residents/s",
                          *uvloop.run(arrivals(stack.base_url, racers[n], item_id, raced[n]["id"], rate,
                                               args.open_connections))))
        booked_seats = [int(psql(stack.database_url, f"SELECT booked FROM slots WHERE id = '{slot['id']}'"))
                        for slot in raced[:len(races)]]
        calm = wrk.run(wrk.Load(f"POST /api/v1/appointments (uncontended, {len(spread_ids)} slots, wrk)",
                                stack.base_url, connections=64, duration_seconds=args.duration,
                                lua=booking_script(item_id, spread_ids, calm_tokens, "release-calm"),
                                warmup_lua=booking_script(item_id, spread_ids, warmup_tokens,
                                                          "release-warmup")))
        calm_booked = int(psql(stack.database_url, "SELECT count(*) FROM appointments "
                                                   "WHERE idempotency_key LIKE 'release-calm-%'"))
        audit = seat_audit(stack.database_url)

    rows = ["| race | answers | count | p50 ms | p99 ms | max ms | target p99 |", "|---|---|---|---|---|---|---|"]
    for label, tally, _ in races:
        rows += _rows(label, tally)
    summary = "\n".join(
        f"- {label}: all {sum(tally.outcomes.values()):,} answered in {seconds:.1f} s "
        f"({sum(tally.outcomes.values()) / seconds:,.0f} requests/s); other answers: "
        f"{ {k: v for k, v in tally.outcomes.items() if k not in ('winner', 'APPOINTMENT_SLOT_FULL')} or 'none'}; "
        f"seats booked: {booked} of {args.seats}"
        for (label, tally, seconds), booked in zip(races, booked_seats, strict=True))
    body = (f"The release race: {args.residents:,} residents post one booking each for one slot of "
            f"{args.seats} seats, against 2 worker processes on PostgreSQL + Redis with the admission "
            "gate on (docs/release.md), from a raw HTTP/1.1 client in one Python process on the same "
            "machine. Two ways of sending, each race with its own slot and residents: a **closed loop** "
            f"({args.concurrency} keep-alive connections, each sending its next resident when the last "
            "is answered: the latency is the server's queue at that concurrency), and an **open loop** "
            "(resident i taps at i / rate seconds whatever the answers so far, as residents on their own "
            f"phones do; {args.open_connections} connections; latency from the tap, waiting for a free "
            "connection included):\n\n" + "\n".join(rows) + "\n\n" + summary
            + f"\n\nAudit of all {audit['slots']} slots: {audit['over_capacity']} over capacity, "
            f"{audit['mismatched']} whose counter differs from their bookings, **oversold: "
            f"{audit['oversold']}**.\n\nThe uncontended booking ceiling in the same run (wrk, 64 "
            f"connections, resident i books slot i mod {len(spread_ids)}): {calm_booked:,} bookings in "
            f"{args.duration} s, {calm_booked / args.duration:,.0f}/s.\n\n" + results.table([calm], None))
    results.write_section("Slot release: the race through the admission gate",
                          f"python -m bench.release --residents {args.residents} --seats {args.seats} "
                          f"--concurrency {args.concurrency} --arrival-rates {args.arrival_rates} "
                          f"--open-connections {args.open_connections} --uncontended {args.uncontended} "
                          f"--duration {args.duration}", body)
    print(body)


if __name__ == "__main__":
    main()
