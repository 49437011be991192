"""Builders of the push tests (their fixtures are in tests/push/conftest.py)."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import subprocess
import sys

import httpx

from app.context import Runtime
from config import Settings
from models.push import FINAL_STATUSES, Delivery
from tests.builders import WeChatResident, login_wechat_resident

# Short timings so retries and the sweep of a dead worker's jobs happen within a test.


FAST_PUSH = {"push_job_timeout_seconds": 3, "push_sweep_seconds": 1, "push_max_attempts": 3,
             "push_retry_base_seconds": 0.1, "push_retry_max_seconds": 0.5,
             "push_relay_interval_seconds": 0.05, "sms_rate_limited_retry_seconds": 1}


def fast_runtime(rt: Runtime, **overrides: object) -> Runtime:
    """The server's shared clients with the push timings above."""
    return dataclasses.replace(rt, settings=rt.settings.model_copy(update={**FAST_PUSH, **overrides}))


async def all_final(count: int | None = None) -> bool:
    """Every delivery is final (and there are ``count`` of them, or at least one)."""
    rows = await Delivery.all().values_list("status", flat=True)
    enough = len(rows) == count if count is not None else bool(rows)
    return enough and all(s in FINAL_STATUSES for s in rows)


async def resident_with_phone(client: httpx.AsyncClient, wechat: httpx.AsyncClient, *, user: str,
                              phone: str) -> WeChatResident:
    """A resident logged in from the mini-program (no OA, no grants) whose phone WeChat verified."""
    resident = await login_wechat_resident(client, wechat, user=user, phone=phone)
    minted = await wechat.post("/_emulator/miniprogram/phone-code", json={"user": user})
    verified = await client.post("/api/v1/me/phone/wechat-code", json={"code": minted.json()["code"]},
                                 headers=resident.headers)
    assert verified.status_code == 200, verified.text
    return resident


async def sms_messages(sms: httpx.AsyncClient) -> list[dict]:
    """The SMS the emulator accepted, oldest first."""
    return (await sms.get("/_emulator/sms/messages")).json()["messages"]


async def stop_worker(worker: subprocess.Popen, *, grace_seconds: float = 60) -> None:
    """SIGTERM a worker process and await its exit without blocking the event loop: the emulators
    it is still talking to while it drains run in this loop. Killed if it outstays the grace."""
    worker.terminate()
    try:
        await asyncio.wait_for(asyncio.to_thread(worker.wait), grace_seconds)
    except TimeoutError:
        worker.kill()
        await asyncio.to_thread(worker.wait)


def worker_subprocess(settings: Settings, **overrides: object) -> subprocess.Popen:
    """``python -m app push-worker`` against the test database, the real Redis and the emulators,
    with the push timings above (and ``overrides``)."""
    env = {**os.environ, "HDT_ENV": "test", "HDT_DATABASE_URL": settings.database_url,
           "HDT_REDIS_URL": str(settings.redis_url), "HDT_KEYS_DIR": str(settings.keys_dir),
           "HDT_WECHAT_API_BASE_URL": settings.wechat_api_base_url, "HDT_SMS_API_URL": settings.sms_api_url,
           "HDT_LOG_LEVEL": "WARNING",
           **{f"HDT_{name.upper()}": str(value) for name, value in {**FAST_PUSH, **overrides}.items()}}
    return subprocess.Popen([sys.executable, "-m", "app", "push-worker", "--concurrency", "4"], env=env,
                            stdout=subprocess.DEVNULL)
