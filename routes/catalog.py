"""The service catalog for residents: items, search, guides, departments, life events, halls."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import public
from app.cache import CachedDocument
from app.shapes import Page
from services import catalog
from services.catalog import GuideNotFound, HallNotFound, ItemFilter, ItemNotFound, SearchFilter, bundles
from services.catalog.shapes import (
    DepartmentOut,
    GuideOut,
    GuideVersionList,
    HallOut,
    ItemDetail,
    ItemPage,
    LifeEventOut,
)

bp = Blueprint("catalog", url_prefix="/api/v1/catalog")
TAG = "事项目录"


def _etag_matches(request: Request, etag: str) -> bool:
    supplied = request.headers.get("if-none-match", "")
    tags = {tag.strip().removeprefix("W/") for tag in supplied.split(",")}
    return etag in tags or "*" in tags


def respond_document(request: Request, document: CachedDocument) -> HTTPResponse:
    """A cached, already serialised response; 304 when the client's ETag is current."""
    # Cached reads are stored as the JSON of their response shape, so they are sent as stored.
    headers = {"etag": document.etag, "cache-control": "no-cache"}
    if _etag_matches(request, document.etag):
        return HTTPResponse(status=304, headers=headers)
    return HTTPResponse(document.body, headers=headers, content_type="application/json")


@bp.get("/items")
@endpoint(summary="事项列表（按部门、办理方式、人生事件、层级、大厅筛选；热门在前）", tag=TAG, conditional=True,
          query=ItemFilter, response=ItemPage, errors=[(422, "INVALID_CURSOR")])
@public
async def list_items(request: Request, query: ItemFilter) -> HTTPResponse:
    return respond_document(request, await catalog.list_items(rt=request.app.ctx.runtime,
                                                              filters=query))


@bp.get("/search")
@endpoint(summary="搜索事项：名称任意片段、同义词、拼音和拼音首字母（如 sfz）", tag=TAG, conditional=True,
          query=SearchFilter, response=ItemPage, errors=[(422, "INVALID_CURSOR"), (422, "SEARCH_QUERY_EMPTY")])
@public
async def search(request: Request, query: SearchFilter) -> HTTPResponse:
    return respond_document(request, await catalog.search_items(rt=request.app.ctx.runtime,
                                                                filters=query))


@bp.get("/items/<item_id:str>")
@endpoint(summary="事项详情及当前办事指南（支持 ETag / If-None-Match）", tag=TAG, conditional=True,
          response=ItemDetail, errors=[ItemNotFound])
@public
async def item_detail(request: Request, item_id: str) -> HTTPResponse:
    return respond_document(request, await catalog.item_detail(rt=request.app.ctx.runtime,
                                                               item_id=item_id))


@bp.get("/items/<item_id:str>/guides")
@endpoint(summary="事项办事指南的全部版本（新版本在前）", tag=TAG, response=GuideVersionList,
          errors=[ItemNotFound])
@public
async def guide_versions(request: Request, item_id: str) -> HTTPResponse:
    return respond(GuideVersionList(items=await catalog.guide_versions(item_id=item_id)))


@bp.get("/guides/<guide_id:str>")
@endpoint(summary="按版本 id 读取办事指南（旧版本仍可读取；支持 ETag）", tag=TAG, conditional=True,
          response=GuideOut, errors=[GuideNotFound])
@public
async def guide(request: Request, guide_id: str) -> HTTPResponse:
    return respond_document(request, await catalog.guide_document(rt=request.app.ctx.runtime,
                                                                  guide_id=guide_id))


@bp.get("/departments")
@endpoint(summary="部门列表", tag=TAG, conditional=True, response=Page[DepartmentOut])
@public
async def departments(request: Request) -> HTTPResponse:
    return respond_document(request, await catalog.departments(rt=request.app.ctx.runtime))


@bp.get("/life-events")
@endpoint(summary="人生事件列表", tag=TAG, conditional=True, response=Page[LifeEventOut])
@public
async def life_events(request: Request) -> HTTPResponse:
    return respond_document(request, await catalog.life_events(rt=request.app.ctx.runtime))


@bp.get("/halls")
@endpoint(summary="政务服务大厅及今日开放时间", tag=TAG, conditional=True, response=Page[HallOut])
@public
async def halls(request: Request) -> HTTPResponse:
    return respond_document(request, await catalog.halls(rt=request.app.ctx.runtime))


@bp.get("/halls/<hall_id:str>")
@endpoint(summary="大厅详情（地址、窗口、今日开放时间；支持 ETag）", tag=TAG, conditional=True, response=HallOut,
          errors=[HallNotFound])
@public
async def hall(request: Request, hall_id: str) -> HTTPResponse:
    return respond_document(request, await catalog.hall_document(rt=request.app.ctx.runtime,
                                                                 hall_id=hall_id))


@bp.get("/bundles")
@endpoint(summary="一件事列表（企业开办、存量房交易等）", tag=TAG, response=bundles.BundleList)
@public
async def bundle_list(request: Request) -> HTTPResponse:
    return respond(await bundles.listing())


@bp.get("/bundles/<code:str>")
@endpoint(summary="一件事详情：各环节（事项、部门、前序）、共享数据模板、各部门接收的字段、当事人与办理结果",
          tag=TAG, response=bundles.BundleOut, errors=[bundles.BundleNotFound])
@public
async def bundle_detail(request: Request, code: str) -> HTTPResponse:
    return respond(await bundles.detail(code=code))
