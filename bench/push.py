"""Push benchmark: per-user notices through the bulk path, one per resident, to 100,000 residents.

Usage: python -m bench.push [--messages 100000] [--recipients 100000] [--concurrency 4] [--connections 64]
Path: outbox -> relay -> batch jobs on Redis (push/bulk.py) -> 2 ``python -m app push-worker``
processes -> the WeChat emulator, which posts TEMPLATESENDJOBFINISH back to a 1-worker API service.
The ceiling is the emulator's own throughput for direct template sends (wrk), measured in the same
run; so are two bounds beside it: two bare senders (bench/bare_sender.py: processes that only send,
through our HTTP client) and the emulator's own (one process: one core over its CPU per message).
Rate limits are raised so they do not bind: the emulator's per-app limit to 1,000,000/s and
HDT_PUSH_RATE_PER_SECOND to 1,000,000. Each message is checked to reach the emulator once.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from tortoise.transactions import in_transaction

from app.cli.runtime import cli_runtime
from bench import fixtures, harness, memory, results, wrk
from bench.appointments import psql
from bench.memory import mib
from config import Settings
from emulators.wechat import OA_CALLBACK_PATH
from emulators.wechat_state import TestUser
from models.push import OAFollower
from models.users import User
from push.templates import render
from services import outbox
from services.events import EventType
from services.outbox import Event

RATE_LIMIT = 1_000_000
FOLLOW_BATCH = 10_000
EMIT_BATCH = 1000
# Below the emulator's msgids (from 2,000,000,001): a history row never matches a report.
HISTORY_MSGIDS_FROM = 1_000_000_000
NOTICE = {"notice_id": "bench-notice", "title": "闭馆通知", "content": "12月1日下午暂停对外服务"}


def user_key(n: int) -> str:
    return f"bench-{n:06d}"


def openid_of(settings: Settings, n: int) -> str:
    return TestUser(user_key(n), "", "").openid(settings.wechat_oa_app_id)


def follow_in_emulator(wechat_url: str, count: int) -> None:
    """The emulator's side of ``count`` OA followers (no subscribe events)."""
    with httpx.Client(base_url=wechat_url, timeout=120) as http:
        for start in range(0, count, FOLLOW_BATCH):
            keys = [user_key(n) for n in range(start, min(start + FOLLOW_BATCH, count))]
            http.post("/_emulator/oa/follow-many", json={"users": keys}).raise_for_status()


async def record_followers(settings: Settings, count: int, with_users: int) -> list[str]:
    """Our side of the followers: the first ``with_users`` are linked to residents; returns their ids."""
    async with cli_runtime(settings):
        users = [User(display_name=f"压测关注者{n}") for n in range(with_users)]
        await User.bulk_create(users, batch_size=5000)
        now = datetime.now(UTC)
        await OAFollower.bulk_create(
            [OAFollower(openid=openid_of(settings, n), user_id=users[n].id if n < with_users else None,
                        subscribed=True, subscribed_at=now) for n in range(count)], batch_size=5000)
    return [str(user.id) for user in users]


async def emit_notices(settings: Settings, user_ids: list[str]) -> None:
    """One notice event per resident in the outbox, written the way domain services write many
    (``outbox.emit_many``, a thousand per transaction)."""
    async with cli_runtime(settings):
        for start in range(0, len(user_ids), EMIT_BATCH):
            async with in_transaction():
                await outbox.emit_many(events=[Event(EventType.PUSH_NOTICE, user_id, {"user_id": user_id, **NOTICE})
                                               for user_id in user_ids[start:start + EMIT_BATCH]])


def oa_token(wechat_url: str, settings: Settings) -> str:
    answer = httpx.post(f"{wechat_url}/cgi-bin/stable_token", json={
        "grant_type": "client_credential", "appid": settings.wechat_oa_app_id,
        "secret": settings.wechat_oa_app_secret}).json()
    return answer["access_token"]


def template_body(settings: Settings) -> dict:
    """A notice's template send as our client makes it, without ``touser`` and ``client_msg_id``."""
    rendered = render(settings.push_templates, "notice", NOTICE)
    return {"template_id": rendered.oa_template_id,
            "miniprogram": {"appid": settings.wechat_miniprogram_app_id, "pagepath": rendered.page},
            "data": {key: {"value": value} for key, value in rendered.data.items()}}


