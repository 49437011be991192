"""Online pre-review (网上预审): residents' applications and department reviewers' desk."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, ResponseStream

from app.api import endpoint, idempotency_header, idempotency_key, reader_of, respond
from app.auth import public, resident_required, staff_required
from app.headers import attachment
from app.multipart import MultipartInvalid, MultipartTruncated, MultipartWithoutFile
from app.shapes import Page, ReasonIn, Schema
from app.uploads import UploadQuery, receive_file
from models.access_log import PersonalRecordKind
from models.prereview import Application, ApplicationMaterial, ApplicationState
from services import companies
from services.applications import applicant, materials, prereview, representation
from services.applications import review as prereview_review
from services.applications.shapes import (
    ApplicationOut,
    ApplicationSummary,
    CertificateOut,
    CommentOut,
    DeadlineList,
    DownloadUrl,
    HeldMaterialOut,
    HistoryOut,
    MaterialOut,
    MyMaterialsOut,
    QueueOut,
    application_out,
    history_out,
)
from services.identity import access_log
from services.identity.users import RealNameLevelTooLow

bp = Blueprint("prereview", url_prefix="/api/v1")
TAG = "网上预审"
REVIEW_TAG = "网上预审（审查）"
_NOT_FOUND = [prereview.ApplicationNotFound]
_STATE = [(409, "APPLICATION_STATE_INVALID"), (409, "APPLICATION_CHANGED"), (409, "BUNDLE_STEP_NOT_STARTED")]
# A resident's change to an application filed for a company checks their authority to act for it.
_CHANGE = [*_STATE, *companies.ACTING_ERRORS, prereview.BundleStepManaged]
_UPLOAD_ERRORS = [*_NOT_FOUND, *_CHANGE, (413, "MATERIAL_TOO_LARGE"), (413, "APPLICATION_MATERIALS_TOO_LARGE"),
                  (422, "MATERIAL_EMPTY"), (415, "MATERIAL_TYPE_NOT_ALLOWED"),
                  (415, "MATERIAL_TYPE_MISMATCH"), (422, "MATERIAL_NOT_IN_GUIDE")]


class CreateIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"item_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90", "form_data": {"applicant_name": "张三"}},
    ]})

    item_id: str = Field(min_length=1, max_length=64)
    form_data: dict[str, Any] = Field(default_factory=dict)
    represented: representation.RepresentedIn | None = Field(
        None, description="代办：被代办人及代办关系；本人申请时不填（申请人字段为本人实名身份）")
    company_id: str | None = Field(None, max_length=64,
                                   description="以单位名义办理：本人为法定代表人或持有涵盖该事项的有效经办人授权")


class FormIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"form_data": {"applicant_name": "张三", "reason": "到期换领"}},
    ]})

    form_data: dict[str, Any]


class ReuseIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"material_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90"},
    ]})

    material_id: str = Field(min_length=1, max_length=64, description="本人早先办件中的材料 id")


class MaterialsQuery(Schema):
    limit: int = Field(50, ge=1, le=200)


class ListQuery(Schema):
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(20, ge=1, le=100)


class FileQuery(Schema):
    expires: int
    signature: str = Field(pattern=r"^[0-9a-f]{64}$", description="HMAC-SHA256（十六进制）")


class QueueQuery(Schema):
    state: ApplicationState | None = Field(None, description="submitted 或 in_review")
    item_id: str | None = Field(None, max_length=64)
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=10000)


class CommentIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"message": "身份证照片不清晰，请重新上传", "material_index": 0},
    ]})

    message: str = Field(min_length=1, max_length=500)
    material_index: int | None = Field(None, ge=0)
    field_name: str | None = Field(None, max_length=48)


def _resident(request: Request) -> Any:
    return request.ctx.principal.subject_id


async def _out(request: Request, application: Application) -> ApplicationOut:
    """The application for whoever asked: a staff member's read is recorded (access log)."""
    return await application_out(application, rt=request.app.ctx.runtime, reader=reader_of(request))


