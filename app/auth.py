"""Who may call each endpoint, declared on the handler and enforced by one guard; and the scope
checks services apply to single objects and to lists.

Every route carries an ``Access`` (``handler.access``): public, residents (optionally real-name
verified), any signed-in account, or staff holding one of some roles at a scope. The scope says
how wide a grant must be: ``global`` (no department, no hall), ``department`` (no hall) or
``hall`` (any grant; the service checks the object's hall or department). ``staff_required``
takes the roles and the scope together, so a role check without its scope cannot be written.
``tests/foundation/test_access_table.py`` calls every route with every kind of caller from
these declarations, and fails for a route that has none. docs/security.md lists the table.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from sanic import Request
from sanic.response import HTTPResponse
from tortoise.expressions import Q

from app.errors import Forbidden, TokenInvalid, Unauthenticated
from app.tokens import Principal, RoleGrant

Handler = Callable[..., Awaitable[HTTPResponse]]
Audience = Literal["public", "signed_in", "resident", "staff"]
ScopeKind = Literal["global", "department", "hall"]


async def authenticate(request: Request) -> Principal:
    """The caller's principal from a Bearer access token whose session is not revoked."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthenticated()
    runtime = request.app.ctx.runtime
    principal: Principal = runtime.tokens.verify(token.strip())
    if await runtime.revocations.is_revoked(principal.session_id):
        raise TokenInvalid(code="SESSION_REVOKED", message="该登录已退出或被撤销，请重新登录")
    request.ctx.principal = principal
    return principal


def grant_reaches(grant: RoleGrant, scope: ScopeKind) -> bool:
    """True when ``grant`` is at least as wide as ``scope`` asks."""
    if scope == "global":
        return grant.department_id is None and grant.hall_id is None
    if scope == "department":
        return grant.hall_id is None
    return True


@dataclass(frozen=True)
class Access:
    """Who may call one endpoint; ``enforce`` refuses everyone else before the body is read."""

    # How a caller proves who it is, as the OpenAPI document's security schemes (app/openapi.py).
    security_schemes: ClassVar[tuple[str, ...]] = ("bearer",)

    audience: Audience
    roles: tuple[str, ...] = ()
    scope: ScopeKind | None = None
    realname: bool = False

    async def enforce(self, request: Request) -> None:
        """Raise 401/403 unless the caller is admitted (once per request: later calls pass)."""
        if getattr(request.ctx, "access_enforced", None) is self:
            return
        await self.check(request)
        request.ctx.access_enforced = self

    async def check(self, request: Request) -> None:
        """The checks themselves; ``enforce`` runs them once per request."""
        if self.audience == "public":
            return
        principal = await authenticate(request)
        if self.audience == "resident":
            if principal.kind != "resident":
                raise Forbidden("此接口仅供居民用户使用")
            if self.realname:
                # Imported here: services import app modules, not the other way round at load.
                from services.identity import users

                user = await users.get_active_or_raise(user_id=principal.subject_id)
                users.ensure_real_name(user)
                request.ctx.user = user
        elif self.audience == "staff":
            if principal.kind != "staff":
                raise Forbidden("此接口仅供工作人员使用")
            if self.roles and not self.admits_grants(principal.roles):
                raise Forbidden(details={"required_roles": list(self.roles), "scope": self.scope})

    def admits_grants(self, grants: tuple[RoleGrant, ...]) -> bool:
        """True when some grant holds one of the roles at least as wide as the scope."""
        assert self.scope is not None
        return any(g.role in self.roles and grant_reaches(g, self.scope) for g in grants)

    def describe(self) -> str:
        """Who may call, in the words of docs/security.md's table."""
        if self.audience == "staff" and self.roles:
            return f"staff: {' / '.join(self.roles)} ({self.scope})"
        if self.audience == "resident" and self.realname:
            return "resident (real-name verified)"
        return {"public": "anyone", "signed_in": "any signed-in account", "resident": "resident",
                "staff": "any staff"}[self.audience]

    def guard(self, inner: Handler) -> Handler:
        """``inner`` behind this access check, carrying the declaration as ``.access``."""

        @functools.wraps(inner)
        async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            await self.enforce(request)
            return await inner(request, *args, **kwargs)

        guarded.access = self  # type: ignore[attr-defined]
        return guarded


@dataclass(frozen=True)
class Reader:
    """Who an answer is for: the caller, the roles its endpoint admits and the endpoint (as
    ``app.api.purpose_of`` writes it). A staff reader's reads of personal data are recorded with
    the grant of those roles that allowed them (services/identity/access_log.py)."""

    principal: Principal
    roles: tuple[str, ...]
    endpoint: str


PUBLIC = Access("public")


def public(handler: Handler) -> Handler:
    """Declare an endpoint open to anyone (it proves who calls by other means, or needs not)."""
    return PUBLIC.guard(handler)


def signed_in(handler: Handler) -> Handler:
    """Allow any signed-in account, resident or staff."""
    return Access("signed_in").guard(handler)


def resident_required(handler: Handler | None = None, *, realname: bool = False) -> Any:
    """Allow residents only; with ``realname=True`` also require a real-name verified account."""
    access = Access("resident", realname=realname)
    return access.guard(handler) if handler is not None else access.guard


def staff_member(handler: Handler) -> Handler:
    """Allow any staff account, whatever its roles (its own profile, shared reference data)."""
    return Access("staff").guard(handler)


def staff_required(*roles: str, scope: ScopeKind) -> Callable[[Handler], Handler]:
    """Allow staff holding one of ``roles`` in a grant at least as wide as ``scope``; services
    still check that the grant covers the object's department or hall."""
    if not roles:
        raise ValueError("staff_required needs at least one role (staff_member admits any staff)")
    return Access("staff", roles=roles, scope=scope).guard


def require_scope(principal: Principal, role: str, *, department_id: str | None = None,
                  hall_id: str | None = None) -> None:
    """Object-level check used by services: the role must cover this department/hall."""
    if not principal.has_role(role, department_id=department_id, hall_id=hall_id):
        raise Forbidden(details={"required_role": role, "department_id": department_id,
                                 "hall_id": hall_id})


def scope_filter(principal: Principal, *roles: str, department_field: str = "department_id",
                 hall_field: str = "hall_id") -> Q:
    """Rows that some grant of ``roles`` covers, by the rule of ``RoleGrant.covers``.

    Lists use this and single objects ``require_scope``, so the two cannot disagree: a grant
    matches rows whose department equals its department if it names one, and whose hall equals
    its hall if it names one. A row with no hall (a pre-review not yet received at a window) is
    therefore matched only by grants without a hall, as ``require_scope`` would refuse it to a
    hall-scoped grant. A grant naming neither matches every row; holding none of ``roles``
    matches none.
    """
    covered = []
    for grant in principal.roles:
        if grant.role not in roles:
            continue
        scope = {}
        if grant.department_id is not None:
            scope[department_field] = grant.department_id
        if grant.hall_id is not None:
            scope[hall_field] = grant.hall_id
        if not scope:
            # Not Q(): Tortoise drops an empty Q OR-ed with another condition, leaving only that one.
            return Q(pk__isnull=False)
        covered.append(Q(**scope))
    # Q(pk__in=[]) renders as 1=0 on PostgreSQL and SQLite; an OR of nothing would match all.
    return Q(*covered, join_type="OR") if covered else Q(pk__in=[])
