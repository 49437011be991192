"""Catalog reads for residents: items, guides, departments, life events, halls; cached."""

from __future__ import annotations

import dataclasses
import datetime
import uuid
from collections.abc import Sequence
from typing import Any

from pydantic import Field, TypeAdapter

from app.cache import CachedDocument
from app.context import Runtime
from app.errors import NotFoundError, ValidationFailed
from app.fastpath.sql import fetch_prebuilt, get_where
from app.ids import local_today
from app.shapes import Page, Schema, decode_cursor, encode_cursor, parse_id
from models.catalog import GuideVersion, HandlingMode, ItemLevel, LifeEvent, ServiceItem
from models.organization import Department, Hall
from services import calendar
from services.catalog.queries import filter_values, list_query, search_query, summaries_query
from services.catalog.search import MAX_QUERY_LENGTH, expand_query, term_shape, term_values
from services.catalog.shapes import (
    DepartmentOut,
    GuideOut,
    GuideVersionBrief,
    HallOut,
    HallToday,
    ItemDetail,
    LifeEventOut,
    summary_json,
    summary_page_json,
)


class ItemNotFound(NotFoundError):
    code, message = "ITEM_NOT_FOUND", "事项不存在或未发布"


class GuideNotFound(NotFoundError):
    code, message = "GUIDE_NOT_FOUND", "办事指南版本不存在"


class HallNotFound(NotFoundError):
    code, message = "HALL_NOT_FOUND", "大厅不存在"


class ItemFilter(Schema):
    """Filters shared by the item list and search."""

    department_id: uuid.UUID | None = None
    mode: HandlingMode | None = None
    life_event_id: uuid.UUID | None = None
    level: ItemLevel | None = None
    hall_id: uuid.UUID | None = None
    limit: int = Field(20, ge=1, le=100)
    cursor: str | None = Field(None, max_length=200)

    def cache_key(self, **replaced: Any) -> str:
        """The filters' values joined, with ``replaced`` fields given other values."""
        values = {**self.model_dump(), **replaced}.values()
        return ":".join(str(v) if v is not None else "" for v in values)


class SearchFilter(ItemFilter):
    q: str = Field(min_length=1, max_length=MAX_QUERY_LENGTH)


async def get_item_or_raise(*, item_id: Any) -> ServiceItem:
    """A published item by id; unknown, malformed or unpublished ids raise ITEM_NOT_FOUND."""
    parsed = parse_id(item_id)
    item = await get_where(ServiceItem, id=parsed, is_published=True) if parsed else None
    if item is None:
        raise ItemNotFound(details={"item_id": str(item_id)})
    return item


async def get_guide_version_or_raise(*, guide_id: Any) -> GuideVersion:
    """One guide version by id (old versions included), with its materials and data template."""
    parsed = parse_id(guide_id)
    guide = await GuideVersion.get_or_none(id=parsed) if parsed else None
    if guide is None:
        raise GuideNotFound(details={"guide_id": str(guide_id)})
    return guide


async def current_guide(*, item: ServiceItem) -> GuideVersion:
    """The guide version residents currently see for an item."""
    return await GuideVersion.get(item_id=item.id, version=item.current_version)


async def build_item_detail(item: ServiceItem) -> ItemDetail:
    """An item with its department, life events, halls and current guide."""
    await item.fetch_related("department", "life_events", "halls")
    guide = await current_guide(item=item)
    return ItemDetail.of(item, guide, list(item.life_events), list(item.halls))


async def _load_item_detail(item_id: Any) -> str:
    item = await get_item_or_raise(item_id=item_id)
    return (await build_item_detail(item)).model_dump_json()


async def item_detail(*, rt: Runtime, item_id: str) -> CachedDocument:
    """An item with its current guide, serialised, from the cache when possible."""
    if parse_id(item_id) is None:
        raise ItemNotFound(details={"item_id": item_id})
    # v2: the detail gained min_realname_level; documents cached before it lack the field.
    return await rt.catalog_cache.get_or_load(f"item:v2:{item_id}",
                                           lambda: _load_item_detail(item_id))


@dataclasses.dataclass(frozen=True)
class BookableItem:
    """What booking, availability, draws and waiting lists need of a published item."""

    id: uuid.UUID
    code: str
    appointment_group: str | None  # None: the item takes no appointments
    requires_realname: bool

    @classmethod
    def of(cls, item: ServiceItem) -> BookableItem:
        return cls(id=item.id, code=item.code, appointment_group=item.appointment_group,
                   requires_realname=item.requires_realname)


