"""The emulator's mass send (群发): ``/cgi-bin/message/mass/*``, with WeChat's limits.

A service account gets ``mass_sends_per_month`` sends per calendar month in Beijing time (WeChat:
4); the next is refused with 45028. An openid list needs 2 to 10,000 openids (40130). A repeated
``clientmsgid`` is refused with 45065. A notice is ``text`` or ``mpnews`` naming a draft or
published article by its media_id (40007 when the publishing store has no such media). Each
accepted send is followed by a ``MASSSENDJOBFINISH`` event POSTed to the OA's server, counting
the followers reached and the blocked ones as errors.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sanic import Request, Sanic
from sanic.response import HTTPResponse, json

from emulators.wechat_publishing import media_exists
from emulators.wechat_state import EmulatedApp, WeChatEmulatorState, WeChatError
from emulators.wechat_wire import json_body, wechat_api

BEIJING = ZoneInfo("Asia/Shanghai")
OPENID_LIST_MIN, OPENID_LIST_MAX = 2, 10_000

PostEvent = Callable[[str, dict[str, str]], Awaitable[int | None]]


@dataclass
class MassSend:
    msg_id: int
    app_id: str
    recipients: list[str]
    status: str = "SENDING"  # message/mass/get: SENDING, SEND_SUCCESS, DELETE


@dataclass
class MassSendBook:
    """What the emulator remembers of mass sends: per-month use, sends, client ids."""

    sends_per_month: int = 4
    used: dict[tuple[str, str], int] = field(default_factory=dict)  # (appid, "2026-12") -> sends
    sends: dict[int, MassSend] = field(default_factory=dict)
    client_msg_ids: dict[tuple[str, str], int] = field(default_factory=dict)

    def clear(self) -> None:
        for store in (self.used, self.sends, self.client_msg_ids):
            store.clear()
        self.sends_per_month = MassSendBook.sends_per_month


def _month(now: float) -> str:
    return datetime.fromtimestamp(now, BEIJING).strftime("%Y-%m")


def _content(state: WeChatEmulatorState, body: dict[str, Any]) -> str:
    """The text of a text notice, or the media_id of an article (mpnews) the account published."""
    if body.get("msgtype") == "mpnews":
        news = body.get("mpnews")
        media_id = news.get("media_id") if isinstance(news, dict) else None
        if not media_exists(state, media_id):
            raise WeChatError(40007)
        return str(media_id)
    text = body.get("text")
    content = text.get("content") if isinstance(text, dict) else None
    if body.get("msgtype") != "text" or not isinstance(content, str) or not content:
        raise WeChatError(47003)  # only text and mpnews notices are emulated
    return content


def _recipients(state: WeChatEmulatorState, tag_members: Callable[[int], list[str]], app: EmulatedApp,
                body: dict[str, Any], path: str) -> list[str]:
    """The openids a send targets: all followers, a tag's members, or the listed openids."""
    followers = sorted(openid for app_id, openid in state.followers if app_id == app.app_id)
    if path == "sendall":
        audience = body.get("filter")
        if not isinstance(audience, dict):
            raise WeChatError(47001)
        if audience.get("is_to_all"):
            return followers
        tag_id = audience.get("tag_id")
        if not isinstance(tag_id, int):
            raise WeChatError(47003)
        return tag_members(tag_id)
    touser = body.get("touser")
    if not isinstance(touser, list) or not all(isinstance(o, str) for o in touser):
        raise WeChatError(47001)
    if not OPENID_LIST_MIN <= len(set(touser)) <= OPENID_LIST_MAX:
        raise WeChatError(40130)
    return sorted(set(touser))


