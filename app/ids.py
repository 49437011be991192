"""Opaque, time-ordered identifiers and wall-clock helpers."""

from __future__ import annotations

import os
import time
import uuid
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def new_id() -> uuid.UUID:
    """A UUIDv7-layout id: sorts by creation time, so indexes stay local and cursors are ordered."""
    millis = time.time_ns() // 1_000_000
    raw = bytearray(millis.to_bytes(6, "big") + os.urandom(10))
    raw[6] = (raw[6] & 0x0F) | 0x70
    raw[8] = (raw[8] & 0x3F) | 0x80
    return uuid.UUID(bytes=bytes(raw))


def utcnow() -> datetime:
    """Aware current time in UTC (what we store)."""
    return datetime.now(UTC)


def to_local(moment: datetime) -> datetime:
    """The same instant shown in Beijing time (what we return)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(SHANGHAI)


def local_today() -> date:
    """Today in Beijing: the day slots, limits, deadlines and validity count in."""
    return utcnow().astimezone(SHANGHAI).date()
