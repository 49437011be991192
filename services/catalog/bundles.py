"""Bundles (一件事) in the catalog: synced from the catalog file and versioned like items'
guides (equal content never makes a new version), read by residents."""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import Field

from app.errors import NotFoundError
from app.shapes import Schema
from models.bundles import BUNDLE_CODE_LENGTH, Bundle, BundleVersion
from models.catalog import ServiceItem
from services.catalog.bundle_schema import BundleIn, OutputIn, PartyIn, share_problems
from services.catalog.guide import DataTemplate, TemplateField

SECTION = "bundles"


class BundleNotFound(NotFoundError):
    code, message = "BUNDLE_NOT_FOUND", "一件事不存在或未发布"


def content_hash(spec: BundleIn) -> str:
    """A stable digest of a definition: equal content never makes a new version."""
    return hashlib.sha256(spec.model_dump_json().encode()).hexdigest()


async def reference_problems(specs: list[BundleIn], file_items: dict[str, str]) -> list[dict[str, str]]:
    """Sync's checks of the bundles against the items (in the file, else already stored): every
    step's item exists, and each department receives only what it is declared for."""
    wanted = {step.item for spec in specs for step in spec.steps} - set(file_items)
    stored = dict(await ServiceItem.filter(code__in=wanted).values_list("code", "department__code"))
    departments = {**stored, **file_items}
    errors = []
    for index, spec in enumerate(specs):
        missing = sorted({s.item for s in spec.steps} - set(departments))
        if missing:
            errors.append({"path": f"bundles[{index}].steps",
                           "reason": f"一件事 {spec.code} 引用了不存在的事项 {', '.join(missing)}"})
            continue
        for problem in share_problems(spec, {s.key: departments[s.item] for s in spec.steps}):
            errors.append({"path": f"bundles[{index}].shares", "reason": f"一件事 {spec.code}: {problem}"})
    return errors


async def sync(*, specs: list[BundleIn], actor: str, diff: Any, write: bool) -> None:
    """Create new bundles and add a version to changed ones (``diff`` is the catalog SyncDiff)."""
    stored = {b.code: b for b in await Bundle.filter(code__in=[s.code for s in specs])}
    for spec in specs:
        bundle, digest = stored.get(spec.code), content_hash(spec)
        definition = spec.model_dump(mode="json")
        if bundle is None:
            diff.add(SECTION, spec.code, None)
            if write:
                bundle = await Bundle.create(code=spec.code, name=spec.name, current_version=1)
                await BundleVersion.create(bundle=bundle, version=1, content_hash=digest,
                                           definition=definition, created_by=actor)
            continue
        changed_definition = not await BundleVersion.exists(bundle_id=bundle.id, version=bundle.current_version,
                                                            content_hash=digest)
        changed = (["definition"] if changed_definition else []) + (["name"] if bundle.name != spec.name else [])
        diff.add(SECTION, spec.code, changed)
        if changed and write:
            version = bundle.current_version + changed_definition
            if changed_definition:
                await BundleVersion.create(bundle=bundle, version=version, content_hash=digest,
                                           definition=definition, created_by=actor)
            await Bundle.filter(id=bundle.id).update(name=spec.name, current_version=version)


async def known_codes(*, codes: list[str]) -> set[str]:
    """Which of ``codes`` are bundles."""
    return {str(code) for code in await Bundle.filter(code__in=codes).values_list("code", flat=True)}


async def current_version_or_raise(*, code: str) -> tuple[Bundle, BundleVersion, BundleIn]:
    """A published bundle by code, its current version and that version's definition."""
    # A code longer than the column's names no bundle (and would fail its length check in the
    # filter): the path hands it over as sent, percent-escapes and all.
    fits = len(code) <= BUNDLE_CODE_LENGTH
    bundle = await Bundle.get_or_none(code=code, is_published=True) if fits else None
    if bundle is None:
        raise BundleNotFound(details={"code": code[:BUNDLE_CODE_LENGTH]})
    version = await BundleVersion.get(bundle_id=bundle.id, version=bundle.current_version)
    return bundle, version, BundleIn.model_validate(version.definition)


class StepOut(Schema):
    key: str
    item_id: str
    item_code: str
    item_name: str
    department_code: str
    department_name: str
    after: list[str] = Field(description="前序环节；空为一开始即并行办理")
    receives: list[str] = Field(description="本部门接收的字段（共享模板中的，或前序环节产生的）")
    produces: list[TemplateField] = Field(description="本环节决定时产生并传给后续环节的数据")


class BundleSummary(Schema):
    id: str
    code: str
    name: str
    version: int


class BundleOut(BundleSummary):
    description: str
    parties: list[PartyIn]
    template: DataTemplate = Field(description="共享数据模板：只填一次")
    steps: list[StepOut]
    outputs: list[OutputIn] = Field(description="办结后申请人得到的结果")


class BundleList(Schema):
    items: list[BundleSummary]


async def listing() -> BundleList:
    rows = await Bundle.filter(is_published=True).order_by("code")
    return BundleList(items=[BundleSummary(id=str(b.id), code=b.code, name=b.name, version=b.current_version)
                             for b in rows])


async def detail(*, code: str) -> BundleOut:
    """A bundle as residents read it: steps with their items and departments, what each receives."""
    bundle, version, spec = await current_version_or_raise(code=code)
    items = {i.code: i for i in await ServiceItem.filter(code__in=[s.item for s in spec.steps])
             .prefetch_related("department")}
    shares = {s.department: s.fields for s in spec.shares}
    return BundleOut(
        id=str(bundle.id), code=bundle.code, name=bundle.name, version=version.version,
        description=spec.description, parties=spec.parties, template=spec.template, outputs=spec.outputs,
        steps=[StepOut(key=s.key, item_id=str(items[s.item].id), item_code=s.item, item_name=items[s.item].name,
                       department_code=items[s.item].department.code,
                       department_name=items[s.item].department.name, after=s.after,
                       receives=shares.get(items[s.item].department.code, []), produces=s.produces)
               for s in spec.steps])
