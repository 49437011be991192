"""One window (一窗式), staff side: clerks receive, accept and issue; reviewers approve and make
certificates; hall managers watch deadlines and follow up bad evaluations."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, reader_of, respond
from app.auth import staff_required
from app.shapes import ReasonIn, Schema
from models.access_log import PersonalRecordKind
from models.onewindow import Opinion
from models.prereview import ApplicationState, DeliveryMethod
from routes.onewindow import APPLICATION_DOCUMENTS, pdf_response
from services.applications import certificates, documents, evaluations, onewindow, prereview
from services.applications import desk as application_desk
from services.applications.desk import DeadlineFlag
from services.applications.shapes import (
    ApprovalOut,
    CertificateOut,
    DeskApplication,
    DeskDetail,
    DeskList,
    EvaluationList,
    EvaluationOut,
    StatsOut,
    application_out,
)
from services.identity import access_log

bp = Blueprint("onewindow_desk", url_prefix="/api/v1/desk")
TAG = "一窗式办理（工作人员）"
_NOT_FOUND = [prereview.ApplicationNotFound]
_STATE = [(409, "APPLICATION_STATE_INVALID"), (409, "APPLICATION_CHANGED"), (409, "FEE_UNPAID"),
          (409, "BUNDLE_STEP_NOT_STARTED")]
STAFF_ROLES = ("clerk", "reviewer", "hall_manager")


class ReceiveIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"appointment_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90",
         "checked_materials": [0, 1],
         "form_data": {"applicant_name": "张三"}},
    ]})

    appointment_id: str = Field(min_length=1, max_length=64, description="已签到的预约")
    checked_materials: list[int] = Field(default_factory=list, max_length=100,
                                         description="已核验原件的材料序号")
    form_data: dict | None = Field(None, description="无预审办件时在窗口填写的表单")


class ApprovalIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"opinion": "approve", "comment": "材料齐全，同意"},
        {"opinion": "deny", "comment": "经营场所不符合规划用途",
         "legal_basis": "《中华人民共和国行政许可法》第三十八条"},
    ]})

    opinion: Opinion
    comment: str = Field("", max_length=1000, description="审批意见；不予许可时为决定书所载理由，必填")
    legal_basis: str = Field("", max_length=1000,
                             description="不予许可的法律依据；不填则用办事指南所载依据（指南也未载明时必填）")
    outputs: dict[str, Any] | None = Field(
        None, description="一件事环节准予时产生、传给后续环节的数据（按一件事定义的 produces，如网签备案号）")


class NotAcceptIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"reason": "申请材料不齐全", "missing_materials": [1], "missing_conditions": ["经营场所证明"]},
    ]})

    reason: str = Field("", max_length=1000, description="不予受理的理由（必填）")
    missing_materials: list[int] = Field(default_factory=list, max_length=100,
                                         description="缺少的材料：办件材料序号（指南材料，代办时另加授权委托书）")
    missing_conditions: list[str] = Field(default_factory=list, max_length=20,
                                          description="不符合的条件或其他缺少的内容，每项一句")


class IssueIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"method": "mail", "tracking_number": "SF1234567890"},
    ]})

    method: DeliveryMethod
    tracking_number: str | None = Field(None, max_length=40)
    appointment_id: str | None = Field(None, max_length=64, description="领取人本次签到的预约（可选）")


class RevokeIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"reason_code": "issued_in_error", "reason": "证照信息有误"},
    ]})

    reason_code: certificates.RevocationReason
    reason: str = Field("", max_length=500)


class FollowUpIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"note": "已电话回访，群众表示满意"},
    ]})

    note: str = Field(min_length=1, max_length=2000)


class DeskQuery(Schema):
    state: ApplicationState | None = None
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=10000)


class DeadlineQuery(Schema):
    flag: DeadlineFlag | None = None


class BadQuery(Schema):
    open_only: bool = True


class StatsQuery(Schema):
    group_by: evaluations.GroupBy = evaluations.GroupBy.HALL


async def _detail(request: Request, application) -> DeskDetail:
    return DeskDetail(application=await application_out(application, rt=request.app.ctx.runtime,
                                                        reader=reader_of(request)),
                      desk=DeskApplication.of_flagged(application),
                      approvals=[ApprovalOut.of(a) for a in await application_desk.approvals_of(application)])


def _principal(request: Request):
    return request.ctx.principal


@bp.get("/applications")
@endpoint(summary="我的工作台：窗口看本大厅的办件，审批人员看本部门受理后的办件", tag=TAG, query=DeskQuery,
          response=DeskList, secured=True)
@staff_required(*STAFF_ROLES, scope="hall")
async def desk(request: Request, query: DeskQuery) -> HTTPResponse:
    rows = await application_desk.desk_queue(principal=_principal(request), state=query.state,
                                             limit=query.limit, offset=query.offset)
    return respond(DeskList(items=[DeskApplication.of_flagged(a) for a in rows]))


@bp.get("/applications/deadlines")
@endpoint(summary="承诺时限监控：红牌超期、黄牌即将到期（暂停计时的不计）", tag=TAG, query=DeadlineQuery,
          response=DeskList, secured=True)
@staff_required(*STAFF_ROLES, scope="hall")
async def deadlines(request: Request, query: DeadlineQuery) -> HTTPResponse:
    rows = await application_desk.deadlines(rt=request.app.ctx.runtime, principal=_principal(request), flag=query.flag)
    return respond(DeskList(items=[DeskApplication.of_flagged(a, f) for a, f in rows]))


@bp.get("/applications/<application_id>")
@endpoint(summary="办件详情（材料、审批意见）", tag=TAG, response=DeskDetail, secured=True, errors=_NOT_FOUND)
@staff_required(*STAFF_ROLES, scope="hall")
async def detail(request: Request, application_id: str) -> HTTPResponse:
    application = await application_desk.get_for_staff(principal=_principal(request), application_id=application_id)
    return respond(await _detail(request, application))


@bp.get(f"/applications/<application_id>/documents/<kind:{APPLICATION_DOCUMENTS}>")
@endpoint(summary="办件文书（PDF）：受理回执、不予受理通知书、补正材料告知书（最新一份）、决定书", tag=TAG,
          secured=True, media_type="application/pdf", errors=[*_NOT_FOUND, documents.DocumentNotAvailable])
@staff_required(*STAFF_ROLES, scope="hall")
async def document(request: Request, application_id: str, kind: str) -> HTTPResponse:
    application = await application_desk.get_for_staff(principal=_principal(request), application_id=application_id)
    body = await documents.application_document(rt=request.app.ctx.runtime, application=application,
                                                kind=documents.DocumentKind(kind))
    await access_log.record_read(reader=reader_of(request), application=application,
                                 kind=PersonalRecordKind.DOCUMENT, record_id=kind)
    return pdf_response(body, kind)


@bp.post("/receptions")
@endpoint(summary="窗口收件：已签到的预约带来的预审办件，或在窗口新建办件", tag=TAG, body=ReceiveIn,
          response=DeskDetail, status=201, secured=True,
          errors=[*_STATE, (404, "APPOINTMENT_NOT_FOUND"), (409, "APPOINTMENT_NOT_CHECKED_IN"),
                  (409, "APPOINTMENT_ALREADY_RECEIVED"), (422, "ORIGINALS_NOT_CHECKED"),
                  (422, "MATERIAL_NOT_IN_GUIDE"), (422, "FORM_DATA_INVALID"), (422, "FORM_DATA_LOCKED"),
                  (409, "CERTIFICATE_REVOKED"), (409, "CERTIFICATE_EXPIRED")])
@staff_required("clerk", scope="hall")
async def receive(request: Request, body: ReceiveIn) -> HTTPResponse:
    application = await onewindow.receive(rt=request.app.ctx.runtime, principal=_principal(request),
                                          appointment_id=body.appointment_id,
                                          checked_materials=body.checked_materials, form_data=body.form_data)
    return respond(await _detail(request, application), status=201)


@bp.post("/applications/<application_id>/accept")
@endpoint(summary="受理（生成受理编号，承诺时限开始计算）", tag=TAG, response=DeskDetail, secured=True,
          errors=[*_NOT_FOUND, *_STATE, (409, "CERTIFICATE_REVOKED"), (409, "CERTIFICATE_EXPIRED")])
@staff_required("clerk", scope="hall")
async def accept(request: Request, application_id: str) -> HTTPResponse:
    application = await onewindow.accept(rt=request.app.ctx.runtime, principal=_principal(request),
                                         application_id=application_id)
    return respond(await _detail(request, application))


@bp.post("/applications/<application_id>/not-accept")
@endpoint(summary="不予受理（须说明理由及缺少的材料或条件；出具不予受理通知书）", tag=TAG, body=NotAcceptIn,
          response=DeskDetail, secured=True,
          errors=[*_NOT_FOUND, *_STATE, (422, "REASON_REQUIRED"), (422, "MATERIAL_NOT_IN_GUIDE")])
@staff_required("clerk", scope="hall")
async def not_accept(request: Request, application_id: str, body: NotAcceptIn) -> HTTPResponse:
    application = await onewindow.not_accept(
        rt=request.app.ctx.runtime, principal=_principal(request), application_id=application_id,
        reason=body.reason, missing_materials=body.missing_materials, missing_conditions=body.missing_conditions)
    return respond(await _detail(request, application))


@bp.post("/applications/<application_id>/approvals")
@endpoint(summary="审批意见（按事项的审查、决定环节依次办理；不同意即不予许可，须说明理由和依据）", tag=TAG,
          body=ApprovalIn, response=DeskDetail, secured=True,
          errors=[*_NOT_FOUND, *_STATE, (409, "APPROVAL_SAME_REVIEWER"), (422, "REASON_REQUIRED"),
                  (422, "LEGAL_BASIS_REQUIRED"), (422, "BUNDLE_OUTPUTS_INVALID")])
@staff_required("reviewer", scope="hall")
async def approve(request: Request, application_id: str, body: ApprovalIn) -> HTTPResponse:
    application = await onewindow.approve_step(
        rt=request.app.ctx.runtime, principal=_principal(request), application_id=application_id,
        opinion=body.opinion, comment=body.comment, legal_basis=body.legal_basis, outputs=body.outputs)
    return respond(await _detail(request, application))


@bp.post("/applications/<application_id>/suspend")
@endpoint(summary="暂停计时（如等待申请人补充材料）", tag=TAG, body=ReasonIn, response=DeskDetail,
          secured=True, errors=[*_NOT_FOUND, *_STATE, (422, "REASON_REQUIRED")])
@staff_required("reviewer", scope="hall")
async def suspend(request: Request, application_id: str, body: ReasonIn) -> HTTPResponse:
    application = await onewindow.suspend(principal=_principal(request), application_id=application_id,
                                          reason=body.reason)
    return respond(await _detail(request, application))


@bp.post("/applications/<application_id>/resume")
@endpoint(summary="恢复计时（暂停的工作日顺延承诺办结日期）", tag=TAG, body=ReasonIn, response=DeskDetail,
          secured=True, errors=[*_NOT_FOUND, *_STATE])
@staff_required("reviewer", scope="hall")
async def resume(request: Request, application_id: str, body: ReasonIn) -> HTTPResponse:
    application = await onewindow.resume(principal=_principal(request), application_id=application_id,
                                         reason=body.reason)
    return respond(await _detail(request, application))


@bp.post("/applications/<application_id>/certificate")
@endpoint(summary="制证（结果为电子证照时放入申请人的证照夹）", tag=TAG, response=DeskDetail, secured=True,
          errors=[*_NOT_FOUND, *_STATE])
@staff_required("reviewer", scope="hall")
async def make_certificate(request: Request, application_id: str) -> HTTPResponse:
    application = await onewindow.make_certificate(rt=request.app.ctx.runtime, principal=_principal(request),
                                                   application_id=application_id)
    return respond(await _detail(request, application))


@bp.post("/applications/<application_id>/issue")
@endpoint(summary="出件：统一窗口领取或邮寄送达", tag=TAG, body=IssueIn, response=DeskDetail, secured=True,
          errors=[*_NOT_FOUND, *_STATE, (422, "TRACKING_NUMBER_REQUIRED"), (409, "PICKUP_VISIT_MISMATCH"),
                  (404, "APPOINTMENT_NOT_FOUND"), (409, "APPOINTMENT_NOT_CHECKED_IN")])
@staff_required("clerk", scope="hall")
async def issue(request: Request, application_id: str, body: IssueIn) -> HTTPResponse:
    application = await onewindow.issue(principal=_principal(request), application_id=application_id,
                                        method=body.method, tracking_number=body.tracking_number,
                                        appointment_id=body.appointment_id)
    return respond(await _detail(request, application))


@bp.post("/certificates/<certificate_id>/revoke")
@endpoint(summary="撤销电子证照（发证部门审批人员）", tag=TAG, body=RevokeIn, response=CertificateOut,
          secured=True, errors=[certificates.CertificateNotFound, certificates.CertificateRevoked])
@staff_required("reviewer", scope="hall")
async def revoke(request: Request, certificate_id: str, body: RevokeIn) -> HTTPResponse:
    revoked = await certificates.revoke(principal=_principal(request), certificate_id=certificate_id,
                                        reason_code=body.reason_code, reason=body.reason)
    return respond(CertificateOut.of(revoked))


@bp.get("/evaluations/bad")
@endpoint(summary="本大厅的差评（待回访）", tag=TAG, query=BadQuery, response=EvaluationList, secured=True)
@staff_required("hall_manager", scope="hall")
async def bad_reviews(request: Request, query: BadQuery) -> HTTPResponse:
    rows = await evaluations.bad_reviews(principal=_principal(request), open_only=query.open_only)
    return respond(EvaluationList(items=[EvaluationOut.of(e) for e in rows]))


@bp.post("/evaluations/<evaluation_id>/follow-up")
@endpoint(summary="差评整改回访记录", tag=TAG, body=FollowUpIn, response=EvaluationOut, secured=True,
          errors=[evaluations.EvaluationNotFound, (409, "EVALUATION_ALREADY_FOLLOWED_UP")])
@staff_required("hall_manager", scope="hall")
async def follow_up(request: Request, evaluation_id: str, body: FollowUpIn) -> HTTPResponse:
    evaluation = await evaluations.follow_up(principal=_principal(request), evaluation_id=evaluation_id,
                                             note=body.note)
    return respond(EvaluationOut.of(evaluation))


@bp.get("/evaluations/stats")
@endpoint(summary="好差评统计（按大厅、部门或事项）", tag=TAG, query=StatsQuery, response=StatsOut, secured=True)
@staff_required("hall_manager", "admin", scope="hall")
async def stats(request: Request, query: StatsQuery) -> HTTPResponse:
    rows = await evaluations.statistics(principal=_principal(request), group_by=query.group_by)
    return respond(StatsOut(group_by=query.group_by, items=rows))
