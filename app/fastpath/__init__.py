"""The fenced fast path: the only code that reads private attributes of asyncpg, Tortoise and
pypika for speed (docs/architecture.md, "The fast path", lists each part's measured gain).

- ``app.fastpath.pool``: the PostgreSQL engine, a first-come, first-served pool that gives idle
  connections back in place;
- ``app.fastpath.sql``: SQL built once per shape and rows inserted without model objects, for
  the hot paths' queries.

``decide()`` runs once per process before the ORM is configured (``app.factory.create_app``;
the command line decides on first use). ``self_check()`` looks on the installed classes for
every private attribute those parts use; if one is missing (an upgrade renamed it), the process
logs each missing name once and runs the plain path: Tortoise's own asyncpg engine and public
ORM queries, the same results, slower. ``ENABLED`` says which path is active, as do the log line
``fast_path`` at start-up and the gauge ``hdt_fast_path_enabled``.
"""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, cast

import structlog

from app.metrics import FAST_PATH_ENABLED

log = structlog.get_logger("app.fastpath")

# None until decide(); then whether this process runs the fast path.
ENABLED: bool | None = None
# What the self-check found missing (names as in REQUIRED), empty when the fast path is on.
MISSING: tuple[str, ...] = ()
# Executions through prebuilt SQL, by function name (tests check that the fast path is taken).
TAKEN: Counter[str] = Counter()
_DECIDED_WITH: frozenset[str] = frozenset()
_ANNOUNCED = False

def has_attribute(owner: Callable[[], Any], attribute: str) -> Callable[[], bool]:
    """A probe of ``REQUIRED``: whether ``owner()`` (a class, or an instance) has ``attribute``."""
    return lambda: hasattr(owner(), attribute)


def _asyncpg_pool() -> Any:
    import asyncpg.pool
    return asyncpg.pool.Pool


def _asyncpg_holder() -> Any:
    import asyncpg.pool
    return asyncpg.pool.PoolConnectionHolder


def _asyncpg_proxy() -> Any:
    import asyncpg.pool
    return asyncpg.pool.PoolConnectionProxy


def _asyncpg_connection() -> Any:
    import asyncpg
    return asyncpg.Connection


def _asyncpg_protocol() -> Any:
    from asyncpg.protocol import protocol
    return protocol.Protocol


def _tortoise_asyncpg_client() -> Any:
    from tortoise.backends.asyncpg import AsyncpgDBClient
    return AsyncpgDBClient


def _tortoise_client() -> Any:
    from tortoise.backends.base.client import BaseDBAsyncClient
    return BaseDBAsyncClient


def _tortoise_model() -> Any:
    from tortoise import Model
    return Model


def _tortoise_meta() -> Any:
    from tortoise.models import MetaInfo
    return MetaInfo


def _tortoise_field() -> Any:
    from tortoise.fields import CharField
    return CharField(max_length=1)  # ``generated`` and ``default`` are set per field


def _asyncpg_transaction() -> Any:
    import asyncpg.transaction
    return asyncpg.transaction.Transaction


def _asyncpg_transaction_states() -> Any:
    import asyncpg.transaction
    return asyncpg.transaction.TransactionState


def _tortoise_transaction() -> Any:
    from types import SimpleNamespace

    from tortoise.backends.asyncpg.client import TransactionWrapper
    return TransactionWrapper(cast(Any, SimpleNamespace(_connection=None, log=None, connection_name="probe")))


def _pool_options_have_defaults() -> bool:
    """``FairPool`` passes ``asyncpg.Pool`` every option, taking the defaults from create_pool."""
    import asyncpg
    defaults = {name for name, p in inspect.signature(asyncpg.create_pool).parameters.items()
                if p.kind is p.KEYWORD_ONLY}
    required = {name for name, p in inspect.signature(asyncpg.pool.Pool.__init__).parameters.items()
                if p.kind is p.KEYWORD_ONLY and p.default is p.empty}
    return required <= defaults


def _slots_are_bound_as_parameters() -> bool:
    """``app.fastpath.sql.slot``: pypika hands a ``ValueWrapper``'s value to the driver as is."""
    from pypika_tortoise import Query, Table
    from pypika_tortoise.terms import ValueWrapper
    marker = object()
    table = Table("probe")
    _, parameters = (Query.from_(table).select(table.a).where(table.a == ValueWrapper(marker))
                     .get_parameterized_sql())
    return list(parameters) == [marker]


