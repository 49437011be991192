"""Catalog sync: import a municipal catalog export idempotently, with a dry-run diff.

The whole file is parsed and checked before anything is written; then everything is written
in one transaction. Items absent from the file (district-only ones) are left as they are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, cast

import orjson
from pydantic import ValidationError
from tortoise import BaseDBAsyncClient, connections
from tortoise.fields.relational import ManyToManyFieldInstance
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError
from models.catalog import CatalogAuditEntry, GuideVersion, ItemSource, LifeEvent, ServiceItem
from models.organization import Department, Hall
from services import outbox
from services.catalog import bundles
from services.catalog.admin import (
    attribute_changes,
    audit,
    guide_hash,
    item_attributes,
    store_guide,
)
from services.catalog.inputs import CatalogFile, ItemIn
from services.events import EventType

SYNC_ACTOR = "sync"
_BATCH = 500


class CatalogFileInvalid(AppError):
    status, code, message = 422, "CATALOG_FILE_INVALID", "目录文件格式错误"


def _line_column(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def _json_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "$"


def parse_catalog(raw: bytes) -> CatalogFile:
    """Parse and validate an export; errors name the position (line:column or JSON path)."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        line, column = _line_column(raw, exc.pos)
        raise CatalogFileInvalid(f"第 {line} 行第 {column} 列: 不是合法的 JSON",
                                 details={"line": line, "column": column, "reason": exc.msg}) from exc
    try:
        catalog = CatalogFile.model_validate(data)
    except ValidationError as exc:
        errors = [{"path": _json_path(e["loc"]), "reason": e["msg"]}
                  for e in exc.errors(include_url=False, include_context=False, include_input=False)]
        first = errors[0]
        raise CatalogFileInvalid(f"{first['path']}: {first['reason']}",
                                 details={"errors": errors[:50]}) from exc
    _check_references(catalog)
    return catalog


def _duplicates(codes: list[str]) -> list[str]:
    return sorted(code for code, count in Counter(codes).items() if count > 1)


def _check_references(catalog: CatalogFile) -> None:
    errors = []
    for section in ("departments", "life_events", "halls", "items", "bundles"):
        for code in _duplicates([entry.code for entry in getattr(catalog, section)]):
            errors.append({"path": section, "reason": f"编码 {code} 重复"})
    departments = {d.code for d in catalog.departments}
    events = {e.code for e in catalog.life_events}
    halls = {h.code for h in catalog.halls}
    for index, item in enumerate(catalog.items):
        if item.department not in departments:
            errors.append({"path": f"items[{index}].department",
                           "reason": f"事项 {item.code} 的部门 {item.department} 不在 departments 中"})
        for name, known in (("life_events", events), ("halls", halls)):
            unknown = sorted(set(getattr(item, name)) - known)
            if unknown:
                errors.append({"path": f"items[{index}].{name}",
                               "reason": f"事项 {item.code} 引用了未定义的编码 {', '.join(unknown)}"})
    if errors:
        raise CatalogFileInvalid(f"{errors[0]['path']}: {errors[0]['reason']}",
                                 details={"errors": errors[:50]})


async def _sync_bundles(catalog: CatalogFile, diff: SyncDiff, write: bool) -> None:
    """Bundles after items, so their steps may name items of the same file; a department
    receiving a field it is not declared for refuses the whole file (nothing is written)."""
    errors = await bundles.reference_problems(catalog.bundles, {i.code: i.department for i in catalog.items})
    if errors:
        raise CatalogFileInvalid(f"{errors[0]['path']}: {errors[0]['reason']}", details={"errors": errors[:50]})
    await bundles.sync(specs=catalog.bundles, actor=SYNC_ACTOR, diff=diff, write=write)


