"""/metrics of ``serve --workers 2``: one sum over every worker that never goes back, with the
push, upstream and pool families present."""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import signal
import threading
from pathlib import Path

import httpx
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.mmap_dict import MmapedDict, mmap_key
from prometheus_client.multiprocess import MultiProcessCollector

from app.metrics import MULTIPROC_ENV, exposition
from tests import backends
from tests.backends import embedded_pass_only
from tests.support.metrics import families_in, requests_of, sample_values
from tests.support.server import free_port, running_service, service_env
from tests.support.waiting import eventually

# Families every scrape shows, whatever has happened yet (names without the counters' _total).
FAMILIES = {
    "hdt_http_requests", "hdt_http_request_duration_seconds",
    "hdt_push_deliveries", "hdt_push_dead_letters", "hdt_push_send_duration_seconds",
    "hdt_push_queue_depth", "hdt_upstream_requests", "hdt_upstream_request_duration_seconds",
    "hdt_db_pool_wait_seconds", "hdt_db_pool_waiting", "hdt_redis_errors", "hdt_bookings",
    "hdt_ledger_entries", "hdt_ledger_unsigned_entries", "hdt_metrics_source_up",
}
BATCH = 10
# Requests the test counts go to a route nothing else calls: running_service polls /healthz, and
# a poll it gave up on may still be answered later, by a worker that was starting.
COUNTED_PATH, COUNTED_ROUTE = "/.well-known/jwks.json", ".well-known/jwks.json"
RESTART_SCRAPES = 600
MOST_REQUESTS = 400
# Far above Linux's largest pid (2^22): processes that can never be alive.
NEVER_ALIVE_PID = 5_000_000
STARTING_WORKERS = 60


def metrics_dir_of(marker: str) -> Path | None:
    """The metrics directory the service marked ``marker`` gave its workers (from /proc)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = dict(item.split("=", 1) for item in
                           (entry / "environ").read_bytes().decode(errors="replace").split("\0")
                           if "=" in item)
        except OSError:  # gone meanwhile, or not ours
            continue
        if environ.get("METRICS_TEST_MARK") == marker and environ.get("PROMETHEUS_MULTIPROC_DIR"):
            return Path(environ["PROMETHEUS_MULTIPROC_DIR"])
    return None


def worker_pids(directory: Path) -> set[int]:
    """The processes that wrote metrics: the workers (the main process serves no requests)."""
    return {int(path.stem.rsplit("_", 1)[1]) for path in directory.glob("counter_*.db")}


def requests_of_worker(directory: Path, pid: int, route: str, tmp_path: Path) -> float:
    """One worker's own count, from a copy of its files alone."""
    alone = tmp_path / f"worker-{pid}"
    alone.mkdir(exist_ok=True)
    copied = Path(shutil.copy(directory / f"counter_{pid}.db", alone))
    if not copied.stat().st_size:  # created by a starting worker, not sized yet: nothing counted
        return 0
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=str(alone))
    return requests_of(generate_latest(registry).decode(), route)


