"""The authorization table: every route declares who may call it, and every kind of caller gets
the answer that declaration promises (docs/security.md)."""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
from sanic import Sanic

from app.auth import Access
from app.openapi import INDEX_PATH_TYPE
from models.staff import StaffMember, StaffRoleName
from models.users import User
from routes import BLUEPRINTS
from tests.builders import (
    LoggedIn,
    login_resident,
    login_staff,
    make_department,
    make_hall,
    make_resident,
    make_staff,
)

# Widths of a staff grant, widest first; a "department+hall" grant is as narrow as a hall one.
GRANT_WIDTHS = {"global": "", "department": ":ACD", "hall": "@ACH", "department_hall": ":ACD@ACH"}
# How wide a grant each declared scope accepts.
SCOPE_ACCEPTS = {"global": {"global"}, "department": {"global", "department"},
                 "hall": {"global", "department", "hall", "department_hall"}}
TABLE_START, TABLE_END = "<!-- access table: begin -->", "<!-- access table: end -->"
GUARD_CODES = {401: {"UNAUTHENTICATED"}, 403: {"FORBIDDEN", "REALNAME_REQUIRED"}}


@dataclass(frozen=True)
class Caller:
    """One kind of caller: anonymous, a resident, or staff holding one grant."""

    name: str
    kind: str  # "anonymous", "resident", "staff"
    realname: bool = False
    role: str | None = None
    width: str | None = None


CALLERS = [Caller("anonymous", "anonymous"), Caller("resident", "resident", realname=True),
           Caller("unverified resident", "resident"), Caller("staff without roles", "staff")] + [
    Caller(f"{role}{suffix or ' global'}", "staff", role=role, width=width)
    for role in StaffRoleName for width, suffix in GRANT_WIDTHS.items()]


def expected_refusal(access: Access, caller: Caller) -> tuple[int, str] | None:
    """The (status, code) the declaration promises this caller, or None when it is let through."""
    if access.audience == "public":
        return None
    if caller.kind == "anonymous":
        return 401, "UNAUTHENTICATED"
    if access.audience == "resident":
        if caller.kind != "resident":
            return 403, "FORBIDDEN"
        return (403, "REALNAME_REQUIRED") if access.realname and not caller.realname else None
    if access.audience == "staff":
        if caller.kind != "staff":
            return 403, "FORBIDDEN"
        if not access.roles:
            return None
        assert access.scope is not None, "a staff role declared without its scope"
        if caller.role in access.roles and caller.width in SCOPE_ACCEPTS[access.scope]:
            return None
        return 403, "FORBIDDEN"
    return None  # signed_in: any account


_PARAM = re.compile(r"<([^:>]+)(?::([^>]+))?>")


def concrete_path(path: str) -> str:
    """A request path for a route pattern: unknown ids, the first of listed alternatives."""

    def value(match: re.Match[str]) -> str:
        kind = match.group(2) or "str"
        if kind in ("int", INDEX_PATH_TYPE):
            return "1"
        if kind in ("str", "uuid"):
            return str(uuid.uuid4())
        return kind.split("|")[0]

    return "/" + _PARAM.sub(value, path)


def declared_routes(app: Sanic) -> list[tuple[str, str, Access | None]]:
    """(method, path, access) of every route the service registers (not the docs UI's own)."""
    ours = {bp.name for bp in BLUEPRINTS}
    found = []
    for route in app.router.routes:
        if route.name.split(".")[1] not in ours:
            continue
        for method in sorted(route.methods):
            found.append((method, route.path, getattr(route.handler, "access", None)))
    return found


async def _account(rt, caller: Caller) -> User | StaffMember | None:
    if caller.kind == "anonymous":
        return None
    if caller.kind == "resident":
        return await make_resident(rt, realname=caller.realname)
    roles = [f"{caller.role}{GRANT_WIDTHS[caller.width]}"] if caller.role and caller.width else []
    return await make_staff(rt, roles=roles)


async def _session(rt, account: User | StaffMember | None) -> LoggedIn | None:
    if isinstance(account, User):
        return await login_resident(rt, account)
    return await login_staff(rt, account) if account is not None else None


