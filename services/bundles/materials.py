"""Materials once for a bundle (一件事): what the steps' guides ask for is uploaded once, at the
bundle application; when the bundle starts a step, the step receives the files its own guide
declares (matched by material name) and no others, so each department sees only its materials.
As for an application, a material may be answered by a wallet certificate, and an identical
earlier file of a reusable material is referred to rather than stored again.

A material named as the result (``outputs``) of a step before the one asking for it is not asked
for: that step's decision stands for it (营业执照 for the seal, tax, invoice and social-insurance
steps of 企业开办, which start once the registration is approved).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, cast

from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import ValidationFailed
from app.ids import utcnow
from app.storage import storage_of
from models.bundles import BundleApplication, BundleMaterial
from models.catalog import GuideVersion, ServiceItem
from models.prereview import Application, ApplicationMaterial, MaterialStatus
from models.users import User
from services.applications import certificates
from services.applications.materials import (
    holder_of,
    identical_held,
    keep_unless_held,
    put_material,
    receive_within_budget,
    release_file,
)
from services.catalog import current_guide
from services.catalog.bundle_schema import BundleIn


@dataclass
class Needed:
    """One material of the bundle: asked once, for the steps that list it."""

    name: str
    description: str
    required: bool = False
    steps: list[str] = field(default_factory=list)
    specs: list[dict[str, Any]] = field(default_factory=list)  # as each of those steps' guides lists it

    @property
    def reusable(self) -> bool:
        """An identical earlier file may stand for it when every step's guide allows reuse."""
        return all(spec.get("reusable", False) for spec in self.specs)

    @property
    def accepts(self) -> str | None:
        """The certificate type it takes instead of an upload: the one every step's guide takes."""
        types = {certificates.accepted_type(spec) for spec in self.specs}
        return types.pop() if len(types) == 1 else None


async def _guides(bundle: BundleApplication, spec: BundleIn) -> dict[str, list[dict[str, Any]]]:
    """Each step's guide materials: of its pinned guide once submitted, else of the current one."""
    steps = await Application.filter(bundle_application_id=bundle.id)
    if steps:
        pinned = {g.id: g for g in await GuideVersion.filter(id__in=[s.guide_id for s in steps])}
        return {str(s.bundle_step): list(pinned[s.guide_id].materials) for s in steps}
    items = {i.code: i for i in await ServiceItem.filter(code__in=[s.item for s in spec.steps])}
    return {s.key: list((await current_guide(item=items[s.item])).materials) for s in spec.steps}


async def needed(bundle: BundleApplication, spec: BundleIn) -> list[Needed]:
    """The bundle's materials, in step order, each name once; a material's index is its place here."""
    guides = await _guides(bundle, spec)
    by_name: dict[str, Needed] = {}
    for step in spec.steps:
        produced_before = {o.name for o in spec.outputs if o.step in spec.ancestors(step.key)}
        for material in guides.get(step.key, []):
            if material["name"] in produced_before:
                continue
            entry = by_name.setdefault(material["name"], Needed(material["name"], material.get("description", "")))
            entry.required = entry.required or material.get("required", True)
            entry.steps.append(step.key)
            entry.specs.append(material)
    return list(by_name.values())


async def slot(bundle: BundleApplication, spec: BundleIn, material_index: int) -> Needed:
    """The bundle's material at ``material_index``; an index not in the list is refused."""
    materials = await needed(bundle, spec)
    if not 0 <= material_index < len(materials):
        raise ValidationFailed("该一件事没有这项材料", code="MATERIAL_NOT_IN_GUIDE",
                               details={"material_index": material_index})
    return materials[material_index]


async def held(bundle: BundleApplication) -> dict[str, BundleMaterial]:
    """The files uploaded at the bundle, by material name."""
    return {m.material_name: m for m in await BundleMaterial.filter(bundle_application_id=bundle.id)}


@dataclass
class Target:
    """Where a file for one of the bundle's materials goes: the bundle's list, and the steps whose
    correction request named it (each at its own guide's place)."""

    bundle: BundleApplication
    index: int
    material: Needed
    corrected: list[tuple[Application, int]]


