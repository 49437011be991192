"""Materials once for a bundle (一件事): what the steps' guides ask for is uploaded once, at the
bundle application; when the bundle starts a step, the step receives the files its own guide
declares (matched by material name) and no others, so each department sees only its materials.

A material named as the result (``outputs``) of a step before the one asking for it is not asked
for: that step's decision stands for it (营业执照 for the seal, tax, invoice and social-insurance
steps of 企业开办, which start once the registration is approved).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, cast

from app.context import Runtime
from app.errors import ValidationFailed
from app.storage import keep_sealed, storage_of
from models.bundles import BundleApplication, BundleMaterial
from models.catalog import GuideVersion, ServiceItem
from models.prereview import Application, ApplicationMaterial, MaterialStatus
from services.applications.prereview import receive_within_budget, release_file
from services.catalog import current_guide
from services.catalog.bundle_schema import BundleIn


@dataclass
class Needed:
    """One material of the bundle: asked once, for the steps that list it."""

    name: str
    description: str
    required: bool = False
    steps: list[str] = field(default_factory=list)


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
    return list(by_name.values())


async def held(bundle: BundleApplication) -> dict[str, BundleMaterial]:
    """The files uploaded at the bundle, by material name."""
    return {m.material_name: m for m in await BundleMaterial.filter(bundle_application_id=bundle.id)}


async def store(*, rt: Runtime, bundle: BundleApplication, spec: BundleIn, material_index: int, uploaded_by: str,
                chunks: AsyncIterator[bytes], filename: str, declared_type: str | None) -> BundleMaterial:
    """Stream a file for one of the bundle's materials (replacing an earlier one); a refused file
    leaves nothing stored."""
    materials = await needed(bundle, spec)
    if not 0 <= material_index < len(materials):
        raise ValidationFailed("该一件事没有这项材料", code="MATERIAL_NOT_IN_GUIDE",
                               details={"material_index": material_index})
    name = materials[material_index].name
    previous = (await held(bundle)).get(name)
    sizes = cast(list[int], await BundleMaterial.filter(bundle_application_id=bundle.id).exclude(
        material_name=name).values_list("size", flat=True))
    storage = storage_of(rt)
    received = await receive_within_budget(rt, chunks, others_bytes=sum(sizes), declared_type=declared_type)
    key, data_key = await keep_sealed(storage, rt.wrapper, received)
    columns: dict[str, Any] = {"material_index": material_index, "storage_key": key, "data_key": data_key,
               "sha256": received.sha256, "size": received.size, "content_type": received.content_type,
               "original_filename": filename[:255], "uploaded_by": uploaded_by}
    try:
        if previous is None:
            material = await BundleMaterial.create(bundle_application_id=bundle.id, material_name=name, **columns)
        else:
            await BundleMaterial.filter(id=previous.id).update(**columns)
            material = await BundleMaterial.get(id=previous.id)
    except BaseException:
        await storage.delete(key)
        raise
    if previous is not None:
        await release_file(rt, previous.storage_key)
    return material


async def ensure_complete(bundle: BundleApplication, spec: BundleIn) -> None:
    """Every required material of the bundle is uploaded (checked at submission)."""
    have = await held(bundle)
    missing = [{"material_index": i, "name": m.name} for i, m in enumerate(await needed(bundle, spec))
               if m.required and m.name not in have]
    if missing:
        raise ValidationFailed("还有材料未上传", code="MATERIALS_MISSING", details={"materials": missing})


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
                status=MaterialStatus.UPLOADED))
    return handed
