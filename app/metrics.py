"""Every Prometheus metric of the service, defined once, and the scrape that adds up all workers.

``python -m app serve --workers N`` gives the workers one fresh ``PROMETHEUS_MULTIPROC_DIR``
(prometheus_client's multiprocess mode): each process writes its samples to files there and
``/metrics`` sums the files of every process, the exited ones' counters included, so the totals
never go back when a worker restarts. The variable is prometheus_client's contract, read when it
is imported, which is why it is an environment variable and not a setting. Names, types and
labels are listed in docs/metrics.md.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import tempfile
from collections.abc import Awaitable, Callable, Iterable, Iterator
from pathlib import Path

import structlog
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from prometheus_client.registry import Collector

log = structlog.get_logger("app.metrics")

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
SCRAPE_QUERY_TIMEOUT_SECONDS = 2.0
_LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
_UPSTREAM_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)

# HTTP (app.middleware). The latency histogram was hdt_http_request_seconds{route} before the
# multiprocess change; nothing read it, so it took the convention's name and a method label.
HTTP_REQUESTS = Counter("hdt_http_requests_total", "HTTP requests answered",
                        ["route", "method", "status"])
HTTP_REQUEST_DURATION = Histogram("hdt_http_request_duration_seconds",
                                  "Time from the start of a request's handling to its response",
                                  ["route", "method"], buckets=_LATENCY_BUCKETS)

# Push (push.delivery). Statuses are DeliveryStatus values; channels oa_template, mp_subscribe,
# none (decided before a channel was chosen).
PUSH_DELIVERIES = Counter("hdt_push_deliveries_total", "Push delivery attempts by resulting status",
                          ["status", "channel"])
PUSH_DEAD_LETTERS = Counter("hdt_push_dead_letters_total",
                            "Push deliveries dead-lettered after their last transient failure")
PUSH_SEND_DURATION = Histogram("hdt_push_send_duration_seconds",
                               "Duration of one WeChat send call of a push delivery", ["channel"],
                               buckets=_UPSTREAM_BUCKETS)

# Outbound calls (app.http). Services: wechat, beijing_pass, ledger_witness, other.
UPSTREAM_REQUESTS = Counter("hdt_upstream_requests_total", "Outbound HTTP calls by outcome",
                            ["service", "outcome"])
UPSTREAM_REQUEST_DURATION = Histogram("hdt_upstream_request_duration_seconds",
                                      "Duration of one outbound HTTP call", ["service"],
                                      buckets=_UPSTREAM_BUCKETS)

# The hall floor (services.hall_floor.calls). ``hall`` is the hall id, ``group`` the item group.
_HALL_BUCKETS = (60, 180, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200)
HALL_WAIT = Histogram("hdt_hall_wait_seconds", "Time a hall ticket waited from joining the queue to its first call",
                      ["hall", "group"], buckets=_HALL_BUCKETS)
HALL_SERVICE = Histogram("hdt_hall_service_seconds", "Time from service start to service end at a hall window",
                         ["hall", "group"], buckets=_HALL_BUCKETS)
HALL_APPOINTMENTS_SERVED = Counter("hdt_hall_appointments_served_total",
                                   "Checked-in appointments whose service started, by whether inside the "
                                   "booked window", ["hall", "in_window"])

# PostgreSQL pool (app.fastpath.pool).
DB_POOL_WAIT = Histogram("hdt_db_pool_wait_seconds",
                         "Time a query waited for a pooled PostgreSQL connection",
                         buckets=(0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))
# livesum: the waiters of live workers only; an exited worker's last value must not linger.
DB_POOL_WAITING = Gauge("hdt_db_pool_waiting", "Queries waiting for a pooled connection now",
                        multiprocess_mode="livesum")

# Redis (app.redis): failed connects, writes and reads, by exception class.
REDIS_ERRORS = Counter("hdt_redis_errors_total", "Redis commands or connects that failed", ["kind"])

# Appointments (services.appointments): booked, replayed (same Idempotency-Key) or the error code.
BOOKINGS = Counter("hdt_bookings_total", "Booking requests by outcome", ["outcome"])
BOOKING_GROUP_SIZE = Histogram("hdt_booking_group_size",
                               "Bookings of one slot written in one transaction (group commit)",
                               buckets=(1, 2, 5, 10, 20, 50, 100))
RISK_CHECKS = Counter("hdt_wechat_risk_checks_total",
                      "WeChat user risk rank checks at booking by outcome", ["outcome"])

# The fenced fast path (app.fastpath, docs/architecture.md): 1 where a process runs it; the minimum
# over workers, so a single worker on the plain path shows as 0.
FAST_PATH_ENABLED = Gauge("hdt_fast_path_enabled",
                          "1 when the fenced fast path runs, 0 on the plain path", multiprocess_mode="min")
FAST_PATH_RELEASE_FALLBACKS = Counter("hdt_fast_path_release_fallbacks",
                                      "Pooled connections the fast release could not give back in place",
                                      ["stage"])

# Calendar (services.calendar.notices): coming days whose year's holiday notice is not loaded;
# set at start and daily by every worker, all with the same value (max).
CALENDAR_PROVISIONAL_DAYS_AHEAD = Gauge(
    "hdt_calendar_provisional_days_ahead",
    "Days of the next 90 whose year's holiday notice is not loaded", multiprocess_mode="max")

UPSTREAM_SERVICES = ("wechat", "beijing_pass", "ledger_witness")
UPSTREAM_OUTCOMES = ("ok", "http_error", "timeout", "unreachable")
PUSH_CHANNELS = ("oa_template", "mp_subscribe")
# passed / refused (rank above HDT_BOOKING_RISK_RANK_MAX) / unavailable (WeChat failed: let through)
# / no_openid (the resident has no mini-program login to rank).
RISK_OUTCOMES = ("passed", "refused", "unavailable", "no_openid")


def _declare_label_values() -> None:
    """Zero the expected series so dashboards and alerts see them before the first event."""
    for service in UPSTREAM_SERVICES:
        UPSTREAM_REQUEST_DURATION.labels(service)
        for outcome in UPSTREAM_OUTCOMES:
            UPSTREAM_REQUESTS.labels(service, outcome)
    for channel in PUSH_CHANNELS:
        PUSH_DELIVERIES.labels("sent", channel)
        PUSH_SEND_DURATION.labels(channel)
    for kind in ("ConnectionError", "TimeoutError"):
        REDIS_ERRORS.labels(kind)
    BOOKINGS.labels("booked")
    for outcome in RISK_OUTCOMES:
        RISK_CHECKS.labels(outcome)


_declare_label_values()


# Scrape-time gauges: read from Redis and the database by the worker that answers the scrape.
ScrapeGauge = Callable[[], Awaitable[list[GaugeMetricFamily]]]


class _Families(Collector):
    """Families built already (the scrape-time gauges), for a registry to render."""

    def __init__(self, families: list[GaugeMetricFamily]) -> None:
        self._families = families

    def collect(self) -> Iterator[GaugeMetricFamily]:
        return iter(self._families)


async def _read_gauges(sources: dict[str, ScrapeGauge]) -> list[GaugeMetricFamily]:
    """Each source's families; a source that fails or is slow is reported as down, not raised."""
    up = GaugeMetricFamily("hdt_metrics_source_up",
                           "1 if the scrape-time gauges of this source were read", labels=["source"])
    families: list[GaugeMetricFamily] = []
    for name, source in sources.items():
        try:
            families += await asyncio.wait_for(source(), SCRAPE_QUERY_TIMEOUT_SECONDS)
            up.add_metric([name], 1)
        except Exception as exc:  # a scrape must answer even with the database or Redis down
            log.warning("metrics_source_down", source=name, error=type(exc).__name__)
            up.add_metric([name], 0)
    return [*families, up]


