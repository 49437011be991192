"""Calls to the WeChat API (or its emulator: the base URL is a setting) with errcode handling.

Transport failures and WeChat-side errors become ``WeChatUnavailable`` (502) so callers answer a
stable code; a rejected login/phone code becomes ``WeChatCodeInvalid`` (401).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from wechatpy.crypto import WeChatWxaCrypto
from wechatpy.exceptions import InvalidAppIdException

from app.context import Runtime
from app.errors import AppError
from wechat import access_token
from wechat.api import WeChatAPIError, WeChatUnavailable, call

CODE_ERRCODES = {40029, 40163}  # invalid or expired code; code already used
TOKEN_ERRCODES = {40001, 42001}  # access token replaced or expired: fetch a new one, retry once


class WeChatCodeInvalid(AppError):
    status, code, message = 401, "WECHAT_CODE_INVALID", "微信登录凭证无效、已过期或已使用，请重新获取"


class WeChatPayloadInvalid(AppError):
    status, code, message = 400, "WECHAT_PAYLOAD_INVALID", "微信加密数据无法解密或已被篡改，请重新获取"


@dataclass(frozen=True)
class MiniProgramSession:
    openid: str
    session_key: str
    unionid: str | None


@dataclass(frozen=True)
class OAuthGrant:
    openid: str
    unionid: str | None
    access_token: str
    scope: str


def _unavailable(path: str, exc: WeChatAPIError) -> WeChatUnavailable:
    return WeChatUnavailable(details={"path": path, "errcode": exc.errcode})


async def _code_call(rt: Runtime, path: str, params: dict[str, str]) -> dict[str, Any]:
    try:
        return await call(rt, "GET", path, params=params)
    except WeChatAPIError as exc:
        if exc.errcode in CODE_ERRCODES:
            raise WeChatCodeInvalid(details={"errcode": exc.errcode}) from exc
        raise _unavailable(path, exc) from exc


async def code2session(rt: Runtime, code: str) -> MiniProgramSession:
    """Exchange a ``wx.login`` code for the user's openid, unionid and session_key."""
    settings = rt.settings
    answer = await _code_call(rt, "/sns/jscode2session", {
        "appid": settings.wechat_miniprogram_app_id, "secret": settings.wechat_miniprogram_app_secret,
        "js_code": code, "grant_type": "authorization_code"})
    if not answer.get("openid") or not answer.get("session_key"):
        raise WeChatUnavailable(details={"path": "/sns/jscode2session", "reason": "incomplete"})
    return MiniProgramSession(answer["openid"], answer["session_key"], answer.get("unionid"))


async def oauth_exchange(rt: Runtime, code: str) -> OAuthGrant:
    """Exchange an OA web-authorisation code for the user's openid (and unionid, with userinfo scope)."""
    settings = rt.settings
    answer = await _code_call(rt, "/sns/oauth2/access_token", {
        "appid": settings.wechat_oa_app_id, "secret": settings.wechat_oa_app_secret,
        "code": code, "grant_type": "authorization_code"})
    if not answer.get("openid") or not answer.get("access_token"):
        raise WeChatUnavailable(details={"path": "/sns/oauth2/access_token", "reason": "incomplete"})
    return OAuthGrant(answer["openid"], answer.get("unionid"), answer["access_token"],
                      str(answer.get("scope", "")))


async def oauth_userinfo(rt: Runtime, grant: OAuthGrant) -> dict[str, Any]:
    """The OA user's nickname and avatar (needs the ``snsapi_userinfo`` scope)."""
    path = "/sns/userinfo"
    try:
        return await call(rt, "GET", path, params={"access_token": grant.access_token,
                                                   "openid": grant.openid, "lang": "zh_CN"})
    except WeChatAPIError as exc:
        raise _unavailable(path, exc) from exc


async def call_with_token(rt: Runtime, path: str, *, app_id: str, secret: str,
                          json_body: dict[str, Any], token: str | None = None) -> dict[str, Any]:
    """POST to an API that needs the app's access token, renewing it once if WeChat refused it.
    ``token``: one the caller has just read (a batch of sends reads it once for all of them)."""
    token = token or await access_token.get(rt, app_id=app_id, secret=secret)
    try:
        return await call(rt, "POST", path, params={"access_token": token}, json_body=json_body)
    except WeChatAPIError as exc:
        if exc.errcode not in TOKEN_ERRCODES:
            raise
        await access_token.forget(rt, app_id=app_id, token=token)
    token = await access_token.get(rt, app_id=app_id, secret=secret)
    return await call(rt, "POST", path, params={"access_token": token}, json_body=json_body)


