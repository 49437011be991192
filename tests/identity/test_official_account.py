"""OA H5 login over HTTP as a browser: authorize redirect, state bound to the browser, tickets."""

import httpx

from models.users import User
from tests.builders import (
    exchange_ticket,
    login_error_of,
    login_wechat_resident,
    oa_browser_flow,
    ticket_of,
)


async def test_snsapi_base_login_returns_to_the_page_with_a_one_time_ticket(client, wechat, app):
    finished = await oa_browser_flow(client, user="zhangsan", return_url="/h5/booking?item=1")
    location = httpx.URL(finished.headers["location"])
    assert str(location).startswith(f"{app.ctx.base_url}/h5/booking?item=1&login_ticket=")
    ticket = ticket_of(finished)
    resident = await exchange_ticket(client, ticket)
    me = await client.get("/api/v1/me", headers=resident.headers)
    assert me.status_code == 200
    again = await client.post("/api/v1/auth/login-tickets/exchange", json={"ticket": ticket})
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "LOGIN_TICKET_INVALID"


async def test_snsapi_userinfo_login_takes_the_nickname(client, wechat):
    finished = await oa_browser_flow(client, user="lisi", scope="snsapi_userinfo")
    resident = await exchange_ticket(client, ticket_of(finished))
    me = await client.get("/api/v1/me", headers=resident.headers)
    assert me.json()["display_name"] == "李四"


async def test_authorize_sends_the_browser_to_wechat_with_our_callback(client, app, settings):
    response = await client.get("/api/v1/auth/wechat/oa/authorize", params={"return_url": "/h5/"})
    assert response.status_code == 302
    target = httpx.URL(response.headers["location"])
    assert target.path == "/connect/oauth2/authorize"
    assert target.fragment == "wechat_redirect"
    assert target.params["appid"] == settings.wechat_oa_app_id
    assert target.params["redirect_uri"] == f"{app.ctx.base_url}/api/v1/auth/wechat/oa/callback"
    assert target.params["scope"] == "snsapi_base"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


async def test_mini_program_and_oa_logins_of_one_wechat_account_are_one_user(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="zhangsan")
    finished = await oa_browser_flow(client, user="zhangsan", scope="snsapi_userinfo")
    assert (await exchange_ticket(client, ticket_of(finished))).id == resident.id
    identities = await client.get("/api/v1/me/identities", headers=resident.headers)
    assert sorted(i["provider"] for i in identities.json()["items"]) == ["wechat_miniprogram", "wechat_oa"]


async def test_without_unionid_the_oa_openid_is_a_separate_user(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="wangwu")  # no unionid
    finished = await oa_browser_flow(client, user="wangwu", scope="snsapi_userinfo")
    assert (await exchange_ticket(client, ticket_of(finished))).id != resident.id


async def test_a_callback_in_another_browser_changes_nothing(client, app, wechat):
    start = await client.get("/api/v1/auth/wechat/oa/authorize", params={"return_url": "/h5/"})
    url = str(httpx.URL(start.headers["location"]).copy_with(fragment=None))
    callback = (await client.get(url + "&emulator_user=zhangsan")).headers["location"]
    async with httpx.AsyncClient(base_url=app.ctx.base_url) as other_browser:
        response = await other_browser.get(callback)
    assert response.headers["location"] == f"{app.ctx.base_url}/h5/?login_error=LOGIN_STATE_INVALID"
    assert await User.all().count() == 0
    # Neither the state nor WeChat's one-time code was used: the right browser finishes.
    await exchange_ticket(client, ticket_of(await client.get(callback)))


async def test_a_forged_state_without_a_login_behind_it_is_refused(client, wechat):
    forged = await client.get("/api/v1/auth/wechat/oa/callback", params={"code": "x", "state": "forged"})
    assert forged.status_code == 400
    assert forged.json()["error"]["code"] == "LOGIN_STATE_INVALID"


