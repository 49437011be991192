"""Online pre-review for residents: drafts, form data, materials, submit, withdraw; transitions."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from datetime import date, datetime
from typing import Any, cast

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from app.context import Runtime
from app.errors import AppError, Conflict, NotFoundError, ValidationFailed
from app.ids import to_local, utcnow
from app.shapes import decode_cursor, encode_cursor, parse_id
from app.storage import ReceivedFile, discard, keep_sealed, read_opened, sign, signature_valid, storage_of
from models.bundles import BundleMaterial
from models.catalog import HandlingMode
from models.onewindow import ECertificate
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
from services.catalog.guide import ApplicantAttribute, validate_form_data
from services.companies import reach
from services.events import EventType
from services.identity import users

EDITABLE = (ApplicationState.DRAFT, ApplicationState.NEEDS_CORRECTION)
PRE_REVIEW_STEP = "预审"


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


async def _editable_material_slot(*, resident_id: uuid.UUID, application_id: str,
                                  material_index: int) -> tuple[Application, dict[str, Any]]:
    application = await get_mine_to_change(resident_id=resident_id, application_id=application_id)
    if application.state not in EDITABLE:
        raise IllegalTransition("只有草稿或待补正的办件可以更换材料", details={"state": application.state.value})
    await application.fetch_related("guide")
    materials = representation.material_specs(application)
    if not 0 <= material_index < len(materials):
        raise ValidationFailed("该事项没有这项材料", code="MATERIAL_NOT_IN_GUIDE",
                               details={"material_index": material_index})
    return application, materials[material_index]


async def put_material(application: Application, material_index: int, fields: dict[str, Any]) -> ApplicationMaterial:
    """Create or replace the material in one slot; returns it (old storage key handled by caller)."""
    existing = await ApplicationMaterial.get_or_none(application_id=application.id,
                                                     material_index=material_index)
    if existing is None:
        return await ApplicationMaterial.create(application_id=application.id,
                                                material_index=material_index, **fields)
    await ApplicationMaterial.filter(id=existing.id).update(**fields, updated_at=utcnow())
    await existing.refresh_from_db()
    return existing


async def release_file(rt: Runtime, key: str) -> None:
    """Delete a stored file once no material row (of an application or a bundle) or
    e-certificate refers to it any more."""
    if not (await ApplicationMaterial.exists(storage_key=key) or await BundleMaterial.exists(storage_key=key)
            or await ECertificate.exists(storage_key=key)):
        await storage_of(rt).delete(key)


async def receive_within_budget(rt: Runtime, chunks: AsyncIterator[bytes], *, others_bytes: int,
                                declared_type: str | None) -> ReceivedFile:
    """Receive one upload into the room its application has left (``HDT_APPLICATION_MAX_BYTES``
    less the ``others_bytes`` of its other materials), capped at ``HDT_UPLOAD_MAX_BYTES``."""
    room = rt.settings.application_max_bytes - others_bytes
    if room <= 0:
        raise AppError("本办件的材料总大小已达上限", code="APPLICATION_MATERIALS_TOO_LARGE", status=413,
                       details={"max_bytes": rt.settings.application_max_bytes})
    return await storage_of(rt).receive(chunks, max_bytes=min(rt.settings.upload_max_bytes, room),
                                        declared_type=declared_type)


async def upload_material(*, rt: Runtime, resident_id: uuid.UUID, application_id: str,
                          material_index: int, chunks: AsyncIterator[bytes], filename: str,
                          declared_type: str | None) -> ApplicationMaterial:
    """Stream a file for one required material; refused files leave nothing stored."""
    application, spec = await _editable_material_slot(
        resident_id=resident_id, application_id=application_id, material_index=material_index)
    sizes = cast(list[int], await ApplicationMaterial.filter(application_id=application.id).exclude(
        material_index=material_index).values_list("size", flat=True))
    storage = storage_of(rt)
    received = await receive_within_budget(rt, chunks, others_bytes=sum(sizes), declared_type=declared_type)
    previous = await ApplicationMaterial.get_or_none(application_id=application.id,
                                                     material_index=material_index)
    same = await identical_held(holder_of(resident_id=application.resident_id, company_id=application.company_id),
                                sha256=received.sha256, excluding=application.id) if spec.get("reusable") else None
    key, data_key = await keep_unless_held(rt, received, same)
    try:
        material = await put_material(application, material_index, {
            "material_name": spec["name"], "storage_key": key, "data_key": data_key,
            "sha256": received.sha256,
            "size": received.size, "content_type": received.content_type,
            "original_filename": filename[:255], "status": MaterialStatus.UPLOADED,
            "reused_from_id": same.id if same else None, "certificate_id": None})
    except BaseException:
        if same is None:
            await storage.delete(key)
        raise
    if previous is not None and previous.storage_key != key:
        await release_file(rt, previous.storage_key)
    return material


def holder_of(*, resident_id: uuid.UUID, company_id: uuid.UUID | None) -> Q:
    """Whose earlier files a new upload may reuse: the person's, and for something filed for a
    company, those filed for the same company."""
    mine = Q(application__resident_id=resident_id)
    return mine | Q(application__company_id=company_id) if company_id else mine


async def identical_held(holder: Q, *, sha256: str, excluding: uuid.UUID | None = None) -> ApplicationMaterial | None:
    """An earlier upload of the holder (of another application than ``excluding``) with the same
    bytes, still in good standing."""
    query = ApplicationMaterial.filter(holder, sha256=sha256, status=MaterialStatus.UPLOADED, certificate_id=None)
    if excluding is not None:
        query = query.exclude(application_id=excluding)
    return await query.order_by("-created_at").first()


async def keep_unless_held(rt: Runtime, received: ReceivedFile,
                           same: ApplicationMaterial | None) -> tuple[str, str | None]:
    """The storage and data keys of a received file: the earlier copy's when the very file is held
    already (the new one is discarded, not stored a second time), else the file's, stored sealed."""
    if same is not None:
        discard(received)
        return same.storage_key, same.data_key
    return await keep_sealed(storage_of(rt), rt.wrapper, received)


