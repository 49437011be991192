"""The custom menu: checked against WeChat's limits, versioned, previewed, published, rolled back."""

from tests.builders.oa import menu_spec, oa_editor

VERSIONS = "/api/v1/admin/oa/menu/versions"


async def published_at_wechat(wechat) -> dict:
    return (await wechat.get("/_emulator/oa/admin")).json()


async def test_a_menu_over_wechats_limits_is_refused_with_every_problem(client, rt, wechat):
    admin = await oa_editor(rt)
    too_many = menu_spec(button=[{"type": "click", "name": f"按钮{i}", "key": f"K{i}"} for i in range(4)])
    long_names = menu_spec(button=[
        {"type": "click", "name": "五个汉字长", "key": "K"},  # 15 bytes: fits
        {"type": "click", "name": "六个汉字太长", "key": "K"},  # 18 bytes: over 16
        {"name": "组", "sub_button": [{"type": "click", "name": f"子{i}", "key": "K"} for i in range(6)]}])

    over = await client.post(VERSIONS, headers=admin.headers, json=too_many)
    names = await client.post(VERSIONS, headers=admin.headers, json=long_names)

    assert over.status_code == 422 and over.json()["error"]["code"] == "OA_MENU_INVALID"
    assert over.json()["error"]["details"]["problems"] == ["button: 4 top buttons (1–3)"]
    assert names.json()["error"]["details"]["problems"] == [
        "button.button[1].name: 18 bytes (at most 16)", "button.button[2]: 6 sub-buttons (1–5)"]
    assert (await client.get(VERSIONS, headers=admin.headers)).json()["items"] == []


async def test_a_link_outside_the_allowed_domains_is_refused(client, rt):
    admin = await oa_editor(rt)
    menu = menu_spec(button=[{"type": "view", "name": "外链", "url": "https://evil.example/x"}])
    response = await client.post(VERSIONS, headers=admin.headers, json=menu)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "OA_LINK_NOT_ALLOWED"


async def test_only_a_global_admin_edits_the_menu(client, rt):
    hall_manager = await oa_editor(rt, "hall_manager")
    response = await client.post(VERSIONS, headers=hall_manager.headers, json=menu_spec())
    assert response.status_code == 403


async def test_a_menu_is_previewed_published_and_rolled_back(client, rt, wechat, settings):
    admin = await oa_editor(rt)
    first = (await client.post(VERSIONS, headers=admin.headers, json=menu_spec(note="首版"))).json()
    hall_menu = {"tag": "hall:H01", "button": [{"type": "click", "name": "本厅热线", "key": "MENU_HOTLINE"}]}
    second_spec = menu_spec(button=[{"type": "click", "name": "热线", "key": "MENU_HOTLINE"}],
                            conditional=[hall_menu])
    second = (await client.post(VERSIONS, headers=admin.headers, json=second_spec)).json()
    assert (first["number"], second["number"]) == (1, 2)

    preview = (await client.get(f"{VERSIONS}/1/preview", headers=admin.headers)).json()
    # Exactly what WeChat gets: the mini-program button carries our mini-program's appid.
    assert preview["create"]["button"][2]["sub_button"][0] == {
        "type": "miniprogram", "name": "网上预约", "pagepath": "pages/appointments/index",
        "url": "https://h5.haidian.example/appointments", "appid": settings.wechat_miniprogram_app_id}

    published = await client.post(f"{VERSIONS}/1/publish", headers=admin.headers)
    assert published.status_code == 200
    assert (await published_at_wechat(wechat))["menu"] == preview["create"]["button"]

    await client.post(f"{VERSIONS}/2/publish", headers=admin.headers)
    state = await published_at_wechat(wechat)
    assert state["menu"] == [{"type": "click", "name": "热线", "key": "MENU_HOTLINE"}]
    [conditional] = state["conditional"].values()
    tag_id = {name: tag_id for tag_id, name in state["tags"].items()}["hall:H01"]
    assert conditional["matchrule"] == {"tag_id": tag_id}

    rolled_back = await client.post(f"{VERSIONS}/1/publish", headers=admin.headers)
    state = await published_at_wechat(wechat)
    assert rolled_back.status_code == 200
    assert state["menu"] == preview["create"]["button"]
    assert state["conditional"] == {}  # version 2's hall menu went with it
    live = (await client.get("/api/v1/admin/oa/menu", headers=admin.headers)).json()["live"]
    assert live["number"] == 1 and live["note"] == "首版"


async def test_a_click_key_without_a_reply_is_not_published(client, rt, wechat):
    admin = await oa_editor(rt)
    spec = menu_spec(button=[{"type": "click", "name": "无回复", "key": "NO_SUCH_REPLY"}])
    await client.post(VERSIONS, headers=admin.headers, json=spec)

    refused = await client.post(f"{VERSIONS}/1/publish", headers=admin.headers)
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "OA_MENU_KEY_UNANSWERED"
    assert refused.json()["error"]["details"]["keys"] == ["no_such_reply"]
    assert (await published_at_wechat(wechat))["menu"] is None

    await client.put("/api/v1/admin/oa/replies", headers=admin.headers, json={
        "trigger": "click", "key": "NO_SUCH_REPLY", "content": {"type": "text", "text": "有了"}})
    assert (await client.post(f"{VERSIONS}/1/publish", headers=admin.headers)).status_code == 200


async def test_a_publish_that_failed_midway_is_finished_by_publishing_again(client, rt, wechat):
    admin = await oa_editor(rt)
    hotline = [{"type": "click", "name": "热线", "key": "MENU_HOTLINE"}]
    first = menu_spec(conditional=[{"tag": "hall:H01", "button": hotline}])
    second = menu_spec(button=hotline, conditional=[{"tag": "hall:H01", "button": hotline},
                                                    {"tag": "hall:H02", "button": hotline}])
    for spec in (first, second):
        await client.post(VERSIONS, headers=admin.headers, json=spec)
    assert (await client.post(f"{VERSIONS}/1/publish", headers=admin.headers)).status_code == 200
    # WeChat takes the new base menu, the old hall menu's deletion and the first new hall menu,
    # then fails the second.
    await wechat.post("/_emulator/faults", json={
        "path": "/cgi-bin/menu/addconditional", "after": 1, "status": 200,
        "body": {"errcode": -1, "errmsg": "system error"}})

    failed = await client.post(f"{VERSIONS}/2/publish", headers=admin.headers)
    retried = await client.post(f"{VERSIONS}/2/publish", headers=admin.headers)
    after_retry = await published_at_wechat(wechat)
    rolled_back = await client.post(f"{VERSIONS}/1/publish", headers=admin.headers)
    after_rollback = await published_at_wechat(wechat)

    assert (failed.status_code, failed.json()["error"]["code"]) == (502, "OA_WECHAT_REFUSED")
    assert retried.status_code == 200, retried.text
    assert after_retry["menu"] == hotline
    tags = {tag_id: name for tag_id, name in after_retry["tags"].items()}
    assert sorted(tags[m["matchrule"]["tag_id"]] for m in after_retry["conditional"].values()) == [
        "hall:H01", "hall:H02"]  # each once: the one added before the failure was not left behind
    assert rolled_back.status_code == 200, rolled_back.text
    assert [tags[m["matchrule"]["tag_id"]] for m in after_rollback["conditional"].values()] == ["hall:H01"]
    live = (await client.get("/api/v1/admin/oa/menu", headers=admin.headers)).json()["live"]
    assert live["number"] == 1
