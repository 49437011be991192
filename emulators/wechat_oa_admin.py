"""The WeChat emulator's OA management APIs: custom menu, follower tags, scene QR codes.

Registered by ``emulators.wechat.create_wechat_emulator``. Wire formats, limits and errcodes
follow WeChat's documentation (menu/create: 1–3 buttons of ≤16 bytes, 1–5 sub-buttons of ≤60
bytes, keys ≤128 bytes, URLs ≤1024 bytes; tags: names ≤30 characters, ≤50 openids per call,
≤20 tags per follower; qrcode/create: temporary codes 60 s to 30 days, scene strings 1–64
characters). The control ``POST /_emulator/oa/scan`` has a test user scan a code: WeChat then
pushes ``subscribe`` (EventKey ``qrscene_<scene>``) to a new follower, ``SCAN`` to a follower.
"""

from __future__ import annotations

import io
import itertools
import secrets
from dataclasses import dataclass, field
from typing import Any

import qrcode
from pydantic import BaseModel, Field
from sanic import Request, Sanic
from sanic.response import HTTPResponse, json, raw

from emulators.common import ControlError, parse_control
from emulators.wechat_state import ERRMSG, EmulatedApp, WeChatEmulatorState, WeChatError
from emulators.wechat_wire import json_body, post_oa_event, wechat_api

ERRMSG.update({
    40016: "invalid button size",
    40017: "invalid button type",
    40018: "invalid button name size",
    40019: "invalid button key size",
    40023: "invalid sub button size",
    40025: "invalid sub button name size",
    40032: "invalid openid list size",
    40053: "invalid action info",
    45056: "too many tags",
    45157: "invalid tag name, tag name already exists",
    45158: "tag name too long",
    45159: "invalid tag id",
    45059: "user tag count exceeds limit",
    46003: "menu no exist",
    65302: "there is no such menuid",
    65303: "there is no selfmenu, please create selfmenu first",
    65304: "match rule empty",
})
MAX_TEMPORARY_SECONDS = 30 * 24 * 3600
TOP_NAME_BYTES, SUB_NAME_BYTES, KEY_BYTES, URL_BYTES = 16, 60, 128, 1024
BUTTON_TYPES = {"click", "view", "miniprogram", "scancode_push", "scancode_waitmsg",
                "pic_sysphoto", "pic_photo_or_album", "pic_weixin", "location_select",
                "media_id", "article_id", "article_view_limited"}


@dataclass
class SceneCode:
    scene: str
    url: str
    expires_at: float | None  # None: permanent


@dataclass
class OAAdminState:
    """What the account set up at WeChat: menus, tags, follower tags, scene codes."""

    menu: list[dict[str, Any]] | None = None
    conditional: dict[str, dict[str, Any]] = field(default_factory=dict)  # menuid -> menu
    tags: dict[int, str] = field(default_factory=dict)
    follower_tags: dict[str, set[int]] = field(default_factory=dict)
    codes: dict[str, SceneCode] = field(default_factory=dict)  # ticket -> code
    ids: itertools.count = field(default_factory=lambda: itertools.count(100))

    def reset(self) -> None:
        self.menu = None
        for store in (self.conditional, self.tags, self.follower_tags, self.codes):
            store.clear()
        self.ids = itertools.count(100)


def _size(text: Any) -> int:
    return len(str(text).encode())


def check_menu(buttons: Any) -> None:
    """WeChat's menu checks, with its errcodes."""
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
        raise WeChatError(40016)
    for top in buttons:
        if not isinstance(top, dict) or not 0 < _size(top.get("name", "")) <= TOP_NAME_BYTES:
            raise WeChatError(40018)
        subs = top.get("sub_button")
        if subs:
            if not isinstance(subs, list) or len(subs) > 5:
                raise WeChatError(40023)
            for sub in subs:
                if not isinstance(sub, dict) or not 0 < _size(sub.get("name", "")) <= SUB_NAME_BYTES:
                    raise WeChatError(40025)
                _check_action(sub)
        else:
            _check_action(top)


