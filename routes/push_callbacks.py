"""Callbacks push listens to: the mini-program's message push and Tencent Cloud SMS reports/replies."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, RootModel
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json, text
from sanic_ext import openapi

from app.api import endpoint
from app.auth import public
from app.shapes import Schema
from routes.wechat_oa import CallbackQuery
from services import push_callbacks
from services.oa_callback import CallbackReplayed, MessageMalformed, SignatureInvalid
from services.push.shapes import SmsAnswer
from services.push_callbacks import SmsCallbackForbidden

bp = Blueprint("push_callbacks", url_prefix="/api/v1")
TAG = "消息推送回调"


@bp.get("/wechat/miniprogram/callback")
@openapi.response(200, {"text/plain": str}, "echostr")
@endpoint(summary="小程序消息推送 URL 验证：签名正确时原样返回 echostr", tag=TAG, query=CallbackQuery,
          errors=[SignatureInvalid, MessageMalformed])
@public
async def verify_miniprogram(request: Request, query: CallbackQuery) -> HTTPResponse:
    return text(push_callbacks.verify_mp_url(rt=request.app.ctx.runtime, params=query.params()))


@bp.post("/wechat/miniprogram/callback")
@openapi.response(200, {"text/plain": str}, "success")
@endpoint(summary="小程序消息推送（明文 XML）：订阅消息的授权与取消（subscribe_msg_popup_event / "
                  "subscribe_msg_change_event）", tag=TAG, query=CallbackQuery,
          errors=[SignatureInvalid, CallbackReplayed, MessageMalformed])
@public
async def receive_miniprogram(request: Request, query: CallbackQuery) -> HTTPResponse:
    return text(await push_callbacks.handle_mp_event(rt=request.app.ctx.runtime, params=query.params(),
                                                     body=request.body or b""))


class TokenQuery(Schema):
    # Optional in the schema so a call without it is refused as forbidden (403), not malformed.
    token: str | None = Field(None, max_length=128, description="回调地址上的共享令牌；缺失或不符时 403")


class SmsReport(BaseModel):
    """One Tencent SMS delivery report (回执); Tencent may add fields, which are kept out of the way."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [{
        "sid": "2019:538884*********", "report_status": "SUCCESS", "errmsg": "DELIVRD",
        "description": "用户短信送达成功"}]})
    sid: str = Field(max_length=64)
    report_status: str = Field(max_length=16)
    errmsg: str = Field("", max_length=64)
    description: str = Field("", max_length=128)


class SmsReports(RootModel[list[SmsReport]]):
    model_config = ConfigDict(json_schema_extra={"examples": [[{
        "sid": "2019:538884*********", "report_status": "SUCCESS", "errmsg": "DELIVRD",
        "description": "用户短信送达成功"}]]})


class SmsReply(BaseModel):
    """A reply (上行) to an SMS from the resident's phone."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [{
        "mobile": "13800138000", "nationcode": "86", "text": "TD"}]})
    mobile: str = Field(pattern=r"^\d{5,15}$")
    nationcode: str = Field("86", pattern=r"^\d{1,4}$")
    text: str = Field(max_length=500)


@bp.post("/sms/tencent/status")
@endpoint(summary="腾讯云短信状态回执：按 sid 将投递记为送达或失败", tag=TAG, query=TokenQuery, body=SmsReports,
          response=SmsAnswer, errors=[SmsCallbackForbidden])
@public
async def sms_status(request: Request, query: TokenQuery, body: SmsReports) -> HTTPResponse:
    answer = await push_callbacks.sms_status_reports(rt=request.app.ctx.runtime, token=query.token,
                                                     reports=[r.model_dump() for r in body.root])
    return json(answer)


@bp.post("/sms/tencent/reply")
@endpoint(summary="腾讯云短信上行回复：回复 TD 退订短信", tag=TAG, query=TokenQuery, body=SmsReply,
          response=SmsAnswer, errors=[SmsCallbackForbidden])
@public
async def sms_reply(request: Request, query: TokenQuery, body: SmsReply) -> HTTPResponse:
    answer = await push_callbacks.sms_reply(rt=request.app.ctx.runtime, token=query.token,
                                            reply=body.model_dump())
    return json(answer)