@embedded_pass_only
async def test_one_scrape_sums_every_worker_and_never_goes_back(database_url, tmp_path):
    marker = secrets.token_hex(8)
    env = service_env(DATABASE_URL=database_url, HDT_KEYS_DIR=str(tmp_path / "keys"),
                      METRICS_TEST_MARK=marker,
                      **({"REDIS_URL": backends.REDIS_URL} if backends.REDIS_URL else {}))
    # A connection per request, so the kernel hands requests to either worker.
    async with running_service(env, workers=2) as base_url, httpx.AsyncClient(
            base_url=base_url, headers={"connection": "close"}, timeout=30) as http:

        async def scrape() -> str:
            response = await http.get("/metrics")
            assert response.status_code == 200
            return response.text

        async def two_workers_wrote() -> bool:
            directory = metrics_dir_of(marker)
            return directory is not None and len(worker_pids(directory)) == 2
        await eventually(two_workers_wrote, "both workers write their metrics")
        directory = metrics_dir_of(marker)
        assert directory is not None
        pids = worker_pids(directory)

        scrapes = [await scrape()]
        counted_before = requests_of(scrapes[0], COUNTED_ROUTE)
        made = 0
        # Until each worker has answered some: then a per-worker /metrics could not show them all.
        while made < MOST_REQUESTS and not all(
                requests_of_worker(directory, pid, COUNTED_ROUTE, tmp_path) > 0 for pid in pids):
            for _ in range(BATCH):
                assert (await http.get(COUNTED_PATH)).status_code == 200
            made += BATCH
            scrapes.append(await scrape())
        assert made < MOST_REQUESTS, "one worker answered every request"

        counted = [requests_of(text, COUNTED_ROUTE) for text in scrapes]
        assert counted == sorted(counted), counted
        assert counted[-1] == counted_before + made
        # Each scrape counts the scrapes before it, whichever worker answers it.
        assert [requests_of(text, "metrics") for text in scrapes] == list(range(len(scrapes)))
        assert FAMILIES <= families_in(scrapes[-1]), FAMILIES - families_in(scrapes[-1])
        if backends.POSTGRES_URL:
            [(_, waits)] = sample_values(scrapes[-1], "hdt_db_pool_wait_seconds_count").items()
            assert waits > 0

        # A worker killed outright: its counts stay in the sum, its live gauges leave it.
        killed = min(pids)
        os.kill(killed, signal.SIGKILL)

        async def killed_gone() -> bool:
            return not Path(f"/proc/{killed}").exists()
        await eventually(killed_gone, "the killed worker is gone (reaped by the main process)")
        for _ in range(BATCH):
            assert (await http.get(COUNTED_PATH)).status_code == 200
        after = await scrape()
        assert requests_of(after, COUNTED_ROUTE) == counted[-1] + BATCH
        assert requests_of(after, "metrics") == len(scrapes)
        assert not (directory / f"gauge_livesum_{killed}.db").exists()
        assert (directory / f"counter_{killed}.db").exists()
    assert not directory.exists(), "serve removes its metrics directory when it stops"



@embedded_pass_only
async def test_scrapes_while_every_worker_restarts_never_go_back(database_url, tmp_path):
    marker = secrets.token_hex(8)
    inspector = free_port()
    # Sanic's inspector, switched on for this test only, restarts the workers as a deployment would.
    env = service_env(DATABASE_URL=database_url, HDT_KEYS_DIR=str(tmp_path / "keys"),
                      METRICS_TEST_MARK=marker, SANIC_INSPECTOR="true",
                      SANIC_INSPECTOR_PORT=str(inspector),
                      **({"REDIS_URL": backends.REDIS_URL} if backends.REDIS_URL else {}))
    async with running_service(env, workers=2) as base_url, httpx.AsyncClient(
            base_url=base_url, headers={"connection": "close"}, timeout=30) as http:

        async def get(path: str) -> httpx.Response:
            try:
                return await http.get(path)
            except httpx.RemoteProtocolError:
                # A stopping worker closes the connections it accepted but has read nothing from
                # (Sanic's close_if_idle): the request was not handled, nor counted; sent again.
                return await http.get(path)

        async def two_workers_wrote() -> bool:
            directory = metrics_dir_of(marker)
            return directory is not None and len(worker_pids(directory)) == 2
        await eventually(two_workers_wrote, "both workers write their metrics")
        directory = metrics_dir_of(marker)
        assert directory is not None
        first_workers = worker_pids(directory)
        for _ in range(BATCH):
            assert (await get(COUNTED_PATH)).status_code == 200

        async def scrape() -> str:
            response = await get("/metrics")
            # Checked at once: a failed scrape used to show only as counts going back (its body).
            assert response.status_code == 200, (len(scrapes), response.status_code, response.text)
            return response.text

        scrapes: list[str] = []
        scrapes.append(await scrape())

        restart = await http.post(f"http://127.0.0.1:{inspector}/reload", json={"zero_downtime": True})
        assert restart.status_code == 200

        # Scraping all along, until both new workers run and have answered scrapes themselves.
        # A bound on the wait only (a restart on a loaded machine can take a while), not a check.
        for _ in range(RESTART_SCRAPES):
            scrapes.append(await scrape())
            new_workers = worker_pids(directory) - first_workers
            if len(new_workers) == 2 and sum(requests_of_worker(directory, pid, "metrics", tmp_path)
                                             for pid in new_workers) > 0:
                break
            await asyncio.sleep(0.2)
        else:
            raise AssertionError("the workers were not replaced")
        for _ in range(BATCH):
            assert (await get(COUNTED_PATH)).status_code == 200
        scrapes.append(await scrape())

    counted = [requests_of(text, COUNTED_ROUTE) for text in scrapes]
    assert counted == sorted(counted), counted
    assert counted[-1] == counted[0] + BATCH
    assert [requests_of(text, "metrics") for text in scrapes] == list(range(len(scrapes)))


