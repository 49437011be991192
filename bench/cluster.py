"""Cluster benchmark: two API processes and two push workers on one PostgreSQL and one Redis
behave as one service (docs/capacity.md).

Usage: python -m bench.cluster [--residents 400] [--messages 2000] [--concurrency 32]

Processes: API A (the harness's service, 1 worker) and API B (a second ``python -m app serve
--workers 1`` on another port), the WeChat emulator, and, for the push part, two ``python -m app
push-worker`` processes; all on one fresh PostgreSQL database and one Redis database.

1. ``--residents`` residents book one slot, alternately through A and B.
2. A clerk scans every resident's code at once, alternately through A and B, and every fourth code
   a second time through the other process: the queue numbers must be exactly 1..N, a re-scan
   must return its first number.
3. ``--messages`` notice events in the outbox, then the two push workers start (each also runs the
   outbox relay): every event must reach the emulator exactly once (counted by client_msg_id).
Then the average stored row of the outbox, the deliveries and the ledger (2,000 entries appended
through ``services.ledger.append_batch``) is measured for the ten-year estimate.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import time
from collections import Counter
from contextlib import ExitStack

import httpx
import redis

from app.cli.runtime import cli_runtime
from bench import fixtures, harness, results
from bench.appointments import bookable_item, percentile, psql, publish_slots, staff_token
from bench.ledger import transition
from bench.push import (
    delivered_once,
    emit_notices,
    emulator_messages,
    follow_in_emulator,
    record_followers,
    steady_rate,
    wait_for_messages,
)
from services import ledger

RATE_LIMIT = 1_000_000
LEDGER_ENTRIES = 2_000
SCAN_ATTEMPTS = 5
# Tables of the ten-year estimate (docs/capacity.md): the row's own bytes, and the table with its
# indexes and TOAST per row.
SIZED_TABLES = ("users", "appointments", "outbox_events", "push_deliveries", "ledger_entries",
                "ledger_nodes")


async def book_everyone(apis: list[str], tokens: list[str], item_id: str, slot_id: str,
                        concurrency: int) -> Counter:
    """Resident i books the slot through API i mod 2; returns the outcomes."""
    gate = asyncio.Semaphore(concurrency)
    clients = [httpx.AsyncClient(base_url=url, timeout=120) for url in apis]

    async def book(n: int, token: str) -> int | str:
        async with gate:
            answer = await clients[n % 2].post(
                "/api/v1/appointments", json={"item_id": item_id, "slot_id": slot_id},
                headers={"authorization": f"Bearer {token}", "idempotency-key": f"cluster-{n:08d}"})
        return answer.status_code if answer.status_code < 400 else answer.json()["error"]["code"]

    try:
        return Counter(await asyncio.gather(*(book(n, t) for n, t in enumerate(tokens))))
    finally:
        for client in clients:
            await client.aclose()


async def qr_tokens(api: str, tokens: list[str]) -> list[str]:
    """The QR token of each resident's one booking."""
    async with httpx.AsyncClient(base_url=api, timeout=120) as http:
        pages = await asyncio.gather(*(http.get("/api/v1/appointments", headers={
            "authorization": f"Bearer {t}"}) for t in tokens))
    return [page.json()["items"][0]["qr_token"] for page in pages]


async def scan_everyone(apis: list[str], clerk: str, hall_id: str, codes: list[str],
                        concurrency: int, statuses: Counter) -> tuple[list[tuple[int, int, bool, float]], float]:
    """Code i is scanned through API i mod 2, every fourth also through the other one, all at
    once; returns (code index, queue number, repeated, ms) per scan and the seconds taken; every
    answer's status is counted in ``statuses``."""
    gate = asyncio.Semaphore(concurrency)
    clients = [httpx.AsyncClient(base_url=url, timeout=120) for url in apis]
    scans = [(n, n % 2) for n in range(len(codes))] + [(n, 1 - n % 2) for n in range(0, len(codes), 4)]

    async def scan(n: int, via: int) -> tuple[int, int, bool, float]:
        # A refused scan (a 5xx) is scanned again, as a clerk would; each one is counted.
        for _ in range(SCAN_ATTEMPTS):
            async with gate:
                began = time.perf_counter()
                answer = await clients[via].post(f"/api/v1/halls/{hall_id}/check-ins",
                                                 json={"token": codes[n]},
                                                 headers={"authorization": f"Bearer {clerk}"})
                elapsed = (time.perf_counter() - began) * 1000
            statuses[answer.status_code] += 1
            if answer.status_code < 500:
                break
        answer.raise_for_status()
        body = answer.json()
        return n, body["queue_number"], body["repeated"], elapsed

    try:
        began = time.perf_counter()
        outcomes = await asyncio.gather(*(scan(n, via) for n, via in scans))
        return outcomes, time.perf_counter() - began
    finally:
        for client in clients:
            await client.aclose()


