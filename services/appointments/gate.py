"""The admission gate: each slot's remaining seats in Redis, taken atomically before the booking's
database transaction, so a request for a full slot is answered without touching the database.

PostgreSQL stays the judge (the conditional seat update); the gate only keeps losers away from the
slot's row lock. Its count may run high (then the database refuses and the gate is rebuilt), never
low, except for a process that dies between taking a seat and settling it: the start of any API
process rebuilds every gate (``forget_all``). Redis unavailable, or ``HDT_APPOINTMENT_GATE=false``:
every request takes the database path, as before the gate. docs/release.md, "The admission gate".
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import TypeVar, cast

import structlog
from tortoise.expressions import F

from app.cache import REDIS_BACKOFF_SECONDS
from app.context import Runtime
from app.ids import utcnow
from app.redis import REDIS_FAILURES
from models.appointments import Appointment, Slot

log = structlog.get_logger("services.appointments.gate")
T = TypeVar("T")

_PREFIX = "appt:gate:"
# A gate call slower than this falls back to the database path: a hung Redis must not hold a
# booking for the client's 2 s command timeout (docs/outages.md); a race's Lua calls take ~1 ms.
CALL_TIMEOUT_SECONDS = 1.0
# ``reconcile`` (every minute) builds the gates of slots released this soon.
PREPARE_AHEAD = timedelta(minutes=2)
# A slot's gate outlives its start by this much: later requests are refused as past by the database.
_KEEP_AFTER_START = timedelta(hours=1)

# KEYS: the slot's hash, its set of residents holding a seat. ARGV: resident id, now (epoch s),
# the item's group. Returns {outcome, opens_at epoch}; the outcome is an ``Outcome``. A closed or
# past slot, or one of another group, is left to the database to explain.
_ADMIT = """
if redis.call('exists', KEYS[1]) == 0 then return {-1, 0} end
local f = redis.call('hmget', KEYS[1], 'seats', 'starts', 'opens', 'group', 'closed')
local now = tonumber(ARGV[2])
if tonumber(f[2]) <= now or f[4] ~= ARGV[3] or f[5] == '1' then return {2, 0} end
if tonumber(f[3]) > now then return {3, tonumber(f[3])} end
if redis.call('sismember', KEYS[2], ARGV[1]) == 1 then return {2, 0} end
if tonumber(f[1]) <= 0 then return {0, 0} end
redis.call('hincrby', KEYS[1], 'seats', -1)
redis.call('sadd', KEYS[2], ARGV[1])
return {1, 0}
"""

# Builds a slot's gate unless another request did: ARGV seats, starts, opens, expiry, group,
# closed (1/0), holders...
_BUILD = """
if redis.call('exists', KEYS[1]) == 1 then return 0 end
redis.call('hset', KEYS[1], 'seats', ARGV[1], 'starts', ARGV[2], 'opens', ARGV[3], 'group', ARGV[5],
           'closed', ARGV[6])
