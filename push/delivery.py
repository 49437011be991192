"""What the push jobs do: fan an event out to delivery records, pick a channel, send, record.

Exactly-once towards the resident rests on four things: the job key (the batch's events, the
delivery id) dedups enqueueing; a delivery is attempted only by the job holding its lease
(push/bulk.py); the unique (event, recipient) delivery record is checked before every send and a
final one is never sent again; and an OA template send carries the delivery id as
``client_msg_id``, so a retry after a crash mid-send is dropped by WeChat as a repeat.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import structlog
from saq.queue.redis import RedisQueue
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.metrics import PUSH_DEAD_LETTERS, PUSH_DELIVERIES, PUSH_SEND_DURATION
from config import Settings
from models.push import (
    FINAL_STATUSES,
    Delivery,
    DeliveryStatus,
    OAFollower,
    OASubscriptionGrant,
    SmsOptOut,
    SubscriptionGrant,
)
from models.users import User
from push import channels, sms
from push import events as push_events
from push import queue as push_queue
from push.display import with_display_fields
from push.reports import JOB_FINISH_KEY, SMS_REPORT, SMS_REPORT_KEY, finish_status
from push.templates import TemplateError, placeholders, render
from wechat import client as wechat_client
from wechat.api import WeChatAPIError, WeChatUnavailable

log = structlog.get_logger("push.delivery")

# WeChat errors worth a later retry: system busy, over quota / frequency. Anything else with an
# errcode is permanent (unsubscribed 43004, invalid openid 40003, refused 43101, template errors).
TRANSIENT_ERRCODES = {-1, 45009, 45011}


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
    try:
        return await Delivery.create(event_id=event_id, event_type=kind, recipient=recipient, user_id=user_id,
                                     **await render_content(rt, kind=kind, payload=payload))
    except IntegrityError:  # a concurrent run of the same event made it first
        return await Delivery.get(event_id=event_id, recipient=recipient)


async def render_content(rt: Runtime, *, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A new delivery record's content and page, or its failure when the template cannot be filled."""
    templates = rt.settings.push_templates
    try:
        values = await with_display_fields(payload, placeholders(templates, kind))
        rendered = render(templates, kind, values)
    except TemplateError as exc:
        return {"status": DeliveryStatus.FAILED, "error": exc.reason}
    return {"content": {"oa_template_id": rendered.oa_template_id, "mp_template_id": rendered.mp_template_id,
                        "oa_subscribe_template_id": rendered.oa_subscribe_template_id,
                        "data": rendered.data, "sms": {"template_id": rendered.sms_template_id,
                                                       "params": list(rendered.sms_params)}},
            "page": rendered.page}


async def enqueue_send(rt: Runtime, queue: RedisQueue, delivery: Delivery) -> None:
    """Queue the send of a delivery that is not final yet."""
    if delivery.status in FINAL_STATUSES:
        return
    await queue.enqueue(push_queue.job(rt.settings, "send_delivery",
                                       f"send:{delivery.id}:{delivery.requeues}",
                                       delivery_id=str(delivery.id)))


class SendLater(Exception):
    """The channel refused for now (an SMS frequency limit): send again after ``delay`` seconds.

    ``lease`` is the delivery's lease key, handed to the job that sends it later."""

    def __init__(self, delivery: Delivery, delay: float) -> None:
        self.delivery_id, self.attempts, self.delay = str(delivery.id), delivery.attempts, delay
        self.lease = push_queue.lease_key(delivery.event_id, delivery.recipient)
        super().__init__(f"send {self.delivery_id} again in {delay} s")

    @property
    def job_key(self) -> str:
        return f"send:{self.delivery_id}:later:{self.attempts}"


def record_tried(delivery: Delivery, channel: str, outcome: str, reason: str | None = None) -> None:
    delivery.tried = [*delivery.tried, {"channel": channel, "outcome": outcome,
                                        **({"reason": reason} if reason else {})}]


