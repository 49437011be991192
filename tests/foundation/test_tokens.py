"""Access tokens, refresh rotation, reuse detection and logout, over HTTP."""

import asyncio

import jwt
from jwt import PyJWK

from app.tokens import AccessTokens
from tests.builders import login_resident, make_resident, make_staff


async def staff_login(client, username: str, password: str = "correct-horse-battery"):
    return await client.post("/api/v1/auth/staff/login", json={"username": username, "password": password})


async def test_staff_login_issues_tokens_verifiable_with_published_jwks(client, rt):
    await make_staff(rt, username="clerk1", roles=["clerk"])
    tokens = (await staff_login(client, "clerk1")).json()
    assert tokens["token_type"] == "Bearer" and tokens["subject_kind"] == "staff"

    jwks = (await client.get("/.well-known/jwks.json")).json()
    kid = jwt.get_unverified_header(tokens["access_token"])["kid"]
    key = next(k for k in jwks["keys"] if k["kid"] == kid)
    claims = jwt.decode(tokens["access_token"], PyJWK(key).key, algorithms=["EdDSA"])
    assert claims["sub"] == tokens["subject_id"] and claims["roles"] == [["clerk", None, None]]

    me = await client.get("/api/v1/staff/me", headers={"authorization": f"Bearer {tokens['access_token']}"})
    assert me.status_code == 200 and me.json()["username"] == "clerk1"


async def test_refresh_rotates_and_reuse_revokes_the_whole_family(client, rt):
    resident = await login_resident(rt, await make_resident(rt))
    first = await client.post("/api/v1/auth/refresh", json={"refresh_token": resident.refresh_token})
    assert first.status_code == 200
    rotated = first.json()
    assert rotated["refresh_token"] != resident.refresh_token

    # An attacker replays the old refresh token: refused, and the live session dies with it.
    replay = await client.post("/api/v1/auth/refresh", json={"refresh_token": resident.refresh_token})
    assert replay.json()["error"]["code"] == "REFRESH_TOKEN_REUSED"
    after = await client.post("/api/v1/auth/refresh", json={"refresh_token": rotated["refresh_token"]})
    assert after.json()["error"]["code"] == "REFRESH_TOKEN_INVALID"
    me = await client.get("/api/v1/me", headers={"authorization": f"Bearer {rotated['access_token']}"})
    assert me.status_code == 401 and me.json()["error"]["code"] == "SESSION_REVOKED"


async def test_concurrent_refreshes_with_one_token_let_exactly_one_through(client, rt):
    resident = await login_resident(rt, await make_resident(rt))
    responses = await asyncio.gather(*[
        client.post("/api/v1/auth/refresh", json={"refresh_token": resident.refresh_token})
        for _ in range(10)])
    assert sorted(r.status_code for r in responses) == [200] + [401] * 9


async def test_logout_revokes_access_and_refresh_tokens(client, rt):
    resident = await login_resident(rt, await make_resident(rt))
    assert (await client.get("/api/v1/me", headers=resident.headers)).status_code == 200
    assert (await client.post("/api/v1/auth/logout", headers=resident.headers)).status_code == 200
    me = await client.get("/api/v1/me", headers=resident.headers)
    assert me.json()["error"]["code"] == "SESSION_REVOKED"
    refresh = await client.post("/api/v1/auth/refresh", json={"refresh_token": resident.refresh_token})
    assert refresh.json()["error"]["code"] == "REFRESH_TOKEN_INVALID"


async def test_expired_tampered_and_foreign_tokens_are_refused(client, rt):
    user = await make_resident(rt)
    resident = await login_resident(rt, user)
    expired = AccessTokens(rt.keyrings["access"], ttl_seconds=-60).issue(
        rt.tokens.verify(resident.access_token))
    response = await client.get("/api/v1/me", headers={"authorization": f"Bearer {expired}"})
    assert response.json()["error"]["code"] == "TOKEN_EXPIRED"

    header, payload, signature = resident.access_token.split(".")
    flipped = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]
    response = await client.get("/api/v1/me", headers={"authorization": f"Bearer {header}.{payload}.{flipped}"})
    assert response.json()["error"]["code"] == "TOKEN_INVALID"

    foreign = jwt.encode({"sub": str(user.id), "typ": "resident", "sid": str(user.id), "exp": 9999999999,
                          "iss": "haidiantong"}, "a-shared-secret-of-thirty-two-bytes!", algorithm="HS256",
                         headers={"kid": rt.keyrings["access"].signing.kid})
    response = await client.get("/api/v1/me", headers={"authorization": f"Bearer {foreign}"})
    assert response.json()["error"]["code"] == "TOKEN_INVALID"


async def test_resident_profile_is_masked(client, rt):
    user = await make_resident(rt, realname=True, id_number="110108199003071234", real_name="张三丰")
    resident = await login_resident(rt, user)
    me = (await client.get("/api/v1/me", headers=resident.headers)).json()
    assert me["id_number_masked"] == "1101**********1234"
    assert me["real_name_masked"] == "张**"
    assert me["realname_verified"] is True
    assert me["created_at"].endswith("+08:00")
