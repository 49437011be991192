"""一件事办件 for residents and agents: one shared form filled once (versioned: of two concurrent
edits the second is refused), every party's confirmation with their own verified identity, one
submission fanning out to the departments' steps (services/bundles/steps.py), one acceptance
number, one pickup of every result at the bundle's hall."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

from pydantic import Field
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.crypto import mask_name
from app.errors import Conflict, Forbidden, NotFoundError, ValidationFailed
from app.ids import to_local, utcnow
from app.shapes import Schema, parse_id
from app.tokens import Principal
from models.bundles import BundleApplication, BundleMaterial, BundleState
from models.catalog import ServiceItem
from models.organization import Hall
from models.prereview import Application, ApplicationState, DeliveryMethod
from models.users import User
from services import companies, outbox
from services.applications import forms
from services.applications.lifecycle import BUNDLE, CLERK, Action, transition
from services.appointments import checkin
from services.bundles import materials as bundle_materials
from services.bundles import steps as bundle_steps
from services.catalog import HallNotFound, current_guide
from services.catalog import bundles as catalog_bundles
from services.catalog.guide import IdNumber, validate_form_data
from services.companies import reach
from services.events import EventType
from services.identity import users

S = ApplicationState
BUNDLE_SEQUENCE = "#bundle"  # the hall's daily counter of bundle acceptance numbers
# Before any department has passed its pre-review, the bundle is not yet accepted: either
# party may withdraw it.
WITHDRAWABLE_STEPS = (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.NEEDS_CORRECTION)


class BundleApplicationNotFound(NotFoundError):
    code, message = "BUNDLE_APPLICATION_NOT_FOUND", "一件事办件不存在"


class FormChanged(Conflict):
    code, message = "BUNDLE_FORM_CHANGED", "共享表单已被另一方修改，请刷新后在新版本上修改或确认"


class PartiesUnconfirmed(Conflict):
    code, message = "BUNDLE_PARTIES_UNCONFIRMED", "还有当事人未以本人实名身份确认当前版本的申请，不能提交"


class NotAParty(Forbidden):
    code, message = "BUNDLE_NOT_A_PARTY", "您不是该一件事办件的当事人"


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
    bundle_id = uuid.uuid4()
    return await BundleApplication.create(
        id=bundle_id, bundle_id=bundle.id, bundle_version_id=version.id, resident_id=resident.id,
        company_id=acting.company.id if acting else None, on_behalf_of=acting.record() if acting else None,
        hall_id=hall.id, parties=recorded,
        party_indexes="|" + "|".join(p["id_number_index"] for p in recorded) + "|",
        **bundle_steps.seal_form(rt, bundle_id=bundle_id, data_key=None, form=form_data))


def _party_of(rt: Runtime, bundle: BundleApplication, user: User) -> dict[str, Any] | None:
    index = user.id_number_index
    return next((p for p in bundle.parties if p["user_id"] == str(user.id)
                 or (index and p["id_number_index"] == index)), None)


async def _visible(user: User) -> Q:
    """The bundle applications the user may read now: personal ones they filed or are named in as
    a party, and a company's they may see (services/companies/reach.py: its representative, an
    agent while authorised for the bundle's code)."""
    named = Q(party_indexes__contains=f"|{user.id_number_index}|") if user.id_number_index else Q(pk__in=[])
    personal = Q(Q(resident_id=user.id) | named, company_id__isnull=True)
    return personal | reach.bundle_applications_filter(await reach.reach_of(user=user))


async def get_visible(*, resident_id: uuid.UUID, bundle_application_id: str) -> BundleApplication:
    """A bundle application the caller may read; others answer 404."""
    user = await users.get_active_or_raise(user_id=resident_id)
    parsed = parse_id(bundle_application_id)
    found = await BundleApplication.filter(await _visible(user), id=parsed).first() if parsed else None
    if found is None:
        raise BundleApplicationNotFound(details={"bundle_application_id": str(bundle_application_id)})
    return found


async def _to_change(*, resident_id: uuid.UUID, bundle_application_id: str) -> BundleApplication:
    """A bundle application the caller may read, or filed: a former agent is then told why they
    may no longer change it (``_act_for``), not that it does not exist."""
    user = await users.get_active_or_raise(user_id=resident_id)
    parsed = parse_id(bundle_application_id)
    found = (await BundleApplication.filter(await _visible(user) | Q(resident_id=user.id), id=parsed).first()
             if parsed else None)
    if found is None:
        raise BundleApplicationNotFound(details={"bundle_application_id": str(bundle_application_id)})
    return found


async def list_mine(*, resident_id: uuid.UUID) -> list[BundleApplication]:
    """Bundle applications the caller may read, newest first."""
    user = await users.get_active_or_raise(user_id=resident_id)
    return await BundleApplication.filter(await _visible(user)).order_by("-created_at")


