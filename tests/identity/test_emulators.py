"""The emulators themselves, over HTTP: WeChat's wire format, tokens, messages, faults; Beijing Pass."""

import httpx
import pytest

from emulators.bjpass import s256


def creds(settings) -> dict:
    return {"appid": settings.wechat_oa_app_id, "secret": settings.wechat_oa_app_secret}


async def oa_openid(wechat, settings, user: str) -> str:
    """The openid of an emulator user who follows the OA (template messages need a follower)."""
    followed = await wechat.post("/_emulator/oa/follow", json={"user": user})
    assert followed.json()["appid"] == settings.wechat_oa_app_id
    return followed.json()["openid"]


async def token(wechat, settings) -> str:
    answer = (await wechat.get("/cgi-bin/token", params={"grant_type": "client_credential", **creds(settings)})).json()
    assert answer["expires_in"] == 7200
    return answer["access_token"]


async def send_template(wechat, access_token: str, touser: str) -> dict:
    return (await wechat.post("/cgi-bin/message/template/send", params={"access_token": access_token},
                              json={"touser": touser, "template_id": "dev-oa-notice",
                                    "data": {"thing1": {"value": "预约成功"}}})).json()


async def test_jscode2session_speaks_the_wechat_format(wechat, settings):
    code = (await wechat.post("/_emulator/miniprogram/login-code", json={"user": "zhangsan"})).json()
    params = {"appid": settings.wechat_miniprogram_app_id, "secret": settings.wechat_miniprogram_app_secret,
              "js_code": code["code"], "grant_type": "authorization_code"}
    answer = (await wechat.get("/sns/jscode2session", params=params)).json()
    assert set(answer) == {"openid", "session_key", "unionid"}
    assert answer["openid"] == code["openid"]
    assert (await wechat.get("/sns/jscode2session", params=params)).json() == {
        "errcode": 40163, "errmsg": "code been used"}
    for field, value, errcode in (("appid", "wx0000000000000000", 40013), ("secret", "nope", 40125)):
        answer = (await wechat.get("/sns/jscode2session", params={**params, field: value})).json()
        assert answer["errcode"] == errcode


async def test_a_new_access_token_retires_the_old_one_after_the_grace_period(wechat, settings):
    touser = await oa_openid(wechat, settings, "zhangsan")
    old = await token(wechat, settings)
    new = await token(wechat, settings)
    assert old != new
    assert (await send_template(wechat, old, touser))["errcode"] == 0  # still in its grace period
    await wechat.post("/_emulator/clock", json={"advance_seconds": 301})
    assert (await send_template(wechat, old, touser))["errcode"] == 40001
    assert (await send_template(wechat, new, touser))["errcode"] == 0
    await wechat.post("/_emulator/clock", json={"advance_seconds": 7200})
    assert (await send_template(wechat, new, touser))["errcode"] == 42001


async def test_stable_token_is_shared_until_forced(wechat, settings):
    body = {"grant_type": "client_credential", **creds(settings)}
    first = (await wechat.post("/cgi-bin/stable_token", json=body)).json()
    second = (await wechat.post("/cgi-bin/stable_token", json=body)).json()
    assert first["access_token"] == second["access_token"]
    forced = (await wechat.post("/cgi-bin/stable_token", json={**body, "force_refresh": True})).json()
    assert forced["access_token"] != first["access_token"]
    wrong = (await wechat.post("/cgi-bin/stable_token", json={**body, "secret": "nope"})).json()
    assert wrong == {"errcode": 40125, "errmsg": "invalid appsecret"}


async def test_template_messages_are_recorded_for_inspection(wechat, settings):
    access_token = await token(wechat, settings)
    touser = await oa_openid(wechat, settings, "lisi")
    sent = await send_template(wechat, access_token, touser)
    assert sent["errcode"] == 0 and sent["errmsg"] == "ok" and isinstance(sent["msgid"], int)
    unknown = await send_template(wechat, access_token, "o-not-a-follower")
    assert unknown["errcode"] == 40003
    listed = (await wechat.get("/_emulator/messages", params={"touser": touser})).json()["messages"]
    assert [(m["msgid"], m["kind"], m["template_id"]) for m in listed] == [(sent["msgid"], "template", "dev-oa-notice")]
    assert listed[0]["data"] == {"thing1": {"value": "预约成功"}}


