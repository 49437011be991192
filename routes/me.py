"""The caller's own account: resident profile and staff profile."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import resident_required, staff_member
from services.identity import staff as staff_service
from services.identity import users
from services.identity.shapes import MeOut, StaffMeOut

bp = Blueprint("me", url_prefix="/api/v1")


@bp.get("/me")
@endpoint(summary="当前居民的账号信息（敏感信息脱敏）", tag="身份认证", response=MeOut, secured=True,
          errors=[(403, "FORBIDDEN")])
@resident_required
async def me(request: Request) -> HTTPResponse:
    user = await users.get_active_or_raise(user_id=request.ctx.principal.subject_id)
    return respond(MeOut.of(user, request.app.ctx.runtime.cipher.decrypt))


@bp.get("/staff/me")
@endpoint(summary="当前工作人员的账号与角色", tag="身份认证", response=StaffMeOut, secured=True,
          errors=[(403, "FORBIDDEN")])
@staff_member
async def staff_me(request: Request) -> HTTPResponse:
    principal = request.ctx.principal
    staff = await staff_service.get_active_or_raise(staff_id=principal.subject_id)
    return respond(StaffMeOut.of(staff, principal.roles))