def queue_number_audit(outcomes: list[tuple[int, int, bool, float]], residents: int) -> dict:
    """Each code's numbers agree across its scans; the codes' numbers are exactly 1..N."""
    numbers: dict[int, set[int]] = {}
    for n, number, _, _ in outcomes:
        numbers.setdefault(n, set()).add(number)
    inconsistent = sum(1 for seen in numbers.values() if len(seen) != 1)
    first = Counter(min(seen) for seen in numbers.values())
    return {"duplicates": sum(c - 1 for c in first.values() if c > 1), "inconsistent": inconsistent,
            "gapless": sorted(first) == list(range(1, residents + 1)),
            "repeated": sum(1 for *_, repeated, _ in outcomes if repeated)}


def row_sizes(url: str) -> list[tuple[str, int, float, float]]:
    """(table, rows, average row bytes by pg_column_size, total bytes per row with indexes)."""
    sizes = []
    for table in SIZED_TABLES:
        row = psql(url, f"SELECT count(*), coalesce(avg(pg_column_size(t.*)), 0), "
                        f"pg_total_relation_size('{table}') FROM {table} t")
        count, average, total = row.split("|")
        sizes.append((table, int(count), float(average), int(total) / max(int(count), 1)))
    return sizes


def queue_job_bytes(redis_url: str, sample: int = 200) -> tuple[int, float]:
    """(jobs sampled, average ``MEMORY USAGE`` in bytes) of the push queue's job records (saq
    keeps a finished job for a while; reminders wait queued until due): what a job costs Redis."""
    client = redis.Redis.from_url(redis_url)
    try:
        keys = list(itertools.islice(client.scan_iter(match="saq:job:push:*", count=1000), sample))
        sizes = [client.memory_usage(key) or 0 for key in keys]
    finally:
        client.close()
    return len(sizes), (sum(sizes) / len(sizes) if sizes else 0.0)


