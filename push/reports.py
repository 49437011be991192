"""Providers' reports of a message's fate (WeChat's TEMPLATESENDJOBFINISH and subscribe-message
events, Tencent Cloud SMS status reports), closing its delivery record. A report can overtake the
send's own record of the message id: it is then kept in Redis for the send to find."""

from __future__ import annotations

from functools import partial

import structlog
from tortoise.queryset import QuerySet

from app.context import Runtime
from app.fastpath.sql import update_by_key
from models.push import Delivery, DeliveryStatus

log = structlog.get_logger("push.reports")

JOB_FINISH_KEY = "push:job-finish:{msgid}"
SMS_REPORT_KEY = "push:sms-report:{serial}"
SMS_REPORT = "sms_report"
JOB_FINISH_TTL_SECONDS = 24 * 3600
JOB_FINISH_COALESCER = "push-job-finish"


def finish_status(status: str, source: str = "job_finish") -> tuple[DeliveryStatus, str | None]:
    """A provider's report as the delivery's final status: ``source`` names it in the error."""
    if status == "success":
        return DeliveryStatus.DELIVERED, None
    return DeliveryStatus.FAILED, f"{source}: {status}"[:255]


async def _record_report(rt: Runtime, query: QuerySet[Delivery], *, key: str, status: str,
                         source: str) -> bool:
    """Close the delivery a provider's report is about; else keep the report in Redis for the
    send that has not recorded its id yet, and look once more (the send may have just done so).
    False when no delivery matched."""
    final, error = finish_status(status, source)
    if await query.update(status=final, error=error):
        return True
    await rt.redis.set(key, status, ex=JOB_FINISH_TTL_SECONDS)
    return bool(await query.update(status=final, error=error))


async def record_job_finish(rt: Runtime, *, msgid: int, status: str) -> None:
    """Close the delivery a TEMPLATESENDJOBFINISH event reports on (or keep the report for its
    send), together with the reports that reach this process at the same time: one broadcast is
    one callback per message (app/coalesce.py)."""
    await rt.coalescer(JOB_FINISH_COALESCER, partial(_record_job_finishes, rt)).submit((msgid, status))


async def _record_job_finishes(rt: Runtime, reports: list[tuple[int, str]]) -> list[None]:
    """``_record_report`` for many reports: one UPDATE that says which deliveries it found and, for
    the reports whose send has not recorded its msgid yet, the keep-and-look-again."""
    known = await _close_by_msgid(reports)
    early = [(msgid, status) for msgid, status in reports if msgid not in known]
    if early:
        async with rt.redis.pipeline(transaction=False) as pipe:
            for msgid, status in early:
                pipe.set(JOB_FINISH_KEY.format(msgid=msgid), status, ex=JOB_FINISH_TTL_SECONDS)
            await pipe.execute()
        await _close_by_msgid(early)
    return [None] * len(reports)


async def _close_by_msgid(reports: list[tuple[int, str]]) -> set[int]:
    """Close the deliveries of these msgids; the msgids found."""
    rows = []
    for msgid, status in reports:
        final, error = finish_status(status)
        rows.append((msgid, {"status": final, "error": error}))
    return await update_by_key(Delivery, key="msgid", rows=rows)


async def record_sms_report(rt: Runtime, *, serial: str, delivered: bool, detail: str) -> bool:
    """Close the delivery an SMS status report is about; a report for a message not known (yet)
    is kept a while and logged once."""
    key = SMS_REPORT_KEY.format(serial=serial)
    seen = await rt.redis.exists(key)
    known = await _record_report(rt, Delivery.filter(provider_ref=serial), key=key,
                                 status="success" if delivered else detail, source=SMS_REPORT)
    if not known and not seen:
        log.warning("sms_report_for_unknown_message", serial=serial)
    return known
