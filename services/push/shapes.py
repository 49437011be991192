"""Response shapes of push: subscription grants, messages and deliveries, topics, broadcasts, SMS callbacks."""

from __future__ import annotations

from pydantic import Field

from app.shapes import LocalDateTime, Schema
from models.push import Broadcast, Delivery


class GrantOut(Schema):
    template_id: str
    remaining: int


class GrantsOut(Schema):
    grants: list[GrantOut]


class GrantBalanceOut(GrantOut):
    """One subscribe template: messages still allowed (one per accepted request) and its kinds."""

    kinds: list[str] = Field(description="消息类型（见 /push/subscribe-templates）")


class GrantBalancesOut(Schema):
    grants: list[GrantBalanceOut]


class SubscribeTemplateOut(Schema):
    """The template id to pass to ``wx.requestSubscribeMessage`` for one message kind."""

    kind: str = Field(description="消息类型，如 booking_confirmed")
    template_id: str = Field(description="小程序订阅消息模板 id（tmplIds 的元素）")
    oa_template_id: str | None = Field(description="公众号订阅通知模板 id（公众号网页 wx-open-subscribe 的 "
                                                   "template 属性）；未配置为 null")
    event_types: list[str] = Field(description="发送此类消息的业务事件")


class SubscribeTemplatesOut(Schema):
    templates: list[SubscribeTemplateOut]


class ChannelTried(Schema):
    channel: str
    outcome: str
    reason: str | None = None


class MessageOut(Schema):
    id: str
    event_type: str
    channel: str | None
    status: str
    content: dict[str, str]
    page: str | None
    channels_tried: list[ChannelTried] = Field(
        description="每个尝试过的渠道及结果：sent、skipped（不可用及原因）、failed（被拒及原因）")
    created_at: LocalDateTime
    updated_at: LocalDateTime

    @classmethod
    def of(cls, row: Delivery) -> MessageOut:
        return cls(id=str(row.id), event_type=row.event_type, channel=row.channel,
                   status=str(row.status), content=dict(row.content.get("data", {})), page=row.page,
                   channels_tried=[ChannelTried(**entry) for entry in row.tried],
                   created_at=row.created_at, updated_at=row.updated_at)


class DeliveryOut(MessageOut):
    event_id: str
    recipient: str
    attempts: int
    msgid: int | None
    error: str | None

    @classmethod
    def of(cls, row: Delivery) -> DeliveryOut:
        return cls(**MessageOut.of(row).model_dump(), event_id=row.event_id, recipient=row.recipient,
                   attempts=row.attempts, msgid=row.msgid, error=row.error)


class TopicsOut(Schema):
    topics: list[str]


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


class SmsAnswer(Schema):
    result: int
    errmsg: str
