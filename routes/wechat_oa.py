"""The OA server callback WeChat calls: URL verification (GET) and pushed messages (POST)."""

from __future__ import annotations

from pydantic import Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, text

from app.api import endpoint
from app.auth import public
from app.shapes import Schema
from services import oa_callback
from services.oa_callback import CallbackParams, CallbackReplayed, MessageMalformed, SignatureInvalid

bp = Blueprint("wechat_oa", url_prefix="/api/v1/wechat/oa")
TAG = "公众号回调"


class CallbackQuery(Schema):
    signature: str = Field(min_length=1, max_length=64)
    timestamp: str = Field(min_length=1, max_length=16)
    nonce: str = Field(min_length=1, max_length=64)
    echostr: str | None = Field(None, max_length=256)
    openid: str | None = Field(None, max_length=64)
    encrypt_type: str | None = Field(None, max_length=8)
    msg_signature: str | None = Field(None, max_length=64)

    def params(self) -> CallbackParams:
        return CallbackParams(signature=self.signature, timestamp=self.timestamp, nonce=self.nonce,
                              echostr=self.echostr, encrypt_type=self.encrypt_type,
                              msg_signature=self.msg_signature)


@bp.get("/callback")
@endpoint(summary="微信服务器 URL 验证：签名正确时原样返回 echostr", tag=TAG, query=CallbackQuery,
          media_type="text/plain",
          errors=[SignatureInvalid, MessageMalformed])
@public
async def verify(request: Request, query: CallbackQuery) -> HTTPResponse:
    return text(oa_callback.verify_url(rt=request.app.ctx.runtime, params=query.params()))


@bp.post("/callback")
@endpoint(summary="微信推送的消息与事件（明文或安全模式），返回被动回复 XML", tag=TAG, query=CallbackQuery,
          media_type=("application/xml", "text/plain"),
          errors=[SignatureInvalid, CallbackReplayed, MessageMalformed])
@public
async def receive(request: Request, query: CallbackQuery) -> HTTPResponse:
    reply = await oa_callback.handle(rt=request.app.ctx.runtime, params=query.params(),
                                     body=request.body or b"")
    return text(reply, content_type="application/xml" if reply.startswith("<") else "text/plain")
