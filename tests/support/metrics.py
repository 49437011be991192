"""Reading a Prometheus text exposition in tests."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families


def sample_values(text: str, name: str) -> dict[frozenset, float]:
    """The samples called ``name``, by their labels."""
    return {frozenset(sample.labels.items()): sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples if sample.name == name}


def growth(before: str, after: str, name: str, **labels: str) -> float:
    """How much the sample ``name{labels}`` grew between two scrapes (absent counts as 0)."""
    key = frozenset(labels.items())
    return sample_values(after, name).get(key, 0) - sample_values(before, name).get(key, 0)


def requests_of(text: str, route: str) -> float:
    """hdt_http_requests_total of one route, over every method and status."""
    return sum(value for labels, value in sample_values(text, "hdt_http_requests_total").items()
               if ("route", route) in labels)


def families_in(text: str) -> set[str]:
    """The metric families named (counters without their ``_total``)."""
    return {family.name for family in text_string_to_metric_families(text)}