def direct_send_script(settings: Settings, token: str, openids: list[str], prefix: str) -> str:
    """wrk Lua: template sends as our client makes them, to rotating followers, each a new message."""
    rest = json.dumps(template_body(settings), ensure_ascii=False)[1:]  # the fields after touser and client_msg_id
    listed = ", ".join(json.dumps(o) for o in openids)
    return (f"openids = {{{listed}}}\nrest = [==[{rest}]==]\ni = 0\nrequest = function()\n  i = i + 1\n"
            "  local body = '{\"touser\":\"' .. openids[((i - 1) % #openids) + 1] .. "
            f"'\",\"client_msg_id\":\"{prefix}-' .. i .. '\",' .. rest\n"
            f'  return wrk.format("POST", "/cgi-bin/message/template/send?access_token={token}", '
            '{["Content-Type"] = "application/json"}, body)\nend\n')


@dataclass(frozen=True)
class BareSenders:
    """Two ``bench.bare_sender`` processes' run: messages/s, and CPU ms per message of each side."""

    rate: float
    sender_cpu_ms: float
    emulator_cpu_ms: float


def bare_senders(stack: harness.Stack, settings: Settings, token: str, openids: list[str], *,
                 seconds: int, in_flight: int) -> BareSenders:
    """The bound of any sender on our HTTP client here: two processes (as the two push workers)
    that only send, beside the emulator on the same two cores."""
    wechat_url = stack.env["HDT_WECHAT_API_BASE_URL"]
    spec = harness.OUT_DIR / "bare-sender-body.json"
    spec.write_text(json.dumps({"openids": openids, "body": template_body(settings)}, ensure_ascii=False))
    url = f"{wechat_url}/cgi-bin/message/template/send?access_token={token}"
    emulator = emulator_pids(stack)
    emulator_before = sum(map(memory.cpu_seconds, emulator))
    # The senders' CPU: what the children waited for from here on used (no other child ends meanwhile).
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    senders = [subprocess.Popen([sys.executable, "-m", "bench.bare_sender", url, str(spec), "--seconds",
                                 str(seconds), "--in-flight", str(in_flight), "--prefix", f"bare-{n}"],
                                cwd=harness.REPO_ROOT, env=stack.env, stdout=subprocess.PIPE, text=True)
               for n in range(2)]
    sent = sum(int(sender.communicate(timeout=seconds + 60)[0].split()[-1]) for sender in senders)
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sender_cpu = (children_after.ru_utime + children_after.ru_stime
                  - children_before.ru_utime - children_before.ru_stime)
    emulator_cpu = sum(map(memory.cpu_seconds, emulator)) - emulator_before
    return BareSenders(sent / seconds, sender_cpu * 1000 / sent, emulator_cpu * 1000 / sent)


def emulator_bound(meter: memory.CpuMeter, messages: int, ceiling_rps: float) -> str:
    """What the emulator alone allows in the sustained run: one process (one core at most), at the
    CPU per message it used, its TEMPLATESENDJOBFINISH posts included."""
    per_message = meter.used["WeChat emulator"] / messages
    bound = 1 / per_message
    return (f"**The emulator's own bound in this run**: one process, {per_message * 1000:.2f} ms of CPU per "
            "message in the sustained run (each message's TEMPLATESENDJOBFINISH post included, which it does "
            f"not make for the ceiling's or the bare senders' sends), takes at most {bound:,.0f} messages/s "
            f"on its one core: {bound / ceiling_rps:.0%} of the ceiling, whatever sends to it.")


def emulator_pids(stack: harness.Stack) -> list[int]:
    """The WeChat emulator's process (started by ``harness.service`` for this database)."""
    database = stack.database_url.rsplit("/", 1)[1]
    return [pid for pid in memory.processes_mentioning(database)
            if b"emulators" in Path(f"/proc/{pid}/cmdline").read_bytes()]


def emulator_messages(wechat_url: str) -> int:
    return httpx.get(f"{wechat_url}/_emulator/stats", timeout=30).json()["messages"]


def wait_for_messages(wechat_url: str, target: int, max_seconds: float) -> list[tuple[float, int]]:
    """Poll the emulator until it holds ``target`` messages; returns (seconds, count) samples."""
    began = time.perf_counter()
    samples = [(0.0, emulator_messages(wechat_url))]
    while samples[-1][1] < target:
        if samples[-1][0] > max_seconds:
            raise SystemExit(f"only {samples[-1][1]:,} of {target:,} messages after {max_seconds:.0f} s")
        time.sleep(0.25)
        samples.append((time.perf_counter() - began, emulator_messages(wechat_url)))
    return samples


