"""Broadcasts: notices to many followers by WeChat mass send (群发), its quota, preview, delete."""

from __future__ import annotations

import uuid

from pydantic import ConfigDict, Field, field_validator, model_validator
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import staff_required
from app.shapes import Schema
from models.staff import StaffRoleName
from routes.push import TOPIC_PATTERN
from services import mass_send
from services.articles import ArticleNotFound
from services.mass_send import (
    ArticleNotSendable,
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
ARTICLE_EXAMPLE = {"article_id": "0f8b6d3e-5c1a-4e8e-9a57-2f9f3c6b1d20"}


class NoticeIn(Schema):
    """A notice is a text (title and content) or a published article (article_id), not both."""

    title: str | None = Field(None, min_length=1, max_length=64)
    content: str | None = Field(None, min_length=1, max_length=200)
    article_id: uuid.UUID | None = Field(None, description="群发已发布的政务文章（图文 mpnews），代替 title/content")

    @field_validator("title", "content")
    @classmethod
    def not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("不能为空白")
        return value.strip() if value is not None else None

    @model_validator(mode="after")
    def text_or_article(self) -> NoticeIn:
        has_text = self.title is not None or self.content is not None
        if self.article_id is not None and has_text:
            raise ValueError("文字通知（title、content）与文章（article_id）只能选一种")
        if self.article_id is None and (self.title is None or self.content is None):
            raise ValueError("文字通知须有 title 和 content，或改为 article_id 群发文章")
        return self

    @property
    def article(self) -> str | None:
        return str(self.article_id) if self.article_id else None


class BroadcastIn(NoticeIn):
    audience: str = Field("all", pattern=AUDIENCE_PATTERN,
                          description="all（全部关注者）、tag:<微信标签 id>，"
                                      "或 hall:<大厅编码> / item:<事项编码> 的关注者")

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "title": "系统维护通知", "content": "本周六 22:00-24:00 系统维护，期间暂停预约。", "audience": "all"},
        {**ARTICLE_EXAMPLE, "audience": "all"}]})


class PreviewIn(NoticeIn):
    openids: list[str] = Field(min_length=1, max_length=mass_send.PREVIEW_OPENIDS_MAX,
                               description="先收到预览的测试关注者 openid")

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "title": "系统维护通知", "content": "本周六 22:00-24:00 系统维护，期间暂停预约。",
        "openids": ["oTestFollower0000000000000001"]},
        {**ARTICLE_EXAMPLE, "openids": ["oTestFollower0000000000000001"]}]})


@bp.post("/broadcasts")
@endpoint(summary="群发通知（微信群发接口）：全部关注者、微信标签，或关注某大厅/事项的关注者；每月 4 次", tag=TAG,
          body=BroadcastIn, response=BroadcastOut, status=201, secured=True,
          errors=[(403, "FORBIDDEN"), QuotaExceeded, AudienceTooSmall, AudienceTooLarge,
                  ArticleNotFound, ArticleNotSendable, MassSendRefused, WeChatUnavailable])
@staff_required(*SENDERS, scope="hall")
async def create_broadcast(request: Request, body: BroadcastIn) -> HTTPResponse:
    row = await mass_send.send_notice(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                      title=body.title, content=body.content, article_id=body.article,
                                      audience=body.audience)
    return respond(BroadcastOut.of(row, {}), status=201)


@bp.post("/broadcasts/preview")
@endpoint(summary="群发预览：先发给测试关注者（不占每月群发次数）", tag=TAG, body=PreviewIn,
          response=PreviewOut, secured=True,
          errors=[(403, "FORBIDDEN"), ArticleNotFound, ArticleNotSendable, PreviewRecipientNotFollowing,
                  MassSendRefused, WeChatUnavailable])
@staff_required(StaffRoleName.ADMIN, scope="global")
async def preview_broadcast(request: Request, body: PreviewIn) -> HTTPResponse:
    msg_ids = await mass_send.preview(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                      title=body.title, content=body.content, article_id=body.article,
                                      openids=body.openids)
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