async def test_a_replayed_callback_returns_to_the_page_of_the_browsers_login(client, wechat, app):
    start = await client.get("/api/v1/auth/wechat/oa/authorize", params={"return_url": "/h5/"})
    url = str(httpx.URL(start.headers["location"]).copy_with(fragment=None))
    used = (await client.get(url + "&emulator_user=zhangsan")).headers["location"]
    await exchange_ticket(client, ticket_of(await client.get(used)))
    # A second login is under way in this browser; the old callback comes back (history, reload).
    second = await client.get("/api/v1/auth/wechat/oa/authorize", params={"return_url": "/h5/again"})
    replayed = await client.get(used)
    assert replayed.headers["location"] == f"{app.ctx.base_url}/h5/again?login_error=LOGIN_STATE_INVALID"
    url = str(httpx.URL(second.headers["location"]).copy_with(fragment=None))
    at_wechat = await client.get(url + "&emulator_user=zhangsan")
    finished = await client.get(at_wechat.headers["location"])
    assert "login_ticket=" in finished.headers["location"]


async def test_a_user_who_denies_at_wechat_returns_to_the_page_with_the_error(client, wechat, app):
    start = await client.get("/api/v1/auth/wechat/oa/authorize",
                             params={"return_url": "/h5/", "scope": "snsapi_userinfo"})
    url = str(httpx.URL(start.headers["location"]).copy_with(fragment=None))
    page = await client.get(url)
    assert "拒绝" in page.text
    denied = await client.get(url + "&emulator_deny=1")
    assert "code" not in httpx.URL(denied.headers["location"]).params
    response = await client.get(denied.headers["location"])
    assert response.headers["location"] == f"{app.ctx.base_url}/h5/?login_error=WECHAT_DENIED"
    assert await User.all().count() == 0


async def test_return_urls_outside_the_allow_list_are_refused(client):
    for bad in ("https://evil.example/steal", "//evil.example/x", "https://h5.haidian.example@evil.example/",
                "javascript:alert(1)", "/\\evil.example", "http://h5.haidian.example/"):
        response = await client.get("/api/v1/auth/wechat/oa/authorize", params={"return_url": bad})
        assert response.status_code == 400, bad
        assert response.json()["error"]["code"] == "RETURN_URL_NOT_ALLOWED", bad


async def test_an_allowed_front_end_origin_is_accepted(client, wechat):
    finished = await oa_browser_flow(client, user="zhangsan", return_url="https://h5.haidian.example/me")
    assert finished.headers["location"].startswith("https://h5.haidian.example/me?login_ticket=")


async def test_unknown_scope_is_refused(client):
    response = await client.get("/api/v1/auth/wechat/oa/authorize",
                                params={"return_url": "/h5/", "scope": "snsapi_login"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "INVALID_SCOPE"


async def test_a_wechat_outage_during_the_callback_answers_502_and_creates_nothing(client, wechat):
    # A GET whose connection drops is retried once (RFC 9112 §9.3.1), so an outage drops twice.
    await wechat.post("/_emulator/faults", json={"path": "/sns/oauth2/access_token", "drop_connection": True,
                                                 "times": 2})
    response = await oa_browser_flow(client, user="zhangsan")
    assert login_error_of(response) == "WECHAT_UNAVAILABLE"
    assert await User.all().count() == 0


async def test_an_oa_only_user_has_no_mini_program_session_to_decrypt_with(client, wechat):
    resident = await exchange_ticket(client, ticket_of(await oa_browser_flow(client, user="wangwu")))
    response = await client.post("/api/v1/me/phone/wechat-encrypted", headers=resident.headers,
                                 json={"encrypted_data": "AAAA", "iv": "AAAAAAAAAAAAAAAAAAAAAA=="})
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "WECHAT_SESSION_MISSING"


async def test_a_forged_code_with_a_genuine_state_is_refused(client, wechat):
    start = await client.get("/api/v1/auth/wechat/oa/authorize", params={"return_url": "/h5/"})
    state = httpx.URL(start.headers["location"]).params["state"]
    response = await client.get("/api/v1/auth/wechat/oa/callback", params={"code": "forged", "state": state})
    assert login_error_of(response) == "WECHAT_CODE_INVALID"
    assert await User.all().count() == 0


async def test_a_disabled_account_is_not_reached_through_its_unionid(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="zhangsan")
    await User.filter(id=resident.id).update(is_active=False)
    response = await oa_browser_flow(client, user="zhangsan", scope="snsapi_userinfo")
    assert login_error_of(response) == "ACCOUNT_DISABLED"
    assert await User.all().count() == 1
