"""Catalog changes by admins (department-scoped), each audited; shared write helpers for sync."""

from __future__ import annotations

import hashlib
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.errors import Conflict, ValidationFailed
from app.shapes import parse_id, parse_model
from app.tokens import Principal
from models.catalog import CatalogAuditEntry, GuideVersion, ItemSource, LifeEvent, ServiceItem
from models.organization import Department, Hall
from models.staff import StaffRoleName
from services import outbox
from services.catalog import ItemNotFound, build_item_detail
from services.catalog.guide import Guide
from services.catalog.inputs import ItemFields, ItemIn, ItemPatch
from services.catalog.search import build_search_text
from services.catalog.shapes import ItemDetail
from services.events import EventType

ATTRIBUTES = ("name", "level", "modes", "legal_limit_days", "promised_limit_days", "fee_fen",
              "requires_realname", "min_realname_level", "appointment_group", "popularity", "aliases")


def item_attributes(fields: ItemFields) -> dict[str, Any]:
    """Model column values for an item's attributes, derived columns included."""
    values = fields.model_dump(mode="json", include=set(ATTRIBUTES))
    values["mode_flags"] = "|" + "|".join(values["modes"]) + "|"
    values["search_text"] = build_search_text(fields.name, fields.aliases)
    return values


def attribute_changes(item: ServiceItem, values: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the public attributes that differ."""
    changes = {}
    for name in ATTRIBUTES:
        old = getattr(item, name)
        old = old.value if hasattr(old, "value") else old
        if old != values[name]:
            changes[name] = [old, values[name]]
    return changes


def guide_hash(guide: Guide) -> str:
    """A stable digest of a guide's content: equal content never makes a new version."""
    return hashlib.sha256(guide.model_dump_json().encode()).hexdigest()


async def store_guide(*, item: ServiceItem, guide: Guide, actor: str,
                      change_note: str = "") -> GuideVersion | None:
    """Add a new guide version when the content changed; None when it is the same (call inside
    a transaction)."""
    digest = guide_hash(guide)
    # The item's row, locked and read afresh: concurrent edits (an admin's beside a sync among
    # them) number their versions in turn instead of colliding on the same next one.
    item.current_version = (await ServiceItem.select_for_update().get(id=item.id)).current_version
    if item.current_version and await GuideVersion.exists(
            item_id=item.id, version=item.current_version, content_hash=digest):
        return None
    version = item.current_version + 1
    created = await GuideVersion.create(item_id=item.id, version=version, content_hash=digest,
                                        change_note=change_note, created_by=actor,
                                        **guide.model_dump(mode="json"))
    item.current_version = version
    await item.save(update_fields=["current_version", "updated_at"])
    return created


async def audit(*, actor: str, action: str, item: ServiceItem, changes: dict[str, Any]) -> None:
    """Record who changed what (the entry's created_at is when), with its outbox event."""
    await CatalogAuditEntry.create(actor=actor, action=action, item_id=item.id, item_code=item.code,
                                   changes=changes)
    await outbox.emit(event_type=EventType.CATALOG_ITEM_CHANGED, aggregate_id=str(item.id),
                      payload={"code": item.code, "action": action, "actor": actor})


async def resolve_codes(model: type[LifeEvent] | type[Hall], codes: list[str], field: str) -> list[Any]:
    """Rows for codes, refusing unknown ones with the field at fault."""
    rows = await model.filter(code__in=codes)
    missing = sorted(set(codes) - {r.code for r in rows})
    if missing:
        raise ValidationFailed(f"{field} 中有不存在的编码: {', '.join(missing)}",
                               code="UNKNOWN_CODE", details={"field": field, "codes": missing})
    return rows


async def _department_or_raise(code: str) -> Department:
    department = await Department.get_or_none(code=code)
    if department is None:
        raise ValidationFailed(f"部门 {code} 不存在", code="UNKNOWN_CODE",
                               details={"field": "department", "codes": [code]})
    return department


def _actor(principal: Principal) -> str:
    return f"staff:{principal.subject_id}"


async def _any_item_or_raise(item_id: str) -> ServiceItem:
    parsed = parse_id(item_id)
    item = await ServiceItem.get_or_none(id=parsed).select_related("department") if parsed else None
    if item is None:
        raise ItemNotFound(details={"item_id": item_id})
    return item


async def _admin_item_or_raise(principal: Principal, item_id: str) -> ServiceItem:
    """An item (published or not) the admin's department scope covers."""
    item = await _any_item_or_raise(item_id)
    require_scope(principal, StaffRoleName.ADMIN, department_id=str(item.department_id))
    return item


async def create_item(*, rt: Runtime, principal: Principal, spec: ItemIn) -> ItemDetail:
    """Create a district item with its first guide version."""
    department = await _department_or_raise(spec.department)
    require_scope(principal, StaffRoleName.ADMIN, department_id=str(department.id))
    events = await resolve_codes(LifeEvent, spec.life_events, "life_events")
    halls = await resolve_codes(Hall, spec.halls, "halls")
    code_taken = Conflict(f"事项编码 {spec.code} 已存在", code="ITEM_CODE_EXISTS")
    try:
        async with in_transaction():
            if await ServiceItem.exists(code=spec.code):
                raise code_taken
            item = await ServiceItem.create(code=spec.code, department=department,
                                            source=ItemSource.DISTRICT, **item_attributes(spec))
            await item.life_events.add(*events)
            await item.halls.add(*halls)
            await store_guide(item=item, guide=spec.guide, actor=_actor(principal),
                              change_note="创建事项")
            await audit(actor=_actor(principal), action="create", item=item,
                        changes={"item": spec.model_dump(mode="json", exclude={"guide"})})
    except IntegrityError as exc:
        # The same code created concurrently (PostgreSQL lets both pass the check above).
        raise code_taken from exc
    await rt.catalog_cache.invalidate()
    return await build_item_detail(await _any_item_or_raise(str(item.id)))


async def update_item(*, rt: Runtime, principal: Principal, item_id: str,
                      patch: ItemPatch) -> ItemDetail:
    """Edit an item's attributes; moving it to another department needs scope over both."""
    item = await _admin_item_or_raise(principal, item_id)
    await item.fetch_related("life_events", "halls")
    # model_construct: stored rows are taken as they are; only the merged result is validated.
    current = ItemFields.model_construct(
        name=item.name, department=item.department.code, level=item.level, modes=item.modes,
        legal_limit_days=item.legal_limit_days, promised_limit_days=item.promised_limit_days,
        fee_fen=item.fee_fen, requires_realname=item.requires_realname,
        min_realname_level=item.min_realname_level,
        appointment_group=item.appointment_group, popularity=item.popularity,
        aliases=item.aliases, life_events=sorted(e.code for e in item.life_events),
        halls=sorted(h.code for h in item.halls))
    merged = current.model_dump(warnings=False) | patch.model_dump(exclude_unset=True)
    updated = parse_model(ItemFields, merged)
    department = await _department_or_raise(updated.department)
    require_scope(principal, StaffRoleName.ADMIN, department_id=str(department.id))
    events = await resolve_codes(LifeEvent, updated.life_events, "life_events")
    halls = await resolve_codes(Hall, updated.halls, "halls")
    values = item_attributes(updated)
    changes: dict[str, Any] = attribute_changes(item, values)
    if department.id != item.department_id:
        changes["department"] = [item.department.code, department.code]
    for name in ("life_events", "halls"):
        old, new = getattr(current, name), sorted(set(getattr(updated, name)))
        if old != new:
            changes[name] = [old, new]
    if changes:
        async with in_transaction():
            await ServiceItem.filter(id=item.id).update(department_id=department.id, **values)
            await item.life_events.clear()
            await item.life_events.add(*events)
            await item.halls.clear()
            await item.halls.add(*halls)
            await audit(actor=_actor(principal), action="update", item=item, changes=changes)
        await rt.catalog_cache.invalidate()
    return await build_item_detail(await _any_item_or_raise(item_id))


async def replace_guide(*, rt: Runtime, principal: Principal, item_id: str, guide: Guide,
                        change_note: str) -> ItemDetail:
    """Edit a guide: a new version when the content changed; earlier versions stay readable."""
    item = await _admin_item_or_raise(principal, item_id)
    async with in_transaction():
        created = await store_guide(item=item, guide=guide, actor=_actor(principal),
                                    change_note=change_note)
        if created is not None:
            await audit(actor=_actor(principal), action="guide", item=item,
                        changes={"version": created.version, "change_note": change_note})
    if created is not None:
        await rt.catalog_cache.invalidate()
    return await build_item_detail(item)


async def set_published(*, rt: Runtime, principal: Principal, item_id: str,
                        published: bool) -> ItemDetail:
    """Publish or withdraw an item; residents no longer see withdrawn items."""
    item = await _admin_item_or_raise(principal, item_id)
    if item.is_published != published:
        async with in_transaction():
            await ServiceItem.filter(id=item.id).update(is_published=published)
            await audit(actor=_actor(principal), action="publish" if published else "unpublish",
                        item=item, changes={"is_published": [item.is_published, published]})
        await rt.catalog_cache.invalidate()
        item.is_published = published
    return await build_item_detail(item)


async def item_for_admin(*, principal: Principal, item_id: str) -> ItemDetail:
    """An item as its admins see it, published or not (never cached)."""
    return await build_item_detail(await _admin_item_or_raise(principal, item_id))


async def audit_trail(*, principal: Principal, item_id: str) -> list[CatalogAuditEntry]:
    """Every recorded change of an item, newest first."""
    item = await _admin_item_or_raise(principal, item_id)
    return await CatalogAuditEntry.filter(item_id=item.id).order_by("-created_at")