async def _act_for(*, rt: Runtime, resident_id: uuid.UUID, bundle: BundleApplication) -> User:
    """The caller as a party who may change the draft (re-checking a company agent's authority)."""
    user = await users.get_active_or_raise(user_id=resident_id)
    if _party_of(rt, bundle, user) is None and bundle.resident_id != user.id:
        raise NotAParty()
    if bundle.company_id is not None and bundle.resident_id == user.id:
        await bundle.fetch_related("bundle")
        await companies.authority(user=user, company_id=bundle.company_id, code=bundle.bundle.code)
    return user


async def update_form(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str,
                      form_version: int, form_data: dict[str, Any]) -> BundleApplication:
    """Replace the shared form, on the version the caller last read: of two parties editing at
    once, the second is refused (BUNDLE_FORM_CHANGED) and must edit the new version."""
    bundle = await _to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    await _act_for(rt=rt, resident_id=resident_id, bundle=bundle)
    if bundle.state is not BundleState.DRAFT:
        raise BundleStateInvalid(details={"state": bundle.state.value})
    moved = await BundleApplication.filter(id=bundle.id, form_version=form_version, state=BundleState.DRAFT).update(
        form_version=form_version + 1, updated_at=utcnow(),
        **bundle_steps.seal_form(rt, bundle_id=bundle.id, data_key=bundle.data_key, form=form_data))
    if not moved:
        raise FormChanged(details={"form_version": bundle.form_version})
    await bundle.refresh_from_db()
    return bundle


async def confirm(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str,
                  form_version: int) -> BundleApplication:
    """A party confirms the application as it stands (this form version) with their own
    verified identity; an edit afterwards needs confirming again."""
    bundle = await _to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    user = await users.get_active_or_raise(user_id=resident_id)
    users.ensure_real_name(user)
    async with in_transaction():
        locked = await BundleApplication.select_for_update().get(id=bundle.id)
        if locked.state is not BundleState.DRAFT:
            raise BundleStateInvalid(details={"state": locked.state.value})
        if locked.form_version != form_version:
            raise FormChanged(details={"form_version": locked.form_version})
        party = _party_of(rt, locked, user)
        if party is None:
            raise NotAParty()
        party.update(user_id=str(user.id), confirmed_version=form_version)
        await BundleApplication.filter(id=locked.id).update(parties=locked.parties, updated_at=utcnow())
    await bundle.refresh_from_db()
    return bundle


async def upload_material(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str, material_index: int,
                          chunks: AsyncIterator[bytes], filename: str, declared_type: str | None) -> BundleMaterial:
    """A party (or the company's agent) uploads one of the bundle's materials, once for every
    step that asks for it, while the application is a draft."""
    bundle = await _to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    user = await _act_for(rt=rt, resident_id=resident_id, bundle=bundle)
    if bundle.state is not BundleState.DRAFT:
        raise BundleStateInvalid(details={"state": bundle.state.value})
    return await bundle_materials.store(rt=rt, bundle=bundle, spec=await bundle_steps.definition_of(bundle),
                                        material_index=material_index, uploaded_by=str(user.id), chunks=chunks,
                                        filename=filename, declared_type=declared_type)


async def submit(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str) -> BundleApplication:
    """Submit once: the shared form valid, every other party confirmed on this version, every
    required material uploaded; one acceptance number; the steps fan out, those without
    predecessors starting now."""
    bundle = await _to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    user = await _act_for(rt=rt, resident_id=resident_id, bundle=bundle)
    if bundle.state is not BundleState.DRAFT:
        raise BundleStateInvalid(details={"state": bundle.state.value})
    spec = await bundle_steps.definition_of(bundle)
    form = bundle_steps.open_form(rt, bundle)
    validate_form_data(template=spec.template.model_dump(mode="json"), data=form)
    unconfirmed = [p["role"] for p in bundle.parties
                   if p["user_id"] != str(user.id) and p["confirmed_version"] != bundle.form_version]
    if unconfirmed:
        raise PartiesUnconfirmed(details={"roles": unconfirmed})
    await bundle_materials.ensure_complete(bundle, spec)
    items = {i.code: i for i in await ServiceItem.filter(code__in=[s.item for s in spec.steps])}
    hall = await Hall.get(id=bundle.hall_id)
    now = utcnow()
    day = to_local(now).date()
    async with in_transaction():
        if not await BundleApplication.filter(id=bundle.id, form_version=bundle.form_version,
                                              state=BundleState.DRAFT).update(state=BundleState.IN_PROGRESS,
                                                                               submitted_at=now):
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


async def withdraw(*, rt: Runtime, resident_id: uuid.UUID, bundle_application_id: str,
                   reason: str) -> BundleApplication:
    """Either party withdraws the application before any department has accepted its step."""
    bundle = await _to_change(resident_id=resident_id, bundle_application_id=bundle_application_id)
    user = await _act_for(rt=rt, resident_id=resident_id, bundle=bundle)
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
        raise BundleApplicationNotFound(details={"bundle_application_id": str(bundle_application_id)})
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
