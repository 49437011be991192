"""The emulator's 订阅通知 on the official account: a follower answers the subscription pop-up or
changes it in the account's settings, and WeChat POSTs the event to the account's server.

The grants live in the emulator's subscription store (``state.subscriptions``, keyed by the OA's
appid), which ``message/subscribe/bizsend`` (emulators/wechat.py) spends: one-time grants one per
send, long-term ones (``state.long_term_templates``) not at all.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal

from pydantic import BaseModel, Field
from sanic import Request, Sanic
from sanic.response import HTTPResponse, json

from emulators.common import parse_control
from emulators.wechat_state import TestUser, WeChatEmulatorState

# (openid, the event's flat fields, its nested <List> XML) -> the callback's HTTP status.
PostSubscribeEvent = Callable[[str, dict[str, str], str], Awaitable[int | None]]
# A test user's key -> (the OA's appid, the user).
ResolveUser = Callable[[str], tuple[str, TestUser]]


class PopupAnswer(BaseModel):
    """A follower's answer to the account's 订阅通知 pop-up: template id -> accept | reject."""

    user: str = Field(min_length=1, max_length=64)
    results: dict[str, Literal["accept", "reject"]] = Field(min_length=1)
    scene: Literal[1, 2] = 2  # PopupScene: 1 profile page or menu, 2 H5 page (wx-open-subscribe)


class SettingsChange(BaseModel):
    """A follower turns one 订阅通知 template on or off in the account's settings page."""

    user: str = Field(min_length=1, max_length=64)
    template_id: str = Field(min_length=1)
    status: Literal["accept", "reject"] = "reject"


def subscribe_event(event: str, block: str, entries: list[dict[str, str]]) -> tuple[dict[str, str], str]:
    """The fields and ``<List>`` XML of a 订阅通知 event, as WeChat nests them."""
    lists = "".join("<List>" + "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in entry.items()) + "</List>"
                    for entry in entries)
    return {"Event": event}, f"<{block}>{lists}</{block}>"


def install_oa_subscribe(app: Sanic, state: WeChatEmulatorState, resolve: ResolveUser,
                         post_event: PostSubscribeEvent) -> None:
    """Add the pop-up and settings controls to the WeChat emulator ``app``."""

    @app.post("/_emulator/oa/subscribe-popup")
    async def oa_subscribe_popup(request: Request) -> HTTPResponse:
        answer = parse_control(PopupAnswer, request)
        app_id, user = resolve(answer.user)
        openid = user.openid(app_id)
        for template_id, result in answer.results.items():
            key = (app_id, openid, template_id)
            if result == "accept":
                state.subscriptions[key] = state.subscriptions.get(key, 0) + 1
            elif template_id in state.long_term_templates:
                state.subscriptions.pop(key, None)
        fields, nested = subscribe_event("subscribe_msg_popup_event", "SubscribeMsgPopupEvent", [
            {"TemplateId": template_id, "SubscribeStatusString": result, "PopupScene": str(answer.scene)}
            for template_id, result in answer.results.items()])
        return json({"openid": openid, "callback_status": await post_event(openid, fields, nested)})

    @app.post("/_emulator/oa/subscriptions/change")
    async def oa_subscription_change(request: Request) -> HTTPResponse:
        change = parse_control(SettingsChange, request)
        app_id, user = resolve(change.user)
        openid = user.openid(app_id)
        key = (app_id, openid, change.template_id)
        if change.status == "reject":
            state.subscriptions.pop(key, None)
        elif change.template_id in state.long_term_templates:
            state.subscriptions[key] = max(state.subscriptions.get(key, 0), 1)
        fields, nested = subscribe_event("subscribe_msg_change_event", "SubscribeMsgChangeEvent", [
            {"TemplateId": change.template_id, "SubscribeStatusString": change.status}])
        return json({"openid": openid, "callback_status": await post_event(openid, fields, nested)})
