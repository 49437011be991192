"""A resident's materials for an application: files uploaded (sniffed, within the application's
budget, stored sealed, an identical file held already reused rather than stored twice), earlier
uploads and wallet certificates offered again, and short-lived signed download links."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from typing import Any, cast

from tortoise.expressions import F, Q, Subquery
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError, ValidationFailed
from app.ids import utcnow
from app.shapes import parse_id
from app.storage import ReceivedFile, discard, keep_sealed, read_opened, sign, signature_valid, storage_of
from models.bundles import BundleMaterial
from models.onewindow import ECertificate
from models.prereview import Application, ApplicationMaterial, ApplicationState, MaterialStatus
from models.users import User
from services.applications import certificates, representation
from services.applications.lifecycle import IllegalTransition
from services.applications.prereview import EDITABLE, MaterialNotFound, get_mine_to_change
from services.companies import reach
from services.identity import users


async def _editable_material_slot(*, resident_id: uuid.UUID, application_id: str,
                                  material_index: int) -> tuple[Application, dict[str, Any]]:
    application = await get_mine_to_change(resident_id=resident_id, application_id=application_id)
    if application.state not in EDITABLE:
        raise _not_editable(application.state)
    await application.fetch_related("guide")
    materials = representation.material_specs(application)
    if not 0 <= material_index < len(materials):
        raise ValidationFailed("该事项没有这项材料", code="MATERIAL_NOT_IN_GUIDE",
                               details={"material_index": material_index})
    return application, materials[material_index]


def _not_editable(state: ApplicationState) -> IllegalTransition:
    return IllegalTransition("只有草稿或待补正的办件可以更换材料", details={"state": state.value})


async def put_material(application: Application, material_index: int,
                       fields: dict[str, Any]) -> tuple[ApplicationMaterial, str | None]:
    """Create or replace the material in one slot while the application is a draft or awaiting
    correction, bumping its version; returns it and the storage key of the file it replaced (for
    the caller to release once committed)."""
    async with in_transaction():
        # The guarded update locks the application's row, so writes to its materials and its
        # submission take turns: a material arriving after the submission is refused, and a
        # submission that read the version before this write gets APPLICATION_CHANGED.
        editable = await Application.filter(id=application.id, state__in=EDITABLE).update(
            version=F("version") + 1, updated_at=utcnow())
        if not editable:
            raise _not_editable((await Application.get(id=application.id)).state)
        existing = await ApplicationMaterial.get_or_none(application_id=application.id,
                                                         material_index=material_index)
        if existing is None:
            material = await ApplicationMaterial.create(application_id=application.id,
                                                        material_index=material_index, **fields)
        else:
            await ApplicationMaterial.filter(id=existing.id).update(**fields, updated_at=utcnow())
            material = await ApplicationMaterial.get(id=existing.id)
    return material, existing.storage_key if existing else None


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
    filer = await users.get_active_or_raise(user_id=application.resident_id)
    same = await identical_held(await holder_of(user=filer, company_id=application.company_id),
                                sha256=received.sha256, excluding=application.id) if spec.get("reusable") else None
    key, data_key = await keep_unless_held(rt, received, same)
    try:
        material, replaced = await put_material(application, material_index, {
            "material_name": spec["name"], "storage_key": key, "data_key": data_key,
            "sha256": received.sha256,
            "size": received.size, "content_type": received.content_type,
            "original_filename": filename[:255], "status": MaterialStatus.UPLOADED,
            "reused_from_id": same.id if same else None, "certificate_id": None})
    except BaseException:
        if same is None:
            await storage.delete(key)
        raise
    if replaced is not None:
        await release_file(rt, replaced)
    return material


async def held_by(user: User) -> Q:
    """The materials a person holds (a filter on ApplicationMaterial): of the applications they
    filed, a company's only while they may still act for it on the item (services/companies/reach.py),
    so a revoked or expired agent keeps no company's file."""
    filed = Application.filter(await reach.visible_applications(user=user), resident_id=user.id).values("id")
    return Q(application_id__in=Subquery(filed))


async def holder_of(*, user: User, company_id: uuid.UUID | None) -> Q:
    """Whose earlier files a new upload may reuse: the person's, and for something filed for a
    company, those filed for the same company."""
    mine = await held_by(user)
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
    held = await held_by(await users.get_active_or_raise(user_id=resident_id))
    source = await ApplicationMaterial.filter(held, id=parsed).first() if parsed else None
    if source is None or source.application_id == application.id:
        raise MaterialNotFound(details={"material_id": source_material_id})
    if (not spec.get("reusable") or source.material_name != spec["name"]
            or source.status != MaterialStatus.UPLOADED):
        raise ValidationFailed("该材料与所需材料类型不同或已被要求补正，不能复用",
                               code="MATERIAL_NOT_REUSABLE")
    material, replaced = await put_material(application, material_index, {
        "material_name": spec["name"], "storage_key": source.storage_key,
        "data_key": source.data_key, "sha256": source.sha256,
        "size": source.size, "content_type": source.content_type,
        "original_filename": source.original_filename, "status": MaterialStatus.UPLOADED,
        "reused_from_id": source.id, "certificate_id": source.certificate_id})
    if replaced is not None:
        await release_file(rt, replaced)
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
    material, replaced = await put_material(application, material_index, {
        "material_name": spec["name"], "status": MaterialStatus.UPLOADED, **certificates.as_material(certificate)})
    if replaced is not None:
        await release_file(rt, replaced)
    return material


async def my_materials(*, resident_id: uuid.UUID, limit: int) -> tuple[list[ApplicationMaterial], list[ECertificate]]:
    """我的材料: the resident's earlier uploads (one per distinct file, newest first; a company's
    only while they may act for it) and the wallet's usable certificates, to offer instead of a
    new upload."""
    uploads = await ApplicationMaterial.filter(
        await held_by(await users.get_active_or_raise(user_id=resident_id)),
        status=MaterialStatus.UPLOADED, certificate_id=None,
    ).order_by("-created_at").limit(limit * 4)
    distinct: dict[str, ApplicationMaterial] = {}
    for material in uploads:
        distinct.setdefault(material.sha256, material)
    wallet = [c for c in await certificates.list_mine(resident_id=resident_id) if certificates.is_current(c)]
    return list(distinct.values())[:limit], wallet


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
