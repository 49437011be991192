"""Walk-in tickets: proof of presence (the hall's posted code or location), daily quota, the
resident's position and estimated wait."""

from __future__ import annotations

from models.hall_floor import Ticket
from tests.builders import resident_session
from tests.builders.hall_floor import make_floor, make_tickets

HALL_AT = {"latitude": 39.9590, "longitude": 116.2980}


async def _settings(client, floor, **values):
    answer = await client.put(f"/api/v1/halls/{floor.hall.id}/floor-settings", headers=floor.manager.headers,
                              json=values)
    assert answer.status_code == 200, answer.text


async def test_a_resident_in_the_hall_takes_a_number_and_sees_who_is_ahead(client, rt):
    floor = await make_floor(client, rt)
    await _settings(client, floor, **HALL_AT, service_minutes=6)
    await make_tickets(floor.hall, 3)
    resident = await resident_session(rt)

    taken = await client.post(f"/api/v1/halls/{floor.hall.id}/tickets", headers=resident.headers,
                              json={"appointment_group": "G1", "latitude": 39.9591, "longitude": 116.2981})
    mine = await client.get("/api/v1/me/hall-tickets", headers=resident.headers)

    assert taken.status_code == 201, taken.text
    assert taken.json()["ahead"] == 3 and taken.json()["wait_minutes"] == 18
    assert taken.json()["summary"] == "前面还有 3 人，约 18 分钟"
    assert [t["id"] for t in mine.json()["items"]] == [taken.json()["id"]]


async def test_the_hall_s_posted_code_proves_presence_and_another_hall_s_does_not(client, rt):
    floor = await make_floor(client, rt)
    other = await make_floor(client, rt)
    code = (await client.post(f"/api/v1/halls/{floor.hall.id}/presence-code", headers=floor.manager.headers,
                              json={"days": 1})).json()["token"]
    resident = await resident_session(rt)

    here = await client.post(f"/api/v1/halls/{floor.hall.id}/tickets", headers=resident.headers,
                             json={"appointment_group": "G1", "hall_code": code})
    there = await client.post(f"/api/v1/halls/{other.hall.id}/tickets", headers=resident.headers,
                              json={"appointment_group": "G1", "hall_code": code})
    forged = await client.post(f"/api/v1/halls/{floor.hall.id}/tickets", headers=resident.headers,
                               json={"appointment_group": "G1", "hall_code": code[:-4] + "AAAA"})

    assert here.status_code == 201, here.text
    assert (there.status_code, there.json()["error"]["code"]) == (409, "QR_WRONG_HALL")
    assert (forged.status_code, forged.json()["error"]["code"]) == (400, "QR_FORGED")


async def test_walk_ins_outside_the_hall_or_over_the_quota_are_refused(client, rt):
    floor = await make_floor(client, rt)
    await _settings(client, floor, **HALL_AT, walkin_quota={"G1": 1})
    first, second = await resident_session(rt), await resident_session(rt)
    url = f"/api/v1/halls/{floor.hall.id}/tickets"

    far = await client.post(url, headers=first.headers,
                            json={"appointment_group": "G1", "latitude": 39.99, "longitude": 116.30})
    taken = await client.post(url, headers=first.headers, json={"appointment_group": "G1", **HALL_AT})
    over = await client.post(url, headers=second.headers, json={"appointment_group": "G1", **HALL_AT})
    unknown = await client.post(url, headers=second.headers, json={"appointment_group": "G7", **HALL_AT})

    assert (far.status_code, far.json()["error"]["code"]) == (403, "WALKIN_NOT_IN_HALL")
    assert taken.status_code == 201
    assert (over.status_code, over.json()["error"]["code"]) == (409, "WALKIN_QUOTA_EXHAUSTED")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (422, "HALL_GROUP_UNKNOWN")
    assert await Ticket.all().count() == 1
