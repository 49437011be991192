"""Who works at a window: a clerk of its hall (and of its groups' department, when scoped to one);
an open window is closed or taken over only by the clerk who opened it or the hall's manager."""

from __future__ import annotations

from models.hall_floor import HallWindow
from tests.builders import login_staff, make_department, make_hall, make_service_item, make_staff
from tests.builders.hall_floor import make_floor, make_tickets


def _post(client, who, window, action: str):
    return client.post(f"/api/v1/hall-windows/{window.id}/{action}", headers=who.headers, json={})


async def test_a_clerk_of_another_department_with_no_hall_cannot_touch_the_floor(client, rt):
    floor = await make_floor(client, rt)
    await make_tickets(floor.hall, 3)
    outsider = await login_staff(rt, await make_staff(rt, roles=[f"clerk:{(await make_department()).code}"]))
    window = floor.windows[0]

    for action in ("close", "open", "call-next"):
        assert (await _post(client, outsider, window, action)).status_code == 403, action
    for path in ("queue", "windows"):
        assert (await client.get(f"/api/v1/halls/{floor.hall.id}/{path}", headers=outsider.headers)).status_code == 403
    still = await HallWindow.get(id=window.id)
    assert (still.is_open, still.opened_by) == (True, floor.clerks[0].id)
    assert (await _post(client, floor.clerks[0], window, "call-next")).status_code == 200


async def test_a_clerk_of_another_hall_cannot_touch_the_floor(client, rt):
    floor = await make_floor(client, rt)
    elsewhere = await login_staff(rt, await make_staff(rt, roles=[f"clerk@{(await make_hall()).code}"]))
    for action in ("close", "open", "call-next"):
        assert (await _post(client, elsewhere, floor.windows[0], action)).status_code == 403, action


async def test_only_the_opener_or_the_hall_manager_closes_or_takes_over_an_open_window(client, rt):
    floor = await make_floor(client, rt, windows=2)
    await make_tickets(floor.hall, 3)
    window, colleague = floor.windows[0], floor.clerks[1]  # a clerk of the same hall, at window 2

    for action in ("close", "open"):
        refused = await _post(client, colleague, window, action)
        assert refused.status_code == 409 and refused.json()["error"]["code"] == "HALL_WINDOW_NOT_YOURS", action
    assert (await _post(client, colleague, window, "call-next")).json()["error"]["code"] == "HALL_WINDOW_NOT_YOURS"

    closed = await _post(client, floor.manager, window, "close")
    assert closed.status_code == 200 and closed.json()["is_open"] is False
    taken = await _post(client, colleague, window, "open")
    assert taken.status_code == 200 and taken.json()["opened_by"] == colleague.id
    assert (await _post(client, colleague, window, "call-next")).status_code == 200
    assert (await _post(client, floor.clerks[0], window, "close")).status_code == 409


async def test_a_hall_manager_who_is_also_a_clerk_takes_over_an_open_window(client, rt):
    floor = await make_floor(client, rt)
    both = await login_staff(rt, await make_staff(rt, roles=[f"clerk@{floor.hall.code}",
                                                             f"hall_manager@{floor.hall.code}"]))
    taken = await _post(client, both, floor.windows[0], "open")
    assert taken.status_code == 200 and taken.json()["opened_by"] == both.id


async def test_a_department_clerk_works_only_at_windows_of_its_departments_groups(client, rt):
    own, other = await make_department(), await make_department()
    await make_service_item(department=own, appointment_group="OWN")
    await make_service_item(department=other, appointment_group="OTHER")
    floor = await make_floor(client, rt, windows=0)
    windows = {}
    for number, groups in (("1", ["OWN"]), ("2", ["OWN", "OTHER"]), ("3", ["NOBODY"])):
        created = await client.post(f"/api/v1/halls/{floor.hall.id}/windows", headers=floor.manager.headers,
                                    json={"number": number, "groups": groups})
        assert created.status_code == 201, created.text
        windows[number] = await HallWindow.get(id=created.json()["id"])
    clerk = await login_staff(rt, await make_staff(rt, roles=[f"clerk:{own.code}@{floor.hall.code}"]))

    assert (await _post(client, clerk, windows["1"], "open")).status_code == 200
    for number in ("2", "3"):  # another department's group too; groups of no known department
        refused = await _post(client, clerk, windows[number], "open")
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "FORBIDDEN", number
    assert (await client.get(f"/api/v1/halls/{floor.hall.id}/queue", headers=clerk.headers)).status_code == 200
