"""Online pre-review for residents: drafts, form data, materials, submit, withdraw; transitions."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from app.context import Runtime
from app.errors import Conflict, NotFoundError, ValidationFailed
from app.ids import to_local, utcnow
from app.shapes import decode_cursor, encode_cursor, parse_id
from models.catalog import HandlingMode
from models.prereview import (
    Application,
    ApplicationMaterial,
    ApplicationState,
    ApplicationTransition,
    MaterialStatus,
    ReviewComment,
)
from models.users import User
from services import calendar, catalog, companies
from services.applications import applicant, certificates, forms, representation
from services.applications.lifecycle import (
    Action,
    ApplicationChanged,
    IllegalTransition,
    require,
    transition,
)
from services.catalog.guide import ApplicantAttribute, StepName, validate_form_data
from services.companies import reach
from services.events import EventType
from services.identity import users

EDITABLE = (ApplicationState.DRAFT, ApplicationState.NEEDS_CORRECTION)


class ApplicationNotFound(NotFoundError):
    code, message = "APPLICATION_NOT_FOUND", "办件不存在"


class BundleStepManaged(Conflict):
    code, message = "BUNDLE_STEP_MANAGED", "该办件是一件事的一个环节，请在一件事办件中操作"


class MaterialNotFound(NotFoundError):
    code, message = "MATERIAL_NOT_FOUND", "材料不存在"


async def load_or_raise(*scope: Q, application_id: Any, **filters: Any) -> Application:
    """An application within a scope (``resident_id=…`` or a ``scope_filter``), else 404."""
    parsed = parse_id(application_id)
    application = await Application.get_or_none(*scope, id=parsed, **filters) if parsed else None
    if application is None:
        raise ApplicationNotFound(details={"application_id": str(application_id)})
    return application


def _same_draft(existing: Application, item_id: uuid.UUID) -> Application:
    if existing.item_id != item_id:
        raise Conflict("该 Idempotency-Key 已用于另一个办件", code="IDEMPOTENCY_KEY_REUSED")
    return existing


async def create_draft(*, rt: Runtime, resident_id: uuid.UUID, item_id: str, form_data: dict[str, Any],
                       represented: representation.RepresentedIn | None = None,
                       company_id: str | None = None,
                       idempotency_key: str | None = None) -> tuple[Application, bool]:
    """Start an application for a pre-review item, pinned to its current guide version; for a
    company when ``company_id`` names one the resident may act for on this item.

    A retry with the same Idempotency-Key returns the first draft (created=False)."""
    item = await catalog.get_item_or_raise(item_id=item_id)
    if idempotency_key and (existing := await Application.get_or_none(
            resident_id=resident_id, idempotency_key=idempotency_key)):
        return _same_draft(existing, item.id), False
    if HandlingMode.ONLINE_PREREVIEW.value not in item.modes:
        raise ValidationFailed("该事项不支持网上预审", code="ITEM_NOT_PREREVIEWABLE")
    resident = await users.get_active_or_raise(user_id=resident_id)
    users.ensure_real_name_level(resident, item.min_realname_level)
    acting = await companies.authority(user=resident, company_id=company_id, code=item.code) if company_id else None
    guide = await catalog.current_guide(item=item)
    declared = (representation.declare(rt, agent=resident, represented=represented,
                                       guide_materials=guide.materials) if represented else None)
    form_data = applicant.bind(template=guide.data_template, form_data=form_data,
                               identity=_applicant_identity(rt, declared, resident))
    application_id = uuid.uuid4()
    try:
        return await Application.create(
            id=application_id, resident_id=resident_id, item=item, guide=guide,
            department_id=item.department_id, representation=declared, idempotency_key=idempotency_key,
            company_id=acting.company.id if acting else None, on_behalf_of=acting.record() if acting else None,
            **forms.sealed_columns(wrapper=rt.wrapper, application_id=application_id, data_key=None,
                                   form=form_data)), True
    except IntegrityError:
        # A concurrent retry with the same key won the insert: answer with its draft.
        existing = await Application.get(resident_id=resident_id, idempotency_key=idempotency_key)
        return _same_draft(existing, item.id), False


def _applicant_identity(rt: Runtime, declared: dict[str, Any] | None, resident: User) -> dict[ApplicantAttribute, str]:
    """Whom the applicant fields name: the person declared when filed for someone else, else the
    resident's own verified identity."""
    return representation.identity_of(rt, declared) or applicant.verified_identity(rt.cipher, resident)


async def get_mine_or_raise(*, resident_id: uuid.UUID, application_id: str) -> Application:
    """One of the resident's applications; others' ids answer 404 like unknown ones."""
    return await load_or_raise(application_id=application_id, resident_id=resident_id)


