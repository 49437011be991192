"""One window (一窗式), residents' side: progress, documents, e-certificate wallet, evaluation."""

from __future__ import annotations

import hashlib

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html

from app.api import endpoint, respond
from app.auth import public, resident_required
from app.headers import attachment
from app.shapes import PresentIn, Schema
from services import companies
from services.applications import authenticity, certificates, documents, evaluations, materials, prereview
from services.applications.shapes import (
    CertificateList,
    CertificateOut,
    EvaluationOut,
    IssuedDocumentList,
    IssuedDocumentOut,
    MaterialOut,
    ProgressOut,
    progress_out,
)
from services.identity import users

bp = Blueprint("onewindow", url_prefix="/api/v1")
TAG = "一窗式办理"
_NOT_FOUND = [prereview.ApplicationNotFound]
PDF = "application/pdf"
# The kinds of document an application has, as a route pattern (services/applications/documents.py).
APPLICATION_DOCUMENTS = "acceptance-receipt|non-acceptance-notice|correction-notice|decision-notice|payment-receipt"


class EvaluationIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"score": 5, "comment": "办理很快"},
    ]})

    score: int = Field(ge=1, le=5, description="1 非常不满意 … 5 非常满意")
    comment: str = Field("", max_length=500)


class DocumentCheckQuery(Schema):
    content: str | None = Field(None, pattern=r"^[0-9a-f]{64}$", description="二维码所载的内容摘要")
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$", description="所持 PDF 文件的 SHA-256")


def _check_answer(request: Request, found: authenticity.DocumentCheck) -> HTTPResponse:
    """HTML for a person (a browser asks for text/html first, as after scanning the QR code),
    JSON for a machine."""
    if request.headers.get("accept", "").split(",")[0].strip().startswith("text/html"):
        return html(authenticity.check_page(found), headers={"vary": "accept", "cache-control": "no-store"})
    return respond(found, headers={"vary": "accept", "cache-control": "no-store"})


def pdf_response(body: bytes, name: str) -> HTTPResponse:
    """A PDF document, saved rather than opened on our origin; private, since it names the
    applicant's application."""
    return HTTPResponse(body, content_type=PDF, headers={
        "content-disposition": attachment(f"{name}.pdf"), "cache-control": "private, no-store"})


def _resident(request: Request):
    return request.ctx.principal.subject_id


@bp.get("/applications/<application_id>/progress")
@endpoint(summary="办件进度：从预约、预审到出件的时间线，及下一步与预计日期", tag=TAG, response=ProgressOut,
          secured=True, errors=_NOT_FOUND)
@resident_required
async def progress(request: Request, application_id: str) -> HTTPResponse:
    application = await prereview.get_visible_or_raise(resident_id=_resident(request),
                                                    application_id=application_id)
    return respond(await progress_out(application))


@bp.get(f"/applications/<application_id>/documents/<kind:{APPLICATION_DOCUMENTS}>")
@endpoint(summary="办件文书（PDF，带核验二维码）：受理回执、不予受理通知书、补正材料告知书（最新一份）、决定书",
          tag=TAG, secured=True, media_type=PDF, errors=[*_NOT_FOUND, documents.DocumentNotAvailable])
@resident_required
async def my_document(request: Request, application_id: str, kind: str) -> HTTPResponse:
    application = await prereview.get_visible_or_raise(resident_id=_resident(request),
                                                    application_id=application_id)
    body = await documents.application_document(rt=request.app.ctx.runtime, application=application,
                                                kind=documents.DocumentKind(kind))
    return pdf_response(body, kind)


@bp.get("/documents/<kind:acceptance-receipt|decision-notice|certificate>/<document_id>/verification")
@endpoint(summary="文书与证照真伪核验（扫码；不含个人信息）", tag=TAG, response=authenticity.Verification,
          errors=[documents.DocumentNotAvailable])
@public
async def verification(request: Request, kind: str, document_id: str) -> HTTPResponse:
    found = (await certificates.verify(certificate_id=document_id) if kind == "certificate"
             else await authenticity.verify(kind=kind, document_id=document_id))
    return respond(found)


@bp.get("/applications/<application_id>/documents")
@endpoint(summary="办件已签发的全部文书（id、文号、文件 SHA-256）", tag=TAG, response=IssuedDocumentList,
          secured=True, errors=_NOT_FOUND)
@resident_required
async def my_documents(request: Request, application_id: str) -> HTTPResponse:
    application = await prereview.get_visible_or_raise(resident_id=_resident(request),
                                                    application_id=application_id)
    rows = await documents.issued_on(application=application)
    return respond(IssuedDocumentList(items=[IssuedDocumentOut.of(d) for d in rows]))


