"""The OA server callback (服务器配置): signatures, replay window, safe (AES) mode, events.

WeChat signs every call with SHA-1 over (token, timestamp, nonce); in safe mode the body is
AES-encrypted and carries its own ``msg_signature``. A (timestamp, nonce) pair is accepted once,
and only within ``oa_callback_max_age_seconds`` of now, so a captured call cannot be replayed.
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass
from functools import partial
from typing import Any
from xml.parsers.expat import ExpatError

import structlog
import xmltodict
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.events import (
    ClickEvent,
    MassSendJobFinishEvent,
    ScanEvent,
    SubscribeEvent,
    SubscribeScanEvent,
    TemplateSendJobFinishEvent,
    UnsubscribeEvent,
)
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.messages import TextMessage, UnknownMessage
from wechatpy.replies import ArticlesReply, BaseReply, ImageReply, TextReply
from wechatpy.utils import check_signature

from app.context import Runtime
from app.errors import AppError
from models.oa import ReplyTrigger
from push import reports as push_reports
from services import articles, mass_send
from services import push as push_service
from services.oa import replies, scenes, subscriptions
from services.oa.shapes import ReplyContent
from wechat import publishing

log = structlog.get_logger("services.oa_callback")
NONCE_KEY = "oa-callback:nonce:{timestamp}:{nonce}"
NONCE_COALESCER = "oa-callback-nonces"
NO_REPLY = "success"  # what WeChat expects when there is nothing to say


class SignatureInvalid(AppError):
    status, code, message = 403, "OA_SIGNATURE_INVALID", "公众号回调签名无效"


class CallbackReplayed(AppError):
    status, code, message = 403, "OA_CALLBACK_REPLAYED", "公众号回调已过期或重复"


class MessageMalformed(AppError):
    status, code, message = 400, "OA_MESSAGE_MALFORMED", "公众号回调消息格式错误"


@dataclass(frozen=True)
class CallbackParams:
    signature: str
    timestamp: str
    nonce: str
    echostr: str | None = None
    encrypt_type: str | None = None
    msg_signature: str | None = None


def verify_signature(token: str, params: CallbackParams) -> None:
    """WeChat's URL signature (SHA-1 of the sorted token, timestamp and nonce) with ``token``. An
    empty token is refused: anyone could compute the signature of a secret that is not there."""
    try:
        if not token:
            raise InvalidSignatureException()
        check_signature(token, params.signature, params.timestamp, params.nonce)
    except InvalidSignatureException as exc:
        raise SignatureInvalid() from exc


def _verify_signature(rt: Runtime, params: CallbackParams) -> None:
    verify_signature(rt.settings.oa_callback_token, params)


async def check_fresh(rt: Runtime, params: CallbackParams) -> None:
    """Refuse a call outside the replay window or whose (timestamp, nonce) was seen before."""
    window = rt.settings.oa_callback_max_age_seconds
    if not params.timestamp.isdigit() or abs(time.time() - int(params.timestamp)) > window:
        raise CallbackReplayed(details={"reason": "timestamp"})
    key = NONCE_KEY.format(timestamp=params.timestamp, nonce=params.nonce)
    # WeChat reports every template message with its own callback (a broadcast: one per follower):
    # the nonces of the callbacks that arrive together are claimed in one round trip.
    if not await rt.coalescer(NONCE_COALESCER, partial(_claim_nonces, rt)).submit(key):
        raise CallbackReplayed(details={"reason": "nonce_reused"})


async def _claim_nonces(rt: Runtime, keys: list[str]) -> list[bool]:
    """Claim each nonce key for the replay window: True for those not seen before (a key twice in
    one batch: the second is a replay)."""
    async with rt.redis.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.set(key, "1", nx=True, ex=2 * rt.settings.oa_callback_max_age_seconds)
        return [bool(claimed) for claimed in await pipe.execute()]


def verify_url(*, rt: Runtime, params: CallbackParams) -> str:
    """The GET handshake: echo ``echostr`` back when the signature is ours."""
    _verify_signature(rt, params)
    if not params.echostr:
        raise MessageMalformed(details={"reason": "echostr_missing"})
    return params.echostr


def _crypto(rt: Runtime) -> WeChatCrypto:
    settings = rt.settings
    return WeChatCrypto(settings.oa_callback_token, settings.oa_encoding_aes_key, settings.wechat_oa_app_id)


async def handle(*, rt: Runtime, params: CallbackParams, body: bytes) -> str:
    """Verify, decrypt and act on one pushed message; returns the (encrypted) reply XML."""
    _verify_signature(rt, params)
    safe = params.encrypt_type == "aes"
    if safe and not params.msg_signature:
        raise SignatureInvalid(details={"reason": "msg_signature_missing"})
    await check_fresh(rt, params)
    try:
        xml = body.decode()
        if safe:
            xml = _crypto(rt).decrypt_message(xml, params.msg_signature, params.timestamp, params.nonce)
        message = parse_message(xml)
    except InvalidSignatureException as exc:
        raise SignatureInvalid(details={"reason": "msg_signature"}) from exc
    except InvalidAppIdException as exc:
        raise SignatureInvalid(details={"reason": "appid"}) from exc
    except (ExpatError, UnicodeDecodeError, KeyError, TypeError, AttributeError, ValueError) as exc:
        raise MessageMalformed() from exc
    if message is None:
        raise MessageMalformed(details={"reason": "empty"})
    reply = await _react(rt, message, xml)
    if reply is None:
        return NO_REPLY
    rendered = _render(rt, message, reply).render()
    return str(_crypto(rt).encrypt_message(rendered, params.nonce, params.timestamp)) if safe else rendered


def _render(rt: Runtime, message: Any, content: ReplyContent) -> BaseReply:
    """The passive reply XML for a reply's content (a mini-program card is a text link, the only
    passive reply that opens a mini-program page)."""
    if content.type == "image":
        return ImageReply(message=message, media_id=content.media_id)
    if content.type == "news" and content.url is not None:
        return ArticlesReply(message=message, articles=[{
            "title": content.title, "description": content.description or "",
            "image": content.picurl or "", "url": content.url}])
    if content.type == "news":
        link = (f'<a data-miniprogram-appid="{rt.settings.wechat_miniprogram_app_id}" '
                f'data-miniprogram-path="{html.escape(content.miniprogram_path or "")}">'
                f'{html.escape(content.title or "")}</a>')
        text = f"{content.description}\n{link}" if content.description else link
        return TextReply(message=message, content=text)
    return TextReply(message=message, content=content.text)


def _seed(text: str | None) -> ReplyContent | None:
    """A reply from the settings (the seed answered when no managed reply matches)."""
    return ReplyContent.model_validate({"type": "text", "text": text}) if text else None


async def _answer(rt: Runtime, openid: str, trigger: ReplyTrigger, key: str = "") -> ReplyContent | None:
    found = await replies.find(rt=rt, openid=openid, trigger=trigger, key=key)
    if found is not None:
        return found
    if trigger == ReplyTrigger.WELCOME:
        return _seed(rt.settings.oa_welcome_message)
    seeded = {k.lower(): text for k, text in rt.settings.oa_auto_replies.items()}
    return _seed(seeded.get((f"scan:{key}" if trigger == ReplyTrigger.SCAN else key).strip().lower()))


async def _scanned(rt: Runtime, openid: str, scene: str, *, new_follower: bool) -> ReplyContent | None:
    """A scene code was scanned: tag and count, then the scene's reply (a new follower without
    one gets the welcome)."""
    if await scenes.record_scan(rt=rt, openid=openid, scene=scene, new_follower=new_follower):
        found = await _answer(rt, openid, ReplyTrigger.SCAN, scene)
        if found is not None:
            return found
    return await _answer(rt, openid, ReplyTrigger.WELCOME) if new_follower else None


async def _react(rt: Runtime, message: Any, xml: str) -> ReplyContent | None:
    """Act on a message; returns the reply, if any."""
    openid = str(message.source)
    if isinstance(message, UnknownMessage):
        # wechatpy has no classes for the 订阅通知 and publishing events: their blocks are read here.
        raw = xmltodict.parse(xml)["xml"]
        event = str(raw.get("Event") or "")
        if event in subscriptions.BLOCKS:
            await subscriptions.record_event(rt=rt, openid=openid, event=event, message=raw)
            return None
        if event == publishing.PUBLISH_JOB_FINISH:
            info = raw.get("PublishEventInfo")
            if not isinstance(info, dict) or not str(info.get("publish_status", "")).isdigit():
                raise MessageMalformed(details={"reason": "publish_event_info"})
            await articles.record_publication(publish_id=str(info.get("publish_id") or ""),
                                              outcome=publishing.publication_of(info))
            return None
    if isinstance(message, SubscribeScanEvent):
        await push_service.follow(rt=rt, openid=openid)
        return await _scanned(rt, openid, str(message.scene_id), new_follower=True)
    if isinstance(message, SubscribeEvent):
        await push_service.follow(rt=rt, openid=openid)
        return await _answer(rt, openid, ReplyTrigger.WELCOME)
    if isinstance(message, UnsubscribeEvent):
        await push_service.unfollow(openid=openid)
        return None
    if isinstance(message, TemplateSendJobFinishEvent):
        await push_reports.record_job_finish(rt, msgid=int(message.id), status=str(message.status))
        return None
    if isinstance(message, MassSendJobFinishEvent):
        await mass_send.record_job_finish(rt=rt, report=mass_send.JobFinish(
            msg_id=int(message.id), status=str(message.status), total_count=message.total_count,
            filter_count=message.filter_count, sent_count=message.sent_count,
            error_count=message.error_count))
        return None
    if isinstance(message, ClickEvent):
        return await _answer(rt, openid, ReplyTrigger.CLICK, str(message.key))
    if isinstance(message, ScanEvent):
        return await _scanned(rt, openid, str(message.scene_id), new_follower=False)
    if isinstance(message, TextMessage):
        return await _answer(rt, openid, ReplyTrigger.KEYWORD_EXACT, str(message.content))
    log.info("oa_message_ignored", type=message.type)
    return None
