"""Notices to many followers go out by WeChat mass send, within 4 sends per month."""

from __future__ import annotations

import asyncio

import httpx

from tests.builders import (
    emulated_openid,
    follow_oa,
    login_resident,
    login_staff,
    make_hall,
    make_staff,
    make_wechat_resident,
)
from tests.support.waiting import eventually

NOTICE = {"title": "闭馆通知", "content": "海淀区政务服务中心12月1日下午因系统升级暂停对外服务。"}


async def _followers(rt, client: httpx.AsyncClient, wechat: httpx.AsyncClient, *keys: str,
                     topic: str | None = None) -> None:
    """Residents who follow the OA (through the emulator) and, if given, a notice topic."""
    for key in keys:
        resident = await login_resident(rt, await make_wechat_resident(rt, user_key=key))
        await follow_oa(wechat, key)
        if topic:
            followed = await client.put(f"/api/v1/me/notice-topics/{topic}", headers=resident.headers)
            assert followed.status_code == 200, followed.text


async def _admin(rt, roles: list[str] | None = None) -> dict[str, str]:
    return (await login_staff(rt, await make_staff(rt, roles=roles or ["admin"]))).headers


async def _mass_sends(wechat: httpx.AsyncClient) -> dict:
    return (await wechat.get("/_emulator/oa/mass-sends")).json()


async def test_a_hall_notice_goes_out_by_mass_send_and_its_job_finish_is_recorded(
        rt, client, wechat, settings):
    await make_hall(code="HD-CENTER")
    await _followers(rt, client, wechat, "zhangsan", "lisi", topic="hall:HD-CENTER")
    await _followers(rt, client, wechat, "wangwu")
    await wechat.post("/_emulator/oa/block", json={"user": "lisi"})
    manager = await _admin(rt, ["hall_manager@HD-CENTER"])

    created = await client.post("/api/v1/admin/broadcasts", headers=manager,
                                json={**NOTICE, "audience": "hall:HD-CENTER"})
    assert created.status_code == 201, created.text
    broadcast = created.json()
    assert (broadcast["channel"], broadcast["status"], broadcast["total"]) == ("mass_send", "running", 2)
    assert broadcast["msg_id"] and broadcast["quota_month"]

    [sent] = (await _mass_sends(wechat))["mass_sends"]
    app_id = settings.wechat_oa_app_id
    assert sent["recipients"] == sorted(emulated_openid(app_id, k) for k in ("zhangsan", "lisi"))
    [message] = (await wechat.get("/_emulator/messages", params={"kind": "mass"})).json()["messages"]
    assert message["text"]["content"] == f"【{NOTICE['title']}】\n{NOTICE['content']}"

    async def finished() -> bool:
        answer = await client.get(f"/api/v1/admin/broadcasts/{broadcast['id']}", headers=manager)
        return answer.json()["status"] == "done"
    await eventually(finished, "MASSSENDJOBFINISH is recorded")
    shown = (await client.get(f"/api/v1/admin/broadcasts/{broadcast['id']}", headers=manager)).json()
    job = shown["job"]
    assert (job["status"], job["total_count"], job["filter_count"], job["sent_count"],
            job["error_count"]) == ("err(1)", 2, 2, 1, 1)

    # No notice to many followers is sent as template messages.
    templates = (await wechat.get("/_emulator/messages", params={"kind": "template"})).json()
    assert templates["messages"] == []


async def test_only_an_admin_or_the_halls_own_manager_sends_a_notice(rt, client, wechat):
    await make_hall(code="HD-CENTER")
    await make_hall(code="HD-XUEYUAN")
    await _followers(rt, client, wechat, "zhangsan", "lisi", topic="hall:HD-CENTER")
    other_manager = await _admin(rt, ["hall_manager@HD-XUEYUAN"])
    for audience in ("hall:HD-CENTER", "all"):
        refused = await client.post("/api/v1/admin/broadcasts", headers=other_manager,
                                    json={**NOTICE, "audience": audience})
        assert (refused.status_code, refused.json()["error"]["code"]) == (403, "FORBIDDEN")
    resident = await login_resident(rt, await make_wechat_resident(rt, user_key="wangwu"))
    refused = await client.post("/api/v1/admin/broadcasts", headers=resident.headers, json=NOTICE)
    assert refused.status_code == 403
    assert (await _mass_sends(wechat))["mass_sends"] == []


