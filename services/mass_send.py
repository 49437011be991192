"""Notices to many followers by WeChat mass send (群发), within the account's monthly quota.

A service account may mass-send 4 times per calendar month. We count our own sends per Beijing
month and refuse the fifth before calling WeChat; WeChat's own refusal (45028) is reported with
the same code. A send WeChat refuses gives its slot back, since nothing went out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, cast

import orjson
import structlog
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.errors import AppError
from app.ids import SHANGHAI, new_id
from app.shapes import parse_id
from app.tokens import Principal
from models.articles import Article, ArticleState
from models.oa import OAFollowerTag
from models.organization import Hall
from models.push import Broadcast, BroadcastChannel, BroadcastStatus, Delivery, NoticeTopicFollow, OAFollower
from models.staff import StaffRoleName
from services import outbox
from services.articles import ArticleNotFound
from services.events import EventType
from wechat import mass_send as wechat_mass_send
from wechat.api import WeChatAPIError, WeChatUnavailable

log = structlog.get_logger("services.mass_send")

MONTHLY_MASS_SENDS = 4  # WeChat's limit for a service account (服务号每月 4 次群发)
QUOTA_ERRCODE = 45028  # WeChat: "has no masssend quota"
PREVIEW_OPENIDS_MAX = 10
EARLY_FINISH_KEY = "mass-send:early-finish:{msg_id}"
EARLY_FINISH_TTL_SECONDS = 24 * 3600


class QuotaExceeded(AppError):
    status, code, message = 409, "MASS_SEND_QUOTA_EXCEEDED", "本月群发次数已用完（服务号每月 4 次），未发送"


class AudienceTooSmall(AppError):
    status, code = 422, "MASS_SEND_AUDIENCE_TOO_SMALL"
    message = "按关注者名单群发至少需要 2 人，请改为全部关注者或按标签群发"


class AudienceTooLarge(AppError):
    status, code = 422, "MASS_SEND_AUDIENCE_TOO_LARGE"
    message = "按关注者名单群发最多 10000 人，请改为按标签群发"


class MassSendRefused(AppError):
    status, code, message = 502, "MASS_SEND_REFUSED", "微信拒绝了群发，未发送"


class PreviewRecipientNotFollowing(AppError):
    status, code, message = 409, "MASS_SEND_PREVIEW_NOT_FOLLOWING", "预览对象须是正在关注公众号的用户"


# WeChat's answers to a preview for an openid that is not a follower of the account.
NOT_A_FOLLOWER_ERRCODES = {40003, 43004}


class NotDeletable(AppError):
    status, code, message = 409, "MASS_SEND_NOT_DELETABLE", "该群发尚未发出或已删除，无法删除"


class ArticleNotSendable(AppError):
    status, code, message = 409, "MASS_SEND_ARTICLE_NOT_PUBLISHED", "只能群发已发布到公众号的文章"


class BroadcastNotFound(AppError):
    status, code, message = 404, "BROADCAST_NOT_FOUND", "群发通知不存在"


def quota_month(now: datetime) -> str:
    """The calendar month a send counts against, in Beijing time: ``2026-12``."""
    return now.astimezone(SHANGHAI).strftime("%Y-%m")


@dataclass(frozen=True)
class Quota:
    month: str
    limit: int
    used: int

    @property
    def remaining(self) -> int:
        return max(self.limit - self.used, 0)


async def quota(*, now: datetime | None = None) -> Quota:
    """This Beijing month's mass sends: how many are held and how many are left."""
    month = quota_month(now or datetime.now(UTC))
    used = await Broadcast.filter(quota_month=month, quota_slot__isnull=False).count()
    return Quota(month, MONTHLY_MASS_SENDS, used)


def check_scope(principal: Principal, *, hall: Hall | None) -> None:
    """A hall's notice may come from a manager or admin of that hall; any other audience only
    from a global admin (an account-wide send spends a quota every hall shares)."""
    if hall is not None and principal.has_role(StaffRoleName.HALL_MANAGER, hall_id=str(hall.id)):
        return
    require_scope(principal, StaffRoleName.ADMIN, hall_id=str(hall.id) if hall else None)


async def _hall_of(audience: str) -> Hall | None:
    if not audience.startswith("hall:"):
        return None
    # A topic may name a hall we do not know (residents follow codes); then only admins send.
    return await Hall.get_or_none(code=audience.removeprefix("hall:"))


async def audience_openids(audience: str) -> list[str]:
    """Subscribed followers of a hall or item's notices, by openid: residents following the
    topic, and followers a scene code tagged with it (a hall's "scan to follow" code)."""
    tagged = Subquery(OAFollowerTag.filter(tag=audience).values("openid"))
    topic_users = Subquery(NoticeTopicFollow.filter(topic=audience).values("user_id"))
    rows = await OAFollower.filter(Q(user_id__in=topic_users) | Q(openid__in=tagged), subscribed=True
                                   ).order_by("openid").distinct().values_list("openid", flat=True)
    return [str(openid) for openid in rows]