def _download(rt, url_and_expiry: tuple[str, int]) -> DownloadUrl:
    url, expires = url_and_expiry
    return DownloadUrl(url=rt.settings.public_base_url + url,
                       expires_at=datetime.fromtimestamp(expires, UTC))


# --- residents ---------------------------------------------------------------------------------


@bp.post("/applications")
@endpoint(summary="新建预审办件（草稿，锁定当前办事指南版本）", tag=TAG, body=CreateIn, response=ApplicationOut,
          headers=(idempotency_header("8-64 位 A-Za-z0-9_.:-；重试时不变，返回同一草稿（200）", required=False),),
          status=201, replay_status=200, secured=True,
          errors=[(404, "ITEM_NOT_FOUND"), (422, "ITEM_NOT_PREREVIEWABLE"),
                  (403, "REALNAME_REQUIRED"), (422, "IDEMPOTENCY_KEY_INVALID"),
                  (409, "IDEMPOTENCY_KEY_REUSED"), applicant.ApplicantMismatch,
                  representation.SelfRepresentation, RealNameLevelTooLow, *companies.ACTING_ERRORS])
@resident_required
async def create(request: Request, body: CreateIn) -> HTTPResponse:
    application, created = await prereview.create_draft(
        rt=request.app.ctx.runtime, resident_id=_resident(request), item_id=body.item_id, form_data=body.form_data,
        represented=body.represented, company_id=body.company_id,
        idempotency_key=idempotency_key(request, required=False))
    return respond(await _out(request, application),
                   status=201 if created else 200)


@bp.get("/applications")
@endpoint(summary="我的预审办件（新的在前，游标分页）", tag=TAG, query=ListQuery,
          response=Page[ApplicationSummary], secured=True, errors=[(422, "INVALID_CURSOR")])
@resident_required
async def list_mine(request: Request, query: ListQuery) -> HTTPResponse:
    rows, next_cursor = await prereview.list_mine(resident_id=_resident(request), cursor=query.cursor,
                                                  limit=query.limit)
    return respond(Page[ApplicationSummary](items=[ApplicationSummary.of(a) for a in rows],
                                            next_cursor=next_cursor))


@bp.get("/materials")
@endpoint(summary="我的材料：早先上传的材料与证照夹中可用的电子证照，供复用（免重复上传）", tag=TAG,
          query=MaterialsQuery, response=MyMaterialsOut, secured=True)
@resident_required
async def my_materials(request: Request, query: MaterialsQuery) -> HTTPResponse:
    uploads, wallet = await materials.my_materials(resident_id=_resident(request), limit=query.limit)
    return respond(MyMaterialsOut(uploads=[HeldMaterialOut.held(m) for m in uploads],
                                  certificates=[CertificateOut.of(c) for c in wallet]))


@bp.get("/applications/<application_id>")
@endpoint(summary="我的一个办件：状态、材料、待补正意见、预审期限", tag=TAG, response=ApplicationOut,
          secured=True, errors=_NOT_FOUND)
@resident_required
async def get_mine(request: Request, application_id: str) -> HTTPResponse:
    application = await prereview.get_visible_or_raise(resident_id=_resident(request),
                                                    application_id=application_id)
    return respond(await _out(request, application))


@bp.put("/applications/<application_id>/form")
@endpoint(summary="修改表单数据（草稿或待补正时）；每次保存都按数据模板校验，问题在 form_errors 中返回，仍可保存",
          tag=TAG, body=FormIn, response=ApplicationOut,
          secured=True, errors=[*_NOT_FOUND, *_CHANGE, applicant.ApplicantMismatch])
@resident_required
async def update_form(request: Request, application_id: str, body: FormIn) -> HTTPResponse:
    application = await prereview.update_form(rt=request.app.ctx.runtime, resident_id=_resident(request),
                                              application_id=application_id, form_data=body.form_data)
    return respond(await _out(request, application))


@bp.route("/applications/<application_id>/materials/<material_index:index>", methods=["PUT", "POST"],
          stream=True)
