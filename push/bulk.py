"""The bulk path: one job makes a batch of events' delivery records and sends them itself.

Per-user notices come in bulk (a morning's reminders for every booking of the day, a deadline
moved for every affected application). One saq job per message cost about seven Redis round trips
and six database statements per message (bench/RESULTS.md, "Push"). A batch job instead writes
its delivery records with one INSERT (those going by OA template message written ready to send),
after looking up the batch's channel preferences and OA followers with four queries, takes
rate-limit slots many at a time, has ``push_bulk_concurrency`` sends in flight, records the
answers with one UPDATE and reads early job-finish reports with one MGET. A message the fast way
does not fit (another channel first, a send in flight when a worker died, a refusal) takes the
single path (``delivery.attempt``) inside the same job.

Exactly once: a job attempts a delivery only while it holds the delivery's lease in Redis
(``push:lease:<event>:<recipient>``, held by the job's key for the job's timeout), and reads the
record only after taking it. Two jobs that carry the same event (two relays reading at once, a
relay that died between enqueueing and marking its events published) never attempt one delivery
at the same time, and the second reads it final. A retry of the same job (saq keeps its key) owns
its leases again at once: a batch whose worker was killed is resumed by the sweep, sends in flight
are repeated with the same ``client_msg_id``, which WeChat drops.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import structlog

from app.context import Runtime
from app.fastpath.sql import create_rows, update_rows
from app.metrics import PUSH_DELIVERIES
from models.push import FINAL_STATUSES, Delivery, DeliveryStatus
from push import channels
from push import events as push_events
from push import queue as push_queue
from push.delivery import (
    SEND_ERRORS,
    SendLater,
    TransientSendError,
    attempt,
    record_tried,
    render_content,
    send_app_id,
    send_message,
    settle,
    user_recipient,
)
from push.reports import JOB_FINISH_KEY, finish_status
from wechat import access_token
from wechat.api import WeChatUnavailable

log = structlog.get_logger("push.bulk")
SendLaterHandler = Callable[[SendLater], Awaitable[object]]  # its answer (the job status) is not used here


@dataclass(frozen=True)
class Wanted:
    """One event of the batch that makes a message: its kind and recipient."""

    event_id: str
    event_type: str
    payload: dict[str, Any]
    kind: str
    user_id: str

    @property
    def recipient(self) -> str:
        return user_recipient(self.user_id)


def _wanted(rt: Runtime, events: list[dict[str, Any]]) -> list[Wanted]:
    found: list[Wanted] = []
    for event in events:
        event_id, event_type, payload = str(event["event_id"]), str(event["event_type"]), dict(event["payload"])
        kind = push_events.kind_of(rt.settings.push_templates, event_type)
        user_ids = push_events.recipients_of(payload)
        if kind is None or not user_ids:
            log.warning("push_event_without_message", event_id=event_id, event_type=event_type)
            continue
        found.extend(Wanted(event_id, event_type, payload, kind, user_id) for user_id in user_ids)
    return found


async def deliver_batch(rt: Runtime, *, holder: str, lease_seconds: float, events: list[dict[str, Any]],
                        last_attempt: bool, send_later: SendLaterHandler) -> Counter[str]:
    """Make and send the messages of a batch of events (``{"event_id", "event_type", "payload"}``);
    returns how many ended in each status. Raises TransientSendError, after finishing the rest,
    when a message should be retried: saq then retries the job, whose final messages are skipped."""
    wanted = _wanted(rt, events)
    keys = [push_queue.lease_key(w.event_id, w.recipient) for w in wanted]
    taken = await push_queue.lease(rt.redis, keys, holder=holder, seconds=lease_seconds)
    mine = [w for w, ok in zip(wanted, taken, strict=True) if ok]
    outcome: Counter[str] = Counter(leased_elsewhere=len(wanted) - len(mine))
    try:
        routes = await _routes(rt, {w.user_id for w in mine})
        deliveries, marked = await _records(rt, mine, routes)
        outcome.update(str(d.status) for d in deliveries if d.status in FINAL_STATUSES)
        open_ = [d for d in deliveries if d.status not in FINAL_STATUSES]
        outcome.update(await _send_all(rt, open_, {w.event_id: w for w in mine}, routes, marked,
                                       last_attempt=last_attempt, send_later=send_later))
    finally:
        await push_queue.release(rt.redis, [k for k, ok in zip(keys, taken, strict=True) if ok], holder=holder)
    if outcome[DeliveryStatus.RETRYING.value]:
        raise TransientSendError(f"{outcome[DeliveryStatus.RETRYING.value]} messages of the batch to retry")
    return +outcome


@dataclass(frozen=True)
class Routes:
    """What a batch's first channels depend on: its residents' preferred channels and the openids
    of those who follow the official account (four queries, once per batch)."""

    preferred: dict[str, str]
    followers: dict[str, str]

    def template_openid(self, templates: dict[str, dict[str, Any]], kind: str, user_id: str) -> str | None:
        """The openid a fresh message of ``kind`` goes to by OA template message, if that is its
        first channel: the kind accepts it, the resident prefers no other, and follows."""
        first = channels.in_order(channels.accepted_channels(templates, kind), self.preferred.get(user_id))[:1]
        return self.followers.get(user_id) if first == [channels.OA_TEMPLATE] else None


SENDING_BY_TEMPLATE = ("channel", "openid", "template_id", "status", "attempts")


def _sending_by_template(openid: str, template_id: object, attempts: int) -> dict[str, Any]:
    """A record's ``SENDING_BY_TEMPLATE`` fields once it goes by OA template message, before its send."""
    return dict(zip(SENDING_BY_TEMPLATE, (channels.OA_TEMPLATE, openid, str(template_id), DeliveryStatus.SENDING,
                                          attempts), strict=True))