async def _choose_channel(rt: Runtime, delivery: Delivery) -> bool:
    """Take the next channel that can reach the recipient, after those already tried; record why
    each one passed over could not. False (and the delivery final) when none is left."""
    templates = rt.settings.push_templates
    done = {entry["channel"] for entry in delivery.tried}
    for channel in await channels.plan(user_id=_user(delivery),
                                       accepted=channels.accepted_channels(templates, delivery.event_type)):
        if channel in done:
            continue
        # A grant taken and the channel saved together: a crash cannot spend one unused.
        async with in_transaction():
            reach = await _reach(rt, delivery, channel)
            if reach.address is not None:
                template_id = _template_of(delivery, channel)
                delivery.channel, delivery.template_id = channel, template_id
                delivery.openid = reach.address if channel != channels.SMS else None
                await Delivery.filter(id=delivery.id).update(channel=channel, template_id=template_id,
                                                             openid=delivery.openid, tried=delivery.tried)
                return True
        record_tried(delivery, channel, "skipped", reach.reason)
    await _exhausted(delivery)
    return False


def _user(delivery: Delivery) -> str | None:
    return str(delivery.user_id) if delivery.user_id else None


def _template_of(delivery: Delivery, channel: str) -> str | None:
    key = {channels.OA_TEMPLATE: "oa_template_id", channels.MP_SUBSCRIBE: "mp_template_id",
           channels.OA_SUBSCRIBE: "oa_subscribe_template_id"}.get(channel)
    if key is not None:
        return delivery.content.get(key) or None
    return dict(delivery.content.get("sms") or {}).get("template_id")


async def _reach(rt: Runtime, delivery: Delivery, channel: str) -> channels.Reach:
    """The channel's address for the delivery's recipient; spends a subscribe grant when found."""
    template_id = _template_of(delivery, channel)
    if not template_id:
        return channels.Reach(reason="no_template")
    if channel == channels.OA_TEMPLATE:
        return await channels.oa_follower(rt, user_id=_user(delivery), openid=delivery.openid)
    if channel == channels.SMS:
        return await channels.verified_phone(rt, user_id=_user(delivery))
    if channel == channels.OA_SUBSCRIBE:
        return await channels.take_oa_grant(
            rt, user_id=_user(delivery), template_id=template_id,
            long_term=channels.is_long_term(rt.settings.push_templates, template_id, channels.OA_SUBSCRIBE))
    reach = await channels.mp_openid(rt, user_id=_user(delivery))
    if reach.address is None:
        return reach
    long_term = channels.is_long_term(rt.settings.push_templates, template_id)
    if not await channels.take_grant(user_id=str(delivery.user_id), template_id=template_id, long_term=long_term):
        return channels.Reach(reason="no_subscription_granted")
    return reach


async def _exhausted(delivery: Delivery) -> None:
    """No channel left: sent if one took it, failed if one refused it for good, else undeliverable."""
    outcomes = [entry["outcome"] for entry in delivery.tried]
    failures = [entry for entry in delivery.tried if entry["outcome"] == "failed"]
    if "sent" in outcomes:
        delivery.status = DeliveryStatus.SENT
        fields: dict[str, Any] = {}
    elif failures:
        delivery.status, delivery.error = DeliveryStatus.FAILED, str(failures[-1].get("reason"))[:255]
        fields = {"error": delivery.error}
    else:
        delivery.status = DeliveryStatus.UNDELIVERABLE
        delivery.error = ("no_channel: " + "; ".join(f"{e['channel']} {e.get('reason')}"
                                                    for e in delivery.tried))[:255]
        fields = {"error": delivery.error}
    await Delivery.filter(id=delivery.id).update(status=delivery.status, tried=delivery.tried, **fields)


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
    while True:
        if delivery.channel is None and not await _choose_channel(rt, delivery):
            return delivery.status
        status = await _send_on_channel(rt, delivery, last_attempt=last_attempt)
        if status is not None:
            return status


