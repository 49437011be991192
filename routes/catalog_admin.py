"""Catalog administration: create and edit items and guides, publish; every change audited."""

from __future__ import annotations

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import staff_required
from services.catalog import ItemNotFound
from services.catalog import admin as catalog_admin
from services.catalog.guide import Guide
from services.catalog.inputs import ItemIn, ItemPatch
from services.catalog.shapes import AuditList, AuditOut, ItemDetail

bp = Blueprint("catalog_admin", url_prefix="/api/v1/admin/catalog")
TAG = "事项目录管理"
ADMIN_ERRORS = [ItemNotFound, (403, "FORBIDDEN"), (422, "UNKNOWN_CODE")]


class GuideEdit(Guide):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"conditions": "本人申请",
         "materials": [{"name": "居民身份证", "original_required": True}],
         "steps": [{"name": "受理", "limit_days": 0}, {"name": "决定", "limit_days": 1}],
         "change_note": "补充材料说明"},
    ]})

    change_note: str = Field("", max_length=255)


@bp.post("/items")
@endpoint(summary="新建区级事项及其办事指南", tag=TAG, body=ItemIn, response=ItemDetail, status=201,
          secured=True, errors=[(403, "FORBIDDEN"), (409, "ITEM_CODE_EXISTS"), (422, "UNKNOWN_CODE")])
@staff_required("admin", scope="department")
async def create_item(request: Request, body: ItemIn) -> HTTPResponse:
    detail = await catalog_admin.create_item(rt=request.app.ctx.runtime,
                                             principal=request.ctx.principal, spec=body)
    return respond(detail, status=201)


@bp.get("/items/<item_id:str>")
@endpoint(summary="事项详情（含未发布事项）", tag=TAG, response=ItemDetail, secured=True,
          errors=ADMIN_ERRORS)
@staff_required("admin", scope="department")
async def get_item(request: Request, item_id: str) -> HTTPResponse:
    return respond(await catalog_admin.item_for_admin(principal=request.ctx.principal,
                                                      item_id=item_id))


@bp.patch("/items/<item_id:str>")
@endpoint(summary="修改事项属性", tag=TAG, body=ItemPatch, response=ItemDetail, secured=True,
          errors=ADMIN_ERRORS)
@staff_required("admin", scope="department")
async def update_item(request: Request, item_id: str, body: ItemPatch) -> HTTPResponse:
    return respond(await catalog_admin.update_item(rt=request.app.ctx.runtime,
                                                   principal=request.ctx.principal,
                                                   item_id=item_id, patch=body))


@bp.put("/items/<item_id:str>/guide")
@endpoint(summary="修改办事指南（内容变化时生成新版本）", tag=TAG, body=GuideEdit,
          response=ItemDetail, secured=True, errors=ADMIN_ERRORS)
@staff_required("admin", scope="department")
async def replace_guide(request: Request, item_id: str, body: GuideEdit) -> HTTPResponse:
    guide = Guide.model_validate(body.model_dump(exclude={"change_note"}))
    return respond(await catalog_admin.replace_guide(
        rt=request.app.ctx.runtime, principal=request.ctx.principal, item_id=item_id,
        guide=guide, change_note=body.change_note))


@bp.post("/items/<item_id:str>/publish")
@endpoint(summary="发布事项", tag=TAG, response=ItemDetail, secured=True, errors=ADMIN_ERRORS)
@staff_required("admin", scope="department")
async def publish(request: Request, item_id: str) -> HTTPResponse:
    return respond(await catalog_admin.set_published(rt=request.app.ctx.runtime,
                                                     principal=request.ctx.principal,
                                                     item_id=item_id, published=True))


@bp.post("/items/<item_id:str>/unpublish")
@endpoint(summary="下线事项（居民不可见）", tag=TAG, response=ItemDetail, secured=True,
          errors=ADMIN_ERRORS)
@staff_required("admin", scope="department")
async def unpublish(request: Request, item_id: str) -> HTTPResponse:
    return respond(await catalog_admin.set_published(rt=request.app.ctx.runtime,
                                                     principal=request.ctx.principal,
                                                     item_id=item_id, published=False))


@bp.get("/items/<item_id:str>/audit")
@endpoint(summary="事项变更审计记录（谁、何时、改了什么）", tag=TAG, response=AuditList, secured=True,
          errors=ADMIN_ERRORS)
@staff_required("admin", scope="department")
async def audit_trail(request: Request, item_id: str) -> HTTPResponse:
    entries = await catalog_admin.audit_trail(principal=request.ctx.principal, item_id=item_id)
    return respond(AuditList(items=[AuditOut(id=str(e.id), actor=e.actor, action=e.action,
                                             item_code=e.item_code, changes=e.changes,
                                             at=e.created_at) for e in entries]))