async def exposition(sources: dict[str, ScrapeGauge]) -> bytes:
    """The text exposition: every worker's metrics, summed, plus the scrape-time gauges."""
    directory = os.environ.get(MULTIPROC_ENV)
    scraped = CollectorRegistry(auto_describe=False)
    scraped.register(_Families(await _read_gauges(sources)))
    if not directory:  # one process: its own registry
        return generate_latest(REGISTRY) + generate_latest(scraped)
    forget_exited_processes(Path(directory))
    scraped.register(_ProcessFiles(Path(directory)))
    return generate_latest(scraped)


class _ProcessFiles(Collector):
    """Every process's files summed, as ``MultiProcessCollector`` sums them, but for the files a
    starting worker is creating at that moment."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def collect(self) -> Iterable[Metric]:
        families: Iterable[Metric] = MultiProcessCollector.merge(_sized_files(self._directory))
        return families


def _sized_files(directory: Path) -> list[str]:
    """The metric files of the directory but those not yet sized by the process creating them.

    prometheus_client creates a process's file empty, then extends it to 64 KiB of zeros (its
    ``MmapedDict``). Read in between, the file lacks its 4-byte header and the read raises
    ``struct.error``: a scrape while a worker started (a reload) answered 500. Such a file holds no
    sample yet, so leaving it out loses nothing; and a file seen sized stays readable, since files
    only grow while the workers run (only the live gauges of exited ones are removed, which the
    read allows).
    """
    sized = []
    for path in directory.glob("*.db"):
        try:
            if path.stat().st_size:
                sized.append(str(path))
        except FileNotFoundError:  # the live gauges of a process forgotten meanwhile
            continue
    return sized


_LIVE_GAUGE_FILE = re.compile(r"^gauge_live\w*?_(\d+)\.db$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # no signal sent: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, under another user
        return True
    try:
        # A worker that exited but is not reaped yet (Sanic reaps replaced workers late) is a zombie.
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):  # no /proc (not Linux), or it exited just now
        return True


def forget_exited_processes(directory: Path) -> None:
    """Drop the live gauges of processes that are gone (a worker killed without its shutdown)."""
    for name in os.listdir(directory):
        match = _LIVE_GAUGE_FILE.match(name)
        if match and not _alive(int(match.group(1))):
            # Not mark_process_dead: it fails on a file another worker's scrape removed just now.
            (directory / name).unlink(missing_ok=True)


def worker_exiting() -> None:
    """A worker's last word: its live gauges stop counting (its counters stay in the sums)."""
    directory = os.environ.get(MULTIPROC_ENV)
    if directory:
        mark_process_dead(os.getpid(), directory)