redis.call('del', KEYS[2])
for i = 7, #ARGV do redis.call('sadd', KEYS[2], ARGV[i]) end
redis.call('expireat', KEYS[1], ARGV[4])
redis.call('expireat', KEYS[2], ARGV[4])
return 1
"""

# A seat back (a failed booking, a cancellation) or one more taken (a booking made without the
# gate's seat): ARGV delta, resident id. A gate that is gone stays gone (rebuilt when next needed).
_ADJUST = """
if redis.call('exists', KEYS[1]) == 0 then return 0 end
redis.call('hincrby', KEYS[1], 'seats', ARGV[1])
if tonumber(ARGV[1]) > 0 then redis.call('srem', KEYS[2], ARGV[2])
else redis.call('sadd', KEYS[2], ARGV[2]) end
return 1
"""


class Outcome(IntEnum):
    MISSING = -1
    FULL = 0
    ADMITTED = 1  # a seat is held for this request
    PASS = 2  # the database decides: a resident already holding a seat (a retry), or a past slot
    NOT_YET_OPEN = 3


@dataclass(frozen=True)
class Ticket:
    """What the gate said to one booking request."""

    outcome: Outcome
    gated: bool = True
    opens_at: datetime | None = None

    @property
    def held(self) -> bool:
        return self.outcome is Outcome.ADMITTED


UNGATED = Ticket(Outcome.PASS, gated=False)


def _keys(slot_id: uuid.UUID) -> list[str]:
    return [f"{_PREFIX}{slot_id}", f"{_PREFIX}{slot_id}:holders"]


class _Health:
    """After a Redis failure the gate is skipped for a while, so every booking does not wait."""

    down_until = 0.0


def enabled(rt: Runtime) -> bool:
    return rt.settings.appointment_gate and time.monotonic() >= _Health.down_until


async def _call(call: Callable[[], Awaitable[T]]) -> T | None:
    """``call()`` within the bound; None (and the gate skipped for a while) when Redis fails."""
    try:
        async with asyncio.timeout(CALL_TIMEOUT_SECONDS):
            return await call()
    except REDIS_FAILURES as exc:
        log.warning("booking_gate_unavailable", error=type(exc).__name__)
        _Health.down_until = time.monotonic() + REDIS_BACKOFF_SECONDS
        return None


async def admit(*, rt: Runtime, slot_id: uuid.UUID, resident_id: uuid.UUID, group: str) -> Ticket:
    """Take a seat of the slot for the resident, or say why not; UNGATED when there is no gate."""
    if not enabled(rt):
        return UNGATED
    script = rt.redis.register_script(_ADMIT)
    args: list[str | float] = [str(resident_id), utcnow().timestamp(), group]
    for _ in range(2):
        answer = await _call(lambda: script(keys=_keys(slot_id), args=args))
        if answer is None:
            return UNGATED
        outcome, opens = answer
        if outcome != Outcome.MISSING:
            return Ticket(Outcome(outcome), opens_at=datetime.fromtimestamp(opens, UTC)
                          if outcome == Outcome.NOT_YET_OPEN else None)
        if not await _build_once(rt=rt, slot_id=slot_id):
            break  # no such slot: the database path says so
    return UNGATED


# The builds under way in this process: at a release the first requests for a slot arrive
# together, and one build (two database reads) serves them all instead of one build each.
_BUILDING: dict[uuid.UUID, asyncio.Future[bool]] = {}


async def _build_once(*, rt: Runtime, slot_id: uuid.UUID) -> bool:
    pending = _BUILDING.get(slot_id)
    if pending is None:
        pending = _BUILDING[slot_id] = asyncio.ensure_future(_build(rt=rt, slot_id=slot_id))
        pending.add_done_callback(lambda _: _BUILDING.pop(slot_id, None))
    # Shielded: one waiter's dropped connection must not cancel the build the others wait for.
    return await asyncio.shield(pending)


async def _build(*, rt: Runtime, slot_id: uuid.UUID) -> bool:
    """The slot's gate from the database: seats left and the residents holding one."""
    slot = await Slot.get_or_none(id=slot_id)
    if slot is None:
        return False
    holders = await Appointment.filter(slot_id=slot_id, active_marker="active").values_list(
        "resident_id", flat=True)
    opens = slot.opens_at.timestamp() if slot.opens_at else 0
    expires = int((slot.starts_at + _KEEP_AFTER_START).timestamp())
    args = [max(slot.capacity - slot.booked, 0), slot.starts_at.timestamp(), opens, expires,
            slot.appointment_group, int(slot.is_closed), *(str(h) for h in holders)]
    await _call(lambda: rt.redis.register_script(_BUILD)(keys=_keys(slot_id), args=args))
    return True


async def _adjust(*, rt: Runtime, slot_id: uuid.UUID, resident_id: uuid.UUID, delta: int) -> None:
    # A failure may leave the count off until the gate is rebuilt (``reconcile``, start-up).
    if enabled(rt):
        await _call(lambda: rt.redis.register_script(_ADJUST)(keys=_keys(slot_id),
                                                              args=[delta, str(resident_id)]))


