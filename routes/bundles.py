"""一件事办件: one application across departments — residents and agents, and the one pickup."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import resident_required, staff_required
from app.errors import RealNameRequired
from app.multipart import MultipartInvalid, MultipartTruncated, MultipartWithoutFile
from app.shapes import PresentIn, ReasonIn, Schema
from app.uploads import UploadQuery, receive_file
from models.bundles import BundleApplication, BundleMaterial
from models.prereview import DeliveryMethod
from services import bundles, companies
from services.applications import applicant, certificates
from services.bundles import corrections
from services.bundles import parties as bundle_parties
from services.bundles.shapes import BundleApplicationList, BundleApplicationOut, bundle_application_out
from services.catalog import HallNotFound
from services.catalog.bundles import BundleNotFound

bp = Blueprint("bundles", url_prefix="/api/v1")
TAG = "一件事一次办"
_FOUND = [bundle_parties.BundleApplicationNotFound]
_PARTY = [*_FOUND, bundle_parties.NotAParty, bundles.BundleStateInvalid, *companies.ACTING_ERRORS]
# Once under way, a material or field changes only when a department's correction request names it.
_MATERIAL = [*_PARTY, (422, "MATERIAL_NOT_IN_GUIDE"), corrections.CorrectionNotRequested]


class CreateIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"bundle_code": "CLFJY", "hall_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90", "role": "seller",
         "form_data": {"property_address": "海淀区中关村大街1号1单元101"},
         "parties": [{"role": "buyer", "name": "王五", "id_number": "110105197811207895"}]},
    ]})

    bundle_code: str = Field(min_length=1, max_length=64)
    hall_id: str = Field(min_length=1, max_length=64, description="一次出件的大厅")
    role: str | None = Field(None, max_length=32, description="本人的当事人角色；默认一件事定义的第一个")
    form_data: dict[str, Any] = Field(default_factory=dict, description="共享表单（可稍后修改）")
    parties: list[bundles.PartyIn] = Field(default_factory=list, max_length=4,
                                           description="其他当事人（各自登录后以本人实名确认）")
    company_id: str | None = Field(None, max_length=64, description="以单位名义办理（法定代表人或授权经办人）")


class FormIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"form_version": 1, "form_data": {"property_address": "海淀区中关村大街1号1单元101", "price_yuan": 3000000}},
    ]})

    form_version: int = Field(ge=1, description="所读到的共享表单版本；已被他人修改则 409 BUNDLE_FORM_CHANGED")
    form_data: dict[str, Any]


class ConfirmIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"form_version": 2}]})

    form_version: int = Field(ge=1, description="确认的共享表单版本")


class IssueIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"method": "window"}]})

    method: DeliveryMethod
    tracking_number: str | None = Field(None, max_length=40)


def _resident(request: Request) -> Any:
    return request.ctx.principal.subject_id


async def _out(request: Request, bundle: BundleApplication) -> HTTPResponse:
    return respond(await bundle_application_out(bundle, rt=request.app.ctx.runtime))


@bp.post("/bundle-applications")
@endpoint(summary="新建一件事办件（草稿）：选定一件事、出件大厅、本人角色及其他当事人", tag=TAG, body=CreateIn,
          response=BundleApplicationOut, status=201, secured=True,
          errors=[BundleNotFound, bundles.PartiesInvalid, HallNotFound, RealNameRequired, applicant.ApplicantMismatch,
                  *companies.ACTING_ERRORS])
@resident_required
async def create(request: Request, body: CreateIn) -> HTTPResponse:
    rt = request.app.ctx.runtime
    bundle = await bundles.create(rt=rt, resident_id=_resident(request), bundle_code=body.bundle_code,
                                  hall_id=body.hall_id, role=body.role, form_data=body.form_data,
                                  parties=body.parties, company_id=body.company_id)
    return respond(await bundle_application_out(bundle, rt=rt), status=201)


@bp.get("/bundle-applications")
@endpoint(summary="我的一件事办件（本人提交或作为当事人）", tag=TAG, response=BundleApplicationList, secured=True)
@resident_required
async def list_mine(request: Request) -> HTTPResponse:
    rt = request.app.ctx.runtime
    rows = await bundles.list_mine(resident_id=_resident(request))
    return respond(BundleApplicationList(items=[await bundle_application_out(b, rt=rt) for b in rows]))


@bp.get("/bundle-applications/<bundle_application_id>")
@endpoint(summary="一件事办件：共享表单、当事人确认、各部门环节、办理结果与合并时间线", tag=TAG,
          response=BundleApplicationOut, secured=True, errors=_FOUND)
@resident_required
async def get_one(request: Request, bundle_application_id: str) -> HTTPResponse:
    return await _out(request, await bundle_parties.get_visible(resident_id=_resident(request),
                                                         bundle_application_id=bundle_application_id))


@bp.put("/bundle-applications/<bundle_application_id>/form")
@endpoint(summary="修改共享表单（按版本：两方同时修改时后到者 409，须在新版本上修改；"
                  "提交后只能修改部门要求补正的字段）",
          tag=TAG, body=FormIn, response=BundleApplicationOut, secured=True,
          errors=[*_PARTY, bundles.FormChanged, corrections.CorrectionNotRequested, applicant.ApplicantMismatch])
@resident_required
async def update_form(request: Request, bundle_application_id: str, body: FormIn) -> HTTPResponse:
    return await _out(request, await bundles.update_form(
        rt=request.app.ctx.runtime, resident_id=_resident(request), bundle_application_id=bundle_application_id,
        form_version=body.form_version, form_data=body.form_data))


@bp.post("/bundle-applications/<bundle_application_id>/confirm")
@endpoint(summary="当事人以本人实名身份确认当前版本的申请", tag=TAG, body=ConfirmIn,
          response=BundleApplicationOut, secured=True,
          errors=[*_PARTY, bundles.FormChanged, RealNameRequired, applicant.ApplicantMismatch])
@resident_required
async def confirm(request: Request, bundle_application_id: str, body: ConfirmIn) -> HTTPResponse:
    return await _out(request, await bundles.confirm(
        rt=request.app.ctx.runtime, resident_id=_resident(request), bundle_application_id=bundle_application_id,
        form_version=body.form_version))


@bp.route("/bundle-applications/<bundle_application_id>/materials/<material_index:index>", methods=["PUT", "POST"],
          stream=True)
@endpoint(summary="上传一件事的一项材料（一次，供所有需要它的环节；提交后仅限部门要求补正的材料；"
                  "请求体为文件本身或 multipart/form-data）",
          tag=TAG, query=UploadQuery, response=BundleApplicationOut, secured=True,
          upload_media_types=("application/pdf", "application/ofd", "image/jpeg", "image/png",
                              "multipart/form-data"),
          errors=[*_MATERIAL, (413, "MATERIAL_TOO_LARGE"), (413, "APPLICATION_MATERIALS_TOO_LARGE"),
                  (422, "MATERIAL_EMPTY"), (415, "MATERIAL_TYPE_NOT_ALLOWED"), (415, "MATERIAL_TYPE_MISMATCH"),
                  MultipartInvalid, MultipartTruncated, MultipartWithoutFile])
@resident_required
async def upload_material(request: Request, bundle_application_id: str, material_index: int,
                          query: UploadQuery) -> HTTPResponse:
    rt = request.app.ctx.runtime

    async def store(chunks: AsyncIterator[bytes], filename: str, declared_type: str | None) -> BundleMaterial:
        return await bundles.upload_material(
            rt=rt, resident_id=_resident(request), bundle_application_id=bundle_application_id,
            material_index=material_index, chunks=chunks, filename=filename, declared_type=declared_type)

    material = await receive_file(request, filename=query.filename, max_bytes=rt.settings.upload_max_bytes,
                                  default_name="material", handle=store)
    return await _out(request, await BundleApplication.get(id=material.bundle_application_id))


@bp.put("/bundle-applications/<bundle_application_id>/materials/<material_index:index>/certificate")
@endpoint(summary="以证照夹中的电子证照作为一件事的一项材料（免上传；本人的，或单位办理时单位的）", tag=TAG,
          body=PresentIn, response=BundleApplicationOut, secured=True,
          errors=[*_MATERIAL, certificates.CertificateNotFound, certificates.CertificateRevoked,
                  certificates.CertificateExpired, certificates.CertificateNotAccepted])
@resident_required
async def present_certificate(request: Request, bundle_application_id: str, material_index: int,
                              body: PresentIn) -> HTTPResponse:
    material = await bundles.present_certificate(
        rt=request.app.ctx.runtime, resident_id=_resident(request), bundle_application_id=bundle_application_id,
        material_index=material_index, certificate_id=body.certificate_id)
    return await _out(request, await BundleApplication.get(id=material.bundle_application_id))


@bp.post("/bundle-applications/<bundle_application_id>/submit")
@endpoint(summary="一次提交：各部门环节按定义并行或依次开始，给出一个受理编号", tag=TAG,
          response=BundleApplicationOut, secured=True,
          errors=[*_PARTY, bundles.FormChanged, bundle_parties.PartiesUnconfirmed, (422, "FORM_DATA_INVALID"),
                  applicant.ApplicantMismatch, (422, "MATERIALS_MISSING"), certificates.CertificateRevoked,
                  certificates.CertificateExpired])
@resident_required
async def submit(request: Request, bundle_application_id: str) -> HTTPResponse:
    return await _out(request, await bundles.submit(rt=request.app.ctx.runtime, resident_id=_resident(request),
                                                    bundle_application_id=bundle_application_id))


@bp.post("/bundle-applications/<bundle_application_id>/steps/<step_key>/resubmit")
@endpoint(summary="补正后重新提交部门要求补正的环节（只此一个环节；其他环节不受影响）", tag=TAG,
          response=BundleApplicationOut, secured=True,
          errors=[*_PARTY, corrections.StepNotFound, corrections.CorrectionNotRequested, applicant.ApplicantMismatch,
                  bundle_parties.PartiesUnconfirmed, bundles.FormChanged, (422, "FORM_DATA_INVALID"),
                  (422, "MATERIALS_MISSING"), certificates.CertificateRevoked, certificates.CertificateExpired,
                  (409, "APPLICATION_CHANGED")])
@resident_required
async def resubmit_step(request: Request, bundle_application_id: str, step_key: str) -> HTTPResponse:
    return await _out(request, await bundles.resubmit_step(
        rt=request.app.ctx.runtime, resident_id=_resident(request), bundle_application_id=bundle_application_id,
        step_key=step_key))


@bp.post("/bundle-applications/<bundle_application_id>/withdraw")
@endpoint(summary="撤回（任一当事人；在任何部门受理之前）", tag=TAG, body=ReasonIn, response=BundleApplicationOut,
          secured=True, errors=_PARTY)
@resident_required
async def withdraw(request: Request, bundle_application_id: str, body: ReasonIn) -> HTTPResponse:
    return await _out(request, await bundles.withdraw(
        rt=request.app.ctx.runtime, resident_id=_resident(request), bundle_application_id=bundle_application_id,
        reason=body.reason))


@bp.post("/desk/bundle-applications/<bundle_application_id>/issue")
@endpoint(summary="一次出件：各环节结果一并交付（窗口领取或邮寄）", tag="综合窗口", body=IssueIn,
          response=BundleApplicationOut, secured=True,
          errors=[*_FOUND, bundles.NotReady, (422, "TRACKING_NUMBER_REQUIRED"), (403, "FORBIDDEN")])
@staff_required("clerk", scope="hall")
async def issue(request: Request, bundle_application_id: str, body: IssueIn) -> HTTPResponse:
    return await _out(request, await bundles.issue(principal=request.ctx.principal,
                                                   bundle_application_id=bundle_application_id,
                                                   method=body.method, tracking_number=body.tracking_number))
