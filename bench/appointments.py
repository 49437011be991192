"""Appointments benchmark: booking under contention and uncontended, check-in verification.

Usage: python -m bench.appointments [--residents 1000] [--seats 50] [--uncontended 10000]
Booking runs with 2 workers on PostgreSQL + Redis. The race (every resident once, for the seats
of one slot) is driven by httpx. The uncontended run is driven by wrk (an httpx load generator
on the same cores takes much of the CPU it measures): resident i books spread slot i mod N, N
being every published slot two to fourteen days ahead (templates of 15-minute windows on every
weekday), so concurrent bookings rarely share a slot row; its warm-up books the same slots with
residents of its own. Slots start two days ahead or later, so the run does not depend on the
time of day and every booking writes all three events (confirmed, two reminders).

pgbench runs, on the service's own database and with as many connections, the statements the
API sends for one booking: they are captured from Tortoise's query log while the service books
once in-process, and each ``$n`` parameter is replaced by a pgbench value (``PGBENCH_VALUES``):
constants as ``-D`` variables (still bound parameters under ``-M prepared``, as with asyncpg),
the resident's columns from the row its lock reads (``\\gset``), a pre-created resident per
transaction, a new id per row. Over the same N slot rows (resident r takes slot r mod N), it is
the database's ceiling for this transaction. Two differences, both costing pgbench, not the API:
each slot column the API takes from the worker's memory is a subquery on a small pick table
(pgbench cannot hold a uuid string or a date in a computed variable), and the resident and
appointment ids are md5 expressions.
pgbench commits even if the seat update were refused (the API rolls back): the spread slots
have room for every booking of both runs, and the seat audit after the run checks it.
CPU per booking is read from /proc (utime + stime) for the server's processes and for every
PostgreSQL process. pgbench and the API's run alternate in rounds (each on a fresh checkpoint):
this host's speed drifts within a minute, and a ratio should compare runs made side by side.
Check-in verification runs against a 1-worker service.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import httpx

from app.cli.runtime import cli_runtime
from app.ids import to_local, utcnow
from bench import fixtures, harness, results, wrk
from models.users import RealNameLevel, User
from services import appointments as booking_service

SPREAD_WINDOW_MINUTES = 15
SPREAD_FIRST_MINUTE, SPREAD_LAST_MINUTE = 7 * 60, 19 * 60  # Beijing time
SPREAD_CAPACITY = 2_000  # ample: the API's and pgbench's bookings together stay far below it
SPREAD_DAYS_AHEAD = 2  # both reminders are always due in the future, whatever the time of day
RACE_START = "06:00"  # the raced slot: its own window, on the first spread day
PGBENCH_RESIDENTS = 200_000  # pre-created rows, one per pgbench transaction

# What pgbench sends for each ``$n`` of the API's statements, in order. ``:name`` variables
# are bound parameters under -M prepared; ``user_*`` come from the row the resident's lock reads
# (\gset), as the API takes them from the model it loaded. The slot's columns come from the pick
# table inside each statement (``_slot``): the API takes them from the worker's memory
# (``slots.slot_facts``), and pgbench cannot hold a uuid or a date in a variable of its own.
_APPOINTMENT_ID = "md5('pgbench-appointment-' || :r)::uuid"


def _slot(column: str) -> str:
    """The picked slot's ``column`` (slot r mod N, as the API's residents pick theirs)."""
    return f'(SELECT "{column}" FROM "bench_slot_picks" WHERE "n"=:k)'


PGBENCH_VALUES: list[tuple[str, list[str], str]] = [
    ("resident lock", ["md5('pgbench-resident-' || :r)::uuid"], "\\gset user_"),
    # The person's rows (the last three) as for the API's residents, who have no ID number: NULL.
    ("rules", [":user_id", ":r", ":active", ":item_id", _slot("day"), ":no_show", ":no_show_since",
               "NULL", ":active", ":item_id", _slot("day")], ""),
    # The appointment and its events, one statement (app.fastpath.sql.insert_all): one array per
    # column, the appointment's (one row), then the events' (a row per event, as many as the API sent).
    ("appointment and events", [_APPOINTMENT_ID, ":now", ":now", _slot("appointment_group"), _slot("day"),
                                _slot("starts_at"), _slot("ends_at"), ":booked", ":active", ":r", "NULL", ":no",
                                "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
                                _slot("hall_id"), ":item_id", ":user_id", _slot("slot_id")], ""),
    # The seat's UPDATE and the COMMIT, one query of the API with its values written in
    # (app.fastpath.sql.update_and_commit): the slot's id is the one literal to replace.
    ("seat and commit", [], ""),
]
_STATEMENT = {name: n for n, (name, _, _) in enumerate(PGBENCH_VALUES)}


EVENT_VALUES = ["gen_random_uuid()", ":now", ":now", ":event_type_{row}", f"{_APPOINTMENT_ID}::text",
                ":payload_{row}", "NULL"]
_APPOINTMENT_VALUES = len(PGBENCH_VALUES[_STATEMENT["appointment and events"]][1])


def _events(sent: list) -> list[list]:
    """The events' rows among the values (one array per column) of the appointment-and-events statement."""
    return [list(row) for row in zip(*sent[_APPOINTMENT_VALUES:], strict=True)]