async def settle(*, rt: Runtime, ticket: Ticket, slot_id: uuid.UUID, resident_id: uuid.UUID,
                 booked: bool, database_full: bool) -> None:
    """After the booking's transaction: keep the seat, give it back, or count one taken without it.

    ``database_full``: the database found the slot full although the gate let the request in, so
    the gate's count ran high; it is rebuilt from the database by the next request."""
    if not ticket.gated:
        return
    if database_full:
        await forget(rt=rt, slot_ids=[slot_id])
    elif ticket.held and not booked:
        await _adjust(rt=rt, slot_id=slot_id, resident_id=resident_id, delta=1)
    elif booked and not ticket.held:
        await _adjust(rt=rt, slot_id=slot_id, resident_id=resident_id, delta=-1)


async def seat_returned(*, rt: Runtime, slot_id: uuid.UUID, resident_id: uuid.UUID) -> None:
    """A booked seat went back to the slot (cancel, reschedule away), after its commit."""
    await _adjust(rt=rt, slot_id=slot_id, resident_id=resident_id, delta=1)


async def seat_taken(*, rt: Runtime, slot_id: uuid.UUID, resident_id: uuid.UUID) -> None:
    """A seat was taken in the database without the gate (reschedule to the slot), after its commit."""
    await _adjust(rt=rt, slot_id=slot_id, resident_id=resident_id, delta=-1)


async def forget(*, rt: Runtime, slot_ids: list[uuid.UUID]) -> None:
    """Drop these slots' gates (capacity changed, count ran high): rebuilt on their next booking."""
    if slot_ids and enabled(rt):
        await _call(lambda: rt.redis.delete(*(key for slot_id in slot_ids for key in _keys(slot_id))))


async def _gate_slot_ids(rt: Runtime) -> list[uuid.UUID]:
    return [uuid.UUID(key.removeprefix(_PREFIX))
            async for key in rt.redis.scan_iter(match=f"{_PREFIX}*", count=1000)
            if not key.endswith(":holders")]


async def forget_all(*, rt: Runtime) -> int:
    """Drop every gate, at the start of an API process: each is rebuilt from the database."""
    if not rt.settings.appointment_gate:
        return 0
    slot_ids = await _call(lambda: _gate_slot_ids(rt)) or []
    await forget(rt=rt, slot_ids=slot_ids)
    return len(slot_ids)


async def reconcile(*, rt: Runtime) -> int:
    """Build the gates of slots released within ``PREPARE_AHEAD`` (so the release's first
    requests find them ready), and rebuild those that say "full" while the database has a seat
    left (a cancellation whose seat could not reach Redis, a process that died holding one);
    returns how many were rebuilt."""
    if not enabled(rt):
        return 0
    now = utcnow()
    for slot_id in cast(list[uuid.UUID], await Slot.filter(
            opens_at__gt=now, opens_at__lte=now + PREPARE_AHEAD, is_closed=False).values_list("id", flat=True)):
        await _build_once(rt=rt, slot_id=slot_id)  # a gate already there is left as it is

    async def full_gates() -> list[uuid.UUID]:
        slot_ids = await _gate_slot_ids(rt)
        async with rt.redis.pipeline(transaction=False) as pipe:
            for slot_id in slot_ids:
                pipe.hget(_keys(slot_id)[0], "seats")
            seats = await pipe.execute()
        return [i for i, left in zip(slot_ids, seats, strict=True) if left is not None and int(left) <= 0]

    full = await _call(full_gates) or []
    if not full:
        return 0
    stale = cast(list[uuid.UUID], await Slot.filter(id__in=full, booked__lt=F("capacity"), is_closed=False
                                                    ).values_list("id", flat=True))
    await forget(rt=rt, slot_ids=stale)
    return len(stale)