@dataclass
class SyncDiff:
    """What a sync would change (or changed)."""

    created: dict[str, list[str]] = field(default_factory=dict)  # section -> codes
    updated: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # section -> code -> fields
    unchanged_items: int = 0
    kept_items: int = 0  # in the database, not in the file

    @property
    def is_empty(self) -> bool:
        return not self.created and not self.updated

    def add(self, section: str, code: str, changed: list[str] | None) -> None:
        if changed is None:
            self.created.setdefault(section, []).append(code)
        elif changed:
            self.updated.setdefault(section, {})[code] = changed

    def lines(self) -> list[str]:
        """A human-readable diff, one change per line."""
        out = []
        for section, codes in self.created.items():
            out += [f"+ {section} {code}" for code in codes]
        for section, changes in self.updated.items():
            out += [f"~ {section} {code}: {', '.join(fields)}" for code, fields in changes.items()]
        out.append(f"= {self.unchanged_items} items unchanged, "
                   f"{self.kept_items} items not in the file kept")
        return out

    def summary(self) -> dict[str, Any]:
        return {"created": {s: len(c) for s, c in self.created.items()},
                "updated": {s: len(c) for s, c in self.updated.items()},
                "unchanged_items": self.unchanged_items, "kept_items": self.kept_items}


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


_DEPARTMENT_FIELDS = ("name", "phone", "sort_order")
_EVENT_FIELDS = ("name", "sort_order")
_HALL_FIELDS = ("name", "hall_type", "address", "phone", "windows", "opening_hours")


async def _sync_simple(model: Any, specs: list[Any], names: tuple[str, ...], section: str,
                       diff: SyncDiff, write: bool) -> dict[str, Any]:
    """Upsert departments, life events or halls by code; returns code -> row."""
    rows = {r.code: r for r in await model.filter(code__in=[s.code for s in specs])}
    for spec in specs:
        data = spec.model_dump(mode="json", exclude={"code"})
        row = rows.get(spec.code)
        if row is None:
            diff.add(section, spec.code, None)
            if write:
                rows[spec.code] = await model.create(code=spec.code, **data)
        else:
            changed = [n for n in names if _plain(getattr(row, n)) != data[n]]
            diff.add(section, spec.code, changed)
            if changed and write:
                await model.filter(id=row.id).update(**{n: data[n] for n in changed})
    return rows


def _item_changes(item: ServiceItem, spec: ItemIn, departments: dict[str, Any],
                  current_hash: str | None) -> dict[str, Any]:
    values = item_attributes(spec)
    changes: dict[str, Any] = attribute_changes(item, values)
    if item.department_id != departments[spec.department].id:
        changes["department"] = spec.department
    if item.source != ItemSource.MUNICIPAL_CATALOG:
        changes["source"] = ItemSource.MUNICIPAL_CATALOG.value
    for name in ("life_events", "halls"):
        old = sorted(r.code for r in getattr(item, name))
        if old != sorted(set(getattr(spec, name))):
            changes[name] = [old, sorted(set(getattr(spec, name)))]
    if current_hash != guide_hash(spec.guide):
        changes["guide"] = "new version"
    return changes


async def _current_hashes(items: list[ServiceItem]) -> dict[str, str]:
    """item id -> content hash of its current guide version, in one query."""
    current = {str(i.id): i.current_version for i in items}
    rows = await GuideVersion.filter(item_id__in=[i.id for i in items]).values_list(
        "item_id", "version", "content_hash")
    return {str(item_id): digest for item_id, version, digest in rows
            if current[str(item_id)] == version}


async def _link(conn: BaseDBAsyncClient, relation: str, pairs: list[tuple[Any, Any]]) -> None:
    """Insert many-to-many rows (item, other) in one statement batch."""
    if not pairs:
        return
    m2m = cast(ManyToManyFieldInstance[Any], ServiceItem._meta.fields_map[relation])  # relation names a m2m
    postgres = conn.capabilities.dialect == "postgres"
    marks = ("$1", "$2") if postgres else ("?", "?")
    query = (f'INSERT INTO "{m2m.through}" ("{m2m.backward_key}", "{m2m.forward_key}") '
             f"VALUES ({marks[0]}, {marks[1]})")
    await conn.execute_many(query, [[a, b] if postgres else [str(a), str(b)] for a, b in pairs])


