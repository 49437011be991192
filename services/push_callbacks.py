"""Callbacks that change what push may send: the mini-program's subscribe-message events and the
SMS provider's delivery reports and replies.

Mini-program message push (消息推送, plain mode): WeChat signs each call with SHA-1 over
(token, timestamp, nonce), as for the OA; ``subscribe_msg_popup_event`` (the user answered the
subscribe pop-up) and ``subscribe_msg_change_event`` (the user changed it in the settings page)
carry ``<List><TemplateId/><SubscribeStatusString>accept|reject</SubscribeStatusString></List>``
entries. Tencent Cloud SMS does not sign its callbacks, so their URLs carry a shared token.
"""

from __future__ import annotations

import hmac
from datetime import UTC, datetime
from typing import Any
from xml.parsers.expat import ExpatError

import structlog
import xmltodict

from app.context import Runtime
from app.errors import AppError
from models.push import SmsOptOut, SubscriptionGrant
from models.users import ExternalIdentity, IdentityProvider
from push import channels
from push import reports as push_reports
from services.oa.subscriptions import list_entries
from services.oa_callback import CallbackParams, MessageMalformed, check_fresh, verify_signature

log = structlog.get_logger("services.push_callbacks")
SUBSCRIBE_EVENTS = {"subscribe_msg_popup_event": "SubscribeMsgPopupEvent",
                    "subscribe_msg_change_event": "SubscribeMsgChangeEvent"}
OPT_OUT_REPLIES = frozenset({"TD", "T", "N", "0000"})
SMS_ANSWER = {"result": 0, "errmsg": "OK"}


class SmsCallbackForbidden(AppError):
    status, code, message = 403, "SMS_CALLBACK_FORBIDDEN", "短信回调令牌无效"


def _verify_mp(rt: Runtime, params: CallbackParams) -> None:
    verify_signature(rt.settings.mp_callback_token, params)


def verify_mp_url(*, rt: Runtime, params: CallbackParams) -> str:
    """The mini-program message push's GET handshake: echo ``echostr`` when the signature is ours."""
    _verify_mp(rt, params)
    if not params.echostr:
        raise MessageMalformed(details={"reason": "echostr_missing"})
    return params.echostr


async def handle_mp_event(*, rt: Runtime, params: CallbackParams, body: bytes) -> str:
    """Act on one mini-program push: subscribe-message consent given or withdrawn."""
    _verify_mp(rt, params)
    await check_fresh(rt, params)
    try:
        message = xmltodict.parse(body.decode())["xml"]
    except (ExpatError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise MessageMalformed() from exc
    event = str(message.get("Event") or "")
    if event not in SUBSCRIBE_EVENTS:
        log.info("mp_message_ignored", event=event or message.get("MsgType"))
        return "success"
    openid = str(message.get("FromUserName") or "")
    user_id = await ExternalIdentity.filter(
        provider=IdentityProvider.WECHAT_MINIPROGRAM, subject=openid,
        app_id=rt.settings.wechat_miniprogram_app_id).first().values_list("user_id", flat=True)
    if user_id is None:
        log.info("mp_subscribe_event_for_unknown_user", event=event)
        return "success"
    for entry in list_entries(message.get(SUBSCRIBE_EVENTS[event])):
        template_id, status = str(entry.get("TemplateId") or ""), str(entry.get("SubscribeStatusString") or "")
        if status == "reject":
            await withdraw(user_id=str(user_id), template_id=template_id)
        elif status == "accept" and channels.is_long_term(rt.settings.push_templates, template_id):
            # One-time acceptances are counted from the app's own report (POST /me/subscriptions),
            # which WeChat's pop-up event duplicates; a long-term one is a state, safe to set twice.
            await consent_long_term(user_id=str(user_id), template_id=template_id)
    return "success"


async def withdraw(*, user_id: str, template_id: str) -> None:
    """The user turned a template's messages off: none is sent from now, queued ones included."""
    await SubscriptionGrant.filter(user_id=user_id, template_id=template_id).update(
        withdrawn_at=datetime.now(UTC))


async def consent_long_term(*, user_id: str, template_id: str) -> None:
    """The user (again) allows a long-term template's messages until withdrawn."""
    grant, _ = await SubscriptionGrant.get_or_create(user_id=user_id, template_id=template_id)
    await SubscriptionGrant.filter(id=grant.id).update(long_term=True, withdrawn_at=None)


def _check_token(rt: Runtime, token: str | None) -> None:
    """The callback URL's token must be the configured one; with none configured, nothing passes
    (an empty token would otherwise match a request that sends none)."""
    expected = rt.settings.sms_callback_token
    if not expected or not hmac.compare_digest((token or "").encode(), expected.encode()):
        raise SmsCallbackForbidden()


async def sms_status_reports(*, rt: Runtime, token: str | None, reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Tencent's delivery reports (回执): each closes its delivery as delivered or failed."""
    _check_token(rt, token)
    for report in reports:
        serial = str(report.get("sid") or "")
        if serial:
            await push_reports.record_sms_report(
                rt, serial=serial, delivered=report.get("report_status") == "SUCCESS",
                detail=f"{report.get('errmsg', '')} {report.get('description', '')}".strip())
    return SMS_ANSWER


async def sms_reply(*, rt: Runtime, token: str | None, reply: dict[str, Any]) -> dict[str, Any]:
    """A resident's reply to an SMS (上行); ``TD`` opts the number out of further SMS."""
    _check_token(rt, token)
    mobile = str(reply.get("mobile") or "")
    if mobile and str(reply.get("text") or "").strip().upper() in OPT_OUT_REPLIES:
        # Stored numbers may or may not carry the country code: mark both spellings.
        for spelling in (mobile, f"+{reply.get('nationcode') or '86'}{mobile}"):
            await SmsOptOut.get_or_create(phone_index=rt.cipher.blind_index(spelling))
        log.info("sms_opted_out")
    return SMS_ANSWER
