"""政务信息: an editor writes, a second editor of the department reviews, the article is published
to the official account through WeChat's publishing API, and residents list and search it."""

from __future__ import annotations

import pytest

from tests.builders import login_staff, make_department, make_staff
from tests.support.waiting import eventually

ADMIN = "/api/v1/admin/articles"
ARTICLE = {"title": "海淀区企业开办一件事办理指南", "summary": "营业执照、公章、发票一次办结",
           "body": '<p onclick="steal()">在海淀区开办企业<script>alert(1)</script></p>'
                   '<a href="https://zwfw.bjhd.gov.cn">办事大厅</a>'}


@pytest.fixture
async def newsroom(rt):
    department = await make_department(code="HDSCJG", name="区市场监管局")
    author, reviewer, outsider = [
        await login_staff(rt, await make_staff(rt, roles=[f"editor:{code}"]))
        for code in ("HDSCJG", "HDSCJG", (await make_department(code="HDGA")).code)]
    return department, author, reviewer, outsider


async def _written(client, who, **overrides) -> dict:
    response = await client.post(ADMIN, headers=who.headers, json={**ARTICLE, "department": "HDSCJG", **overrides})
    assert response.status_code == 201, response.text
    return response.json()


async def _act(client, who, article: dict, action: str, **body):
    return await client.post(f"{ADMIN}/{article['id']}/{action}", headers=who.headers,
                             json=body if body else None)


async def test_an_article_is_reviewed_by_a_second_editor_published_and_listed(client, newsroom, wechat) -> None:
    _, author, reviewer, _ = newsroom
    draft = await _written(client, author)
    assert "<script" not in draft["body"] and "onclick" not in draft["body"]
    assert 'href="https://zwfw.bjhd.gov.cn"' in draft["body"]
    assert (await _act(client, author, draft, "submit")).json()["state"] == "in_review"

    own = await _act(client, author, draft, "review", approve=True)
    assert own.status_code == 403 and own.json()["error"]["code"] == "ARTICLE_SECOND_REVIEWER_REQUIRED"
    published = await _act(client, reviewer, draft, "review", approve=True)

    assert published.status_code == 200, published.text
    assert published.json()["state"] == "published"
    assert published.json()["wechat_url"].startswith("https://mp.weixin.qq.com/s/")
    listed = (await client.get("/api/v1/articles")).json()["items"]
    assert [a["id"] for a in listed] == [draft["id"]] and "body" not in listed[0]
    for query in ("一件事", "qiyekaiban", "hdqqykbyjsblzn", "营业执照"):
        found = (await client.get("/api/v1/articles", params={"q": query})).json()["items"]
        assert [a["id"] for a in found] == [draft["id"]], query
    assert (await client.get("/api/v1/articles", params={"q": "户口"})).json()["items"] == []
    one = (await client.get(f"/api/v1/articles/{draft['id']}")).json()
    assert one["department"]["code"] == "HDSCJG" and one["body"] == draft["body"]


async def test_a_sent_back_article_returns_to_draft_with_the_note_and_is_not_listed(client, newsroom) -> None:
    _, author, reviewer, _ = newsroom
    draft = await _written(client, author)
    await _act(client, author, draft, "submit")

    sent_back = await _act(client, reviewer, draft, "review", approve=False, note="请补充办理地点")

    assert sent_back.json()["state"] == "draft" and sent_back.json()["review_note"] == "请补充办理地点"
    edited = await client.patch(f"{ADMIN}/{draft['id']}", headers=author.headers,
                                json={"summary": "在海淀区政务服务中心一次办结"})
    assert edited.status_code == 200 and edited.json()["version"] == sent_back.json()["version"] + 1
    assert (await client.get("/api/v1/articles")).json()["items"] == []
    assert (await client.get(f"/api/v1/articles/{draft['id']}")).status_code == 404


async def test_an_article_in_review_cannot_be_edited(client, newsroom) -> None:
    _, author, _, _ = newsroom
    draft = await _written(client, author)
    await _act(client, author, draft, "submit")

    response = await client.patch(f"{ADMIN}/{draft['id']}", headers=author.headers, json={"title": "改"})

    assert response.status_code == 409 and response.json()["error"]["code"] == "ARTICLE_STATE_INVALID"


async def test_editors_work_only_on_their_own_departments_articles(client, newsroom) -> None:
    _, author, _, outsider = newsroom
    draft = await _written(client, author)

    elsewhere = await client.post(ADMIN, headers=outsider.headers, json={**ARTICLE, "department": "HDSCJG"})
    reading = await client.get(f"{ADMIN}/{draft['id']}", headers=outsider.headers)
    reviewing = await _act(client, outsider, draft, "review", approve=True)
    listing = await client.get(ADMIN, headers=outsider.headers)

    assert elsewhere.status_code == 403
    assert reading.status_code == 404 and reviewing.status_code == 404
    assert listing.json()["items"] == []
    assert (await client.get(ADMIN)).status_code == 401


async def test_wechat_refusing_the_publication_is_recorded_and_the_article_can_be_resubmitted(
        client, newsroom, wechat) -> None:
    _, author, reviewer, _ = newsroom
    draft = await _written(client, author)
    await _act(client, author, draft, "submit")
    await wechat.post("/_emulator/faults", json={"path": "/cgi-bin/freepublish/submit",
                                                 "body": {"errcode": 48001, "errmsg": "api unauthorized"}})

    refused = await _act(client, reviewer, draft, "review", approve=True)

    assert refused.status_code == 200 and refused.json()["state"] == "publish_failed"
    assert "48001" in refused.json()["review_note"]
    assert (await _act(client, author, draft, "submit")).json()["state"] == "in_review"
    assert (await _act(client, reviewer, draft, "review", approve=True)).json()["state"] == "published"


@pytest.mark.parametrize("body, code", [
    ({"cover_url": "http://example.com/a.png"}, "VALIDATION_FAILED"),
    ({"department": "NOPE"}, "UNKNOWN_CODE"),
    ({"item_ids": ["00000000-0000-0000-0000-000000000000"]}, "ITEM_NOT_FOUND"),
    ({"title": ""}, "VALIDATION_FAILED"),
])
async def test_bad_articles_are_refused(client, newsroom, body, code) -> None:
    _, author, _, _ = newsroom

    response = await client.post(ADMIN, headers=author.headers, json={**ARTICLE, "department": "HDSCJG", **body})

    assert response.status_code == 422 and response.json()["error"]["code"] == code


async def test_a_delayed_publication_is_finished_by_wechats_event_without_an_editor_looking(
        client, newsroom, wechat) -> None:
    _, author, reviewer, _ = newsroom
    draft = await _written(client, author)
    await _act(client, author, draft, "submit")
    await wechat.post("/_emulator/limits", json={"publish_delay_seconds": 1})

    approved = await _act(client, reviewer, draft, "review", approve=True)

    assert approved.json()["state"] == "publishing"
    assert (await client.get("/api/v1/articles")).json()["items"] == []

    async def listed() -> bool:
        return [a["id"] for a in (await client.get("/api/v1/articles")).json()["items"]] == [draft["id"]]

    await eventually(listed, "the article listed once WeChat's PUBLISHJOBFINISH arrived")
    calls = (await wechat.get("/_emulator/calls")).json()["calls"]
    assert calls["/cgi-bin/freepublish/get"] == 1  # asked once at approval: the event did the rest
    article = (await client.get(f"{ADMIN}/{draft['id']}", headers=author.headers)).json()
    assert article["state"] == "published" and article["wechat_url"].startswith("https://mp.weixin.qq.com/s/")