async def test_the_fifth_mass_send_of_a_month_is_refused_and_nothing_is_sent(rt, client, wechat):
    await _followers(rt, client, wechat, "zhangsan", "lisi")
    admin = await _admin(rt)
    for _ in range(4):
        sent = await client.post("/api/v1/admin/broadcasts", headers=admin, json=NOTICE)
        assert sent.status_code == 201, sent.text
    quota = (await client.get("/api/v1/admin/mass-sends/quota", headers=admin)).json()
    assert (quota["limit"], quota["used"], quota["remaining"]) == (4, 4, 0)

    fifth = await client.post("/api/v1/admin/broadcasts", headers=admin, json=NOTICE)
    assert (fifth.status_code, fifth.json()["error"]["code"]) == (409, "MASS_SEND_QUOTA_EXCEEDED")
    assert len((await _mass_sends(wechat))["mass_sends"]) == 4
    assert (await wechat.get("/_emulator/messages", params={"kind": "template"})).json()["messages"] == []


async def test_sends_at_the_same_moment_each_take_a_free_slot_and_only_the_fifth_is_refused(
        rt, client, wechat):
    await _followers(rt, client, wechat, "zhangsan", "lisi")
    admin = await _admin(rt)

    sent = await asyncio.gather(*(client.post("/api/v1/admin/broadcasts", headers=admin, json=NOTICE)
                                  for _ in range(5)))

    answers = sorted((a.status_code, a.json()["error"]["code"] if a.status_code >= 400 else None) for a in sent)
    assert answers == [(201, None)] * 4 + [(409, "MASS_SEND_QUOTA_EXCEEDED")]
    quota = (await client.get("/api/v1/admin/mass-sends/quota", headers=admin)).json()
    assert (quota["used"], quota["remaining"]) == (4, 0)
    assert len((await _mass_sends(wechat))["mass_sends"]) == 4


async def test_wechats_own_quota_refusal_gives_the_send_back(rt, client, wechat):
    await _followers(rt, client, wechat, "zhangsan", "lisi")
    admin = await _admin(rt)
    await wechat.post("/_emulator/faults", json={
        "path": "/cgi-bin/message/mass/sendall", "times": 1, "status": 200,
        "body": {"errcode": 45028, "errmsg": "has no masssend quota"}})
    refused = await client.post("/api/v1/admin/broadcasts", headers=admin, json=NOTICE)
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "MASS_SEND_QUOTA_EXCEEDED")
    quota = (await client.get("/api/v1/admin/mass-sends/quota", headers=admin)).json()
    assert quota["used"] == 0


async def test_a_preview_reaches_the_test_follower_without_spending_the_quota(rt, client, wechat, settings):
    await _followers(rt, client, wechat, "zhangsan")
    admin = await _admin(rt)
    openid = emulated_openid(settings.wechat_oa_app_id, "zhangsan")
    previewed = await client.post("/api/v1/admin/broadcasts/preview", headers=admin,
                                  json={**NOTICE, "openids": [openid]})
    assert previewed.status_code == 200, previewed.text
    assert len(previewed.json()["msg_ids"]) == 1
    [message] = (await wechat.get("/_emulator/messages", params={"kind": "mass_preview"})).json()["messages"]
    assert message["touser"] == openid
    assert (await client.get("/api/v1/admin/mass-sends/quota", headers=admin)).json()["used"] == 0
    stranger = emulated_openid(settings.wechat_oa_app_id, "lisi")  # not following the OA
    refused = await client.post("/api/v1/admin/broadcasts/preview", headers=admin,
                                json={**NOTICE, "openids": [stranger]})
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "MASS_SEND_PREVIEW_NOT_FOLLOWING")


async def test_a_sent_notice_is_deleted_once(rt, client, wechat):
    await _followers(rt, client, wechat, "zhangsan", "lisi")
    admin = await _admin(rt)
    created = (await client.post("/api/v1/admin/broadcasts", headers=admin, json=NOTICE)).json()
    deleted = await client.delete(f"/api/v1/admin/broadcasts/{created['id']}", headers=admin)
    assert deleted.status_code == 200, deleted.text
    assert (deleted.json()["status"], bool(deleted.json()["deleted_at"])) == ("deleted", True)
    [sent] = (await _mass_sends(wechat))["mass_sends"]
    assert sent["status"] == "DELETE"
    again = await client.delete(f"/api/v1/admin/broadcasts/{created['id']}", headers=admin)
    assert (again.status_code, again.json()["error"]["code"]) == (409, "MASS_SEND_NOT_DELETABLE")
    # Deleting does not give the month's send back.
    assert (await client.get("/api/v1/admin/mass-sends/quota", headers=admin)).json()["used"] == 1


