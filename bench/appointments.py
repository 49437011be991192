"""Appointments benchmark: booking under contention and uncontended, check-in verification.

Usage: python -m bench.appointments [--residents 1000] [--seats 50] [--uncontended 10000]
Booking runs with 2 workers on PostgreSQL + Redis; pgbench runs the equivalent SQL transaction
(conditional seat update + appointment insert + outbox insert) on the same server as the
database's ceiling. The race (every resident once, for few seats) is driven by httpx; the
uncontended rate, the one compared with pgbench, by wrk (a Lua script: one new resident and key
per request; its warm-up books another slot with residents of its own), since an httpx load
generator on the same cores takes much of the CPU it measures. Check-in verification runs
against a 1-worker service.
Needs a working day before 22:00 Beijing time (the slots are placed later today).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import httpx

from app.ids import SHANGHAI
from bench import fixtures, harness, results, wrk

# The API's transaction in the same order, over ``slots`` slot rows: on one row (as the API's
# uncontended run books one slot) every transaction waits for its lock from UPDATE to COMMIT.
PGBENCH_SCRIPT = """\\set slot random(1, {slots})
\\set resident random(1, 100000000)
BEGIN;
INSERT INTO bench_appointments (slot_id, resident_id, idempotency_key, status, created_at)
  VALUES (:slot, :resident, md5(random()::text), 'booked', now());
INSERT INTO bench_outbox (event_type, aggregate_id, payload, created_at)
  VALUES ('appointment.confirmed', :resident, '{{"slot": 1}}', now());
UPDATE bench_slots SET booked = booked + 1 WHERE id = :slot AND booked < capacity;
COMMIT;
"""
PGBENCH_SLOT_ROWS = (1, 50)
PGBENCH_SCHEMA = """
CREATE TABLE bench_slots (id int PRIMARY KEY, capacity int NOT NULL, booked int NOT NULL);
INSERT INTO bench_slots SELECT g, 100000000, 0 FROM generate_series(1, 50) g;
CREATE TABLE bench_appointments (id bigserial PRIMARY KEY, slot_id int REFERENCES bench_slots,
  resident_id bigint, idempotency_key text UNIQUE, status text, created_at timestamptz);
CREATE TABLE bench_outbox (id bigserial PRIMARY KEY, event_type text, aggregate_id text,
  payload jsonb, created_at timestamptz);
"""


def pgbench_ceiling(connections: int, seconds: int, slots: int) -> float:
    """Transactions/s of the equivalent booking transaction over ``slots`` rows, straight on PostgreSQL."""
    with harness.fresh_database() as url:
        subprocess.run(["psql", "-q", url, "-c", PGBENCH_SCHEMA], check=True)
        with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
            script.write(PGBENCH_SCRIPT.format(slots=slots))
        output = subprocess.run(["pgbench", "-n", "-c", str(connections), "-j", "2", "-T", str(seconds),
                                 "-f", script.name, url], check=True, capture_output=True, text=True).stdout
        Path(script.name).unlink()
    line = next(l for l in output.splitlines() if l.startswith("tps"))
    return float(line.split("=")[1].split()[0])


async def staff_token(http: httpx.AsyncClient, username: str, password: str) -> str:
    response = await http.post("/api/v1/auth/staff/login", json={"username": username, "password": password})
    response.raise_for_status()
    return response.json()["access_token"]


async def bookable_item(http: httpx.AsyncClient, hall_code: str) -> tuple[str, str, str]:
    """(hall id, item id, appointment group) of a demo item bookable at the hall."""
    halls = (await http.get("/api/v1/catalog/halls")).json()
    hall = next(h for h in (halls["items"] if isinstance(halls, dict) else halls) if h["code"] == hall_code)
    page = (await http.get("/api/v1/catalog/items", params={"hall_id": hall["id"], "limit": 100})).json()
    for summary in page["items"]:
        detail = (await http.get(f"/api/v1/catalog/items/{summary['id']}")).json()
        if detail.get("appointment_group"):
            return hall["id"], detail["id"], detail["appointment_group"]
    raise RuntimeError("no bookable demo item")


async def publish_slots(http: httpx.AsyncClient, manager: str, hall_id: str, group: str,
                        windows: list[tuple[datetime, int]]) -> list[dict]:
    """Templates for today's windows, materialised; returns today's slots in window order."""
    headers = {"authorization": f"Bearer {manager}"}
    for start, capacity in windows:
        body = {"appointment_group": group, "weekday": start.isoweekday(), "start": start.strftime("%H:%M"),
                "end": (start + timedelta(minutes=30)).strftime("%H:%M"), "capacity": capacity}
        (await http.post(f"/api/v1/halls/{hall_id}/slot-templates", json=body, headers=headers)).raise_for_status()
    (await http.post(f"/api/v1/halls/{hall_id}/slots/materialize", headers=headers)).raise_for_status()
    today = windows[0][0].date().isoformat()
    listed = (await http.get(f"/api/v1/halls/{hall_id}/slots", headers=headers,
                             params={"day_from": today, "day_to": today})).json()["items"]
    by_start = {s["starts_at"][11:16]: s for s in listed}
    return [by_start[start.strftime("%H:%M")] for start, _ in windows]


async def booked_qr_tokens(base_url: str, tokens: list[str]) -> list[str]:
    """The QR token of each resident's (single) booking, for the check-in run."""
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        async def mine(token: str) -> list[dict]:
            response = await http.get("/api/v1/appointments", headers={"authorization": f"Bearer {token}"})
            return response.json()["items"]

        pages = await asyncio.gather(*(mine(t) for t in tokens))
    return [items[0]["qr_token"] for items in pages if items]


