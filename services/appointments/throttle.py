"""Booking rate limits per resident, per device and per client address, in Redis in front of the
admission gate.

A script firing bookings (or draw entries, or moves) from one account, one phone or one address is
answered 429 ``APPOINTMENT_RATE_LIMITED`` before the gate and the database. Fixed windows shared by
every worker (INCR + EXPIRE NX); the resident is the token's subject (a resident who already holds a
seat passes the gate, so only this keeps their repeats off the database), the device the
``X-Device-Id`` header the mini-program sends, the address the client's as the trusted proxies
forwarded it (``HDT_PROXIES_COUNT``). Redis unavailable: no limit (booking must not stop for it),
logged. docs/release.md, "Against scalpers and scripts".
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass

import structlog

from app.context import Runtime
from app.errors import RateLimited
from app.redis import REDIS_FAILURES
from services.appointments.gate import CALL_TIMEOUT_SECONDS

log = structlog.get_logger("services.appointments.throttle")

DEVICE_HEADER = "X-Device-Id"
DEVICE_ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"
_PREFIX = "appt:rate:"


class BookingRateLimited(RateLimited):
    code, message = "APPOINTMENT_RATE_LIMITED", "预约请求过于频繁，请稍后再试"


@dataclass(frozen=True)
class Caller:
    """Where a booking request comes from: the mini-program's device id and the client address."""

    device_id: str | None = None
    address: str | None = None


UNKNOWN = Caller()


async def ensure_allowed(*, rt: Runtime, resident_id: uuid.UUID, caller: Caller) -> None:
    """Count one booking attempt of the resident, the caller's device and address; 429 once any
    is over its limit."""
    settings = rt.settings
    window = settings.booking_rate_window_seconds
    limits = [(scope, key, limit) for scope, key, limit in (
        ("resident", str(resident_id), settings.booking_resident_limit),
        ("device", caller.device_id, settings.booking_device_limit),
        ("address", caller.address, settings.booking_address_limit)) if key and limit]
    if not limits:
        return
    try:
        async with asyncio.timeout(CALL_TIMEOUT_SECONDS):
            async with rt.redis.pipeline(transaction=False) as pipe:
                for scope, key, _ in limits:
                    pipe.incr(f"{_PREFIX}{scope}:{key}")
                    # The window starts at its first request and is not extended by later ones.
                    pipe.expire(f"{_PREFIX}{scope}:{key}", window, nx=True)
                    pipe.ttl(f"{_PREFIX}{scope}:{key}")
                answers = await pipe.execute()
    except REDIS_FAILURES as exc:
        log.warning("booking_rate_limit_unavailable", error=type(exc).__name__)
        return
    for (scope, _, limit), count, seconds_left in zip(limits, answers[::3], answers[2::3], strict=True):
        if int(count) > limit:
            raise BookingRateLimited(details={"scope": scope, "limit": limit, "window_seconds": window,
                                              "retry_after_seconds": max(int(seconds_left), 1)})