# Every private attribute (or internal behaviour) the fast path relies on, by the name logged.
REQUIRED: dict[str, Callable[[], bool]] = {
    # app.fastpath.pool: FairPool and PooledConnection read asyncpg's pool internals.
    **{f"asyncpg.pool.Pool.{name}": has_attribute(_asyncpg_pool, name)
       for name in ("_acquire", "_reset", "_generation", "release")},
    **{f"asyncpg.pool.PoolConnectionHolder.{name}": has_attribute(_asyncpg_holder, name)
       for name in ("_pool", "_timeout", "_max_queries", "_generation", "release")},
    **{f"asyncpg.pool.PoolConnectionProxy.{name}": has_attribute(_asyncpg_proxy, name)
       for name in ("_holder", "_con")},
    **{f"asyncpg.Connection.{name}": has_attribute(_asyncpg_connection, name)
       for name in ("_on_release", "_top_xact", "_protocol", "_loop", "_cancel_current_command",
                    "get_reset_query", "is_in_transaction", "terminate")},
    **{f"asyncpg.protocol.Protocol.{name}": has_attribute(_asyncpg_protocol, name)
       for name in ("_is_cancelling", "queries_count")},
    "asyncpg.create_pool defaults every asyncpg.pool.Pool option": _pool_options_have_defaults,
    **{f"tortoise.backends.asyncpg.AsyncpgDBClient.{name}": has_attribute(_tortoise_asyncpg_client, name)
       for name in ("connection_class", "create_pool")},
    # app.fastpath.sql.update_and_commit ends a transaction behind asyncpg's and Tortoise's backs.
    **{f"asyncpg.transaction.Transaction.{name}": has_attribute(_asyncpg_transaction, name)
       for name in ("_state", "_connection")},
    "asyncpg.transaction.TransactionState.COMMITTED": has_attribute(_asyncpg_transaction_states, "COMMITTED"),
    **{f"tortoise.backends.asyncpg.client.TransactionWrapper.{name}": has_attribute(_tortoise_transaction, name)
       for name in ("_connection", "_parent", "_finalized", "transaction")},
    # app.fastpath.sql: Tortoise's model metadata, row loading and query classes.
    "tortoise.Model._meta": has_attribute(_tortoise_model, "_meta"),
    "tortoise.Model._init_from_db": has_attribute(_tortoise_model, "_init_from_db"),
    **{f"tortoise.models.MetaInfo.{name}": has_attribute(_tortoise_meta, name)
       for name in ("db", "basetable", "fields_map", "fields_db_projection")},
    **{f"tortoise.backends.base.client.BaseDBAsyncClient.{name}": has_attribute(_tortoise_client, name)
       for name in ("query_class", "capabilities", "execute_query", "execute_insert",
                    "execute_many")},
    **{f"tortoise.fields.CharField().{name}": has_attribute(_tortoise_field, name)
       for name in ("to_db_value", "generated", "default")},
    "pypika ValueWrapper values bound as parameters": _slots_are_bound_as_parameters,
}


def self_check(*, hidden: Iterable[str] = (),
               required: dict[str, Callable[[], bool]] | None = None) -> list[str]:
    """The names of ``required`` (default ``REQUIRED``) the installed libraries lack; ``hidden``
    names count as missing (``HDT_FAST_PATH_HIDDEN``: how tests start a service on the plain path)."""
    hidden = set(hidden)
    missing = []
    for name, present in (REQUIRED if required is None else required).items():
        try:
            found = name not in hidden and present()
        except Exception:  # a probe that cannot run means its internals changed
            found = False
        if not found:
            missing.append(name)
    return missing


def decide(*, hidden: Iterable[str] = (), announce: bool = True) -> bool:
    """Run the self-check and choose this process's path. The choice is logged once: a fallback
    always, with each missing name; the fast path when ``announce`` (the service's start)."""
    global ENABLED, MISSING, _DECIDED_WITH, _ANNOUNCED
    hidden = frozenset(hidden)
    if ENABLED is None or hidden != _DECIDED_WITH:
        _DECIDED_WITH, _ANNOUNCED = hidden, False
        MISSING = tuple(self_check(hidden=hidden))
        ENABLED = not MISSING
        FAST_PATH_ENABLED.set(1 if ENABLED else 0)
    if not _ANNOUNCED and (announce or not ENABLED):
        _ANNOUNCED = True
        if ENABLED:
            log.info("fast_path", enabled=True)
        else:
            log.warning("fast_path", enabled=False, missing=list(MISSING),
                        fallback="tortoise asyncpg engine and plain ORM queries")
    return ENABLED


def enabled() -> bool:
    """Whether this process runs the fast path (deciding now, with nothing hidden, if not yet:
    the command line, or ``app.db.AERICH_CONFIG`` on import)."""
    return decide(announce=False) if ENABLED is None else ENABLED
