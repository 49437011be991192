"""一件事办件 for residents and agents: one shared form filled once (versioned: of two concurrent
edits the second is refused), every party's confirmation with their own verified identity, one
submission fanning out to the departments' steps (services/bundles/steps.py), one acceptance
number, one pickup of every result at the bundle's hall."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

from pydantic import Field
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.crypto import mask_name
from app.errors import Conflict, ValidationFailed
from app.ids import to_local, utcnow
from app.shapes import Schema, parse_id
from app.tokens import Principal
from models.bundles import BundleApplication, BundleMaterial, BundleState
from models.catalog import ServiceItem
from models.organization import Hall
from models.prereview import Application, ApplicationState, DeliveryMethod
from models.users import User
from services import companies, ledger, outbox
from services.applications import forms, prereview
from services.applications.lifecycle import BUNDLE, CLERK, Action, transition
from services.appointments import checkin
from services.bundles import corrections
from services.bundles import materials as bundle_materials
from services.bundles import parties as bundle_parties
from services.bundles import steps as bundle_steps
from services.catalog import HallNotFound, current_guide
from services.catalog import bundles as catalog_bundles
from services.catalog.guide import IdNumber, validate_form_data
from services.events import EventType
from services.identity import users

S = ApplicationState
BUNDLE_SEQUENCE = "#bundle"  # the hall's daily counter of bundle acceptance numbers
# Before any department has passed its pre-review, the bundle is not yet accepted: either
# party may withdraw it.
WITHDRAWABLE_STEPS = (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.NEEDS_CORRECTION)


class FormChanged(Conflict):
    code, message = "BUNDLE_FORM_CHANGED", "共享表单已被另一方修改，请刷新后在新版本上修改或确认"


class BundleStateInvalid(Conflict):
    code, message = "BUNDLE_STATE_INVALID", "一件事办件当前状态不允许此操作"


class PartiesInvalid(ValidationFailed):
    code, message = "BUNDLE_PARTIES_INVALID", "当事人须与一件事定义的角色一一对应，且不能重复"


class NotReady(Conflict):
    code, message = "BUNDLE_NOT_READY", "还有环节的结果未制作完成，不能一次出件"


class PartyIn(Schema):
    """Another party of the application, named as on their ID card; they confirm it themselves."""

    role: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=64)
    id_number: IdNumber


def _party(rt: Runtime, *, role: str, name: str, id_number: str, user_id: uuid.UUID | None) -> dict[str, Any]:
    return {"role": role, "name_masked": mask_name(name), "id_number_index": rt.cipher.blind_index(id_number),
            "user_id": str(user_id) if user_id else None, "confirmed_version": None}


async def create(*, rt: Runtime, resident_id: uuid.UUID, bundle_code: str, hall_id: str, role: str | None,
                 form_data: dict[str, Any], parties: list[PartyIn], company_id: str | None) -> BundleApplication:
    """Start a bundle application as a draft: the caller takes one party role (or files for a
    company they may act for on this bundle), the others are named to confirm later."""
    resident = await users.get_active_or_raise(user_id=resident_id)
    users.ensure_real_name(resident)
    bundle, version, spec = await catalog_bundles.current_version_or_raise(code=bundle_code)
    acting = await companies.authority(user=resident, company_id=company_id, code=bundle.code) if company_id else None
    parsed = parse_id(hall_id)
    hall = await Hall.get_or_none(id=parsed) if parsed else None
    if hall is None:
        raise HallNotFound(details={"hall_id": hall_id})
    own_role = role or spec.parties[0].role
    roles = sorted([own_role, *(p.role for p in parties)])
    if roles != sorted(p.role for p in spec.parties):
        raise PartiesInvalid(details={"expected": [p.role for p in spec.parties], "given": roles})
    own_id_number = rt.cipher.decrypt(resident.id_number_enc or "")
    if any(p.id_number == own_id_number.upper() for p in parties):
        raise PartiesInvalid(details={"reason": "party_is_self"})
    recorded = [_party(rt, role=own_role, name=rt.cipher.decrypt(resident.real_name_enc or ""),
                       id_number=own_id_number, user_id=resident.id)]
    recorded += [_party(rt, role=p.role, name=p.name, id_number=p.id_number, user_id=None) for p in parties]
    form_data = await bundle_parties.bind_identities(rt, spec=spec, parties=recorded, form=form_data)
    bundle_id = uuid.uuid4()
    return await BundleApplication.create(
        id=bundle_id, bundle_id=bundle.id, bundle_version_id=version.id, resident_id=resident.id,
        company_id=acting.company.id if acting else None, on_behalf_of=acting.record() if acting else None,
        hall_id=hall.id, parties=recorded,
        party_indexes="|" + "|".join(p["id_number_index"] for p in recorded) + "|",
        **bundle_steps.seal_form(rt, bundle_id=bundle_id, data_key=None, form=form_data))


async def list_mine(*, resident_id: uuid.UUID) -> list[BundleApplication]:
    """Bundle applications the caller may read, newest first."""
    user = await users.get_active_or_raise(user_id=resident_id)
    return await BundleApplication.filter(await bundle_parties.visible(user)).order_by("-created_at")


async def _correcting(bundle: BundleApplication) -> dict[str, corrections.Request]:
    """What may change a bundle application: anything while a draft (no requests); once under
    way, what the departments' open correction requests name; else nothing (409)."""
    if bundle.state is BundleState.DRAFT:
        return {}
    requests = await corrections.open_requests(bundle.id) if bundle.state is BundleState.IN_PROGRESS else {}
    if not requests:
        raise BundleStateInvalid(details={"state": bundle.state.value})
    return requests


