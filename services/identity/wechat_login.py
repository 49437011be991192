"""WeChat logins: mini-program code login, OA H5 web authorisation, phone and profile data."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode

from app.context import Runtime
from app.errors import AppError, ValidationFailed
from models.users import ExternalIdentity, IdentityProvider, User
from services import identity
from services.identity import Claim, login_flows, sessions
from wechat import client

OA_CALLBACK_PATH = "/api/v1/auth/wechat/oa/callback"
OA_SCOPES = ("snsapi_base", "snsapi_userinfo")


class WeChatDenied(AppError):
    status, code, message = 400, "WECHAT_DENIED", "您已拒绝微信授权"


async def _miniprogram_claim(rt: Runtime, code: str) -> Claim:
    session = await client.code2session(rt, code)
    return Claim(provider=IdentityProvider.WECHAT_MINIPROGRAM, subject=session.openid,
                 app_id=rt.settings.wechat_miniprogram_app_id, unionid=session.unionid,
                 secret=session.session_key)


async def miniprogram_login(*, rt: Runtime, code: str) -> sessions.TokenPair:
    """``wx.login`` code -> code2session -> our user (created on first login) -> our tokens."""
    user_id = await identity.login(rt=rt, claim=await _miniprogram_claim(rt, code))
    return await sessions.start(rt=rt, kind="resident", subject_id=user_id)


async def miniprogram_link(*, rt: Runtime, user_id: uuid.UUID, code: str) -> ExternalIdentity:
    """Bind the mini-program WeChat account behind ``code`` to a logged-in user."""
    return await identity.link(rt=rt, user_id=user_id, claim=await _miniprogram_claim(rt, code))


async def phone_from_code(*, rt: Runtime, user_id: uuid.UUID, code: str) -> User:
    """Verify the phone number through the ``getuserphonenumber`` code API and store it."""
    phone = await client.phone_number_by_code(rt, code)
    return await identity.set_phone(rt=rt, user_id=user_id, phone=phone)


async def _decrypt(rt: Runtime, user_id: uuid.UUID, encrypted_data: str, iv: str) -> dict[str, Any]:
    session_key = await identity.session_key_of(rt=rt, user_id=user_id)
    return client.decrypt_payload(session_key=session_key, encrypted_data=encrypted_data, iv=iv,
                                  app_id=rt.settings.wechat_miniprogram_app_id)


async def phone_from_payload(*, rt: Runtime, user_id: uuid.UUID, encrypted_data: str, iv: str) -> User:
    """Decrypt a ``getPhoneNumber`` payload with the stored session_key and store the number."""
    data = await _decrypt(rt, user_id, encrypted_data, iv)
    phone = str(data.get("purePhoneNumber") or data.get("phoneNumber") or "")
    if not phone:
        raise client.WeChatPayloadInvalid(details={"reason": "no_phone_number"})
    return await identity.set_phone(rt=rt, user_id=user_id, phone=phone)


async def profile_from_payload(*, rt: Runtime, user_id: uuid.UUID, encrypted_data: str, iv: str) -> User:
    """Decrypt a ``getUserInfo`` payload; its nickname becomes the display name."""
    data = await _decrypt(rt, user_id, encrypted_data, iv)
    nickname = str(data.get("nickName") or "").strip()
    if not nickname:
        raise client.WeChatPayloadInvalid(details={"reason": "no_nickname"})
    return await identity.set_display_name(user_id=user_id, display_name=nickname)


async def oa_authorize(*, rt: Runtime, scope: str, return_url: str,
                       link_ticket: str | None) -> tuple[str, str]:
    """The WeChat authorize URL for an OA H5 login, and the browser nonce to set as a cookie."""
    if scope not in OA_SCOPES:
        raise ValidationFailed(code="INVALID_SCOPE", details={"allowed": list(OA_SCOPES)})
    state, nonce = await login_flows.begin(rt=rt, provider=IdentityProvider.WECHAT_OA,
                                           return_url=return_url, link_ticket=link_ticket, scope=scope)
    settings = rt.settings
    query = urlencode({"appid": settings.wechat_oa_app_id,
                       "redirect_uri": settings.public_base_url.rstrip("/") + OA_CALLBACK_PATH,
                       "response_type": "code", "scope": scope, "state": state})
    return f"{settings.wechat_open_base_url.rstrip('/')}/connect/oauth2/authorize?{query}#wechat_redirect", nonce


async def oa_callback(*, rt: Runtime, code: str | None, state: str, nonce: str | None,
                      returning_to: str | None) -> login_flows.CallbackOutcome:
    """Finish an OA H5 login or link; the URL to send the browser back to."""

    async def prove(flow: login_flows.BrowserFlow) -> Claim:
        if not code:
            # WeChat's answer to a user who refuses snsapi_userinfo: the state without a code.
            raise WeChatDenied()
        grant = await client.oauth_exchange(rt, code)
        profile: dict[str, Any] = {}
        display_name = ""
        if flow.scope == "snsapi_userinfo":
            info = await client.oauth_userinfo(rt, grant)
            display_name = str(info.get("nickname") or "")
            profile = {"nickname": display_name, "headimgurl": info.get("headimgurl", "")}
        return Claim(provider=IdentityProvider.WECHAT_OA, subject=grant.openid,
                     app_id=rt.settings.wechat_oa_app_id, unionid=grant.unionid, profile=profile,
                     display_name=display_name)

    return await login_flows.finish_callback(rt=rt, provider=IdentityProvider.WECHAT_OA, state=state,
                                             nonce=nonce, returning_to=returning_to, prove=prove)
