"""Staff accounts managed by a global admin: create, disable, re-enable, roles, password, TOTP."""

from __future__ import annotations

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import staff_required
from app.shapes import Page, Schema, decode_cursor, encode_cursor
from models.staff import StaffMember, StaffRoleName
from services.identity import staff_accounts
from services.identity.shapes import EnrolmentOut, StaffOut
from services.identity.staff import RoleSpec, TotpEnrolmentRequired
from services.identity.staff_accounts import OwnAccountChange, OwnAccountDisable

bp = Blueprint("staff_admin", url_prefix="/api/v1/admin/staff")
TAG = "工作人员账号管理"
_NOT_FOUND = [(404, "STAFF_NOT_FOUND")]
_ROLE_ERRORS = [(404, "DEPARTMENT_NOT_FOUND"), (404, "HALL_NOT_FOUND")]
_CODE = r"^[A-Za-z0-9_-]{1,32}$"


class RoleIn(Schema):
    role: StaffRoleName
    department_code: str | None = Field(None, pattern=_CODE, description="部门编码；不填则不限部门")
    hall_code: str | None = Field(None, pattern=_CODE, description="大厅编码；不填则不限大厅")

    def spec(self) -> RoleSpec:
        return RoleSpec(self.role, self.department_code, self.hall_code)


class StaffCreateIn(Schema):
    username: str = Field(pattern=r"^[A-Za-z0-9_.-]{3,64}$")
    display_name: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    roles: list[RoleIn] = Field(max_length=20)
    totp: bool = Field(False, description="绑定动态口令；生产环境中管理员与审批人员总是绑定")

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "username": "reviewer-zhao", "display_name": "赵审批", "password": "correct-horse-battery-2026",
        "roles": [{"role": "reviewer", "department_code": "HDGA"}]}]})


class RolesIn(Schema):
    roles: list[RoleIn] = Field(max_length=20)

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "roles": [{"role": "reviewer", "department_code": "HDGA"}]}]})


class PasswordIn(Schema):
    password: str = Field(min_length=1, max_length=256)

    model_config = ConfigDict(json_schema_extra={"examples": [{"password": "another-horse-battery-2026"}]})


class StaffListQuery(Schema):
    cursor: str | None = None
    limit: int = Field(50, ge=1, le=200)


async def _shown(member: StaffMember) -> StaffOut:
    roles = await staff_accounts.roles_of([member.id])
    return StaffOut.of(member, roles.get(member.id, []))


def _actor(request: Request) -> str:
    return str(request.ctx.principal.subject_id)


@bp.post("")
@endpoint(summary="新建工作人员账号（记入存证）", tag=TAG, body=StaffCreateIn, response=EnrolmentOut, status=201,
          secured=True, errors=[*_ROLE_ERRORS, (409, "STAFF_EXISTS"), (422, "PASSWORD_TOO_SHORT")])
@staff_required("admin", scope="global")
async def create(request: Request, body: StaffCreateIn) -> HTTPResponse:
    enrolment = await staff_accounts.create(
        rt=request.app.ctx.runtime, username=body.username, display_name=body.display_name,
        password=body.password, roles=[role.spec() for role in body.roles], totp=body.totp,
        actor_id=_actor(request))
    return respond(EnrolmentOut(staff=await _shown(enrolment.staff), totp_uri=enrolment.totp_uri), status=201)


@bp.get("")
@endpoint(summary="工作人员账号（按用户名，游标分页）", tag=TAG, query=StaffListQuery,
          response=Page[StaffOut], secured=True, errors=[(422, "INVALID_CURSOR")])
@staff_required("admin", scope="global")
async def list_accounts(request: Request, query: StaffListQuery) -> HTTPResponse:
    after = decode_cursor(query.cursor) if query.cursor else None
    members = await staff_accounts.list_accounts(after_username=after, limit=query.limit)
    roles = await staff_accounts.roles_of(m.id for m in members)
    next_cursor = encode_cursor(members[-1].username) if len(members) == query.limit else None
    return respond(Page[StaffOut](items=[StaffOut.of(m, roles.get(m.id, [])) for m in members],
                                  next_cursor=next_cursor))


@bp.get("/<staff_id:uuid>")
@endpoint(summary="一个工作人员账号", tag=TAG, response=StaffOut, secured=True, errors=_NOT_FOUND)
@staff_required("admin", scope="global")
async def get_account(request: Request, staff_id: str) -> HTTPResponse:
    return respond(await _shown(await staff_accounts.get_or_raise(staff_id=staff_id)))


@bp.post("/<staff_id:uuid>/disable")
@endpoint(summary="停用账号：不能再登录，现有登录立即失效（记入存证）", tag=TAG, response=StaffOut, secured=True,
          errors=[*_NOT_FOUND, OwnAccountDisable])
@staff_required("admin", scope="global")
async def disable(request: Request, staff_id: str) -> HTTPResponse:
    member = await staff_accounts.disable(rt=request.app.ctx.runtime, staff_id=staff_id,
                                          actor_id=_actor(request))
    return respond(await _shown(member))


@bp.post("/<staff_id:uuid>/enable")
@endpoint(summary="重新启用已停用的账号（记入存证）", tag=TAG, response=StaffOut, secured=True,
          errors=[*_NOT_FOUND, OwnAccountChange])
@staff_required("admin", scope="global")
async def enable(request: Request, staff_id: str) -> HTTPResponse:
    member = await staff_accounts.enable(rt=request.app.ctx.runtime, staff_id=staff_id,
                                         actor_id=_actor(request))
    return respond(await _shown(member))


@bp.put("/<staff_id:uuid>/roles")
@endpoint(summary="替换账号的角色与范围（现有登录失效，重新登录后生效；记入存证）", tag=TAG, body=RolesIn,
          response=StaffOut, secured=True, errors=[*_NOT_FOUND, OwnAccountChange, *_ROLE_ERRORS, TotpEnrolmentRequired])
@staff_required("admin", scope="global")
async def set_roles(request: Request, staff_id: str, body: RolesIn) -> HTTPResponse:
    member = await staff_accounts.set_roles(rt=request.app.ctx.runtime, staff_id=staff_id,
                                            roles=[role.spec() for role in body.roles], actor_id=_actor(request))
    return respond(await _shown(member))


@bp.put("/<staff_id:uuid>/password")
@endpoint(summary="重置密码（现有登录失效；记入存证）", tag=TAG, body=PasswordIn, response=StaffOut, secured=True,
          errors=[*_NOT_FOUND, OwnAccountChange, (422, "PASSWORD_TOO_SHORT")])
@staff_required("admin", scope="global")
async def reset_password(request: Request, staff_id: str, body: PasswordIn) -> HTTPResponse:
    member = await staff_accounts.reset_password(rt=request.app.ctx.runtime, staff_id=staff_id,
                                                 password=body.password, actor_id=_actor(request))
    return respond(await _shown(member))


@bp.post("/<staff_id:uuid>/totp")
@endpoint(summary="绑定或重置动态口令：返回新的 otpauth 链接（仅此一次），旧口令失效（记入存证）", tag=TAG,
          response=EnrolmentOut, secured=True, errors=[*_NOT_FOUND, OwnAccountChange])
@staff_required("admin", scope="global")
async def reset_totp(request: Request, staff_id: str) -> HTTPResponse:
    enrolment = await staff_accounts.reset_totp(rt=request.app.ctx.runtime, staff_id=staff_id,
                                                actor_id=_actor(request))
    return respond(EnrolmentOut(staff=await _shown(enrolment.staff), totp_uri=enrolment.totp_uri))