async def book_all(base_url: str, tokens: list[str], item_id: str, slot_id: str, concurrency: int):
    """Every resident books once; returns (statuses, latencies in ms, seconds, bodies)."""
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=base_url, timeout=60,
                                 limits=httpx.Limits(max_connections=concurrency)) as http:
        async def book(n: int, token: str):
            async with gate:
                began = time.perf_counter()
                response = await http.post("/api/v1/appointments", json={"item_id": item_id, "slot_id": slot_id},
                                           headers={"authorization": f"Bearer {token}", "idempotency-key": f"bench-booking-{n:08d}"})
                latencies.append((time.perf_counter() - began) * 1000)
                return response

        began = time.perf_counter()
        responses = await asyncio.gather(*[book(n, t) for n, t in enumerate(tokens)])
        elapsed = time.perf_counter() - began
    codes = Counter(r.status_code if r.status_code < 400 else r.json()["error"]["code"] for r in responses)
    return codes, latencies, elapsed, [r.json() for r in responses if r.status_code == 201]


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100)[int(share * 100) - 1]


def booking_row(name: str, count: int, elapsed: float, latencies: list[float], codes: Counter) -> str:
    return (f"| {name} | {count} | {count / elapsed:,.0f} | {percentile(latencies, 0.5):.1f} | "
            f"{percentile(latencies, 0.99):.1f} | {dict(codes)} |")


def booking_script(item_id: str, slot_id: str, tokens: list[str], prefix: str) -> str:
    """wrk Lua: each request books as the next resident with a key of its own (wrapping around
    only when the residents run out: those requests are replays, and the run says so)."""
    listed = ", ".join(json.dumps(t) for t in tokens)
    body = json.dumps({"item_id": item_id, "slot_id": slot_id})
    return (f"tokens = {{{listed}}}\nbody = [==[{body}]==]\ni = 0\nrequest = function()\n  i = i + 1\n"
            "  local n = ((i - 1) % #tokens) + 1\n"
            '  return wrk.format("POST", "/api/v1/appointments", {["Content-Type"] = "application/json", '
            '["Authorization"] = "Bearer " .. tokens[n], '
            f'["Idempotency-Key"] = "{prefix}-" .. n}}, body)\nend\n')


