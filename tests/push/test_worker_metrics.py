"""``push-worker --metrics-port`` serves that process's push and upstream metrics."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest

from services.events import EventType
from tests import backends
from tests.builders import emit_push_event, follow_oa, make_wechat_resident
from tests.builders.push import FAST_PUSH, all_final, stop_worker
from tests.push.test_delivery import BOOKING
from tests.support.metrics import sample_values
from tests.support.server import REPO_ROOT, free_port
from tests.support.waiting import eventually


def worker_with_metrics(settings, port: int) -> subprocess.Popen:
    """``python -m app push-worker --metrics-port`` against the test database and emulator."""
    env = {**os.environ, "HDT_ENV": "test", "HDT_DATABASE_URL": settings.database_url,
           "HDT_KEYS_DIR": str(settings.keys_dir), "HDT_LOG_LEVEL": "WARNING",
           "HDT_WECHAT_API_BASE_URL": settings.wechat_api_base_url,
           **({"HDT_REDIS_URL": settings.redis_url} if settings.redis_url else {}),
           **{f"HDT_{name.upper()}": str(value) for name, value in FAST_PUSH.items()}}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    return subprocess.Popen([sys.executable, "-m", "app", "push-worker", "--metrics-port", str(port)],
                            cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL)


# On the embedded default the service delivers in-process; a separate push-worker keeps its queue
# to itself (the command warns so): no deployment runs it, and on a loaded CI machine it did not
# always deliver within the wait.
@pytest.mark.skipif(not backends.REDIS_URL, reason="a separate push-worker process shares its queue only through Redis")
async def test_the_push_worker_exposes_its_deliveries(rt, wechat, settings):
    port = free_port()
    worker = worker_with_metrics(settings, port)
    try:
        user = await make_wechat_resident(rt, user_key="zhangsan")
        await follow_oa(wechat, "zhangsan")
        await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), **BOOKING)
        await eventually(all_final, "the push worker sends the message")
        async with httpx.AsyncClient(timeout=30) as http:
            text = (await http.get(f"http://127.0.0.1:{port}/metrics")).text
    finally:
        await stop_worker(worker)
    sent = sample_values(text, "hdt_push_deliveries_total")
    assert sent[frozenset({("status", "sent"), ("channel", "oa_template")})] == 1
    upstream = sample_values(text, "hdt_upstream_requests_total")
    assert upstream[frozenset({("service", "wechat"), ("outcome", "ok")})] >= 1
