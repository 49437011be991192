"""Broadcasts: notices to many followers by WeChat mass send (群发), its quota, preview, delete."""

from __future__ import annotations

import uuid

from pydantic import ConfigDict, Field, field_validator
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import staff_required
from app.shapes import Schema
from models.staff import StaffRoleName
from routes.push import TOPIC_PATTERN
from services import mass_send
from services.mass_send import (
    AudienceTooLarge,
    AudienceTooSmall,
    BroadcastNotFound,
    MassSendRefused,
    NotDeletable,
    PreviewRecipientNotFollowing,
    QuotaExceeded,
)
from services.push.shapes import BroadcastOut, PreviewOut, QuotaOut
from wechat.api import WeChatUnavailable

bp = Blueprint("mass_send", url_prefix="/api/v1/admin")
TAG = "消息推送"
SENDERS = (StaffRoleName.ADMIN, StaffRoleName.HALL_MANAGER)
AUDIENCE_PATTERN = r"^all$|^tag:[0-9]{1,9}$|" + TOPIC_PATTERN[1:]


class NoticeIn(Schema):
    title: str = Field(min_length=1, max_length=64)
    content: str = Field(min_length=1, max_length=200)

    @field_validator("title", "content")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("不能为空白")
        return value.strip()


class BroadcastIn(NoticeIn):
    audience: str = Field("all", pattern=AUDIENCE_PATTERN,
                          description="all（全部关注者）、tag:<微信标签 id>，"
                                      "或 hall:<大厅编码> / item:<事项编码> 的关注者")

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "title": "系统维护通知", "content": "本周六 22:00-24:00 系统维护，期间暂停预约。", "audience": "all"}]})


class PreviewIn(NoticeIn):
    openids: list[str] = Field(min_length=1, max_length=mass_send.PREVIEW_OPENIDS_MAX,
                               description="先收到预览的测试关注者 openid")

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "title": "系统维护通知", "content": "本周六 22:00-24:00 系统维护，期间暂停预约。",
        "openids": ["oTestFollower0000000000000001"]}]})


@bp.post("/broadcasts")
@endpoint(summary="群发通知（微信群发接口）：全部关注者、微信标签，或关注某大厅/事项的关注者；每月 4 次", tag=TAG,
          body=BroadcastIn, response=BroadcastOut, status=201, secured=True,
          errors=[(403, "FORBIDDEN"), QuotaExceeded, AudienceTooSmall, AudienceTooLarge,
                  MassSendRefused, WeChatUnavailable])
@staff_required(*SENDERS, scope="hall")
async def create_broadcast(request: Request, body: BroadcastIn) -> HTTPResponse:
    row = await mass_send.send_notice(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                      title=body.title, content=body.content, audience=body.audience)
    return respond(BroadcastOut.of(row, {}), status=201)


@bp.post("/broadcasts/preview")
@endpoint(summary="群发预览：先发给测试关注者（不占每月群发次数）", tag=TAG, body=PreviewIn,
          response=PreviewOut, secured=True,
          errors=[(403, "FORBIDDEN"), PreviewRecipientNotFollowing, MassSendRefused, WeChatUnavailable])
@staff_required(StaffRoleName.ADMIN, scope="global")
async def preview_broadcast(request: Request, body: PreviewIn) -> HTTPResponse:
    msg_ids = await mass_send.preview(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                      title=body.title, content=body.content, openids=body.openids)
    return respond(PreviewOut(msg_ids=msg_ids))


@bp.get("/broadcasts/<broadcast_id:uuid>")
@endpoint(summary="群发结果：微信的发送统计（MASSSENDJOBFINISH）", tag=TAG, response=BroadcastOut,
          secured=True, errors=[(403, "FORBIDDEN"), BroadcastNotFound])
@staff_required(*SENDERS, scope="hall")
async def broadcast_progress(request: Request, broadcast_id: uuid.UUID) -> HTTPResponse:
    found = await mass_send.progress(principal=request.ctx.principal, broadcast_id=str(broadcast_id))
    return respond(BroadcastOut.of(found.broadcast, found.deliveries))


@bp.delete("/broadcasts/<broadcast_id:uuid>")
@endpoint(summary="删除已发出的群发（微信 message/mass/delete；已用的群发次数不退回）", tag=TAG,
          response=BroadcastOut, secured=True,
          errors=[(403, "FORBIDDEN"), BroadcastNotFound, NotDeletable, MassSendRefused,
                  WeChatUnavailable])
@staff_required(*SENDERS, scope="hall")
async def delete_broadcast(request: Request, broadcast_id: uuid.UUID) -> HTTPResponse:
    row = await mass_send.delete(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                 broadcast_id=str(broadcast_id))
    return respond(BroadcastOut.of(row, {}))


@bp.get("/mass-sends/quota")
@endpoint(summary="本月（北京时间）群发次数：上限、已用、剩余", tag=TAG, response=QuotaOut, secured=True,
          errors=[(403, "FORBIDDEN")])
@staff_required(*SENDERS, scope="hall")
async def quota(request: Request) -> HTTPResponse:
    found = await mass_send.quota()
    return respond(QuotaOut(month=found.month, limit=found.limit, used=found.used,
                            remaining=found.remaining))
