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
from services.bundles import materials as bundle_materials
from services.bundles import steps as bundle_steps
from services.companies.shapes import OnBehalfOf


class PartyOut(Schema):
    role: str
    name_masked: str
    confirmed: bool = Field(description="已以本人实名身份确认当前版本")


class StepOut(Schema):
    key: str
    application_id: str = Field(description="本环节在该部门的办件（GET /api/v1/applications/{id} 查看）")
    item_name: str
    department_id: str
    after: list[str]
    state: ApplicationState
    acceptance_number: str | None
    outputs: dict[str, Any] = Field(description="本环节决定时产生并传给后续环节的数据")


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


class BundleMaterialOut(Schema):
    index: int = Field(description="上传时的序号：PUT /api/v1/bundle-applications/{id}/materials/{index}")
    name: str
    description: str
    required: bool
    steps: list[str] = Field(description="需要该材料的环节：各环节开始时只收到本环节指南所列的材料")
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
                       original_filename=material.original_filename, uploaded_at=material.updated_at)


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
                                     steps=m.steps, uploaded=_uploaded(have.get(m.name)))
                   for i, m in enumerate(await bundle_materials.needed(bundle, spec))],
        steps=[StepOut(key=s.key, application_id=str(steps[s.key].id), item_name=names[steps[s.key].item_id],
                       department_id=str(steps[s.key].department_id), after=s.after, state=steps[s.key].state,
                       acceptance_number=steps[s.key].acceptance_number,
                       outputs=steps[s.key].bundle_outputs or {}) for s in spec.steps if s.key in steps],
        results=[ResultOut(name=o.name, step=o.step, ready=o.step in steps and steps[o.step].state in made)
                 for o in spec.outputs],
        timeline=[TimelineEntry(step=key_of[t.application_id],
                                item_name=names[steps[key_of[t.application_id]].item_id],
                                from_state=ApplicationState(t.from_state), to_state=ApplicationState(t.to_state),
                                actor_role=t.actor_role,
                                reason=t.reason, at=t.created_at) for t in transitions])
