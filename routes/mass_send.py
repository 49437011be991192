"""Broadcasts: notices to many followers by WeChat mass send (群发), its quota, preview, delete."""

from __future__ import annotations

import uuid

from pydantic import ConfigDict, Field, field_validator, model_validator
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import staff_required
from app.shapes import LocalDateTime, Schema
from models.push import Broadcast
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


class PreviewOut(Schema):
    msg_ids: list[int]


class JobOut(Schema):
    """WeChat's MASSSENDJOBFINISH report."""

    status: str
    total_count: int
    filter_count: int
    sent_count: int
    error_count: int
    finished_at: LocalDateTime


class BroadcastOut(Schema):
    id: str
    title: str
    content: str
    audience: str
    article_id: str | None = Field(description="群发的文章（图文）；文字通知为空")
    status: str = Field(description="running（已提交微信）/ done / failed / deleted")
    total: int
    fanned_out: int
    deliveries: dict[str, int] = Field(description="模板消息投递数（仅群发上线前的旧记录）")
    created_at: LocalDateTime
    channel: str = Field(description="mass_send（群发）或 template（旧记录：逐人模板消息）")
    msg_id: int | None
    quota_month: str | None = Field(description="占用哪个月（北京时间）的群发次数；失败的不占用")
    job: JobOut | None = Field(description="微信的 MASSSENDJOBFINISH 结果，收到前为空")
    error: str | None
    deleted_at: LocalDateTime | None

    @classmethod
    def of(cls, row: Broadcast, deliveries: dict[str, int]) -> BroadcastOut:
        job = None
        if row.finished_at is not None:
            job = JobOut(status=row.job_status or "", total_count=row.total_count or 0,
                         filter_count=row.filter_count or 0, sent_count=row.sent_count or 0,
                         error_count=row.error_count or 0, finished_at=row.finished_at)
        return cls(id=str(row.id), title=row.title, content=row.content, audience=row.audience,
                   article_id=str(row.article_id) if row.article_id else None,
                   status=str(row.status), total=row.total, fanned_out=row.fanned_out,
                   deliveries=deliveries, created_at=row.created_at, channel=str(row.channel),
                   msg_id=row.msg_id, quota_month=row.quota_month if row.quota_slot else None,
                   job=job, error=row.error, deleted_at=row.deleted_at)


class QuotaOut(Schema):
    month: str = Field(description="北京时间的自然月，如 2026-12")
    limit: int
    used: int
    remaining: int


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