# Its cached form (app.cache.CatalogCache.memory_facts).
_BOOKABLE_ITEM_JSON = TypeAdapter(BookableItem)


async def bookable_item(*, rt: Runtime, item_id: Any) -> BookableItem:
    """A published item's booking facts from the worker's memory (ITEM_NOT_FOUND as
    ``get_item_or_raise``): the admission gate answers a full slot without the database
    (services/appointments/gate.py), and a booking that goes on reads one row less."""
    if parse_id(item_id) is None:
        raise ItemNotFound(details={"item_id": str(item_id)})

    async def load() -> BookableItem:
        return BookableItem.of(await get_item_or_raise(item_id=item_id))

    return await rt.catalog_cache.memory_facts(f"bookable-item:{item_id}", _BOOKABLE_ITEM_JSON, load)


async def _load_guide(guide_id: str) -> str:
    guide = await get_guide_version_or_raise(guide_id=guide_id)
    if not await ServiceItem.exists(id=guide.item_id, is_published=True):
        raise GuideNotFound(details={"guide_id": guide_id})
    return GuideOut.of(guide).model_dump_json()


async def guide_document(*, rt: Runtime, guide_id: str) -> CachedDocument:
    """One guide version of a published item, serialised and cached (versions never change)."""
    if parse_id(guide_id) is None:
        raise GuideNotFound(details={"guide_id": guide_id})
    return await rt.catalog_cache.get_or_load(f"guide:{guide_id}",
                                           lambda: _load_guide(guide_id))


async def guide_versions(*, item_id: str) -> list[GuideVersionBrief]:
    """Every guide version of a published item, newest first."""
    item = await get_item_or_raise(item_id=item_id)
    rows = await GuideVersion.filter(item_id=item.id).order_by("-version")
    return [GuideVersionBrief(id=str(g.id), version=g.version, change_note=g.change_note,
                              created_at=g.created_at) for g in rows]


async def _summary_page(rt: Runtime, rows: Sequence[Any], *, next_cursor: str | None) -> str:
    """The page of the items of ``rows`` (with an ``id``, in page order), from their summaries:
    a page query reads only ids, so PostgreSQL neither joins nor sends the summary columns of
    every page, and most summaries are already in the worker's memory."""
    summaries = await rt.catalog_cache.summaries([str(row["id"]) for row in rows], _load_summaries)
    return summary_page_json(summaries, next_cursor=next_cursor)


# Summaries are loaded in batches of these sizes (the next one up, padded with NULL ids), so
# there are three SQL texts to build and prepare. A page has at most 100 items (``ItemFilter``).
_SUMMARY_BATCHES = (5, 25, 100)


async def _load_summaries(item_ids: list[str]) -> dict[str, str]:
    batch = next(size for size in _SUMMARY_BATCHES if size >= len(item_ids))
    padded = item_ids + [None] * (batch - len(item_ids))
    rows = await fetch_prebuilt(
        ServiceItem, key=("summaries", batch), build=lambda: summaries_query(batch),
        values={f"id:{index}": item_id for index, item_id in enumerate(padded)})
    return {str(row["id"]): summary_json(row) for row in rows}


async def list_items(*, rt: Runtime, filters: ItemFilter) -> CachedDocument:
    """Published items matching the filters, most popular first, one cursor page (cached)."""

    async def load() -> str:
        given = filter_values(filters)
        values = {**given, "published": True, "limit": filters.limit + 1}
        if filters.cursor:
            popularity, _, code = decode_cursor(filters.cursor).partition(":")
            if not popularity.lstrip("-").isdigit() or not code:
                raise ValidationFailed("分页游标无效", code="INVALID_CURSOR")
            values.update(after_popularity=int(popularity), after_code=code)
        after_cursor = filters.cursor is not None
        rows = await fetch_prebuilt(
            ServiceItem, key=("list", tuple(given), after_cursor),
            build=lambda: list_query(filters=tuple(given), after_cursor=after_cursor), values=values)
        page = rows[:filters.limit]
        next_cursor = None
        if len(rows) > filters.limit:
            next_cursor = encode_cursor(f"{page[-1]['popularity']}:{page[-1]['code']}")
        return await _summary_page(rt, page, next_cursor=next_cursor)

    return await rt.catalog_cache.get_or_load("items:" + filters.cache_key(), load)


