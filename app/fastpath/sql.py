"""Queries of the hot paths with their SQL built once per shape (fenced: see ``app.fastpath``).

Tortoise spends more CPU building a query (150-350 µs) than PostgreSQL takes to answer a
primary-key lookup, and ~70 µs per model object it builds and validates before an INSERT. On
the fast path these functions render the SQL once per dialect and shape, only convert the values
per call, and build model objects straight from rows (Tortoise internals: ``Model._meta``,
``_init_from_db``, the client's ``query_class``). On the plain path (``app.fastpath.ENABLED`` is
False) each runs the same query through Tortoise's public API: the same results, slower.
Use them only on the hot paths docs/architecture.md lists; elsewhere write plain ORM queries.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

import asyncpg
from asyncpg.transaction import TransactionState
from pypika_tortoise.queries import QueryBuilder, Table
from pypika_tortoise.terms import Criterion, Parameter, ValueWrapper
from tortoise import Model, connections, timezone
from tortoise.backends.asyncpg.client import TransactionWrapper
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import MultipleObjectsReturned
from tortoise.fields import Field
from tortoise.queryset import QuerySet

from app import fastpath

ModelT = TypeVar("ModelT", bound=Model)
BuiltT = TypeVar("BuiltT")

_PREBUILT_SQL: dict[tuple[Any, ...], Any] = {}
# On the plain path, the values fetch_prebuilt's query is built with (slots become values).
_PLAIN_VALUES: ContextVar[Mapping[str, Any] | None] = ContextVar("plain_values", default=None)


@dataclass(frozen=True)
class Slot:
    """A named value in prebuilt SQL: ``ValueWrapper(Slot(name))`` is bound per execution."""

    name: str


def slot(name: str) -> ValueWrapper:
    """The pypika term of a named slot, for queries run by ``fetch_prebuilt``."""
    values = _PLAIN_VALUES.get()
    return ValueWrapper(Slot(name) if values is None else values[name])


def _lookup_sql(model: type[Model], shape: tuple[tuple[str, bool], ...], for_update: bool) -> str:
    meta = model._meta
    table = meta.basetable
    query = _select_all(model)
    position = 0
    for name, is_null in shape:
        column = table[meta.fields_db_projection[name]]
        if is_null:
            query = query.where(column.isnull())
        else:
            position += 1
            query = query.where(column == Parameter(idx=position))
    query = query.limit(2)
    if for_update and meta.db.capabilities.support_for_update:
        query = query.for_update()
    return query.get_sql()


def _select_all(model: type[Model]) -> QueryBuilder:
    meta = model._meta
    table = meta.basetable
    return meta.db.query_class.from_(table).select(
        *(table[column] for column in meta.fields_db_projection.values()))


def _prebuilt(db: BaseDBAsyncClient, model: type[Model], key: tuple[Any, ...],
              build: Callable[[], BuiltT]) -> BuiltT:
    # ``db`` is ``model._meta.db``, looked up once per query by the caller: each lookup resolves
    # the connection and checks its event loop (~8 % of GET /me's CPU when done twice).
    full_key = (db.capabilities.dialect, model, *key)
    sql = _PREBUILT_SQL.get(full_key)
    if sql is None:
        sql = _PREBUILT_SQL[full_key] = build()
    return sql


def _db_values(model: type[Model], values: Sequence[tuple[str, Any]]) -> list[Any]:
    fields = model._meta.fields_map
    return [fields[name].to_db_value(value, model) for name, value in values]


async def get_where(model: type[ModelT], *, for_update: bool = False, **equals: Any) -> ModelT | None:
    """``model.get_or_none(**equals)`` for plain equality (or ``None``) filters, its SQL built once
    per shape: Tortoise spends more CPU building a query (~230 µs) than the database answering it.
    ``for_update`` locks the row until the transaction ends (PostgreSQL; SQLite has one writer)."""
    if not fastpath.enabled():
        query = model.filter(**{name if value is not None else f"{name}__isnull":
                                value if value is not None else True
                                for name, value in equals.items()})
        return await (query.select_for_update() if for_update else query).get_or_none()
    fastpath.TAKEN["get_where"] += 1
    shape = tuple((name, value is None) for name, value in equals.items())
    db = model._meta.db
    sql = _prebuilt(db, model, ("get", shape, for_update), lambda: _lookup_sql(model, shape, for_update))
    values = _db_values(model, [(name, value) for name, value in equals.items() if value is not None])
    _, rows = await db.execute_query(sql, values)
    if len(rows) > 1:
        raise MultipleObjectsReturned(model)
    return model._init_from_db(**rows[0]) if rows else None


async def select_where(model: type[ModelT], *, name: str, where: Callable[[Table], Criterion],
                       values: Sequence[tuple[str, Any]],
                       plain: Callable[[], QuerySet[ModelT]]) -> list[ModelT]:
    """All rows of ``model`` matching ``where(table)``, a criterion whose ``Parameter(idx=n)`` take
    ``values`` in order as ``(field name, value)`` pairs; its SQL is built once per ``name``.
    ``plain()`` is the same query through the ORM, run on the plain path."""
    if not fastpath.enabled():
        return await plain()
    fastpath.TAKEN["select_where"] += 1
    db = model._meta.db
    sql = _prebuilt(db, model, ("select", name),
                    lambda: _select_all(model).where(where(model._meta.basetable)).get_sql())
    _, rows = await db.execute_query(sql, _db_values(model, values))
    return [model._init_from_db(**row) for row in rows]


async def select_by_arrays(model: type[ModelT], *, name: str, clause: Callable[[], str],
                           values: Sequence[Any]) -> list[ModelT]:
    """The rows of ``model`` that ``clause()`` finds: PostgreSQL's SQL after ``SELECT … FROM``
    (a WHERE matching many keys at once with ``= ANY($n)``, an ORDER BY, a FOR UPDATE), ``values``
    as asyncpg takes them (lists for arrays); its SQL built once per ``name``. For PostgreSQL's
    fast path only (``arrays_available``): its callers have a plain way for the rest."""
    fastpath.TAKEN["select_by_arrays"] += 1
    db = model._meta.db
    sql = _prebuilt(db, model, ("select_by_arrays", name), lambda: f"{_select_all(model).get_sql()} {clause()}")
    _, rows = await db.execute_query(sql, list(values))
    return [model._init_from_db(**row) for row in rows]


def arrays_available(model: type[Model]) -> bool:
    """Whether ``select_by_arrays`` works here: PostgreSQL's fast path."""
    return bool(fastpath.enabled()) and model._meta.db.capabilities.dialect == "postgres"


