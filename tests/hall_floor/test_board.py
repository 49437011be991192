"""The display board: its page, its state (numbers only) and its live stream, which a screen that
reconnects catches up from."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx

from tests.builders.hall_floor import check_in_booking_in_its_window, make_floor, make_tickets


async def _states(response: httpx.Response) -> AsyncIterator[dict]:
    """The ``state`` events of a server-sent event stream."""
    event = None
    async for line in response.aiter_lines():
        if line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: ") and event == "state":
            yield json.loads(line.removeprefix("data: "))


async def test_a_call_reaches_a_connected_screen_and_a_new_screen_starts_from_it(client, rt):
    floor = await make_floor(client, rt)
    await client.put(f"/api/v1/halls/{floor.hall.id}/floor-settings", headers=floor.manager.headers,
                     json={"group_prefixes": {"G1": "A"}})
    await make_tickets(floor.hall, 3)
    url = f"/api/v1/halls/{floor.hall.id}/board/events"

    async with client.stream("GET", url) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        states = _states(stream)
        first = await anext(states)
        called = await client.post(f"/api/v1/hall-windows/{floor.windows[0].id}/call-next",
                                   headers=floor.clerks[0].headers, json={})
        after = await asyncio.wait_for(anext(states), 30)
    async with client.stream("GET", url) as again:
        caught_up = await anext(_states(again))

    label = called.json()["label"]
    assert first["recent"] == [] and first["next"][:1] == [label]
    assert after["recent"][0]["label"] == label == caught_up["recent"][0]["label"]
    assert after["recent"][0]["text"] == f"请 {' '.join(label)} 号到 1 号窗口办理"
    assert after["windows"] == [{"number": "1", "name": "", "is_open": True, "current": label}]
    assert label not in after["next"]


async def test_the_board_page_and_state_carry_numbers_only(client, rt):
    floor = await make_floor(client, rt)
    await make_tickets(floor.hall, 1)
    await client.post(f"/api/v1/hall-windows/{floor.windows[0].id}/call-next", headers=floor.clerks[0].headers,
                      json={})

    page = await client.get(f"/api/v1/halls/{floor.hall.id}/board")
    state = (await client.get(f"/api/v1/halls/{floor.hall.id}/board/state")).json()
    missing = await client.get("/api/v1/halls/01a24449-0041-7db7-827f-ad2db0c443f0/board")

    assert page.status_code == 200 and "叫号" in page.text and str(floor.hall.id) in page.text
    assert "speechSynthesis" in page.text and "connect-src 'self'" in page.headers["content-security-policy"]
    assert set(state) == {"hall_id", "hall_name", "windows", "recent", "next", "at"}
    assert set(state["recent"][0]) == {"label", "window", "called_at", "recalls", "text"}
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "HALL_NOT_FOUND"


async def test_the_board_shows_the_next_numbers_in_the_order_they_are_called(client, rt):
    floor = await make_floor(client, rt)
    await make_tickets(floor.hall, 2, start=101)  # walk-ins who came before the booking, G1101 and G1102
    scanned = await check_in_booking_in_its_window(client, rt, floor)

    shown = (await client.get(f"/api/v1/halls/{floor.hall.id}/board/state")).json()["next"]
    called = [(await client.post(f"/api/v1/hall-windows/{floor.windows[0].id}/call-next",
                                 headers=floor.clerks[0].headers, json={})).json() for _ in range(3)]

    assert shown == [ticket["label"] for ticket in called]
    assert called[0]["number"] == scanned["queue_number"]  # the booking inside its window goes first