@bp.get("/documents/<document_id>/verification")
@endpoint(summary="文书核验（扫码）：文号、机关、状态；带 sha256 核对是否签发原件（浏览器得网页，程序得 JSON）",
          tag=TAG, query=DocumentCheckQuery, response=authenticity.DocumentCheck, media_type=("text/html",),
          errors=[documents.DocumentNotAvailable])
@public
async def document_check(request: Request, document_id: str, query: DocumentCheckQuery) -> HTTPResponse:
    found = await authenticity.check(document_id=document_id, presented_sha256=query.sha256,
                                  content_sha256=query.content)
    return _check_answer(request, found)


@bp.post("/documents/<document_id>/verification")
@endpoint(summary="文书核验：上传所持 PDF（请求体为文件本身），核对是否与签发的文书逐字节一致", tag=TAG,
          query=DocumentCheckQuery, response=authenticity.DocumentCheck, media_type=("text/html",),
          # The bytes are hashed whatever they are declared as: a file saved without its type is checked too.
          upload_media_types=(PDF, "application/octet-stream"), errors=[documents.DocumentNotAvailable])
@public
async def document_check_upload(request: Request, document_id: str, query: DocumentCheckQuery) -> HTTPResponse:
    found = await authenticity.check(document_id=document_id, presented_sha256=hashlib.sha256(request.body).hexdigest(),
                                  content_sha256=query.content)
    return _check_answer(request, found)


@bp.put("/applications/<application_id>/materials/<material_index:index>/certificate")
@endpoint(summary="以证照夹中的电子证照作为材料（免上传）", tag=TAG, body=PresentIn, response=MaterialOut,
          secured=True, errors=[*_NOT_FOUND, certificates.CertificateNotFound, certificates.CertificateRevoked,
                                certificates.CertificateExpired, (422, "CERTIFICATE_NOT_ACCEPTED"),
                                (422, "MATERIAL_NOT_IN_GUIDE"), (409, "APPLICATION_STATE_INVALID"),
                                *companies.ACTING_ERRORS, prereview.BundleStepManaged])
@resident_required
async def present_certificate(request: Request, application_id: str, material_index: int,
                              body: PresentIn) -> HTTPResponse:
    material = await materials.present_certificate(
        rt=request.app.ctx.runtime, resident_id=_resident(request), application_id=application_id,
        material_index=material_index, certificate_id=body.certificate_id)
    return respond(MaterialOut.of(material))


@bp.get("/certificates")
@endpoint(summary="我的电子证照夹（个人证照；单位办件的证照在单位证照夹）", tag=TAG, response=CertificateList,
          secured=True)
@resident_required
async def wallet(request: Request) -> HTTPResponse:
    rows = await certificates.list_mine(resident_id=_resident(request))
    return respond(CertificateList(items=[CertificateOut.of(c) for c in rows]))


@bp.get("/certificates/<certificate_id>")
@endpoint(summary="一张电子证照（本人的，或本人可查看的单位证照）", tag=TAG, response=CertificateOut, secured=True,
          errors=[certificates.CertificateNotFound])
@resident_required
async def certificate(request: Request, certificate_id: str) -> HTTPResponse:
    found = await certificates.get_visible_or_raise(user=await users.get_active_or_raise(user_id=_resident(request)),
                                                    certificate_id=certificate_id)
    return respond(CertificateOut.of(found))


@bp.get("/certificates/<certificate_id>/document")
@endpoint(summary="电子证照文件（PDF）", tag=TAG, secured=True, media_type=PDF,
          errors=[certificates.CertificateNotFound])
@resident_required
async def certificate_document(request: Request, certificate_id: str) -> HTTPResponse:
    found = await certificates.get_visible_or_raise(user=await users.get_active_or_raise(user_id=_resident(request)),
                                                    certificate_id=certificate_id)
    body = await certificates.document_bytes(rt=request.app.ctx.runtime, certificate=found)
    return pdf_response(body, found.number)


@bp.post("/applications/<application_id>/evaluation")
@endpoint(summary="评价本次服务（好差评，每件一次）", tag=TAG, body=EvaluationIn, response=EvaluationOut,
          status=201, secured=True, errors=[*_NOT_FOUND, (409, "EVALUATION_NOT_ALLOWED"),
                                            (409, "EVALUATION_EXISTS"), (409, "EVALUATION_BY_BUNDLE")])
@resident_required
async def evaluate(request: Request, application_id: str, body: EvaluationIn) -> HTTPResponse:
    created = await evaluations.rate(resident_id=_resident(request), application_id=application_id,
                                     score=body.score, comment=body.comment)
    return respond(EvaluationOut.of(created), status=201)