async def get_visible_or_raise(*, resident_id: uuid.UUID, application_id: str) -> Application:
    """An application the resident may read now: their own personal one, or a company's they may
    see (services/companies/reach.py); others' ids answer 404 like unknown ones."""
    user = await users.get_active_or_raise(user_id=resident_id)
    return await load_or_raise(await reach.visible_applications(user=user), application_id=application_id)


async def acting_for(application: Application, *, resident_id: uuid.UUID) -> companies.Acting | None:
    """For an application filed for a company: the resident's authority to act for it now on the
    item (an agent's revoked or expired authorisation stops them); None for a personal one."""
    if application.company_id is None:
        return None
    await application.fetch_related("item")
    return await companies.authority(user=await users.get_active_or_raise(user_id=resident_id),
                                     company_id=application.company_id, code=application.item.code)


async def _changeable(*, resident_id: uuid.UUID, application_id: str) -> tuple[Application, companies.Acting | None]:
    """One of the resident's applications, to change, and the authority it is changed under; a
    bundle's step changes only through its bundle application."""
    application = await get_mine_or_raise(resident_id=resident_id, application_id=application_id)
    if application.bundle_application_id is not None:
        raise BundleStepManaged(details={"bundle_application_id": str(application.bundle_application_id)})
    return application, await acting_for(application, resident_id=resident_id)


async def get_mine_to_change(*, resident_id: uuid.UUID, application_id: str) -> Application:
    """One of the resident's applications, to change (see ``_changeable``)."""
    application, _ = await _changeable(resident_id=resident_id, application_id=application_id)
    return application


async def list_mine(*, resident_id: uuid.UUID, cursor: str | None,
                    limit: int) -> tuple[list[Application], str | None]:
    """The applications the resident may read (their own, and the companies' they may see),
    newest first, one cursor page."""
    user = await users.get_active_or_raise(user_id=resident_id)
    query = Application.filter(await reach.visible_applications(user=user))
    if cursor:
        created, _, last_id = decode_cursor(cursor).partition("|")
        try:
            moment, after_id = datetime.fromisoformat(created), uuid.UUID(last_id)
        except ValueError as exc:
            raise ValidationFailed("分页游标无效", code="INVALID_CURSOR") from exc
        query = query.filter(Q(created_at__lt=moment) | Q(created_at=moment, id__lt=after_id))
    rows = await query.order_by("-created_at", "-id").limit(limit + 1)
    page = rows[:limit]
    next_cursor = (encode_cursor(f"{page[-1].created_at.isoformat()}|{page[-1].id}")
                   if len(rows) > limit else None)
    return page, next_cursor


async def update_form(*, rt: Runtime, resident_id: uuid.UUID, application_id: str,
                      form_data: dict[str, Any]) -> Application:
    """Replace the form data while the application is a draft or awaiting correction."""
    application = await get_mine_to_change(resident_id=resident_id, application_id=application_id)
    if application.state not in EDITABLE:
        raise IllegalTransition("只有草稿或待补正的办件可以修改", details={"state": application.state.value})
    await application.fetch_related("guide")
    form_data = applicant.bind(template=application.guide.data_template, form_data=form_data,
                               identity=_applicant_identity(rt, application.representation,
                                                            await users.get_active_or_raise(user_id=resident_id)))
    moved = await Application.filter(id=application.id, version=application.version).update(
        **forms.sealed_columns(wrapper=rt.wrapper, application_id=application.id, data_key=application.data_key,
                               form=form_data),
        version=application.version + 1, updated_at=utcnow())
    if not moved:
        raise ApplicationChanged()
    await application.refresh_from_db()
    return application


async def materials_of(application: Application) -> list[ApplicationMaterial]:
    return await ApplicationMaterial.filter(application_id=application.id).order_by("material_index")


async def _missing_materials(application: Application) -> list[dict[str, Any]]:
    await application.fetch_related("guide")
    have = {m.material_index: m for m in await materials_of(application)}
    return [{"material_index": i, "name": spec["name"]}
            for i, spec in enumerate(representation.material_specs(application))
            if spec.get("required", True) and (i not in have
                                              or have[i].status != MaterialStatus.UPLOADED)]


async def prereview_deadline(*, application: Application, submitted_on: date,
                             rt: Runtime) -> calendar.DueDate:
    """The pre-review due date: the guide's 预审 step limit (else the default) in working days."""
    days = next((s.get("limit_days", 0) for s in application.guide.steps
                 if s.get("name") == StepName.PRE_REVIEW), rt.settings.prereview_default_days)
    return await calendar.due_after(start=submitted_on, days=days)