def write_requests(directory: Path, pid: int, route: str, count: float) -> None:
    """The files of a worker that answered ``count`` requests of ``route``, as its process writes them."""
    key = mmap_key("hdt_http_requests", "hdt_http_requests_total", ["route", "method", "status"],
                   [route, "GET", "200"], "HTTP requests answered")
    for prefix in ("counter", "gauge_livesum"):
        written = MmapedDict(str(directory / f"{prefix}_{pid}.db"))
        written.write_value(key, count if prefix == "counter" else 0.0, 0.0)
        written.close()


async def test_a_scrape_while_a_worker_creates_its_files_counts_the_others(tmp_path, monkeypatch):
    monkeypatch.setenv(MULTIPROC_ENV, str(tmp_path))
    write_requests(tmp_path, os.getpid(), "r", 7)
    # A starting worker's file, created and not yet sized by prometheus_client: it used to fail
    # the whole scrape (struct.error, a 500 during a reload).
    (tmp_path / f"counter_{NEVER_ALIVE_PID}.db").touch()
    assert requests_of((await exposition({})).decode(), "r") == 7


def test_two_workers_scraping_while_others_start_and_exit_never_fail_nor_go_back(tmp_path, monkeypatch):
    """Two scrapes at a time (as two workers answer them) while workers start one after another
    and exit at once (never alive): both scrapes read files being created and forget the same
    live gauges. Before the fix about a third of such scrapes raised."""
    monkeypatch.setenv(MULTIPROC_ENV, str(tmp_path))
    write_requests(tmp_path, os.getpid(), "r", 7)
    started, failures = threading.Event(), []
    counts: list[list[float]] = [[], []]

    def scrape_until_started(seen: list[float]) -> None:
        while not started.is_set():
            try:
                seen.append(requests_of(asyncio.run(exposition({})).decode(), "r"))
            except Exception as exc:  # any failure is what the test looks for
                failures.append(repr(exc))

    scrapers = [threading.Thread(target=scrape_until_started, args=(seen,)) for seen in counts]
    for scraper in scrapers:
        scraper.start()
    for pid in range(NEVER_ALIVE_PID, NEVER_ALIVE_PID + STARTING_WORKERS):
        write_requests(tmp_path, pid, "r", 1)
    started.set()
    for scraper in scrapers:
        scraper.join()
    assert failures == []
    for seen in counts:
        assert seen and seen == sorted(seen) and seen[0] >= 7, seen
    assert requests_of(asyncio.run(exposition({})).decode(), "r") == 7 + STARTING_WORKERS
    assert not [pid for pid in range(NEVER_ALIVE_PID, NEVER_ALIVE_PID + STARTING_WORKERS)
                if (tmp_path / f"gauge_livesum_{pid}.db").exists()], "the exited workers are forgotten"


async def test_a_scrape_answers_with_redis_down_and_says_what_it_could_not_read(database_url, tmp_path):
    env = service_env(DATABASE_URL=database_url, REDIS_URL="redis://127.0.0.1:1/0",
                      HDT_KEYS_DIR=str(tmp_path / "keys"))
    async with running_service(env) as base_url, httpx.AsyncClient(base_url=base_url) as http:
        response = await http.get("/metrics")
    assert response.status_code == 200
    up = sample_values(response.text, "hdt_metrics_source_up")
    assert up == {frozenset({("source", "push")}): 0, frozenset({("source", "ledger")}): 1}
    assert "hdt_push_queue_depth" not in families_in(response.text)
    assert "hdt_ledger_entries" in families_in(response.text)
    errors = sample_values(response.text, "hdt_redis_errors_total")
    assert errors[frozenset({("kind", "ConnectionError")})] >= 1
