"""决定公开: the public register of approvals (行政许可法 art. 40)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint
from app.auth import public
from app.shapes import Page
from routes.catalog import respond_document
from services import register
from services.register import RegisterFilter
from services.register.shapes import RegisteredDecision

bp = Blueprint("register", url_prefix="/api/v1/register")
TAG = "决定公开"


@bp.get("/decisions")
@endpoint(summary="行政许可决定公开：准予许可的决定（事项、文号、日期；企业显示名称和统一社会信用代码，"
                  "自然人不显示个人信息；撤销的显示为已撤销），新决定在前，可按事项、部门、文号、日期、企业检索",
          tag=TAG, conditional=True, query=RegisterFilter, response=Page[RegisteredDecision],
          errors=[(422, "INVALID_CURSOR")])
@public
async def decisions(request: Request, query: RegisterFilter) -> HTTPResponse:
    return respond_document(request, await register.decisions(rt=request.app.ctx.runtime, filters=query))
