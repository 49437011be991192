"""The OA's own management APIs: custom menu, follower tags and scene QR codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from app.context import Runtime
from app.errors import AppError
from wechat import access_token
from wechat.api import WeChatAPIError, call
from wechat.client import call_with_token

TAG_EXISTS = 45157  # tags/create: a tag of that name exists
NO_SUCH_MENU = 65302  # menu/delconditional: "there is no such menuid"


class WeChatRefused(AppError):
    status, code, message = 502, "OA_WECHAT_REFUSED", "微信拒绝了该请求"


@dataclass(frozen=True)
class SceneTicket:
    ticket: str
    url: str
    expire_seconds: int | None


async def _post(rt: Runtime, path: str, body: dict[str, Any]) -> dict[str, Any]:
    settings = rt.settings
    try:
        return await call_with_token(rt, path, app_id=settings.wechat_oa_app_id,
                                     secret=settings.wechat_oa_app_secret, json_body=body)
    except WeChatAPIError as exc:
        raise WeChatRefused(details={"path": path, "errcode": exc.errcode,
                                     "errmsg": exc.errmsg}) from exc


async def create_menu(rt: Runtime, body: dict[str, Any]) -> None:
    """``menu/create``: replace the default menu."""
    await _post(rt, "/cgi-bin/menu/create", body)


async def add_conditional_menu(rt: Runtime, body: dict[str, Any]) -> str:
    """``menu/addconditional``: a menu for one tag's followers; returns its menuid."""
    return str((await _post(rt, "/cgi-bin/menu/addconditional", body))["menuid"])


async def delete_conditional_menu(rt: Runtime, menuid: str) -> None:
    """``menu/delconditional``; a menu WeChat no longer has counts as deleted, so a publish that
    failed after deleting it can be retried."""
    try:
        await _post(rt, "/cgi-bin/menu/delconditional", {"menuid": menuid})
    except WeChatRefused as exc:
        if exc.details["errcode"] != NO_SUCH_MENU:
            raise


async def ensure_tag(rt: Runtime, name: str) -> int:
    """The id of the follower tag ``name``, creating it at WeChat when it does not exist."""
    path = "/cgi-bin/tags/create"
    settings = rt.settings
    try:
        answer = await call_with_token(rt, path, app_id=settings.wechat_oa_app_id,
                                       secret=settings.wechat_oa_app_secret,
                                       json_body={"tag": {"name": name}})
        return int(answer["tag"]["id"])
    except WeChatAPIError as exc:
        if exc.errcode != TAG_EXISTS:
            raise WeChatRefused(details={"path": path, "errcode": exc.errcode}) from exc
    token = await access_token.get(rt, app_id=settings.wechat_oa_app_id,
                                   secret=settings.wechat_oa_app_secret)
    try:
        tags = (await call(rt, "GET", "/cgi-bin/tags/get", params={"access_token": token}))["tags"]
    except WeChatAPIError as exc:
        raise WeChatRefused(details={"path": "/cgi-bin/tags/get", "errcode": exc.errcode}) from exc
    return next(int(tag["id"]) for tag in tags if tag["name"] == name)


async def tag_followers(rt: Runtime, *, tag_id: int, openids: list[str]) -> None:
    """``tags/members/batchtagging``: put the tag on these followers."""
    await _post(rt, "/cgi-bin/tags/members/batchtagging", {"openid_list": openids, "tagid": tag_id})


async def create_scene_qrcode(rt: Runtime, *, scene: str, expire_seconds: int | None) -> SceneTicket:
    """``qrcode/create`` with a string scene: temporary (QR_STR_SCENE) or permanent (QR_LIMIT_STR_SCENE)."""
    body: dict[str, Any] = {"action_name": "QR_LIMIT_STR_SCENE" if expire_seconds is None else "QR_STR_SCENE",
                            "action_info": {"scene": {"scene_str": scene}}}
    if expire_seconds is not None:
        body["expire_seconds"] = expire_seconds
    answer = await _post(rt, "/cgi-bin/qrcode/create", body)
    expires = answer.get("expire_seconds")
    return SceneTicket(ticket=str(answer["ticket"]), url=str(answer["url"]),
                       expire_seconds=int(expires) if expires is not None else None)


def showqrcode_url(rt: Runtime, ticket: str) -> str:
    """Where WeChat serves the code's image (``showqrcode?ticket=``, on mp.weixin.qq.com)."""
    return rt.settings.wechat_api_base_url.rstrip("/") + "/cgi-bin/showqrcode?ticket=" + quote(ticket)
