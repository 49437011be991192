"""Staff password login: argon2, TOTP, and rate limits per account and per IP."""

import asyncio
from collections import Counter

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


async def test_parallel_guesses_are_counted_before_any_is_checked(client, rt, settings):
    """Counted after the password check, 40 guesses sent at once all passed the limit's check."""
    await make_staff(rt, username="clerk4", roles=["clerk"])
    answers = await asyncio.gather(*[login(client, "clerk4", f"wrong-{i}") for i in range(40)])
    codes = Counter(answer.json()["error"]["code"] for answer in answers)
    assert codes == {"LOGIN_FAILED": settings.login_max_failures_per_account,
                     "LOGIN_RATE_LIMITED": 40 - settings.login_max_failures_per_account}
    assert (await login(client, "clerk4", "correct-horse-battery")).json()["error"]["code"] == "LOGIN_RATE_LIMITED"


async def test_parallel_guesses_at_many_accounts_stop_at_the_address_limit(client, rt, settings):
    # Most of the address's budget spent one at a time: 30 password checks at once would hold
    # the event loop long enough for PostgreSQL calls queued behind them to time out.
    for attempt in range(settings.login_max_failures_per_ip - 5):
        await login(client, f"guess{attempt}", "wrong")
    answers = await asyncio.gather(*[login(client, f"ghost{i}", "wrong") for i in range(15)])
    codes = Counter(answer.json()["error"]["code"] for answer in answers)
    assert codes == {"LOGIN_FAILED": 5, "LOGIN_RATE_LIMITED": 10}


async def test_a_success_gives_its_attempt_back_to_the_address(client, rt, settings):
    await make_staff(rt, username="clerk5", roles=["clerk"])
    for _ in range(settings.login_max_failures_per_ip + 5):
        assert (await login(client, "clerk5", "correct-horse-battery")).status_code == 200


async def test_a_right_password_without_its_totp_code_counts_as_an_attempt(client, rt, settings):
    """TOTP_REQUIRED says the password was right: answered freely, it would let a guesser test
    passwords of TOTP accounts without limit."""
    secret = pyotp.random_base32()
    await make_staff(rt, username="admin3", roles=["admin"], totp_secret=secret)
    for _ in range(settings.login_max_failures_per_account):
        assert (await login(client, "admin3", "correct-horse-battery")).json()["error"]["code"] == "TOTP_REQUIRED"
    locked = await login(client, "admin3", "correct-horse-battery", totp_code=pyotp.TOTP(secret).now())
    assert locked.json()["error"]["code"] == "LOGIN_RATE_LIMITED"


async def test_the_two_step_totp_login_succeeds_and_clears_the_account(client, rt, settings):
    secret = pyotp.random_base32()
    await make_staff(rt, username="admin4", roles=["admin"], totp_secret=secret)
    for _ in range(settings.login_max_failures_per_account):
        assert (await login(client, "admin4", "correct-horse-battery")).json()["error"]["code"] == "TOTP_REQUIRED"
        ok = await login(client, "admin4", "correct-horse-battery", totp_code=pyotp.TOTP(secret).now())
        assert ok.status_code == 200
