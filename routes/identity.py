"""Resident login and identity binding: WeChat mini-program, OA H5, Beijing Pass (北京通)."""

from __future__ import annotations

import base64
import uuid

from pydantic import BaseModel, ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from app.api import endpoint, respond
from app.auth import public, resident_required, staff_required
from app.crypto import mask_id_number, mask_name
from app.shapes import Page, Schema
from services import identity
from services.identity import (
    IdentityAlreadyBound,
    LastLoginMethod,
    ProviderAlreadyBound,
    RealNameIdInUse,
    access_log,
    beijing_pass_login,
    login_flows,
    wechat_login,
)
from services.identity.login_flows import LinkUserMismatch, ReturnUrlNotAllowed, StateInvalid, TicketInvalid
from services.identity.shapes import IdentityList, IdentityOut, LinkTicketOut, MeOut, RealNameOut, TokenOut, Unlinked
from wechat.api import WeChatUnavailable
from wechat.client import WeChatCodeInvalid, WeChatPayloadInvalid

bp = Blueprint("identity", url_prefix="/api/v1")
TAG = "身份认证"
LINK_ERRORS = [IdentityAlreadyBound, ProviderAlreadyBound, RealNameIdInUse]
BROWSER_FLOW_ERRORS = [ReturnUrlNotAllowed, (401, "LINK_TICKET_INVALID")]
CALLBACK_COOKIE_PATH = "/api/v1/auth"


class CodeIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"code": "081AbCdE0pQrSt1uVwXy2zAbCd3AbCdE"},
    ]})

    code: str = Field(min_length=1, max_length=128, description="wx.login 或 getPhoneNumber 返回的 code")


class EncryptedIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"encrypted_data": "CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS",
         "iv": "r7BXXKkLb8qrSNn05n0qiA=="},
    ]})

    encrypted_data: str = Field(min_length=1, max_length=8192, description="encryptedData")
    iv: str = Field(min_length=1, max_length=64)


class TicketIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"ticket": "tk_5mN8pQ1rS4tU7vW0"},
    ]})

    ticket: str = Field(min_length=1, max_length=128)


class LinkTokenIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"link_token": "lt_9JfQ2x7bKc4Lw0Zr"},
    ]})

    link_token: str = Field(min_length=1, max_length=128, description="绑定回跳地址上的 link_token")


class OAAuthorizeQuery(Schema):
    return_url: str = Field(max_length=2048, description="登录后回到的页面（须在允许的源内）")
    scope: str = Field("snsapi_base", description="snsapi_base 或 snsapi_userinfo")
    link_ticket: str | None = Field(None, max_length=128, description="绑定到已登录账号时使用")


class BeijingPassAuthorizeQuery(Schema):
    return_url: str = Field(max_length=2048, description="登录后回到的页面（须在允许的源内）")
    link_ticket: str | None = Field(None, max_length=128, description="绑定到已登录账号时使用")
    min_level: int | None = Field(None, ge=2, le=3, description="需要北京通核验到的实名等级（提升实名等级时使用）")
    legal_person: bool = Field(False, description="法人登录：以法定代表人身份登录并登记（或更新）单位")


class CallbackQuery(BaseModel):
    """What a provider appends to our callback; providers may add fields of their own."""

    model_config = ConfigDict(extra="ignore")
    state: str = Field(min_length=1, max_length=128)
    code: str | None = Field(None, max_length=512)
    error: str | None = Field(None, max_length=128)


def _runtime(request: Request):
    return request.app.ctx.runtime


def _redirect_with_nonce(request: Request, url: str, nonce: str, return_url: str) -> HTTPResponse:
    response = redirect(url)
    settings = _runtime(request).settings
    # Lax: the cookies must come back on the top-level GET from WeChat/Beijing Pass to the callback.
    cookie = {"path": CALLBACK_COOKIE_PATH, "httponly": True, "samesite": "Lax",
              "secure": settings.public_base_url.startswith("https://")}
    response.add_cookie(login_flows.NONCE_COOKIE, nonce, max_age=settings.oauth_state_ttl_seconds, **cookie)
    # Encoded: a cookie value may not hold every character of a URL. Checked again when read.
    response.add_cookie(login_flows.RETURN_COOKIE, base64.urlsafe_b64encode(return_url.encode()).decode(),
                        max_age=login_flows.RETURN_COOKIE_SECONDS, **cookie)
    return response


