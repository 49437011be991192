"""Response shapes of bundle applications: the shared form, parties, each department's step and
one combined timeline."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from app.context import Runtime
from app.shapes import LocalDateTime, Schema
from models.bundles import BundleApplication, BundleMaterial, BundleState
from models.catalog import ServiceItem
from models.prereview import ApplicationState, ApplicationTransition
from services.bundles import corrections
from services.bundles import materials as bundle_materials
from services.bundles import steps as bundle_steps
from services.companies.shapes import OnBehalfOf


class PartyOut(Schema):
    role: str
    name_masked: str
    confirmed: bool = Field(description="已以本人实名身份确认当前版本")


class CorrectionItemOut(Schema):
    material_index: int | None = Field(description="一件事材料序号（重新上传：PUT …/materials/{index}）；"
                                                    "意见针对表单字段，或该材料由前序环节结果取得时为 null")
    material_name: str | None
    field_name: str | None = Field(description="共享表单字段（修改：PUT …/form）")
    field_label: str | None
    message: str


class CorrectionOut(Schema):
    requested_at: LocalDateTime
    reason: str = Field(description="审查人员的补正说明")
    items: list[CorrectionItemOut] = Field(description="逐项意见：须补正的材料和字段")


class StepOut(Schema):
    key: str
    application_id: str = Field(description="本环节在该部门的办件（GET /api/v1/applications/{id} 查看）")
    item_name: str
    department_id: str
    after: list[str]
    state: ApplicationState
    acceptance_number: str | None
    outputs: dict[str, Any] = Field(description="本环节决定时产生并传给后续环节的数据")
    correction: CorrectionOut | None = Field(
        description="部门要求补正时：要求补正的材料和字段及意见；补正后 POST …/steps/{key}/resubmit")


class TimelineEntry(Schema):
    step: str
    item_name: str
    from_state: ApplicationState
    to_state: ApplicationState
    actor_role: str
    reason: str
    at: LocalDateTime


class ResultOut(Schema):
    name: str
    step: str
    ready: bool = Field(description="该环节已制证或出件")


class UploadedOut(Schema):
    sha256: str
    size: int
    content_type: str
    original_filename: str
    uploaded_at: LocalDateTime
    reused_from_id: str | None = Field(description="与本人（或单位）早先办件中的同一文件相同，引用而未重复存储")
    certificate_id: str | None = Field(description="以证照夹中的电子证照作为该材料")


class BundleMaterialOut(Schema):
    index: int = Field(description="上传时的序号：PUT /api/v1/bundle-applications/{id}/materials/{index}")
    name: str
    description: str
    required: bool
    steps: list[str] = Field(description="需要该材料的环节：各环节开始时只收到本环节指南所列的材料")
    reusable: bool = Field(description="各环节均允许复用：与早先同一文件相同的上传不重复存储")
    certificate_type: str | None = Field(
        description="可用电子证照代替上传时所接受的证照类型（PUT …/materials/{index}/certificate）")
    uploaded: UploadedOut | None


class BundleApplicationOut(Schema):
    id: str
    bundle_code: str
    bundle_name: str
    bundle_version: int
    state: BundleState
    form_version: int = Field(description="共享表单版本：修改与确认须带上所读到的版本")
    form_data: dict[str, Any]
    parties: list[PartyOut]
    on_behalf_of: OnBehalfOf | None
    hall_id: str = Field(description="一次出件的大厅")
    acceptance_number: str | None = Field(description="一件事受理编号（一个）")
    stop_reason: str
    submitted_at: LocalDateTime | None
    issued_at: LocalDateTime | None
    materials: list[BundleMaterialOut] = Field(
        description="各环节所需材料（同名只传一次；由前序环节办理结果取得的不在其列）")
    steps: list[StepOut]
    results: list[ResultOut]
    timeline: list[TimelineEntry] = Field(description="各环节的状态变更合并为一条时间线")


class BundleApplicationList(Schema):
    items: list[BundleApplicationOut]


def _uploaded(material: BundleMaterial | None) -> UploadedOut | None:
    if material is None:
        return None
    return UploadedOut(sha256=material.sha256, size=material.size, content_type=material.content_type,
                       original_filename=material.original_filename, uploaded_at=material.updated_at,
                       reused_from_id=str(material.reused_from_id) if material.reused_from_id else None,
                       certificate_id=str(material.certificate_id) if material.certificate_id else None)


def _correction(request: corrections.Request | None, *, places: dict[str, int],
                labels: dict[str, str]) -> CorrectionOut | None:
    if request is None:
        return None
    items = []
    for comment in request.comments:
        name = request.materials.get(comment.material_index) if comment.material_index is not None else None
        items.append(CorrectionItemOut(
            material_index=places.get(name) if name else None, material_name=name, field_name=comment.field_name,
            field_label=labels.get(comment.field_name) if comment.field_name else None, message=comment.message))
    return CorrectionOut(requested_at=request.requested_at, reason=request.reason, items=items)


async def bundle_application_out(bundle: BundleApplication, *, rt: Runtime) -> BundleApplicationOut:
    """A bundle application with its shared form, steps, results and the combined timeline."""
    await bundle.fetch_related("bundle", "bundle_version")
    spec = await bundle_steps.definition_of(bundle)
    steps = await bundle_steps.steps_of(bundle.id)
    names = dict(await ServiceItem.filter(id__in=[s.item_id for s in steps.values()]).values_list("id", "name"))
    key_of = {s.id: k for k, s in steps.items()}
    transitions = await ApplicationTransition.filter(application_id__in=list(key_of)).order_by("created_at")
    made = (ApplicationState.CERTIFICATE_MADE, ApplicationState.ISSUED)
    have = await bundle_materials.held(bundle)
    materials = await bundle_materials.needed(bundle, spec)
    places = {m.name: i for i, m in enumerate(materials)}
    labels = {f.name: f.label for f in spec.template.fields}
    requests = await corrections.open_requests(bundle.id)
    return BundleApplicationOut(
        id=str(bundle.id), bundle_code=bundle.bundle.code, bundle_name=bundle.bundle.name,
        bundle_version=bundle.bundle_version.version, state=bundle.state, form_version=bundle.form_version,
        form_data=bundle_steps.open_form(rt, bundle),
        parties=[PartyOut(role=p["role"], name_masked=p["name_masked"],
                          confirmed=p["confirmed_version"] == bundle.form_version) for p in bundle.parties],
        on_behalf_of=OnBehalfOf(**bundle.on_behalf_of) if bundle.on_behalf_of else None,
        hall_id=str(bundle.hall_id), acceptance_number=bundle.acceptance_number, stop_reason=bundle.stop_reason,
        submitted_at=bundle.submitted_at, issued_at=bundle.issued_at,
        materials=[BundleMaterialOut(index=i, name=m.name, description=m.description, required=m.required,
                                     steps=m.steps, reusable=m.reusable, certificate_type=m.accepts,
                                     uploaded=_uploaded(have.get(m.name)))
                   for i, m in enumerate(materials)],
        steps=[StepOut(key=s.key, application_id=str(steps[s.key].id), item_name=names[steps[s.key].item_id],
                       department_id=str(steps[s.key].department_id), after=s.after, state=steps[s.key].state,
                       acceptance_number=steps[s.key].acceptance_number,
                       outputs=steps[s.key].bundle_outputs or {},
                       correction=_correction(requests.get(s.key), places=places, labels=labels))
               for s in spec.steps if s.key in steps],
        results=[ResultOut(name=o.name, step=o.step, ready=o.step in steps and steps[o.step].state in made)
                 for o in spec.outputs],
        timeline=[TimelineEntry(step=key_of[t.application_id],
                                item_name=names[steps[key_of[t.application_id]].item_id],
                                from_state=ApplicationState(t.from_state), to_state=ApplicationState(t.to_state),
                                actor_role=t.actor_role,
                                reason=t.reason, at=t.created_at) for t in transitions])