@endpoint(summary="上传一项材料（请求体为文件本身，或 multipart/form-data 如 wx.uploadFile；流式接收，按内容识别类型）",
          tag=TAG, query=UploadQuery, response=MaterialOut, secured=True,
          upload_media_types=("application/pdf", "application/ofd", "image/jpeg", "image/png",
                              "multipart/form-data"),
          errors=[*_UPLOAD_ERRORS, MultipartInvalid, MultipartTruncated, MultipartWithoutFile])
@resident_required
async def upload(request: Request, application_id: str, material_index: int,
                 query: UploadQuery) -> HTTPResponse:
    rt = request.app.ctx.runtime

    async def store(chunks: AsyncIterator[bytes], filename: str, declared_type: str | None) -> ApplicationMaterial:
        return await materials.upload_material(
            rt=rt, resident_id=_resident(request), application_id=application_id, material_index=material_index,
            chunks=chunks, filename=filename, declared_type=declared_type)

    material = await receive_file(request, filename=query.filename, max_bytes=rt.settings.upload_max_bytes,
                                  default_name="material", handle=store)
    return respond(MaterialOut.of(material))


@bp.put("/applications/<application_id>/materials/<material_index:index>/reuse")
@endpoint(summary="复用本人早先办件中同类材料（免重复上传）", tag=TAG, body=ReuseIn, response=MaterialOut,
          secured=True, errors=[*_NOT_FOUND, *_CHANGE, prereview.MaterialNotFound,
                                (422, "MATERIAL_NOT_REUSABLE"), (422, "MATERIAL_NOT_IN_GUIDE")])
@resident_required
async def reuse(request: Request, application_id: str, material_index: int, body: ReuseIn) -> HTTPResponse:
    material = await materials.reuse_material(
        rt=request.app.ctx.runtime, resident_id=_resident(request), application_id=application_id,
        material_index=material_index, source_material_id=body.material_id)
    return respond(MaterialOut.of(material))


@bp.post("/applications/<application_id>/submit")
@endpoint(summary="提交（或补正后重新提交）预审", tag=TAG, response=ApplicationOut, secured=True,
          errors=[*_NOT_FOUND, *_CHANGE, (422, "FORM_DATA_INVALID"), (422, "MATERIALS_MISSING"),
                  applicant.ApplicantMismatch, RealNameLevelTooLow])
@resident_required
async def submit(request: Request, application_id: str) -> HTTPResponse:
    application = await prereview.submit(rt=request.app.ctx.runtime, resident_id=_resident(request),
                                         application_id=application_id)
    return respond(await _out(request, application))


@bp.post("/applications/<application_id>/withdraw")
@endpoint(summary="撤回办件（作出决定之前）", tag=TAG, body=ReasonIn, response=ApplicationOut,
          secured=True, errors=[*_NOT_FOUND, *_CHANGE])
@resident_required
async def withdraw(request: Request, application_id: str, body: ReasonIn) -> HTTPResponse:
    application = await prereview.withdraw(resident_id=_resident(request), application_id=application_id,
                                           reason=body.reason)
    return respond(await _out(request, application))


@bp.get("/applications/<application_id>/history")
@endpoint(summary="办件的全部状态变更与审查意见", tag=TAG, response=HistoryOut, secured=True,
          errors=_NOT_FOUND)
@resident_required
async def my_history(request: Request, application_id: str) -> HTTPResponse:
    application = await prereview.get_visible_or_raise(resident_id=_resident(request),
                                                    application_id=application_id)
    return respond(await history_out(application, reader=reader_of(request)))


@bp.get("/applications/<application_id>/materials/<material_index:index>/download-url")
@endpoint(summary="材料的短期签名下载链接", tag=TAG, response=DownloadUrl, secured=True,
          errors=[*_NOT_FOUND, prereview.MaterialNotFound])
@resident_required
async def my_download_url(request: Request, application_id: str, material_index: int) -> HTTPResponse:
    rt = request.app.ctx.runtime
    application = await prereview.get_visible_or_raise(resident_id=_resident(request),
                                                    application_id=application_id)
    return respond(_download(rt, await materials.download_url(rt=rt, application=application,
                                                              material_index=material_index)))