def _returning_to(request: Request) -> str | None:
    """The page the browser's last login started from (its return cookie), if readable."""
    try:
        return base64.urlsafe_b64decode(request.cookies.get(login_flows.RETURN_COOKIE) or "").decode() or None
    except ValueError:
        return None


def _back_from_callback(outcome: login_flows.CallbackOutcome) -> HTTPResponse:
    response = redirect(outcome.url)
    if outcome.ended:  # a failure that spent nothing leaves this browser's own login going
        for name in (login_flows.NONCE_COOKIE, login_flows.RETURN_COOKIE):
            response.delete_cookie(name, path=CALLBACK_COOKIE_PATH)
    return response


@bp.post("/auth/wechat/miniprogram")
@endpoint(summary="小程序登录：用 wx.login 的 code 换取令牌（首次登录自动注册）", tag=TAG, body=CodeIn,
          response=TokenOut, errors=[WeChatCodeInvalid, WeChatUnavailable, (403, "ACCOUNT_DISABLED"),
                                   (409, "LOGIN_CONFLICT")])
@public
async def miniprogram_login(request: Request, body: CodeIn) -> HTTPResponse:
    pair = await wechat_login.miniprogram_login(rt=_runtime(request), code=body.code)
    return respond(TokenOut.of(pair))


@bp.post("/auth/wechat/miniprogram/link")
@endpoint(summary="把小程序微信账号绑定到当前账号", tag=TAG, body=CodeIn, response=IdentityOut,
          secured=True, errors=[WeChatCodeInvalid, WeChatUnavailable, *LINK_ERRORS])
@resident_required
async def miniprogram_link(request: Request, body: CodeIn) -> HTTPResponse:
    row = await wechat_login.miniprogram_link(rt=_runtime(request), code=body.code,
                                              user_id=request.ctx.principal.subject_id)
    return respond(IdentityOut.of(row))


@bp.post("/me/phone/wechat-code")
@endpoint(summary="用 getPhoneNumber 的 code 验证并保存手机号", tag=TAG, body=CodeIn, response=MeOut,
          secured=True, errors=[WeChatCodeInvalid, WeChatUnavailable])
@resident_required
async def phone_by_code(request: Request, body: CodeIn) -> HTTPResponse:
    rt = _runtime(request)
    user = await wechat_login.phone_from_code(rt=rt, user_id=request.ctx.principal.subject_id,
                                              code=body.code)
    return respond(MeOut.of(user, rt.cipher.decrypt))


@bp.post("/me/phone/wechat-encrypted")
@endpoint(summary="解密 getPhoneNumber 的加密数据并保存手机号", tag=TAG, body=EncryptedIn,
          response=MeOut, secured=True, errors=[WeChatPayloadInvalid, (409, "WECHAT_SESSION_MISSING")])
@resident_required
async def phone_by_payload(request: Request, body: EncryptedIn) -> HTTPResponse:
    rt = _runtime(request)
    user = await wechat_login.phone_from_payload(rt=rt, user_id=request.ctx.principal.subject_id,
                                                 encrypted_data=body.encrypted_data, iv=body.iv)
    return respond(MeOut.of(user, rt.cipher.decrypt))


@bp.post("/me/profile/wechat-encrypted")
@endpoint(summary="解密 getUserInfo 的加密数据，昵称作为显示名", tag=TAG, body=EncryptedIn,
          response=MeOut, secured=True, errors=[WeChatPayloadInvalid, (409, "WECHAT_SESSION_MISSING")])
