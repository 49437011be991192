"""The draw (抽签, docs/release.md): residents enter during the window after the release, the seats
are drawn once among them, the winners are booked, everyone is told, and the draw is verified
offline from its ledger entry alone."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import datetime, timedelta

from app import periodic
from app.ids import utcnow
from models.appointments import Slot, SlotDraw
from models.ledger import LedgerEntry
from models.outbox import OutboxEvent
from tests.builders import make_slot, resident_session
from tests.builders.appointments import book


async def _draw_slot(desk, *, capacity: int) -> Slot:
    """A slot released a minute ago whose entries close in ten minutes."""
    return await make_slot(hall=desk.hall, capacity=capacity, starts_in=timedelta(days=2),
                           opens_in=timedelta(minutes=-1), draw_closes_in=timedelta(minutes=10))


async def _enter(client, who, desk, slot):
    return await client.post("/api/v1/draw-entries", headers=who.headers,
                             json={"item_id": str(desk.item.id), "slot_id": str(slot.id)})


async def _close_window(slot: Slot) -> None:
    await Slot.filter(id=slot.id).update(draw_closes_at=utcnow() - timedelta(seconds=1))


async def _my_entries(client, who) -> list[dict]:
    listed = await client.get("/api/v1/draw-entries", headers=who.headers)
    assert listed.status_code == 200, listed.text
    return listed.json()["items"]


def _verify_draw(path) -> subprocess.CompletedProcess:
    """The offline verifier, as an outsider runs it: a separate process given one JSON file."""
    return subprocess.run([sys.executable, "-m", "ledger_verifier", "verify-draw", str(path)],
                          capture_output=True, text=True, timeout=60, check=False)


async def test_the_draw_books_the_winners_once_and_verifies_offline_from_the_ledger(
        client, rt, appointment_desk, booking_gate, cli, tmp_path):
    desk = appointment_desk
    slot = await _draw_slot(desk, capacity=2)
    entrants = [await resident_session(rt) for _ in range(5)]
    for who in entrants:
        entered = await _enter(client, who, desk, slot)
        assert entered.status_code == 201, entered.text
        assert entered.json()["status"] == "entered"
    outsider = await resident_session(rt)

    twice = await _enter(client, entrants[0], desk, slot)
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "DRAW_ALREADY_ENTERED"
    first_come = await book(client, outsider, item_id=desk.item.id, slot_id=slot.id)
    assert first_come.status_code == 409 and first_come.json()["error"]["code"] == "APPOINTMENT_DRAW_ONLY"

    await _close_window(slot)
    late = await _enter(client, outsider, desk, slot)
    assert late.status_code == 409 and late.json()["error"]["code"] == "DRAW_WINDOW_CLOSED"
    # Two entrants look at once (the listing draws a due draw), then the scheduled command: one draw.
    await asyncio.gather(*(_my_entries(client, who) for who in entrants[:2]))
    assert "draws run: 0" in cli("run-draws")

    outcomes = {who.id: (await _my_entries(client, who))[0] for who in entrants}
    won = [e for e in outcomes.values() if e["status"] == "won"]
    assert len(won) == 2 and all(e["appointment_id"] for e in won)
    assert sorted(e["status"] for e in outcomes.values()) == ["lost", "lost", "lost", "won", "won"]
    for who in entrants:
        mine = await client.get("/api/v1/appointments", headers=who.headers)
        assert len(mine.json()["items"]) == (outcomes[who.id]["status"] == "won")
    await slot.refresh_from_db()
    assert slot.booked == 2 and await SlotDraw.filter(slot_id=slot.id).count() == 1
    assert await LedgerEntry.filter(record_type="appointment_draw").count() == 1
    # Full after the draw, and the gate knows it.
    after = await book(client, outsider, item_id=desk.item.id, slot_id=slot.id)
    assert after.json()["error"]["code"] == "APPOINTMENT_SLOT_FULL"

    # Everyone who entered is told, once.
    told = await OutboxEvent.filter(event_type="draw.decided").values_list("payload", flat=True)
    assert sorted((p["resident_id"], p["outcome"]) for p in told) == sorted(
        (who.id, outcomes[who.id]["status"]) for who in entrants)

    # The record, as anyone downloads it (with its proof), is enough to recompute the winners.
    await periodic.sign_ledger_head(rt)
    ledger_entry_id = won[0]["ledger_entry_id"]
    assert all(e["ledger_entry_id"] == ledger_entry_id for e in outcomes.values())
    bundle = (await client.get(f"/api/v1/ledger/entries/{ledger_entry_id}/proof")).json()
    (tmp_path / "keys.json").write_text((await client.get("/api/v1/ledger/keys")).text)
    (tmp_path / "draw.json").write_text(json.dumps(bundle))
    verified = _verify_draw(tmp_path / "draw.json")
    assert verified.returncode == 0 and "VALID" in verified.stdout, verified.stdout + verified.stderr
    assert sorted(verified.stdout.split(":", 1)[1].split()[:2]) == sorted(e["entrant_hash"] for e in won)
    included = subprocess.run([sys.executable, "-m", "ledger_verifier", "verify-inclusion", "--keys",
                               str(tmp_path / "keys.json"), str(tmp_path / "draw.json")],
                              capture_output=True, text=True, timeout=60, check=False)
    assert included.returncode == 0, included.stdout + included.stderr
    record = json.loads(bundle["entry"]["leaf"])["data"]
    assert sorted(record["entrants"]) == sorted(e["entrant_hash"] for e in outcomes.values())

    # A record whose winners were swapped for a loser is caught.
    loser = next(e["entrant_hash"] for e in outcomes.values() if e["status"] == "lost")
    forged_leaf = json.loads(bundle["entry"]["leaf"])
    forged_leaf["data"]["winners"][0] = loser
    forged = {"leaf": json.dumps(forged_leaf)}
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    refused = _verify_draw(tmp_path / "forged.json")
    assert refused.returncode == 1 and "INVALID" in refused.stdout


async def test_a_drawn_entrant_a_booking_rule_refuses_is_passed_over_and_recorded(
        client, rt, appointment_desk, cli, tmp_path):
    desk = appointment_desk
    slot = await _draw_slot(desk, capacity=3)
    elsewhere = await make_slot(hall=desk.hall, starts_in=timedelta(days=3))
    entrants = [await resident_session(rt) for _ in range(3)]
    for who in entrants:
        assert (await _enter(client, who, desk, slot)).status_code == 201
    # One of them books the item first come elsewhere: one active booking per item.
    assert (await book(client, entrants[0], item_id=desk.item.id, slot_id=elsewhere.id)).status_code == 201
    await _close_window(slot)

    assert "draws run: 1" in cli("run-draws")

    [refused] = await _my_entries(client, entrants[0])
    assert (refused["status"], refused["refusal_code"]) == ("refused", "APPOINTMENT_DUPLICATE")
    assert [(await _my_entries(client, who))[0]["status"] for who in entrants[1:]] == ["won", "won"]
    await slot.refresh_from_db()
    assert slot.booked == 2
    entry = await LedgerEntry.get(record_type="appointment_draw")
    data = json.loads(entry.leaf)["data"]
    assert data["refused"] == [refused["entrant_hash"]] and data["seats"] == 3
    (tmp_path / "draw.json").write_text(json.dumps({"leaf": entry.leaf}))
    assert _verify_draw(tmp_path / "draw.json").returncode == 0
    # The seat nobody won is first come now.
    outsider = await resident_session(rt)
    assert (await book(client, outsider, item_id=desk.item.id, slot_id=slot.id)).status_code == 201


async def test_entering_needs_a_draw_slot_its_window_and_a_real_name(client, rt, appointment_desk):
    desk = appointment_desk
    first_come = await make_slot(hall=desk.hall)
    not_yet = await make_slot(hall=desk.hall, starts_in=timedelta(days=3), opens_in=timedelta(hours=1),
                              draw_closes_in=timedelta(hours=1, minutes=1))
    slot = await _draw_slot(desk, capacity=1)
    resident = await resident_session(rt)
    anonymous = await resident_session(rt, realname=False)

    cases = [(resident, first_come, 409, "DRAW_NOT_A_DRAW_SLOT"),
             (resident, not_yet, 409, "APPOINTMENT_NOT_YET_OPEN"),
             (anonymous, slot, 403, "REALNAME_REQUIRED")]
    for who, target, status, code in cases:
        refused = await _enter(client, who, desk, target)
        assert (refused.status_code, refused.json()["error"]["code"]) == (status, code)
    assert await _my_entries(client, resident) == []


async def test_a_template_with_a_draw_window_publishes_draw_slots(client, appointment_desk):
    hall, headers = appointment_desk.hall.id, appointment_desk.manager.headers
    template = {"appointment_group": "G1", "weekday": 1, "start": "09:00", "end": "09:30", "capacity": 3,
                "draw_window_seconds": 60}
    no_release = await client.post(f"/api/v1/halls/{hall}/slot-templates", headers=headers, json=template)
    assert no_release.status_code == 422

    for weekday in range(1, 8):
        created = await client.post(f"/api/v1/halls/{hall}/slot-templates", headers=headers, json={
            **template, "weekday": weekday, "release_days_before": 7, "release_at": "07:00"})
        assert created.status_code == 201 and created.json()["draw_window_seconds"] == 60
    await client.post(f"/api/v1/halls/{hall}/slots/materialize", headers=headers)

    today = utcnow().date()
    listed = await client.get(f"/api/v1/halls/{hall}/slots", headers=headers, params={
        "day_from": today.isoformat(), "day_to": (today + timedelta(days=13)).isoformat()})
    rows = listed.json()["items"]
    assert rows and all(row["draw_closes_at"] is not None for row in rows)
    for row in rows:
        opens, closes = (datetime.fromisoformat(row[k]) for k in ("opens_at", "draw_closes_at"))
        assert closes - opens == timedelta(seconds=60)


async def test_the_waiting_list_gets_no_draw_seat_before_the_draw(client, rt, appointment_desk):
    desk = appointment_desk
    full = await make_slot(hall=desk.hall, capacity=1, starts_in=timedelta(days=2))
    assert (await book(client, await resident_session(rt), item_id=desk.item.id, slot_id=full.id)).status_code == 201
    waiter = await resident_session(rt)
    joined = await client.post("/api/v1/waitlist", headers=waiter.headers, json={
        "item_id": str(desk.item.id), "hall_id": str(desk.hall.id), "day": full.day.isoformat()})
    assert joined.status_code == 201, joined.text
    # A draw slot published on that day afterwards: its seats are for its entrants first.
    slot = await make_slot(hall=desk.hall, capacity=1, starts_in=timedelta(days=2, minutes=30),
                           opens_in=timedelta(minutes=-1), draw_closes_in=timedelta(minutes=10))

    await periodic.sweep_waitlist(rt)
    [waiting] = (await client.get("/api/v1/waitlist", headers=waiter.headers)).json()["items"]
    assert waiting["status"] == "waiting"

    # Nobody entered: once drawn, the seat is anyone's, the line first.
    await _close_window(slot)
    await periodic.run_draws(rt)
    await periodic.sweep_waitlist(rt)
    [offered] = (await client.get("/api/v1/waitlist", headers=waiter.headers)).json()["items"]
    assert (offered["status"], offered["offered_slot_id"]) == ("offered", str(slot.id))