async def _send_on_channel(rt: Runtime, delivery: Delivery, *, last_attempt: bool) -> DeliveryStatus | None:
    """Send on the delivery's channel; None when the message moves on to the next channel."""
    channel = str(delivery.channel)
    address = delivery.openid
    if channel in channels.SUBSCRIPTION_KEYS and not await channels.grant_still_held(
            channel=channel, user_id=str(delivery.user_id), openid=str(address),
            template_id=str(delivery.template_id)):
        return await _move_on(delivery, "skipped", "subscription_withdrawn")
    if channel == channels.SMS:
        # Read at every attempt: a number no longer verified (or opted out) is not used.
        reach = await channels.verified_phone(rt, user_id=_user(delivery))
        if reach.address is None:
            return await _move_on(delivery, "skipped", reach.reason)
        address = reach.address
    await push_queue.take_send_slots(rt.redis, app_id=send_app_id(rt.settings, channel),
                                     per_second=rt.settings.push_rate_per_second)
    delivery.attempts += 1
    await Delivery.filter(id=delivery.id).update(status=DeliveryStatus.SENDING, attempts=delivery.attempts)
    try:
        reference = await send_message(rt, delivery, str(address))
    except SEND_ERRORS as exc:
        return await _refused(rt, delivery, exc, last_attempt)
    return await _sent(rt, delivery, reference)


def send_app_id(settings: Settings, channel: str) -> str:
    """The app whose rate limit a send on ``channel`` counts against."""
    return {channels.OA_TEMPLATE: settings.wechat_oa_app_id, channels.OA_SUBSCRIBE: settings.wechat_oa_app_id,
            channels.MP_SUBSCRIBE: settings.wechat_miniprogram_app_id}.get(channel, f"sms:{settings.sms_sdk_app_id}")


# What a channel's send raises when it refuses a message (for now or for good).
SEND_ERRORS = (WeChatAPIError, WeChatUnavailable, sms.SmsRetryLater, sms.SmsRejected)


async def _refused(rt: Runtime, delivery: Delivery, exc: Exception, last_attempt: bool) -> DeliveryStatus | None:
    """Record a refused send: retried later (raises), failed for good, or moved on (None)."""
    settings = rt.settings
    if isinstance(exc, WeChatAPIError):
        if exc.errcode in TRANSIENT_ERRCODES:
            return await _transient(delivery, f"{exc.errcode} {exc.errmsg}", last_attempt)
        await _permanent(delivery, exc)
        return await _move_on(delivery, "failed", f"{exc.errcode} {exc.errmsg}")
    if isinstance(exc, WeChatUnavailable):
        return await _transient(delivery, f"unavailable {exc.details}", last_attempt)
    if isinstance(exc, sms.SmsRetryLater):
        reason = f"{exc.code} {exc.message}"
        if exc.code.startswith(sms.RETRY_LATER_PREFIXES[1]) and delivery.attempts < settings.push_max_attempts:
            await Delivery.filter(id=delivery.id).update(status=DeliveryStatus.RETRYING, error=reason[:255])
            raise SendLater(delivery, settings.sms_rate_limited_retry_seconds) from exc
        return await _transient(delivery, reason, last_attempt)
    assert isinstance(exc, sms.SmsRejected)
    if exc.code == sms.OPTED_OUT_CODE:
        await _opt_out(rt, user_id=_user(delivery))
    return await _move_on(delivery, "failed", f"{exc.code} {exc.message}")


async def settle(rt: Runtime, delivery: Delivery, answer: int | str | Exception, *,
                 last_attempt: bool) -> DeliveryStatus:
    """Record the answer to a send the bulk path made (a reference, or the error it raised) as
    the single path does, going on to the next channel when the message moves on."""
    if isinstance(answer, Exception):
        status = await _refused(rt, delivery, answer, last_attempt)
    else:
        status = await _sent(rt, delivery, answer)
    if status is None:
        return await attempt(rt, delivery, last_attempt=last_attempt)
    PUSH_DELIVERIES.labels(DeliveryStatus(status).value, delivery.channel or "none").inc()
    return status


async def _move_on(delivery: Delivery, outcome: str | None, reason: str | None) -> DeliveryStatus | None:
    """Record why this channel did not take the message (``outcome``, if not recorded yet) and
    free the delivery for the next one."""
    if outcome is not None:
        record_tried(delivery, str(delivery.channel), outcome, reason)
    delivery.channel = delivery.template_id = delivery.openid = None
    await Delivery.filter(id=delivery.id).update(channel=None, template_id=None, openid=None,
                                                 tried=delivery.tried)
    return None


async def _opt_out(rt: Runtime, *, user_id: str | None) -> None:
    phone_index = await User.filter(id=user_id).first().values_list("phone_index", flat=True) if user_id else None
    if phone_index:
        await SmsOptOut.get_or_create(phone_index=phone_index)