def _check_action(button: dict[str, Any]) -> None:
    kind = button.get("type")
    if kind not in BUTTON_TYPES:
        raise WeChatError(40017)
    if kind == "click" and not 0 < _size(button.get("key", "")) <= KEY_BYTES:
        raise WeChatError(40019)
    if kind in ("view", "miniprogram") and not 0 < _size(button.get("url", "")) <= URL_BYTES:
        raise WeChatError(47001)
    if kind == "miniprogram" and not (button.get("appid") and button.get("pagepath")):
        raise WeChatError(47001)


class ScanRequest(BaseModel):
    user: str = Field(min_length=1, max_length=64)
    ticket: str = Field(min_length=1)


def install_oa_admin(app: Sanic, state: WeChatEmulatorState) -> OAAdminState:
    """Register the OA management endpoints on the emulator ``app``; returns their state."""
    admin = OAAdminState()

    def caller(request: Request) -> tuple[EmulatedApp, dict[str, Any]]:
        wx_app = state.check_access_token(request.args.get("access_token"))
        if wx_app.kind != "oa":
            raise WeChatError(48001)
        return wx_app, json_body(request) if request.method == "POST" else {}

    @app.post("/cgi-bin/menu/create")
    @wechat_api
    async def menu_create(request: Request) -> HTTPResponse:
        _, body = caller(request)
        check_menu(body.get("button"))
        admin.menu = body["button"]
        return json({"errcode": 0, "errmsg": "ok"})

    @app.get("/cgi-bin/menu/get")
    @wechat_api
    async def menu_get(request: Request) -> HTTPResponse:
        caller(request)
        if admin.menu is None:
            raise WeChatError(46003)
        return json({"menu": {"button": admin.menu},
                     "conditionalmenu": [{**menu, "menuid": menuid}
                                         for menuid, menu in admin.conditional.items()]},
                    ensure_ascii=False)

    @app.get("/cgi-bin/menu/delete")
    @wechat_api
    async def menu_delete(request: Request) -> HTTPResponse:
        caller(request)
        admin.menu = None
        admin.conditional.clear()  # deleting the default menu deletes the conditional ones
        return json({"errcode": 0, "errmsg": "ok"})

    @app.post("/cgi-bin/menu/addconditional")
    @wechat_api
    async def menu_add_conditional(request: Request) -> HTTPResponse:
        _, body = caller(request)
        if admin.menu is None:
            raise WeChatError(65303)
        rule = body.get("matchrule")
        if not isinstance(rule, dict) or not rule:
            raise WeChatError(65304)
        tag = str(rule.get("tag_id", ""))
        if "tag_id" in rule and not (tag.isdigit() and int(tag) in admin.tags):
            raise WeChatError(45159)
        check_menu(body.get("button"))
        menuid = str(next(admin.ids) * 1000 + 1)
        admin.conditional[menuid] = {"button": body["button"], "matchrule": rule}
        return json({"menuid": menuid})

    @app.post("/cgi-bin/menu/delconditional")
    @wechat_api
    async def menu_del_conditional(request: Request) -> HTTPResponse:
        _, body = caller(request)
        if admin.conditional.pop(str(body.get("menuid")), None) is None:
            raise WeChatError(65302)
        return json({"errcode": 0, "errmsg": "ok"})

    @app.post("/cgi-bin/tags/create")
    @wechat_api
    async def tags_create(request: Request) -> HTTPResponse:
        _, body = caller(request)
        name = str((body.get("tag") or {}).get("name") or "")
        if not name or len(name) > 30:
            raise WeChatError(45158)
        if name in admin.tags.values():
            raise WeChatError(45157)
        if len(admin.tags) >= 100:
            raise WeChatError(45056)
        tag_id = next(admin.ids)
        admin.tags[tag_id] = name
        return json({"tag": {"id": tag_id, "name": name}}, ensure_ascii=False)

    @app.get("/cgi-bin/tags/get")
    @wechat_api
    async def tags_get(request: Request) -> HTTPResponse:
        caller(request)
        counts = {tag_id: sum(tag_id in tags for tags in admin.follower_tags.values())
                  for tag_id in admin.tags}
        return json({"tags": [{"id": i, "name": n, "count": counts[i]} for i, n in admin.tags.items()]},
                    ensure_ascii=False)

    @app.post("/cgi-bin/tags/members/batchtagging")
    @wechat_api
    async def batch_tagging(request: Request) -> HTTPResponse:
        wx_app, body = caller(request)
        openids, tag_id = body.get("openid_list"), body.get("tagid")
        if not isinstance(openids, list) or not 1 <= len(openids) <= 50:
            raise WeChatError(40032)
        if tag_id not in admin.tags:
            raise WeChatError(45159)
        if any(state.user_by_openid(wx_app.app_id, str(o)) is None for o in openids):
            raise WeChatError(40003)
        for openid in openids:
            tags = admin.follower_tags.setdefault(str(openid), set())
            if tag_id not in tags and len(tags) >= 20:
                raise WeChatError(45059)
            tags.add(tag_id)
        return json({"errcode": 0, "errmsg": "ok"})

    @app.post("/cgi-bin/tags/getidlist")
    @wechat_api
    async def tags_of_follower(request: Request) -> HTTPResponse:
        _, body = caller(request)
        return json({"tagid_list": sorted(admin.follower_tags.get(str(body.get("openid")), set()))})

    @app.post("/cgi-bin/qrcode/create")
    @wechat_api
    async def qrcode_create(request: Request) -> HTTPResponse:
        _, body = caller(request)
        action, scene = body.get("action_name"), (body.get("action_info") or {}).get("scene") or {}
        if action in ("QR_STR_SCENE", "QR_LIMIT_STR_SCENE"):
            value = scene.get("scene_str")
            if not isinstance(value, str) or not 1 <= len(value) <= 64:
                raise WeChatError(40053)
        elif action in ("QR_SCENE", "QR_LIMIT_SCENE"):
            value = scene.get("scene_id")
            limit = 100_000 if action == "QR_LIMIT_SCENE" else 2**32 - 1
            if not isinstance(value, int) or not 1 <= value <= limit:
                raise WeChatError(40053)
        else:
            raise WeChatError(40053)
        permanent = action.startswith("QR_LIMIT")
        expire = None if permanent else min(int(body.get("expire_seconds") or 60), MAX_TEMPORARY_SECONDS)
        ticket = "gQ" + secrets.token_urlsafe(40)
        url = f"http://weixin.qq.com/q/{secrets.token_urlsafe(16)}"
        admin.codes[ticket] = SceneCode(str(value), url,
                                        None if expire is None else state.clock.now() + expire)
        answer: dict[str, Any] = {"ticket": ticket, "url": url}
        if expire is not None:
            answer["expire_seconds"] = expire
        return json(answer)

    def live_code(ticket: str) -> SceneCode | None:
        code = admin.codes.get(ticket)
        if code is None or (code.expires_at is not None and code.expires_at <= state.clock.now()):
            return None
        return code

    @app.get("/cgi-bin/showqrcode")
    async def showqrcode(request: Request) -> HTTPResponse:
        code = live_code(request.args.get("ticket") or "")
        if code is None:  # WeChat answers an unknown or expired ticket with a bare 404
            return raw(b"", status=404)
        image = io.BytesIO()
        qrcode.make(code.url).save(image)
        return raw(image.getvalue(), content_type="image/jpeg")

    @app.post("/_emulator/oa/scan")
    async def scan(request: Request) -> HTTPResponse:
        wanted = parse_control(ScanRequest, request)
        code = live_code(wanted.ticket)
        if code is None:
            raise ControlError(410, "this QR code is unknown or expired: WeChat shows an error page")
        app_id = state.default_app("oa")
        openid = state.user(wanted.user).openid(app_id)
        new = (app_id, openid) not in state.followers
        state.followers.add((app_id, openid))
        fields = ({"Event": "subscribe", "EventKey": f"qrscene_{code.scene}", "Ticket": wanted.ticket}
                  if new else {"Event": "SCAN", "EventKey": code.scene, "Ticket": wanted.ticket})
        status = await post_oa_event(state, app.ctx.events, openid, fields)
        return json({"openid": openid, "event": fields["Event"], "callback_status": status})

    @app.get("/_emulator/oa/admin")
    async def admin_state(request: Request) -> HTTPResponse:
        return json({"menu": admin.menu, "conditional": admin.conditional,
                     "tags": {str(i): n for i, n in admin.tags.items()},
                     "follower_tags": {o: sorted(t) for o, t in admin.follower_tags.items()}},
                    ensure_ascii=False)

    return admin
