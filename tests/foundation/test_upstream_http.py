"""The outbound HTTP client counts every call by service and outcome in /metrics."""

from __future__ import annotations

import pytest

from app.http import UpstreamError
from tests.support.metrics import growth
from tests.support.server import free_port


async def test_an_unreachable_upstream_is_counted_as_such(client, rt):
    before = (await client.get("/metrics")).text
    with pytest.raises(UpstreamError):
        await rt.http.request("POST", f"http://127.0.0.1:{free_port()}/witness", timeout=2,
                              content=b"{}", service="ledger_witness")
    after = (await client.get("/metrics")).text
    assert growth(before, after, "hdt_upstream_requests_total", service="ledger_witness",
                  outcome="unreachable") == 1
    assert growth(before, after, "hdt_upstream_request_duration_seconds_count",
                  service="ledger_witness") == 1


async def test_an_http_error_answer_is_counted_apart_from_success(client, rt, wechat):
    base = str(wechat.base_url).rstrip("/")
    before = (await client.get("/metrics")).text
    answer = await rt.http.request("GET", f"{base}/no-such-path", timeout=5, service="wechat")
    after = (await client.get("/metrics")).text
    assert not answer.is_success
    assert growth(before, after, "hdt_upstream_requests_total", service="wechat",
                  outcome="http_error") == 1