async def append_ledger(settings, count: int) -> None:
    """``count`` ledger entries, the ledger bench's record, 1,000 per transaction."""
    async with cli_runtime(settings):
        for start in range(0, count, 1000):
            await ledger.append_batch(records=[("application_transition", transition(n))
                                               for n in range(start, min(start + 1000, count))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=400)
    parser.add_argument("--messages", type=int, default=2_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--max-seconds", type=float, default=600)
    args = parser.parse_args()

    # Codes are scanned days before their slot (slots start two days ahead or later).
    env = {"HDT_CHECKIN_EARLY_MINUTES": str(60 * 24 * 20), "HDT_PUSH_RATE_PER_SECOND": str(RATE_LIMIT)}
    with harness.service(workers=1, extra_env=env, emulators=True) as stack, ExitStack() as others:
        port = harness.free_port()
        second = f"http://127.0.0.1:{port}"
        others.enter_context(harness.process(
            [sys.executable, "-m", "app", "serve", "--port", str(port), "--workers", "1"], stack.env,
            f"{second}/readyz"))
        apis = [stack.base_url, second]
        settings = fixtures.settings_of(stack.env)
        wechat_url = stack.env["HDT_WECHAT_API_BASE_URL"]
        httpx.post(f"{wechat_url}/_emulator/limits", json={"send_rate_per_second": RATE_LIMIT}).raise_for_status()

        async def prepare() -> tuple[str, str, str, str]:
            async with httpx.AsyncClient(base_url=apis[0], timeout=120) as http:
                manager = await staff_token(http, "manager", "manager-demo-pass")
                hall_id, item_id, group = bookable_item(stack.database_url, "HD-CENTER")
                slot = (await publish_slots(http, manager, hall_id, group, args.residents))[0][0]
                clerk = await staff_token(http, "clerk", "clerk-demo-pass")
                return hall_id, item_id, slot["id"], clerk

        hall_id, item_id, slot_id, clerk = asyncio.run(prepare())
        tokens = fixtures.resident_tokens(stack.env, args.residents, realname=True)
        booked = asyncio.run(book_everyone(apis, tokens, item_id, slot_id, args.concurrency))
        codes = asyncio.run(qr_tokens(apis[1], tokens))
        statuses: Counter = Counter()
        scans, scan_seconds = asyncio.run(scan_everyone(apis, clerk, hall_id, codes, args.concurrency, statuses))
        audit = queue_number_audit(scans, len(codes))
        stored = psql(stack.database_url, "SELECT count(*), count(DISTINCT queue_number) FROM appointments "
                                          f"WHERE slot_id = '{slot_id}' AND status = 'checked_in'")

        print(f"check-in: {dict(booked)} {audit} {dict(statuses)} stored {stored}", flush=True)
        follow_in_emulator(wechat_url, args.messages)
        user_ids = asyncio.run(record_followers(settings, args.messages, args.messages))
        asyncio.run(emit_notices(settings, user_ids))
        command = [sys.executable, "-m", "app", "push-worker", "--concurrency", "4"]
        base = emulator_messages(wechat_url)
        began = time.perf_counter()
        for _ in range(2):
            others.enter_context(harness.process(command, stack.env, ready_output="push worker:"))
        samples = wait_for_messages(wechat_url, base + args.messages, args.max_seconds)
        push_seconds = time.perf_counter() - began
        time.sleep(5)  # a repeat sent late would show in the count below
        repeats, held = delivered_once(wechat_url)
        deliveries = psql(stack.database_url, "SELECT count(*), count(DISTINCT event_id) FROM push_deliveries "
                                              "WHERE event_type = 'notice'")
        print(f"push: {push_seconds:.1f} s {dict(repeats)} {held} {deliveries}", flush=True)
        job_sample, job_bytes = queue_job_bytes(stack.env["REDIS_URL"])
        asyncio.run(append_ledger(settings, LEDGER_ENTRIES))
        sizes = row_sizes(stack.database_url)

    scan_ms = [ms for *_, ms in scans]
    size_rows = "\n".join(f"| {table} | {count:,} | {average:.0f} | {total:.0f} |"
                          for table, count, average, total in sizes)
    body = (
        f"2 API processes (`serve --workers 1` each, A and B), 2 `push-worker --concurrency 4` processes "
        "(each also running the outbox relay), the WeChat emulator; one PostgreSQL database, one Redis "
        "database, httpx clients on the same machine.\n\n"
        f"**Check-in across both API processes.** {args.residents} residents book one slot (resident i "
        f"through A or B by i mod 2): {dict(booked)}. A clerk then scans every code at once "
        f"({args.concurrency} in flight), code i through A or B by i mod 2 and every fourth code a "
        f"second time through the other process: {len(scans)} scans in {scan_seconds:.1f} s "
        f"({len(scans) / scan_seconds:,.0f}/s, p50 {percentile(scan_ms, 0.5):.0f} ms, p99 "
        f"{percentile(scan_ms, 0.99):.0f} ms; answers by status, rescans of a 5xx included: "
        f"{dict(statuses)}). Queue numbers: duplicate "
        f"**{audit['duplicates']}**, codes answered two different numbers **{audit['inconsistent']}**, "
        f"numbers exactly 1..{args.residents}: **{'yes' if audit['gapless'] else 'no'}**, re-scans "
        f"answered `repeated` {audit['repeated']}. In the database: checked-in bookings and distinct "
        f"queue numbers {stored.replace('|', ' and ')}.\n\n"
        f"**Push through two workers.** {args.messages:,} `notice` events in the outbox, then both "
        f"push workers start: all {args.messages:,} at the emulator in {push_seconds:.1f} s "
        f"(steady {steady_rate(samples):,.0f} messages/s, start-up included in the total). Times "
        f"each client_msg_id arrived → messages: {dict(repeats)} ({held:,} template messages held, "
        "5 s after the last); notice deliveries and distinct events in the database: "
        f"{deliveries.replace('|', ' and ')}. A queued message's job record in Redis: "
        f"{job_bytes:,.0f} bytes (`MEMORY USAGE`, average of {job_sample} `saq:job:push:*` keys).\n\n"
        f"**Row sizes** after the run (plus {LEDGER_ENTRIES:,} ledger entries appended with "
        "`append_batch`, the ledger bench's record): average `pg_column_size` of a row, and "
        "`pg_total_relation_size` (heap, TOAST, indexes) per row:\n\n"
        "| table | rows | bytes per row (pg_column_size) | bytes per row with indexes |\n|---|---|---|---|\n"
        + size_rows)
    results.write_section("Cluster: two API processes and two push workers as one",
                          f"python -m bench.cluster --residents {args.residents} --messages {args.messages} "
                          f"--concurrency {args.concurrency}", body)
    print(body)


if __name__ == "__main__":
    main()
