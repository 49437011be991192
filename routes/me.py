"""The caller's own account: resident profile and staff profile."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import resident_required, staff_member
from app.crypto import mask_id_number, mask_name, mask_phone
from app.shapes import LocalDateTime, Schema
from models.staff import StaffMember
from models.users import User
from services.identity import staff as staff_service
from services.identity import users

bp = Blueprint("me", url_prefix="/api/v1")


class MeOut(Schema):
    id: str
    display_name: str
    realname_level: int
    realname_verified: bool
    real_name_masked: str | None
    id_number_masked: str | None
    phone_masked: str | None
    created_at: LocalDateTime

    @classmethod
    def of(cls, user: User, decrypt) -> MeOut:
        def shown(value: str | None, mask) -> str | None:
            return mask(decrypt(value)) if value else None

        return cls(
            id=str(user.id), display_name=user.display_name, realname_level=int(user.realname_level),
            realname_verified=users.is_real_name_verified(user),
            real_name_masked=shown(user.real_name_enc, mask_name),
            id_number_masked=shown(user.id_number_enc, mask_id_number),
            phone_masked=shown(user.phone_enc, mask_phone), created_at=user.created_at,
        )


class RoleOut(Schema):
    role: str
    department_id: str | None
    hall_id: str | None


class StaffMeOut(Schema):
    id: str
    username: str
    display_name: str
    roles: list[RoleOut]

    @classmethod
    def of(cls, staff: StaffMember, roles) -> StaffMeOut:
        return cls(id=str(staff.id), username=staff.username, display_name=staff.display_name,
                   roles=[RoleOut(role=g.role, department_id=g.department_id, hall_id=g.hall_id)
                          for g in roles])


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
