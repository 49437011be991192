"""Mini-program login over HTTP through the WeChat emulator: codes, sessions, phone, faults."""

import asyncio

from models.users import ExternalIdentity, IdentityProvider, User
from tests.builders import login_wechat_resident, wechat_login_code

LOGIN = "/api/v1/auth/wechat/miniprogram"


async def test_first_login_creates_the_resident_and_later_logins_find_them(client, wechat):
    first = await login_wechat_resident(client, wechat, user="zhangsan")
    again = await login_wechat_resident(client, wechat, user="zhangsan")
    assert again.id == first.id
    me = await client.get("/api/v1/me", headers=again.headers)
    assert me.status_code == 200
    assert me.json()["id"] == first.id
    assert me.json()["realname_verified"] is False
    assert await User.all().count() == 1


async def test_session_key_stays_on_the_server_encrypted(client, wechat):
    minted = await wechat_login_code(wechat)
    response = await client.post(LOGIN, json={"code": minted["code"]})
    assert response.status_code == 200
    assert "session_key" not in response.text
    stored = await ExternalIdentity.get(provider=IdentityProvider.WECHAT_MINIPROGRAM, subject=minted["openid"])
    assert stored.secret_enc.startswith("v1:")
    assert stored.app_id == minted["appid"]


async def test_a_code_works_once(client, wechat):
    minted = await wechat_login_code(wechat)
    assert (await client.post(LOGIN, json={"code": minted["code"]})).status_code == 200
    reused = await client.post(LOGIN, json={"code": minted["code"]})
    assert reused.status_code == 401
    assert reused.json()["error"]["code"] == "WECHAT_CODE_INVALID"
    assert reused.json()["error"]["details"]["errcode"] == 40163


async def test_expired_and_forged_codes_are_refused_and_create_nothing(client, wechat):
    minted = await wechat_login_code(wechat)
    await wechat.post("/_emulator/clock", json={"advance_seconds": 301})
    expired = await client.post(LOGIN, json={"code": minted["code"]})
    forged = await client.post(LOGIN, json={"code": "0" * 32})
    for response in (expired, forged):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "WECHAT_CODE_INVALID"
        assert response.json()["error"]["details"]["errcode"] == 40029
    assert await User.all().count() == 0


async def test_malformed_body_is_a_validation_error(client):
    assert (await client.post(LOGIN, json={"code": ""})).json()["error"]["code"] == "VALIDATION_FAILED"
    assert (await client.post(LOGIN, content=b"{")).json()["error"]["code"] == "MALFORMED_JSON"


async def test_wechat_outages_answer_502_and_create_nothing(client, wechat):
    # A GET whose connection drops is retried once (RFC 9112 §9.3.1), so an outage drops twice.
    faults = [{"body": {"errcode": -1, "errmsg": "system error"}},
              {"status": 503, "body": {"message": "busy"}},
              {"drop_connection": True, "times": 2}]
    for fault in faults:
        minted = await wechat_login_code(wechat)
        await wechat.post("/_emulator/faults", json={"path": "/sns/jscode2session", **fault})
        response = await client.post(LOGIN, json={"code": minted["code"]})
        assert response.status_code == 502, fault
        assert response.json()["error"]["code"] == "WECHAT_UNAVAILABLE"
    assert await User.all().count() == 0
    assert await ExternalIdentity.all().count() == 0


async def test_one_dropped_connection_is_retried_and_the_login_goes_through(client, wechat):
    minted = await wechat_login_code(wechat)
    await wechat.post("/_emulator/faults", json={"path": "/sns/jscode2session", "drop_connection": True})
    response = await client.post(LOGIN, json={"code": minted["code"]})
    assert response.status_code == 200
    assert await User.all().count() == 1


