"""One person, many identities: binding, refusing foreign identities, unbinding, real-name gate."""

import asyncio

import httpx

from models.users import ExternalIdentity, IdentityProvider, User
from tests.builders import (
    add_beijing_pass_identity,
    beijing_pass_browser_flow,
    confirm_link,
    exchange_ticket,
    login_wechat_resident,
    oa_browser_flow,
    ticket_of,
    wechat_login_code,
)


async def link_ticket(client, resident) -> str:
    response = await client.post("/api/v1/auth/link-tickets", headers=resident.headers)
    assert response.status_code == 201, response.text
    return response.json()["link_ticket"]


async def bind_beijing_pass(client, resident, identity: str):
    finished = await beijing_pass_browser_flow(client, identity=identity,
                                               link_ticket=await link_ticket(client, resident))
    return await confirm_link(client, resident, finished)


async def test_a_binding_started_with_someone_elses_link_ticket_binds_nothing(client, wechat, bjpass, app):
    attacker = await login_wechat_resident(client, wechat)
    planted = await link_ticket(client, attacker)
    victim = await login_wechat_resident(client, wechat)
    async with httpx.AsyncClient(base_url=app.ctx.base_url) as victims_browser:
        finished = await beijing_pass_browser_flow(victims_browser, identity="lisi", link_ticket=planted)
    refused = await confirm_link(client, victim, finished)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "LINK_USER_MISMATCH"
    again = await confirm_link(client, attacker, finished)
    assert again.json()["error"]["code"] == "LINK_TOKEN_INVALID"
    assert await ExternalIdentity.filter(provider=IdentityProvider.BEIJING_PASS).count() == 0


async def test_real_name_gate_then_binding_beijing_pass_lifts_it(client, wechat, bjpass):
    resident = await login_wechat_resident(client, wechat)
    gated = await client.get("/api/v1/me/real-name", headers=resident.headers)
    assert gated.status_code == 403
    assert gated.json()["error"]["code"] == "REALNAME_REQUIRED"
    assert gated.json()["error"]["details"]["action"] == "bind_beijing_pass"
    assert gated.json()["error"]["details"]["link_ticket_url"] == "/api/v1/auth/link-tickets"
    finished = await beijing_pass_browser_flow(client, identity="lisi", return_url="/h5/me",
                                               link_ticket=await link_ticket(client, resident))
    assert finished.status_code == 302
    assert "/h5/me?link_token=" in finished.headers["location"]
    assert (await client.get("/api/v1/me/real-name", headers=resident.headers)).status_code == 403
    confirmed = await confirm_link(client, resident, finished)
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["provider"] == "beijing_pass"
    real_name = await client.get("/api/v1/me/real-name", headers=resident.headers)
    assert real_name.json()["realname_level"] == 3
    identities = (await client.get("/api/v1/me/identities", headers=resident.headers)).json()["items"]
    assert sorted(i["provider"] for i in identities) == ["beijing_pass", "wechat_miniprogram"]
    # Beijing Pass now logs in to the same account.
    again = await exchange_ticket(client, ticket_of(await beijing_pass_browser_flow(client, identity="lisi")))
    assert again.id == resident.id


async def test_binding_an_identity_of_someone_else_is_refused_not_merged(client, wechat, bjpass):
    owner = await exchange_ticket(client, ticket_of(await beijing_pass_browser_flow(client, identity="zhangsan")))
    resident = await login_wechat_resident(client, wechat)
    finished = await beijing_pass_browser_flow(client, identity="zhangsan",
                                               link_ticket=await link_ticket(client, resident))
    refused = await confirm_link(client, resident, finished)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "IDENTITY_ALREADY_BOUND"
    assert (await client.get("/api/v1/me/real-name", headers=resident.headers)).status_code == 403
    assert await ExternalIdentity.filter(provider=IdentityProvider.BEIJING_PASS, user_id=owner.id).count() == 1


async def test_a_second_beijing_pass_account_cannot_be_bound(client, wechat, bjpass):
    resident = await login_wechat_resident(client, wechat)
    await bind_beijing_pass(client, resident, "lisi")
    other = await add_beijing_pass_identity(bjpass)
    finished = await beijing_pass_browser_flow(client, identity=other["key"],
                                               link_ticket=await link_ticket(client, resident))
    refused = await confirm_link(client, resident, finished)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "PROVIDER_ALREADY_BOUND"


async def test_a_beijing_pass_user_binds_the_mini_program(client, wechat, bjpass):
    resident = await exchange_ticket(client, ticket_of(await beijing_pass_browser_flow(client, identity="zhangsan")))
    code = (await wechat_login_code(wechat, user="zhangsan"))["code"]
    linked = await client.post("/api/v1/auth/wechat/miniprogram/link", json={"code": code},
                               headers=resident.headers)
    assert linked.status_code == 200, linked.text
    assert linked.json()["provider"] == "wechat_miniprogram"
    assert "****" in linked.json()["subject_masked"]
    assert (await login_wechat_resident(client, wechat, user="zhangsan")).id == resident.id
    # The unionid came along, so the OA login of the same WeChat account lands here too.
    finished = await oa_browser_flow(client, user="zhangsan", scope="snsapi_userinfo")
    assert (await exchange_ticket(client, ticket_of(finished))).id == resident.id