async def phone_number_by_code(rt: Runtime, code: str) -> str:
    """The phone number behind a ``getPhoneNumber`` code (``/wxa/business/getuserphonenumber``)."""
    path = "/wxa/business/getuserphonenumber"
    settings = rt.settings
    try:
        answer = await call_with_token(rt, path, app_id=settings.wechat_miniprogram_app_id,
                                       secret=settings.wechat_miniprogram_app_secret,
                                       json_body={"code": code})
    except WeChatAPIError as exc:
        if exc.errcode in CODE_ERRCODES:
            raise WeChatCodeInvalid(details={"errcode": exc.errcode}) from exc
        raise _unavailable(path, exc) from exc
    info = answer.get("phone_info") or {}
    if info.get("watermark", {}).get("appid") != settings.wechat_miniprogram_app_id:
        raise WeChatUnavailable(details={"path": path, "reason": "watermark"})
    return str(info.get("purePhoneNumber") or info.get("phoneNumber") or "")


# getuserriskrank's scenes: 0 registration, 1 marketing abuse (刷单/抢购), our booking rush.
RISK_SCENE_MARKETING = 1


async def user_risk_rank(rt: Runtime, *, openid: str, client_ip: str) -> int:
    """WeChat's risk rank (0 normal … 4 highest) of a mini-program user (``/wxa/getuserriskrank``);
    raises WeChatUnavailable or WeChatAPIError."""
    settings = rt.settings
    answer = await call_with_token(rt, "/wxa/getuserriskrank", app_id=settings.wechat_miniprogram_app_id,
                                   secret=settings.wechat_miniprogram_app_secret,
                                   json_body={"appid": settings.wechat_miniprogram_app_id, "openid": openid,
                                              "scene": RISK_SCENE_MARKETING, "client_ip": client_ip})
    return int(answer.get("risk_rank", 0))


def decrypt_payload(*, session_key: str, encrypted_data: str, iv: str, app_id: str) -> dict[str, Any]:
    """Decrypt a ``getPhoneNumber``/``getUserInfo`` payload and check its watermark appid."""
    try:
        if len(base64.b64decode(iv, validate=True)) != 16:
            raise WeChatPayloadInvalid(details={"reason": "iv"})
        return WeChatWxaCrypto(session_key, iv, app_id).decrypt_message(encrypted_data)
    except InvalidAppIdException as exc:
        raise WeChatPayloadInvalid(details={"reason": "watermark_appid"}) from exc
    except (binascii.Error, ValueError, KeyError, TypeError, IndexError) as exc:
        # A wrong key, IV or tampered bytes surface as bad padding, bad UTF-8 or bad JSON.
        raise WeChatPayloadInvalid(details={"reason": "undecryptable"}) from exc


async def send_template_message(rt: Runtime, *, openid: str, template_id: str, data: dict[str, str],
                                page: str, client_msg_id: str, token: str | None = None) -> int:
    """Send an OA template message that opens a mini-program page; returns WeChat's msgid.

    ``client_msg_id`` makes WeChat drop a repeat of the same message to the same openid, which
    is what keeps a retry after a crash mid-send from reaching the resident twice.
    """
    settings = rt.settings
    answer = await call_with_token(
        rt, "/cgi-bin/message/template/send", app_id=settings.wechat_oa_app_id,
        secret=settings.wechat_oa_app_secret, token=token,
        json_body={"touser": openid, "template_id": template_id, "client_msg_id": client_msg_id,
                   "miniprogram": {"appid": settings.wechat_miniprogram_app_id, "pagepath": page},
                   "data": {key: {"value": value} for key, value in data.items()}})
    return int(answer.get("msgid") or 0)


async def send_subscribe_message(rt: Runtime, *, openid: str, template_id: str,
                                 data: dict[str, str], page: str) -> int:
    """Send a mini-program subscribe message (spends one of the user's grants at WeChat)."""
    settings = rt.settings
    answer = await call_with_token(
        rt, "/cgi-bin/message/subscribe/send", app_id=settings.wechat_miniprogram_app_id,
        secret=settings.wechat_miniprogram_app_secret,
        json_body={"touser": openid, "template_id": template_id, "page": page,
                   "miniprogram_state": "formal", "lang": "zh_CN",
                   "data": {key: {"value": value} for key, value in data.items()}})
    return int(answer.get("msgid") or 0)


async def send_oa_subscribe_message(rt: Runtime, *, openid: str, template_id: str,
                                    data: dict[str, str], page: str) -> int:
    """Send the official account's 订阅通知 (``message/subscribe/bizsend``) that opens a
    mini-program page; spends one of the follower's pop-up grants at WeChat. WeChat's msgid (0 if
    none), which its ``subscribe_msg_sent_event`` reports on."""
    settings = rt.settings
    answer = await call_with_token(
        rt, "/cgi-bin/message/subscribe/bizsend", app_id=settings.wechat_oa_app_id,
        secret=settings.wechat_oa_app_secret,
        json_body={"touser": openid, "template_id": template_id,
                   "miniprogram": {"appid": settings.wechat_miniprogram_app_id, "pagepath": page},
                   "data": {key: {"value": value} for key, value in data.items()}})
    return int(answer.get("msgid") or 0)