async def _routes(rt: Runtime, user_ids: set[str]) -> Routes:
    if not user_ids:
        return Routes({}, {})
    return Routes(await channels.preferences(user_ids=user_ids), await channels.oa_followers(rt, user_ids=user_ids))


async def _records(rt: Runtime, wanted: list[Wanted], routes: Routes) -> tuple[list[Delivery], set[Any]]:
    """The batch's (event, recipient) records, and the ids of those this job made ready to send
    by OA template message. One INSERT makes the missing ones and says which it made, kept as
    written (a batch's Tortoise objects read back were a tenth of a worker's time); the others,
    stored already (a retried batch, another job's), are then read.

    A new message whose first channel is OA template is written as being sent (channel, openid,
    template, one attempt), saving an UPDATE of every row: the same state ``_by_template`` gives a
    record, before any send. Kinds checked before sending (a reminder of a cancelled booking) are
    written pending and checked first, as every stored record is."""
    if not wanted:
        return [], set()
    templates = rt.settings.push_templates
    rows = {}
    for w in wanted:
        if (w.event_id, w.recipient) in rows:
            continue
        row = {"event_id": w.event_id, "event_type": w.kind, "recipient": w.recipient, "user_id": w.user_id,
               **await render_content(rt, kind=w.kind, payload=w.payload)}
        template_id = row.get("content", {}).get("oa_template_id")  # none when it failed to render
        openid = (routes.template_openid(templates, w.kind, w.user_id)
                  if template_id and w.kind not in push_events.CHECKED_BEFORE_SENDING else None)
        if openid:
            row.update(_sending_by_template(openid, template_id, attempts=1))
        rows[(w.event_id, w.recipient)] = row
    created = await create_rows(Delivery, list(rows.values()))
    marked = {d.id for d in created if d.status == DeliveryStatus.SENDING}
    if len(created) == len(rows):
        return created, marked
    made = {(d.event_id, d.recipient) for d in created}
    stored = [d for d in await Delivery.filter(event_id__in=[w.event_id for w in wanted])
              if (d.event_id, d.recipient) in rows and (d.event_id, d.recipient) not in made]
    return [*stored, *created], marked


async def _drop_obsolete(deliveries: list[Delivery], wanted: dict[str, Wanted]) -> list[Delivery]:
    """The deliveries still wanted; those no longer (a reminder of a cancelled booking) dropped."""
    kept = []
    for delivery in deliveries:
        event = wanted[delivery.event_id]
        reason = (await push_events.obsolete_reason_of(event.event_type, event.payload)
                  if delivery.event_type in push_events.CHECKED_BEFORE_SENDING else None)
        if reason is None:
            kept.append(delivery)
            continue
        delivery.status, delivery.error = DeliveryStatus.DROPPED, f"obsolete: {reason}"
        await Delivery.filter(id=delivery.id).update(status=delivery.status, error=delivery.error)
    return kept


async def _by_template(rt: Runtime, deliveries: list[Delivery], routes: Routes,
                       marked: set[Any]) -> tuple[list[Delivery], list[Delivery]]:
    """(messages that go by OA template message now, the others): those ``_records`` wrote ready
    to send (``marked``), and fresh stored ones whose first channel is OA template, marked here."""
    templates = rt.settings.push_templates
    by_template, others, newly_marked = [], [], []
    for delivery in deliveries:
        if delivery.id in marked:
            by_template.append(delivery)
            continue
        fresh = (delivery.channel is None and not delivery.tried and delivery.user_id
                 and delivery.content.get("oa_template_id"))
        openid = routes.template_openid(templates, delivery.event_type, str(delivery.user_id)) if fresh else None
        if openid:
            delivery.update_from_dict(_sending_by_template(openid, delivery.content["oa_template_id"],
                                                           attempts=delivery.attempts + 1))
            by_template.append(delivery)
            newly_marked.append(delivery)
        else:
            others.append(delivery)
    if newly_marked:
        await update_rows(Delivery, newly_marked, SENDING_BY_TEMPLATE)
    return by_template, others


