"""Tortoise ORM configuration and aerich migrations."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from aerich import Command
from aerich.ddl.sqlite import SqliteDDL
from aerich.migrate import Migrate
from pypika_tortoise.queries import QueryBuilder, Table
from pypika_tortoise.terms import Criterion, Parameter, ValueWrapper
from sanic import Sanic
from tortoise import Model, Tortoise, timezone
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.contrib.sanic import register_tortoise
from tortoise.exceptions import MultipleObjectsReturned
from tortoise.fields import Field

from models import MODEL_MODULES

ModelT = TypeVar("ModelT", bound=Model)

DEFAULT_POOL_SIZE = 20  # per worker process; override with ?maxsize=N in DATABASE_URL
# Outages (docs/outages.md): a PostgreSQL that is down fails at once; a hung one within these
# bounds, each overridable in DATABASE_URL (?timeout=, ?acquire_timeout=, ?command_timeout=,
# ?statement_timeout= in PostgreSQL's units, milliseconds by default). Opening a connection
# (TCP, start-up and authentication), everywhere:
CONNECT_TIMEOUT_SECONDS = 2
# The rest bound the server's requests only; migrations and the command line keep unbounded
# statements (an index build may take minutes). Waiting for a pooled connection, opening one
# included: generous, as a burst queues for a turn (50 ledger appends at once on a pool of 20).
ACQUIRE_TIMEOUT_SECONDS = 5.0
# The client's bound on each statement: what answers a hung server (or network) within 2 s.
# Lock waits count: a statement waiting this long for a row lock answers 503 too.
COMMAND_TIMEOUT_SECONDS = 2.0
# The server's own, longer: it ends a statement whose client gave up (the connection is closed
# then, and PostgreSQL does not notice that while the statement runs or waits for a lock).
STATEMENT_TIMEOUT_MS = 5000
MIGRATIONS_ROOT = Path(__file__).resolve().parent.parent / "migrations"
# aerich writes dialect-specific SQL, so each dialect keeps its own migration history; both are
# generated together from the same models by `python -m app makemigrations NAME`.
_OFFLINE_URLS = {"sqlite": "sqlite://:memory:", "postgres": "postgres://offline@127.0.0.1:1/offline"}


def _connection_url(database_url: str) -> str:
    """Normalise the URL; SQLite waits for a busy writer instead of failing at once."""
    if database_url.startswith("sqlite://"):
        path = database_url.removeprefix("sqlite://").split("?")[0]
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        if "busy_timeout" not in database_url:
            database_url += ("&" if "?" in database_url else "?") + "busy_timeout=10000"
    elif database_url.startswith("postgresql://"):
        database_url = "postgres://" + database_url.removeprefix("postgresql://")
    return database_url


def _connection(database_url: str, *, serving: bool) -> str | dict:
    url = _connection_url(database_url)
    if not url.startswith("postgres://"):
        return url
    config = expand_db_url(url)
    credentials = config["credentials"]
    # Tortoise's default pool of 5 makes 64 concurrent requests queue for a connection.
    credentials.setdefault("maxsize", DEFAULT_POOL_SIZE)
    credentials.setdefault("timeout", CONNECT_TIMEOUT_SECONDS)
    # The URL's bounds are the server's; the command line leaves statements unbounded.
    acquire_timeout = float(credentials.pop("acquire_timeout", ACQUIRE_TIMEOUT_SECONDS))
    command_timeout = float(credentials.pop("command_timeout", COMMAND_TIMEOUT_SECONDS))
    statement_timeout = str(credentials.pop("statement_timeout", STATEMENT_TIMEOUT_MS))
    if serving:
        credentials.update(acquire_timeout=acquire_timeout, command_timeout=command_timeout)
        # A setting of each session, not a connection option of asyncpg.
        credentials["server_settings"] = {**credentials.get("server_settings", {}),
                                          "statement_timeout": statement_timeout}
    config["engine"] = "app.fastpath.pool"  # asyncpg with a fair pool and no reset query
    return config


def tortoise_config(database_url: str, *, serving: bool = False) -> dict:
    """The ORM configuration for one database URL (PostgreSQL or SQLite); ``serving`` bounds
    waiting for a connection and each statement, for the API's requests (docs/outages.md)."""
    return {
        "connections": {"default": _connection(database_url, serving=serving)},
        "apps": {"models": {"models": [*MODEL_MODULES, "aerich.models"],
                            "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


# The aerich CLI (`aerich migrate` when models change) reads this; see docs/development.md.
AERICH_CONFIG = tortoise_config(os.environ.get("DATABASE_URL", "sqlite://var/haidiantong.sqlite3"))


def register_database(app: Sanic, database_url: str) -> None:
    """Open the ORM in every worker; the global fallback lets request tasks see it."""
    register_tortoise(app, config=tortoise_config(database_url, serving=True),
                      _enable_global_fallback=True)


def _dialect(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite") else "postgres"


def _command(database_url: str) -> Command:
    location = MIGRATIONS_ROOT / _dialect(database_url)
    return Command(tortoise_config(database_url), app="models", location=str(location))


async def apply_migrations(database_url: str) -> list[str]:
    """Apply pending migrations and return the names of those applied."""
    command = _command(database_url)
    try:
        await command.init()
        return await command.upgrade(run_in_transaction=True)
    finally:
        await Tortoise.close_connections()


async def pending_migrations(database_url: str) -> list[str]:
    """Migrations present in the code but not yet applied to the database."""
    command = _command(database_url)
    try:
        await command.init()
        return await command.heads()
    finally:
        await Tortoise.close_connections()


def _sqlite_comment_change(_ddl: SqliteDDL, _model: Any, _field: dict) -> str:
    # SQLite keeps no column comments, so a changed description (e.g. an enum's listed values)
    # needs no SQL there; aerich would refuse the whole migration instead.
    return ""


async def make_migrations(name: str) -> list[str]:
    """Write the next migration for every dialect from the current models (no database needed)."""
    SqliteDDL.set_comment = _sqlite_comment_change
    written = []
    for url in _OFFLINE_URLS.values():
        command = _command(url)
        try:
            if not any((Path(command.location) / "models").glob("0_*.py")):
                await command._do_init(safe=True, offline=True)
                written.append(f"{_dialect(url)}: initial")
            else:
                # Offline init still needs the ORM configured (models are read, nothing connects).
                await Tortoise.init(config=command.tortoise_config)
                await command.init(offline=True)
                made = await command.migrate(name, no_input=True, offline=True)
                if made:
                    written.append(f"{_dialect(url)}: {made}")
        finally:
            await Tortoise.close_connections()
            _forget_pending_operations()
    return written


def _forget_pending_operations() -> None:
    """aerich collects SQL in class-level lists (one dialect per process in its own CLI), so
    clear them before the next dialect, or its migration would repeat this one's statements."""
    for pending in (Migrate.upgrade_operators, Migrate.downgrade_operators,
                    Migrate._upgrade_fk_m2m_index_operators,
                    Migrate._downgrade_fk_m2m_index_operators,
                    Migrate._upgrade_m2m, Migrate._downgrade_m2m, Migrate._rename_fields):
        pending.clear()


_PREBUILT_SQL: dict[tuple, Any] = {}
BuiltT = TypeVar("BuiltT")


@dataclass(frozen=True)
class Slot:
    """A named value in prebuilt SQL: ``ValueWrapper(Slot(name))`` is bound per execution."""

    name: str


def slot(name: str) -> ValueWrapper:
    """The pypika term of a named slot, for queries run by ``fetch_prebuilt``."""
    return ValueWrapper(Slot(name))


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


def _prebuilt(db: BaseDBAsyncClient, model: type[Model], key: tuple,
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
    shape = tuple((name, value is None) for name, value in equals.items())
    db = model._meta.db
    sql = _prebuilt(db, model, ("get", shape, for_update), lambda: _lookup_sql(model, shape, for_update))
    values = _db_values(model, [(name, value) for name, value in equals.items() if value is not None])
    _, rows = await db.execute_query(sql, values)
    if len(rows) > 1:
        raise MultipleObjectsReturned(model)
    return model._init_from_db(**rows[0]) if rows else None


async def select_where(model: type[ModelT], *, name: str, where: Callable[[Table], Criterion],
                       values: Sequence[tuple[str, Any]]) -> list[ModelT]:
    """All rows of ``model`` matching ``where(table)``, a criterion whose ``Parameter(idx=n)`` take
    ``values`` in order as ``(field name, value)`` pairs; its SQL is built once per ``name``."""
    db = model._meta.db
    sql = _prebuilt(db, model, ("select", name),
                    lambda: _select_all(model).where(where(model._meta.basetable)).get_sql())
    _, rows = await db.execute_query(sql, _db_values(model, values))
    return [model._init_from_db(**row) for row in rows]


async def update_where(model: type[ModelT], *, name: str,
                       build: Callable[[QueryBuilder, Table], QueryBuilder],
                       values: Sequence[tuple[str, Any]]) -> int:
    """Run the UPDATE ``build(model's update query, table)`` (numbered ``Parameter`` values as in
    ``select_where``), its SQL built once per ``name``; returns the number of rows changed."""
    meta = model._meta
    db = meta.db
    sql = _prebuilt(db, model, ("update", name), lambda: build(
        db.query_class.update(meta.basetable), meta.basetable).get_sql())
    changed, _ = await db.execute_query(sql, _db_values(model, values))
    return changed


async def fetch_prebuilt(model: type[Model], *, key: tuple, build: Callable[[], QueryBuilder],
                         values: Mapping[str, Any]) -> list[Any]:
    """The rows (mappings by column alias) of the query ``build()`` makes, rendered once per
    ``key``; each ``ValueWrapper(Slot(name))`` in it is a parameter bound to ``values[name]``, in
    the order the SQL names them (so SQLite's positional ``?`` line up as PostgreSQL's ``$n``).
    Other parameters are the query's own constants and keep their values."""
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
    await _insert(model, rows)


async def create_row(model: type[ModelT], **values: Any) -> ModelT:
    """``model.create(**values)`` as ``insert_rows`` does it (field names, ``item_id`` not ``item``)."""
    (row,) = await _insert(model, [values])
    return model._init_from_db(**row)


async def _insert(model: type[Model], rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    meta = model._meta
    db = meta.db
    fields = meta.fields_map
    columns = _insert_columns(model)
    sql = _prebuilt(db, model, ("insert",), lambda: str(
        db.query_class.into(meta.basetable).columns(*columns.values())
        .insert(*(Parameter(idx=position) for position in range(1, len(columns) + 1)))))
    now = timezone.now()
    stored = [{column: fields[name].to_db_value(row[name] if name in row else _default(fields[name], now),
                                                model)
               for name, column in columns.items()} for row in rows]
    if len(stored) == 1:
        await db.execute_insert(sql, list(stored[0].values()))
    else:
        await db.execute_many(sql, [list(row.values()) for row in stored])
    return stored


@functools.cache
def _insert_columns(model: type[Model]) -> dict[str, str]:
    """Field name -> column of every field an INSERT writes (not database-generated ones)."""
    meta = model._meta
    return {name: column for name, column in meta.fields_db_projection.items()
            if not meta.fields_map[name].generated}


def _default(field: Field, now: Any) -> Any:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    return field.default() if callable(field.default) else field.default
