"""WeChat's mass-send API (群发, ``/cgi-bin/message/mass/*``) for the official account.

A notice is text (``msgtype`` ``text``) or a published article (``mpnews`` naming the article's
draft ``media_id``). ``sendall`` reaches all followers or one WeChat tag,
``send`` an explicit openid list (2 to 10,000 openids), ``preview`` one openid without spending
the month's quota. ``clientmsgid`` makes WeChat refuse a repeat of the same send (45065).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.context import Runtime
from wechat.client import call_with_token

OPENID_LIST_MIN, OPENID_LIST_MAX = 2, 10_000  # WeChat's bounds for message/mass/send


@dataclass(frozen=True)
class MassSendAccepted:
    msg_id: int
    msg_data_id: int | None


async def _post(rt: Runtime, path: str, body: dict[str, Any]) -> dict[str, Any]:
    settings = rt.settings
    return await call_with_token(rt, path, app_id=settings.wechat_oa_app_id,
                                 secret=settings.wechat_oa_app_secret, json_body=body)


def text_message(content: str) -> dict[str, Any]:
    """A text notice, as the mass-send calls take it."""
    return {"msgtype": "text", "text": {"content": content}}


def article_message(media_id: str) -> dict[str, Any]:
    """A published article (图文), as the mass-send calls take it; sent even if WeChat judges it a
    reprint (``send_ignore_reprint``: our articles are the department's own)."""
    return {"msgtype": "mpnews", "mpnews": {"media_id": media_id}, "send_ignore_reprint": 1}


def _accepted(answer: dict[str, Any]) -> MassSendAccepted:
    data_id = answer.get("msg_data_id")
    return MassSendAccepted(int(answer.get("msg_id") or 0), int(data_id) if data_id else None)


async def send_to_all(rt: Runtime, *, message: dict[str, Any], tag_id: int | None,
                      client_msg_id: str) -> MassSendAccepted:
    """``message/mass/sendall``: every follower (``tag_id`` None) or the followers of a tag."""
    audience = {"is_to_all": True} if tag_id is None else {"is_to_all": False, "tag_id": tag_id}
    return _accepted(await _post(rt, "/cgi-bin/message/mass/sendall",
                                 {"filter": audience, **message, "clientmsgid": client_msg_id}))


async def send_to_openids(rt: Runtime, *, message: dict[str, Any], openids: list[str],
                          client_msg_id: str) -> MassSendAccepted:
    """``message/mass/send``: an openid list of 2 to 10,000 followers."""
    return _accepted(await _post(rt, "/cgi-bin/message/mass/send",
                                 {"touser": openids, **message, "clientmsgid": client_msg_id}))


async def preview(rt: Runtime, *, message: dict[str, Any], openid: str) -> int:
    """``message/mass/preview``: the notice to one follower, outside the monthly quota."""
    answer = await _post(rt, "/cgi-bin/message/mass/preview", {"touser": openid, **message})
    return int(answer.get("msg_id") or 0)


async def delete(rt: Runtime, *, msg_id: int) -> None:
    """``message/mass/delete``: withdraw a sent mass message (all its articles)."""
    await _post(rt, "/cgi-bin/message/mass/delete", {"msg_id": msg_id, "article_idx": 0})
