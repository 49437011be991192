"""The official account's publishing API as the emulator speaks it: 草稿箱 (``draft/add``) and
发布能力 (``freepublish/submit``, ``freepublish/get``). A submitted draft is published after the
emulator's ``publish_delay_seconds`` (0: at once): ``freepublish/get`` reports ``publish_status``
1 until then, and 0 with the article's id and URL after; then, as WeChat does, a
``PUBLISHJOBFINISH`` event with the same outcome is POSTed to the OA's server. The draft's
media_id stays known after publishing: a mass send (``mpnews``) names the article by it."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from sanic import Request, Sanic
from sanic.response import HTTPResponse, json

from emulators.wechat_state import WeChatEmulatorState, WeChatError
from emulators.wechat_wire import wechat_api

# Fields WeChat requires of each article of a draft (news).
REQUIRED_ARTICLE_FIELDS = ("title", "content", "thumb_media_id")
PUBLISHED, PUBLISHING = 0, 1  # publish_status
# Posts an account event (app_id, fields, nested XML) to the OA's server; its HTTP status.
PostAccountEvent = Callable[[str, dict[str, str], str], Awaitable[int | None]]
TITLE_MAX_CHARS = 64  # WeChat: 标题不超过 32 个汉字 / 64 字节 in the docs of the day; the emulator
DIGEST_MAX_CHARS = 120  # refuses over these character counts, as our own validation does


def _body(request: Request) -> dict[str, Any]:
    body = request.json if request.body else None
    if not isinstance(body, dict):
        raise WeChatError(47001)
    return body


def media_exists(state: WeChatEmulatorState, media_id: object) -> bool:
    """Whether ``media_id`` names a draft or a published article of the account."""
    return isinstance(media_id, str) and (media_id in state.drafts or any(
        outcome.get("media_id") == media_id for outcome in state.publications.values()))


def publish_event_info(publish_id: str, outcome: dict[str, Any]) -> str:
    """A PUBLISHJOBFINISH event's ``<PublishEventInfo>``, as WeChat nests it."""
    items = "".join(f"<item><idx>{item['idx']}</idx><article_url><![CDATA[{item['article_url']}]]>"
                    f"</article_url></item>" for item in outcome["article_detail"]["item"])
    return (f"<PublishEventInfo><publish_id>{publish_id}</publish_id>"
            f"<publish_status>{outcome['publish_status']}</publish_status>"
            f"<article_id><![CDATA[{outcome['article_id']}]]></article_id>"
            f"<article_detail><count>{outcome['article_detail']['count']}</count>{items}</article_detail>"
            f"</PublishEventInfo>")


def install_publishing(app: Sanic, state: WeChatEmulatorState, post_event: PostAccountEvent) -> None:
    """Add the publishing endpoints to the WeChat emulator ``app``."""
    pending: set[asyncio.Task[int | None]] = set()

    def finish_later(app_id: str, publish_id: str, delay: float) -> None:
        """Publish after ``delay`` and report it by PUBLISHJOBFINISH, as WeChat does."""
        async def later() -> int | None:
            await asyncio.sleep(delay)
            outcome = state.publications.get(publish_id)
            if outcome is None:  # the emulator was reset meanwhile
                return None
            outcome["publish_status"] = PUBLISHED
            return await post_event(app_id, {"Event": "PUBLISHJOBFINISH"}, publish_event_info(publish_id, outcome))
        task = asyncio.create_task(later())
        pending.add(task)  # hold a reference until it is done
        task.add_done_callback(pending.discard)

    @app.post("/cgi-bin/draft/add")
    @wechat_api
    async def add_draft(request: Request) -> HTTPResponse:
        state.check_access_token(request.args.get("access_token"))
        articles = _body(request).get("articles")
        if not isinstance(articles, list) or not 1 <= len(articles) <= 8:
            raise WeChatError(47003)
        for article in articles:
            if not isinstance(article, dict) or any(not article.get(f) for f in REQUIRED_ARTICLE_FIELDS):
                raise WeChatError(47003)
            if len(article["title"]) > TITLE_MAX_CHARS or len(article.get("digest", "")) > DIGEST_MAX_CHARS:
                raise WeChatError(47003)
        media_id = secrets.token_urlsafe(24)
        state.drafts[media_id] = articles
        return json({"media_id": media_id})

    @app.post("/cgi-bin/freepublish/submit")
    @wechat_api
    async def submit(request: Request) -> HTTPResponse:
        wx_app = state.check_access_token(request.args.get("access_token"))
        media_id = _body(request).get("media_id")
        articles = state.drafts.pop(media_id, None) if isinstance(media_id, str) else None
        if articles is None:
            raise WeChatError(40007)
        publish_id = str(2_247_483_647 + len(state.publications) + 1)
        article_id = secrets.token_urlsafe(16)
        delay = state.options.publish_delay_seconds
        state.publications[publish_id] = {
            "publish_status": PUBLISHING if delay else PUBLISHED, "article_id": article_id,
            "articles": articles, "media_id": media_id,
            "article_detail": {"count": len(articles), "item": [
                {"idx": i + 1, "article_url": f"https://mp.weixin.qq.com/s/{article_id}{i + 1}"}
                for i in range(len(articles))]}}
        finish_later(wx_app.app_id, publish_id, delay)
        return json({"errcode": 0, "errmsg": "ok", "publish_id": publish_id})

    @app.post("/cgi-bin/freepublish/get")
    @wechat_api
    async def get(request: Request) -> HTTPResponse:
        state.check_access_token(request.args.get("access_token"))
        publish_id = _body(request).get("publish_id")
        outcome = state.publications.get(str(publish_id))
        if outcome is None:
            raise WeChatError(47003)
        return json({"publish_id": str(publish_id), "publish_status": outcome["publish_status"],
                     "article_id": outcome["article_id"], "article_detail": outcome["article_detail"],
                     "fail_idx": []})