async def test_wrong_app_secret_is_an_upstream_error_not_a_bad_code(client, wechat):
    minted = await wechat_login_code(wechat)
    await wechat.post("/_emulator/faults", json={"path": "/sns/jscode2session",
                                                 "body": {"errcode": 40125, "errmsg": "invalid appsecret"}})
    response = await client.post(LOGIN, json={"code": minted["code"]})
    assert response.status_code == 502
    assert response.json()["error"]["details"]["errcode"] == 40125


async def test_two_concurrent_first_logins_of_one_person_make_one_user(client, wechat):
    codes = [(await wechat_login_code(wechat, user="racer"))["code"] for _ in range(2)]
    responses = await asyncio.gather(*(client.post(LOGIN, json={"code": c}) for c in codes))
    assert [r.status_code for r in responses] == [200, 200]
    assert responses[0].json()["subject_id"] == responses[1].json()["subject_id"]
    assert await User.all().count() == 1
    assert await ExternalIdentity.filter(provider=IdentityProvider.WECHAT_MINIPROGRAM).count() == 1
    assert await ExternalIdentity.filter(provider=IdentityProvider.WECHAT_UNION).count() == 1


async def test_the_same_code_sent_twice_at_once_logs_in_once(client, wechat):
    code = (await wechat_login_code(wechat))["code"]
    responses = await asyncio.gather(*(client.post(LOGIN, json={"code": code}) for _ in range(2)))
    assert sorted(r.status_code for r in responses) == [200, 401]
    assert await User.all().count() == 1


async def test_phone_number_through_the_code_api(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="zhangsan")
    phone_code = (await wechat.post("/_emulator/miniprogram/phone-code", json={"user": "zhangsan"})).json()
    response = await client.post("/api/v1/me/phone/wechat-code", json={"code": phone_code["code"]},
                                 headers=resident.headers)
    assert response.status_code == 200, response.text
    assert response.json()["phone_masked"] == "138****8001"
    assert "13800138001" not in response.text
    reused = await client.post("/api/v1/me/phone/wechat-code", json={"code": phone_code["code"]},
                               headers=resident.headers)
    assert reused.json()["error"]["code"] == "WECHAT_CODE_INVALID"


async def test_concurrent_phone_requests_fetch_the_access_token_once(client, wechat):
    residents = [await login_wechat_resident(client, wechat, user=f"phone-{i}") for i in range(4)]
    codes = [(await wechat.post("/_emulator/miniprogram/phone-code", json={"user": f"phone-{i}"})).json()["code"]
             for i in range(4)]
    responses = await asyncio.gather(*(
        client.post("/api/v1/me/phone/wechat-code", json={"code": code}, headers=resident.headers)
        for resident, code in zip(residents, codes, strict=True)))
    assert [r.status_code for r in responses] == [200] * 4
    calls = (await wechat.get("/_emulator/calls")).json()["calls"]
    assert calls["/cgi-bin/stable_token"] == 1
    assert calls["/wxa/business/getuserphonenumber"] == 4


async def test_phone_code_api_renews_a_refused_access_token_once(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="lisi")
    for fault_errcode in (40001, 42001):
        phone_code = (await wechat.post("/_emulator/miniprogram/phone-code", json={"user": "lisi"})).json()
        await wechat.post("/_emulator/faults", json={"path": "/wxa/business/getuserphonenumber",
                                                     "body": {"errcode": fault_errcode, "errmsg": "x"}})
        response = await client.post("/api/v1/me/phone/wechat-code", json={"code": phone_code["code"]},
                                     headers=resident.headers)
        assert response.status_code == 200, response.text


async def test_phone_code_api_survives_an_access_token_that_really_expired(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="lisi")
    first = (await wechat.post("/_emulator/miniprogram/phone-code", json={"user": "lisi"})).json()
    assert (await client.post("/api/v1/me/phone/wechat-code", json={"code": first["code"]},
                              headers=resident.headers)).status_code == 200
    await wechat.post("/_emulator/clock", json={"advance_seconds": 7200})
    second = (await wechat.post("/_emulator/miniprogram/phone-code", json={"user": "lisi"})).json()
    response = await client.post("/api/v1/me/phone/wechat-code", json={"code": second["code"]},
                                 headers=resident.headers)
    assert response.status_code == 200, response.text