async def test_audiences_wechat_cannot_reach_by_list_are_refused_or_spend_nothing(rt, client, wechat):
    await _followers(rt, client, wechat, "zhangsan", topic="item:11110108MB0000001")
    admin = await _admin(rt)
    one = await client.post("/api/v1/admin/broadcasts", headers=admin,
                            json={**NOTICE, "audience": "item:11110108MB0000001"})
    assert (one.status_code, one.json()["error"]["code"]) == (422, "MASS_SEND_AUDIENCE_TOO_SMALL")
    nobody = await client.post("/api/v1/admin/broadcasts", headers=admin,
                               json={**NOTICE, "audience": "hall:EMPTY"})
    assert nobody.status_code == 201, nobody.text
    assert (nobody.json()["status"], nobody.json()["total"], nobody.json()["quota_month"]) == ("done", 0, None)
    blank = await client.post("/api/v1/admin/broadcasts", headers=admin, json={"title": "  ", "content": "c"})
    assert (blank.status_code, blank.json()["error"]["code"]) == (422, "VALIDATION_FAILED")
    missing = await client.get("/api/v1/admin/broadcasts/01a21213-fb47-7a94-9c3e-a48b8479ccd8", headers=admin)
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "BROADCAST_NOT_FOUND")
    assert (await _mass_sends(wechat))["mass_sends"] == []


async def test_a_notice_to_a_wechat_tag_reaches_its_members_as_wechat_counts_them(rt, client, wechat, settings):
    await _followers(rt, client, wechat, "zhangsan", "lisi", "wangwu")
    token = (await wechat.post("/cgi-bin/stable_token", json={
        "grant_type": "client_credential", "appid": settings.wechat_oa_app_id,
        "secret": settings.wechat_oa_app_secret})).json()["access_token"]
    members = [emulated_openid(settings.wechat_oa_app_id, k) for k in ("zhangsan", "wangwu")]
    tag = (await wechat.post("/cgi-bin/tags/create", params={"access_token": token},
                             json={"tag": {"name": "高新企业"}})).json()["tag"]["id"]
    tagged = await wechat.post("/cgi-bin/tags/members/batchtagging", params={"access_token": token},
                               json={"openid_list": members, "tagid": tag})
    assert tagged.json()["errcode"] == 0
    admin = await _admin(rt)
    created = await client.post("/api/v1/admin/broadcasts", headers=admin,
                                json={**NOTICE, "audience": f"tag:{tag}"})
    assert created.status_code == 201, created.text
    [sent] = (await _mass_sends(wechat))["mass_sends"]
    assert sent["recipients"] == sorted(members)

    async def counted() -> bool:
        shown = (await client.get(f"/api/v1/admin/broadcasts/{created.json()['id']}", headers=admin)).json()
        return shown["job"] is not None and shown["job"]["sent_count"] == 2
    await eventually(counted, "WeChat's count of the tag's members is recorded")


async def test_residents_follow_and_leave_a_halls_notices_and_bad_topics_are_refused(rt, client, wechat):
    resident = await login_resident(rt, await make_wechat_resident(rt, user_key="lisi"))
    topics = "/api/v1/me/notice-topics"

    followed = await client.put(f"{topics}/hall:HD-CENTER", headers=resident.headers)
    left = await client.delete(f"{topics}/hall:HD-CENTER", headers=resident.headers)
    bad = await client.put(f"{topics}/window:1", headers=resident.headers)
    too_long = await client.delete(f"{topics}/item:" + "x" * 100, headers=resident.headers)

    assert followed.json() == {"topics": ["hall:HD-CENTER"]} and left.json() == {"topics": []}
    assert (bad.status_code, bad.json()["error"]["code"]) == (422, "VALIDATION_FAILED")
    assert (too_long.status_code, too_long.json()["error"]["code"]) == (422, "VALIDATION_FAILED")