@resident_required
async def profile_by_payload(request: Request, body: EncryptedIn) -> HTTPResponse:
    rt = _runtime(request)
    user = await wechat_login.profile_from_payload(rt=rt, user_id=request.ctx.principal.subject_id,
                                                   encrypted_data=body.encrypted_data, iv=body.iv)
    return respond(MeOut.of(user, rt.cipher.decrypt))


@bp.get("/auth/wechat/oa/authorize")
@endpoint(summary="公众号网页登录：跳转微信授权（302）", tag=TAG, status=302, query=OAAuthorizeQuery,
          errors=[*BROWSER_FLOW_ERRORS, (422, "INVALID_SCOPE")])
@public
async def oa_authorize(request: Request, query: OAAuthorizeQuery) -> HTTPResponse:
    url, nonce = await wechat_login.oa_authorize(rt=_runtime(request), scope=query.scope,
                                                 return_url=query.return_url, link_ticket=query.link_ticket)
    return _redirect_with_nonce(request, url, nonce, query.return_url)


@bp.get("/auth/wechat/oa/callback")
@endpoint(summary="公众号网页授权回调：回到 return_url 并附 login_ticket 或 link_token，"
                  "失败时附 login_error（302）", tag=TAG, status=302,
          query=CallbackQuery, errors=[StateInvalid])
@public
async def oa_callback(request: Request, query: CallbackQuery) -> HTTPResponse:
    outcome = await wechat_login.oa_callback(rt=_runtime(request), code=query.code, state=query.state,
                                         nonce=request.cookies.get(login_flows.NONCE_COOKIE),
                                         returning_to=_returning_to(request))
    return _back_from_callback(outcome)


@bp.get("/auth/beijing-pass/authorize")
@endpoint(summary="北京通登录或绑定：跳转北京通授权（302，state + PKCE）", tag=TAG, status=302,
          query=BeijingPassAuthorizeQuery, errors=[*BROWSER_FLOW_ERRORS, beijing_pass_login.LegalPersonNotLinkable])
@public
async def beijing_pass_authorize(request: Request, query: BeijingPassAuthorizeQuery) -> HTTPResponse:
    url, nonce = await beijing_pass_login.authorize(rt=_runtime(request), return_url=query.return_url,
                                                    link_ticket=query.link_ticket,
                                                    min_level=query.min_level or 0,
                                                    legal_person=query.legal_person)
    return _redirect_with_nonce(request, url, nonce, query.return_url)


@bp.get("/auth/beijing-pass/callback")
@endpoint(summary="北京通授权回调：回到 return_url 并附 login_ticket 或 link_token，"
                  "失败时附 login_error（302）", tag=TAG, status=302,
          query=CallbackQuery, errors=[StateInvalid])
@public
async def beijing_pass_callback(request: Request, query: CallbackQuery) -> HTTPResponse:
    outcome = await beijing_pass_login.callback(rt=_runtime(request), state=query.state, code=query.code,
                                            error=query.error,
                                            nonce=request.cookies.get(login_flows.NONCE_COOKIE),
                                            returning_to=_returning_to(request))
    return _back_from_callback(outcome)


@bp.post("/auth/login-tickets/exchange")
@endpoint(summary="用网页登录回跳带回的 login_ticket 换取令牌（一次性）", tag=TAG, body=TicketIn,
          response=TokenOut, errors=[TicketInvalid])
@public
async def exchange_login_ticket(request: Request, body: TicketIn) -> HTTPResponse:
    pair = await login_flows.redeem_login_ticket(rt=_runtime(request), ticket=body.ticket)
    return respond(TokenOut.of(pair))


@bp.post("/auth/link-tickets")
@endpoint(summary="为网页绑定流程（公众号、北京通）签发一次性绑定票据", tag=TAG,
          response=LinkTicketOut, status=201, secured=True)
