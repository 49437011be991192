"""Managed replies: keyword, menu click, scene scan and welcome answers, held by every worker.

Editors change them through the admin API; each change drops every worker's copy
(``Runtime.oa_replies``, an ``app.mirror.TableMirror``), so the next message is answered from the
database's state on every worker without a restart. A reply may be scoped to a follower tag: a
follower carrying the tag gets it, everyone else gets the reply without a tag.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError
from models.oa import OAFollowerTag, OAReply, ReplyTrigger
from services.oa import links
from services.oa.shapes import ReplyContent, ReplyOut


class ReplyNotFound(AppError):
    status, code, message = 404, "OA_REPLY_NOT_FOUND", "自动回复不存在"


class ReplyKeyInvalid(AppError):
    status, code, message = 422, "OA_REPLY_KEY_INVALID", "回复的触发词不符合其类型"


@dataclass(frozen=True)
class ReplyBook:
    """Every managed reply, by (trigger, normalised key), then by tag (None: untagged)."""

    by_key: dict[tuple[str, str], dict[str | None, ReplyContent]]
    contains: list[tuple[str, dict[str | None, ReplyContent]]]  # (key, replies), longest key first


def _normalise(key: str) -> str:
    return key.strip().lower()


def check_content(rt: Runtime, content: ReplyContent) -> None:
    """Links in a reply go only to allowed hosts or our mini-program."""
    if content.type == "news":
        if (content.url is None) == (content.miniprogram_path is None):
            raise links.LinkNotAllowed("图文须且只能链接一个 H5 页面或小程序页面",
                                       details={"reason": "one_link_required"})
        if content.url is not None:
            links.check_h5_url(rt.settings, content.url)
        if content.picurl is not None:
            links.check_h5_url(rt.settings, content.picurl)


def _out(row: OAReply) -> ReplyOut:
    return ReplyOut(id=str(row.id), trigger=str(row.trigger), key=row.key, tag=row.tag,
                    content=ReplyContent.model_validate(row.content), updated_by=row.updated_by,
                    updated_at=row.updated_at)


async def put(*, rt: Runtime, staff_id: str, trigger: ReplyTrigger, key: str, tag: str | None,
              content: ReplyContent) -> ReplyOut:
    """Create or replace the reply for (trigger, key, tag); every worker answers with it at once."""
    key = "" if trigger == ReplyTrigger.WELCOME else _normalise(key)
    if (trigger == ReplyTrigger.WELCOME) != (key == ""):
        raise ReplyKeyInvalid(details={"trigger": str(trigger)})
    check_content(rt, content)
    stored = content.model_dump(mode="json", exclude_none=True)
    async with in_transaction():
        row = await OAReply.filter(trigger=trigger, key=key, tag=tag).select_for_update().first()
        if row is None:
            row = await OAReply.create(trigger=trigger, key=key, tag=tag, content=stored,
                                       updated_by=staff_id)
        else:
            row.content, row.updated_by = stored, staff_id
            await row.save(update_fields=["content", "updated_by", "updated_at"])
    await rt.oa_replies.invalidate()
    return _out(row)


async def delete(*, rt: Runtime, reply_id: uuid.UUID) -> None:
    """Remove a reply (the seed reply from settings, if any, answers again)."""
    if not await OAReply.filter(id=reply_id).delete():
        raise ReplyNotFound()
    await rt.oa_replies.invalidate()


async def list_all() -> list[ReplyOut]:
    """Every managed reply, by trigger and key."""
    return [_out(row) for row in await OAReply.all().order_by("trigger", "key", "tag")]


async def _load() -> ReplyBook:
    by_key: dict[tuple[str, str], dict[str | None, ReplyContent]] = {}
    for row in await OAReply.all():
        by_key.setdefault((str(row.trigger), row.key), {})[row.tag] = ReplyContent.model_validate(row.content)
    contains = sorted(((key, replies) for (trigger, key), replies in by_key.items()
                       if trigger == ReplyTrigger.KEYWORD_CONTAINS), key=lambda kv: -len(kv[0]))
    return ReplyBook(by_key=by_key, contains=contains)


async def _for_follower(openid: str,
                        replies: dict[str | None, ReplyContent]) -> ReplyContent | None:
    tagged = [tag for tag in replies if tag is not None]
    if tagged:
        mine = sorted(str(tag) for tag in await OAFollowerTag.filter(openid=openid, tag__in=tagged)
                      .values_list("tag", flat=True))
        if mine:  # a follower with several of the tags gets the first by name: stable, if arbitrary
            return replies[mine[0]]
    return replies.get(None)


async def find(*, rt: Runtime, openid: str, trigger: ReplyTrigger, key: str = "") -> ReplyContent | None:
    """The managed reply for this follower, or None (the caller falls back to the seed). A text
    message is asked as ``KEYWORD_EXACT``: its exact reply, else the longest contained keyword's."""
    book = await rt.oa_replies.get(_load)
    normalised = _normalise(key)
    replies = book.by_key.get((str(trigger), normalised))
    if replies is None and trigger == ReplyTrigger.KEYWORD_EXACT:
        replies = next((found for word, found in book.contains if word in normalised), None)
    if replies is None:
        return None
    return await _for_follower(openid, replies)
