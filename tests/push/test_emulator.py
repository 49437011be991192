"""The WeChat emulator's message sending behaves like WeChat's, errors included."""

from models.push import OAFollower
from tests.builders import emulated_openid, follow_oa

SEND = "/cgi-bin/message/template/send"


async def oa_token(wechat, settings) -> str:
    answer = await wechat.post("/cgi-bin/stable_token", json={
        "grant_type": "client_credential", "appid": settings.wechat_oa_app_id,
        "secret": settings.wechat_oa_app_secret})
    return answer.json()["access_token"]


async def send(wechat, token: str, **body) -> dict:
    message = {"template_id": "dev-oa-notice", "data": {"thing1": {"value": "通知"}}, **body}
    return (await wechat.post(SEND, params={"access_token": token}, json=message)).json()


async def test_template_sends_check_templates_followers_repeats_and_rate(wechat, settings):
    token = await oa_token(wechat, settings)
    openid = (await follow_oa(wechat, "zhangsan"))["openid"]
    assert (await send(wechat, token, touser=openid, template_id="nope"))["errcode"] == 40037
    assert (await send(wechat, token, touser=openid, data={"thing9": {"value": "x"}}))["errcode"] == 47003
    assert (await send(wechat, token, touser=openid, data={"thing1": {"value": "长" * 21}}))["errcode"] == 47003

    first = await send(wechat, token, touser=openid, client_msg_id="m-1")
    repeat = await send(wechat, token, touser=openid, client_msg_id="m-1")
    assert first["errcode"] == 0 and repeat == first
    assert len((await wechat.get("/_emulator/messages")).json()["messages"]) == 1

    await wechat.post("/_emulator/oa/unfollow", json={"user": "zhangsan"})
    assert (await send(wechat, token, touser=openid, client_msg_id="m-2"))["errcode"] == 43004


async def test_sends_over_the_per_app_rate_answer_45009(wechat, settings):
    token = await oa_token(wechat, settings)
    openid = (await follow_oa(wechat, "zhangsan"))["openid"]
    await wechat.post("/_emulator/limits", json={"send_rate_per_second": 1})
    # Three quick sends cross at most one second boundary: one of the last two shares a second.
    answers = [await send(wechat, token, touser=openid, client_msg_id=f"r-{i}") for i in range(3)]
    assert answers[0]["errcode"] == 0
    assert 45009 in [a["errcode"] for a in answers[1:]]


async def test_follow_many_makes_followers_without_events_and_later_users_are_found(wechat, settings):
    token = await oa_token(wechat, settings)
    keys = [f"bulk-{n}" for n in range(50)]
    answer = (await wechat.post("/_emulator/oa/follow-many", json={"users": keys})).json()
    assert answer == {"appid": settings.wechat_oa_app_id, "following": 50}
    for key in (keys[0], keys[-1]):
        assert (await send(wechat, token, touser=emulated_openid(settings.wechat_oa_app_id, key)))["errcode"] == 0
    assert await OAFollower.all().count() == 0  # no subscribe event reached the service

    # A user added after the sends above is still found by its openid.
    late = (await follow_oa(wechat, "bulk-late"))["openid"]
    assert (await send(wechat, token, touser=late))["errcode"] == 0


async def test_no_events_are_posted_while_the_callback_is_off_and_reset_restores_it(client, wechat):
    assert (await wechat.delete("/_emulator/oa/callback")).json() == {"callback": None}
    quiet = (await wechat.post("/_emulator/oa/follow", json={"user": "quiet"})).json()
    assert quiet["callback_status"] is None
    assert not await OAFollower.filter(openid=quiet["openid"]).exists()

    await wechat.post("/_emulator/reset")
    heard = (await wechat.post("/_emulator/oa/follow", json={"user": "heard"})).json()
    assert heard["callback_status"] == 200
    assert await OAFollower.filter(openid=heard["openid"], subscribed=True).exists()
