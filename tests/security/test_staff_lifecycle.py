"""Staff accounts through the global admin's API and the command line: create with TOTP,
disable (live tokens stop), re-enable, re-role, reset password and TOTP; all ledgered."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pyotp
import pytest

from app.errors import AppError
from models.ledger import LedgerEntry
from services.identity import staff, staff_accounts
from services.identity.staff import RoleSpec
from tests.builders import DEFAULT_PASSWORD, login_staff, make_department, make_hall, make_staff
from tests.support.server import command_env
from tests.support.waiting import eventually

ROOT = Path(__file__).resolve().parents[2]
STAFF_API = "/api/v1/admin/staff"


@pytest.fixture
async def district_admin(rt):
    return await login_staff(rt, await make_staff(rt, roles=["admin"], username="district-admin"))


async def _login(client, username: str, password: str = DEFAULT_PASSWORD, totp_code: str | None = None):
    body = {"username": username, "password": password}
    if totp_code:
        body["totp_code"] = totp_code
    return await client.post("/api/v1/auth/staff/login", json=body)


async def _staff_records() -> list[dict]:
    return [json.loads(e.leaf)["data"]
            for e in await LedgerEntry.filter(record_type="staff_changed").order_by("seq")]


async def test_an_admin_creates_an_account_with_totp_and_it_logs_in_with_the_code(client, district_admin):
    await make_department(code="LCD")
    created = await client.post(STAFF_API, headers=district_admin.headers, json={
        "username": "li.reviewer", "display_name": "李审批", "password": "a-long-password",
        "roles": [{"role": "reviewer", "department_code": "LCD"}], "totp": True})
    assert created.status_code == 201, created.text
    account = created.json()["staff"]
    assert account["totp_enrolled"] and account["is_active"]
    assert [(r["role"], r["department_code"], r["hall_code"]) for r in account["roles"]] == [
        ("reviewer", "LCD", None)]
    totp = pyotp.parse_uri(created.json()["totp_uri"])
    assert totp.issuer == "海淀通" and totp.name == "li.reviewer"

    without_code = await _login(client, "li.reviewer", "a-long-password")
    assert without_code.json()["error"]["code"] == "TOTP_REQUIRED"
    assert (await _login(client, "li.reviewer", "a-long-password", totp.now())).status_code == 200
    assert await _staff_records() == [{"staff_id": account["id"], "action": "created",
                                       "roles_sha256": (await _staff_records())[0]["roles_sha256"],
                                       "changed_by": district_admin.id}]
    shown = await client.get(f"{STAFF_API}/{account['id']}", headers=district_admin.headers)
    assert shown.json() == account
    listed = await client.get(STAFF_API, headers=district_admin.headers, params={"limit": 1})
    assert [a["username"] for a in listed.json()["items"]] == ["district-admin"]
    rest = await client.get(STAFF_API, headers=district_admin.headers,
                            params={"cursor": listed.json()["next_cursor"]})
    assert [a["username"] for a in rest.json()["items"]] == ["li.reviewer"]


async def test_only_a_global_admin_manages_staff(client, rt):
    await make_department(code="LCG")
    department_admin = await login_staff(rt, await make_staff(rt, roles=["admin:LCG"]))
    target = await make_staff(rt, roles=["clerk"])
    for method, path in (("post", STAFF_API), ("get", STAFF_API), ("post", f"{STAFF_API}/{target.id}/disable"),
                         ("post", f"{STAFF_API}/{target.id}/totp")):
        response = await client.request(method.upper(), path, headers=department_admin.headers,
                                        json={} if method == "post" else None)
        assert (response.status_code, response.json()["error"]["code"]) == (403, "FORBIDDEN"), path
    assert await _staff_records() == []


async def test_a_disabled_account_stops_at_once_and_can_be_enabled_again(client, rt, district_admin):
    member = await make_staff(rt, roles=["clerk"])
    login = await _login(client, member.username)
    tokens = login.json()
    headers = {"authorization": f"Bearer {tokens['access_token']}"}
    assert (await client.get("/api/v1/staff/me", headers=headers)).status_code == 200

    disabled = await client.post(f"{STAFF_API}/{member.id}/disable", headers=district_admin.headers)
    assert disabled.status_code == 200 and disabled.json()["is_active"] is False

    async def refused() -> bool:
        response = await client.get("/api/v1/staff/me", headers=headers)
        return response.status_code == 401 and response.json()["error"]["code"] == "SESSION_REVOKED"

    await eventually(refused, "the disabled account's live token is refused")
    assert (await _login(client, member.username)).json()["error"]["code"] == "LOGIN_FAILED"
    refreshed = await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refreshed.status_code == 401

    enabled = await client.post(f"{STAFF_API}/{member.id}/enable", headers=district_admin.headers)
    assert enabled.json()["is_active"] is True
    assert (await _login(client, member.username)).status_code == 200
    assert [r["action"] for r in await _staff_records()] == ["disabled", "enabled"]
    assert {r["changed_by"] for r in await _staff_records()} == {district_admin.id}


async def test_an_admin_cannot_disable_their_own_account(client, district_admin):
    response = await client.post(f"{STAFF_API}/{district_admin.id}/disable", headers=district_admin.headers)
    assert (response.status_code, response.json()["error"]["code"]) == (409, "STAFF_SELF_DISABLE")


async def test_an_admin_token_cannot_take_over_or_strip_its_own_account(client, district_admin):
    """A stolen admin token would otherwise set a new password and TOTP of the thief's, or leave
    the account without its admin role (enabling it, already active, would end its own sessions):
    each is refused, changes nothing, and the token still works."""
    own = f"{STAFF_API}/{district_admin.id}"
    for method, url, body in (("put", f"{own}/password", {"password": "a-new-password-1"}),
                              ("post", f"{own}/totp", None),
                              ("post", f"{own}/enable", None),
                              ("put", f"{own}/roles", {"roles": [{"role": "auditor"}]})):
        response = await client.request(method, url, headers=district_admin.headers, json=body)
        assert (response.status_code, response.json()["error"]["code"]) == (409, "STAFF_SELF_CHANGE"), url
    assert await _staff_records() == []
    shown = await client.get(own, headers=district_admin.headers)
    assert shown.status_code == 200
    assert [role["role"] for role in shown.json()["roles"]] == ["admin"]


async def test_new_roles_end_the_sessions_and_the_next_login_carries_them(client, rt, district_admin):
    await make_department(code="LCR")
    hall = await make_hall(code="LCH")
    member = await make_staff(rt, roles=["reviewer:LCR"])
    old = (await _login(client, member.username)).json()
    changed = await client.put(f"{STAFF_API}/{member.id}/roles", headers=district_admin.headers,
                               json={"roles": [{"role": "clerk", "hall_code": "LCH"},
                                               {"role": "clerk", "hall_code": "LCH"}]})
    assert changed.status_code == 200, changed.text
    assert [(r["role"], r["hall_id"]) for r in changed.json()["roles"]] == [("clerk", str(hall.id))]

    async def refused() -> bool:
        response = await client.get("/api/v1/staff/me",
                                    headers={"authorization": f"Bearer {old['access_token']}"})
        return response.status_code == 401

    await eventually(refused, "the re-roled account's old token is refused")
    fresh = (await _login(client, member.username)).json()
    me = await client.get("/api/v1/staff/me", headers={"authorization": f"Bearer {fresh['access_token']}"})
    assert me.json()["roles"] == [{"role": "clerk", "department_id": None, "hall_id": str(hall.id)}]
    unknown = await client.put(f"{STAFF_API}/{member.id}/roles", headers=district_admin.headers,
                               json={"roles": [{"role": "clerk", "hall_code": "NOPE"}]})
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "HALL_NOT_FOUND")
    assert [r["action"] for r in await _staff_records()] == ["roles_changed"]


async def test_password_and_totp_resets(client, rt, district_admin):
    member = await make_staff(rt, roles=["clerk"])
    too_short = await client.put(f"{STAFF_API}/{member.id}/password", headers=district_admin.headers,
                                 json={"password": "short"})
    assert too_short.json()["error"]["code"] == "PASSWORD_TOO_SHORT"
    reset = await client.put(f"{STAFF_API}/{member.id}/password", headers=district_admin.headers,
                             json={"password": "another-long-one"})
    assert reset.status_code == 200
    assert (await _login(client, member.username)).json()["error"]["code"] == "LOGIN_FAILED"
    assert (await _login(client, member.username, "another-long-one")).status_code == 200

    first = pyotp.parse_uri((await client.post(f"{STAFF_API}/{member.id}/totp",
                                               headers=district_admin.headers)).json()["totp_uri"])
    second_reset = await client.post(f"{STAFF_API}/{member.id}/totp", headers=district_admin.headers)
    second = pyotp.parse_uri(second_reset.json()["totp_uri"])
    assert second_reset.json()["staff"]["totp_enrolled"] and second.secret != first.secret
    assert (await _login(client, member.username, "another-long-one", second.now())).status_code == 200
    assert [r["action"] for r in await _staff_records()] == ["password_reset", "totp_reset", "totp_reset"]


async def test_production_requires_totp_of_admins_and_reviewers(rt):
    production = dataclasses.replace(rt, settings=rt.settings.model_copy(update={"env": "production"}))
    legacy = await make_staff(rt, roles=["admin"], username="legacy-admin")
    with pytest.raises(AppError) as refused:
        await staff.login(rt=production, username=legacy.username, password=DEFAULT_PASSWORD,
                          totp_code=None, client_ip="127.0.0.1")
    assert (refused.value.status, refused.value.code) == (403, "TOTP_ENROLMENT_REQUIRED")
    clerk = await make_staff(rt, roles=["clerk"])
    assert (await staff.login(rt=production, username=clerk.username, password=DEFAULT_PASSWORD,
                              totp_code=None, client_ip="127.0.0.1")).access_token
    with pytest.raises(AppError) as promotion:
        await staff_accounts.set_roles(rt=production, staff_id=clerk.id, roles=[RoleSpec.parse("reviewer")],
                                       actor_id="cli")
    assert promotion.value.code == "TOTP_ENROLMENT_REQUIRED"

    enrolled = await staff_accounts.create(rt=production, username="new-admin", display_name="新管理员",
                                           password="a-long-password", roles=[RoleSpec.parse("admin")],
                                           totp=False, actor_id="cli")
    assert enrolled.totp_uri is not None and enrolled.staff.totp_secret_enc is not None


async def test_an_admin_without_totp_is_refused_login_as_the_document_declares(client, rt):
    legacy = await make_staff(rt, roles=["admin"], username="legacy-admin-2")
    development = rt.settings
    rt.settings = development.model_copy(update={"env": "production"})
    try:
        refused = await client.post("/api/v1/auth/staff/login",
                                    json={"username": legacy.username, "password": DEFAULT_PASSWORD})
    finally:
        rt.settings = development
    declared = (await client.get("/docs/openapi.json")).json()["paths"]["/api/v1/auth/staff/login"]["post"]

    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "TOTP_ENROLMENT_REQUIRED")
    forbidden = declared["responses"]["403"]["content"]["application/json"]["schema"]["properties"]["error"]
    assert "TOTP_ENROLMENT_REQUIRED" in forbidden["properties"]["code"]["enum"]


def _cli(app, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """`python -m app <args>` in a separate process against the test database."""
    env = command_env(app.ctx.settings)
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


async def test_the_command_line_creates_with_a_qr_code_and_manages_accounts(app, client):
    created = _cli(app, "create-staff", "--username", "cli-admin", "--display-name", "命令行管理员",
                   "--role", "admin", "--totp", "--password-stdin", stdin="a-long-password\n")
    assert created.returncode == 0, created.stderr
    uri = next(line for line in created.stdout.splitlines() if line.startswith("TOTP: ")).removeprefix("TOTP: ")
    # The QR code is drawn with block characters under the URI.
    assert sum("█" in line or "▀" in line or "▄" in line for line in created.stdout.splitlines()) > 10
    code = pyotp.parse_uri(uri).now()
    assert (await _login(client, "cli-admin", "a-long-password", code)).status_code == 200

    assert _cli(app, "disable-staff", "--username", "cli-admin").returncode == 0
    assert (await _login(client, "cli-admin", "a-long-password", code)).json()["error"]["code"] == "LOGIN_FAILED"
    assert _cli(app, "enable-staff", "--username", "cli-admin").returncode == 0
    assert _cli(app, "set-staff-roles", "--username", "cli-admin", "--role", "clerk").returncode == 0
    assert _cli(app, "reset-staff-password", "--username", "cli-admin", "--password-stdin",
                stdin="brand-new-password\n").returncode == 0
    reset = _cli(app, "reset-staff-totp", "--username", "cli-admin")
    new_uri = next(line for line in reset.stdout.splitlines() if line.startswith("TOTP: ")).removeprefix("TOTP: ")
    login = await _login(client, "cli-admin", "brand-new-password", pyotp.parse_uri(new_uri).now())
    assert login.status_code == 200, login.text
    assert [(r["action"], r["changed_by"]) for r in await _staff_records()] == [
        ("created", "cli"), ("disabled", "cli"), ("enabled", "cli"), ("roles_changed", "cli"),
        ("password_reset", "cli"), ("totp_reset", "cli")]

    unknown = _cli(app, "disable-staff", "--username", "nobody")
    assert unknown.returncode != 0 and "STAFF_NOT_FOUND" in unknown.stderr
