"""What the push jobs do: fan an event out to delivery records, pick a channel, send, record.

Exactly-once towards the resident rests on three things: the job key (event id, delivery id)
dedups enqueueing; the unique (event, recipient) delivery record is checked before every send
and a final one is never sent again; and an OA template send carries the delivery id as
``client_msg_id``, so a retry after a crash mid-send is dropped by WeChat as a repeat.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import structlog
from saq.queue.redis import RedisQueue
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.metrics import PUSH_DEAD_LETTERS, PUSH_DELIVERIES, PUSH_SEND_DURATION
from models.push import (
    FINAL_STATUSES,
    Delivery,
    DeliveryStatus,
    OAFollower,
    SubscriptionGrant,
)
from models.users import ExternalIdentity, IdentityProvider
from push import events as push_events
from push import queue as push_queue
from push.display import with_display_fields
from push.templates import TemplateError, placeholders, render
from wechat import client as wechat_client
from wechat.api import WeChatAPIError, WeChatUnavailable

log = structlog.get_logger("push.delivery")

OA_TEMPLATE, MP_SUBSCRIBE = "oa_template", "mp_subscribe"
# WeChat errors worth a later retry: system busy, over quota / frequency. Anything else with an
# errcode is permanent (unsubscribed 43004, invalid openid 40003, refused 43101, template errors).
TRANSIENT_ERRCODES = {-1, 45009, 45011}
JOB_FINISH_KEY = "push:job-finish:{msgid}"
JOB_FINISH_TTL_SECONDS = 24 * 3600


class TransientSendError(Exception):
    """The send may succeed later; the queue retries the job with backoff."""


def _now() -> datetime:
    return datetime.now(UTC)


def user_recipient(user_id: str) -> str:
    return f"user:{user_id}"


async def fan_out_event(rt: Runtime, queue: RedisQueue, *, event_id: str, event_type: str,
                        payload: dict[str, Any], last_attempt: bool) -> DeliveryStatus | None:
    """Make the event's delivery record and send it in this same job (one job per message, not
    two). Returns the delivery's status, if any."""
    kind = push_events.kind_of(rt.settings.push_templates, event_type)
    user_id = push_events.recipient_of(payload)
    if kind is None or user_id is None:
        log.warning("push_event_without_message", event_id=event_id, event_type=event_type)
        return None
    delivery = await _delivery_for(rt, event_id=event_id, kind=kind, payload=payload,
                                   recipient=user_recipient(user_id), user_id=user_id)
    if delivery.status in FINAL_STATUSES:
        return delivery.status
    return await attempt(rt, delivery, last_attempt=last_attempt)


async def _delivery_for(rt: Runtime, *, event_id: str, kind: str, payload: dict[str, Any],
                        recipient: str, user_id: str) -> Delivery:
    """The (event, recipient) record, created on first call with the rendered template."""
    existing = await Delivery.get_or_none(event_id=event_id, recipient=recipient)
    if existing is not None:
        return existing
    fields: dict[str, Any] = {"event_id": event_id, "event_type": kind, "recipient": recipient,
                              "user_id": user_id}
    templates = rt.settings.push_templates
    try:
        values = await with_display_fields(payload, placeholders(templates, kind))
        rendered = render(templates, kind, values)
        fields.update(content={"oa_template_id": rendered.oa_template_id,
                               "mp_template_id": rendered.mp_template_id, "data": rendered.data},
                      page=rendered.page)
    except TemplateError as exc:
        fields.update(status=DeliveryStatus.FAILED, error=exc.reason)
    try:
        return await Delivery.create(**fields)
    except IntegrityError:  # a concurrent run of the same event made it first
        return await Delivery.get(event_id=event_id, recipient=recipient)


async def enqueue_send(rt: Runtime, queue: RedisQueue, delivery: Delivery) -> None:
    """Queue the send of a delivery that is not final yet."""
    if delivery.status in FINAL_STATUSES:
        return
    await queue.enqueue(push_queue.job(rt.settings, "send_delivery",
                                       f"send:{delivery.id}:{delivery.requeues}",
                                       delivery_id=str(delivery.id)))