async def test_phone_number_from_an_encrypted_payload(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="zhangsan")
    payload = (await wechat.post("/_emulator/miniprogram/encrypted-data",
                                 json={"user": "zhangsan", "kind": "phone"})).json()
    response = await client.post("/api/v1/me/phone/wechat-encrypted", headers=resident.headers,
                                 json={"encrypted_data": payload["encryptedData"], "iv": payload["iv"]})
    assert response.status_code == 200, response.text
    assert response.json()["phone_masked"] == "138****8001"


async def test_profile_from_an_encrypted_payload_sets_the_display_name(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="lisi")
    payload = (await wechat.post("/_emulator/miniprogram/encrypted-data",
                                 json={"user": "lisi", "kind": "userinfo"})).json()
    response = await client.post("/api/v1/me/profile/wechat-encrypted", headers=resident.headers,
                                 json={"encrypted_data": payload["encryptedData"], "iv": payload["iv"]})
    assert response.status_code == 200, response.text
    assert response.json()["display_name"] == "李四"


async def test_tampered_or_foreign_payloads_are_refused(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="zhangsan")
    good = (await wechat.post("/_emulator/miniprogram/encrypted-data", json={"user": "zhangsan"})).json()
    data = bytearray(good["encryptedData"].encode())
    data[10] = ord("A") if data[10] != ord("A") else ord("B")
    foreign = (await wechat.post("/_emulator/miniprogram/encrypted-data",
                                 json={"user": "zhangsan", "watermark_appid": "wx0000000000000000"})).json()
    attempts = {"tampered": {"encrypted_data": data.decode(), "iv": good["iv"]},
                "not_base64": {"encrypted_data": "%%%", "iv": good["iv"]},
                "short_iv": {"encrypted_data": good["encryptedData"], "iv": "AAAA"},
                "other_app": {"encrypted_data": foreign["encryptedData"], "iv": foreign["iv"]}}
    for name, body in attempts.items():
        response = await client.post("/api/v1/me/phone/wechat-encrypted", json=body, headers=resident.headers)
        assert response.status_code == 400, name
        assert response.json()["error"]["code"] == "WECHAT_PAYLOAD_INVALID", name
    me = await client.get("/api/v1/me", headers=resident.headers)
    assert me.json()["phone_masked"] is None


async def test_an_older_session_key_no_longer_decrypts(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="zhangsan")
    old = (await wechat.post("/_emulator/miniprogram/encrypted-data", json={"user": "zhangsan"})).json()
    await wechat.post("/_emulator/clock", json={"advance_seconds": 301})
    await login_wechat_resident(client, wechat, user="zhangsan")  # WeChat hands out a new session_key
    response = await client.post("/api/v1/me/phone/wechat-encrypted", headers=resident.headers,
                                 json={"encrypted_data": old["encryptedData"], "iv": old["iv"]})
    assert response.json()["error"]["code"] == "WECHAT_PAYLOAD_INVALID"


async def test_a_login_soon_after_keeps_the_session_key_and_decryption_working(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="zhangsan")
    payload = (await wechat.post("/_emulator/miniprogram/encrypted-data", json={"user": "zhangsan"})).json()
    await login_wechat_resident(client, wechat, user="zhangsan")
    response = await client.post("/api/v1/me/phone/wechat-encrypted", headers=resident.headers,
                                 json={"encrypted_data": payload["encryptedData"], "iv": payload["iv"]})
    assert response.status_code == 200, response.text


async def test_a_disabled_account_cannot_log_in(client, wechat):
    resident = await login_wechat_resident(client, wechat, user="zhangsan")
    await User.filter(id=resident.id).update(is_active=False)
    response = await client.post(LOGIN, json={"code": (await wechat_login_code(wechat, user="zhangsan"))["code"]})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "ACCOUNT_DISABLED"
