"""Route guards: logged-in resident, real-name verified resident, staff with a role."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from sanic import Request
from sanic.response import HTTPResponse

from app.errors import Forbidden, RealNameRequired, TokenInvalid, Unauthenticated
from app.tokens import Principal

Handler = Callable[..., Awaitable[HTTPResponse]]
ScopeDimension = Literal["department", "hall"]


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
                from services import users

                user = await users.get_active_or_raise(user_id=principal.subject_id)
                if not users.is_real_name_verified(user):
                    # Binding happens in a browser: get a link ticket, then open the bind URL with it.
                    raise RealNameRequired(details={"action": "bind_beijing_pass",
                                                    "link_ticket_url": "/api/v1/auth/link-tickets",
                                                    "bind_url": "/api/v1/auth/beijing-pass/authorize"})
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


def scope_ids(principal: Principal, *roles: str, dimension: ScopeDimension) -> list[str] | None:
    """The department or hall ids where the principal holds any of ``roles``; None means all.

    A grant without an id in ``dimension`` covers all of them (its other dimension is not
    looked at); holding none of ``roles`` gives an empty list, which matches nothing.
    """
    ids = [g.department_id if dimension == "department" else g.hall_id
           for g in principal.roles if g.role in roles]
    return None if None in ids else [i for i in ids if i is not None]