class _QueryLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[tuple[str, list]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.statements.append((str(record.args[0]), record.args[1] if len(record.args) > 1 else []))


def api_statements(env: dict[str, str], *, item_id: str, slot_id: str) -> list[tuple[str, list]]:
    """The (SQL, values) of one booking made by the service in-process, from Tortoise's log."""
    async def capture() -> list[tuple[str, list]]:
        async with cli_runtime(fixtures.settings_of(env)) as rt:
            first, resident = [await User.create(display_name="压测居民", realname_level=RealNameLevel.VERIFIED)
                               for _ in range(2)]
            # A slot's first booking also builds its admission gate, and a worker's first booking of
            # an item caches the item (docs/release.md): the booking captured is the second, in a
            # runtime that listens for catalog changes as a server does (else nothing is cached).
            rt.catalog_cache.start()
            while not rt.catalog_cache.keeps_in_memory:
                await asyncio.sleep(0.05)
            await booking_service.book(rt=rt, resident_id=first.id, item_id=item_id, slot_id=slot_id,
                                       idempotency_key="bench-capture-first")
            logger, handler = logging.getLogger("tortoise.db_client"), _QueryLog()
            logger.setLevel(logging.DEBUG)
            logger.addHandler(handler)
            try:
                _, created = await booking_service.book(rt=rt, resident_id=resident.id, item_id=item_id,
                                                        slot_id=slot_id, idempotency_key="bench-capture")
            finally:
                logger.removeHandler(handler)
            assert created
            return handler.statements

    return asyncio.run(capture())


def _pgbench_statement(sql: str, values: list[str]) -> str:
    placeholders = {int(n) for n in re.findall(r"\$(\d+)", sql)}
    if placeholders != set(range(1, len(values) + 1)):
        raise RuntimeError(f"the API's statement changed, update PGBENCH_VALUES: {sql}")
    return re.sub(r"\$(\d+)", lambda m: values[int(m.group(1)) - 1], sql)


def sent_slot_id(captured: list[tuple[str, list]]) -> str:
    """The slot the captured booking took (the appointment's last value)."""
    return str(captured[_STATEMENT["appointment and events"]][1][_APPOINTMENT_VALUES - 1][0])


def pgbench_script(captured: list[tuple[str, list]], *, connections: int, slots: int) -> tuple[str, dict]:
    """The API's booking as a pgbench script, and the constants it binds (``-D``)."""
    if len(captured) != len(PGBENCH_VALUES):
        raise RuntimeError(f"the API sent {len(captured)} statements, PGBENCH_VALUES knows "
                           f"{len(PGBENCH_VALUES)}: {[sql for sql, _ in captured]}")
    lines = ["\\set n :n + 1",
             f"\\set r :client_id + {connections} * (:n - 1) + 1",  # a new resident each time
             f"\\set k :r % {slots}"]
    for (name, values, suffix), (sql, sent) in zip(PGBENCH_VALUES, captured, strict=True):
        if name == "resident lock":
            lines.append("BEGIN;")  # the API's transaction starts at the resident's lock
        if name == "seat and commit":
            # One round trip as the API's one query: the UPDATE and the COMMIT pipelined.
            update, commit = (part.strip() for part in sql.rsplit(";", 1))
            assert commit == "COMMIT", sql
            lines += ["\\startpipeline", update.replace(f"'{sent_slot_id(captured)}'", _slot("slot_id")) + ";",
                      "COMMIT;", "\\endpipeline"]
            continue
        if name == "appointment and events":
            rows = range(len(_events(sent)))
            values = [f"ARRAY[{v}]" for v in values] + [
                "ARRAY[" + ", ".join(v.format(row=row) for row in rows) + "]" for v in EVENT_VALUES]
        lines.append(_pgbench_statement(sql, values) + (f"\n{suffix}" if suffix else ";"))
    rules_values = captured[_STATEMENT["rules"]][1]
    appointment_values = captured[_STATEMENT["appointment and events"]][1]
    events = _events(appointment_values)
    constants = {"n": "0", "item_id": rules_values[3], "no": "false",
                 "active": rules_values[2], "no_show": rules_values[5],
                 "no_show_since": rules_values[6].isoformat(), "booked": appointment_values[7][0],
                 "now": utcnow().isoformat()}
    for row, event in enumerate(events):
        constants[f"event_type_{row}"], constants[f"payload_{row}"] = event[3], event[5]
    return "\n".join(lines) + "\n", constants


def psql(url: str, sql: str) -> str:
    """Run SQL with psql; its unaligned output (``|`` between columns)."""
    return subprocess.run(["psql", "-qAt", "-v", "ON_ERROR_STOP=1", url, "-c", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


def prepare_pgbench(url: str, slot_ids: list[str]) -> None:
    """The pick table (slot r mod N, as the API's residents, with the columns a booking copies
    from it) and one resident per transaction."""
    picks = ",".join(f"({n},'{slot_id}'::uuid)" for n, slot_id in enumerate(slot_ids))
    psql(url, f"""CREATE TABLE bench_slot_picks AS
          SELECT p.n, s.id AS slot_id, s.appointment_group, s.day, s.starts_at, s.ends_at, s.hall_id
          FROM (VALUES {picks}) AS p(n, slot_id) JOIN slots s ON s.id = p.slot_id;
        ALTER TABLE bench_slot_picks ADD PRIMARY KEY (n);
        INSERT INTO users (id, created_at, updated_at, display_name, realname_level, is_active)
          SELECT md5('pgbench-resident-' || g)::uuid, now(), now(), '压测居民', {int(RealNameLevel.VERIFIED)}, true
          FROM generate_series(1, {PGBENCH_RESIDENTS}) g;""")
    # Vacuumed now, not by autovacuum during the measured run (its CPU would count as pgbench's).
    psql(url, "VACUUM (ANALYZE) users, bench_slot_picks")


def checkpoint(url: str) -> None:
    """Start a measured run on a fresh checkpoint: after one, every page's first change writes
    the whole page to the WAL, and each run should pay that the same way."""
    psql(url, "CHECKPOINT")


def run_pgbench(url: str, script: str, constants: dict, *, connections: int, seconds: int,
                first_resident: int) -> dict:
    """tps, transactions and CPU seconds (PostgreSQL, pgbench itself) of the script, its
    transactions taking residents from ``first_resident`` on (each resident books once)."""
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as file:
        file.write(script)
    # A transaction takes resident client_id + connections * (n - 1) + 1, n counting on from
    # this offset in every client, so the first is past ``first_resident``.
    constants = {**constants, "n": str(-(-first_resident // connections))}
    defines = [arg for name, value in constants.items() for arg in ("-D", f"{name}={value}")]
    before, children = postgres_cpu_seconds(url), resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        output = subprocess.run(["pgbench", "-n", "-M", "prepared", "-c", str(connections), "-j", "2",
                                 "-T", str(seconds), *defines, "-f", file.name, url],
                                check=True, capture_output=True, text=True).stdout
    finally:
        Path(file.name).unlink()
    after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    database_cpu = postgres_cpu_seconds(url) - before
    transactions = int(re.search(r"number of transactions actually processed: (\d+)", output).group(1))
    # Its idempotency key is the resident's number.
    last_resident = int(psql(url, "SELECT max(idempotency_key::bigint) FROM appointments "
                                  "WHERE idempotency_key ~ '^[0-9]+$'"))
    if last_resident > PGBENCH_RESIDENTS:
        raise RuntimeError("pgbench ran out of residents: raise PGBENCH_RESIDENTS")
    tps = float(re.search(r"tps = ([\d.]+)", output).group(1))
    failed = re.search(r"number of failed transactions: (\d+)", output)
    return {"tps": tps, "transactions": transactions, "failed": int(failed.group(1)) if failed else 0,
            "last_resident": last_resident,
            "database_cpu": database_cpu,
            "client_cpu": (after_children.ru_utime + after_children.ru_stime
                           - children.ru_utime - children.ru_stime)}


def _stat_ticks(pid: int) -> tuple[int, int]:
    """(utime + stime, cutime + cstime) of a process, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def _descendants(pid: int) -> list[int]:
    """Every live process below ``pid`` (a Sanic server's workers, PostgreSQL's backends)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        for child in (task / "children").read_text().split():
            found += [int(child), *_descendants(int(child))]
    return found


def process_tree_cpu_seconds(pid: int) -> float:
    """CPU seconds of a process, its live descendants and the children it has reaped."""
    total = 0
    for n, member in enumerate([pid, *_descendants(pid)]):
        try:
            own, reaped = _stat_ticks(member)
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += own + (reaped if n == 0 else 0)
    return total / os.sysconf("SC_CLK_TCK")


def postgres_cpu_seconds(url: str) -> float:
    """Every PostgreSQL process (children of the postmaster, the checkpointer's parent), ended ones included."""
    checkpointer = int(psql(url, "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'"))
    postmaster = int(Path(f"/proc/{checkpointer}/stat").read_text().rsplit(")", 1)[1].split()[1])
    return process_tree_cpu_seconds(postmaster)


async def staff_token(http: httpx.AsyncClient, username: str, password: str) -> str:
    response = await http.post("/api/v1/auth/staff/login", json={"username": username, "password": password})
    response.raise_for_status()
    return response.json()["access_token"]


def bookable_item(url: str, hall_code: str) -> tuple[str, str, str]:
    """(hall id, item id, appointment group) of a published demo item bookable at the hall."""
    # Read from the database: the catalog's list endpoints are not what this bench measures.
    row = psql(url, f"""SELECT h.id, i.id, i.appointment_group FROM halls h
        JOIN service_item_halls ih ON ih.hall_id = h.id JOIN service_items i ON i.id = ih.service_items_id
        WHERE h.code = '{hall_code}' AND i.is_published AND i.appointment_group IS NOT NULL
        ORDER BY i.code LIMIT 1""")
    if not row:
        raise RuntimeError("no bookable demo item")
    hall_id, item_id, group = row.split("|")
    return hall_id, item_id, group


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


async def publish_slots(http: httpx.AsyncClient, manager: str, hall_id: str, group: str,
                        seats: int) -> tuple[list[dict], list[dict]]:
    """Templates on every weekday (the materialiser skips closed days): the raced window and
    15-minute spread windows; returns the raced slots (one a day, the first day first) and the
    spread slots, all from the first day at least ``SPREAD_DAYS_AHEAD`` days ahead, the spread
    ones ordered by start."""
    headers = {"authorization": f"Bearer {manager}"}
    windows = [(RACE_START, "06:30", seats)] + [
        (_clock(m), _clock(m + SPREAD_WINDOW_MINUTES), SPREAD_CAPACITY)
        for m in range(SPREAD_FIRST_MINUTE, SPREAD_LAST_MINUTE, SPREAD_WINDOW_MINUTES)]
    for weekday in range(1, 8):
        for start, end, capacity in windows:
            body = {"appointment_group": group, "weekday": weekday, "start": start, "end": end,
                    "capacity": capacity}
            response = await http.post(f"/api/v1/halls/{hall_id}/slot-templates", json=body,
                                       headers=headers)
            # The demo's own session template may start in one of the spread windows (its start
            # follows the time of day): that window is left out (its slots have another capacity).
            if response.status_code != 409 or start == RACE_START:
                response.raise_for_status()
    (await http.post(f"/api/v1/halls/{hall_id}/slots/materialize", headers=headers)).raise_for_status()
    first = to_local(utcnow()).date() + timedelta(days=SPREAD_DAYS_AHEAD)
    listed = (await http.get(f"/api/v1/halls/{hall_id}/slots", headers=headers, params={
        "day_from": first.isoformat(), "day_to": (first + timedelta(days=20)).isoformat()})).json()["items"]
    ours = [s for s in listed if s["appointment_group"] == group]
    raced = sorted((s for s in ours if s["capacity"] == seats and s["starts_at"][11:16] == RACE_START),
                   key=lambda s: s["starts_at"])
    spread = sorted((s for s in ours if s["capacity"] == SPREAD_CAPACITY), key=lambda s: s["starts_at"])
    return raced, spread


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
                                           headers={"authorization": f"Bearer {token}",
                                                    "idempotency-key": f"bench-booking-{n:08d}"})
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


def booking_script(item_id: str, slot_ids: list[str], tokens: list[str], prefix: str) -> str:
    """wrk Lua: request i books as resident i, with a key of its own, slot i mod N (wrapping
    around only when the residents run out: those requests are replays, and the run says so)."""
    listed = ", ".join(json.dumps(t) for t in tokens)
    bodies = ", ".join(f"[==[{json.dumps({'item_id': item_id, 'slot_id': s})}]==]" for s in slot_ids)
    return (f"tokens = {{{listed}}}\nbodies = {{{bodies}}}\ni = 0\nrequest = function()\n  i = i + 1\n"
            "  local n = ((i - 1) % #tokens) + 1\n"
            '  return wrk.format("POST", "/api/v1/appointments", {["Content-Type"] = "application/json", '
            '["Authorization"] = "Bearer " .. tokens[n], '
            f'["Idempotency-Key"] = "{prefix}-" .. n}}, bodies[((n - 1) % #bodies) + 1])\nend\n')


def checkin_script(hall_id: str, clerk: str, tokens: list[str]) -> str:
    bodies = ", ".join(json.dumps(json.dumps({"token": t})) for t in tokens)
    return (f"bodies = {{{bodies}}}\ni = 0\nrequest = function()\n  i = i + 1\n"
            f'  return wrk.format("POST", "/api/v1/halls/{hall_id}/check-ins", '
            f'{{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {clerk}"}}, '
            "bodies[((i - 1) % #bodies) + 1])\nend\n")


def bookings_in(url: str, slot_ids: list[str]) -> int:
    """Bookings made so far in these slots."""
    listed = ",".join(f"'{s}'" for s in slot_ids)
    return int(psql(url, f"SELECT count(*) FROM appointments WHERE slot_id IN ({listed})"))


def seat_audit(url: str) -> dict:
    """Every slot: seats held against capacity, and the counter against its active bookings."""
    row = psql(url, """SELECT count(*), count(*) FILTER (WHERE s.booked > s.capacity),
          coalesce(sum(greatest(0, coalesce(a.n, 0) - s.capacity)), 0),
          count(*) FILTER (WHERE s.booked <> coalesce(a.n, 0)), coalesce(sum(a.n), 0)
        FROM slots s LEFT JOIN (SELECT slot_id, count(*) AS n FROM appointments
          WHERE status IN ('booked', 'checked_in') GROUP BY slot_id) a ON a.slot_id = s.id""")
    slots, over_capacity, oversold, mismatched, bookings = (int(v) for v in row.split("|"))
    return {"slots": slots, "over_capacity": over_capacity, "oversold": oversold,
            "mismatched": mismatched, "bookings": bookings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=1000)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--uncontended", type=int, default=10000,
                        help="residents for the wrk run, more than it can book in --duration")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3,
                        help="pgbench and the API's uncontended run alternate this many times")
    args = parser.parse_args()

    # The codes are scanned days ahead of their slots (which start two days out or later).
    env = {"HDT_CHECKIN_EARLY_MINUTES": str(60 * 24 * 20)}
    warmup_residents = max(args.uncontended // 5, 100)
    # pgbench's 64 connections and both workers' pools must fit PostgreSQL's max_connections (100).
    with harness.service(workers=2, extra_env=env, pool_size=16) as stack:
        async def prepare():
            async with httpx.AsyncClient(base_url=stack.base_url, timeout=120) as http:
                manager = await staff_token(http, "manager", "manager-demo-pass")
                hall_id, item_id, group = bookable_item(stack.database_url, "HD-CENTER")
                raced, spread = await publish_slots(http, manager, hall_id, group, args.seats)
                return hall_id, item_id, raced[0], spread

        hall_id, item_id, race_slot, spread = asyncio.run(prepare())
        spread_ids = [s["id"] for s in spread]
        url = stack.database_url
        captured = api_statements(stack.env, item_id=item_id, slot_id=spread_ids[0])
        script, constants = pgbench_script(captured, connections=args.concurrency, slots=len(spread_ids))
        (harness.OUT_DIR / "appointments-pgbench.sql").write_text(script)
        prepare_pgbench(url, spread_ids)

        per_round = args.uncontended + warmup_residents
        tokens = fixtures.resident_tokens(stack.env, args.residents + args.rounds * per_round, realname=True)
        race = asyncio.run(book_all(stack.base_url, tokens[:args.residents], item_id, race_slot["id"],
                                    args.concurrency))
        rounds, last_pgbench_resident = [], 0
        for k in range(args.rounds):
            checkpoint(url)
            ceiling = run_pgbench(url, script, constants, connections=args.concurrency,
                                  seconds=args.duration, first_resident=last_pgbench_resident)
            last_pgbench_resident = ceiling["last_resident"]
            mine = tokens[args.residents + k * per_round:args.residents + (k + 1) * per_round]
            calm_tokens, warmup_tokens = mine[:args.uncontended], mine[args.uncontended:]
            # CPU over wrk's warm-up and run together, divided by the bookings both made.
            bookings_before = bookings_in(url, spread_ids)
            checkpoint(url)
            cpu_before = (process_tree_cpu_seconds(stack.server_pid), postgres_cpu_seconds(url))
            calm = wrk.run(wrk.Load(f"POST /api/v1/appointments (uncontended, {len(spread_ids)} slots, wrk)",
                                    stack.base_url, connections=args.concurrency,
                                    duration_seconds=args.duration,
                                    lua=booking_script(item_id, spread_ids, calm_tokens, f"bench-calm-{k}"),
                                    warmup_lua=booking_script(item_id, spread_ids, warmup_tokens,
                                                              f"bench-warmup-{k}")))
            cpu_after = (process_tree_cpu_seconds(stack.server_pid), postgres_cpu_seconds(url))
            wrk_bookings = bookings_in(url, spread_ids) - bookings_before
            booked = int(psql(url, "SELECT count(*) FROM appointments "
                                   f"WHERE idempotency_key LIKE 'bench-calm-{k}-%'"))
            rounds.append({"ceiling": ceiling, "calm": calm, "booked": booked, "tokens": calm_tokens,
                           "bookings": wrk_bookings,
                           "api_cpu": (cpu_after[0] - cpu_before[0]) / wrk_bookings,
                           "api_db_cpu": (cpu_after[1] - cpu_before[1]) / wrk_bookings})
        for r in rounds:
            r["ratio"] = r["booked"] / args.duration / r["ceiling"]["tps"]
        middle = results.median_round(rounds, lambda r: r["ratio"])
        ceiling, calm, calm_booked, calm_tokens = middle["ceiling"], middle["calm"], middle["booked"], middle["tokens"]
        booked_seats = int(psql(url, f"SELECT booked FROM slots WHERE id = '{race_slot['id']}'"))

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
        audit = seat_audit(url)

    oversold = audit["oversold"] + max(0, race[0].get(201, 0) - args.seats)
    api_cpu, api_db_cpu, wrk_bookings = middle["api_cpu"], middle["api_db_cpu"], middle["bookings"]
    every_round = "; ".join(
        f"{r['booked'] / args.duration:,.0f}/s vs {r['ceiling']['tps']:,.0f} tps, {r['ratio']:.0%} "
        f"(API {r['api_cpu'] * 1000:.2f} + PostgreSQL {r['api_db_cpu'] * 1000:.2f} ms per booking; "
        f"pgbench {r['ceiling']['database_cpu'] / r['ceiling']['transactions'] * 1000:.2f} ms)"
        for r in rounds)
    rows = ["| run | requests | requests/s | p50 ms | p99 ms | outcomes |", "|---|---|---|---|---|---|",
            booking_row(f"{args.residents} residents race for {args.seats} seats", args.residents,
                        race[2], race[1], race[0])]
    # Bookings made, not requests answered: a replay after the residents ran out is no booking.
    calm_rps = calm_booked / args.duration
    wrapped = (f" The {args.uncontended:,} residents ran out, so later requests were replays: "
               "rerun with a larger --uncontended." if calm_booked >= args.uncontended else "")
    n_slots = len(spread_ids)
    body = (f"Booking: 2 workers, PostgreSQL + Redis, {args.concurrency} concurrent clients, each resident "
            "books once with its own Idempotency-Key. The race for one slot, driven by httpx on the "
            "same machine:\n\n" + "\n".join(rows)
            + f"\n\nUncontended, driven by wrk: resident i books slot i mod {n_slots} (every 15-minute "
            f"window from 07:00 to 19:00 on the working days {SPREAD_DAYS_AHEAD} to 14 days ahead, "
            f"capacity {SPREAD_CAPACITY:,} each). pgbench and this run alternate in {len(rounds)} "
            "rounds (new residents each), each round's ratio comparing its two runs; shown is the "
            f"median round: {calm_booked:,} bookings in {args.duration} s, "
            f"{calm_rps:,.0f}/s.{wrapped}\n\n" + results.table([calm], None)
            + f"\n\npgbench, the API's own statements for one booking (captured from the service, "
            f"bench/out/appointments-pgbench.sql; docs/appointments.md) on the service's database, "
            f"-M prepared, {args.concurrency} clients, {args.duration} s, a new resident each "
            f"transaction, slot r mod {n_slots} as above: {ceiling['tps']:,.0f} tps "
            f"({ceiling['transactions']:,} transactions, {ceiling['failed']} failed). "
            f"**API uncontended / pgbench: {calm_rps / ceiling['tps']:.0%}**, the median of "
            f"{len(rounds)} rounds (target ≥ 30 %). Every round: {every_round}.\n\n"
            "CPU per booking (utime + stime from /proc; the API's over wrk's warm-up and run, "
            f"{wrk_bookings:,} bookings): API server processes {api_cpu * 1000:.2f} ms, PostgreSQL "
            f"{api_db_cpu * 1000:.2f} ms; pgbench run: PostgreSQL "
            f"{ceiling['database_cpu'] / ceiling['transactions'] * 1000:.2f} ms, pgbench itself "
            f"{ceiling['client_cpu'] / ceiling['transactions'] * 1000:.2f} ms.\n\n"
            f"Seats booked in the raced slot: {booked_seats} of {args.seats}. Audit of all "
            f"{audit['slots']} slots after the run (SQL): {audit['bookings']:,} active bookings, "
            f"{audit['over_capacity']} slots over capacity, {audit['mismatched']} whose seat counter "
            f"differs from their bookings; **oversold: {oversold}**.\n\n"
            f"Check-in verification: 1 worker, a clerk scanning {len(qr_tokens)} codes in rotation "
            "(the first scan of each assigns its queue number, later scans verify and return it):\n\n"
            + results.table([checkin], None)
            + f"\n\nCheck-in: {checkin.requests_per_second:,.0f}/s (target ≥ 2,000/s with 1 worker).")
    results.write_section("Appointments: booking and check-in", "python -m bench.appointments "
                          f"--residents {args.residents} --seats {args.seats} --uncontended {args.uncontended} "
                          f"--concurrency {args.concurrency} --duration {args.duration} --rounds {args.rounds}",
                          body)
    print(body)


if __name__ == "__main__":
    main()
