"""Beijing Pass login over HTTP as a browser: state + PKCE, real-name data encrypted and masked."""

import httpx

from models.users import ExternalIdentity, RealNameLevel, User
from tests.builders import (
    add_beijing_pass_identity,
    beijing_pass_browser_flow,
    exchange_ticket,
    login_error_of,
    ticket_of,
)


async def test_login_brings_the_real_name_and_only_masked_data_leaves(client, bjpass, rt):
    finished = await beijing_pass_browser_flow(client, identity="zhangsan")
    resident = await exchange_ticket(client, ticket_of(finished))
    me = await client.get("/api/v1/me", headers=resident.headers)
    assert me.json()["realname_verified"] is True
    assert me.json()["realname_level"] == RealNameLevel.VERIFIED
    assert me.json()["id_number_masked"] == "1101**********1238"
    assert me.json()["real_name_masked"] == "张*"
    real_name = await client.get("/api/v1/me/real-name", headers=resident.headers)
    assert real_name.status_code == 200
    assert real_name.json() == {"realname_level": 2, "real_name_masked": "张*",
                                "id_number_masked": "1101**********1238"}
    for response in (me, real_name):
        assert "110108199003071238" not in response.text
    user = await User.get(id=resident.id)
    assert "110108199003071238" not in (user.id_number_enc or "")
    assert user.id_number_index == rt.cipher.blind_index("110108199003071238")


async def test_logging_in_again_finds_the_same_user(client, bjpass):
    first = await exchange_ticket(client, ticket_of(await beijing_pass_browser_flow(client, identity="lisi")))
    again = await exchange_ticket(client, ticket_of(await beijing_pass_browser_flow(client, identity="lisi")))
    assert again.id == first.id
    assert await User.all().count() == 1


async def test_authorize_uses_state_and_pkce_s256(client, settings, app):
    response = await client.get("/api/v1/auth/beijing-pass/authorize", params={"return_url": "/h5/"})
    assert response.status_code == 302
    target = httpx.URL(response.headers["location"])
    assert str(target.copy_with(query=None)) == settings.bjpass_authorize_url
    assert target.params["client_id"] == settings.bjpass_client_id
    assert target.params["code_challenge_method"] == "S256"
    assert len(target.params["code_challenge"]) == 43
    assert target.params["redirect_uri"] == f"{app.ctx.base_url}/api/v1/auth/beijing-pass/callback"
    assert target.params["state"]


async def test_the_consent_page_lists_test_identities_masked(client, bjpass):
    start = await client.get("/api/v1/auth/beijing-pass/authorize", params={"return_url": "/h5/"})
    page = await client.get(start.headers["location"])
    assert page.status_code == 200
    assert "张三" in page.text and "1101**********1238" in page.text and "L2" in page.text
    assert "110108199003071238" not in page.text


async def test_a_refused_consent_returns_to_the_page_with_the_error(client, bjpass, app):
    start = await client.get("/api/v1/auth/beijing-pass/authorize", params={"return_url": "/h5/?from=menu"})
    consent_url = httpx.URL(start.headers["location"])
    denied = await client.post(str(consent_url.copy_with(query=None)),
                               data={**dict(consent_url.params), "deny": "1"})
    response = await client.get(denied.headers["location"])
    assert response.headers["location"] == f"{app.ctx.base_url}/h5/?from=menu&login_error=BEIJING_PASS_DENIED"
    assert await User.all().count() == 0


async def test_a_callback_without_the_login_cookie_changes_nothing(client, bjpass, app):
    start = await client.get("/api/v1/auth/beijing-pass/authorize", params={"return_url": "/h5/"})
    consent_url = httpx.URL(start.headers["location"])
    consented = await client.post(str(consent_url.copy_with(query=None)),
                                  data={**dict(consent_url.params), "identity": "zhangsan"})
    async with httpx.AsyncClient(base_url=app.ctx.base_url) as link_scanner:
        scanned = await link_scanner.get(consented.headers["location"])
    assert login_error_of(scanned) == "LOGIN_STATE_INVALID"
    assert await User.all().count() == 0
    # The browser that started the login still finishes it with the same callback.
    await exchange_ticket(client, ticket_of(await client.get(consented.headers["location"])))
    assert await User.all().count() == 1


async def test_platform_outages_answer_502_and_create_nothing(client, bjpass):
    for path, fault in (("/oauth2/token", {"drop_connection": True}),
                        ("/oauth2/userinfo", {"status": 500, "body": {"error": "server_error"}})):
        await bjpass.post("/_emulator/faults", json={"path": path, **fault})
        response = await beijing_pass_browser_flow(client, identity="zhangsan")
        assert login_error_of(response) == "BEIJING_PASS_UNAVAILABLE", path
    assert await User.all().count() == 0
    assert await ExternalIdentity.all().count() == 0


async def test_a_second_platform_account_with_the_same_id_number_is_refused(client, bjpass):
    await exchange_ticket(client, ticket_of(await beijing_pass_browser_flow(client, identity="zhangsan")))
    await add_beijing_pass_identity(bjpass, key="zhangsan-again", id_number="110108199003071238")
    response = await beijing_pass_browser_flow(client, identity="zhangsan-again")
    assert login_error_of(response) == "REALNAME_ID_IN_USE"
    assert await User.all().count() == 1


async def test_a_forged_code_with_a_genuine_state_is_refused(client, bjpass):
    start = await client.get("/api/v1/auth/beijing-pass/authorize", params={"return_url": "/h5/"})
    state = httpx.URL(start.headers["location"]).params["state"]
    response = await client.get("/api/v1/auth/beijing-pass/callback", params={"code": "forged", "state": state})
    assert login_error_of(response) == "BEIJING_PASS_CODE_INVALID"
    assert await User.all().count() == 0