def install_mass_send(app: Sanic, state: WeChatEmulatorState, book: MassSendBook, post_event: PostEvent,
                      tag_members: Callable[[int], list[str]]) -> None:
    """Add the mass-send endpoints to the emulator app; ``tag_members`` are the followers the
    account's tag (wechat_oa_admin.py) holds."""
    pending: set[asyncio.Task[int | None]] = set()

    def report(send: MassSend) -> None:
        """Post MASSSENDJOBFINISH shortly after, as WeChat does once the job is done."""
        reached = [o for o in send.recipients if (send.app_id, o) in state.followers]
        blocked = [o for o in reached if (send.app_id, o) in state.blocked]
        fields = {"Event": "MASSSENDJOBFINISH", "MsgID": str(send.msg_id),
                  "Status": "send success" if not blocked else f"err({len(blocked)})",
                  "TotalCount": str(len(send.recipients)), "FilterCount": str(len(reached)),
                  "SentCount": str(len(reached) - len(blocked)), "ErrorCount": str(len(blocked))}
        send.status = "SEND_SUCCESS"

        async def later() -> int | None:
            await asyncio.sleep(state.options.job_finish_delay_seconds)
            return await post_event(send.app_id, fields)
        task = asyncio.create_task(later())
        pending.add(task)  # hold a reference until it is done
        task.add_done_callback(pending.discard)

    async def mass_send(request: Request, path: str) -> HTTPResponse:
        wx_app = state.check_access_token(request.args.get("access_token"))
        body = json_body(request)
        content = _content(state, body)
        recipients = _recipients(state, tag_members, wx_app, body, path)
        client_msg_id = body.get("clientmsgid")
        if client_msg_id and (wx_app.app_id, str(client_msg_id)) in book.client_msg_ids:
            earlier = book.client_msg_ids[(wx_app.app_id, str(client_msg_id))]
            return json({**WeChatError(45065).body(), "msg_id": earlier})
        month = (wx_app.app_id, _month(state.clock.now()))
        if book.used.get(month, 0) >= book.sends_per_month:
            raise WeChatError(45028)
        book.used[month] = book.used.get(month, 0) + 1
        msg_id = next(state.msgids)
        if client_msg_id:
            book.client_msg_ids[(wx_app.app_id, str(client_msg_id))] = msg_id
        send = book.sends[msg_id] = MassSend(msg_id, wx_app.app_id, recipients)
        state.messages.append({"msgid": msg_id, "kind": "mass", "appid": wx_app.app_id,
                               "received_at": state.clock.now(), "content": content,
                               "recipients": recipients, **body})
        report(send)
        answer: dict[str, Any] = {"errcode": 0, "errmsg": "send job submission success", "msg_id": msg_id}
        if path == "sendall":
            answer["msg_data_id"] = msg_id + 1_000_000_000
        return json(answer)

    @app.post("/cgi-bin/message/mass/sendall")
    @wechat_api
    async def mass_sendall(request: Request) -> HTTPResponse:
        return await mass_send(request, "sendall")

    @app.post("/cgi-bin/message/mass/send")
    @wechat_api
    async def mass_send_list(request: Request) -> HTTPResponse:
        return await mass_send(request, "send")

    @app.post("/cgi-bin/message/mass/preview")
    @wechat_api
    async def mass_preview(request: Request) -> HTTPResponse:
        wx_app = state.check_access_token(request.args.get("access_token"))
        body = json_body(request)
        content = _content(state, body)
        touser = body.get("touser")
        if not isinstance(touser, str) or state.user_by_openid(wx_app.app_id, touser) is None:
            raise WeChatError(40003)
        if (wx_app.app_id, touser) not in state.followers:
            raise WeChatError(43004)
        msg_id = next(state.msgids)
        state.messages.append({"msgid": msg_id, "kind": "mass_preview", "appid": wx_app.app_id,
                               "received_at": state.clock.now(), "content": content, **body})
        return json({"errcode": 0, "errmsg": "preview success", "msg_id": msg_id})

    def find(request: Request) -> MassSend:
        wx_app = state.check_access_token(request.args.get("access_token"))
        raw = json_body(request).get("msg_id")
        try:
            found = book.sends.get(int(raw)) if raw is not None else None
        except (TypeError, ValueError) as exc:
            raise WeChatError(47001) from exc
        if found is None or found.app_id != wx_app.app_id:
            raise WeChatError(47003)
        return found

    @app.post("/cgi-bin/message/mass/delete")
    @wechat_api
    async def mass_delete(request: Request) -> HTTPResponse:
        find(request).status = "DELETE"
        return json({"errcode": 0, "errmsg": "ok"})

    @app.post("/cgi-bin/message/mass/get")
    @wechat_api
    async def mass_get(request: Request) -> HTTPResponse:
        found = find(request)
        return json({"msg_id": found.msg_id, "msg_status": found.status})

    @app.get("/_emulator/oa/mass-sends")
    async def list_mass_sends(request: Request) -> HTTPResponse:
        return json({"mass_sends": [{"msg_id": s.msg_id, "status": s.status, "recipients": s.recipients}
                                    for s in book.sends.values()],
                     "used_this_month": book.used.get((state.default_app("oa"),
                                                       _month(state.clock.now())), 0)})