async def _create_items(conn: BaseDBAsyncClient, specs: list[ItemIn], departments: dict[str, Any],
                        events: dict[str, Any], halls: dict[str, Any]) -> None:
    """Insert new items with their first guide version in bulk: a 10,000-item import is one pass.

    Their audit entries are written here too; the sync's one outbox event announces them.
    """
    items = [ServiceItem(code=spec.code, department_id=departments[spec.department].id,
                         source=ItemSource.MUNICIPAL_CATALOG, current_version=1,
                         **item_attributes(spec)) for spec in specs]
    await ServiceItem.bulk_create(items, batch_size=_BATCH, using_db=conn)
    await GuideVersion.bulk_create(
        [GuideVersion(item_id=item.id, version=1, content_hash=guide_hash(spec.guide),
                      change_note="目录同步", created_by=SYNC_ACTOR, **spec.guide.model_dump(mode="json"))
         for item, spec in zip(items, specs, strict=True)], batch_size=_BATCH, using_db=conn)
    await _link(conn, "life_events", [(item.id, events[code].id) for item, spec in zip(items, specs, strict=True)
                                      for code in set(spec.life_events)])
    await _link(conn, "halls", [(item.id, halls[code].id) for item, spec in zip(items, specs, strict=True)
                                for code in set(spec.halls)])
    await CatalogAuditEntry.bulk_create(
        [CatalogAuditEntry(actor=SYNC_ACTOR, action="sync_create", item_id=item.id,
                           item_code=item.code, changes={"code": item.code}) for item in items],
        batch_size=_BATCH, using_db=conn)


async def _update_item(item: ServiceItem, spec: ItemIn, changes: dict[str, Any],
                       departments: dict[str, Any], events: dict[str, Any], halls: dict[str, Any]) -> None:
    await ServiceItem.filter(id=item.id).update(
        department_id=departments[spec.department].id, source=ItemSource.MUNICIPAL_CATALOG,
        **item_attributes(spec))
    if "life_events" in changes:
        await item.life_events.clear()
        await item.life_events.add(*[events[c] for c in set(spec.life_events)])
    if "halls" in changes:
        await item.halls.clear()
        await item.halls.add(*[halls[c] for c in set(spec.halls)])
    if "guide" in changes:
        created = await store_guide(item=item, guide=spec.guide, actor=SYNC_ACTOR,
                                    change_note="目录同步")
        changes["guide"] = created.version if created else item.current_version
    await audit(actor=SYNC_ACTOR, action="sync_update", item=item, changes=changes)


async def sync(*, rt: Runtime, catalog: CatalogFile, dry_run: bool) -> SyncDiff:
    """Bring the database in line with the export; with ``dry_run`` only compute the diff."""
    diff = SyncDiff()
    write = not dry_run
    async with in_transaction() as conn:
        departments = await _sync_simple(Department, catalog.departments, _DEPARTMENT_FIELDS,
                                         "departments", diff, write)
        events = await _sync_simple(LifeEvent, catalog.life_events, _EVENT_FIELDS,
                                    "life_events", diff, write)
        halls = await _sync_simple(Hall, catalog.halls, _HALL_FIELDS, "halls", diff, write)
        codes = [i.code for i in catalog.items]
        existing = {i.code: i for i in await ServiceItem.filter(code__in=codes).prefetch_related(
            "life_events", "halls")}
        hashes = await _current_hashes(list(existing.values()))
        new_items = []
        for spec in catalog.items:
            item = existing.get(spec.code)
            if item is None:
                diff.add("items", spec.code, None)
                new_items.append(spec)
                continue
            changes = _item_changes(item, spec, departments, hashes.get(str(item.id)))
            if not changes:
                diff.unchanged_items += 1
                continue
            diff.add("items", spec.code, list(changes))
            if write:
                await _update_item(item, spec, changes, departments, events, halls)
        if write:
            await _create_items(conn, new_items, departments, events, halls)
        await _sync_bundles(catalog, diff, write)
        diff.kept_items = await ServiceItem.exclude(code__in=codes).count()
        if write and not diff.is_empty:
            await outbox.emit(event_type=EventType.CATALOG_SYNCED, aggregate_id="catalog",
                              payload=diff.summary())
    if write and not diff.is_empty:
        # Fresh planner statistics, so search uses the trigram index right after a big import.
        await connections.get("default").execute_script("ANALYZE service_items")
        await rt.catalog_cache.invalidate()
    return diff