async def _submitted_by(application: Application, resident_id: uuid.UUID) -> bool:
    """Whether the application stands as this resident's submission left it (nothing since)."""
    if application.state != ApplicationState.SUBMITTED:
        return False
    latest = await ApplicationTransition.filter(application_id=application.id).order_by("-created_at").first()
    return latest is not None and latest.actor_id == str(resident_id)


async def submit(*, rt: Runtime, resident_id: uuid.UUID, application_id: str) -> Application:
    """Submit (or resubmit after correction): form valid, required materials present; deadline set.

    A repeat by the resident whose submission took effect (a retry whose answer was lost, or two
    taps at once) is answered with the application as it stands, as the first one was."""
    application, acting = await _changeable(resident_id=resident_id, application_id=application_id)
    if await _submitted_by(application, resident_id):
        return application
    require(application.state, Action.SUBMIT)
    await application.fetch_related("guide", "item")
    resident = await users.get_active_or_raise(user_id=resident_id)
    users.ensure_real_name_level(resident, application.item.min_realname_level)
    # Checked again: the identity may have changed (or a phone been bound) since the last save.
    form = applicant.bind(template=application.guide.data_template,
                          form_data=forms.open_form(wrapper=rt.wrapper, application=application).data,
                          identity=_applicant_identity(rt, application.representation, resident))
    validate_form_data(template=application.guide.data_template, data=form)
    missing = await _missing_materials(application)
    if missing:
        raise ValidationFailed("还有材料未上传或待补正", code="MATERIALS_MISSING",
                               details={"materials": missing})
    try:
        return await record_submission(rt=rt, application=application, form=form, actor_id=str(resident_id),
                                       acting=acting)
    except ApplicationChanged:
        # Another request moved it first: if that was this resident's own submission, it is this one's.
        latest = await Application.get(id=application.id)
        if await _submitted_by(latest, resident_id):
            return latest
        raise


async def record_submission(*, rt: Runtime, application: Application, form: dict[str, Any], actor_id: str,
                            acting: companies.Acting | None) -> Application:
    """Submit (or resubmit) an application whose form and materials were checked: presented
    certificates still valid, a new pre-review deadline, open comments resolved; the ledger entry
    commits to the form and lists the materials' hashes (and the company and authorisation acted
    under)."""
    await application.fetch_related("guide", "item")
    await certificates.ensure_presented_still_valid(application=application)
    now = utcnow()
    deadline = await prereview_deadline(application=application, submitted_on=to_local(now).date(), rt=rt)
    materials = await materials_of(application)
    # A fresh salt per submission: the ledger's commitment proves the form to whoever holds the
    # salt (the resident's receipt), and no one else can test a guessed form against it.
    salt = forms.new_commitment_salt()

    async def resolve_comments() -> None:
        await ReviewComment.filter(application_id=application.id, resolved=False).update(resolved=True)

    return await transition(
        application, action=Action.SUBMIT, to=ApplicationState.SUBMITTED, actor_id=actor_id,
        actor_role="resident", event=EventType.PREREVIEW_SUBMITTED,
        updates={"submitted_at": now, "deadline": deadline.day,
                 "deadline_provisional": deadline.provisional,
                 **forms.sealed_columns(wrapper=rt.wrapper, application_id=application.id,
                                        data_key=application.data_key, form=form,
                                        commitment_salt=salt)}, then=resolve_comments,
        ledger_record=("application_submitted", {
            "application_id": str(application.id), "item_code": application.item.code,
            "form_commitment": forms.commitment(form=form, salt=salt),
            "materials": [{"material_id": str(m.id), "sha256": m.sha256} for m in materials],
            **({"company_id": str(acting.company.id)} if acting else {}),
            **({"authorisation_id": str(acting.authorisation_id)} if acting and acting.authorisation_id else {})}))


async def withdraw(*, resident_id: uuid.UUID, application_id: str, reason: str) -> Application:
    """Withdraw an application before a decision."""
    application = await get_mine_to_change(resident_id=resident_id, application_id=application_id)
    return await transition(application, action=Action.WITHDRAW, to=ApplicationState.WITHDRAWN,
                            actor_id=str(resident_id), actor_role="resident", reason=reason)


async def history(application: Application) -> tuple[list[ApplicationTransition], list[ReviewComment]]:
    """An application's transitions and review comments, oldest first."""
    transitions = await ApplicationTransition.filter(application_id=application.id).order_by("created_at")
    comments = await ReviewComment.filter(application_id=application.id).order_by("created_at")
    return transitions, comments
