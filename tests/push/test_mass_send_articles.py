"""A notice can be a published article: WeChat's mass send of ``mpnews`` with the article's media id."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.articles.test_articles import ARTICLE
from tests.builders import emulated_openid, follow_oa, login_staff, make_department, make_staff
from tests.support.waiting import eventually

ARTICLES = "/api/v1/admin/articles"


async def _editors(rt) -> tuple[dict[str, str], dict[str, str]]:
    await make_department(code="HDSCJG", name="区市场监管局")
    author, reviewer = [(await login_staff(rt, await make_staff(rt, roles=["editor:HDSCJG"]))).headers
                        for _ in range(2)]
    return author, reviewer


async def _article(client: httpx.AsyncClient, author: dict[str, str], reviewer: dict[str, str], *,
                   publish: bool = True) -> dict:
    """An article written by ``author``; reviewed and published to the account by ``reviewer``."""
    written = await client.post(ARTICLES, headers=author, json={**ARTICLE, "department": "HDSCJG"})
    assert written.status_code == 201, written.text
    article = written.json()
    if publish:
        await client.post(f"{ARTICLES}/{article['id']}/submit", headers=author)
        reviewed = await client.post(f"{ARTICLES}/{article['id']}/review", headers=reviewer,
                                     json={"approve": True})
        assert reviewed.json()["state"] == "published", reviewed.text
    return article


async def _admin(rt) -> dict[str, str]:
    return (await login_staff(rt, await make_staff(rt, roles=["admin"]))).headers


async def _mass_messages(wechat: httpx.AsyncClient, kind: str = "mass") -> list[dict]:
    return (await wechat.get("/_emulator/messages", params={"kind": kind})).json()["messages"]


async def test_a_published_article_goes_out_by_mass_send_as_mpnews(rt, client, wechat, settings):
    author, reviewer = await _editors(rt)
    article = await _article(client, author, reviewer)
    for key in ("zhangsan", "lisi"):
        await follow_oa(wechat, key)
    admin = await _admin(rt)

    previewed = await client.post("/api/v1/admin/broadcasts/preview", headers=admin, json={
        "article_id": article["id"], "openids": [emulated_openid(settings.wechat_oa_app_id, "zhangsan")]})
    assert previewed.status_code == 200, previewed.text
    [preview] = await _mass_messages(wechat, "mass_preview")
    assert preview["msgtype"] == "mpnews"

    created = await client.post("/api/v1/admin/broadcasts", headers=admin, json={"article_id": article["id"]})
    assert created.status_code == 201, created.text
    broadcast = created.json()
    assert (broadcast["article_id"], broadcast["title"], broadcast["content"]) == (
        article["id"], ARTICLE["title"], ARTICLE["summary"])
    [sent] = await _mass_messages(wechat)
    assert sent["msgtype"] == "mpnews" and sent["filter"] == {"is_to_all": True}
    # The media id is the article's draft in the emulator's publishing store, as the preview's.
    assert sent["mpnews"]["media_id"] == preview["mpnews"]["media_id"]

    async def finished() -> bool:
        shown = await client.get(f"/api/v1/admin/broadcasts/{broadcast['id']}", headers=admin)
        return shown.json()["status"] == "done"
    await eventually(finished, "MASSSENDJOBFINISH is recorded")


async def test_a_text_notice_still_goes_out_as_text(rt, client, wechat):
    await follow_oa(wechat, "zhangsan")
    admin = await _admin(rt)
    created = await client.post("/api/v1/admin/broadcasts", headers=admin,
                                json={"title": "闭馆通知", "content": "12月1日下午暂停对外服务"})
    assert created.status_code == 201, created.text
    assert created.json()["article_id"] is None
    [sent] = await _mass_messages(wechat)
    assert sent["msgtype"] == "text"


@pytest.mark.parametrize("body, status, code", [
    ({"article_id": str(uuid.uuid4())}, 404, "ARTICLE_NOT_FOUND"),
    ({"article_id": "draft"}, 409, "MASS_SEND_ARTICLE_NOT_PUBLISHED"),
    ({"article_id": "draft", "title": "通知", "content": "内容"}, 422, "VALIDATION_FAILED"),
    ({"title": "只有标题"}, 422, "VALIDATION_FAILED"),
])
async def test_only_a_published_article_or_a_whole_text_is_sent(rt, client, wechat, body, status, code):
    author, reviewer = await _editors(rt)
    draft = await _article(client, author, reviewer, publish=False)
    await follow_oa(wechat, "zhangsan")
    admin = await _admin(rt)
    if body.get("article_id") == "draft":
        body = {**body, "article_id": draft["id"]}

    for path, extra in (("/api/v1/admin/broadcasts", {}), ("/api/v1/admin/broadcasts/preview",
                                                           {"openids": ["oTestFollower0000000000000001"]})):
        refused = await client.post(path, headers=admin, json={**body, **extra})
        assert refused.status_code == status, refused.text
        assert refused.json()["error"]["code"] == code
    assert await _mass_messages(wechat) == [] and await _mass_messages(wechat, "mass_preview") == []
    quota = (await client.get("/api/v1/admin/mass-sends/quota", headers=admin)).json()
    assert quota["used"] == 0