@bp.get("/material-files/<material_id>")
@endpoint(summary="按签名链接下载材料文件（链接即凭证，短期有效）", tag=TAG, query=FileQuery,
          errors=[(403, "DOWNLOAD_URL_INVALID"), prereview.MaterialNotFound], media_type="application/pdf")
@public
async def material_file(request: Request, material_id: str, query: FileQuery) -> HTTPResponse:
    material, chunks = await materials.open_signed(rt=request.app.ctx.runtime, material_id=material_id,
                                                   expires=query.expires, signature=query.signature)

    async def send(response) -> None:
        async for chunk in chunks:
            await response.write(chunk)

    return ResponseStream(send, content_type=material.content_type,
                          headers={"cache-control": "private, no-store",
                                   "content-disposition": attachment(material.original_filename)})


# --- reviewers ---------------------------------------------------------------------------------


@bp.get("/review/applications")
@endpoint(summary="本部门待审队列（按期限排序）及各状态数量", tag=REVIEW_TAG, query=QueueQuery,
          response=QueueOut, secured=True)
@staff_required("reviewer", scope="hall")
async def review_queue(request: Request, query: QueueQuery) -> HTTPResponse:
    rows, counts = await prereview_review.queue(principal=request.ctx.principal, state=query.state,
                                                item_id=query.item_id, limit=query.limit,
                                                offset=query.offset)
    return respond(QueueOut(items=[ApplicationSummary.of(a) for a in rows], counts=counts))


@bp.get("/review/applications/overdue")
@endpoint(summary="已超过预审期限的办件", tag=REVIEW_TAG, response=DeadlineList, secured=True)
@staff_required("reviewer", scope="hall")
async def overdue(request: Request) -> HTTPResponse:
    rows = await prereview_review.deadlines(principal=request.ctx.principal, overdue=True, due_soon_days=0)
    return respond(DeadlineList(items=[ApplicationSummary.of(a) for a in rows]))


@bp.get("/review/applications/due-soon")
@endpoint(summary="即将到期的办件（HDT_PREREVIEW_DUE_SOON_DAYS 个工作日内）", tag=REVIEW_TAG,
          response=DeadlineList, secured=True)
@staff_required("reviewer", scope="hall")
async def due_soon(request: Request) -> HTTPResponse:
    rows = await prereview_review.deadlines(
        principal=request.ctx.principal, overdue=False,
        due_soon_days=request.app.ctx.runtime.settings.prereview_due_soon_days)
    return respond(DeadlineList(items=[ApplicationSummary.of(a) for a in rows]))


@bp.get("/review/applications/<application_id>")
@endpoint(summary="办件详情（材料、意见）", tag=REVIEW_TAG, response=ApplicationOut, secured=True,
          errors=_NOT_FOUND)
@staff_required("reviewer", scope="hall")
async def review_detail(request: Request, application_id: str) -> HTTPResponse:
    application = await prereview_review.get_or_raise(principal=request.ctx.principal,
                                                      application_id=application_id)
    return respond(await _out(request, application))


@bp.get("/review/applications/<application_id>/history")
@endpoint(summary="办件的全部状态变更与审查意见", tag=REVIEW_TAG, response=HistoryOut, secured=True,
          errors=_NOT_FOUND)
@staff_required("reviewer", scope="hall")
async def review_history(request: Request, application_id: str) -> HTTPResponse:
    application = await prereview_review.get_or_raise(principal=request.ctx.principal,
                                                      application_id=application_id)
    return respond(await history_out(application, reader=reader_of(request)))


@bp.get("/review/applications/<application_id>/materials/<material_index:index>/download-url")
@endpoint(summary="材料的短期签名下载链接", tag=REVIEW_TAG, response=DownloadUrl, secured=True,
          errors=[*_NOT_FOUND, prereview.MaterialNotFound])