async def test_subscribe_messages_need_quota(wechat, settings):
    mp = {"appid": settings.wechat_miniprogram_app_id, "secret": settings.wechat_miniprogram_app_secret}
    access_token = (await wechat.get("/cgi-bin/token", params={"grant_type": "client_credential",
                                                               **mp})).json()["access_token"]
    code = (await wechat.post("/_emulator/miniprogram/login-code", json={"user": "wangwu"})).json()
    body = {"touser": code["openid"], "template_id": "dev-mp-notice", "data": {}}
    send = "/cgi-bin/message/subscribe/send"
    assert (await wechat.post(send, params={"access_token": access_token}, json=body)).json()["errcode"] == 43101
    await wechat.post("/_emulator/miniprogram/subscriptions", json={"user": "wangwu", "template_id": "dev-mp-notice"})
    assert (await wechat.post(send, params={"access_token": access_token}, json=body)).json()["errcode"] == 0
    assert (await wechat.post(send, params={"access_token": access_token}, json=body)).json()["errcode"] == 43101


async def test_faults_apply_to_the_next_calls_only(wechat, settings):
    await wechat.post("/_emulator/faults", json={"path": "/cgi-bin/token", "times": 2,
                                                 "body": {"errcode": 45009,
                                                          "errmsg": "reach max api daily quota limit"}})
    params = {"grant_type": "client_credential", **creds(settings)}
    for _ in range(2):
        assert (await wechat.get("/cgi-bin/token", params=params)).json()["errcode"] == 45009
    assert "access_token" in (await wechat.get("/cgi-bin/token", params=params)).json()
    await wechat.post("/_emulator/faults", json={"path": "/cgi-bin/token", "drop_connection": True})
    with pytest.raises(httpx.TransportError):
        await wechat.get("/cgi-bin/token", params=params)
    await wechat.post("/_emulator/faults", json={"path": "/cgi-bin/token", "latency_ms": 20})
    assert "access_token" in (await wechat.get("/cgi-bin/token", params=params)).json()


async def test_bad_control_requests_are_explained(wechat):
    response = await wechat.post("/_emulator/faults", json={"path": "no-slash"})
    assert response.status_code == 400
    response = await wechat.post("/_emulator/miniprogram/login-code", json={"openid": "o-unknown"})
    assert response.status_code == 404


async def test_beijing_pass_token_endpoint_checks_pkce_and_single_use(bjpass, settings, app):
    redirect_uri = f"{app.ctx.base_url}/api/v1/auth/beijing-pass/callback"
    verifier = "v" * 50
    form = {"response_type": "code", "client_id": settings.bjpass_client_id, "redirect_uri": redirect_uri,
            "state": "s", "code_challenge": s256(verifier), "code_challenge_method": "S256"}

    async def new_code() -> str:
        consented = await bjpass.post("/oauth2/authorize", data={**form, "identity": "wangwu"})
        return dict(httpx.URL(consented.headers["location"]).params)["code"]

    exchange = {"grant_type": "authorization_code", "redirect_uri": redirect_uri,
                "client_id": settings.bjpass_client_id, "client_secret": settings.bjpass_client_secret}
    wrong = await bjpass.post("/oauth2/token", data={**exchange, "code": await new_code(), "code_verifier": "x" * 50})
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"
    code = await new_code()
    good = await bjpass.post("/oauth2/token", data={**exchange, "code": code, "code_verifier": verifier})
    assert good.status_code == 200
    info = await bjpass.get("/oauth2/userinfo", headers={"authorization": f"Bearer {good.json()['access_token']}"})
    assert info.json()["realname_level"] == 1 and info.json()["name"] == "王五"
    reused = await bjpass.post("/oauth2/token", data={**exchange, "code": code, "code_verifier": verifier})
    assert reused.json()["error"] == "invalid_grant"
    bad_client = await bjpass.post("/oauth2/token", data={**exchange, "client_secret": "nope", "code": code})
    assert bad_client.status_code == 401


