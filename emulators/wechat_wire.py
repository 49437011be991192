"""How the WeChat emulator speaks WeChat's wire: API answers (errors as HTTP 200 with
``errcode``) and the events it POSTs to the server under test, signed and, in safe mode,
encrypted as WeChat does."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import orjson
from sanic import Request
from sanic.response import HTTPResponse, json
from wechatpy.crypto import WeChatCrypto

from app.http import UpstreamError, UpstreamHTTP
from emulators.wechat_state import CallbackTarget, WeChatEmulatorState, WeChatError

Handler = Callable[..., Awaitable[HTTPResponse]]
# WeChat posts a broadcast's reports alongside its sends; at 10 at once they trailed the sends
# under load by up to a minute (bench/RESULTS.md, "Push", the correction of 2026-12-06).
EVENTS_IN_FLIGHT = 64


def signed_event(target: CallbackTarget, app_id: str, openid: str, fields: dict[str, str],
                 now: float, nested: str = "") -> tuple[dict[str, str], str]:
    """The query and XML body WeChat POSTs for an OA event: signed, and encrypted in safe mode.
    ``nested`` is XML added as is (the 订阅通知 events' ``<List>`` blocks)."""
    timestamp, nonce = str(int(now)), secrets.token_hex(8)
    inner = "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in fields.items()) + nested
    xml = _event_xml("gh_emulator", openid, timestamp, inner)
    params = {"signature": check_signature_value(target.token, timestamp, nonce),
              "timestamp": timestamp, "nonce": nonce, "openid": openid}
    if target.mode == "plain":
        return params, xml
    sealed = WeChatCrypto(target.token, target.encoding_aes_key, app_id).encrypt_message(
        xml, nonce, timestamp)
    msg_signature = re.search(r"<MsgSignature><!\[CDATA\[(.*?)\]\]>", sealed)
    params.update(encrypt_type="aes", msg_signature=msg_signature.group(1) if msg_signature else "")
    return params, sealed


def _event_xml(to_user: str, openid: str, timestamp: str, inner: str) -> str:
    """An event message's XML: its envelope around ``inner``."""
    return (f"<xml><ToUserName><![CDATA[{to_user}]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{timestamp}</CreateTime>"
            f"<MsgType><![CDATA[event]]></MsgType>{inner}</xml>")


def check_signature_value(token: str, timestamp: str, nonce: str) -> str:
    """WeChat's URL signature: SHA-1 of the sorted token, timestamp and nonce."""
    return hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()


@dataclass
class EventClient:
    """How the emulator POSTs events: one HTTP client, a bounded number of posts at once (a
    burst of sends must not open a connection per event to the server under test)."""

    http: UpstreamHTTP
    slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(EVENTS_IN_FLIGHT))


async def post_oa_event(state: WeChatEmulatorState, events: EventClient, openid: str,
                        fields: dict[str, str], *, delay: float = 0.0, nested: str = "") -> int | None:
    """POST an OA event to the configured server as WeChat does; returns the HTTP status."""
    if delay:
        await asyncio.sleep(delay)
    target = state.callback
    if target is None:
        return None
    params, body = signed_event(target, state.default_app("oa"), openid, fields, state.clock.now(), nested)
    return await _post(events, target.url, params, body)


async def post_mp_event(state: WeChatEmulatorState, events: EventClient, openid: str, inner: str) -> int | None:
    """POST a mini-program message-push event (plain mode, signed) as WeChat does; the HTTP status."""
    if state.mp_callback is None:
        return None
    url, token = state.mp_callback
    timestamp, nonce = str(int(state.clock.now())), secrets.token_hex(8)
    params = {"signature": check_signature_value(token, timestamp, nonce), "timestamp": timestamp, "nonce": nonce}
    return await _post(events, url, params, _event_xml("gh_emulator_mp", openid, timestamp, inner))


async def _post(events: EventClient, url: str, params: dict[str, str], body: str) -> int | None:
    """POST one event's XML; its HTTP status, None when the server could not be reached."""
    try:
        async with events.slots:
            response = await events.http.request("POST", url, params=params, content=body.encode(),
                                                 headers={"content-type": "text/xml"}, timeout=5)
    except UpstreamError:
        return None  # WeChat gives up silently too (after its own retries)
    return response.status


def wechat_api(handler: Handler) -> Handler:
    """Answer WeChatError as WeChat does: HTTP 200 with ``errcode``/``errmsg``."""

    @functools.wraps(handler)
    async def wrapped(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        try:
            return await handler(request, *args, **kwargs)
        except WeChatError as exc:
            return json(exc.body())

    return wrapped


def json_body(request: Request) -> dict[str, Any]:
    """A WeChat API call's JSON object body; WeChat's 47001 when it is not one."""
    try:
        body = orjson.loads(request.body or b"{}")
    except orjson.JSONDecodeError as exc:
        raise WeChatError(47001) from exc
    if not isinstance(body, dict):
        raise WeChatError(47001)
    return body
