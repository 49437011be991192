"""好差评 (national scheme): residents rate each service event and rate again after a call back;
the statistics are public; departments rectify and call back bad ratings."""

from __future__ import annotations

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import public, resident_required, staff_required
from app.shapes import Page, Schema
from models.onewindow import Channel, Evaluation, ServiceEvent
from routes.catalog import respond_document
from services import evaluations
from services.evaluations import events, rectification, statistics
from services.evaluations.rectification import RectificationState
from services.evaluations.shapes import PendingEvent, PendingOut, PublicStat, RatingList, RatingOut

bp = Blueprint("evaluations", url_prefix="/api/v1")
TAG = "好差评"
_RATE_ERRORS = [events.EventNotFound, events.EventNotHappened, events.RatedByBundle, evaluations.EvaluationExists]
_DESK_NOT_FOUND = [evaluations.EvaluationNotFound]


class RateIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"event": "decision", "subject_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90", "score": 5,
         "channel": "online", "comment": "办理很快"},
    ]})

    event: ServiceEvent = Field(description="decision 办理决定、pickup 领取、appointment 预约到场服务、bundle 一件事")
    subject_id: str = Field(min_length=1, max_length=64, description="办件、预约或一件事申请的 id（见待评价列表）")
    score: int = Field(ge=1, le=5, description="5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意")
    channel: Channel | None = Field(None, description="hall 窗口、online 网上、mobile 移动端、kiosk 自助终端；"
                                                      "不填为该服务的渠道")
    comment: str = Field("", max_length=500)


class RerateIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"score": 4, "comment": "整改后满意"}]})

    score: int = Field(ge=1, le=5)
    comment: str = Field("", max_length=500)


class RectifyIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"note": "已调整午间窗口排班，增开一个综合窗口"},
    ]})

    note: str = Field(min_length=1, max_length=2000, description="整改情况")


class CallBackIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"note": "已电话回访，群众认可整改", "satisfied": True},
    ]})

    note: str = Field(min_length=1, max_length=2000, description="回访情况")
    satisfied: bool = Field(description="群众是否认可整改")


class RectificationQuery(Schema):
    state: RectificationState = RectificationState.OPEN


def _shaped(evaluation: Evaluation) -> RatingOut:
    """A rating whose ``rerating`` relation is fetched."""
    again = evaluation.rerating
    return RatingOut.of_rating(evaluation, rerating_id=str(again.id) if again else None)


async def _rating_out(evaluation: Evaluation) -> RatingOut:
    await evaluation.fetch_related("rerating")
    return _shaped(evaluation)


async def _list_out(rows: list[Evaluation]) -> RatingList:
    await Evaluation.fetch_for_list(rows, "rerating")  # one query for the page, not one per row
    return RatingList(items=[_shaped(row) for row in rows])


@bp.post("/evaluations")
@endpoint(summary="评价一项服务（办理决定、领取、预约到场服务或一件事；每项一次）", tag=TAG, body=RateIn,
          response=RatingOut, status=201, secured=True, errors=_RATE_ERRORS)
@resident_required
async def rate(request: Request, body: RateIn) -> HTTPResponse:
    created = await evaluations.rate(resident_id=request.ctx.principal.subject_id, event=body.event,
                                     subject_id=body.subject_id, score=body.score, comment=body.comment,
                                     channel=body.channel)
    return respond(await _rating_out(created), status=201)


@bp.get("/me/evaluations/pending")
@endpoint(summary="待评价：尚未评价的服务，以及整改回访后可再次评价的差评", tag=TAG, response=PendingOut,
          secured=True)
@resident_required
async def pending(request: Request) -> HTTPResponse:
    unrated, rerate_open = await evaluations.pending(resident_id=request.ctx.principal.subject_id)
    return respond(PendingOut(events=[PendingEvent.of(facts) for facts in unrated],
                              reratings=(await _list_out(rerate_open)).items))


@bp.get("/me/evaluations")
@endpoint(summary="我的评价（含差评整改、回访情况），新的在前", tag=TAG, response=RatingList, secured=True)
@resident_required
async def mine(request: Request) -> HTTPResponse:
    return respond(await _list_out(await evaluations.mine(resident_id=request.ctx.principal.subject_id)))


@bp.get("/evaluations/<evaluation_id:str>")
@endpoint(summary="我的一条评价（含整改、回访情况）", tag=TAG, response=RatingOut, secured=True,
          errors=_DESK_NOT_FOUND)
@resident_required
async def one(request: Request, evaluation_id: str) -> HTTPResponse:
    return respond(await _rating_out(await evaluations.get_mine(
        resident_id=request.ctx.principal.subject_id, evaluation_id=evaluation_id)))


@bp.post("/evaluations/<evaluation_id:str>/re-rating")
@endpoint(summary="差评整改回访后再次评价（一次）", tag=TAG, body=RerateIn, response=RatingOut, status=201,
          secured=True, errors=[*_DESK_NOT_FOUND, evaluations.NotCalledBack, evaluations.EvaluationExists])
@resident_required
async def rerate(request: Request, evaluation_id: str, body: RerateIn) -> HTTPResponse:
    again = await evaluations.rerate(resident_id=request.ctx.principal.subject_id, evaluation_id=evaluation_id,
                                     score=body.score, comment=body.comment)
    return respond(await _rating_out(again), status=201)


@bp.get("/evaluation-statistics")
@endpoint(summary="好差评公开统计：按部门、大厅、事项或渠道，可按月（北京时间）；只有计数，无个人信息和评语",
          tag=TAG, conditional=True, query=statistics.StatisticsQuery, response=Page[PublicStat],
          errors=[(422, "INVALID_CURSOR")])
@public
async def published(request: Request, query: statistics.StatisticsQuery) -> HTTPResponse:
    return respond_document(request, await statistics.published(rt=request.app.ctx.runtime, query=query))


@bp.get("/desk/evaluations/rectifications")
@endpoint(summary="差评整改工作单：本部门（审批人员、管理员）或本大厅（大厅管理）的差评，按整改期限排序",
          tag=TAG, query=RectificationQuery, response=RatingList, secured=True)
@staff_required(*rectification.HANDLERS, scope="hall")
async def worklist(request: Request, query: RectificationQuery) -> HTTPResponse:
    return respond(await _list_out(await rectification.worklist(principal=request.ctx.principal,
                                                                state=query.state)))


@bp.post("/desk/evaluations/<evaluation_id:str>/rectification")
@endpoint(summary="记录差评整改情况（一次）；群众收到通知", tag=TAG, body=RectifyIn, response=RatingOut,
          secured=True, errors=[*_DESK_NOT_FOUND, rectification.AlreadyRectified])
@staff_required(*rectification.HANDLERS, scope="hall")
async def rectify(request: Request, evaluation_id: str, body: RectifyIn) -> HTTPResponse:
    return respond(await _rating_out(await rectification.rectify(
        principal=request.ctx.principal, evaluation_id=evaluation_id, note=body.note)))


@bp.post("/desk/evaluations/<evaluation_id:str>/call-back")
@endpoint(summary="记录整改后的回访结果（一次）；此后群众可再次评价", tag=TAG, body=CallBackIn, response=RatingOut,
          secured=True, errors=[*_DESK_NOT_FOUND, rectification.NotRectified, rectification.AlreadyCalledBack])
@staff_required(*rectification.HANDLERS, scope="hall")
async def call_back(request: Request, evaluation_id: str, body: CallBackIn) -> HTTPResponse:
    return respond(await _rating_out(await rectification.call_back(
        principal=request.ctx.principal, evaluation_id=evaluation_id, note=body.note, satisfied=body.satisfied)))