async def test_beijing_pass_refuses_unregistered_redirects_and_missing_pkce(bjpass, settings, app):
    redirect_uri = f"{app.ctx.base_url}/api/v1/auth/beijing-pass/callback"
    base = {"response_type": "code", "client_id": settings.bjpass_client_id, "state": "s",
            "code_challenge": "c" * 43, "code_challenge_method": "S256"}
    foreign = await bjpass.get("/oauth2/authorize", params={**base, "redirect_uri": "https://evil.example/cb"})
    assert foreign.status_code == 400 and "redirect_uri" in foreign.text
    plain = await bjpass.get("/oauth2/authorize", params={**base, "redirect_uri": redirect_uri,
                                                          "code_challenge_method": "plain"})
    assert plain.status_code == 400 and "PKCE" in plain.text
    assert (await bjpass.get("/oauth2/authorize", params={**base, "redirect_uri": redirect_uri})).status_code == 200


def oa_authorize_params(settings, app, scope: str = "snsapi_userinfo") -> dict:
    return {"appid": settings.wechat_oa_app_id, "response_type": "code", "scope": scope, "state": "s1",
            "redirect_uri": f"{app.ctx.base_url}/api/v1/auth/wechat/oa/callback"}


async def test_the_wechat_authorize_page_makes_up_a_new_user_and_offers_deny(wechat, settings, app):
    params = oa_authorize_params(settings, app)
    page = await wechat.get("/connect/oauth2/authorize", params=params)
    assert 'name="viewport"' in page.text or "name=viewport" in page.text
    assert "emulator_user" in page.text and "emulator_deny" in page.text
    made_up = await wechat.get("/connect/oauth2/authorize", params={
        **params, "emulator_user": "zhaoliu", "emulator_nickname": "赵六", "emulator_phone": "13900001111"})
    back = httpx.URL(made_up.headers["location"])
    assert back.params["state"] == "s1" and back.params["code"]
    users = (await wechat.get("/_emulator/users")).json()["users"]
    assert any(u["user"] == "zhaoliu" and u["nickname"] == "赵六" and u["phone"] == "13900001111" for u in users)
    denied = await wechat.get("/connect/oauth2/authorize", params={**params, "emulator_deny": "1"})
    assert dict(httpx.URL(denied.headers["location"]).params) == {"state": "s1"}
    bad_phone = await wechat.get("/connect/oauth2/authorize", params={**params, "emulator_user": "x",
                                                                      "emulator_phone": "123"})
    assert bad_phone.status_code == 400


async def test_snsapi_base_asks_nothing_so_the_page_offers_no_deny(wechat, settings, app):
    page = await wechat.get("/connect/oauth2/authorize", params=oa_authorize_params(settings, app, "snsapi_base"))
    assert page.status_code == 200 and "emulator_deny" not in page.text


async def test_the_beijing_pass_consent_page_registers_a_made_up_person(bjpass, settings, app):
    form = {"response_type": "code", "client_id": settings.bjpass_client_id, "state": "s",
            "redirect_uri": f"{app.ctx.base_url}/api/v1/auth/beijing-pass/callback",
            "code_challenge": "c" * 43, "code_challenge_method": "S256"}
    page = await bjpass.get("/oauth2/authorize", params=form)
    assert "viewport" in page.text and "id_number" in page.text and "deny" in page.text
    consented = await bjpass.post("/oauth2/authorize", data={
        **form, "new": "1", "name": "赵六", "id_number": "11010819900101123x", "phone": "", "level": "3"})
    assert httpx.URL(consented.headers["location"]).params["code"]
    people = (await bjpass.get("/_emulator/identities")).json()["identities"]
    assert any(p["name"] == "赵六" and p["id_number"] == "11010819900101123X" and p["level"] == 3 for p in people)
    bad = await bjpass.post("/oauth2/authorize", data={**form, "new": "1", "name": "赵六", "id_number": "123"})
    assert bad.status_code == 400