async def _send_all(rt: Runtime, deliveries: list[Delivery], wanted: dict[str, Wanted], routes: Routes,
                    marked: set[Any], *, last_attempt: bool, send_later: SendLaterHandler) -> Counter[str]:
    """Send the batch's open deliveries, ``push_bulk_concurrency`` at once; count their statuses."""
    deliveries = await _drop_obsolete(deliveries, wanted)
    outcome: Counter[str] = Counter(dropped=sum(1 for d in deliveries if d.status == DeliveryStatus.DROPPED))
    by_template, others = await _by_template(rt, deliveries, routes, marked)
    gate = asyncio.Semaphore(rt.settings.push_bulk_concurrency)

    oa_token = await _oa_token(rt) if by_template else None

    async def send(delivery: Delivery) -> int | str | Exception:
        async with gate:
            try:
                return await send_message(rt, delivery, str(delivery.openid), oa_token=oa_token)
            except SEND_ERRORS as exc:
                return exc

    async def on_single_path(delivery: Delivery, answer: int | str | Exception | None) -> str:
        async with gate:
            try:
                if answer is None:
                    return str(await attempt(rt, delivery, last_attempt=last_attempt))
                return str(await settle(rt, delivery, answer, last_attempt=last_attempt))
            except TransientSendError:
                return DeliveryStatus.RETRYING.value
            except SendLater as later:
                await send_later(later)
                return "later"

    sends: list[asyncio.Task[int | str | Exception]] = []
    app_id = send_app_id(rt.settings, channels.OA_TEMPLATE)
    while len(sends) < len(by_template):
        # The shared per-app window, many slots per round trip.
        granted = await push_queue.take_send_slots(rt.redis, app_id=app_id, per_second=rt.settings.push_rate_per_second,
                                                   wanted=len(by_template) - len(sends))
        sends += [asyncio.create_task(send(d)) for d in by_template[len(sends):len(sends) + granted]]
    single = [asyncio.create_task(on_single_path(d, None)) for d in others]
    accepted: list[tuple[Delivery, int | str]] = []
    for delivery, answer in zip(by_template, await asyncio.gather(*sends), strict=True):
        if not isinstance(answer, Exception) and channels.one_is_enough(rt.settings.push_templates,
                                                                        delivery.event_type):
            accepted.append((delivery, answer))
        else:
            single.append(asyncio.create_task(on_single_path(delivery, answer)))
    outcome.update(await _record_sent(rt, accepted))
    outcome.update(await asyncio.gather(*single))
    return outcome


async def _oa_token(rt: Runtime) -> str | None:
    """The official account's access token, read once for the batch's sends (a Redis read per send
    was a tenth of a worker's time); None when it cannot be had now: each send then tries itself."""
    settings = rt.settings
    try:
        return await access_token.get(rt, app_id=settings.wechat_oa_app_id, secret=settings.wechat_oa_app_secret)
    except WeChatUnavailable:
        return None


async def _record_sent(rt: Runtime, accepted: list[tuple[Delivery, int | str]]) -> Counter[str]:
    """Record the template sends WeChat accepted with one UPDATE; a TEMPLATESENDJOBFINISH that
    overtook it waits in Redis (delivery._sent says why it is read after the write)."""
    if not accepted:
        return Counter()
    for delivery, msgid in accepted:
        record_tried(delivery, channels.OA_TEMPLATE, "sent")
        delivery.status, delivery.msgid, delivery.error = DeliveryStatus.SENT, int(msgid) or None, None
    sent = [d for d, _ in accepted]
    await update_rows(Delivery, sent, ["status", "msgid", "tried", "error"])
    with_msgid = [d for d in sent if d.msgid]
    early = await rt.redis.mget([JOB_FINISH_KEY.format(msgid=d.msgid) for d in with_msgid]) if with_msgid else []
    for delivery, report in zip(with_msgid, early, strict=True):
        if report is not None:
            delivery.status, delivery.error = finish_status(report.decode() if isinstance(report, bytes) else report)
            await Delivery.filter(id=delivery.id).update(status=delivery.status, error=delivery.error)
    for delivery in sent:
        PUSH_DELIVERIES.labels(delivery.status.value, channels.OA_TEMPLATE).inc()
    return Counter(d.status.value for d in sent)
