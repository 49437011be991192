"""Bookings for a company over HTTP: made by an agent authorised for the item (checked as for an
application), seen by the representative and shown on whose behalf, at the desk too; a revoked
agent can no longer see, change or show it, and keeps their own personal bookings."""

from __future__ import annotations

from datetime import timedelta

from models.staff import StaffRoleName
from tests.builders import make_hall, make_service_item, make_slot, resident_session
from tests.builders.appointments import hall_staff
from tests.builders.companies import agent_session, grant_agent, representative


async def _book(client, who, *, item, slot, company_id: str | None = None):
    return await client.post("/api/v1/appointments", headers={**who.headers, "idempotency-key": f"k-{item.code}"},
                             json={"item_id": str(item.id), "slot_id": str(slot.id),
                                   **({"company_id": company_id} if company_id else {})})


async def test_a_booking_for_a_company(client, bjpass, rt):
    rep, company_id = await representative(client)
    hall = await make_hall()
    item = await make_service_item(appointment_group="G1", requires_realname=False)
    other = await make_service_item(appointment_group="G1", requires_realname=False)
    slot = await make_slot(hall=hall, starts_in=timedelta(minutes=10))
    granted = (await grant_agent(client, rep, company_id, scope=[item.code])).json()
    agent = await agent_session(rt)

    booked = await _book(client, agent, item=item, slot=slot, company_id=company_id)
    assert booked.status_code == 201, booked.text
    booking = booked.json()
    assert booking["on_behalf_of"]["company_id"] == company_id and booking["on_behalf_of"]["acting_as"] == "agent"
    outside = await _book(client, agent, item=other, slot=slot, company_id=company_id)
    assert outside.status_code == 403 and outside.json()["error"]["code"] == "COMPANY_AUTHORISATION_SCOPE"
    stranger = await resident_session(rt)
    refused = await _book(client, stranger, item=item, slot=slot, company_id=company_id)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "COMPANY_AUTHORISATION_MISSING"
    personal = await _book(client, agent, item=other, slot=slot)
    assert personal.status_code == 201 and personal.json()["on_behalf_of"] is None

    # The representative sees the company's booking (not the agent's personal one); a stranger does not.
    listed = (await client.get("/api/v1/appointments", headers=rep.headers)).json()["items"]
    assert [a["id"] for a in listed] == [booking["id"]]
    assert (await client.get(f"/api/v1/appointments/{booking['id']}", headers=rep.headers)).status_code == 200
    assert (await client.get(f"/api/v1/appointments/{personal.json()['id']}",
                             headers=rep.headers)).status_code == 404
    assert (await client.get(f"/api/v1/appointments/{booking['id']}", headers=stranger.headers)).status_code == 404

    assert (await client.post(f"/api/v1/companies/{company_id}/agents/{granted['id']}/revoke",
                              headers=rep.headers)).status_code == 200
    cancel = await client.post(f"/api/v1/appointments/{booking['id']}/cancel", headers=agent.headers)
    assert cancel.status_code == 403 and cancel.json()["error"]["code"] == "COMPANY_AUTHORISATION_REVOKED"
    qr = await client.get(f"/api/v1/appointments/{booking['id']}/qr.png", headers=agent.headers)
    assert qr.status_code == 403
    assert (await client.get(f"/api/v1/appointments/{booking['id']}", headers=agent.headers)).status_code == 404
    mine = (await client.get("/api/v1/appointments", headers=agent.headers)).json()["items"]
    assert [a["id"] for a in mine] == [personal.json()["id"]]

    # At the hall, the clerk's check-in says on whose behalf the visit is.
    clerk = await hall_staff(rt, hall=hall, role=StaffRoleName.CLERK)
    token = (await client.get(f"/api/v1/appointments/{booking['id']}", headers=rep.headers)).json()["qr_token"]
    scan = await client.post(f"/api/v1/halls/{hall.id}/check-ins", json={"token": token}, headers=clerk.headers)
    assert scan.status_code == 200, scan.text
    assert scan.json()["on_behalf_of"]["name"] == "北京海淀通测试科技有限公司"