async def reuse_material(*, rt: Runtime, resident_id: uuid.UUID, application_id: str,
                         material_index: int, source_material_id: str) -> ApplicationMaterial:
    """Attach a file the resident uploaded for an earlier application, for a material of the same
    name that the guide marks reusable."""
    application, spec = await _editable_material_slot(
        resident_id=resident_id, application_id=application_id, material_index=material_index)
    parsed = parse_id(source_material_id)
    source = await ApplicationMaterial.get_or_none(
        id=parsed, application__resident_id=resident_id) if parsed else None
    if source is None or source.application_id == application.id:
        raise MaterialNotFound(details={"material_id": source_material_id})
    if (not spec.get("reusable") or source.material_name != spec["name"]
            or source.status != MaterialStatus.UPLOADED):
        raise ValidationFailed("该材料与所需材料类型不同或已被要求补正，不能复用",
                               code="MATERIAL_NOT_REUSABLE")
    previous = await ApplicationMaterial.get_or_none(application_id=application.id,
                                                     material_index=material_index)
    material = await put_material(application, material_index, {
        "material_name": spec["name"], "storage_key": source.storage_key,
        "data_key": source.data_key, "sha256": source.sha256,
        "size": source.size, "content_type": source.content_type,
        "original_filename": source.original_filename, "status": MaterialStatus.UPLOADED,
        "reused_from_id": source.id, "certificate_id": source.certificate_id})
    if previous is not None and previous.storage_key != source.storage_key:
        await release_file(rt, previous.storage_key)
    return material


async def present_certificate(*, rt: Runtime, resident_id: uuid.UUID, application_id: str,
                              material_index: int, certificate_id: str) -> ApplicationMaterial:
    """Present an e-certificate for a material that accepts its type: from the resident's wallet,
    or for a company's application from the company's wallet too."""
    application, spec = await _editable_material_slot(
        resident_id=resident_id, application_id=application_id, material_index=material_index)
    certificate = await certificates.presentable(
        user=await users.get_active_or_raise(user_id=resident_id), certificate_id=certificate_id,
        company_id=application.company_id, accepts=certificates.accepted_type(spec))
    previous = await ApplicationMaterial.get_or_none(application_id=application.id,
                                                     material_index=material_index)
    material = await put_material(application, material_index, {
        "material_name": spec["name"], "status": MaterialStatus.UPLOADED, **certificates.as_material(certificate)})
    if previous is not None and previous.storage_key != certificate.storage_key:
        await release_file(rt, previous.storage_key)
    return material


async def my_materials(*, resident_id: uuid.UUID, limit: int) -> tuple[list[ApplicationMaterial], list[ECertificate]]:
    """我的材料: the resident's earlier uploads (one per distinct file, newest first) and the
    wallet's usable certificates, to offer instead of a new upload."""
    uploads = await ApplicationMaterial.filter(
        application__resident_id=resident_id, status=MaterialStatus.UPLOADED, certificate_id=None,
    ).order_by("-created_at").limit(limit * 4)
    distinct: dict[str, ApplicationMaterial] = {}
    for material in uploads:
        distinct.setdefault(material.sha256, material)
    wallet = [c for c in await certificates.list_mine(resident_id=resident_id) if certificates.is_current(c)]
    return list(distinct.values())[:limit], wallet


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
                 if s.get("name") == PRE_REVIEW_STEP), rt.settings.prereview_default_days)
    return await calendar.due_after(start=submitted_on, days=days)


async def submit(*, rt: Runtime, resident_id: uuid.UUID, application_id: str) -> Application:
    """Submit (or resubmit after correction): form valid, required materials present; deadline set."""
    application, acting = await _changeable(resident_id=resident_id, application_id=application_id)
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
    return await record_submission(rt=rt, application=application, form=form, actor_id=str(resident_id),
                                   acting=acting)


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


def _download_secret(rt: Runtime) -> bytes:
    # Derived from the data key, so signed URLs need no separate secret to provision.
    return rt.cipher.blind_index("prereview-material-download").encode()


async def download_url(*, rt: Runtime, application: Application, material_index: int) -> tuple[str, int]:
    """A short-lived signed URL for one material of an application the caller may see."""
    material = await ApplicationMaterial.get_or_none(application_id=application.id,
                                                     material_index=material_index)
    if material is None:
        raise MaterialNotFound(details={"material_index": material_index})
    expires = int(time.time()) + rt.settings.download_url_ttl_seconds
    signature = sign(_download_secret(rt), str(material.id), expires)
    return f"/api/v1/material-files/{material.id}?expires={expires}&signature={signature}", expires


async def open_signed(*, rt: Runtime, material_id: str, expires: int,
                      signature: str) -> tuple[ApplicationMaterial, Any]:
    """The material and its byte chunks, when the signed URL is valid and unexpired."""
    if not signature_valid(_download_secret(rt), material_id, expires, signature, int(time.time())):
        raise AppError("下载链接无效或已过期", code="DOWNLOAD_URL_INVALID", status=403)
    parsed = parse_id(material_id)
    material = await ApplicationMaterial.get_or_none(id=parsed) if parsed else None
    if material is None:
        raise MaterialNotFound(details={"material_id": material_id})
    return material, read_opened(storage_of(rt), rt.wrapper, material.storage_key, material.data_key)