OUR_NOTICES = "FROM push_deliveries WHERE event_type = 'notice' AND event_id NOT LIKE 'history-%'"


def wait_for_reports(database_url: str, max_seconds: float) -> tuple[float, int]:
    """Poll until no notice waits for its TEMPLATESENDJOBFINISH (none left ``sent``): the seconds
    that took, and how many were still waiting when it began."""
    def waiting() -> int:
        return int(psql(database_url, f"SELECT count(*) {OUR_NOTICES} AND status = 'sent'"))

    began = time.perf_counter()
    first = left = waiting()
    while left:
        if time.perf_counter() - began > max_seconds:
            raise SystemExit(f"{left:,} notices still without their report after {max_seconds:.0f} s")
        time.sleep(0.25)
        left = waiting()
    return time.perf_counter() - began, first


def delivered_once(wechat_url: str) -> tuple[Counter, int]:
    """How many times each client_msg_id reached the emulator, and the messages it holds."""
    messages = httpx.get(f"{wechat_url}/_emulator/messages", params={"kind": "template"},
                         timeout=120).json()["messages"]
    return Counter(Counter(m["client_msg_id"] for m in messages).values()), len(messages)


def steady_rate(samples: list[tuple[float, int]]) -> float:
    """Messages/s between 10 % and 90 % of the run's messages (start-up and tail left out)."""
    base, total = samples[0][1], samples[-1][1] - samples[0][1]
    low = next(s for s in samples if s[1] - base >= total * 0.1)
    high = next(s for s in samples if s[1] - base >= total * 0.9)
    return (high[1] - low[1]) / (high[0] - low[0]) if high[0] > low[0] else float("nan")


def cpu_meter(stack: harness.Stack, worker_pids: list[int]) -> memory.CpuMeter:
    """CPU of each part of the path: push workers, API workers, the emulator, PostgreSQL backends."""
    database = stack.database_url.rsplit("/", 1)[1]
    mentioning = {pid: Path(f"/proc/{pid}/cmdline").read_bytes() for pid in memory.processes_mentioning(database)}
    return memory.CpuMeter({
        "2 push workers": worker_pids,
        "API worker (callbacks)": memory.sanic_workers(stack.server_pid),
        "WeChat emulator": emulator_pids(stack),
        "PostgreSQL backends": [pid for pid, line in mentioning.items() if line.startswith(b"postgres:")],
    })


