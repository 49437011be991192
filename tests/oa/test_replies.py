"""Managed replies: edited through the API, answered at once by every worker."""

import dataclasses
from xml.etree import ElementTree

from wechatpy import parse_message

from app.mirror import TableMirror
from models.oa import ReplyTrigger
from services.oa import replies
from tests.builders import emulated_openid
from tests.builders.oa import oa_editor
from tests.push.test_oa_callback import event_xml, post_plain
from tests.support.waiting import eventually

REPLIES = "/api/v1/admin/oa/replies"


async def say(client, settings, openid: str, text: str):
    response = await post_plain(client, settings, event_xml(openid, msg_type="text", Content=text))
    assert response.status_code == 200
    return parse_message(response.text)


async def test_a_keyword_reply_edited_through_the_api_answers_at_once(client, rt, settings):
    admin = await oa_editor(rt)
    openid = emulated_openid(settings.wechat_oa_app_id, "zhangsan")
    seeded = await say(client, settings, openid, "预约")  # the settings seed answers until edited
    assert seeded.content == settings.oa_auto_replies["预约"]

    put = await client.put(REPLIES, headers=admin.headers, json={
        "trigger": "keyword_exact", "key": "预约", "content": {"type": "text", "text": "请点菜单“网上预约”"}})
    assert put.status_code == 200
    assert (await say(client, settings, openid, "预约")).content == "请点菜单“网上预约”"

    await client.delete(f"{REPLIES}/{put.json()['id']}", headers=admin.headers)
    assert (await say(client, settings, openid, "预约")).content == settings.oa_auto_replies["预约"]


async def test_another_worker_answers_with_the_edit_at_once(client, rt, settings):
    """A second worker's copy of the replies, on the same Redis, is dropped by the edit."""
    admin = await oa_editor(rt)
    other_worker = dataclasses.replace(rt, oa_replies=TableMirror(rt.redis, "oa-replies"))
    other_worker.oa_replies.start()
    openid = emulated_openid(settings.wechat_oa_app_id, "zhangsan")

    async def other_answers() -> str | None:
        found = await replies.find(rt=other_worker, openid=openid, trigger=ReplyTrigger.KEYWORD_EXACT,
                                   key="社保")
        return found.text if found else None

    async def put(text: str) -> None:
        await client.put(REPLIES, headers=admin.headers, json={
            "trigger": "keyword_contains", "key": "社保", "content": {"type": "text", "text": text}})

    try:
        await put("旧的回答")

        async def holds_its_copy() -> bool:
            # Once subscribed, the worker answers from memory (the edit below must drop it).
            return other_worker.oa_replies.listening and await other_answers() == "旧的回答"

        await eventually(holds_its_copy, "the other worker listening with its copy")
        await put("新的回答")

        async def sees_the_edit() -> bool:
            return await other_answers() == "新的回答"

        await eventually(sees_the_edit, "the other worker answering with the edit")
    finally:
        await other_worker.oa_replies.stop()


async def test_a_contains_keyword_answers_a_news_card_and_a_click_a_mini_program_link(client, rt, settings):
    admin = await oa_editor(rt)
    openid = emulated_openid(settings.wechat_oa_app_id, "zhangsan")
    card = {"type": "news", "title": "社保办理指南", "description": "在线办理",
            "url": "https://h5.haidian.example/social"}
    await client.put(REPLIES, headers=admin.headers, json={"trigger": "keyword_contains", "key": "社保",
                                                           "content": card})
    mini = {"type": "news", "title": "网上预约", "miniprogram_path": "pages/appointments/index"}
    await client.put(REPLIES, headers=admin.headers, json={"trigger": "click", "key": "BOOK",
                                                           "content": mini})

    news = ElementTree.fromstring((await post_plain(client, settings, event_xml(
        openid, msg_type="text", Content="请问社保怎么办"))).text)
    click = parse_message((await post_plain(client, settings, event_xml(
        openid, Event="CLICK", EventKey="BOOK"))).text)

    assert news.findtext("MsgType") == "news"
    assert news.findtext("Articles/item/Url") == card["url"]
    assert (f'data-miniprogram-appid="{settings.wechat_miniprogram_app_id}" '
            'data-miniprogram-path="pages/appointments/index">网上预约</a>') in click.content


async def test_a_reply_linking_outside_the_allowed_domains_is_refused(client, rt):
    admin = await oa_editor(rt)
    response = await client.put(REPLIES, headers=admin.headers, json={
        "trigger": "keyword_exact", "key": "x",
        "content": {"type": "news", "title": "钓鱼", "url": "https://h5.haidian.example.evil.com/"}})
    welcome_with_key = await client.put(REPLIES, headers=admin.headers, json={
        "trigger": "welcome", "key": "", "tag": "hall:H01", "content": {"type": "image"}})
    assert response.status_code == 422 and response.json()["error"]["code"] == "OA_LINK_NOT_ALLOWED"
    assert welcome_with_key.status_code == 422
    assert welcome_with_key.json()["error"]["code"] == "VALIDATION_FAILED"
    assert (await client.get(REPLIES, headers=admin.headers)).json()["items"] == []