async def test_binding_a_wechat_account_that_has_its_own_user_is_refused(client, wechat, bjpass):
    await login_wechat_resident(client, wechat, user="zhangsan")
    resident = await exchange_ticket(client, ticket_of(await beijing_pass_browser_flow(client, identity="lisi")))
    code = (await wechat_login_code(wechat, user="zhangsan"))["code"]
    refused = await client.post("/api/v1/auth/wechat/miniprogram/link", json={"code": code},
                                headers=resident.headers)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "IDENTITY_ALREADY_BOUND"


async def test_the_oa_is_bound_through_a_link_ticket(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="wangwu")  # no unionid to tie them
    finished = await oa_browser_flow(client, user="wangwu", link_ticket=await link_ticket(client, resident))
    assert finished.headers["location"].endswith("provider=wechat_oa")
    assert (await confirm_link(client, resident, finished)).status_code == 200
    again = await oa_browser_flow(client, user="wangwu")
    assert (await exchange_ticket(client, ticket_of(again))).id == resident.id


async def test_a_link_ticket_works_once(client, wechat):
    resident = await login_wechat_resident(client, wechat)
    ticket = await link_ticket(client, resident)
    await oa_browser_flow(client, user="wangwu", link_ticket=ticket)
    reused = await client.get("/api/v1/auth/beijing-pass/authorize",
                              params={"return_url": "/h5/", "link_ticket": ticket})
    assert reused.status_code == 401
    assert reused.json()["error"]["code"] == "LINK_TICKET_INVALID"


async def test_the_last_login_method_cannot_be_unbound(client, wechat):
    resident = await login_wechat_resident(client, wechat)
    only = (await client.get("/api/v1/me/identities", headers=resident.headers)).json()["items"][0]
    response = await client.delete(f"/api/v1/me/identities/{only['id']}", headers=resident.headers)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "LAST_LOGIN_METHOD"


async def test_unbinding_beijing_pass_drops_the_real_name(client, wechat, bjpass):
    resident = await login_wechat_resident(client, wechat)
    await bind_beijing_pass(client, resident, "lisi")
    items = (await client.get("/api/v1/me/identities", headers=resident.headers)).json()["items"]
    bjp = next(i for i in items if i["provider"] == "beijing_pass")
    response = await client.delete(f"/api/v1/me/identities/{bjp['id']}", headers=resident.headers)
    assert response.status_code == 200
    assert (await client.get("/api/v1/me/real-name", headers=resident.headers)).status_code == 403
    user = await User.get(id=resident.id)
    assert user.id_number_enc is None and user.id_number_index is None
    # The person can now be bound to another account.
    other = await login_wechat_resident(client, wechat)
    assert (await bind_beijing_pass(client, other, "lisi")).status_code == 200


async def test_unbinding_the_last_wechat_identity_frees_the_unionid(client, wechat, bjpass):
    resident = await login_wechat_resident(client, wechat, user="zhangsan")
    await bind_beijing_pass(client, resident, "lisi")
    items = (await client.get("/api/v1/me/identities", headers=resident.headers)).json()["items"]
    mini = next(i for i in items if i["provider"] == "wechat_miniprogram")
    assert (await client.delete(f"/api/v1/me/identities/{mini['id']}", headers=resident.headers)).status_code == 200
    assert await ExternalIdentity.filter(user_id=resident.id, provider=IdentityProvider.WECHAT_UNION).count() == 0
    assert (await login_wechat_resident(client, wechat, user="zhangsan")).id != resident.id


async def test_someone_elses_identity_cannot_be_unbound(client, wechat):
    victim = await login_wechat_resident(client, wechat)
    attacker = await login_wechat_resident(client, wechat)
    target = (await client.get("/api/v1/me/identities", headers=victim.headers)).json()["items"][0]
    response = await client.delete(f"/api/v1/me/identities/{target['id']}", headers=attacker.headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "IDENTITY_NOT_FOUND"


async def test_identity_endpoints_need_a_resident_login(client):
    assert (await client.get("/api/v1/me/identities")).json()["error"]["code"] == "UNAUTHENTICATED"
    assert (await client.post("/api/v1/auth/link-tickets")).status_code == 401


async def test_concurrent_first_logins_from_mini_program_and_oa_make_one_user(client, wechat):
    code = (await wechat_login_code(wechat, user="zhangsan"))["code"]
    mini, oa = await asyncio.gather(
        client.post("/api/v1/auth/wechat/miniprogram", json={"code": code}),
        oa_browser_flow(client, user="zhangsan", scope="snsapi_userinfo"))
    assert mini.status_code == 200, mini.text
    assert (await exchange_ticket(client, ticket_of(oa))).id == mini.json()["subject_id"]
    assert await User.all().count() == 1
