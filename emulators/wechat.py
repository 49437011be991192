"""A local WeChat API emulator: the endpoints 海淀通 calls, on the real paths and wire format.

Start it with ``python -m app emulators`` (port 9001). Besides the WeChat endpoints it has
``/_emulator/...`` controls to mint login/phone codes for test users, build encrypted payloads,
grant subscribe-message quota, read back received messages, move the clock and inject faults;
docs/identity.md lists them.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import html
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlencode

import orjson
from pydantic import BaseModel, Field, ValidationError
from sanic import Request, Sanic
from sanic.response import HTTPResponse, json, redirect
from wechatpy.crypto import WeChatCrypto

from app.http import UpstreamError, UpstreamHTTP
from config import Settings
from emulators.common import (
    ControlError,
    FaultPlan,
    emulator_page,
    install_controls,
    new_emulator_app,
    parse_control,
)
from emulators.wechat_mass_send import MassSendBook, install_mass_send
from emulators.wechat_oa_admin import install_oa_admin
from emulators.wechat_oa_subscribe import install_oa_subscribe, subscribe_event
from emulators.wechat_publishing import install_publishing
from emulators.wechat_state import (
    CallbackTarget,
    EmulatedApp,
    EmulatorOptions,
    TestUser,
    WeChatEmulatorState,
    WeChatError,
    encrypt_for_miniprogram,
)

Handler = Callable[..., Awaitable[HTTPResponse]]
OA_CALLBACK_PATH = "/api/v1/wechat/oa/callback"
MP_CALLBACK_PATH = "/api/v1/wechat/miniprogram/callback"
# WeChat posts a broadcast's reports alongside its sends; at 10 at once they trailed the sends
# under load by up to a minute (bench/RESULTS.md, "Push", the correction of 2026-12-06).
EVENTS_IN_FLIGHT = 64


def state_from_settings(settings: Settings, options: EmulatorOptions | None = None) -> WeChatEmulatorState:
    """Emulate the mini-program and OA configured in ``settings``: its secrets, its templates,
    and its OA server URL (the service's callback) for events."""
    apps = [EmulatedApp(settings.wechat_miniprogram_app_id, settings.wechat_miniprogram_app_secret,
                        "miniprogram"),
            EmulatedApp(settings.wechat_oa_app_id, settings.wechat_oa_app_secret, "oa")]
    state = WeChatEmulatorState({a.app_id: a for a in apps}, options or EmulatorOptions())
    for spec in settings.push_templates.values():
        keys = frozenset(dict(spec.get("fields", {})))  # type: ignore[call-overload]
        for id_field in ("oa_template_id", "mp_template_id", "oa_subscribe_template_id"):
            if spec.get(id_field):
                state.templates[str(spec[id_field])] = keys
        for id_field, term_field in (("mp_template_id", "mp_subscription"),
                                     ("oa_subscribe_template_id", "oa_subscription")):
            if spec.get(term_field) == "long_term" and spec.get(id_field):
                state.long_term_templates.add(str(spec[id_field]))
    state.mp_callback = (settings.public_base_url.rstrip("/") + MP_CALLBACK_PATH, settings.mp_callback_token)
    state.default_callback = state.callback = CallbackTarget(
        settings.public_base_url.rstrip("/") + OA_CALLBACK_PATH, settings.oa_callback_token,
        settings.oa_encoding_aes_key)
    return state


def signed_event(target: CallbackTarget, app_id: str, openid: str, fields: dict[str, str],
                 now: float, nested: str = "") -> tuple[dict[str, str], str]:
    """The query and XML body WeChat POSTs for an OA event: signed, and encrypted in safe mode.
    ``nested`` is XML added as is (the 订阅通知 events' ``<List>`` blocks)."""
    timestamp, nonce = str(int(now)), secrets.token_hex(8)
    inner = "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in fields.items()) + nested
    xml = (f"<xml><ToUserName><![CDATA[gh_emulator]]></ToUserName>"
           f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{timestamp}</CreateTime>"
           f"<MsgType><![CDATA[event]]></MsgType>{inner}</xml>")
    params = {"signature": check_signature_value(target.token, timestamp, nonce),
              "timestamp": timestamp, "nonce": nonce, "openid": openid}
    if target.mode == "plain":
        return params, xml
    sealed = WeChatCrypto(target.token, target.encoding_aes_key, app_id).encrypt_message(
        xml, nonce, timestamp)
    msg_signature = re.search(r"<MsgSignature><!\[CDATA\[(.*?)\]\]>", sealed)
    params.update(encrypt_type="aes", msg_signature=msg_signature.group(1) if msg_signature else "")
    return params, sealed


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
    app_id = state.default_app("oa")
    params, body = signed_event(target, app_id, openid, fields, state.clock.now(), nested)
    try:
        async with events.slots:
            response = await events.http.request("POST", target.url, params=params, content=body.encode(),
                                                 headers={"content-type": "text/xml"}, timeout=5)
    except UpstreamError:
        return None  # WeChat gives up silently too (after its own retries)
    return response.status


async def post_mp_event(state: WeChatEmulatorState, events: EventClient, openid: str, inner: str) -> int | None:
    """POST a mini-program message-push event (plain mode, signed) as WeChat does; the HTTP status."""
    if state.mp_callback is None:
        return None
    url, token = state.mp_callback
    timestamp, nonce = str(int(state.clock.now())), secrets.token_hex(8)
    signature = hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()
    xml = (f"<xml><ToUserName><![CDATA[gh_emulator_mp]]></ToUserName>"
           f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{timestamp}</CreateTime>"
           f"<MsgType><![CDATA[event]]></MsgType>{inner}</xml>")
    try:
        async with events.slots:
            response = await events.http.request(
                "POST", url, params={"signature": signature, "timestamp": timestamp, "nonce": nonce},
                content=xml.encode(), headers={"content-type": "text/xml"}, timeout=5)
    except UpstreamError:
        return None
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


def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = orjson.loads(request.body or b"{}")
    except orjson.JSONDecodeError as exc:
        raise WeChatError(47001) from exc
    if not isinstance(body, dict):
        raise WeChatError(47001)
    return body


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
    send_rate_per_second: int = Field(ge=1, le=1_000_000)
    # 0 makes a send's report race the sender's own record of it, as a fast WeChat can.
    job_finish_delay_seconds: float = Field(EmulatorOptions.job_finish_delay_seconds, ge=0, le=60)


class RiskRank(UserRef):
    risk_rank: int = Field(ge=0, le=4)


class SubscriptionGrant(UserRef):
    template_id: str = Field(min_length=1)
    count: int = Field(1, ge=1, le=1000)


def create_wechat_emulator(state: WeChatEmulatorState, *, name: str = "wechat_emulator") -> Sanic:
    """The emulator app over ``state``."""
    app = new_emulator_app(name)
    app.ctx.state = state
    pending_callbacks: set[asyncio.Task] = set()
    oa_admin = install_oa_admin(app, state)  # menu, tags, scene QR codes: wechat_oa_admin.py
    mass_sends = app.ctx.mass_sends = MassSendBook()

    def reset() -> None:
        state.reset()
        oa_admin.reset()
        mass_sends.clear()

    install_controls(app, clock=state.clock, faults=FaultPlan(), reset=reset)
    install_publishing(app, state, wechat_api)

    @app.before_server_start
    async def open_event_client(app: Sanic) -> None:
        # One client for every event posted: building one per event cost more than the send itself.
        app.ctx.events = EventClient(UpstreamHTTP())

    @app.after_server_stop
    async def close_event_client(app: Sanic) -> None:
        await app.ctx.events.http.close()

    def resolve(ref: UserRef, kind: Literal["miniprogram", "oa"]) -> tuple[str, TestUser]:
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
        return {"user": user.key, "nickname": user.nickname, "phone": user.phone,
                "openid": user.openid(app_id), "unionid": user.unionid, "appid": app_id}

    # --- WeChat endpoints -------------------------------------------------------------

    @app.get("/cgi-bin/token")
    @wechat_api
    async def token(request: Request) -> HTTPResponse:
        if request.args.get("grant_type") != "client_credential":
            raise WeChatError(40002)
        wx_app = state.check_app(request.args.get("appid"), request.args.get("secret"))
        value, expires_in = state.issue_access_token(wx_app.app_id, stable=False, force_refresh=True)
        return json({"access_token": value, "expires_in": expires_in})

    @app.post("/cgi-bin/stable_token")
    @wechat_api
    async def stable_token(request: Request) -> HTTPResponse:
        body = _json_body(request)
        if body.get("grant_type") != "client_credential":
            raise WeChatError(40002)
        wx_app = state.check_app(body.get("appid"), body.get("secret"))
        value, expires_in = state.issue_access_token(wx_app.app_id, stable=True,
                                                     force_refresh=bool(body.get("force_refresh")))
        return json({"access_token": value, "expires_in": expires_in})

    @app.get("/sns/jscode2session")
    @wechat_api
    async def jscode2session(request: Request) -> HTTPResponse:
        wx_app = state.check_app(request.args.get("appid"), request.args.get("secret"), "miniprogram")
        if request.args.get("grant_type") != "authorization_code":
            raise WeChatError(40002)
        issued = state.redeem_code(request.args.get("js_code"), "login", wx_app.app_id)
        user = state.users[issued.user_key]
        answer = {"openid": user.openid(wx_app.app_id),
                  "session_key": state.start_session(wx_app.app_id, user)}
        if user.unionid:
            answer["unionid"] = user.unionid
        return json(answer)

    @app.get("/sns/oauth2/access_token")
    @wechat_api
    async def oauth_access_token(request: Request) -> HTTPResponse:
        wx_app = state.check_app(request.args.get("appid"), request.args.get("secret"), "oa")
        if request.args.get("grant_type") != "authorization_code":
            raise WeChatError(40002)
        issued = state.redeem_code(request.args.get("code"), "oauth", wx_app.app_id)
        return json(_sns_answer(state, wx_app.app_id, issued.user_key, issued.scope))

    @app.get("/sns/oauth2/refresh_token")
    @wechat_api
    async def oauth_refresh_token(request: Request) -> HTTPResponse:
        if request.args.get("grant_type") != "refresh_token":
            raise WeChatError(40002)
        refresh = state.check_sns_token(state.sns_refresh_tokens, request.args.get("refresh_token"),
                                        invalid=40030, expired=42002)
        if refresh.app_id != request.args.get("appid"):
            raise WeChatError(40030)
        return json(_sns_answer(state, refresh.app_id, refresh.user_key, refresh.scope))

    @app.get("/sns/userinfo")
    @wechat_api
    async def userinfo(request: Request) -> HTTPResponse:
        sns = state.check_sns_token(state.sns_tokens, request.args.get("access_token"),
                                    invalid=40001, expired=42001)
        user = state.users[sns.user_key]
        if request.args.get("openid") != user.openid(sns.app_id):
            raise WeChatError(40003)
        if sns.scope != "snsapi_userinfo":
            raise WeChatError(48001)
        answer = {"openid": user.openid(sns.app_id), "nickname": user.nickname, "sex": 0,
                  "province": "", "city": "", "country": "", "headimgurl": user.avatar_url,
                  "privilege": []}
        if user.unionid:
            answer["unionid"] = user.unionid
        return json(answer)

    @app.post("/wxa/business/getuserphonenumber")
    @wechat_api
    async def getuserphonenumber(request: Request) -> HTTPResponse:
        wx_app = state.check_access_token(request.args.get("access_token"))
        code = _json_body(request).get("code")
        issued = state.redeem_code(code if isinstance(code, str) else None, "phone", wx_app.app_id)
        user = state.users[issued.user_key]
        return json({"errcode": 0, "errmsg": "ok",
                     "phone_info": _phone_info(user, wx_app.app_id, state.clock.now())})

    @app.post("/wxa/getuserriskrank")
    @wechat_api
    async def getuserriskrank(request: Request) -> HTTPResponse:
        """安全风控: the risk rank of a mini-program user (0-4), as set by the control below."""
        wx_app = state.check_access_token(request.args.get("access_token"))
        body = _json_body(request)
        if wx_app.kind != "miniprogram" or body.get("appid") != wx_app.app_id:
            raise WeChatError(40013)
        if not isinstance(body.get("scene"), int) or not body.get("client_ip"):
            raise WeChatError(47001)
        user = state.user_by_openid(wx_app.app_id, str(body.get("openid")))
        if user is None:
            raise WeChatError(40003)
        # "unoin_id" (sic) is WeChat's spelling: the id of this query.
        return json({"errcode": 0, "errmsg": "getuserriskrank succ", "risk_rank": user.risk_rank,
                     "unoin_id": secrets.randbelow(2**31)})

    def later(coroutine: Awaitable[int | None]) -> None:
        task = asyncio.create_task(coroutine)
        pending_callbacks.add(task)  # hold a reference until it is done
        task.add_done_callback(pending_callbacks.discard)

    async def send_message(request: Request, kind: str) -> HTTPResponse:
        wx_app = state.check_access_token(request.args.get("access_token"))
        if kind == "bizsend" and wx_app.kind != "oa":
            raise WeChatError(48001)
        body = _json_body(request)
        msgid, new = state.record_message(kind, wx_app, body)
        if kind == "bizsend" and state.callback is not None:
            # The 订阅通知's outcome comes later as subscribe_msg_sent_event, like a template's.
            openid = str(body["touser"])
            blocked = (wx_app.app_id, openid) in state.blocked
            fields, nested = subscribe_event("subscribe_msg_sent_event", "SubscribeMsgSentEvent", [{
                "TemplateId": str(body["template_id"]), "MsgID": str(msgid),
                "ErrorCode": "20001" if blocked else "0",
                "ErrorStatus": "failed:user block" if blocked else "success"}])
            later(post_oa_event(state, app.ctx.events, openid, fields, nested=nested,
                                delay=state.options.job_finish_delay_seconds))
        if kind == "template" and new and state.callback is not None:
            # WeChat reports the final outcome later, as an event POSTed to the OA's server.
            openid = str(body["touser"])
            outcome = "failed:user block" if (wx_app.app_id, openid) in state.blocked else "success"
            later(post_oa_event(
                state, app.ctx.events, openid,
                {"Event": "TEMPLATESENDJOBFINISH", "MsgID": str(msgid), "Status": outcome},
                delay=state.options.job_finish_delay_seconds))
        return json({"errcode": 0, "errmsg": "ok", "msgid": msgid})

    @app.post("/cgi-bin/message/template/send")
    @wechat_api
    async def template_send(request: Request) -> HTTPResponse:
        return await send_message(request, "template")

    @app.post("/cgi-bin/message/subscribe/send")
    @wechat_api
    async def subscribe_send(request: Request) -> HTTPResponse:
        return await send_message(request, "subscribe")

    @app.post("/cgi-bin/message/subscribe/bizsend")
    @wechat_api
    async def oa_subscribe_send(request: Request) -> HTTPResponse:
        return await send_message(request, "bizsend")

    @app.get("/connect/oauth2/authorize")
    async def oa_authorize(request: Request) -> HTTPResponse:
        # In WeChat this page is silent (snsapi_base) or asks the signed-in user to agree
        # (snsapi_userinfo); here the developer picks which test user is "signed in".
        args = {k: request.args.get(k) or "" for k in ("appid", "redirect_uri", "scope", "state")}
        wx_app = state.apps.get(args["appid"])
        if wx_app is None or wx_app.kind != "oa":
            return emulator_page("appid 参数错误", "", status=400)
        if not args["redirect_uri"] or args["scope"] not in ("snsapi_base", "snsapi_userinfo"):
            return emulator_page("redirect_uri 或 scope 参数错误", "", status=400)
        back = args["redirect_uri"] + ("&" if "?" in args["redirect_uri"] else "?")
        if request.args.get("emulator_deny") and args["scope"] == "snsapi_userinfo":
            # WeChat's answer when the user refuses: back to redirect_uri with the state, no code.
            return redirect(back + urlencode({"state": args["state"]}))
        chosen = request.args.get("emulator_user")
        if chosen:
            try:
                ref = UserRef(user=chosen, nickname=request.args.get("emulator_nickname") or None,
                              phone=request.args.get("emulator_phone") or None)
            except ValidationError:
                return emulator_page("测试用户有误", "<p>用户名 1-64 个字符，手机号 11 位数字</p>", status=400)
            user = state.user(chosen, nickname=ref.nickname, phone=ref.phone)
            code = state.mint_code("oauth", wx_app.app_id, user, args["scope"])
            return redirect(back + urlencode({"code": code, "state": args["state"]}))
        rows = "".join(
            f'<li><a class=choice href="?{html.escape(urlencode({**args, "emulator_user": u.key}))}">'
            f"{html.escape(u.nickname)}（{html.escape(u.key)}）</a></li>"
            for u in state.users.values())
        hidden = "".join(f'<input type=hidden name="{k}" value="{html.escape(v)}">' for k, v in args.items())
        new = ("<h2>新建测试用户并授权</h2><form>" + hidden
               + '<label>用户名（英文）<input name=emulator_user required maxlength=64 '
                 'pattern="[A-Za-z0-9_.\\-]+" placeholder="zhaoliu"></label>'
                 '<label>昵称<input name=emulator_nickname maxlength=64 placeholder="赵六"></label>'
                 '<label>手机号（可不填）<input name=emulator_phone pattern="1\\d{10}" inputmode=numeric>'
                 "</label><button>新建并授权</button></form>")
        deny = ""
        if args["scope"] == "snsapi_userinfo":
            deny = (f'<h2>不同意</h2><a class="choice deny" '
                    f'href="?{html.escape(urlencode({**args, "emulator_deny": 1}))}">拒绝</a>')
        return emulator_page("微信授权（模拟）",
                             f"<p>以哪个微信用户身份授权？</p><ul>{rows}</ul>{new}{deny}")

    async def post_account_event(app_id: str, fields: dict[str, str]) -> int | None:
        # Account-wide events (MASSSENDJOBFINISH) come from the account itself, not a follower.
        return await post_oa_event(state, app.ctx.events, app_id, fields)

    install_mass_send(app, state, mass_sends, post_account_event, wechat_api, _json_body,
                      tag_members=lambda tag_id: sorted(openid for openid, tags in oa_admin.follower_tags.items()
                                                        if tag_id in tags))

    # --- controls ---------------------------------------------------------------------

    @app.get("/_emulator/users")
    async def list_users(request: Request) -> HTTPResponse:
        return json({"users": [{**describe(a.app_id, u), "kind": a.kind}
                               for u in state.users.values() for a in state.apps.values()]},
                    ensure_ascii=False)

    def mint(request: Request, kind: Literal["login", "phone"]) -> HTTPResponse:
        app_id, user = resolve(parse_control(UserRef, request), "miniprogram")
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
        app_id, user = resolve(ref, "miniprogram")
        session = state.session_keys.get((app_id, user.key))
        if session is None:
            raise ControlError(409, "this user has no session yet: log in with a code first")
        session_key = session[0]
        now, watermark_appid = state.clock.now(), ref.watermark_appid or app_id
        if ref.kind == "phone":
            payload = _phone_info(user, watermark_appid, now)
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
        app_id, user = resolve(ranked, "miniprogram")
        user.risk_rank = ranked.risk_rank
        return json({**describe(app_id, user), "risk_rank": user.risk_rank}, ensure_ascii=False)

    @app.post("/_emulator/miniprogram/subscriptions")
    async def grant_subscription(request: Request) -> HTTPResponse:
        grant = parse_control(SubscriptionGrant, request)
        app_id, user = resolve(grant, "miniprogram")
        key = (app_id, user.openid(app_id), grant.template_id)
        state.subscriptions[key] = state.subscriptions.get(key, 0) + grant.count
        return json({"openid": key[1], "template_id": key[2], "remaining": state.subscriptions[key]})

    @app.post("/_emulator/miniprogram/subscriptions/withdraw")
    async def withdraw_subscription(request: Request) -> HTTPResponse:
        """The user turns the template off in the mini-program's settings: WeChat pushes
        ``subscribe_msg_change_event`` to the mini-program's message server."""
        grant = parse_control(SubscriptionGrant, request)
        app_id, user = resolve(grant, "miniprogram")
        openid = user.openid(app_id)
        state.subscriptions.pop((app_id, openid, grant.template_id), None)
        fields, nested = subscribe_event("subscribe_msg_change_event", "SubscribeMsgChangeEvent", [
            {"TemplateId": grant.template_id, "SubscribeStatusString": "reject"}])
        status = await post_mp_event(state, app.ctx.events, openid,
                                     f"<Event><![CDATA[{fields['Event']}]]></Event>{nested}")
        return json({"openid": openid, "template_id": grant.template_id, "callback_status": status})

    async def post_subscribe_event(openid: str, fields: dict[str, str], nested: str) -> int | None:
        return await post_oa_event(state, app.ctx.events, openid, fields, nested=nested)

    install_oa_subscribe(app, state, lambda key: resolve(UserRef(user=key), "oa"), post_subscribe_event)

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
        app_id, user = resolve(parse_control(UserRef, request), "oa")
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
        app_id, user = resolve(parse_control(UserRef, request), "oa")
        state.blocked.add((app_id, user.openid(app_id)))
        return json(describe(app_id, user), ensure_ascii=False)

    @app.post("/_emulator/limits")
    async def set_limits(request: Request) -> HTTPResponse:
        limits = parse_control(Limits, request)
        state.options.send_rate_per_second = limits.send_rate_per_second
        state.options.job_finish_delay_seconds = limits.job_finish_delay_seconds
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

    return app


def _sns_answer(state: WeChatEmulatorState, app_id: str, user_key: str, scope: str) -> dict[str, Any]:
    user = state.users[user_key]
    access, refresh = state.issue_sns_tokens(app_id, user_key, scope)
    answer = {"access_token": access, "expires_in": state.options.access_token_ttl_seconds,
              "refresh_token": refresh, "openid": user.openid(app_id), "scope": scope,
              "is_snapshotuser": 0}
    if user.unionid and scope == "snsapi_userinfo":
        answer["unionid"] = user.unionid
    return answer


def _phone_info(user: TestUser, app_id: str, now: float) -> dict[str, Any]:
    return {"phoneNumber": user.phone, "purePhoneNumber": user.phone, "countryCode": "86",
            "watermark": {"timestamp": int(now), "appid": app_id}}