@staff_required("reviewer", scope="hall")
async def review_download_url(request: Request, application_id: str, material_index: int) -> HTTPResponse:
    rt = request.app.ctx.runtime
    application = await prereview_review.get_or_raise(principal=request.ctx.principal,
                                                      application_id=application_id)
    link = await materials.download_url(rt=rt, application=application, material_index=material_index)
    await access_log.record_read(reader=reader_of(request), application=application,
                                 kind=PersonalRecordKind.MATERIAL, record_id=str(material_index))
    return respond(_download(rt, link))


@bp.post("/review/applications/<application_id>/claim")
@endpoint(summary="领取办件开始审查", tag=REVIEW_TAG, response=ApplicationOut, secured=True,
          errors=[*_NOT_FOUND, *_STATE])
@staff_required("reviewer", scope="hall")
async def claim(request: Request, application_id: str) -> HTTPResponse:
    application = await prereview_review.claim(principal=request.ctx.principal,
                                               application_id=application_id)
    return respond(await _out(request, application))


@bp.post("/review/applications/<application_id>/comments")
@endpoint(summary="针对一项材料或一个字段提出意见", tag=REVIEW_TAG, body=CommentIn, response=CommentOut,
          status=201, secured=True, errors=[*_NOT_FOUND, *_STATE, (422, "COMMENT_TARGET_INVALID"),
                                            (422, "MATERIAL_NOT_IN_GUIDE"), (422, "FIELD_NOT_IN_TEMPLATE")])
@staff_required("reviewer", scope="hall")
async def comment(request: Request, application_id: str, body: CommentIn) -> HTTPResponse:
    created = await prereview_review.comment(principal=request.ctx.principal, application_id=application_id,
                                             message=body.message, material_index=body.material_index,
                                             field_name=body.field_name)
    return respond(CommentOut(id=str(created.id), material_index=created.material_index,
                              field_name=created.field_name, message=created.message,
                              resolved=created.resolved, created_at=created.created_at), status=201)


@bp.post("/review/applications/<application_id>/request-correction")
@endpoint(summary="退回补正（须先提出意见；出具一次告知全部内容的补正材料告知书）", tag=REVIEW_TAG,
          body=ReasonIn, response=ApplicationOut,
          secured=True, errors=[*_NOT_FOUND, *_STATE, (422, "CORRECTION_WITHOUT_COMMENTS")])
@staff_required("reviewer", scope="hall")
async def request_correction(request: Request, application_id: str, body: ReasonIn) -> HTTPResponse:
    application = await prereview_review.request_correction(
        rt=request.app.ctx.runtime, principal=request.ctx.principal, application_id=application_id,
        reason=body.reason)
    return respond(await _out(request, application))


@bp.post("/review/applications/<application_id>/pass")
@endpoint(summary="预审通过", tag=REVIEW_TAG, body=ReasonIn, response=ApplicationOut, secured=True,
          errors=[*_NOT_FOUND, *_STATE, (409, "FEE_UNPAID"),
                  # A bundle's step is accepted by its pass: the presented certificates are checked again.
                  (409, "CERTIFICATE_REVOKED"), (409, "CERTIFICATE_EXPIRED")])
@staff_required("reviewer", scope="hall")
async def pass_(request: Request, application_id: str, body: ReasonIn) -> HTTPResponse:
    application = await prereview_review.decide(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                                application_id=application_id, passed=True,
                                                reason=body.reason)
    return respond(await _out(request, application))


@bp.post("/review/applications/<application_id>/reject")
@endpoint(summary="预审不通过（须说明理由）", tag=REVIEW_TAG, body=ReasonIn, response=ApplicationOut,
          secured=True, errors=[*_NOT_FOUND, *_STATE, (422, "REJECTION_REASON_REQUIRED")])
@staff_required("reviewer", scope="hall")
async def reject(request: Request, application_id: str, body: ReasonIn) -> HTTPResponse:
    application = await prereview_review.decide(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                                application_id=application_id, passed=False,
                                                reason=body.reason)
    return respond(await _out(request, application))