async def search_items(*, rt: Runtime, filters: SearchFilter) -> CachedDocument:
    """Items whose name, alias, pinyin or initials contain the query (or a synonym of it),
    ranked by relevance then popularity; one cursor page (cached)."""
    terms = expand_query(filters.q)
    if not terms:
        raise ValidationFailed("请输入搜索内容", code="SEARCH_QUERY_EMPTY")

    async def load() -> str:
        offset = 0
        if filters.cursor:
            decoded = decode_cursor(filters.cursor)
            if not decoded.isdigit():
                raise ValidationFailed("分页游标无效", code="INVALID_CURSOR")
            offset = int(decoded)
        given = filter_values(filters)
        # Ranked and paged in the database: one round trip for the page's ids, its SQL built once
        # per shape (Tortoise took more CPU building it than PostgreSQL running it).
        shape = term_shape(terms)
        rows = await fetch_prebuilt(
            ServiceItem, key=("search", shape, tuple(given)),
            build=lambda: search_query(terms=shape, filters=tuple(given)),
            values={**term_values(terms), **given, "published": True,
                    "limit": filters.limit + 1, "offset": offset})
        more = len(rows) > filters.limit
        next_cursor = encode_cursor(str(offset + filters.limit)) if more else None
        return await _summary_page(rt, rows[:filters.limit], next_cursor=next_cursor)

    # Keyed by the normalised query (terms[0]): ＳＦＺ, sfz and s f z share one cached page.
    return await rt.catalog_cache.get_or_load("search:" + filters.cache_key(q=terms[0]), load,
                                           shared=False)


async def departments(*, rt: Runtime) -> CachedDocument:
    """All departments in display order (cached)."""

    async def load() -> str:
        rows = await Department.all().order_by("sort_order", "code")
        return Page[DepartmentOut](items=[DepartmentOut.of(d) for d in rows]).model_dump_json()

    return await rt.catalog_cache.get_or_load("departments", load)


async def life_events(*, rt: Runtime) -> CachedDocument:
    """All life events in display order (cached)."""

    async def load() -> str:
        rows = await LifeEvent.all().order_by("sort_order", "code")
        return Page[LifeEventOut](items=[LifeEventOut.of(e) for e in rows]).model_dump_json()

    return await rt.catalog_cache.get_or_load("life-events", load)


async def hall_today(*, hall: Hall, day: datetime.date) -> HallToday:
    """A hall's hours on one day: working-day hours, Saturday service hours, or closed."""
    hours = hall.opening_hours or {}
    if await calendar.is_working_day(day=day, hall_id=hall.id):
        shown = hours.get("working_days", [])
    elif day.weekday() == 5 and not await calendar.is_closed(day=day, hall_id=hall.id):
        shown = hours.get("saturday", [])
    else:
        shown = []
    return HallToday(date=day, is_open=bool(shown), hours=shown)


async def halls(*, rt: Runtime) -> CachedDocument:
    """All halls with today's opening hours (cached per day)."""
    day = local_today()

    async def load() -> str:
        rows = await Hall.all().order_by("hall_type", "code")
        items = [HallOut.of(h, await hall_today(hall=h, day=day)) for h in rows]
        return Page[HallOut](items=items).model_dump_json()

    return await rt.catalog_cache.get_or_load(f"halls:{day.isoformat()}", load)


async def get_hall_or_raise(*, hall_id: str) -> Hall:
    """The hall of ``hall_id``; HALL_NOT_FOUND for an unknown or malformed id."""
    parsed = parse_id(hall_id)
    hall = await Hall.get_or_none(id=parsed) if parsed else None
    if hall is None:
        raise HallNotFound(details={"hall_id": hall_id})
    return hall


async def hall_document(*, rt: Runtime, hall_id: str) -> CachedDocument:
    """One hall with today's opening hours (cached per day)."""
    parsed = parse_id(hall_id)
    if parsed is None:
        raise HallNotFound(details={"hall_id": hall_id})
    day = local_today()

    async def load() -> str:
        hall = await Hall.get_or_none(id=parsed)
        if hall is None:
            raise HallNotFound(details={"hall_id": hall_id})
        return HallOut.of(hall, await hall_today(hall=hall, day=day)).model_dump_json()

    return await rt.catalog_cache.get_or_load(f"hall:{parsed}:{day.isoformat()}", load)