async def _choose_channel(rt: Runtime, delivery: Delivery) -> dict[str, Any]:
    """OA template if the recipient follows the OA, else a granted subscribe message, else none.

    Returns the OA channel's fields for the caller to save with the attempt (one update, not
    two); a subscribe message and "no channel" are saved here.
    """
    settings = rt.settings
    content = delivery.content
    follower_openid = None
    if delivery.openid:
        follower_openid = await OAFollower.filter(openid=delivery.openid, subscribed=True).first(
        ).values_list("openid", flat=True)
    elif delivery.user_id:
        # Linked when the follow event came, or through an OA login made after following.
        oa_openids = ExternalIdentity.filter(
            user_id=delivery.user_id, provider=IdentityProvider.WECHAT_OA,
            app_id=settings.wechat_oa_app_id).values("subject")
        follower_openid = await OAFollower.filter(
            Q(user_id=delivery.user_id) | Q(openid__in=Subquery(oa_openids)), subscribed=True).first(
        ).values_list("openid", flat=True)
    if follower_openid is not None and content.get("oa_template_id"):
        delivery.channel, delivery.openid = OA_TEMPLATE, follower_openid
        delivery.template_id = content["oa_template_id"]
        return {"channel": OA_TEMPLATE, "openid": follower_openid, "template_id": delivery.template_id}
    mp_template = content.get("mp_template_id")
    mp_openid = None
    if delivery.user_id and mp_template:
        mp_openid = await ExternalIdentity.filter(
            user_id=delivery.user_id, provider=IdentityProvider.WECHAT_MINIPROGRAM,
            app_id=settings.wechat_miniprogram_app_id).first().values_list("subject", flat=True)
    if mp_openid:
        async with in_transaction():
            # Spend one grant, in the same transaction as choosing the channel: a retry reuses it.
            spent = await SubscriptionGrant.filter(user_id=delivery.user_id, template_id=mp_template,
                                                   remaining__gt=0).first()
            if spent is not None and await SubscriptionGrant.filter(
                    id=spent.id, remaining=spent.remaining).update(remaining=spent.remaining - 1):
                await Delivery.filter(id=delivery.id).update(channel=MP_SUBSCRIBE, openid=mp_openid,
                                                             template_id=mp_template)
                delivery.channel, delivery.openid, delivery.template_id = MP_SUBSCRIBE, mp_openid, mp_template
                return {}
    await Delivery.filter(id=delivery.id).update(status=DeliveryStatus.UNDELIVERABLE,
                                                 error="no_channel: not following the OA and no "
                                                       "subscription granted")
    delivery.status = DeliveryStatus.UNDELIVERABLE
    return {}


async def send(rt: Runtime, *, delivery_id: str, last_attempt: bool) -> DeliveryStatus:
    """One attempt at a queued delivery (a broadcast's, or a requeued one)."""
    delivery = await Delivery.get_or_none(id=delivery_id)
    if delivery is None or delivery.status in FINAL_STATUSES:
        return delivery.status if delivery else DeliveryStatus.FAILED
    return await attempt(rt, delivery, last_attempt=last_attempt)


async def attempt(rt: Runtime, delivery: Delivery, *, last_attempt: bool) -> DeliveryStatus:
    """One attempt at a delivery that is not final; raises TransientSendError when the queue
    should retry."""
    try:
        status = await _attempt(rt, delivery, last_attempt=last_attempt)
    except TransientSendError:
        PUSH_DELIVERIES.labels(DeliveryStatus.RETRYING.value, delivery.channel or "none").inc()
        raise
    PUSH_DELIVERIES.labels(DeliveryStatus(status).value, delivery.channel or "none").inc()
    return status


