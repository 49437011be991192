"""The official account's editors: custom menu versions, managed replies, scene QR codes."""

from __future__ import annotations

import uuid

from pydantic import ConfigDict, Field, model_validator
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from app.api import endpoint, respond
from app.auth import staff_required
from app.shapes import Schema
from models.oa import ReplyTrigger, SceneKind
from services.oa import menu, replies, scenes
from services.oa.links import LinkNotAllowed
from services.oa.shapes import (
    TAG_PATTERN,
    LiveMenuOut,
    MenuIn,
    MenuPreviewOut,
    MenuVersionList,
    MenuVersionOut,
    ReplyContent,
    ReplyList,
    ReplyOut,
    SceneCodeOut,
    SceneStatsOut,
)
from wechat.api import WeChatUnavailable
from wechat.oa_admin import WeChatRefused

bp = Blueprint("oa_admin", url_prefix="/api/v1/admin/oa")
TAG = "公众号管理"
FORBIDDEN = (403, "FORBIDDEN")
UPSTREAM = [WeChatRefused, WeChatUnavailable]


@bp.post("/menu/versions")
@endpoint(summary="保存自定义菜单的新版本（按微信限制校验，不发布）", tag=TAG, body=MenuIn,
          response=MenuVersionOut, status=201, secured=True,
          errors=[FORBIDDEN, menu.MenuInvalid, LinkNotAllowed])
@staff_required("admin", scope="global")
async def save_menu(request: Request, body: MenuIn) -> HTTPResponse:
    version = await menu.save(rt=request.app.ctx.runtime, staff_id=str(request.ctx.principal.subject_id),
                              menu=body)
    return respond(version, status=201)


@bp.get("/menu/versions")
@endpoint(summary="自定义菜单的全部版本（新的在前）", tag=TAG, response=MenuVersionList, secured=True,
          errors=[FORBIDDEN])
@staff_required("admin", scope="global")
async def list_menus(request: Request) -> HTTPResponse:
    return respond(MenuVersionList(items=await menu.versions()))


@bp.get("/menu")
@endpoint(summary="当前已发布的菜单版本", tag=TAG, response=LiveMenuOut, secured=True, errors=[FORBIDDEN])
@staff_required("admin", scope="global")
async def live_menu(request: Request) -> HTTPResponse:
    return respond(LiveMenuOut(live=await menu.live()))


@bp.get("/menu/versions/<number:index>/preview")
@endpoint(summary="预览：发布时发给微信的 menu/create 与 menu/addconditional 请求体", tag=TAG,
          response=MenuPreviewOut, secured=True,
          errors=[FORBIDDEN, menu.MenuVersionNotFound, *UPSTREAM])
@staff_required("admin", scope="global")
async def preview_menu(request: Request, number: int) -> HTTPResponse:
    return respond(await menu.preview(rt=request.app.ctx.runtime, number=number))


@bp.post("/menu/versions/<number:index>/publish")
@endpoint(summary="发布该版本（发布较早的版本即回滚）", tag=TAG, response=MenuVersionOut,
          secured=True,
          errors=[FORBIDDEN, menu.MenuVersionNotFound, menu.MenuKeyUnanswered, *UPSTREAM])
@staff_required("admin", scope="global")
async def publish_menu(request: Request, number: int) -> HTTPResponse:
    return respond(await menu.publish(rt=request.app.ctx.runtime, number=number))


class ReplyIn(Schema):
    trigger: ReplyTrigger
    key: str = Field("", max_length=128, description="关键词、菜单 key 或场景值；welcome 时为空")
    tag: str | None = Field(None, pattern=TAG_PATTERN, description="仅对带此标签的关注者生效")
    content: ReplyContent

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "trigger": "keyword_contains", "key": "营业时间",
        "content": {"type": "text", "text": "区政务服务中心工作日 9:00-17:00 办公，周六上午 9:00-12:00。"}}]})


@bp.put("/replies")
@endpoint(summary="新建或替换一条自动回复（所有进程立即生效）", tag=TAG, body=ReplyIn, response=ReplyOut,
          secured=True, errors=[FORBIDDEN, replies.ReplyKeyInvalid, LinkNotAllowed])
@staff_required("admin", scope="global")
async def put_reply(request: Request, body: ReplyIn) -> HTTPResponse:
    return respond(await replies.put(rt=request.app.ctx.runtime,
                                     staff_id=str(request.ctx.principal.subject_id),
                                     trigger=body.trigger, key=body.key, tag=body.tag,
                                     content=body.content))


