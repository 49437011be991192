"""Role and real-name guards."""

from app.auth import scope_ids
from app.tokens import Principal, RoleGrant
from tests.builders import login_resident, login_staff, make_department, make_resident, make_staff


async def test_realname_guard_says_what_to_do(client, rt):
    unverified = await login_resident(rt, await make_resident(rt))
    response = await client.get("/_test/realname-only", headers=unverified.headers)
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "REALNAME_REQUIRED" and error["details"]["action"] == "bind_beijing_pass"

    verified = await login_resident(rt, await make_resident(rt, realname=True))
    assert (await client.get("/_test/realname-only", headers=verified.headers)).status_code == 200


async def test_staff_token_cannot_use_resident_endpoints(client, rt):
    member = await login_staff(rt, await make_staff(rt, roles=["admin"]))
    assert (await client.get("/api/v1/me", headers=member.headers)).json()["error"]["code"] == "FORBIDDEN"


async def test_staff_roles_are_scoped_to_their_department(client, rt):
    police, market = await make_department(code="GA1"), await make_department(code="SC1")
    member = await make_staff(rt, roles=["reviewer:GA1"])
    logged_in = await login_staff(rt, member)
    principal = rt.tokens.verify(logged_in.access_token)
    assert principal.has_role("reviewer", department_id=str(police.id))
    assert not principal.has_role("reviewer", department_id=str(market.id))
    assert not principal.has_role("admin", department_id=str(police.id))
    roles = (await client.get("/api/v1/staff/me", headers=logged_in.headers)).json()["roles"]
    assert roles == [{"role": "reviewer", "department_id": str(police.id), "hall_id": None}]


def test_a_scoped_grant_does_not_cover_an_unscoped_check():
    hall_clerk = Principal("staff", None, None, (RoleGrant("clerk", None, "hall-1"),))  # type: ignore[arg-type]
    assert hall_clerk.has_role("clerk", hall_id="hall-1")
    assert not hall_clerk.has_role("clerk", hall_id="hall-2")
    assert not hall_clerk.has_role("clerk")
    global_admin = Principal("staff", None, None, (RoleGrant("admin"),))  # type: ignore[arg-type]
    assert global_admin.has_role("admin", department_id="any")


def test_scope_ids_lists_where_any_of_the_roles_is_held_and_none_for_an_unscoped_grant():
    member = Principal("staff", None, None, (  # type: ignore[arg-type]
        RoleGrant("reviewer", "dept-1"), RoleGrant("reviewer", "dept-2"), RoleGrant("clerk", None, "hall-1"),
        RoleGrant("hall_manager", None, "hall-2"), RoleGrant("admin")))
    assert scope_ids(member, "reviewer", dimension="department") == ["dept-1", "dept-2"]
    assert scope_ids(member, "clerk", "hall_manager", dimension="hall") == ["hall-1", "hall-2"]
    assert scope_ids(member, "admin", dimension="department") is None  # a global admin: every department
    assert scope_ids(member, "reviewer", "admin", dimension="department") is None
    nobody = Principal("staff", None, None, ())  # type: ignore[arg-type]
    assert scope_ids(nobody, "reviewer", dimension="department") == []
