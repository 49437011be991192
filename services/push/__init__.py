"""Push, the API side: subscription grants, OA followers, message history, failures.

Broadcasts (notices to many followers) are WeChat mass sends: services/mass_send.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, cast

from tortoise.expressions import F
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError
from models.push import (
    ChannelPreference,
    Delivery,
    DeliveryStatus,
    NoticeTopicFollow,
    OAFollower,
    SubscriptionGrant,
)
from models.users import ExternalIdentity, IdentityProvider
from push import channels
from push import delivery as push_delivery
from push import events as push_events
from push import queue as push_queue

FAILURE_STATUSES = (DeliveryStatus.FAILED, DeliveryStatus.DEAD_LETTER)
GrantResult = Literal["accept", "reject", "ban", "filter"]


class TemplateUnknown(AppError):
    status, code, message = 422, "PUSH_TEMPLATE_UNKNOWN", "订阅消息模板不存在"


def mp_template_ids(rt: Runtime) -> set[str]:
    return {str(spec["mp_template_id"]) for spec in rt.settings.push_templates.values()
            if spec.get("mp_template_id")}


@dataclass(frozen=True)
class SubscribeTemplate:
    """A message kind the mini-program may ask the resident to accept, and when it is sent."""

    kind: str
    template_id: str
    oa_template_id: str | None  # the account's 订阅通知 template, for the OA's H5 pages
    event_types: list[str]


def subscribe_templates(*, rt: Runtime) -> list[SubscribeTemplate]:
    """The mini-program subscribe template (and OA 订阅通知 template) of every message kind that
    has one, by kind."""
    return [SubscribeTemplate(kind=kind, template_id=str(spec["mp_template_id"]),
                              oa_template_id=str(spec["oa_subscribe_template_id"])
                              if spec.get("oa_subscribe_template_id") else None,
                              event_types=sorted(str(event) for event, mapped in
                                                 push_events.EVENT_KINDS.items() if mapped == kind))
            for kind, spec in sorted(rt.settings.push_templates.items())
            if spec.get("mp_template_id")]


@dataclass(frozen=True)
class GrantBalance:
    """How many more messages of one template a resident has accepted, and its message kinds."""

    template_id: str
    remaining: int
    kinds: list[str]


async def grant_balances(*, rt: Runtime, user_id: str) -> list[GrantBalance]:
    """Every subscribe template with the resident's remaining one-time grants (0 when none)."""
    held = dict(await SubscriptionGrant.filter(user_id=user_id).values_list("template_id", "remaining"))
    kinds: dict[str, list[str]] = {}
    for template in subscribe_templates(rt=rt):
        kinds.setdefault(template.template_id, []).append(template.kind)
    return [GrantBalance(template_id=template_id, remaining=int(held.get(template_id, 0)),
                         kinds=template_kinds)
            for template_id, template_kinds in sorted(kinds.items())]


async def record_grants(*, rt: Runtime, user_id: str,
                        results: dict[str, GrantResult]) -> list[SubscriptionGrant]:
    """Record ``wx.requestSubscribeMessage`` results: one message more per accepted one-time
    template; a long-term template is allowed until withdrawn (a refusal withdraws it)."""
    unknown = sorted(set(results) - mp_template_ids(rt))
    if unknown:
        raise TemplateUnknown(details={"template_ids": unknown})
    async with in_transaction():
        for template_id, result in results.items():
            grant, _ = await SubscriptionGrant.get_or_create(user_id=user_id, template_id=template_id)
            grants = SubscriptionGrant.filter(id=grant.id)
            if result != "accept":
                # A refusal of a long-term template withdraws it; a one-time one keeps what it has.
                if grant.long_term:
                    await grants.update(withdrawn_at=datetime.now(UTC))
            elif channels.is_long_term(rt.settings.push_templates, template_id):
                await grants.update(long_term=True, withdrawn_at=None)
            else:
                # An update expression, so concurrent grants from two taps both count.
                await grants.update(remaining=F("remaining") + 1, withdrawn_at=None)
    return await SubscriptionGrant.filter(user_id=user_id).order_by("template_id")