async def update_form(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str,
                      form_version: int, form_data: dict[str, Any]) -> BundleApplication:
    """Replace the shared form, on the version the caller last read: of two parties editing at
    once, the second is refused (BUNDLE_FORM_CHANGED) and must edit the new version. Once
    submitted, only fields a department's correction request names may change."""
    bundle = await bundle_parties.to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    user = await bundle_parties.act_for(rt=rt, resident_id=resident_id, bundle=bundle)
    requests = await _correcting(bundle)
    form_data = await bundle_parties.bind_identities(rt, spec=await bundle_steps.definition_of(bundle),
                                                     parties=bundle.parties, form=form_data, caller=user)
    if requests:
        # Under way, only the fields a department asked to correct change.
        corrections.ensure_fields_asked_for(requests, before=bundle_steps.open_form(rt, bundle), after=form_data)
    moved = await BundleApplication.filter(id=bundle.id, form_version=form_version, state=bundle.state).update(
        form_version=form_version + 1, updated_at=utcnow(),
        **bundle_steps.seal_form(rt, bundle_id=bundle.id, data_key=bundle.data_key, form=form_data))
    if not moved:
        raise FormChanged(details={"form_version": bundle.form_version})
    await bundle.refresh_from_db()
    return bundle


async def confirm(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str,
                  form_version: int) -> BundleApplication:
    """A party confirms the application as it stands (this form version) with their own
    verified identity; an edit afterwards needs confirming again (a correction's too). A company
    agent who filed it confirms only while still authorised, as for any change."""
    bundle = await bundle_parties.to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    user = await bundle_parties.act_for(rt=rt, resident_id=resident_id, bundle=bundle)
    users.ensure_real_name(user)
    await _correcting(bundle)
    async with in_transaction():
        locked = await BundleApplication.select_for_update().get(id=bundle.id)
        if locked.state is not bundle.state:
            raise BundleStateInvalid(details={"state": locked.state.value})
        if locked.form_version != form_version:
            raise FormChanged(details={"form_version": locked.form_version})
        party = bundle_parties.party_of(rt, locked, user)
        if party is None:
            raise bundle_parties.NotAParty()
        party.update(user_id=str(user.id), confirmed_version=form_version)
        # Checked, not filled: filling would change the version the others confirmed (submit fills).
        await bundle_parties.bind_identities(rt, spec=await bundle_steps.definition_of(locked),
                                             parties=locked.parties, form=bundle_steps.open_form(rt, locked))
        await BundleApplication.filter(id=locked.id).update(parties=locked.parties, updated_at=utcnow())
    await bundle.refresh_from_db()
    return bundle


async def _material_target(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str,
                           material_index: int) -> tuple[bundle_materials.Target, User]:
    """Where a party's file for one of the bundle's materials goes: while a draft, the bundle; once
    under way, the bundle and the steps whose correction request names the material (no other)."""
    bundle = await bundle_parties.to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    user = await bundle_parties.act_for(rt=rt, resident_id=resident_id, bundle=bundle)
    requests = await _correcting(bundle)
    material = await bundle_materials.slot(bundle, await bundle_steps.definition_of(bundle), material_index)
    corrected = corrections.asked_for_material(requests, material.name) if requests else []
    return bundle_materials.Target(bundle, material_index, material, corrected), user


async def upload_material(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str, material_index: int,
                          chunks: AsyncIterator[bytes], filename: str, declared_type: str | None) -> BundleMaterial:
    """A party (or the company's agent) uploads one of the bundle's materials, once for every
    step that asks for it, while the application is a draft; once under way, again for a step
    whose correction request names it."""
    target, user = await _material_target(rt=rt, resident_id=resident_id, bundle_application_id=bundle_application_id,
                                          material_index=material_index)
    return await bundle_materials.upload(rt=rt, target=target, uploaded_by=user, chunks=chunks, filename=filename,
                                         declared_type=declared_type)