@bp.get("/replies")
@endpoint(summary="全部自动回复", tag=TAG, response=ReplyList, secured=True, errors=[FORBIDDEN])
@staff_required("admin", scope="global")
async def list_replies(request: Request) -> HTTPResponse:
    return respond(ReplyList(items=await replies.list_all()))


@bp.delete("/replies/<reply_id:uuid>")
@openapi.response(204, description="已删除")
@endpoint(summary="删除一条自动回复", tag=TAG, status=204, secured=True,
          errors=[FORBIDDEN, replies.ReplyNotFound])
@staff_required("admin", scope="global")
async def delete_reply(request: Request, reply_id: uuid.UUID) -> HTTPResponse:
    await replies.delete(rt=request.app.ctx.runtime, reply_id=reply_id)
    return HTTPResponse(status=204)


class SceneIn(Schema):
    kind: SceneKind
    hall_code: str | None = Field(None, max_length=32, description="hall、window 必填")
    window: str | None = Field(None, pattern=r"^[A-Za-z0-9]{1,8}$", description="window 必填：窗口号")
    # WeChat tag names are at most 30 characters, and the tag is "campaign:<name>".
    campaign: str | None = Field(None, pattern=r"^[A-Za-z0-9_.-]{1,21}$", description="campaign 必填")
    expire_seconds: int | None = Field(None, ge=60, le=2_592_000,
                                       description="临时二维码有效秒数（最长 30 天）；不填为永久二维码")

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "kind": "campaign", "campaign": "winter-2026", "expire_seconds": 604800}]})

    @model_validator(mode="after")
    def names_its_place(self) -> SceneIn:
        needed = {SceneKind.HALL: ("hall_code",), SceneKind.WINDOW: ("hall_code", "window"),
                  SceneKind.CAMPAIGN: ("campaign",)}[self.kind]
        missing = [name for name in needed if getattr(self, name) is None]
        if missing:
            raise ValueError(f"{self.kind} needs {', '.join(missing)}")
        return self


@bp.post("/scenes")
@endpoint(summary="创建场景二维码（大厅、窗口或活动；临时或永久），扫码关注者自动打标签", tag=TAG,
          body=SceneIn, response=SceneCodeOut, status=201, secured=True,
          errors=[FORBIDDEN, scenes.SceneExists, scenes.SceneHallUnknown, *UPSTREAM])
@staff_required("admin", "hall_manager", scope="hall")
async def create_scene(request: Request, body: SceneIn) -> HTTPResponse:
    code = await scenes.create(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                               kind=body.kind, hall_code=body.hall_code, window=body.window,
                               campaign=body.campaign, expire_seconds=body.expire_seconds)
    return respond(code, status=201)


@bp.get("/scenes/<scene_id:uuid>")
@endpoint(summary="场景二维码详情", tag=TAG, response=SceneCodeOut, secured=True,
          errors=[FORBIDDEN, scenes.SceneNotFound])
@staff_required("admin", "hall_manager", scope="hall")
async def get_scene(request: Request, scene_id: uuid.UUID) -> HTTPResponse:
    return respond(await scenes.get(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                    scene_id=scene_id))


@bp.get("/scenes/<scene_id:uuid>/qr.png")
@endpoint(summary="场景二维码图片（PNG，供打印）；过期的临时二维码返回 410", tag=TAG, secured=True,
          errors=[FORBIDDEN, scenes.SceneNotFound, scenes.SceneExpired], media_type="image/png")
@staff_required("admin", "hall_manager", scope="hall")
async def scene_png(request: Request, scene_id: uuid.UUID) -> HTTPResponse:
    image = await scenes.png(principal=request.ctx.principal, scene_id=scene_id)
    return raw(image, content_type="image/png")


@bp.get("/scenes/<scene_id:uuid>/stats")
@endpoint(summary="扫码与新增关注人数：合计与按日（北京时间）", tag=TAG, response=SceneStatsOut,
          secured=True, errors=[FORBIDDEN, scenes.SceneNotFound])
@staff_required("admin", "hall_manager", scope="hall")
async def scene_stats(request: Request, scene_id: uuid.UUID) -> HTTPResponse:
    return respond(await scenes.stats(principal=request.ctx.principal, scene_id=scene_id))