def test_every_route_declares_who_may_call_it(app: Sanic):
    undeclared = [f"{method} /{path}" for method, path, access in declared_routes(app) if access is None]
    assert undeclared == []
    scopeless = [f"{method} /{path}" for method, path, access in declared_routes(app)
                 if access is not None and access.roles and access.scope is None]
    assert scopeless == []


def access_table(app: Sanic) -> str:
    """The markdown table of docs/security.md, from the declarations."""
    rows = sorted((f"/{path}", method, access.describe()) for method, path, access in declared_routes(app)
                  if access is not None)
    return "\n".join(["| path | method | who may call |", "|---|---|---|",
                      *(f"| `{path}` | {method} | {who} |" for path, method, who in rows)])


def test_the_security_doc_lists_every_route_as_declared(app: Sanic):
    doc = (Path(__file__).resolve().parents[2] / "docs" / "security.md").read_text()
    listed = doc.split(TABLE_START)[1].split(TABLE_END)[0].strip()
    assert listed == access_table(app), "docs/security.md's table, from the code:\n" + access_table(app)


async def test_every_route_answers_every_caller_as_declared(app: Sanic, client: httpx.AsyncClient, rt):
    await make_department(code="ACD")
    await make_hall(code="ACH")
    accounts = {caller: await _account(rt, caller) for caller in CALLERS}
    sessions = {caller: await _session(rt, account) for caller, account in accounts.items()}
    routes = declared_routes(app)
    assert len(routes) > 100
    mismatches: list[str] = []

    async def call(method: str, path: str, access: Access, caller: Caller) -> None:
        who = sessions[caller]
        if path.endswith("auth/logout") and who is not None:
            # Logging out revokes the session; the other routes still need this caller's one.
            who = await _session(rt, accounts[caller])
        headers = who.headers if who else {}
        # An empty JSON body: a refusal must come before validation, a pass gets 4xx from it.
        body = {} if method in ("POST", "PUT", "PATCH") else None
        response = await client.request(method, concrete_path(path), json=body, headers=headers,
                                        follow_redirects=False)
        refusal = expected_refusal(access, caller)
        code = response.json().get("error", {}).get("code") if response.headers.get(
            "content-type", "").startswith("application/json") else None
        if refusal is None:
            if response.status_code in GUARD_CODES and code in GUARD_CODES[response.status_code]:
                mismatches.append(f"{caller.name}: {method} /{path} refused {response.status_code} {code}")
        elif (response.status_code, code) != refusal:
            mismatches.append(f"{caller.name}: {method} /{path} got {response.status_code} {code}, "
                              f"expected {refusal}")

    for method, path, access in routes:
        assert access is not None
        await asyncio.gather(*(call(method, path, access, caller) for caller in CALLERS))
    assert mismatches == []


async def test_a_department_admin_cannot_broadcast_or_read_every_push_failure(client, rt):
    await make_department(code="HDGA")
    department_admin = await login_staff(rt, await make_staff(rt, roles=["admin:HDGA"]))
    district_admin = await login_staff(rt, await make_staff(rt, roles=["admin"]))
    broadcast = {"title": "停水通知", "content": "明日上午停水", "audience": "all"}

    refused = await client.post("/api/v1/admin/broadcasts", json=broadcast, headers=department_admin.headers)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "FORBIDDEN"
    # A hall's manager may send to their hall; a district-wide audience needs an unscoped admin.
    assert refused.json()["error"]["details"] == {"required_role": "admin", "department_id": None,
                                                  "hall_id": None}
    failures = await client.get("/api/v1/admin/push/failures", headers=department_admin.headers)
    assert failures.status_code == 403

    assert (await client.post("/api/v1/admin/broadcasts", json=broadcast,
                              headers=district_admin.headers)).status_code == 201
    assert (await client.get("/api/v1/admin/push/failures", headers=district_admin.headers)).status_code == 200


async def test_an_anonymous_caller_learns_nothing_of_the_body(client):
    response = await client.post("/api/v1/admin/broadcasts", json={})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHENTICATED"
    assert "fields" not in response.json()["error"]["details"]