def peak_rows(sampler: memory.RssSampler) -> str:
    """Each worker's RSS before, at each fifth of the run, at its peak and after."""
    rows = ["| push worker | before | 20 % | 40 % | 60 % | 80 % | 100 % | peak | after (5 s) |",
            "|---|---|---|---|---|---|---|---|---|"]
    for p in sampler.peaks.values():
        history = sampler.history[p.pid]
        fifths = [history[min(len(history) - 1, len(history) * k // 5)] for k in range(1, 6)] if history else [0] * 5
        rows.append(f"| pid {p.pid} | {mib(p.before)} | " + " | ".join(mib(v) for v in fifths)
                    + f" | {mib(p.peak)} | {mib(p.after)} |")
    return "\n".join(rows)


def record_history(database_url: str, rows: int) -> None:
    """Earlier deliveries, as a service in production has (``analyze`` then gives the planner
    what production's statistics would)."""
    psql(database_url, f"""
        INSERT INTO push_deliveries (id, created_at, updated_at, event_id, event_type, recipient, status,
                                     attempts, msgid, content, requeues, tried, channel)
        SELECT gen_random_uuid(), now() - interval '30 days', now() - interval '30 days',
               'history-' || n, 'notice', 'user:' || gen_random_uuid(), 'delivered', 1,
               {HISTORY_MSGIDS_FROM} + n, '{{}}'::jsonb, 0, '[]'::jsonb, 'oa_template'
        FROM generate_series(1, {rows}) AS n""")


def analyze(database_url: str) -> None:
    """Fresh statistics for every table, as production's are: on tables the bench had just filled
    PostgreSQL cached generic plans made for empty ones (a prepared statement's plan is kept after
    its fifth run) that scan them whole, and every lookup of followers, events or deliveries
    scanned its growing table until autovacuum's ANALYZE, a minute or more into the run."""
    psql(database_url, "ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=4, help="jobs at once per push worker")
    parser.add_argument("--connections", type=int, default=64, help="wrk connections for the ceiling")
    parser.add_argument("--duration", type=int, default=10, help="seconds of the direct-send ceiling")
    parser.add_argument("--max-seconds", type=float, default=1500, help="give up on a phase after this")
    parser.add_argument("--history", type=int, default=100_000,
                        help="earlier deliveries in the table before the run (production has them)")
    parser.add_argument("--batch", type=int, default=100, help="events per batch job (HDT_PUSH_BULK_BATCH)")
    parser.add_argument("--bulk-concurrency", type=int, default=16,
                        help="sends in flight per batch job (HDT_PUSH_BULK_CONCURRENCY)")
    args = parser.parse_args()

    env = {"HDT_PUSH_RATE_PER_SECOND": str(RATE_LIMIT), "HDT_PUSH_BULK_BATCH": str(args.batch),
           "HDT_PUSH_BULK_CONCURRENCY": str(args.bulk_concurrency)}
    with harness.service(workers=1, extra_env=env, emulators=True) as stack, ExitStack() as workers:
        settings = fixtures.settings_of(stack.env)
        wechat_url = stack.env["HDT_WECHAT_API_BASE_URL"]
        httpx.post(f"{wechat_url}/_emulator/limits", json={"send_rate_per_second": RATE_LIMIT}).raise_for_status()
        follow_in_emulator(wechat_url, args.recipients)
        user_ids = asyncio.run(record_followers(settings, args.recipients, args.messages))

        token = oa_token(wechat_url, settings)
        openids = [openid_of(settings, n) for n in range(0, args.recipients, max(1, args.recipients // 1000))]
        load_ceiling = harness.load_average()
        # The ceiling is the emulator taking sends and nothing else: no reports posted (to the
        # settings' callback URL, where nothing listens: every failed connection cost it CPU).
        httpx.delete(f"{wechat_url}/_emulator/oa/callback").raise_for_status()
        ceiling = wrk.run(wrk.Load("direct template sends to the emulator (ceiling)", wechat_url,
                                   connections=args.connections, duration_seconds=args.duration,
                                   lua=direct_send_script(settings, token, openids, "ceiling"),
                                   warmup_lua=direct_send_script(settings, token, openids, "warmup")))
        bare = bare_senders(stack, settings, token, openids, seconds=args.duration,
                            in_flight=args.connections // 2)

        # Reports to our server from here on: the ceiling's and the bare senders' messages are not
        # ours (their reports, ~30,000, reached the API during the sustained run once, each looked
        # up for nothing).
        httpx.post(f"{wechat_url}/_emulator/oa/callback", json={
            "url": stack.base_url + OA_CALLBACK_PATH, "token": settings.oa_callback_token,
            "encoding_aes_key": settings.oa_encoding_aes_key}).raise_for_status()
        record_history(stack.database_url, args.history)
        asyncio.run(emit_notices(settings, user_ids))
        analyze(stack.database_url)
        command = [sys.executable, "-m", "app", "push-worker", "--concurrency", str(args.concurrency)]
        base = emulator_messages(wechat_url)
        load_sustained = harness.load_average()
        pids = [workers.enter_context(harness.process(command, stack.env, ready_output="push worker:")).pid
                for _ in range(2)]
        meter = cpu_meter(stack, pids).start()
        with memory.RssSampler(pids, interval=0.1) as sustained_memory:
            sustained = wait_for_messages(wechat_url, base + args.messages, args.max_seconds)
            # The work of a message ends with its report recorded: when the emulator posted reports
            # 10 at a time they trailed the sends by up to a minute, outside the CPU counted.
            reports_seconds, reports_waiting = wait_for_reports(stack.database_url, args.max_seconds)
        sustained_memory.settle(5)
        meter.stop()
        load_after = harness.load_average()
        repeats, held = delivered_once(wechat_url)
        stored = psql(stack.database_url, "SELECT count(*), count(DISTINCT event_id), "
                               "count(*) FILTER (WHERE status IN ('sent', 'delivered')), "
                               f"count(*) FILTER (WHERE attempts > 1) {OUR_NOTICES}")

    sustained_seconds = sustained[-1][0]
    sustained_steady = steady_rate(sustained)
    ceiling_rps = ceiling.requests_per_second
    deliveries, events, sent, retried = stored.split("|")
    body = (f"PostgreSQL + Redis; a 1-worker API service (it takes the emulator's TEMPLATESENDJOBFINISH "
            f"callbacks), the WeChat emulator (one process), and 2 `python -m app push-worker --concurrency "
            f"{args.concurrency}` processes, batch jobs of {args.batch} events with {args.bulk_concurrency} "
            "sends in flight each (push/bulk.py). Rate limits raised so that they do not bind: emulator per-app "
            f"limit {RATE_LIMIT:,}/s (`POST /_emulator/limits`), `HDT_PUSH_RATE_PER_SECOND={RATE_LIMIT}`. "
            f"{args.recipients:,} OA followers (emulator `follow-many`, follower rows written directly), "
            f"{args.messages:,} of them linked to residents; {args.history:,} earlier deliveries in the table, "
            "and the statistics of every table fresh before the workers start, as in production (`analyze` says "
            "why); the emulator posts no reports during the ceiling's and the bare senders' runs and reports "
            f"to the API from the sustained run on. Load average: {load_ceiling} at the ceiling, "
            f"{load_sustained} before the sustained run, {load_after} "
            "at the end (other engineers share the 2 cores).\n\n"
            "**Ceiling**: the emulator's own throughput for direct template sends (wrk, 1 thread, "
            f"{args.duration} s after a 2 s warm-up, {args.connections} connections, each request a new "
            "message to a follower):\n\n"
            + results.table([ceiling], None)
            + f"\n\n**Bare senders**, the bound of any sender on our HTTP client here: 2 processes "
            f"(`bench/bare_sender.py`, as the 2 push workers) that only send, through `app.http` as every push "
            f"send does, {args.connections // 2} in flight each, {args.duration} s, beside the same emulator: "
            f"**{bare.rate:,.0f} messages/s, {bare.rate / ceiling_rps:.0%} of the ceiling**; CPU per message: "
            f"senders {bare.sender_cpu_ms:.2f} ms, emulator {bare.emulator_cpu_ms:.2f} ms."
            + f"\n\n**Sustained**: {args.messages:,} per-user `notice` events in the outbox (one per resident, "
            "each to the resident's own OA openid), then the 2 push workers start; relay → batch jobs → "
            "delivery records → sends → emulator:\n\n"
            "| run | messages | seconds | messages/s overall | messages/s steady (10–90 %) | vs ceiling "
            "| vs bare senders |\n|---|---|---|---|---|---|---|\n"
            f"| {args.messages:,} events | {args.messages:,} | {sustained_seconds:.1f} | "
            f"{args.messages / sustained_seconds:,.0f} | {sustained_steady:,.0f} | "
            f"{sustained_steady / ceiling_rps:.0%} | {sustained_steady / bare.rate:.0%} |\n\n"
            f"**Reports**: when the last message reached the emulator, {reports_waiting:,} notices were still "
            f"waiting for their TEMPLATESENDJOBFINISH; every report was recorded {reports_seconds:.1f} s later "
            f"({args.messages / (sustained_seconds + reports_seconds):,.0f} messages/s sent and reported, "
            f"{args.messages / (sustained_seconds + reports_seconds) / ceiling_rps:.0%} of the ceiling).\n\n"
            f"**Exactly once**: times each client_msg_id reached the emulator → messages: {dict(repeats)} "
            f"({held:,} template messages held 5 s after the last report, the ceiling's included); `notice` "
            f"deliveries {int(deliveries):,}, "
            f"distinct events {int(events):,}, sent or delivered {int(sent):,}, sent more than once "
            f"(attempts > 1) {int(retried):,}.\n\n"
            "Push worker memory (RSS) during the sustained run, sampled every 0.1 s:\n\n" + peak_rows(sustained_memory)
            + "\n\nCPU time used during the sustained run (workers' start to 5 s after the last report was "
            "recorded), per message:\n\n" + meter.per_unit_rows(args.messages, "message")
            + f"\n\n{emulator_bound(meter, args.messages, ceiling_rps)}"
            + "\n\nA broadcast is no longer measured here: notices to all followers are one WeChat mass "
            "send each (docs/official-account.md), not a template message per follower.")
    results.write_section("Push: 100,000 per-user notices by the bulk path",
                          f"python -m bench.push --messages {args.messages} --recipients {args.recipients} "
                          f"--concurrency {args.concurrency} --connections {args.connections} "
                          f"--duration {args.duration} --history {args.history} --batch {args.batch} "
                          f"--bulk-concurrency {args.bulk_concurrency}",
                          body)
    print(body)


if __name__ == "__main__":
    main()