@dataclass(frozen=True)
class Notice:
    """What a broadcast sends: a text, or a published article by its draft media_id (mpnews)."""

    title: str
    content: str
    article_id: str | None
    message: dict[str, Any]


def notice_text(title: str, content: str) -> str:
    """The text a follower reads: the title on its own line, then the notice."""
    return f"【{title}】\n{content}"


async def compose(*, title: str | None, content: str | None, article_id: str | None) -> Notice:
    """The notice to send: the article when one is named (it must be published to the account),
    else the text."""
    if article_id is None:
        text_title, text = str(title), str(content)
        return Notice(text_title, text, None, wechat_mass_send.text_message(notice_text(text_title, text)))
    parsed = parse_id(article_id)
    article = await Article.get_or_none(id=parsed) if parsed else None
    if article is None:
        raise ArticleNotFound(details={"article_id": article_id})
    if article.state is not ArticleState.PUBLISHED or not article.wechat_media_id:
        # Articles published before mass send kept no media_id: WeChat has nothing to send.
        raise ArticleNotSendable(details={"article_id": article_id, "state": article.state.value})
    return Notice(article.title, article.summary or article.title, str(article.id),
                  wechat_mass_send.article_message(article.wechat_media_id))


async def _hold_slot(*, broadcast_id: str, staff_id: str, notice: Notice, audience: str,
                     total: int) -> Broadcast:
    """Write the broadcast holding the month's next free slot, with its outbox event.

    Sends at the same moment may choose the same slot; the unique (month, slot) pair lets one
    have it and the others look again for the next free one. Each clash means another send took a
    slot, so after as many tries as there are slots the month is full (or nearly, and busy)."""
    month = quota_month(datetime.now(UTC))
    for _ in range(MONTHLY_MASS_SENDS):
        taken = set(cast(list[int], await Broadcast.filter(quota_month=month, quota_slot__isnull=False)
                         .values_list("quota_slot", flat=True)))
        free = [slot for slot in range(1, MONTHLY_MASS_SENDS + 1) if slot not in taken]
        if not free:
            break
        try:
            async with in_transaction():
                event = await outbox.emit(event_type=EventType.PUSH_BROADCAST, aggregate_id=broadcast_id,
                                          payload={"broadcast_id": broadcast_id})
                return await Broadcast.create(
                    id=broadcast_id, event_id=str(event.id), fanned_out=total, title=notice.title,
                    content=notice.content, article_id=notice.article_id, audience=audience,
                    created_by=staff_id, total=total, quota_month=month, quota_slot=free[0])
        except IntegrityError:
            continue  # another send took this slot at the same moment
    raise QuotaExceeded(details={"month": month, "limit": MONTHLY_MASS_SENDS})


async def send_notice(*, rt: Runtime, principal: Principal, title: str | None, content: str | None,
                      article_id: str | None, audience: str) -> Broadcast:
    """Mass-send a text notice or a published article to ``all`` followers, ``tag:<id>``, or
    ``hall:``/``item:`` followers."""
    hall = await _hall_of(audience)
    check_scope(principal, hall=hall)
    notice = await compose(title=title, content=content, article_id=article_id)
    openids: list[str] = []
    if audience.startswith(("hall:", "item:")):
        openids = await audience_openids(audience)
        if len(openids) > wechat_mass_send.OPENID_LIST_MAX:
            raise AudienceTooLarge(details={"followers": len(openids)})
        if len(openids) == 1:
            raise AudienceTooSmall(details={"followers": 1})
    broadcast_id = str(new_id())
    staff_id = str(principal.subject_id)
    if audience.startswith(("hall:", "item:")) and not openids:
        # Nobody to reach: recorded as done, and no monthly send is spent on it.
        return await Broadcast.create(id=broadcast_id, event_id=broadcast_id, title=notice.title,
                                      content=notice.content, article_id=notice.article_id,
                                      audience=audience, created_by=staff_id, total=0,
                                      status=BroadcastStatus.DONE)
    total = len(openids) if openids else await _followers(audience)
    row = await _hold_slot(broadcast_id=broadcast_id, staff_id=staff_id, notice=notice,
                           audience=audience, total=total)
    try:
        if openids:
            accepted = await wechat_mass_send.send_to_openids(rt, message=notice.message, openids=openids,
                                                              client_msg_id=broadcast_id)
        else:
            tag_id = int(audience.removeprefix("tag:")) if audience.startswith("tag:") else None
            accepted = await wechat_mass_send.send_to_all(rt, message=notice.message, tag_id=tag_id,
                                                          client_msg_id=broadcast_id)
    except WeChatAPIError as exc:
        # Refused: nothing went out, so the slot is given back.
        await Broadcast.filter(id=row.id).update(status=BroadcastStatus.FAILED, quota_slot=None,
                                                 error=f"{exc.errcode} {exc.errmsg}"[:255])
        if exc.errcode == QUOTA_ERRCODE:
            raise QuotaExceeded(details={"errcode": exc.errcode}) from exc
        raise MassSendRefused(details={"errcode": exc.errcode, "errmsg": exc.errmsg}) from exc
    except WeChatUnavailable:
        # WeChat may have sent it: the slot stays held, and the job-finish event can still land.
        await Broadcast.filter(id=row.id).update(error="wechat_unavailable")
        raise
    await Broadcast.filter(id=row.id).update(msg_id=accepted.msg_id, msg_data_id=accepted.msg_data_id)
    early = await rt.redis.getdel(EARLY_FINISH_KEY.format(msg_id=accepted.msg_id))
    if early:
        await record_job_finish(rt=rt, report=JobFinish(**orjson.loads(early)))
    return await Broadcast.get(id=row.id)