@resident_required
async def create_link_ticket(request: Request) -> HTTPResponse:
    ticket = await login_flows.issue_link_ticket(rt=_runtime(request),
                                                 user_id=request.ctx.principal.subject_id)
    return respond(LinkTicketOut(link_ticket=ticket, expires_in=login_flows.LINK_TICKET_TTL_SECONDS),
                   status=201)


@bp.post("/auth/link-confirmations")
@endpoint(summary="确认网页绑定：用回跳地址上的 link_token 把身份绑定到当前账号", tag=TAG,
          body=LinkTokenIn, response=IdentityOut, secured=True,
          errors=[LinkUserMismatch, (401, "LINK_TOKEN_INVALID"), *LINK_ERRORS])
@resident_required
async def confirm_link(request: Request, body: LinkTokenIn) -> HTTPResponse:
    row = await login_flows.confirm_link(rt=_runtime(request), user_id=request.ctx.principal.subject_id,
                                         link_token=body.link_token)
    return respond(IdentityOut.of(row))


@bp.get("/me/identities")
@endpoint(summary="当前账号绑定的登录方式", tag=TAG, response=IdentityList, secured=True)
@resident_required
async def list_identities(request: Request) -> HTTPResponse:
    rows = await identity.list_login_identities(user_id=request.ctx.principal.subject_id)
    return respond(IdentityList(items=[IdentityOut.of(r) for r in rows]))


@bp.delete("/me/identities/<identity_id:uuid>")
@endpoint(summary="解绑一个登录方式（至少保留一个；解绑北京通同时撤销实名）", tag=TAG,
          response=Unlinked, secured=True, errors=[LastLoginMethod, (404, "IDENTITY_NOT_FOUND")])
@resident_required
async def unlink_identity(request: Request, identity_id: uuid.UUID) -> HTTPResponse:
    await identity.unlink(user_id=request.ctx.principal.subject_id, identity_id=identity_id)
    return respond(Unlinked())


@bp.get("/me/real-name")
@endpoint(summary="当前账号的实名信息（脱敏）；未实名时返回 REALNAME_REQUIRED", tag=TAG,
          response=RealNameOut, secured=True, errors=[(403, "REALNAME_REQUIRED")])
@resident_required(realname=True)
async def real_name(request: Request) -> HTTPResponse:
    user, decrypt = request.ctx.user, _runtime(request).cipher.decrypt
    return respond(RealNameOut(realname_level=int(user.realname_level),
                               real_name_masked=mask_name(decrypt(user.real_name_enc)),
                               id_number_masked=mask_id_number(decrypt(user.id_number_enc))))


class AccessLogQuery(Schema):
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(20, ge=1, le=100)


class StaffAccessLogQuery(AccessLogQuery):
    staff_id: str = Field(max_length=64, description="被查询的工作人员")


@bp.get("/me/access-log")
@endpoint(summary="谁查看了我的信息：工作人员每次查看本人办件、材料、文书的记录", tag=TAG,
          query=AccessLogQuery, response=Page[access_log.AccessLogEntry], secured=True,
          errors=[(422, "INVALID_CURSOR")])
@resident_required
async def my_access_log(request: Request, query: AccessLogQuery) -> HTTPResponse:
    return respond(await access_log.reads_of_resident(
        resident_id=request.ctx.principal.subject_id, cursor=query.cursor, limit=query.limit))


@bp.get("/admin/access-log")
@endpoint(summary="某位工作人员查看个人信息的记录（大厅管理员查本大厅人员，审计员查本部门或全部）",
          tag=TAG, query=StaffAccessLogQuery, response=Page[access_log.StaffAccessLogEntry],
          secured=True, errors=[(404, "STAFF_NOT_FOUND"), (422, "INVALID_CURSOR")])
@staff_required(*access_log.AUDIT_ROLES, scope="hall")
async def staff_access_log(request: Request, query: StaffAccessLogQuery) -> HTTPResponse:
    return respond(await access_log.reads_by_staff(
        principal=request.ctx.principal, staff_id=query.staff_id, cursor=query.cursor,
        limit=query.limit))
