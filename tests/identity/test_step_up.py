"""An item may need a higher real-name level than the resident has: the refusal says how to raise
it, Beijing Pass takes them through its check, and they come back to the page they were on."""

from __future__ import annotations

import httpx

from tests.builders import (
    LoggedIn,
    beijing_pass_browser_flow,
    confirm_link,
    exchange_ticket,
    make_prereview_item,
    ticket_of,
)

APPLY_PAGE = "/h5/items/apply?step=materials"


async def _l2_resident(client) -> LoggedIn:
    # 张三 is registered on the emulated Beijing Pass at L2 (face-verified).
    return await exchange_ticket(client, ticket_of(await beijing_pass_browser_flow(client, identity="zhangsan")))


async def _apply(client, resident: LoggedIn, item) -> httpx.Response:
    return await client.post("/api/v1/applications", headers=resident.headers,
                             json={"item_id": str(item.id), "form_data": {}})


async def _link_ticket(client, resident: LoggedIn) -> str:
    response = await client.post("/api/v1/auth/link-tickets", headers=resident.headers)
    assert response.status_code == 201, response.text
    return response.json()["link_ticket"]


async def test_a_step_up_through_beijing_pass_raises_the_level_and_returns_to_the_page(client, bjpass) -> None:
    item = await make_prereview_item()
    item.min_realname_level = 3
    await item.save()
    resident = await _l2_resident(client)

    refused = await _apply(client, resident, item)
    assert refused.status_code == 403
    error = refused.json()["error"]
    assert error["code"] == "REALNAME_LEVEL_TOO_LOW"
    assert error["details"].items() >= {"required_level": 3, "current_level": 2,
                                        "step_up_url": "/api/v1/auth/beijing-pass/authorize?min_level=3"}.items()

    finished = await beijing_pass_browser_flow(client, identity="zhangsan", return_url=APPLY_PAGE,
                                               link_ticket=await _link_ticket(client, resident),
                                               min_level=3, step_up=True)
    back = httpx.URL(finished.headers["location"])
    assert (back.path, back.params["step"]) == ("/h5/items/apply", "materials")
    assert (await confirm_link(client, resident, finished)).status_code == 200

    assert (await _apply(client, resident, item)).status_code == 201


async def test_consenting_without_the_check_changes_nothing(client, bjpass) -> None:
    item = await make_prereview_item()
    item.min_realname_level = 3
    await item.save()
    resident = await _l2_resident(client)

    finished = await beijing_pass_browser_flow(client, identity="zhangsan", return_url=APPLY_PAGE,
                                               link_ticket=await _link_ticket(client, resident),
                                               min_level=3)

    back = httpx.URL(finished.headers["location"])
    assert (back.path, back.params["login_error"]) == ("/h5/items/apply", "REALNAME_LEVEL_TOO_LOW")
    assert "link_token" not in back.params
    assert (await _apply(client, resident, item)).json()["error"]["code"] == "REALNAME_LEVEL_TOO_LOW"


async def test_the_level_asked_for_is_bounded(client) -> None:
    response = await client.get("/api/v1/auth/beijing-pass/authorize",
                                params={"return_url": "/h5/home", "min_level": "4"})
    assert response.status_code == 422