async def _followers(audience: str) -> int:
    if audience == "all":
        return await OAFollower.filter(subscribed=True).count()
    return 0  # a WeChat tag's members are WeChat's to count: MASSSENDJOBFINISH says how many


async def preview(*, rt: Runtime, principal: Principal, title: str | None, content: str | None,
                  article_id: str | None, openids: list[str]) -> list[int]:
    """Send the notice (text or article) to test openids first (``message/mass/preview``, no
    quota spent)."""
    require_scope(principal, StaffRoleName.ADMIN)
    notice = await compose(title=title, content=content, article_id=article_id)
    try:
        return [await wechat_mass_send.preview(rt, message=notice.message, openid=openid) for openid in openids]
    except WeChatAPIError as exc:
        if exc.errcode in NOT_A_FOLLOWER_ERRCODES:
            raise PreviewRecipientNotFollowing(details={"errcode": exc.errcode}) from exc
        raise MassSendRefused(details={"errcode": exc.errcode, "errmsg": exc.errmsg}) from exc


async def get_or_raise(*, broadcast_id: str) -> Broadcast:
    broadcast = await Broadcast.get_or_none(id=broadcast_id)
    if broadcast is None:
        raise BroadcastNotFound()
    return broadcast


async def delete(*, rt: Runtime, principal: Principal, broadcast_id: str) -> Broadcast:
    """Withdraw a sent mass message (``message/mass/delete``); the quota stays spent."""
    broadcast = await get_or_raise(broadcast_id=broadcast_id)
    check_scope(principal, hall=await _hall_of(broadcast.audience))
    if broadcast.msg_id is None or broadcast.status in (BroadcastStatus.DELETED, BroadcastStatus.FAILED):
        raise NotDeletable(details={"status": str(broadcast.status)})
    try:
        await wechat_mass_send.delete(rt, msg_id=broadcast.msg_id)
    except WeChatAPIError as exc:
        raise MassSendRefused(details={"errcode": exc.errcode, "errmsg": exc.errmsg}) from exc
    await Broadcast.filter(id=broadcast.id).update(status=BroadcastStatus.DELETED,
                                                   deleted_at=datetime.now(UTC))
    return await Broadcast.get(id=broadcast.id)


@dataclass(frozen=True)
class JobFinish:
    """A MASSSENDJOBFINISH report: WeChat's counts for one mass send."""

    msg_id: int
    status: str
    total_count: int
    filter_count: int
    sent_count: int
    error_count: int


async def record_job_finish(*, rt: Runtime, report: JobFinish) -> bool:
    """Record a MASSSENDJOBFINISH report on its broadcast. One that arrives before the send stored
    its msg_id waits in Redis for it (the send picks it up); returns whether it was recorded."""
    updated = await Broadcast.filter(msg_id=report.msg_id).update(
        job_status=report.status[:64], total_count=report.total_count,
        filter_count=report.filter_count, sent_count=report.sent_count,
        error_count=report.error_count, finished_at=datetime.now(UTC))
    if not updated:
        await rt.redis.set(EARLY_FINISH_KEY.format(msg_id=report.msg_id),
                           orjson.dumps(asdict(report)), ex=EARLY_FINISH_TTL_SECONDS)
        log.info("mass_send_job_finish_early", msg_id=report.msg_id)
        return False
    await Broadcast.filter(msg_id=report.msg_id, status=BroadcastStatus.RUNNING).update(
        status=BroadcastStatus.DONE)
    return True


@dataclass(frozen=True)
class Progress:
    broadcast: Broadcast
    deliveries: dict[str, int]  # template messages by status: only rows from before mass send


async def progress(*, principal: Principal, broadcast_id: str) -> Progress:
    """A broadcast with WeChat's counts; an old template broadcast with its deliveries by status."""
    broadcast = await get_or_raise(broadcast_id=broadcast_id)
    check_scope(principal, hall=await _hall_of(broadcast.audience))
    if broadcast.channel != BroadcastChannel.TEMPLATE:
        return Progress(broadcast, {})
    rows = await Delivery.filter(event_id=broadcast.event_id).group_by("status").annotate(
        n=Count("id")).values("status", "n")
    return Progress(broadcast, {str(row["status"]): row["n"] for row in rows})
