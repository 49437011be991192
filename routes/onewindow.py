"""One window (一窗式), residents' side: progress, documents, e-certificate wallet, evaluation."""

from __future__ import annotations

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import public, resident_required
from app.headers import attachment
from app.shapes import Schema
from services import companies
from services.applications import certificates, documents, evaluations, prereview
from services.applications.shapes import (
    CertificateList,
    CertificateOut,
    EvaluationOut,
    MaterialOut,
    ProgressOut,
    progress_out,
)

bp = Blueprint("onewindow", url_prefix="/api/v1")
TAG = "一窗式办理"
_NOT_FOUND = [prereview.ApplicationNotFound]
PDF = "application/pdf"


class PresentIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"certificate_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90"},
    ]})

    certificate_id: str = Field(min_length=1, max_length=64, description="本人证照夹中的电子证照 id")


class EvaluationIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"score": 5, "comment": "办理很快"},
    ]})

    score: int = Field(ge=1, le=5, description="1 非常不满意 … 5 非常满意")
    comment: str = Field("", max_length=500)


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
    application = await prereview.get_mine_or_raise(resident_id=_resident(request),
                                                    application_id=application_id)
    return respond(await progress_out(application))


@bp.get("/applications/<application_id>/documents/<kind:acceptance-receipt|decision-notice>")
@endpoint(summary="受理回执或决定书（PDF，带核验二维码）", tag=TAG, secured=True, media_type=PDF,
          errors=[*_NOT_FOUND, documents.DocumentNotAvailable])
@resident_required
async def my_document(request: Request, application_id: str, kind: str) -> HTTPResponse:
    application = await prereview.get_mine_or_raise(resident_id=_resident(request),
                                                    application_id=application_id)
    body = await documents.render(rt=request.app.ctx.runtime, application=application,
                                  kind=documents.DocumentKind(kind))
    return pdf_response(body, kind)


@bp.get("/documents/<kind:acceptance-receipt|decision-notice|certificate>/<document_id>/verification")
@endpoint(summary="文书与证照真伪核验（扫码；不含个人信息）", tag=TAG, response=documents.Verification,
          errors=[documents.DocumentNotAvailable])
@public
async def verification(request: Request, kind: str, document_id: str) -> HTTPResponse:
    found = (await certificates.verify(certificate_id=document_id) if kind == "certificate"
             else await documents.verify(kind=kind, document_id=document_id))
    return respond(found)


@bp.put("/applications/<application_id>/materials/<material_index:int>/certificate")
@endpoint(summary="以证照夹中的电子证照作为材料（免上传）", tag=TAG, body=PresentIn, response=MaterialOut,
          secured=True, errors=[*_NOT_FOUND, certificates.CertificateNotFound, certificates.CertificateRevoked,
                                certificates.CertificateExpired, (422, "CERTIFICATE_NOT_ACCEPTED"),
                                (422, "MATERIAL_NOT_IN_GUIDE"), (409, "APPLICATION_STATE_INVALID"),
                                *companies.ACTING_ERRORS, prereview.BundleStepManaged])
@resident_required
async def present_certificate(request: Request, application_id: str, material_index: int,
                              body: PresentIn) -> HTTPResponse:
    material = await prereview.present_certificate(
        rt=request.app.ctx.runtime, resident_id=_resident(request), application_id=application_id,
        material_index=material_index, certificate_id=body.certificate_id)
    return respond(MaterialOut.of(material))


@bp.get("/certificates")
@endpoint(summary="我的电子证照夹", tag=TAG, response=CertificateList, secured=True)
@resident_required
async def wallet(request: Request) -> HTTPResponse:
    rows = await certificates.list_mine(resident_id=_resident(request))
    return respond(CertificateList(items=[CertificateOut.of(c) for c in rows]))


@bp.get("/certificates/<certificate_id>")
@endpoint(summary="一张电子证照", tag=TAG, response=CertificateOut, secured=True,
          errors=[certificates.CertificateNotFound])
@resident_required
async def certificate(request: Request, certificate_id: str) -> HTTPResponse:
    found = await certificates.get_mine_or_raise(resident_id=_resident(request), certificate_id=certificate_id)
    return respond(CertificateOut.of(found))


@bp.get("/certificates/<certificate_id>/document")
@endpoint(summary="电子证照文件（PDF）", tag=TAG, secured=True, media_type=PDF,
          errors=[certificates.CertificateNotFound])
@resident_required
async def certificate_document(request: Request, certificate_id: str) -> HTTPResponse:
    found = await certificates.get_mine_or_raise(resident_id=_resident(request), certificate_id=certificate_id)
    body = await certificates.document_bytes(rt=request.app.ctx.runtime, certificate=found)
    return pdf_response(body, found.number)


@bp.post("/applications/<application_id>/evaluation")
@endpoint(summary="评价本次服务（好差评，每件一次）", tag=TAG, body=EvaluationIn, response=EvaluationOut,
          status=201, secured=True, errors=[*_NOT_FOUND, (409, "EVALUATION_NOT_ALLOWED"),
                                            (409, "EVALUATION_EXISTS")])
@resident_required
async def evaluate(request: Request, application_id: str, body: EvaluationIn) -> HTTPResponse:
    created = await evaluations.rate(resident_id=_resident(request), application_id=application_id,
                                     score=body.score, comment=body.comment)
    return respond(EvaluationOut.of(created), status=201)
