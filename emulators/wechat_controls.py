"""The WeChat emulator's ``/_emulator/...`` controls: what a developer or a test does in place of
a person in WeChat (mint login and phone codes, follow, subscribe, withdraw, block) and what they
read back (users, messages, counts); docs/identity.md lists them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field
from sanic import Request, Sanic
from sanic.response import HTTPResponse, json

from emulators.common import ControlError, parse_control
from emulators.wechat_oa_subscribe import install_oa_subscribe, subscribe_event
from emulators.wechat_state import (
    CallbackTarget,
    EmulatorOptions,
    TestUser,
    WeChatEmulatorState,
    encrypt_for_miniprogram,
    phone_info,
)
from emulators.wechat_wire import post_mp_event, post_oa_event


class UserRef(BaseModel):
    """Names a test user by key (created on first use) or by an openid it already has."""

    user: str | None = Field(None, min_length=1, max_length=64)
    openid: str | None = None
    appid: str | None = None
    nickname: str | None = None
    phone: str | None = Field(None, pattern=r"^1\d{10}$")
    with_unionid: bool | None = None


class EncryptedDataRequest(UserRef):
    kind: Literal["phone", "userinfo"] = "phone"
    watermark_appid: str | None = Field(None, description="sign for another app (to test the check)")


class CallbackConfig(BaseModel):
    url: str = Field(pattern=r"^https?://")
    token: str = Field(min_length=3, max_length=32)
    encoding_aes_key: str = Field(min_length=43, max_length=43)
    mode: Literal["plain", "safe"] = "safe"


class ManyUsers(BaseModel):
    users: list[str] = Field(min_length=1, max_length=100_000)


class Limits(BaseModel):
    send_rate_per_second: int = Field(EmulatorOptions.send_rate_per_second, ge=1, le=1_000_000)
    # 0 makes a send's report race the sender's own record of it, as a fast WeChat can.
    job_finish_delay_seconds: float = Field(EmulatorOptions.job_finish_delay_seconds, ge=0, le=60)
    publish_delay_seconds: float = Field(EmulatorOptions.publish_delay_seconds, ge=0, le=3600)


class RiskRank(UserRef):
    risk_rank: int = Field(ge=0, le=4)


class SubscriptionGrant(UserRef):
    template_id: str = Field(min_length=1)
    count: int = Field(1, ge=1, le=1000)


def resolve(state: WeChatEmulatorState, ref: UserRef, kind: Literal["miniprogram", "oa"]) -> tuple[str, TestUser]:
    """The app and test user a control request names (a new user key creates the user)."""
    app_id = ref.appid or state.default_app(kind)
    if app_id not in state.apps:
        raise ControlError(404, f"unknown appid {app_id}")
    key = ref.user
    if ref.openid:
        found = state.user_by_openid(app_id, ref.openid)
        if found is None:
            raise ControlError(404, f"no test user has openid {ref.openid} in {app_id}")
        key = found.key
    if not key:
        raise ControlError(400, "give user (a test user key) or openid")
    return app_id, state.user(key, nickname=ref.nickname, phone=ref.phone,
                              with_unionid=ref.with_unionid)


def describe(app_id: str, user: TestUser) -> dict[str, Any]:
    """A test user as the controls answer it, with its ids in ``app_id``."""
    return {"user": user.key, "nickname": user.nickname, "phone": user.phone,
            "openid": user.openid(app_id), "unionid": user.unionid, "appid": app_id}


def install_wechat_controls(app: Sanic, state: WeChatEmulatorState) -> None:
    """Add the controls to the WeChat emulator ``app``."""

    @app.get("/_emulator/users")
    async def list_users(request: Request) -> HTTPResponse:
        return json({"users": [{**describe(a.app_id, u), "kind": a.kind}
                               for u in state.users.values() for a in state.apps.values()]},
                    ensure_ascii=False)

    def mint(request: Request, kind: Literal["login", "phone"]) -> HTTPResponse:
        app_id, user = resolve(state, parse_control(UserRef, request), "miniprogram")
        return json({"code": state.mint_code(kind, app_id, user),
                     "expires_in": state.options.code_ttl_seconds, **describe(app_id, user)},
                    ensure_ascii=False)

    @app.post("/_emulator/miniprogram/login-code")
    async def mint_login_code(request: Request) -> HTTPResponse:
        return mint(request, "login")

    @app.post("/_emulator/miniprogram/phone-code")
    async def mint_phone_code(request: Request) -> HTTPResponse:
        return mint(request, "phone")

    @app.post("/_emulator/miniprogram/encrypted-data")
    async def encrypted_data(request: Request) -> HTTPResponse:
        ref = parse_control(EncryptedDataRequest, request)
        app_id, user = resolve(state, ref, "miniprogram")
        session = state.session_keys.get((app_id, user.key))
        if session is None:
            raise ControlError(409, "this user has no session yet: log in with a code first")
        session_key = session[0]
        now, watermark_appid = state.clock.now(), ref.watermark_appid or app_id
        if ref.kind == "phone":
            payload = phone_info(user, watermark_appid, now)
        else:
            payload = {"openId": user.openid(app_id), "nickName": user.nickname, "gender": 0,
                       "city": "", "province": "", "country": "", "avatarUrl": user.avatar_url,
                       "watermark": {"timestamp": int(now), "appid": watermark_appid}}
            if user.unionid:
                payload["unionId"] = user.unionid
        return json(encrypt_for_miniprogram(session_key, payload))

    @app.post("/_emulator/miniprogram/risk-rank")
    async def set_risk_rank(request: Request) -> HTTPResponse:
        ranked = parse_control(RiskRank, request)
        app_id, user = resolve(state, ranked, "miniprogram")
        user.risk_rank = ranked.risk_rank
        return json({**describe(app_id, user), "risk_rank": user.risk_rank}, ensure_ascii=False)

    @app.post("/_emulator/miniprogram/subscriptions")
    async def grant_subscription(request: Request) -> HTTPResponse:
        grant = parse_control(SubscriptionGrant, request)
        app_id, user = resolve(state, grant, "miniprogram")
        key = (app_id, user.openid(app_id), grant.template_id)
        state.subscriptions[key] = state.subscriptions.get(key, 0) + grant.count
        return json({"openid": key[1], "template_id": key[2], "remaining": state.subscriptions[key]})

    @app.post("/_emulator/miniprogram/subscriptions/withdraw")
    async def withdraw_subscription(request: Request) -> HTTPResponse:
        """The user turns the template off in the mini-program's settings: WeChat pushes
        ``subscribe_msg_change_event`` to the mini-program's message server."""
        grant = parse_control(SubscriptionGrant, request)
        app_id, user = resolve(state, grant, "miniprogram")
        openid = user.openid(app_id)
        state.subscriptions.pop((app_id, openid, grant.template_id), None)
        fields, nested = subscribe_event("subscribe_msg_change_event", "SubscribeMsgChangeEvent", [
            {"TemplateId": grant.template_id, "SubscribeStatusString": "reject"}])
        status = await post_mp_event(state, app.ctx.events, openid,
                                     f"<Event><![CDATA[{fields['Event']}]]></Event>{nested}")
        return json({"openid": openid, "template_id": grant.template_id, "callback_status": status})

    async def post_subscribe_event(openid: str, fields: dict[str, str], nested: str) -> int | None:
        return await post_oa_event(state, app.ctx.events, openid, fields, nested=nested)

    install_oa_subscribe(app, state, lambda key: resolve(state, UserRef(user=key), "oa"), post_subscribe_event)

    @app.post("/_emulator/oa/callback")
    async def configure_callback(request: Request) -> HTTPResponse:
        target = parse_control(CallbackConfig, request)
        state.callback = CallbackTarget(target.url, target.token, target.encoding_aes_key, target.mode)
        return json(target.model_dump())

    @app.delete("/_emulator/oa/callback")
    async def stop_callbacks(request: Request) -> HTTPResponse:
        """No events posted until a callback is configured again (a bench's sends that are not ours)."""
        state.callback = None
        return json({"callback": None})

    async def follow_change(request: Request, follow: bool) -> HTTPResponse:
        app_id, user = resolve(state, parse_control(UserRef, request), "oa")
        openid = user.openid(app_id)
        (state.followers.add if follow else state.followers.discard)((app_id, openid))
        status = None
        if state.callback is not None:
            status = await post_oa_event(state, app.ctx.events, openid,
                                         {"Event": "subscribe" if follow else "unsubscribe"})
        return json({**describe(app_id, user), "following": follow, "callback_status": status},
                    ensure_ascii=False)

    @app.post("/_emulator/oa/follow")
    async def follow(request: Request) -> HTTPResponse:
        return await follow_change(request, True)

    @app.post("/_emulator/oa/unfollow")
    async def unfollow(request: Request) -> HTTPResponse:
        return await follow_change(request, False)

    @app.post("/_emulator/oa/follow-many")
    async def follow_many(request: Request) -> HTTPResponse:
        # For load tests: no subscribe events are posted, the caller records the followers itself.
        app_id = state.default_app("oa")
        for key in parse_control(ManyUsers, request).users:
            state.followers.add((app_id, state.user(key).openid(app_id)))
        return json({"appid": app_id, "following": len(state.followers)})

    @app.post("/_emulator/oa/block")
    async def block(request: Request) -> HTTPResponse:
        app_id, user = resolve(state, parse_control(UserRef, request), "oa")
        state.blocked.add((app_id, user.openid(app_id)))
        return json(describe(app_id, user), ensure_ascii=False)

    @app.post("/_emulator/limits")
    async def set_limits(request: Request) -> HTTPResponse:
        limits = parse_control(Limits, request)
        state.options.send_rate_per_second = limits.send_rate_per_second
        state.options.job_finish_delay_seconds = limits.job_finish_delay_seconds
        state.options.publish_delay_seconds = limits.publish_delay_seconds
        return json(limits.model_dump())

    @app.get("/_emulator/stats")
    async def stats(request: Request) -> HTTPResponse:
        return json({"token_requests": state.token_requests, "messages": len(state.messages)})

    @app.get("/_emulator/messages")
    async def list_messages(request: Request) -> HTTPResponse:
        wanted = {k: request.args.get(k) for k in ("kind", "touser", "template_id", "appid")
                  if request.args.get(k)}
        found = [m for m in state.messages if all(m.get(k) == v for k, v in wanted.items())]
        return json({"messages": found}, ensure_ascii=False)

    @app.delete("/_emulator/messages")
    async def clear_messages(request: Request) -> HTTPResponse:
        state.messages.clear()
        return json({"messages": []})
