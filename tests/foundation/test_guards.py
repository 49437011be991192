"""Role and real-name guards."""

from app.auth import scope_filter
from app.tokens import Principal, RoleGrant
from models.staff import StaffRole
from tests.builders import (
    login_resident,
    login_staff,
    make_department,
    make_hall,
    make_resident,
    make_staff,
)


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


async def test_scope_filter_lists_exactly_the_objects_has_role_allows(rt):
    """Every department/hall combination, as StaffRole rows (they have both columns)."""
    d1, d2 = await make_department(code="SF1"), await make_department(code="SF2")
    h1, h2 = await make_hall(code="SFH1"), await make_hall(code="SFH2")
    target = await make_staff(rt, roles=[f"clerk{d}{h}" for d in ("", ":SF1", ":SF2")
                                         for h in ("", "@SFH1", "@SFH2")])
    rows = await StaffRole.filter(staff=target)
    assert len(rows) == 9

    def grant(role: str, department=None, hall=None) -> RoleGrant:
        return RoleGrant(role, str(department.id) if department else None, str(hall.id) if hall else None)

    cases = [(), (grant("reviewer"),), (grant("reviewer", d1),), (grant("reviewer", hall=h1),),
             (grant("reviewer", d1, h1), grant("reviewer", d2)), (grant("reviewer", hall=h1), grant("admin")),
             (grant("admin", d2), grant("reviewer", d1, h2))]
    for grants in cases:
        member = Principal("staff", None, None, grants)  # type: ignore[arg-type]
        for roles in (("reviewer",), ("reviewer", "admin")):
            listed = {r.id for r in await StaffRole.filter(scope_filter(member, *roles), staff=target)}
            allowed = {r.id for r in rows if any(member.has_role(
                role, department_id=str(r.department_id) if r.department_id else None,
                hall_id=str(r.hall_id) if r.hall_id else None) for role in roles)}
            assert listed == allowed, (grants, roles)
