"""A local WeChat API emulator: the endpoints 海淀通 calls, on the real paths and wire format.

Start it with ``python -m app emulators`` (port 9001). Besides the WeChat endpoints it has
``/_emulator/...`` controls to mint login/phone codes for test users, build encrypted payloads,
grant subscribe-message quota, read back received messages, move the clock and inject faults
(emulators/wechat_controls.py; docs/identity.md lists them).
"""

from __future__ import annotations

import asyncio
import html
import secrets
from collections.abc import Awaitable
from typing import Any
from urllib.parse import urlencode

from pydantic import ValidationError
from sanic import Request, Sanic
from sanic.response import HTTPResponse, json, redirect

from app.http import UpstreamHTTP
from config import Settings
from emulators.common import FaultPlan, emulator_page, install_controls, new_emulator_app
from emulators.wechat_controls import UserRef, install_wechat_controls
from emulators.wechat_mass_send import MassSendBook, install_mass_send
from emulators.wechat_oa_admin import install_oa_admin
from emulators.wechat_oa_subscribe import subscribe_event
from emulators.wechat_publishing import install_publishing
from emulators.wechat_state import (
    CallbackTarget,
    EmulatedApp,
    EmulatorOptions,
    WeChatEmulatorState,
    WeChatError,
    phone_info,
)
from emulators.wechat_wire import EventClient, json_body, post_oa_event, wechat_api

OA_CALLBACK_PATH = "/api/v1/wechat/oa/callback"
MP_CALLBACK_PATH = "/api/v1/wechat/miniprogram/callback"

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

    @app.before_server_start
    async def open_event_client(app: Sanic) -> None:
        # One client for every event posted: building one per event cost more than the send itself.
        app.ctx.events = EventClient(UpstreamHTTP())

    @app.after_server_stop
    async def close_event_client(app: Sanic) -> None:
        await app.ctx.events.http.close()

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
        body = json_body(request)
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
        code = json_body(request).get("code")
        issued = state.redeem_code(code if isinstance(code, str) else None, "phone", wx_app.app_id)
        user = state.users[issued.user_key]
        return json({"errcode": 0, "errmsg": "ok",
                     "phone_info": phone_info(user, wx_app.app_id, state.clock.now())})

    @app.post("/wxa/getuserriskrank")
    @wechat_api
    async def getuserriskrank(request: Request) -> HTTPResponse:
        """安全风控: the risk rank of a mini-program user (0-4), as set by the control below."""
        wx_app = state.check_access_token(request.args.get("access_token"))
        body = json_body(request)
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
        body = json_body(request)
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

    async def post_account_event(app_id: str, fields: dict[str, str], nested: str = "") -> int | None:
        # Account-wide events (MASSSENDJOBFINISH, PUBLISHJOBFINISH) come from the account itself,
        # not a follower.
        return await post_oa_event(state, app.ctx.events, app_id, fields, nested=nested)

    install_publishing(app, state, post_account_event)

    install_mass_send(app, state, mass_sends, post_account_event,
                      tag_members=lambda tag_id: sorted(openid for openid, tags in oa_admin.follower_tags.items()
                                                        if tag_id in tags))
    install_wechat_controls(app, state)

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
