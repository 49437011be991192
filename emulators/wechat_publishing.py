"""The official account's publishing API as the emulator speaks it: 草稿箱 (``draft/add``) and
发布能力 (``freepublish/submit``, ``freepublish/get``). A submitted draft is published at once:
``freepublish/get`` then reports ``publish_status`` 0 with the article's id and URL. The draft's
media_id stays known after publishing: a mass send (``mpnews``) names the article by it."""

from __future__ import annotations

import secrets
from typing import Any

from sanic import Request, Sanic
from sanic.response import HTTPResponse, json

from emulators.wechat_state import WeChatEmulatorState, WeChatError
from emulators.wechat_wire import wechat_api

# Fields WeChat requires of each article of a draft (news).
REQUIRED_ARTICLE_FIELDS = ("title", "content", "thumb_media_id")
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


def install_publishing(app: Sanic, state: WeChatEmulatorState) -> None:
    """Add the publishing endpoints to the WeChat emulator ``app``."""

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
        state.check_access_token(request.args.get("access_token"))
        media_id = _body(request).get("media_id")
        articles = state.drafts.pop(media_id, None) if isinstance(media_id, str) else None
        if articles is None:
            raise WeChatError(40007)
        publish_id = str(2_247_483_647 + len(state.publications) + 1)
        article_id = secrets.token_urlsafe(16)
        state.publications[publish_id] = {
            "publish_status": 0, "article_id": article_id, "articles": articles, "media_id": media_id,
            "article_detail": {"count": len(articles), "item": [
                {"idx": i + 1, "article_url": f"https://mp.weixin.qq.com/s/{article_id}{i + 1}"}
                for i in range(len(articles))]}}
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