def fresh_multiprocess_dir() -> tuple[Path, bool]:
    """Give the workers about to start an empty metrics directory, in the environment they
    inherit; returns it and whether it is ours to remove. An operator's directory is emptied."""
    configured = os.environ.get(MULTIPROC_ENV)
    if configured:
        directory = Path(configured)
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("*.db"):
            stale.unlink()
        return directory, False
    _remove_abandoned_dirs()
    directory = Path(tempfile.mkdtemp(prefix=f"{_DIR_PREFIX}{os.getpid()}-"))
    os.environ[MULTIPROC_ENV] = str(directory)
    return directory, True


_DIR_PREFIX = "hdt-metrics-"


def _remove_abandoned_dirs() -> None:
    """Remove the directories of servers killed before they could (SIGKILL skips ``finally``)."""
    for stale in Path(tempfile.gettempdir()).glob(f"{_DIR_PREFIX}*-*"):
        pid = stale.name.removeprefix(_DIR_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def clean_multiprocess_dir(directory: Path, *, owned: bool) -> None:
    """After the server stopped: remove the directory we made, or empty the operator's."""
    if owned:
        shutil.rmtree(directory, ignore_errors=True)
        os.environ.pop(MULTIPROC_ENV, None)
    else:
        for stale in directory.glob("*.db"):
            stale.unlink(missing_ok=True)