async def update_where(model: type[ModelT], *, name: str,
                       build: Callable[[QueryBuilder, Table], QueryBuilder],
                       values: Sequence[tuple[str, Any]],
                       plain: Callable[[], Awaitable[int]]) -> int:
    """Run the UPDATE ``build(model's update query, table)`` (numbered ``Parameter`` values as in
    ``select_where``), its SQL built once per ``name``; returns the number of rows changed.
    ``plain()`` is the same update through the ORM, run on the plain path."""
    if not fastpath.enabled():
        return await plain()
    fastpath.TAKEN["update_where"] += 1
    meta = model._meta
    db = meta.db
    sql = _prebuilt(db, model, ("update", name), lambda: build(
        db.query_class.update(meta.basetable), meta.basetable).get_sql())
    changed, _ = await db.execute_query(sql, _db_values(model, values))
    return changed


async def fetch_prebuilt(model: type[Model], *, key: tuple[Any, ...], build: Callable[[], QueryBuilder],
                         values: Mapping[str, Any]) -> Sequence[dict[str, Any]]:
    """The rows (mappings by column alias) of the query ``build()`` makes, rendered once per
    ``key``; each ``slot(name)`` in it is a parameter bound to ``values[name]``, in the order the
    SQL names them (so SQLite's positional ``?`` line up as PostgreSQL's ``$n``). Other
    parameters are the query's own constants and keep their values. On the plain path the
    query is built on every call with the values in place of the slots."""
    if not fastpath.enabled():
        token = _PLAIN_VALUES.set(values)
        try:
            sql, parameters = build().get_parameterized_sql()
        finally:
            _PLAIN_VALUES.reset(token)
        # The application's one connection (the model's, or its open transaction).
        _, rows = await connections.get("default").execute_query(sql, list(parameters))
        return cast(Sequence[dict[str, Any]], rows)  # connections.get is untyped
    fastpath.TAKEN["fetch_prebuilt"] += 1
    db = model._meta.db
    sql, parameters = _prebuilt(db, model, ("fetch", *key), lambda: build().get_parameterized_sql())
    _, rows = await db.execute_query(sql, bind_slots(parameters, values))
    return rows


def bind_slots(parameters: Sequence[Any], values: Mapping[str, Any]) -> list[Any]:
    """The values of a parameterised query's ``parameters``: each slot's from ``values``."""
    return [values[p.name] if isinstance(p, Slot) else p for p in parameters]


