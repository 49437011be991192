"""Staff password login: argon2, TOTP, and rate limits per account and per IP."""

import pyotp

from tests.builders import make_staff


async def login(client, username, password, **extra):
    return await client.post("/api/v1/auth/staff/login",
                             json={"username": username, "password": password, **extra})


async def test_wrong_password_and_unknown_user_look_the_same(client, rt):
    await make_staff(rt, username="reviewer1", roles=["reviewer"])
    wrong = await login(client, "reviewer1", "nope")
    unknown = await login(client, "ghost", "nope")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"]["code"] == unknown.json()["error"]["code"] == "LOGIN_FAILED"


async def test_account_is_locked_after_repeated_failures_even_with_the_right_password(client, rt, settings):
    await make_staff(rt, username="clerk2", roles=["clerk"])
    for _ in range(settings.login_max_failures_per_account):
        assert (await login(client, "clerk2", "wrong")).status_code == 401
    locked = await login(client, "clerk2", "correct-horse-battery")
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "LOGIN_RATE_LIMITED"
    assert locked.json()["error"]["details"]["retry_after_seconds"] > 0
    assert locked.headers["retry-after"] == str(locked.json()["error"]["details"]["retry_after_seconds"])


async def test_one_address_guessing_many_accounts_is_limited(client, rt, settings):
    await make_staff(rt, username="victim", roles=["clerk"])
    for attempt in range(settings.login_max_failures_per_ip):
        await login(client, f"guess{attempt}", "wrong")
    blocked = await login(client, "victim", "correct-horse-battery")
    assert blocked.json()["error"]["code"] == "LOGIN_RATE_LIMITED"


async def test_success_clears_the_account_counter(client, rt, settings):
    await make_staff(rt, username="clerk3", roles=["clerk"])
    for _ in range(settings.login_max_failures_per_account - 1):
        await login(client, "clerk3", "wrong")
    assert (await login(client, "clerk3", "correct-horse-battery")).status_code == 200
    assert (await login(client, "clerk3", "wrong")).status_code == 401
    assert (await login(client, "clerk3", "correct-horse-battery")).status_code == 200


async def test_totp_is_required_when_enrolled(client, rt):
    secret = pyotp.random_base32()
    await make_staff(rt, username="admin2", roles=["admin"], totp_secret=secret)
    missing = await login(client, "admin2", "correct-horse-battery")
    assert missing.json()["error"]["code"] == "TOTP_REQUIRED"
    wrong_code = "000000" if pyotp.TOTP(secret).now() != "000000" else "111111"
    wrong = await login(client, "admin2", "correct-horse-battery", totp_code=wrong_code)
    assert wrong.json()["error"]["code"] == "TOTP_INVALID"
    ok = await login(client, "admin2", "correct-horse-battery", totp_code=pyotp.TOTP(secret).now())
    assert ok.status_code == 200
