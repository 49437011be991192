"""The official account's publishing API: a draft (草稿箱) of one article, submitted to 发布能力,
and the outcome of a publication."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.context import Runtime
from wechat.client import call_with_token

PUBLISHED, PUBLISHING = 0, 1  # freepublish/get publish_status; other values are failures
PUBLISH_JOB_FINISH = "PUBLISHJOBFINISH"  # the event WeChat pushes once a publication's outcome is known


@dataclass(frozen=True)
class Submitted:
    media_id: str  # the draft's, which a mass send (mpnews) names
    publish_id: str


@dataclass(frozen=True)
class Publication:
    status: int
    article_id: str | None
    url: str | None


async def _post(rt: Runtime, path: str, body: dict) -> dict:
    settings = rt.settings
    return await call_with_token(rt, path, app_id=settings.wechat_oa_app_id,
                                 secret=settings.wechat_oa_app_secret, json_body=body)


async def publish(rt: Runtime, *, title: str, digest: str, content: str, source_url: str | None) -> Submitted:
    """Add the article as a draft and submit it for publishing; the draft's media_id and WeChat's
    publish_id."""
    draft = await _post(rt, "/cgi-bin/draft/add", {"articles": [{
        "title": title, "author": "", "digest": digest, "content": content,
        "content_source_url": source_url or "",
        "thumb_media_id": rt.settings.wechat_oa_article_thumb_media_id,
        "need_open_comment": 0, "only_fans_can_comment": 0}]})
    submitted = await _post(rt, "/cgi-bin/freepublish/submit", {"media_id": draft["media_id"]})
    return Submitted(media_id=str(draft["media_id"]), publish_id=str(submitted["publish_id"]))


async def outcome(rt: Runtime, *, publish_id: str) -> Publication:
    """``freepublish/get``: the publication's status now."""
    return publication_of(await _post(rt, "/cgi-bin/freepublish/get", {"publish_id": publish_id}))


def publication_of(info: dict[str, Any]) -> Publication:
    """The outcome as ``freepublish/get`` answers it or a PUBLISHJOBFINISH event's
    ``PublishEventInfo`` carries it (parsed from XML, a single ``item`` is a mapping, not a list)."""
    items = (info.get("article_detail") or {}).get("item") or []
    if isinstance(items, dict):
        items = [items]
    return Publication(status=int(info.get("publish_status", -1)), article_id=info.get("article_id"),
                       url=items[0].get("article_url") if items else None)
