"""Staff password login, token refresh and logout."""

from __future__ import annotations

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import public, signed_in
from app.shapes import Schema
from services.identity import sessions, staff
from services.identity.shapes import LoggedOut, TokenOut

bp = Blueprint("auth", url_prefix="/api/v1/auth")


class StaffLoginIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"username": "clerk", "password": "clerk-demo-pass"},
    ]})

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    totp_code: str | None = Field(None, pattern=r"^\d{6}$")


class RefreshIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"refresh_token": "rt_2Yb7Kq9Xc3Vn6Lm1Pz8Wd4"},
    ]})

    refresh_token: str = Field(min_length=10, max_length=256)


@bp.post("/staff/login")
@endpoint(summary="工作人员账号密码登录（可选动态口令）", tag="身份认证", body=StaffLoginIn,
          response=TokenOut, errors=[staff.LoginFailed, (401, "TOTP_REQUIRED"), (401, "TOTP_INVALID"),
                                     (403, "TOTP_ENROLMENT_REQUIRED"), (429, "LOGIN_RATE_LIMITED")])
@public
async def staff_login(request: Request, body: StaffLoginIn) -> HTTPResponse:
    pair = await staff.login(rt=request.app.ctx.runtime, username=body.username,
                             password=body.password, totp_code=body.totp_code,
                             client_ip=request.remote_addr or request.ip)
    return respond(TokenOut.of(pair))


@bp.post("/refresh")
@endpoint(summary="用刷新凭证换取新的令牌（刷新凭证轮换）", tag="身份认证", body=RefreshIn,
          response=TokenOut, errors=[(401, "REFRESH_TOKEN_INVALID"), (401, "REFRESH_TOKEN_REUSED"),
                                     (401, "ACCOUNT_INACTIVE")])
@public
async def refresh(request: Request, body: RefreshIn) -> HTTPResponse:
    pair = await sessions.refresh(rt=request.app.ctx.runtime, refresh_token=body.refresh_token)
    return respond(TokenOut.of(pair))


@bp.post("/logout")
@endpoint(summary="退出登录：撤销本次登录的全部令牌", tag="身份认证", response=LoggedOut,
          secured=True, errors=[(401, "SESSION_REVOKED")])
@signed_in
async def logout(request: Request) -> HTTPResponse:
    principal = request.ctx.principal
    await sessions.revoke_family(rt=request.app.ctx.runtime, family_id=principal.session_id)
    return respond(LoggedOut())

