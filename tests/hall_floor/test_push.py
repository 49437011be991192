"""The resident's messages from the floor: called (and recalled), two away, absent — each event
goes to the ticket's resident and fills its development template."""

from __future__ import annotations

from models.outbox import OutboxEvent
from push.events import kind_of, recipient_of
from push.templates import render
from tests.builders import resident_session
from tests.builders.hall_floor import make_floor, make_tickets


async def test_called_two_away_and_absent_reach_the_resident_with_their_number(client, rt, settings):
    floor = await make_floor(client, rt)
    await client.put(f"/api/v1/halls/{floor.hall.id}/floor-settings", headers=floor.manager.headers,
                     json={"latitude": 39.959, "longitude": 116.298, "recall_limit": 1})
    await make_tickets(floor.hall, 3)  # the resident's ticket is fourth: two away after the first call
    resident = await resident_session(rt)
    mine = (await client.post(f"/api/v1/halls/{floor.hall.id}/tickets", headers=resident.headers,
                              json={"appointment_group": "G1", "latitude": 39.959, "longitude": 116.298})).json()
    window = f"/api/v1/hall-windows/{floor.windows[0].id}"
    for _ in range(4):
        called = (await client.post(f"{window}/call-next", headers=floor.clerks[0].headers, json={})).json()
    assert called["id"] == mine["id"]
    for action in ("recall", "absent"):
        done = await client.post(f"{window}/tickets/{mine['id']}/{action}", headers=floor.clerks[0].headers, json={})
        assert done.status_code == 200, done.text

    events = await OutboxEvent.filter(aggregate_id=mine["id"]).order_by("created_at")
    templates = settings.push_templates
    messages = {e.event_type: render(templates, kind, e.payload).data
                for e in events if (kind := kind_of(templates, e.event_type))}

    assert {recipient_of(e.payload) for e in events if kind_of(templates, e.event_type)} == {resident.id}
    assert messages["hall.ticket_nearly_due"]["thing2"] == "前面还有2人，请留意叫号"
    assert messages["hall.ticket_called"] == {"character_string1": mine["label"], "thing2": "请到1号窗口办理"}
    assert messages["hall.ticket_recalled"] == messages["hall.ticket_called"]
    assert messages["hall.ticket_absent"]["character_string1"] == mine["label"]
