"""Calling tickets to windows: atomic across clerks on both backends, ordered by the hall's rules,
absent after the recalls, and every bad input refused with the queue unchanged."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from models.appointments import AppointmentStatus
from models.hall_floor import Ticket, TicketStatus
from models.ledger import LedgerEntry
from models.outbox import OutboxEvent
from services.appointments import qr
from tests.builders import make_appointment, make_resident, make_service_item, make_slot
from tests.builders.hall_floor import Floor, check_in_booking_in_its_window, make_floor, make_tickets
from tests.builders.onewindow import checked_in_visit, make_window, received_at_window


def _call(client, floor: Floor, index: int = 0, **body):
    return client.post(f"/api/v1/hall-windows/{floor.windows[index].id}/call-next",
                       headers=floor.clerks[index].headers, json=body)


def _act(client, floor: Floor, ticket_id: str, action: str, index: int = 0, **body):
    return client.post(f"/api/v1/hall-windows/{floor.windows[index].id}/tickets/{ticket_id}/{action}",
                       headers=floor.clerks[index].headers, json=body)


async def test_twenty_windows_calling_at_once_call_each_of_500_tickets_exactly_once(client, rt):
    floor = await make_floor(client, rt, windows=20)
    await make_tickets(floor.hall, 500)

    async def window(index: int) -> list[int]:
        numbers = []
        while True:
            answer = await _call(client, floor, index)
            if answer.status_code == 503:
                # The database bounded a statement (the ledger's lock on a loaded machine); the
                # call wrote nothing, so the clerk presses again.
                await asyncio.sleep(0.05)
                continue
            if answer.status_code == 409:
                assert answer.json()["error"]["code"] == "HALL_QUEUE_EMPTY"
                return numbers
            assert answer.status_code == 200, answer.text
            numbers.append(answer.json()["number"])

    per_window = await asyncio.gather(*(window(i) for i in range(20)))

    called = [n for numbers in per_window for n in numbers]
    assert sorted(called) == list(range(1, 501))  # none twice, none skipped
    print(f"calls per window: {sorted(Counter(len(n) for n in per_window).items())}")
    assert await Ticket.filter(status=TicketStatus.WAITING).count() == 0
    assert await OutboxEvent.filter(event_type="hall.ticket_called").count() == 500
    assert await LedgerEntry.filter(record_type="ticket_call").count() == 500


async def test_priority_then_appointments_in_their_window_then_walk_ins_by_time(client, rt):
    floor = await make_floor(client, rt)
    await make_tickets(floor.hall, 2)  # walk-ins 1 and 2, who came first
    await check_in_booking_in_its_window(client, rt, floor)
    priority = await client.post(f"/api/v1/halls/{floor.hall.id}/desk-tickets", headers=floor.clerks[0].headers,
                                 json={"appointment_group": "G1", "priority_reason": "elderly"})
    assert priority.status_code == 201, priority.text

    order = [(await _call(client, floor)).json()["id"] for _ in range(4)]

    appointment_ticket = await Ticket.get(kind="appointment")
    walk_ins = [t.id for t in await Ticket.filter(kind="walkin", priority_reason=None).order_by("number")]
    assert order == [priority.json()["id"], str(appointment_ticket.id), *map(str, walk_ins)]
    assert (await Ticket.get(id=priority.json()["id"])).priority_set_by == floor.clerks[0].id


async def test_under_the_ahead_rule_priority_counts_as_taken_that_much_earlier(client, rt):
    floor = await make_floor(client, rt)
    rule = await client.put(f"/api/v1/halls/{floor.hall.id}/floor-settings", headers=floor.manager.headers,
                            json={"priority_rule": "ahead", "priority_ahead_minutes": 30})
    assert rule.status_code == 200, rule.text
    forty_ago, twenty_ago = await make_tickets(floor.hall, 2, apart=timedelta(minutes=20))
    priority = await client.post(f"/api/v1/halls/{floor.hall.id}/desk-tickets", headers=floor.clerks[0].headers,
                                 json={"appointment_group": "G1", "priority_reason": "military"})

    order = [(await _call(client, floor)).json()["id"] for _ in range(3)]

    # Counted as joined 30 minutes ago: after the one who came 40 minutes ago, before the one of 20.
    assert order == [str(forty_ago.id), priority.json()["id"], str(twenty_ago.id)]


async def test_absent_only_after_the_hall_s_number_of_recalls(client, rt):
    floor = await make_floor(client, rt)
    await client.put(f"/api/v1/halls/{floor.hall.id}/floor-settings", headers=floor.manager.headers,
                     json={"recall_limit": 2})
    await make_tickets(floor.hall, 1)
    ticket = (await _call(client, floor)).json()["id"]

    early = await _act(client, floor, ticket, "absent")
    recalls = [(await _act(client, floor, ticket, "recall")).status_code for _ in range(3)]
    third = await _act(client, floor, ticket, "recall")
    absent = await _act(client, floor, ticket, "absent")

    assert early.json()["error"]["code"] == "TICKET_RECALLS_REMAINING"
    assert recalls == [200, 200, 409] and third.json()["error"]["code"] == "TICKET_RECALL_LIMIT"
    assert absent.status_code == 200 and absent.json()["status"] == "absent"
    assert await OutboxEvent.filter(aggregate_id=ticket, event_type="hall.ticket_absent").count() == 1


async def test_serve_hold_resume_end_and_transfer_are_events_and_ledger_entries(client, rt):
    floor = await make_floor(client, rt, windows=2, groups=("G1", "G2"))
    await make_tickets(floor.hall, 2)
    first = (await _call(client, floor)).json()["id"]
    steps = [(await _act(client, floor, first, action)).json()["status"]
             for action in ("serve-start", "hold", "resume", "serve-end")]
    second = (await _call(client, floor)).json()["id"]
    moved = await _act(client, floor, second, "transfer", window_id=str(floor.windows[1].id))
    elsewhere = await _call(client, floor, 0)
    there = await _call(client, floor, 1)

    assert steps == ["serving", "held", "serving", "done"]
    assert moved.json()["status"] == "waiting" and moved.json()["target_window_id"] == str(floor.windows[1].id)
    assert elsewhere.json()["error"]["code"] == "HALL_QUEUE_EMPTY"  # only window 2 may call it
    assert there.json()["id"] == second
    actions = [e.leaf for e in await LedgerEntry.filter(record_type="ticket_service").order_by("seq")]
    assert [a.split('"action":"')[1].split('"')[0] for a in actions] == [
        "started", "held", "resumed", "ended", "transferred"]


async def test_check_in_joins_the_queue_and_is_ledgered(client, rt):
    floor = await make_floor(client, rt)
    item = await make_service_item(appointment_group="G1")
    slot = await make_slot(hall=floor.hall, starts_in=timedelta(minutes=10))
    appointment = await make_appointment(resident=await make_resident(rt), item=item, slot=slot)
    token = qr.issue(rt=rt, appointment=appointment)

    for _ in range(2):
        scanned = await client.post(f"/api/v1/halls/{floor.hall.id}/check-ins",
                                    headers=floor.clerks[0].headers, json={"token": token})
        assert scanned.status_code == 200, scanned.text

    ticket = await Ticket.get(appointment_id=appointment.id)
    assert ticket.number == scanned.json()["queue_number"] and ticket.status is TicketStatus.WAITING
    assert ticket.resident_id == appointment.resident_id
    assert (await appointment.refresh_from_db()) is None and appointment.status is AppointmentStatus.CHECKED_IN
    assert await LedgerEntry.filter(record_type="checkin").count() == 1
    assert (await _call(client, floor)).json()["id"] == str(ticket.id)


async def test_bad_input_is_refused_with_a_stable_code_and_the_queue_unchanged(client, rt):
    floor = await make_floor(client, rt, windows=2)
    other = await make_floor(client, rt)
    await make_tickets(floor.hall, 3)
    await make_tickets(other.hall, 1)
    foreign = await Ticket.get(hall_id=other.hall.id)
    called = (await _call(client, floor)).json()["id"]
    await client.post(f"/api/v1/hall-windows/{floor.windows[1].id}/close", headers=floor.clerks[1].headers)
    before = await Ticket.filter(status=TicketStatus.WAITING).count()

    answers = {
        "group": await _call(client, floor, groups=["G9"]),
        "closed_target": await _act(client, floor, called, "transfer", window_id=str(floor.windows[1].id)),
        "other_hall": await _act(client, floor, str(foreign.id), "recall"),
        "closed_window": await _call(client, floor, 1),
        "not_mine": await client.post(f"/api/v1/hall-windows/{floor.windows[0].id}/call-next",
                                      headers=other.clerks[0].headers, json={}),
        "serve_end_before_start": await _act(client, floor, called, "serve-end"),
    }

    assert {name: (a.status_code, a.json()["error"]["code"]) for name, a in answers.items()} == {
        "group": (422, "HALL_GROUP_NOT_SERVED"), "closed_target": (409, "HALL_WINDOW_CLOSED"),
        "other_hall": (409, "TICKET_WRONG_HALL"), "closed_window": (409, "HALL_WINDOW_CLOSED"),
        "not_mine": (403, "FORBIDDEN"), "serve_end_before_start": (409, "TICKET_STATE_INVALID")}
    assert await Ticket.filter(status=TicketStatus.WAITING).count() == before
    assert (await Ticket.get(id=called)).status is TicketStatus.CALLED


async def test_a_window_group_that_is_no_item_group_is_refused_and_calls_keep_working(client, rt):
    floor = await make_floor(client, rt)
    await make_tickets(floor.hall, 1)
    too_long = "G" * 33

    created = await client.post(f"/api/v1/halls/{floor.hall.id}/windows", headers=floor.manager.headers,
                                json={"number": "9", "groups": ["G1", too_long]})
    patched = await client.patch(f"/api/v1/hall-windows/{floor.windows[0].id}", headers=floor.manager.headers,
                                 json={"groups": ["G1", too_long]})
    lowercase = await client.patch(f"/api/v1/hall-windows/{floor.windows[0].id}",
                                   headers=floor.manager.headers, json={"groups": ["g1"]})
    queue = await client.get(f"/api/v1/halls/{floor.hall.id}/queue", headers=floor.manager.headers)
    called = await _call(client, floor)

    assert [(a.status_code, a.json()["error"]["code"]) for a in (created, patched, lowercase)] == [
        (422, "VALIDATION_FAILED")] * 3
    assert queue.status_code == 200 and len(queue.json()["items"]) == 1
    assert called.status_code == 200 and called.json()["number"] == 1


async def test_the_ticket_two_away_is_told_once(client, rt):
    floor = await make_floor(client, rt)
    tickets = await make_tickets(floor.hall, 5)

    for _ in range(2):
        await _call(client, floor)

    told = await OutboxEvent.filter(event_type="hall.ticket_nearly_due").order_by("created_at")
    assert [e.aggregate_id for e in told] == [str(tickets[3].id), str(tickets[4].id)]


async def test_a_service_is_tied_only_to_an_application_on_the_clerks_desk(client, rt):
    floor = await make_floor(client, rt)
    await make_tickets(floor.hall, 1)
    serving = (await _call(client, floor)).json()["id"]
    await _act(client, floor, serving, "serve-start")
    resident = await make_resident(rt, realname=True)
    here, elsewhere = await make_window(rt, hall=floor.hall), await make_window(rt)
    ours = await received_at_window(client, here, (await checked_in_visit(here, resident)).id)
    theirs = await received_at_window(client, elsewhere, (await checked_in_visit(elsewhere, resident)).id)

    refused = await _act(client, floor, serving, "serve-end", application_id=theirs["id"])
    ended = await _act(client, floor, serving, "serve-end", application_id=ours["id"])

    assert (refused.status_code, refused.json()["error"]["code"]) == (404, "APPLICATION_NOT_FOUND")
    assert ended.status_code == 200, ended.text
    assert (ended.json()["status"], ended.json()["application_id"]) == ("done", ours["id"])


async def test_wait_and_service_times_by_window_group_hour_and_day(client, rt):
    floor = await make_floor(client, rt)
    await make_tickets(floor.hall, 2)
    first = (await _call(client, floor)).json()["id"]
    for action in ("serve-start", "serve-end"):
        await _act(client, floor, first, action)
    today = (await Ticket.get(id=first)).day.isoformat()

    stats = await client.get(f"/api/v1/halls/{floor.hall.id}/floor-stats", headers=floor.manager.headers,
                             params={"day_from": today, "day_to": today})
    metrics = (await client.get("/metrics")).text

    assert stats.status_code == 200, stats.text
    body = stats.json()
    assert (body["overall"]["tickets"], body["overall"]["served"]) == (2, 1)
    assert body["overall"]["wait_mean_s"] > 0 and body["overall"]["service_mean_s"] >= 0
    assert [row["key"] for row in body["by_window"]] == ["1"] and body["by_group"][0]["key"] == "G1"
    assert body["by_day"][0]["key"] == today and len(body["by_hour"]) >= 1
    assert f'hdt_hall_wait_seconds_count{{group="G1",hall="{floor.hall.id}"}}' in metrics