def checkin_script(hall_id: str, clerk: str, tokens: list[str]) -> str:
    bodies = ", ".join(json.dumps(json.dumps({"token": t})) for t in tokens)
    return (f"bodies = {{{bodies}}}\ni = 0\nrequest = function()\n  i = i + 1\n"
            f'  return wrk.format("POST", "/api/v1/halls/{hall_id}/check-ins", '
            f'{{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {clerk}"}}, '
            "bodies[((i - 1) % #bodies) + 1])\nend\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=1000)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--uncontended", type=int, default=10000,
                        help="residents for the wrk run, more than it can book in --duration; "
                             "at most 10,000 (a slot's largest capacity)")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()

    ceilings = {slots: pgbench_ceiling(args.concurrency, args.duration, slots) for slots in PGBENCH_SLOT_ROWS}
    ceiling_tps = ceilings[1]
    now = datetime.now(SHANGHAI).replace(second=0, microsecond=0)
    contended_start = now + timedelta(minutes=60 - now.minute % 30)
    env = {"HDT_CHECKIN_EARLY_MINUTES": "240"}
    with harness.service(workers=2, extra_env=env) as stack:
        async def prepare():
            async with httpx.AsyncClient(base_url=stack.base_url, timeout=60) as http:
                manager = await staff_token(http, "manager", "manager-demo-pass")
                hall_id, item_id, group = await bookable_item(http, "HD-CENTER")
                slots = await publish_slots(http, manager, hall_id, group,
                                            [(contended_start, args.seats),
                                             (contended_start + timedelta(minutes=30), args.uncontended),
                                             (contended_start + timedelta(minutes=60), warmup_residents)])
                return hall_id, item_id, slots

        warmup_residents = max(args.uncontended // 5, 100)
        hall_id, item_id, (race_slot, open_slot, warmup_slot) = asyncio.run(prepare())
        tokens = fixtures.resident_tokens(stack.env, args.residents + args.uncontended + warmup_residents,
                                          realname=True)
        race = asyncio.run(book_all(stack.base_url, tokens[:args.residents], item_id, race_slot["id"],
                                    args.concurrency))
        calm_tokens = tokens[args.residents:args.residents + args.uncontended]
        calm = wrk.run(wrk.Load("POST /api/v1/appointments (uncontended, wrk)", stack.base_url,
                                connections=args.concurrency, duration_seconds=args.duration,
                                lua=booking_script(item_id, open_slot["id"], calm_tokens, "bench-calm"),
                                warmup_lua=booking_script(item_id, warmup_slot["id"],
                                                          tokens[-warmup_residents:], "bench-warmup")))
        async def seats(slot_id: str) -> int:
            async with httpx.AsyncClient(base_url=stack.base_url) as http:
                manager = await staff_token(http, "manager", "manager-demo-pass")
                day = race_slot["day"]
                listed = (await http.get(f"/api/v1/halls/{hall_id}/slots", params={"day_from": day, "day_to": day},
                                         headers={"authorization": f"Bearer {manager}"})).json()["items"]
                return next(s["booked"] for s in listed if s["id"] == slot_id)

        booked_seats = asyncio.run(seats(race_slot["id"]))
        calm_booked = asyncio.run(seats(open_slot["id"]))
        qr_tokens = asyncio.run(booked_qr_tokens(stack.base_url, calm_tokens[:min(500, calm_booked)]))
        clerk = asyncio.run(staff_token(httpx.AsyncClient(base_url=stack.base_url), "clerk", "clerk-demo-pass"))
        # Check-in verification is measured on one worker: a second, 1-worker server process
        # on the same database and Redis.
        port = harness.free_port()
        single_url = f"http://127.0.0.1:{port}"
        with harness.process([sys.executable, "-m", "app", "serve", "--port", str(port), "--workers", "1"],
                             stack.env, f"{single_url}/readyz"):
            checkin = wrk.run(wrk.Load("POST /api/v1/halls/{id}/check-ins (1 worker)", single_url,
                                       connections=64, duration_seconds=args.duration,
                                       lua=checkin_script(hall_id, clerk, qr_tokens)))
    oversold = max(0, booked_seats - args.seats) + max(0, race[0].get(201, 0) - args.seats)
    rows = ["| run | requests | requests/s | p50 ms | p99 ms | outcomes |", "|---|---|---|---|---|---|",
            booking_row(f"{args.residents} residents race for {args.seats} seats", args.residents,
                        race[2], race[1], race[0])]
    # Bookings made, not requests answered: a replay after the residents ran out is no booking.
    calm_rps = calm_booked / args.duration
    wrapped = (f" The {args.uncontended:,} residents ran out, so later requests were replays: "
               "rerun with a larger --uncontended." if calm_booked >= args.uncontended else "")
    body = (f"Booking: 2 workers, PostgreSQL + Redis, {args.concurrency} concurrent clients, each resident "
            "books once with its own Idempotency-Key. The race, driven by httpx on the same machine:\n\n"
            + "\n".join(rows)
            + f"\n\nUncontended, driven by wrk (one slot with room for all): {calm_booked:,} bookings "
            f"in {args.duration} s.{wrapped}\n\n" + results.table([calm], None)
            + f"\n\npgbench, the equivalent transaction (appointment + outbox insert + seat update), "
            f"{args.concurrency} clients, {args.duration} s: {ceiling_tps:,.0f} tps on one slot row as "
            f"above, {ceilings[50]:,.0f} tps spread over 50 rows (no row waits for another). "
            f"API uncontended booking / pgbench on one row: {calm_rps / ceiling_tps:.0%} (target ≥ 30 %); "
            f"against the 50-row figure {calm_rps / ceilings[50]:.0%}. "
            f"Seats booked in the raced slot: {booked_seats} of {args.seats}; oversold: {oversold}.\n\n"
            f"Check-in verification: 1 worker, a clerk scanning {len(qr_tokens)} codes in rotation "
            "(the first scan of each assigns its queue number, later scans verify and return it):\n\n"
            + results.table([checkin], None)
            + f"\n\nCheck-in: {checkin.requests_per_second:,.0f}/s (target ≥ 2,000/s with 1 worker).")
    results.write_section("Appointments: booking and check-in", "python -m bench.appointments "
                          f"--residents {args.residents} --seats {args.seats} --uncontended {args.uncontended} "
                          f"--concurrency {args.concurrency} --duration {args.duration}", body)
    print(body)


if __name__ == "__main__":
    main()
