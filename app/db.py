"""Tortoise ORM configuration and aerich migrations (the hot paths' prebuilt SQL is in
``app.fastpath.sql``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from aerich import Command
from aerich.ddl.sqlite import SqliteDDL
from aerich.migrate import Migrate
from aerich.models import Aerich
from aerich.utils import decompress_dict, import_py_file
from sanic import Sanic
from tortoise import Tortoise
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.contrib.sanic import register_tortoise
from tortoise.exceptions import OperationalError

from app import fastpath
from models import MODEL_MODULES

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
# migrations/ sits beside app/ both in a checkout and in site-packages: the wheel ships it as a
# top-level folder of modules (pyproject's packages.find), so this holds wherever we are installed.
MIGRATIONS_ROOT = Path(__file__).resolve().parent.parent / "migrations"
# aerich writes dialect-specific SQL, so each dialect keeps its own migration history; both are
# generated together from the same models by `python -m app makemigrations NAME`.
_OFFLINE_URLS = {"sqlite": "sqlite://:memory:", "postgres": "postgres://offline@127.0.0.1:1/offline"}
# Each dialect's history up to release 2026-12-04 is squashed into one baseline migration; the
# old files stay in migrations/archive/ for databases created before it (docs/architecture.md).
BASELINE = "0_20261204200000_baseline.py"
ARCHIVE_ROOT = MIGRATIONS_ROOT / "archive"


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


def _connection(database_url: str, *, serving: bool) -> dict[str, Any]:
    url = _connection_url(database_url)
    config = expand_db_url(url)
    if not url.startswith("postgres://"):
        config["engine"] = "app.sqlite_engine"  # rolls back a batch insert a cancelled task left open
        return config
    credentials = config["credentials"]
    # Tortoise's default pool of 5 makes 64 concurrent requests queue for a connection.
    credentials.setdefault("maxsize", DEFAULT_POOL_SIZE)
    credentials.setdefault("timeout", CONNECT_TIMEOUT_SECONDS)
    # The URL's bounds are the server's; the command line leaves statements unbounded.
    acquire_timeout = float(credentials.pop("acquire_timeout", ACQUIRE_TIMEOUT_SECONDS))
    command_timeout = float(credentials.pop("command_timeout", COMMAND_TIMEOUT_SECONDS))
    statement_timeout = str(credentials.pop("statement_timeout", STATEMENT_TIMEOUT_MS))
    fast = fastpath.enabled()
    if serving:
        credentials["command_timeout"] = command_timeout
        if fast:  # Tortoise's own engine takes no acquire timeout (docs/outages.md)
            credentials["acquire_timeout"] = acquire_timeout
        # A setting of each session, not a connection option of asyncpg.
        credentials["server_settings"] = {**credentials.get("server_settings", {}),
                                          "statement_timeout": statement_timeout}
    # The fenced fast path's engine (a fair pool, no reset query), or Tortoise's own when the
    # start-up self-check found an asyncpg or Tortoise internal it relies on missing.
    config["engine"] = "app.fastpath.pool" if fast else "tortoise.backends.asyncpg"
    return config


def tortoise_config(database_url: str, *, serving: bool = False) -> dict[str, Any]:
    """The ORM configuration for one database URL (PostgreSQL or SQLite); ``serving`` bounds
    waiting for a connection and each statement, for the API's requests (docs/outages.md)."""
    return {
        "connections": {"default": _connection(database_url, serving=serving)},
        "apps": {"models": {"models": [*MODEL_MODULES, "aerich.models"],
                            "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def __getattr__(name: str) -> Any:
    # AERICH_CONFIG is for the aerich CLI (pyproject's [tool.aerich]); built on first use, so that
    # importing this module never parses DATABASE_URL (the settings report a bad one by name).
    if name == "AERICH_CONFIG":
        return tortoise_config(os.environ.get("DATABASE_URL", "sqlite://var/haidiantong.sqlite3"))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def register_database(app: Sanic[Any, Any], database_url: str) -> None:
    """Open the ORM in every worker; the global fallback lets request tasks see it."""
    register_tortoise(app, config=tortoise_config(database_url, serving=True),
                      _enable_global_fallback=True)


def _dialect(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite") else "postgres"


class MigrationsMissing(RuntimeError):
    """The installed package has no migrations for this database (a broken build)."""


def _command(database_url: str, root: Path = MIGRATIONS_ROOT, *, require_history: bool = True) -> Command:
    location = root / _dialect(database_url)
    # Without this check an install that lost its migrations would report "up to date" and serve
    # an empty database.
    if require_history and not any((location / "models").glob("0_*.py")):
        raise MigrationsMissing(f"no migrations under {location}: this installation is incomplete")
    return Command(tortoise_config(database_url), app="models", location=str(location))


async def apply_migrations(database_url: str) -> list[str]:
    """Apply pending migrations and return the names of those applied."""
    command = _command(database_url)
    try:
        # Initialised here, not by aerich: aerich skips it once any earlier session closed, and
        # would then find no connection (a second call in one process, as the tests make).
        await Tortoise.init(config=command.tortoise_config)
        applied = await _upgrade_archived(database_url)
        await command.init()
        return applied + await command.upgrade(run_in_transaction=True)
    finally:
        await Tortoise.close_connections()


async def _upgrade_archived(database_url: str) -> list[str]:
    """Bring a database created before the squash to the baseline: the archived migrations it
    lacks, then the baseline recorded as applied (with its models state, which aerich reads to
    write the next migration) instead of run, since the archive built the same schema. A new
    database, or one already at the baseline, is left to the current history."""
    command = _command(database_url, ARCHIVE_ROOT)
    await command.init()
    try:
        applied = await Command.get_applied_migrations(command.app)
    except OperationalError:  # no aerich table: a new database
        return []
    if not applied or BASELINE in applied:
        return []
    upgraded = await command.upgrade(run_in_transaction=True)
    baseline = import_py_file(MIGRATIONS_ROOT / _dialect(database_url) / command.app / BASELINE)
    await Aerich.create(version=BASELINE, app=command.app,
                        content=decompress_dict(baseline.MODELS_STATE))
    return [*upgraded, BASELINE]


async def pending_migrations(database_url: str) -> list[str]:
    """Migrations present in the code but not yet applied to the database."""
    command = _command(database_url)
    try:
        await command.init()
        return await command.heads()
    finally:
        await Tortoise.close_connections()


def _sqlite_comment_change(_ddl: SqliteDDL, _model: Any, _field: dict[str, Any]) -> str:
    # SQLite keeps no column comments, so a changed description (e.g. an enum's listed values)
    # needs no SQL there; aerich would refuse the whole migration instead.
    return ""


async def make_migrations(name: str) -> list[str]:
    """Write the next migration for every dialect from the current models (no database needed)."""
    SqliteDDL.set_comment = _sqlite_comment_change  # type: ignore[method-assign,assignment]  # the patch (fenced: docs/architecture.md)
    written = []
    for url in _OFFLINE_URLS.values():
        command = _command(url, require_history=False)
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