async def _attempt(rt: Runtime, delivery: Delivery, *, last_attempt: bool) -> DeliveryStatus:
    # Before the channel is chosen, so a dropped message spends no subscription grant.
    if delivery.event_type in push_events.CHECKED_BEFORE_SENDING:
        reason = await push_events.obsolete_reason(event_id=delivery.event_id)
        if reason is not None:
            await Delivery.filter(id=delivery.id).update(status=DeliveryStatus.DROPPED,
                                                         error=f"obsolete: {reason}")
            return DeliveryStatus.DROPPED
    chosen: dict[str, Any] = {}
    if delivery.channel is None:
        chosen = await _choose_channel(rt, delivery)
        if delivery.status == DeliveryStatus.UNDELIVERABLE:
            return delivery.status
    settings = rt.settings
    app_id = settings.wechat_oa_app_id if delivery.channel == OA_TEMPLATE else settings.wechat_miniprogram_app_id
    await push_queue.take_send_slot(rt.redis, app_id=app_id, per_second=settings.push_rate_per_second)
    await Delivery.filter(id=delivery.id).update(status=DeliveryStatus.SENDING,
                                                 attempts=delivery.attempts + 1, **chosen)
    try:
        msgid = await _send_message(rt, delivery)
    except WeChatAPIError as exc:
        if exc.errcode in TRANSIENT_ERRCODES:
            return await _transient(delivery, f"{exc.errcode} {exc.errmsg}", last_attempt)
        return await _permanent(delivery, exc)
    except WeChatUnavailable as exc:
        return await _transient(delivery, f"unavailable {exc.details}", last_attempt)
    return await _sent(rt, delivery, msgid)


async def _send_message(rt: Runtime, delivery: Delivery) -> int:
    """The WeChat send call of the delivery's channel; returns the msgid (0 if none)."""
    data, page = delivery.content.get("data", {}), delivery.page or ""
    started = time.perf_counter()
    try:
        if delivery.channel == OA_TEMPLATE:
            return await wechat_client.send_template_message(
                rt, openid=str(delivery.openid), template_id=str(delivery.template_id), data=data,
                page=page, client_msg_id=str(delivery.id))
        return await wechat_client.send_subscribe_message(
            rt, openid=str(delivery.openid), template_id=str(delivery.template_id), data=data,
            page=page)
    finally:
        PUSH_SEND_DURATION.labels(str(delivery.channel)).observe(time.perf_counter() - started)


async def _sent(rt: Runtime, delivery: Delivery, msgid: int) -> DeliveryStatus:
    status = DeliveryStatus.SENT
    # The TEMPLATESENDJOBFINISH event can arrive before this update; it waits in Redis.
    early = await rt.redis.get(JOB_FINISH_KEY.format(msgid=msgid)) if msgid else None
    error = None
    if early is not None:
        status, error = _finish_status(early)
    await Delivery.filter(id=delivery.id).update(status=status, msgid=msgid or None, error=error)
    return status


async def _transient(delivery: Delivery, reason: str, last_attempt: bool) -> DeliveryStatus:
    status = DeliveryStatus.DEAD_LETTER if last_attempt else DeliveryStatus.RETRYING
    await Delivery.filter(id=delivery.id).update(status=status, error=reason[:255])
    if status == DeliveryStatus.DEAD_LETTER:
        PUSH_DEAD_LETTERS.inc()
        log.warning("push_dead_letter", delivery_id=str(delivery.id), reason=reason)
        return status
    raise TransientSendError(reason)


async def _permanent(delivery: Delivery, exc: WeChatAPIError) -> DeliveryStatus:
    async with in_transaction():
        await Delivery.filter(id=delivery.id).update(status=DeliveryStatus.FAILED,
                                                     error=f"{exc.errcode} {exc.errmsg}"[:255])
        if exc.errcode == 43004 and delivery.openid:
            await OAFollower.filter(openid=delivery.openid).update(subscribed=False,
                                                                   unsubscribed_at=_now())
        if exc.errcode == 43101 and delivery.user_id:
            await SubscriptionGrant.filter(user_id=delivery.user_id,
                                           template_id=delivery.template_id).update(remaining=0)
    return DeliveryStatus.FAILED


def _finish_status(status: str) -> tuple[DeliveryStatus, str | None]:
    if status == "success":
        return DeliveryStatus.DELIVERED, None
    return DeliveryStatus.FAILED, f"job_finish: {status}"[:255]


async def record_job_finish(rt: Runtime, *, msgid: int, status: str) -> bool:
    """Close the delivery a TEMPLATESENDJOBFINISH event reports on; False if not known yet."""
    final, error = _finish_status(status)
    updated = await Delivery.filter(msgid=msgid, channel=OA_TEMPLATE).update(status=final, error=error)
    if not updated:
        await rt.redis.set(JOB_FINISH_KEY.format(msgid=msgid), status, ex=JOB_FINISH_TTL_SECONDS)
    return bool(updated)