async def send_message(rt: Runtime, delivery: Delivery, address: str, *, oa_token: str | None = None) -> int | str:
    """The send call of the delivery's channel; returns WeChat's msgid (0 if none) or the SMS
    provider's serial number. ``oa_token``: the official account's access token, if read already."""
    data, page = delivery.content.get("data", {}), delivery.page or ""
    started = time.perf_counter()
    try:
        if delivery.channel == channels.OA_TEMPLATE:
            return await wechat_client.send_template_message(
                rt, openid=address, template_id=str(delivery.template_id), data=data,
                page=page, client_msg_id=str(delivery.id), token=oa_token)
        if delivery.channel == channels.OA_SUBSCRIBE:
            return await wechat_client.send_oa_subscribe_message(
                rt, openid=address, template_id=str(delivery.template_id), data=data, page=page)
        if delivery.channel == channels.SMS:
            spec = dict(delivery.content.get("sms") or {})
            return await sms.PROVIDER.send(rt, sms.SmsMessage(
                phone=address, template_id=str(delivery.template_id), params=list(spec.get("params", [])),
                sign_name=rt.settings.sms_sign_name, context=str(delivery.id)))
        return await wechat_client.send_subscribe_message(
            rt, openid=address, template_id=str(delivery.template_id), data=data, page=page)
    finally:
        PUSH_SEND_DURATION.labels(str(delivery.channel)).observe(time.perf_counter() - started)


async def _sent(rt: Runtime, delivery: Delivery, reference: int | str) -> DeliveryStatus | None:
    """Record a send the channel accepted; None when the kind wants its next channel too."""
    channel = str(delivery.channel)
    record_tried(delivery, channel, "sent")
    fields: dict[str, Any] = {"tried": delivery.tried, "error": None}
    early_key, source = "", "job_finish"
    if channel == channels.SMS:
        fields["provider_ref"] = str(reference)
        early_key, source = SMS_REPORT_KEY.format(serial=reference), SMS_REPORT
    else:
        fields["msgid"] = int(reference) or None
        if reference:
            early_key = JOB_FINISH_KEY.format(msgid=reference)
    if not channels.one_is_enough(rt.settings.push_templates, delivery.event_type):
        await Delivery.filter(id=delivery.id).update(**fields)
        return await _move_on(delivery, None, None)
    delivery.status = DeliveryStatus.SENT
    await Delivery.filter(id=delivery.id).update(status=delivery.status, **fields)
    # The provider's report (TEMPLATESENDJOBFINISH, an SMS status report) can overtake this
    # update: it then waits in Redis. Written first and read second, here and by the report's
    # side, so one of the two always sees the other.
    early = await rt.redis.get(early_key) if early_key else None
    if early is not None:
        delivery.status, error = finish_status(early.decode() if isinstance(early, bytes) else early, source)
        await Delivery.filter(id=delivery.id).update(status=delivery.status, error=error)
    return delivery.status


async def _transient(delivery: Delivery, reason: str, last_attempt: bool) -> DeliveryStatus:
    status = DeliveryStatus.DEAD_LETTER if last_attempt else DeliveryStatus.RETRYING
    await Delivery.filter(id=delivery.id).update(status=status, error=reason[:255])
    if status == DeliveryStatus.DEAD_LETTER:
        PUSH_DEAD_LETTERS.inc()
        log.warning("push_dead_letter", delivery_id=str(delivery.id), reason=reason)
        return status
    raise TransientSendError(reason)


async def _permanent(delivery: Delivery, exc: WeChatAPIError) -> None:
    """What a permanent WeChat refusal teaches about the recipient."""
    if exc.errcode == 43004 and delivery.openid:
        await OAFollower.filter(openid=delivery.openid).update(subscribed=False, unsubscribed_at=_now())
    if exc.errcode == 43101 and delivery.channel == channels.OA_SUBSCRIBE and delivery.openid:
        await OASubscriptionGrant.filter(openid=delivery.openid,
                                         template_id=delivery.template_id).update(remaining=0)
    elif exc.errcode == 43101 and delivery.user_id:
        await SubscriptionGrant.filter(user_id=delivery.user_id,
                                       template_id=delivery.template_id).update(remaining=0)
