"""Against scalpers and scripts (docs/release.md): one real-name person is one booker however many
WeChat accounts they hold, WeChat's user risk rank guards high-demand slots (and WeChat down does
not stop booking), and bursts from one device or one address are answered 429."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest

from models.appointments import Appointment
from tests.builders import (
    add_beijing_pass_identity,
    login_resident,
    login_wechat_resident,
    make_resident,
    make_slot,
    resident_session,
)
from tests.builders.appointments import book
from tests.identity.test_linking import bind_beijing_pass
from tests.support.metrics import growth


@pytest.fixture
def limits(rt):
    """Change booking settings for one test."""
    original = rt.settings

    def change(**values: object) -> None:
        rt.settings = original.model_copy(update=values)

    yield change
    rt.settings = original


async def _high_demand_slot(desk, **overrides):
    slot = await make_slot(hall=desk.hall, **overrides)
    slot.high_demand = True
    await slot.save(update_fields=["high_demand"])
    return slot


async def _book_from(client, who, desk, slot, **headers):
    return await client.post("/api/v1/appointments",
                             json={"item_id": str(desk.item.id), "slot_id": str(slot.id)},
                             headers={**who.headers, "idempotency-key": secrets.token_hex(8), **headers})


async def test_two_wechat_accounts_with_one_id_number_are_one_booker(
        client, wechat, bjpass, appointment_desk, booking_gate):
    desk = appointment_desk
    slot = await _high_demand_slot(desk)
    other_slot = await _high_demand_slot(desk, starts_in=timedelta(hours=5))
    person = await add_beijing_pass_identity(bjpass, id_number="110108198805050018")
    first_account = await login_wechat_resident(client, wechat)
    assert (await bind_beijing_pass(client, first_account, person["key"])).status_code == 200
    second_account = await login_wechat_resident(client, wechat)
    # The same person behind another Beijing Pass login cannot make the second account real-name.
    twin = await add_beijing_pass_identity(bjpass, id_number="110108198805050018")
    bound = await bind_beijing_pass(client, second_account, twin["key"])
    assert bound.json()["error"]["code"] == "REALNAME_ID_IN_USE"

    booked = await book(client, first_account, item_id=desk.item.id, slot_id=slot.id)
    assert booked.status_code == 201, booked.text
    # The second account is nobody's real name: a high-demand slot is not for it, even for an item
    # that needs no real name elsewhere.
    desk.item.requires_realname = False
    await desk.item.save(update_fields=["requires_realname"])
    refused = await book(client, second_account, item_id=desk.item.id, slot_id=other_slot.id)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "REALNAME_REQUIRED"
    again = await book(client, first_account, item_id=desk.item.id, slot_id=other_slot.id)
    assert again.json()["error"]["code"] == "APPOINTMENT_DUPLICATE"


async def _ranked_resident(client, wechat, bjpass, rank: int):
    resident = await login_wechat_resident(client, wechat)
    person = await add_beijing_pass_identity(bjpass, id_number=f"1101081990{secrets.randbelow(10**7):07d}X")
    assert (await bind_beijing_pass(client, resident, person["key"])).status_code == 200
    ranked = await wechat.post("/_emulator/miniprogram/risk-rank", json={"user": resident.user_key, "risk_rank": rank})
    assert ranked.status_code == 200, ranked.text
    return resident


async def test_a_risky_wechat_account_is_refused_a_high_demand_slot(
        client, wechat, bjpass, appointment_desk, booking_gate):
    desk = appointment_desk
    slot = await _high_demand_slot(desk, capacity=1)
    risky = await _ranked_resident(client, wechat, bjpass, rank=4)
    ordinary = await _ranked_resident(client, wechat, bjpass, rank=1)
    first_come = await make_slot(hall=desk.hall, starts_in=timedelta(hours=6))
    listed = await client.get("/api/v1/appointments/availability", params={
        "hall_id": str(desk.hall.id), "item_id": str(desk.item.id), "day_from": slot.day.isoformat(),
        "day_to": first_come.day.isoformat()})
    assert {row["id"]: row["high_demand"] for row in listed.json()["items"]} == {
        str(slot.id): True, str(first_come.id): False}

    refused = await book(client, risky, item_id=desk.item.id, slot_id=slot.id)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "APPOINTMENT_RISK_REFUSED"
    # The refused request gave its gate seat back: the one seat is still there.
    assert (await book(client, ordinary, item_id=desk.item.id, slot_id=slot.id)).status_code == 201
    # Slots not marked high-demand do not ask WeChat.
    assert (await book(client, risky, item_id=desk.item.id, slot_id=first_come.id)).status_code == 201


async def test_a_move_into_a_high_demand_slot_asks_what_booking_it_would(client, wechat, bjpass, appointment_desk):
    desk = appointment_desk
    desk.item.requires_realname = False
    await desk.item.save(update_fields=["requires_realname"])
    scarce = await _high_demand_slot(desk)
    anonymous = await login_wechat_resident(client, wechat)
    risky = await _ranked_resident(client, wechat, bjpass, rank=4)
    moves = []
    for hours, who in enumerate((anonymous, risky), start=6):
        ordinary = await make_slot(hall=desk.hall, starts_in=timedelta(hours=hours))
        booked = await book(client, who, item_id=desk.item.id, slot_id=ordinary.id)
        assert booked.status_code == 201, booked.text
        moves.append(await client.post(f"/api/v1/appointments/{booked.json()['id']}/reschedule",
                                       json={"slot_id": str(scarce.id)}, headers=who.headers))

    assert [(m.status_code, m.json()["error"]["code"]) for m in moves] == [
        (403, "REALNAME_REQUIRED"), (403, "APPOINTMENT_RISK_REFUSED")]
    await scarce.refresh_from_db()
    assert scarce.booked == 0 and await Appointment.filter(slot_id=scarce.id).count() == 0


async def test_wechat_unreachable_does_not_stop_a_high_demand_booking(
        client, rt, wechat, bjpass, appointment_desk, limits):
    desk = appointment_desk
    slot = await _high_demand_slot(desk)
    risky = await _ranked_resident(client, wechat, bjpass, rank=4)
    before = (await client.get("/metrics")).text
    await rt.redis.flushdb()  # the cached WeChat access token: the next call goes to WeChat
    limits(wechat_api_base_url="http://127.0.0.1:9")  # nothing listens on the discard port

    booked = await book(client, risky, item_id=desk.item.id, slot_id=slot.id)

    assert booked.status_code == 201, booked.text
    after = (await client.get("/metrics")).text
    assert growth(before, after, "hdt_wechat_risk_checks_total", outcome="unavailable") == 1


async def test_a_burst_from_one_device_is_answered_429(client, rt, appointment_desk, limits):
    desk = appointment_desk
    limits(booking_device_limit=3)
    slots = [await make_slot(hall=desk.hall, starts_in=timedelta(hours=3 + i)) for i in range(5)]
    residents = [await resident_session(rt) for _ in range(5)]
    device = {"x-device-id": "device-" + secrets.token_hex(8)}

    answers = [await _book_from(client, who, desk, slot, **device) for who, slot in zip(residents, slots, strict=True)]

    assert [a.status_code for a in answers[:3]] == [201, 201, 201]
    for refused in answers[3:]:
        assert refused.status_code == 429
        error = refused.json()["error"]
        assert error["code"] == "APPOINTMENT_RATE_LIMITED" and error["details"]["scope"] == "device"
        assert 0 < error["details"]["retry_after_seconds"] <= error["details"]["window_seconds"]
        assert refused.headers["retry-after"] == str(error["details"]["retry_after_seconds"])
    # Another device is not held back by it.
    other = await _book_from(client, residents[4], desk, slots[4], **{"x-device-id": "device-other-1"})
    assert other.status_code == 201
    malformed = await _book_from(client, residents[3], desk, slots[3], **{"x-device-id": "no"})
    assert malformed.status_code == 422 and malformed.json()["error"]["code"] == "DEVICE_ID_INVALID"


async def test_a_burst_from_one_address_is_answered_429(client, rt, appointment_desk, limits):
    desk = appointment_desk
    limits(booking_address_limit=2)
    slot = await make_slot(hall=desk.hall, capacity=10)
    residents = [await resident_session(rt) for _ in range(3)]

    answers = [await book(client, who, item_id=desk.item.id, slot_id=slot.id) for who in residents]

    assert [a.status_code for a in answers] == [201, 201, 429]
    assert answers[2].json()["error"]["details"]["scope"] == "address"


async def test_a_burst_from_one_resident_is_answered_429_whatever_device_it_comes_from(
        client, rt, appointment_desk, limits, booking_gate):
    desk = appointment_desk
    limits(booking_resident_limit=3)
    slot = await make_slot(hall=desk.hall, capacity=10)
    resident, other = await resident_session(rt), await resident_session(rt)

    # A resident who holds a seat passes the admission gate: each repeat would reach the database.
    answers = [await _book_from(client, resident, desk, slot, **{"x-device-id": f"device-{n:04d}"})
               for n in range(5)]

    assert [a.status_code for a in answers] == [201, 409, 409, 429, 429]
    assert answers[3].json()["error"]["details"]["scope"] == "resident"
    assert (await _book_from(client, other, desk, slot)).status_code == 201


FATHER = {"name": "李四", "id_number": "110102198506124562", "relation": "family"}


async def _book_for(client, agent, desk, slot, represented):
    return await client.post("/api/v1/appointments", headers={**agent.headers, "idempotency-key": secrets.token_hex(8)},
                             json={"item_id": str(desk.item.id), "slot_id": str(slot.id), "represented": represented})


async def test_a_booking_for_someone_else_names_them_and_counts_against_them(
        client, rt, appointment_desk, booking_gate):
    desk = appointment_desk
    slot = await make_slot(hall=desk.hall, starts_in=timedelta(minutes=20))
    later = await make_slot(hall=desk.hall, starts_in=timedelta(hours=5))
    agent, second_agent = await resident_session(rt), await resident_session(rt)
    father = await login_resident(rt, await make_resident(rt, realname=True, real_name="李四",
                                                          id_number=FATHER["id_number"]))

    booked = await _book_for(client, agent, desk, slot, FATHER)

    assert booked.status_code == 201, booked.text
    assert booked.json()["represented"] == {"relation": "family", "name_masked": "李*",
                                            "id_number_masked": "1101**********4562"}
    row = await Appointment.get(id=booked.json()["id"])
    assert FATHER["id_number"] not in str(row.representation) and "李四" not in str(row.representation)
    listed = await client.get("/api/v1/appointments", headers=agent.headers)
    assert FATHER["id_number"] not in listed.text and listed.json()["items"][0]["represented"]["name_masked"] == "李*"
    # The father's one booking of the item is taken, whoever asks next.
    for who, body in ((father, None), (second_agent, FATHER)):
        again = await _book_for(client, who, desk, later, body)
        assert again.status_code == 409 and again.json()["error"]["code"] == "APPOINTMENT_DUPLICATE"
    for_self = await _book_for(client, father, desk, later, {**FATHER, "name": "李四"})
    assert for_self.json()["error"]["code"] == "REPRESENTED_IS_SELF"
    # The clerk scanning the code is told whom to expect.
    scan = await client.post(f"/api/v1/halls/{desk.hall.id}/check-ins", headers=desk.clerk.headers,
                             json={"token": booked.json()["qr_token"]})
    assert scan.status_code == 200, scan.text
    assert scan.json()["represented"] == booked.json()["represented"]
