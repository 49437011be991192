"""SQL of the item pages, the list and search: the filters are defined here only.

A page query returns only the ids of its items (and the list's cursor keys), in order; the page
is written from each item's summary, which workers keep in memory (``CatalogCache.summaries``).
Every value is a named slot (``app.fastpath.sql.slot``), so the SQL of a shape (which filters, how many
search terms, a first page or one after a cursor) is built once by ``app.fastpath.sql.fetch_prebuilt``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from pypika_tortoise.enums import JoinType, Order
from pypika_tortoise.queries import QueryBuilder, Table
from pypika_tortoise.terms import Criterion
from tortoise.fields.relational import ManyToManyFieldInstance

from app.fastpath.sql import slot
from models.catalog import ServiceItem
from models.organization import Department
from services.catalog.search import matches, relevance
from services.catalog.shapes import ITEM_SUMMARY_COLUMNS

if TYPE_CHECKING:
    from services.catalog import ItemFilter

# The optional filters, by slot name: the test each adds to the WHERE clause.
_FILTERS: dict[str, Callable[[Table], Criterion]] = {
    "department_id": lambda items: items.department_id == slot("department_id"),
    "level": lambda items: items.level == slot("level"),
    "mode_flags": lambda items: items.mode_flags.like(slot("mode_flags")),  # type: ignore[arg-type]  # pypika binds a slot
    "life_event_id": lambda items: items.id.isin(_linked_items("life_events", "life_event_id")),
    "hall_id": lambda items: items.id.isin(_linked_items("halls", "hall_id")),
}


def filter_values(filters: ItemFilter) -> dict[str, Any]:
    """The filters given, by slot name; their names, in order, are part of the query's shape."""
    given = {"department_id": filters.department_id and str(filters.department_id),
             "level": filters.level and filters.level.value,
             "mode_flags": filters.mode and f"%|{filters.mode.value}|%",
             "life_event_id": filters.life_event_id and str(filters.life_event_id),
             "hall_id": filters.hall_id and str(filters.hall_id)}
    return {name: value for name, value in given.items() if value is not None}


def _linked_items(relation: str, slot_name: str) -> QueryBuilder:
    """Ids of the items linked to the slot's life event or hall (a many-to-many table)."""
    field = cast(ManyToManyFieldInstance[Any], ServiceItem._meta.fields_map[relation])  # relation names a m2m
    link = Table(field.through)
    return (ServiceItem._meta.db.query_class.from_(link).select(link[field.backward_key])
            .where(link[field.forward_key] == slot(slot_name)))


def _published(filters: tuple[str, ...], *columns: str) -> QueryBuilder:
    """``columns`` of the published items passing the named filters."""
    meta = ServiceItem._meta
    items = meta.basetable
    query = (meta.db.query_class.from_(items).select(*(items[name].as_(name) for name in columns))
             .where(items.is_published == slot("published")))
    for name in filters:
        query = query.where(_FILTERS[name](items))
    return query


def summaries_query(batch: int) -> QueryBuilder:
    """``ITEM_SUMMARY_COLUMNS`` (with the department) of the items whose ids fill slots ``id:0``
    to ``id:<batch - 1>`` (unused slots hold NULL, which matches nothing)."""
    meta = ServiceItem._meta
    items, departments = meta.basetable, Department._meta.basetable
    own_columns = [items[name].as_(name) for name in ITEM_SUMMARY_COLUMNS if "__" not in name]
    return (meta.db.query_class.from_(items)
            .join(departments, how=JoinType.left).on(departments.id == items.department_id)
            .select(*own_columns, departments.code.as_("department__code"),
                    departments.name.as_("department__name"))
            .where(items.id.isin([slot(f"id:{index}") for index in range(batch)])))


def list_query(*, filters: tuple[str, ...], after_cursor: bool) -> QueryBuilder:
    """Ids (with the cursor's popularity and code) most popular first, then by code; ``limit``
    rows, after (``after_popularity``, ``after_code``) when ``after_cursor``."""
    items = ServiceItem._meta.basetable
    query = _published(filters, "id", "popularity", "code")
    if after_cursor:
        query = query.where((items.popularity < slot("after_popularity"))
                            | ((items.popularity == slot("after_popularity"))
                               & (items.code > slot("after_code"))))
    return query.orderby(items.popularity, order=Order.desc).orderby(items.code).limit(slot("limit"))


def search_query(*, terms: tuple[bool, ...], filters: tuple[str, ...]) -> QueryBuilder:
    """Ids of the items matching any of the search terms (``terms`` is their
    ``catalog_search.term_shape``, the slots from ``catalog_search.term_values``), ranked by
    relevance, popularity and code; ``limit`` rows from ``offset``."""
    meta = ServiceItem._meta
    items = meta.basetable
    column = items.search_text
    dialect = meta.db.capabilities.dialect
    return (_published(filters, "id").where(matches(dialect, column, terms))
            .orderby(relevance(dialect, column, len(terms)), order=Order.desc)
            .orderby(items.popularity, order=Order.desc).orderby(items.code)
            .limit(slot("limit")).offset(slot("offset")))