async def present_certificate(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str,
                              material_index: int, certificate_id: str) -> BundleMaterial:
    """A party presents a wallet certificate (their own, or for a company's bundle the company's)
    for one of the bundle's materials, when and where they could upload it."""
    target, user = await _material_target(rt=rt, resident_id=resident_id, bundle_application_id=bundle_application_id,
                                          material_index=material_index)
    return await bundle_materials.present(rt=rt, target=target, presented_by=user, certificate_id=certificate_id)


async def submit(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str) -> BundleApplication:
    """Submit once: the shared form valid, every other party confirmed on this version, every
    required material uploaded; one acceptance number; the steps fan out, those without
    predecessors starting now."""
    bundle = await bundle_parties.to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    user = await bundle_parties.act_for(rt=rt, resident_id=resident_id, bundle=bundle)
    if bundle.state is not BundleState.DRAFT:
        raise BundleStateInvalid(details={"state": bundle.state.value})
    spec = await bundle_steps.definition_of(bundle)
    # Bound again: the applicant's identity may have changed (or become known) since the last save.
    form = await bundle_parties.bind_identities(rt, spec=spec, parties=bundle.parties,
                                                form=bundle_steps.open_form(rt, bundle), caller=user)
    validate_form_data(template=spec.template.model_dump(mode="json"), data=form)
    confirmed = bundle_parties.confirmed_by(rt, bundle, user)
    await bundle_materials.ensure_complete(bundle, spec)
    items = {i.code: i for i in await ServiceItem.filter(code__in=[s.item for s in spec.steps])}
    hall = await Hall.get(id=bundle.hall_id)
    now = utcnow()
    day = to_local(now).date()
    async with in_transaction():
        if not await BundleApplication.filter(id=bundle.id, form_version=bundle.form_version,
                                              state=BundleState.DRAFT).update(
                state=BundleState.IN_PROGRESS, submitted_at=now, parties=confirmed,
                **bundle_steps.seal_form(rt, bundle_id=bundle.id, data_key=bundle.data_key, form=form)):
            raise FormChanged(details={"form_version": bundle.form_version})
        serial = await checkin.next_in_sequence(hall_id=hall.id, day=day, sequence=BUNDLE_SEQUENCE)
        number = f"{hall.code}-YJS-{day:%Y%m%d}-{serial:04d}"
        await BundleApplication.filter(id=bundle.id).update(acceptance_number=number)
        await bundle.refresh_from_db()
        created = {}
        for step in spec.steps:
            item = items[step.item]
            step_id = uuid.uuid4()
            created[step.key] = await Application.create(
                id=step_id, resident_id=bundle.resident_id, item=item, guide=await current_guide(item=item),
                department_id=item.department_id, hall_id=bundle.hall_id, company_id=bundle.company_id,
                on_behalf_of=bundle.on_behalf_of, bundle_application_id=bundle.id, bundle_step=step.key,
                **forms.sealed_columns(wrapper=rt.wrapper, application_id=step_id, data_key=None, form={}))
        for step in spec.steps:
            if not step.after:
                await bundle_steps.start(rt=rt, bundle=bundle, spec=spec, step=created[step.key], steps=created)
        await outbox.emit(event_type=EventType.BUNDLE_SUBMITTED, aggregate_id=str(bundle.id), payload={
            "bundle_application_id": str(bundle.id), "resident_id": str(bundle.resident_id),
            "acceptance_number": number})
    return bundle


