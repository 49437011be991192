"""2,000 residents for 50 seats across two API processes, with the admission gate on and off
(docs/release.md): exactly 50 booked, every other answer APPOINTMENT_SLOT_FULL, no 5xx."""

from __future__ import annotations

import asyncio
from collections import Counter
from contextlib import AsyncExitStack

import httpx
import pytest

from models.appointments import Appointment
from tests import backends
from tests.builders import make_slot, resident_session
from tests.support.server import running_service, service_env

pytestmark = pytest.mark.skipif(backends.POSTGRES_URL is None,
                                reason="two API processes share one database: the PostgreSQL pass")

RESIDENTS, SEATS = 2000, 50


@pytest.mark.parametrize("gate", ["true", "false"])
async def test_2000_residents_for_50_seats_across_two_processes_book_exactly_50(
        rt, settings, appointment_desk, gate):
    slot = await make_slot(hall=appointment_desk.hall, capacity=SEATS)
    residents = [await resident_session(rt) for _ in range(RESIDENTS)]
    env = service_env(DATABASE_URL=settings.database_url, REDIS_URL=settings.redis_url,
                      HDT_ENV="test", HDT_KEYS_DIR=str(settings.keys_dir),
                      HDT_STORAGE_DIR=str(settings.storage_dir), HDT_APPOINTMENT_GATE=gate,
                      # 2,000 residents from one address: the per-address limit is not under test.
                      HDT_BOOKING_ADDRESS_LIMIT="0")
    payload = {"item_id": str(appointment_desk.item.id), "slot_id": str(slot.id)}

    async with AsyncExitStack() as stack:
        urls = [await stack.enter_async_context(running_service(env)) for _ in range(2)]
        clients = [await stack.enter_async_context(httpx.AsyncClient(
            base_url=url, timeout=httpx.Timeout(120, pool=None),
            limits=httpx.Limits(max_connections=250))) for url in urls]
        responses = await asyncio.gather(*(
            clients[i % 2].post("/api/v1/appointments", json=payload,
                                headers={**r.headers, "idempotency-key": f"race-{i:05d}"})
            for i, r in enumerate(residents)))

    answers = Counter(r.status_code if r.status_code != 409 else r.json()["error"]["code"]
                      for r in responses)
    assert answers == {201: SEATS, "APPOINTMENT_SLOT_FULL": RESIDENTS - SEATS}
    await slot.refresh_from_db()
    assert slot.booked == SEATS
    assert await Appointment.filter(slot_id=slot.id).count() == SEATS
