"""Push: subscribe-message grants, the resident's message history, failures, notice topics."""

from __future__ import annotations

import uuid

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import public, resident_required, staff_required
from app.errors import ValidationFailed
from app.shapes import Page, Schema, decode_cursor, encode_cursor, parse_model
from services import push
from services.push import ChannelNotAccepted, DeliveryPage, GrantResult, TemplateUnknown
from services.push.shapes import (
    DeliveryOut,
    GrantBalanceOut,
    GrantBalancesOut,
    GrantOut,
    GrantsOut,
    MessageOut,
    SubscribeTemplateOut,
    SubscribeTemplatesOut,
    TopicsOut,
)

bp = Blueprint("push", url_prefix="/api/v1")
TAG = "消息推送"


class GrantsIn(Schema):
    """``wx.requestSubscribeMessage`` success result: template id -> accept/reject/ban/filter."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"results": {"dev-mp-notice": "accept"}},
    ]})

    results: dict[str, GrantResult] = Field(min_length=1, max_length=20)


class PageQuery(Schema):
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


TOPIC_PATTERN = r"^(hall|item):[A-Za-z0-9_.-]{1,64}$"


def _cursor(query: PageQuery) -> str | None:
    if not query.cursor:
        return None
    value = decode_cursor(query.cursor)
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise ValidationFailed("分页游标无效", code="INVALID_CURSOR") from exc


def _page(found: DeliveryPage, shape: type[MessageOut]) -> Page:
    return Page[shape](items=[shape.of(row) for row in found.items],
                       next_cursor=encode_cursor(found.next_cursor) if found.next_cursor else None)


@bp.post("/me/subscriptions")
@endpoint(summary="登记订阅消息授权（wx.requestSubscribeMessage 的结果），每次 accept 可发送一条",
          tag=TAG, body=GrantsIn, response=GrantsOut, secured=True, errors=[TemplateUnknown])
@resident_required
async def record_grants(request: Request, body: GrantsIn) -> HTTPResponse:
    grants = await push.record_grants(rt=request.app.ctx.runtime,
                                      user_id=request.ctx.principal.subject_id, results=body.results)
    return respond(GrantsOut(grants=[GrantOut(template_id=g.template_id, remaining=g.remaining)
                                     for g in grants]))


@bp.get("/me/subscriptions")
@endpoint(summary="我剩余的订阅消息授权：每个模板还可发送几条（未授权的模板为 0）", tag=TAG,
          response=GrantBalancesOut, secured=True)
@resident_required
async def my_grants(request: Request) -> HTTPResponse:
    balances = await push.grant_balances(rt=request.app.ctx.runtime,
                                         user_id=request.ctx.principal.subject_id)
    return respond(GrantBalancesOut(grants=[
        GrantBalanceOut(template_id=b.template_id, remaining=b.remaining, kinds=b.kinds)
        for b in balances]))


@bp.get("/push/subscribe-templates")
@endpoint(summary="小程序订阅消息模板：每种消息类型的模板 id（传给 wx.requestSubscribeMessage）", tag=TAG,
          response=SubscribeTemplatesOut)
@public
async def subscribe_templates(request: Request) -> HTTPResponse:
    return respond(SubscribeTemplatesOut(templates=[
        SubscribeTemplateOut(kind=t.kind, template_id=t.template_id, oa_template_id=t.oa_template_id,
                             event_types=t.event_types)
        for t in push.subscribe_templates(rt=request.app.ctx.runtime)]))


@bp.get("/me/messages")
@endpoint(summary="我的消息记录（最新在前，游标分页）", tag=TAG, query=PageQuery,
          response=Page[MessageOut], secured=True, errors=[(422, "INVALID_CURSOR")])
@resident_required
async def my_messages(request: Request, query: PageQuery) -> HTTPResponse:
    found = await push.messages_of(user_id=request.ctx.principal.subject_id, cursor=_cursor(query),
                                   limit=query.limit)
    return respond(_page(found, MessageOut))


@bp.get("/admin/push/failures")
@endpoint(summary="投递失败与死信记录（管理员）", tag=TAG, query=PageQuery, response=Page[DeliveryOut],
          secured=True, errors=[(403, "FORBIDDEN"), (422, "INVALID_CURSOR")])
@staff_required("admin", scope="global")
async def push_failures(request: Request, query: PageQuery) -> HTTPResponse:
    found = await push.failures(cursor=_cursor(query), limit=query.limit)
    return respond(_page(found, DeliveryOut))


class TopicPath(Schema):
    topic: str = Field(pattern=TOPIC_PATTERN)


@bp.get("/me/notice-topics")
@endpoint(summary="我关注的大厅与事项（接收其群发通知）", tag=TAG, response=TopicsOut, secured=True)
@resident_required
async def my_topics(request: Request) -> HTTPResponse:
    return respond(TopicsOut(topics=await push.topics_of(user_id=request.ctx.principal.subject_id)))


@bp.put("/me/notice-topics/<topic:str>")
@endpoint(summary="关注大厅或事项：hall:<编码> 或 item:<编码>", tag=TAG, response=TopicsOut, secured=True,
          errors=[(422, "VALIDATION_FAILED")])
@resident_required
async def follow_topic(request: Request, topic: str) -> HTTPResponse:
    checked = parse_model(TopicPath, {"topic": topic})
    topics = await push.follow_topic(user_id=request.ctx.principal.subject_id, topic=checked.topic)
    return respond(TopicsOut(topics=topics))


@bp.delete("/me/notice-topics/<topic:str>")
@endpoint(summary="取消关注大厅或事项", tag=TAG, response=TopicsOut, secured=True,
          errors=[(422, "VALIDATION_FAILED")])
@resident_required
async def unfollow_topic(request: Request, topic: str) -> HTTPResponse:
    # Checked as on follow: a topic that could never be followed is refused, not looked up.
    checked = parse_model(TopicPath, {"topic": topic})
    topics = await push.unfollow_topic(user_id=request.ctx.principal.subject_id, topic=checked.topic)
    return respond(TopicsOut(topics=topics))


class ChannelPreferenceIO(Schema):
    channel: str | None = Field(None, description="优先使用的渠道：oa_subscribe（公众号订阅通知）、"
                                                  "oa_template（公众号模板消息）、"
                                                  "mp_subscribe（小程序订阅消息）、sms（短信）；null 为默认顺序")

    model_config = ConfigDict(json_schema_extra={"examples": [{"channel": "mp_subscribe"}]})


@bp.get("/me/message-channel")
@endpoint(summary="我优先使用的消息渠道", tag=TAG, response=ChannelPreferenceIO, secured=True)
@resident_required
async def my_channel(request: Request) -> HTTPResponse:
    channel = await push.channel_preference(user_id=request.ctx.principal.subject_id)
    return respond(ChannelPreferenceIO(channel=channel))


@bp.put("/me/message-channel")
@endpoint(summary="设置优先使用的消息渠道（其余渠道按默认顺序在后）", tag=TAG, body=ChannelPreferenceIO,
          response=ChannelPreferenceIO, secured=True, errors=[ChannelNotAccepted])
@resident_required
async def set_my_channel(request: Request, body: ChannelPreferenceIO) -> HTTPResponse:
    channel = await push.set_channel_preference(user_id=request.ctx.principal.subject_id, channel=body.channel)
    return respond(ChannelPreferenceIO(channel=channel))
