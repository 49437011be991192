"""The WeChat emulator's message sending behaves like WeChat's, errors included."""

from tests.builders import follow_oa

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
