"""政务信息: articles listed for residents, and written, reviewed and published by editors."""

from __future__ import annotations

from pydantic import Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import staff_required
from app.shapes import Page, Schema
from models.articles import ArticleState
from services import articles
from services.articles.shapes import (
    ArticleIn,
    ArticleOut,
    ArticlePatch,
    PublishedArticle,
    PublishedArticleSummary,
    ReviewIn,
)

bp = Blueprint("articles", url_prefix="/api/v1")
TAG = "政务信息"
EDITOR = "editor"
_NOT_FOUND = [articles.ArticleNotFound]
_STATE = [articles.ArticleStateInvalid, articles.ArticleChanged]


class ArticleQuery(Schema):
    q: str | None = Field(None, min_length=1, max_length=64, description="搜索标题和摘要（可用拼音或首字母）")
    department: str | None = Field(None, max_length=32, description="部门编码")
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(20, ge=1, le=100)


class EditorQuery(Schema):
    state: ArticleState | None = None
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(20, ge=1, le=100)


@bp.get("/articles")
@endpoint(summary="已发布的政务信息（新的在前，可搜索）", tag=TAG, query=ArticleQuery,
          response=Page[PublishedArticleSummary],
          errors=[(422, "INVALID_CURSOR"), (422, "SEARCH_QUERY_EMPTY")])
async def list_published(request: Request, query: ArticleQuery) -> HTTPResponse:
    return respond(await articles.list_published(q=query.q, department=query.department,
                                                 cursor=query.cursor, limit=query.limit))


@bp.get("/articles/<article_id>")
@endpoint(summary="一篇已发布的政务信息", tag=TAG, response=PublishedArticle, errors=_NOT_FOUND)
async def get_published(request: Request, article_id: str) -> HTTPResponse:
    return respond(await articles.get_published(article_id=article_id))


@bp.post("/admin/articles")
@endpoint(summary="撰写政务信息（本部门编辑）", tag=TAG, body=ArticleIn, response=ArticleOut, status=201,
          secured=True, errors=[(422, "UNKNOWN_CODE"), (422, "ITEM_NOT_FOUND")])
@staff_required(EDITOR)
async def create(request: Request, body: ArticleIn) -> HTTPResponse:
    return respond(await articles.create(principal=request.ctx.principal, draft=body), status=201)


@bp.get("/admin/articles")
@endpoint(summary="本部门的文章（编辑）", tag=TAG, query=EditorQuery, response=Page[ArticleOut],
          secured=True, errors=[(422, "INVALID_CURSOR")])
@staff_required(EDITOR)
async def list_for_editor(request: Request, query: EditorQuery) -> HTTPResponse:
    return respond(await articles.list_for_editor(principal=request.ctx.principal, state=query.state,
                                                  cursor=query.cursor, limit=query.limit))


@bp.get("/admin/articles/<article_id>")
@endpoint(summary="一篇文章（发布中的会向微信查询结果）", tag=TAG, response=ArticleOut, secured=True,
          errors=_NOT_FOUND)
@staff_required(EDITOR)
async def get_for_editor(request: Request, article_id: str) -> HTTPResponse:
    return respond(await articles.get_for_editor(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                                 article_id=article_id))


@bp.patch("/admin/articles/<article_id>")
@endpoint(summary="修改草稿（或发布失败的文章）", tag=TAG, body=ArticlePatch, response=ArticleOut,
          secured=True, errors=[*_NOT_FOUND, *_STATE, (422, "ITEM_NOT_FOUND")])
@staff_required(EDITOR)
async def edit(request: Request, article_id: str, body: ArticlePatch) -> HTTPResponse:
    return respond(await articles.edit(principal=request.ctx.principal, article_id=article_id, patch=body))


@bp.post("/admin/articles/<article_id>/submit")
@endpoint(summary="提交审核", tag=TAG, response=ArticleOut, secured=True, errors=[*_NOT_FOUND, *_STATE])
@staff_required(EDITOR)
async def submit(request: Request, article_id: str) -> HTTPResponse:
    return respond(await articles.submit_for_review(principal=request.ctx.principal, article_id=article_id))


@bp.post("/admin/articles/<article_id>/review")
@endpoint(summary="审核：通过即发布到公众号，退回则回到草稿（须作者以外的编辑）", tag=TAG, body=ReviewIn,
          response=ArticleOut, secured=True,
          errors=[*_NOT_FOUND, *_STATE, articles.SecondReviewerRequired, (502, "WECHAT_UNAVAILABLE")])
@staff_required(EDITOR)
async def review(request: Request, article_id: str, body: ReviewIn) -> HTTPResponse:
    return respond(await articles.review(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                         article_id=article_id, approve=body.approve, note=body.note))