async def upload(*, rt: Runtime, target: Target, uploaded_by: User, chunks: AsyncIterator[bytes], filename: str,
                 declared_type: str | None) -> BundleMaterial:
    """Stream a file for one of the bundle's materials (replacing an earlier one); a refused file
    leaves nothing stored. For a ``reusable`` material, a file identical to one the uploader (or,
    for a company's bundle, the company) already holds is not stored again (``reused_from_id``)."""
    bundle = target.bundle
    sizes = cast(list[int], await BundleMaterial.filter(bundle_application_id=bundle.id).exclude(
        material_name=target.material.name).values_list("size", flat=True))
    received = await receive_within_budget(rt, chunks, others_bytes=sum(sizes), declared_type=declared_type)
    same = await identical_held(await holder_of(user=uploaded_by, company_id=bundle.company_id),
                                sha256=received.sha256) if target.material.reusable else None
    key, data_key = await keep_unless_held(rt, received, same)
    columns = {"storage_key": key, "data_key": data_key, "sha256": received.sha256, "size": received.size,
               "content_type": received.content_type, "original_filename": filename[:255],
               "reused_from_id": same.id if same else None, "certificate_id": None}
    try:
        material, replaced = await _record(target=target, uploaded_by=uploaded_by, columns=columns)
    except BaseException:
        if same is None:
            await storage_of(rt).delete(key)
        raise
    await _release(rt, replaced, kept=key)
    return material


async def present(*, rt: Runtime, target: Target, presented_by: User, certificate_id: str) -> BundleMaterial:
    """Present a wallet certificate for one of the bundle's materials, as for an application's:
    the presenter's own, or for a company's bundle the company's, of the type the material takes."""
    certificate = await certificates.presentable(user=presented_by, certificate_id=certificate_id,
                                                 company_id=target.bundle.company_id, accepts=target.material.accepts)
    columns = certificates.as_material(certificate)
    material, replaced = await _record(target=target, uploaded_by=presented_by, columns=columns)
    await _release(rt, replaced, kept=columns["storage_key"])
    return material


async def _record(*, target: Target, uploaded_by: User, columns: dict[str, Any]) -> tuple[BundleMaterial, list[str]]:
    """Record a file for one of the bundle's materials, and give it to the steps whose correction
    request named it as their new material; with the storage keys of the files it replaced."""
    name = target.material.name
    previous = (await held(target.bundle)).get(name)
    replaced = [previous.storage_key] if previous else []
    async with in_transaction():
        if previous is None:
            material = await BundleMaterial.create(bundle_application_id=target.bundle.id, material_name=name,
                                                   material_index=target.index, uploaded_by=str(uploaded_by.id),
                                                   **columns)
        else:
            await BundleMaterial.filter(id=previous.id).update(material_index=target.index,
                                                               uploaded_by=str(uploaded_by.id), updated_at=utcnow(),
                                                               **columns)
            material = await BundleMaterial.get(id=previous.id)
        for step, index in target.corrected:
            _, earlier = await put_material(step, index, {"material_name": name, "status": MaterialStatus.UPLOADED,
                                                          **columns})
            replaced += [earlier] if earlier else []
    return material, replaced


async def _release(rt: Runtime, replaced: list[str], *, kept: str) -> None:
    """Delete the replaced files no row refers to any more."""
    for key in set(replaced) - {kept}:
        await release_file(rt, key)


async def ensure_complete(bundle: BundleApplication, spec: BundleIn) -> None:
    """Every required material of the bundle is uploaded, and every certificate presented for one
    still usable (checked at submission)."""
    have = await held(bundle)
    missing = [{"material_index": i, "name": m.name} for i, m in enumerate(await needed(bundle, spec))
               if m.required and m.name not in have]
    if missing:
        raise ValidationFailed("还有材料未上传", code="MATERIALS_MISSING", details={"materials": missing})
    await certificates.ensure_all_usable(certificate_ids=[m.certificate_id for m in have.values() if m.certificate_id])


async def hand_to(*, bundle: BundleApplication, step: Application) -> list[ApplicationMaterial]:
    """The step receives the bundle's files its own guide declares, and no others (call inside
    the transaction that starts it); the files are shared, not copied."""
    await step.fetch_related("guide")
    have = await held(bundle)
    handed = []
    for index, material in enumerate(step.guide.materials):
        source = have.get(material["name"])
        if source is not None:
            handed.append(await ApplicationMaterial.create(
                application_id=step.id, material_index=index, material_name=material["name"],
                storage_key=source.storage_key, data_key=source.data_key, sha256=source.sha256, size=source.size,
                content_type=source.content_type, original_filename=source.original_filename,
                reused_from_id=source.reused_from_id, certificate_id=source.certificate_id,
                status=MaterialStatus.UPLOADED))
    return handed