async def insert_rows(model: type[Model], rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT ``rows`` of ``model`` in one round trip without building model objects: Tortoise's
    ``bulk_create`` takes ~70 µs of CPU per row to build and validate them, more than the insert.
    Each row maps field names to values; a field left out takes its default (``auto_now`` and
    ``auto_now_add`` fields the current time). Values are checked and converted by their fields."""
    if not fastpath.enabled():
        await model.bulk_create([model(**row) for row in rows])
        return
    fastpath.TAKEN["insert_rows"] += 1
    await _insert(model, rows)


async def create_row(model: type[ModelT], **values: Any) -> ModelT:
    """``model.create(**values)`` as ``insert_rows`` does it (field names, ``item_id`` not ``item``)."""
    if not fastpath.enabled():
        return await model.create(**values)
    fastpath.TAKEN["create_row"] += 1
    (row,) = await _insert(model, [values])
    return model._init_from_db(**row)


async def create_rows(model: type[ModelT], rows: Sequence[Mapping[str, Any]]) -> list[ModelT]:
    """``insert_rows`` of the rows a unique constraint does not find stored already (ON CONFLICT DO
    NOTHING), returning those it wrote as model objects; the caller reads the stored ones if it
    wants them. The model's key must not be generated by the database."""
    if not rows:
        return []
    batch = new_rows(model, rows)
    db = model._meta.db
    if fastpath.enabled() and db.capabilities.dialect == "postgres":
        # One statement that writes the rows and says which it wrote: one array per column.
        fastpath.TAKEN["create_rows"] += 1
        columns = _insert_columns(model)
        sql = _prebuilt(db, model, ("create_rows",), lambda: _insert_new_sql(model, tuple(columns)))
        # execute_query_dict: Tortoise's execute_query returns no rows of an INSERT.
        written_rows = await db.execute_query_dict(sql, [[row[column] for row in batch.stored]
                                                         for column in columns.values()])
        # Compared as text: the objects hold a UUID key as written, the driver answers a UUID.
        written = {str(row[model._meta.db_pk_column]) for row in written_rows}
        return [row for row in batch.objects if str(row.pk) in written]
    if fastpath.enabled():
        fastpath.TAKEN["create_rows"] += 1
        await _write(model, batch.stored, skip_existing=True)
    else:
        await model.bulk_create(batch.objects, ignore_conflicts=True)
    # An INSERT of many rows does not say which it skipped: the keys it wrote are the ones stored.
    stored = set(await model.filter(pk__in=[row.pk for row in batch.objects]).values_list(
        model._meta.pk_attr, flat=True))
    return [row for row in batch.objects if row.pk in stored]


@dataclass(frozen=True)
class NewRows(Generic[ModelT]):
    """Rows of one model made ready to INSERT (``new_rows``), and the objects they become."""

    model: type[ModelT]
    objects: list[ModelT]
    stored: list[dict[str, Any]]  # column -> database value; unused on the plain path


def new_rows(model: type[ModelT], rows: Sequence[Mapping[str, Any]]) -> NewRows[ModelT]:
    """``rows`` (field names to values, defaults as ``insert_rows``) ready to write with
    ``insert_all``, and the model objects they become, before anything is sent."""
    if not fastpath.enabled():
        return NewRows(model, [model(**row) for row in rows], [])
    stored = _stored(model, rows)
    return NewRows(model, [model._init_from_db(**row) for row in stored], stored)


async def insert_all(*batches: NewRows[Any]) -> None:
    """Write the batches (a change and its outbox events): on PostgreSQL's fast path in one
    statement, each batch's INSERT but the last in a WITH, so one round trip writes them all
    (in a booking, one round trip less while the resident's row lock is held); elsewhere one
    INSERT each, in order. The values go as one array per column: the statement's text is the
    same whatever the number of rows (a group of bookings, services/appointments/group_commit.py)."""
    batches = tuple(batch for batch in batches if batch.objects)  # an INSERT needs a row
    if not batches:
        return
    if not fastpath.enabled():
        for batch in batches:
            await batch.model.bulk_create(batch.objects)
        return
    fastpath.TAKEN["insert_all"] += 1
    db = batches[0].model._meta.db
    if db.capabilities.dialect != "postgres" or len(batches) == 1:
        for batch in batches:
            await _write(batch.model, batch.stored, skip_existing=False)
        return
    models = tuple(batch.model for batch in batches)
    sql = _prebuilt(db, batches[0].model, ("insert_all", models), lambda: _insert_all_sql(models))
    # Each stored row holds its INSERT's columns in order (``_stored``).
    await db.execute_query(sql, [[row[column] for row in batch.stored]
                                 for batch in batches for column in batch.stored[0]])


def _insert_all_sql(models: tuple[type[Model], ...]) -> str:
    inserts, position = [], 1
    for model in models:
        columns, unnest = _unnest(model, list(_insert_columns(model)), first=position)
        inserts.append(f'INSERT INTO "{model._meta.db_table}" ({", ".join(columns)}) SELECT * FROM {unnest}')
        position += len(columns)
    *leading, last = inserts
    # Every data-modifying WITH runs to completion, read or not, in the statement's one snapshot.
    return "WITH " + ", ".join(f"w{n} AS ({sql})" for n, sql in enumerate(leading)) + " " + last


async def _insert(model: type[Model], rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    stored = _stored(model, rows)
    await _write(model, stored, skip_existing=False)
    return stored


def _stored(model: type[Model], rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each row as its INSERT's values (column -> database value), defaults filled in."""
    fields = model._meta.fields_map
    now = timezone.now()
    return [{column: fields[name].to_db_value(row[name] if name in row else _default(fields[name], now), model)
             for name, column in _insert_columns(model).items()} for row in rows]


async def _write(model: type[Model], stored: list[dict[str, Any]], *, skip_existing: bool) -> None:
    meta = model._meta
    db = meta.db
    columns = _insert_columns(model)

    def insert_sql() -> str:
        query = db.query_class.into(meta.basetable).columns(*columns.values()).insert(
            *(Parameter(idx=position) for position in range(1, len(columns) + 1)))
        return str(query.on_conflict().do_nothing() if skip_existing else query)

    sql = _prebuilt(db, model, ("insert", skip_existing), insert_sql)
    if len(stored) == 1:
        await db.execute_insert(sql, list(stored[0].values()))
    else:
        await db.execute_many(sql, [list(row.values()) for row in stored])


@functools.cache
def _insert_columns(model: type[Model]) -> dict[str, str]:
    """Field name -> column of every field an INSERT writes (not database-generated ones)."""
    meta = model._meta
    return {name: column for name, column in meta.fields_db_projection.items()
            if not meta.fields_map[name].generated}


def _default(field: Field[Any], now: Any) -> Any:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    return field.default() if callable(field.default) else field.default


async def update_rows(model: type[ModelT], objects: Sequence[ModelT], fields: Sequence[str]) -> None:
    """Write ``fields`` of each of ``objects``, found by primary key, in one statement.

    Tortoise's ``bulk_update`` ANDs one IN list of the keys per field written; PostgreSQL
    estimates that at one row and answers it with a scan of the whole table (push_deliveries: 18 ms
    for 100 rows of 120,000 on a quiet machine, growing with the table; bench/RESULTS.md, "Push").
    On PostgreSQL this sends the values as one array per column (``unnest``) and joins on the key:
    an index lookup per row, and one statement whatever the number of rows. The plain path and
    SQLite (one writer, small tables) use ``bulk_update``."""
    if not objects:
        return
    meta = model._meta
    db = meta.db
    if not fastpath.enabled() or db.capabilities.dialect != "postgres":
        await model.bulk_update(objects, fields=list(fields))
        return
    fastpath.TAKEN["update_rows"] += 1
    names = (meta.pk_attr, *fields)
    sql = _prebuilt(db, model, ("update_rows", tuple(fields)), lambda: _update_joined_sql(model, names))
    columns = [[meta.fields_map[name].to_db_value(getattr(obj, name), obj) for obj in objects] for name in names]
    await db.execute_query(sql, columns)


async def update_by_key(model: type[Model], *, key: str, rows: Sequence[tuple[Any, Mapping[str, Any]]]) -> set[Any]:
    """Set each row's values (field name -> value, the same fields in every row) on the rows whose
    ``key`` field holds that row's key value; returns the key values that matched a row.

    On PostgreSQL one statement, one array per column and ``RETURNING`` the keys matched (its text
    the same whatever the number of rows). The plain path and SQLite read the matching keys, then
    send one UPDATE per distinct set of values."""
    if not rows:
        return set()
    meta = model._meta
    db = meta.db
    names = tuple(rows[0][1])
    if fastpath.enabled() and db.capabilities.dialect == "postgres":
        fastpath.TAKEN["update_by_key"] += 1
        sql = _prebuilt(db, model, ("update_by_key", key, names),
                        lambda: _update_joined_sql(model, (key, *names), returning=True))
        fields = meta.fields_map
        arrays = [[fields[key].to_db_value(value, model) for value, _ in rows],
                  *([fields[name].to_db_value(values[name], model) for _, values in rows] for name in names)]
        # execute_query_dict: Tortoise's execute_query returns no rows of an UPDATE.
        matched = await db.execute_query_dict(sql, arrays)
        return {row[meta.fields_db_projection[key]] for row in matched}
    keys = [value for value, _ in rows]
    found = set(await model.filter(**{f"{key}__in": keys}).values_list(key, flat=True))
    by_values: dict[tuple[Any, ...], list[Any]] = {}
    for value, values in rows:
        if value in found:
            by_values.setdefault(tuple(values[name] for name in names), []).append(value)
    for written, matching in by_values.items():
        await model.filter(**{f"{key}__in": matching}).update(**dict(zip(names, written, strict=True)))
    return found


def _unnest(model: type[Model], names: Sequence[str], *, first: int = 1) -> tuple[list[str], str]:
    """The quoted columns of ``names`` and ``unnest($first::type[], …)`` taking one array for each."""
    meta = model._meta
    columns = [f'"{meta.fields_db_projection[name]}"' for name in names]
    types = [meta.fields_map[name].get_for_dialect("postgres", "SQL_TYPE") for name in names]
    arrays = ", ".join(f"${n}::{sql_type}[]" for n, sql_type in enumerate(types, start=first))
    return columns, f"unnest({arrays})"


def _update_joined_sql(model: type[Model], names: Sequence[str], *, returning: bool = False) -> str:
    """``UPDATE … FROM unnest(…)`` of the columns of ``names`` joined on the first of them."""
    columns, unnest = _unnest(model, names)
    key, *written = columns
    assignments = ", ".join(f"{column} = v.{column}" for column in written)
    return (f'UPDATE "{model._meta.db_table}" AS t SET {assignments} FROM {unnest} AS v({", ".join(columns)}) '
            f"WHERE t.{key} = v.{key}" + (f" RETURNING t.{key}" if returning else ""))


def _insert_new_sql(model: type[Model], names: Sequence[str]) -> str:
    meta = model._meta
    columns, unnest = _unnest(model, names)
    return (f'INSERT INTO "{meta.db_table}" ({", ".join(columns)}) SELECT * FROM {unnest} '
            f'ON CONFLICT DO NOTHING RETURNING "{meta.db_pk_column}"')


class NoRowChanged(Exception):
    """The UPDATE that was to end the transaction matched no row: the transaction is aborted."""


async def update_and_commit(model: type[Model], build: Callable[[QueryBuilder, Table], QueryBuilder]) -> bool:
    """End the current transaction with an UPDATE and its COMMIT sent as one query (PostgreSQL,
    outermost transaction): the row locks the UPDATE takes are then held for the server's time
    only, not also for this process's turn from the UPDATE's answer to sending the COMMIT. Under a
    slot release that turn, about 10 ms, was paid once per winner, one after another on the slot's
    row (bench/RESULTS.md). ``build`` gets the model's UPDATE and table and writes its values in
    (one query of two statements takes no parameters). Raises NoRowChanged when the UPDATE matched
    no row. Returns False, having done nothing, where it cannot be done so (the plain path,
    SQLite, a nested transaction): the caller then runs its UPDATE and commits as usual."""
    transaction = connections.get("default")
    if not (fastpath.enabled() and isinstance(transaction, TransactionWrapper)
            and not isinstance(transaction._parent, TransactionWrapper) and not transaction._finalized):
        return False
    fastpath.TAKEN["update_and_commit"] += 1
    meta = model._meta
    update = build(meta.db.query_class.update(meta.basetable), meta.basetable).get_sql()
    # The count divides by zero when no row changed: the error aborts the transaction, and the
    # server skips the COMMIT that follows in the same query.
    script = f"WITH changed AS ({update} RETURNING 1) SELECT 1 / count(*) FROM changed; COMMIT"
    transaction.log.debug("%s", script)  # as Tortoise logs its own statements
    try:
        await transaction._connection.execute(script)
    except asyncpg.DivisionByZeroError as exc:
        raise NoRowChanged() from exc
    # Committed: asyncpg's and Tortoise's transaction objects would otherwise send another COMMIT.
    committed = transaction.transaction
    if committed is not None:
        if committed._connection._top_xact is committed:
            committed._connection._top_xact = None
        committed._state = TransactionState.COMMITTED
    transaction._finalized = True
    return True
