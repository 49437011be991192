"""Route guards (logged-in resident, real-name verified resident, staff with a role) and the
scope checks services apply to single objects and to lists."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from sanic import Request
from sanic.response import HTTPResponse
from tortoise.expressions import Q

from app.errors import Forbidden, TokenInvalid, Unauthenticated
from app.tokens import Principal

Handler = Callable[..., Awaitable[HTTPResponse]]


async def authenticate(request: Request) -> Principal:
    """The caller's principal from a Bearer access token whose session is not revoked."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthenticated()
    runtime = request.app.ctx.runtime
    principal = runtime.tokens.verify(token.strip())
    if await runtime.revocations.is_revoked(principal.session_id):
        raise TokenInvalid(code="SESSION_REVOKED", message="该登录已退出或被撤销，请重新登录")
    request.ctx.principal = principal
    return principal


def resident_required(handler: Handler | None = None, *, realname: bool = False) -> Any:
    """Allow residents only; with ``realname=True`` also require a real-name verified account."""

    def decorate(inner: Handler) -> Handler:
        @functools.wraps(inner)
        async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            principal = await authenticate(request)
            if principal.kind != "resident":
                raise Forbidden("此接口仅供居民用户使用")
            if realname:
                # Imported here: services import app modules, not the other way round at load.
                from services.identity import users

                user = await users.get_active_or_raise(user_id=principal.subject_id)
                users.ensure_real_name(user)
                request.ctx.user = user
            return await inner(request, *args, **kwargs)

        return guarded

    return decorate(handler) if handler is not None else decorate


def staff_required(*roles: str) -> Callable[[Handler], Handler]:
    """Allow staff holding any of ``roles`` somewhere; services check the object's scope."""

    def decorate(inner: Handler) -> Handler:
        @functools.wraps(inner)
        async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            principal = await authenticate(request)
            if principal.kind != "staff":
                raise Forbidden("此接口仅供工作人员使用")
            if roles and not any(g.role in roles for g in principal.roles):
                raise Forbidden(details={"required_roles": list(roles)})
            return await inner(request, *args, **kwargs)

        return guarded

    return decorate


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
