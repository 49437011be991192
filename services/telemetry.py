"""The gauges read when ``/metrics`` is scraped: push queue depth, dead letters, ledger size.

They describe shared state (Redis, the database), so the worker answering the scrape reads them
once, instead of every worker keeping a copy that would be summed."""

from __future__ import annotations

from prometheus_client.core import GaugeMetricFamily

from app.context import Runtime
from app.metrics import ScrapeGauge
from models.push import Delivery, DeliveryStatus
from push import queue as push_queue
from services import ledger


async def _push(rt: Runtime) -> list[GaugeMetricFamily]:
    queue_depth = GaugeMetricFamily("hdt_push_queue_depth", "Push jobs in the queue, by state",
                                    labels=["state"])
    for state, jobs in (await push_queue.depth(rt.redis)).items():
        queue_depth.add_metric([state], jobs)
    dead = await Delivery.filter(status=DeliveryStatus.DEAD_LETTER).count()
    return [queue_depth,
            GaugeMetricFamily("hdt_push_dead_letters", "Push deliveries in the dead-letter state now",
                              value=dead)]


async def _ledger() -> list[GaugeMetricFamily]:
    size = await ledger.tree_size()
    head = await ledger.latest_head()
    signed = head.tree_size if head else 0
    return [GaugeMetricFamily("hdt_ledger_entries", "Entries committed to the ledger", value=size),
            GaugeMetricFamily("hdt_ledger_unsigned_entries",
                              "Ledger entries not yet covered by a signed tree head",
                              value=max(size - signed, 0))]


def scrape_gauges(*, rt: Runtime) -> dict[str, ScrapeGauge]:
    """The scrape-time sources, by name (the ``source`` label of ``hdt_metrics_source_up``)."""
    return {"push": lambda: _push(rt), "ledger": _ledger}