async def resubmit_step(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str,
                        step_key: str) -> BundleApplication:
    """Answer a department's correction request: the step that asked, and no other, is submitted
    again with its share of the shared form as it now stands (the changed fields handed over
    again, ledgered) and the files replaced for it; every other party must have confirmed a
    changed form."""
    bundle = await bundle_parties.to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    user, acting = await bundle_parties.acting(rt=rt, resident_id=resident_id, bundle=bundle)
    if bundle.state is not BundleState.IN_PROGRESS:
        raise BundleStateInvalid(details={"state": bundle.state.value})
    step, steps = await corrections.step_to_resubmit(bundle, step_key)
    spec = await bundle_steps.definition_of(bundle)
    # The applicant's fields were filled at submission; a changed identity is refused here as there.
    validate_form_data(template=spec.template.model_dump(mode="json"), data=await bundle_parties.bind_identities(
        rt, spec=spec, parties=bundle.parties, form=bundle_steps.open_form(rt, bundle), caller=user))
    confirmed = bundle_parties.confirmed_by(rt, bundle, user)
    flagged = await corrections.still_flagged(step)
    if flagged:
        places = {m.name: i for i, m in enumerate(await bundle_materials.needed(bundle, spec))}
        raise ValidationFailed("还有部门要求补正的材料未重新上传", code="MATERIALS_MISSING", details={
            "materials": [{"material_index": places.get(name), "name": name} for name in flagged]})
    received = forms.open_form(wrapper=rt.wrapper, application=step).data
    form, handovers = await bundle_steps.share_for(rt, bundle=bundle, spec=spec, step=step, steps=steps)
    # Handed over again: only the fields whose values changed since the step received them.
    changed = corrections.changed_fields(received, form)
    again = [{**h, "fields": [f for f in h["fields"] if f in changed]} for h in handovers]
    async with in_transaction():
        # The form resubmitted is the one the other parties confirmed: an edit since is refused.
        if not await BundleApplication.filter(id=bundle.id, form_version=bundle.form_version).update(
                parties=confirmed, updated_at=utcnow()):
            raise FormChanged(details={"form_version": bundle.form_version})
        await ledger.append_batch(records=[("bundle_handover", record) for record in again if record["fields"]])
        await prereview.record_submission(rt=rt, application=step, form=form, actor_id=str(user.id), acting=acting)
    await bundle.refresh_from_db()
    return bundle


async def withdraw(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str,
                   reason: str) -> BundleApplication:
    """Either party withdraws the application before any department has accepted its step."""
    bundle = await bundle_parties.to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    user = await bundle_parties.act_for(rt=rt, resident_id=resident_id, bundle=bundle)
    steps = await bundle_steps.steps_of(bundle.id)
    if bundle.state not in (BundleState.DRAFT, BundleState.IN_PROGRESS) or any(
            s.state not in WITHDRAWABLE_STEPS for s in steps.values()):
        raise BundleStateInvalid("已有部门受理，不能撤回", details={"state": bundle.state.value})
    async with in_transaction():
        if not await BundleApplication.filter(id=bundle.id, state=bundle.state).update(
                state=BundleState.WITHDRAWN, stop_reason=reason, updated_at=utcnow()):
            raise BundleStateInvalid(details={"state": bundle.state.value})
        for step in steps.values():
            await transition(step, action=Action.STOP, to=S.WITHDRAWN, actor_id=str(user.id), actor_role=BUNDLE,
                             reason=f"一件事办件已撤回：{reason}")
    await bundle.refresh_from_db()
    return bundle


async def issue(*, principal: Principal, bundle_application_id: str, method: DeliveryMethod,
                tracking_number: str | None) -> BundleApplication:
    """One pickup: every step's result is handed over (or mailed) together at the bundle's hall."""
    parsed = parse_id(bundle_application_id)
    bundle = await BundleApplication.get_or_none(id=parsed) if parsed else None
    if bundle is None:
        raise bundle_parties.BundleApplicationNotFound(details={"bundle_application_id": str(bundle_application_id)})
    require_scope(principal, CLERK, hall_id=str(bundle.hall_id))
    if method is DeliveryMethod.MAIL and not (tracking_number or "").strip():
        raise ValidationFailed("邮寄送达须填写运单号", code="TRACKING_NUMBER_REQUIRED")
    steps = await bundle_steps.steps_of(bundle.id)
    waiting = sorted(k for k, s in steps.items() if s.state is not S.CERTIFICATE_MADE)
    if bundle.state is not BundleState.IN_PROGRESS or waiting:
        raise NotReady(details={"state": bundle.state.value, "steps": waiting})
    now = utcnow()
    async with in_transaction():
        if not await BundleApplication.filter(id=bundle.id, state=BundleState.IN_PROGRESS).update(
                state=BundleState.COMPLETED, issued_at=now):
            raise NotReady(details={"state": bundle.state.value})
        for step in steps.values():
            await transition(step, action=Action.ISSUE, to=S.ISSUED, actor_id=str(principal.subject_id),
                             actor_role=CLERK, reason=method.value,
                             updates={"delivery_method": method, "issued_at": now,
                                      "tracking_number": tracking_number if method is DeliveryMethod.MAIL else None})
        await outbox.emit(event_type=EventType.BUNDLE_ISSUED, aggregate_id=str(bundle.id), payload={
            "bundle_application_id": str(bundle.id), "resident_id": str(bundle.resident_id)})
        await bundle_steps.invite_evaluation(bundle)
    await bundle.refresh_from_db()
    return bundle