async def follow(*, rt: Runtime, openid: str) -> OAFollower:
    """Record that an OA openid follows the account, linked to its user when identity knows it."""
    user_id = await ExternalIdentity.filter(
        provider=IdentityProvider.WECHAT_OA, subject=openid,
        app_id=rt.settings.wechat_oa_app_id).first().values_list("user_id", flat=True)
    now = datetime.now(UTC)
    follower, created = await OAFollower.get_or_create(
        openid=openid, defaults={"user_id": user_id, "subscribed_at": now})
    if not created:
        await OAFollower.filter(id=follower.id).update(subscribed=True, subscribed_at=now,
                                                       unsubscribed_at=None,
                                                       user_id=user_id or follower.user_id)
    return follower


async def unfollow(*, openid: str) -> None:
    """Mark an OA openid as no longer following: nothing more is sent to it."""
    await OAFollower.filter(openid=openid).update(subscribed=False, unsubscribed_at=datetime.now(UTC))


@dataclass
class DeliveryPage:
    items: list[Delivery]
    next_cursor: str | None


async def _page(query: QuerySet[Delivery], *, cursor: str | None, limit: int) -> DeliveryPage:
    # Ids are time-ordered, so "older than the cursor" is "id below it".
    if cursor:
        query = query.filter(id__lt=cursor)
    rows = await query.order_by("-id").limit(limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return DeliveryPage(rows, str(rows[-1].id) if more else None)


async def messages_of(*, user_id: str, cursor: str | None, limit: int) -> DeliveryPage:
    """The resident's message history, newest first."""
    return await _page(Delivery.filter(user_id=user_id), cursor=cursor, limit=limit)


async def failures(*, cursor: str | None, limit: int) -> DeliveryPage:
    """Deliveries that failed for good or ran out of attempts, newest first."""
    return await _page(Delivery.filter(status__in=FAILURE_STATUSES), cursor=cursor, limit=limit)


async def follow_topic(*, user_id: str, topic: str) -> list[str]:
    """Follow a hall or item's notices (idempotent); returns every topic the user follows."""
    await NoticeTopicFollow.get_or_create(user_id=user_id, topic=topic)
    return await topics_of(user_id=user_id)


async def unfollow_topic(*, user_id: str, topic: str) -> list[str]:
    """Stop following a topic (idempotent); returns the topics still followed."""
    await NoticeTopicFollow.filter(user_id=user_id, topic=topic).delete()
    return await topics_of(user_id=user_id)


async def topics_of(*, user_id: str) -> list[str]:
    return cast(list[str], await NoticeTopicFollow.filter(user_id=user_id).order_by("topic")
                .values_list("topic", flat=True))


async def dead_letters(*, limit: int) -> list[Delivery]:
    """Deliveries that ran out of attempts on transient errors, oldest first."""
    return await Delivery.filter(status=DeliveryStatus.DEAD_LETTER).order_by("id").limit(limit)


async def requeue_dead_letters(*, rt: Runtime, delivery_ids: list[str] | None) -> int:
    """Put dead-lettered deliveries back on the queue (all, or the given ids)."""
    query = Delivery.filter(status=DeliveryStatus.DEAD_LETTER)
    if delivery_ids:
        query = query.filter(id__in=delivery_ids)
    rows = await query
    queue = push_queue.open_queue(rt.settings)
    await queue.connect()
    try:
        for row in rows:
            await Delivery.filter(id=row.id).update(status=DeliveryStatus.RETRYING,
                                                    requeues=row.requeues + 1)
            row.status, row.requeues = DeliveryStatus.RETRYING, row.requeues + 1
            await push_delivery.enqueue_send(rt, queue, row)
    finally:
        await queue.disconnect()
    return len(rows)


class ChannelNotAccepted(AppError):
    status, code, message = 422, "PUSH_CHANNEL_UNKNOWN", "消息渠道不存在"


async def set_channel_preference(*, user_id: str, channel: str | None) -> str | None:
    """The channel the resident wants tried first (None: the default order)."""
    if channel is None:
        await ChannelPreference.filter(user_id=user_id).delete()
        return None
    if channel not in channels.CHANNEL_ORDER:
        raise ChannelNotAccepted(details={"channels": list(channels.CHANNEL_ORDER)})
    await ChannelPreference.update_or_create(defaults={"channel": channel}, user_id=user_id)
    return channel


async def channel_preference(*, user_id: str) -> str | None:
    """The resident's preferred channel, if they chose one."""
    preference = await ChannelPreference.get_or_none(user_id=user_id)
    return preference.channel if preference else None
