"""The squashed baselines: the same schema as the archived histories, and a way up from them.

Each migration run happens in a child process: it initialises Tortoise for its own database, which
must not disturb the ORM of the app the rest of the suite shares in this process.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import asyncpg
import pytest
from aerich.coder import encoder
from aerich.utils import decompress_dict, import_py_file

from app.db import ARCHIVE_ROOT, BASELINE, MIGRATIONS_ROOT
from tests import backends

ROOT = Path(__file__).resolve().parents[2]
DIALECT = "postgres" if backends.POSTGRES_URL else "sqlite"
# The last archived migration of the release before the squashed one (before the calendar).
PREVIOUS_RELEASE = {"postgres": "12_20261204040000_catalog_search_letters_and_digits.py",
                    "sqlite": "9_20261204040000_catalog_search_letters_and_digits.py"}[DIALECT]
# The last migration of the squashed release: the calendar, with data UPDATEs.
CALENDAR = {"postgres": "13_20261204191839_calendar.py",
            "sqlite": "10_20261204191839_calendar.py"}[DIALECT]
# The last one before the search-text rewrite, a data migration with its own copy of the rule.
BEFORE_SEARCH_TEXT_REWRITE = {"postgres": "11_20261203233000_catalog_search_grams.py",
                              "sqlite": "8_20261201210042_push_dropped_status.py"}[DIALECT]
# The migrations a database created today gets: the baseline and every one written after it.
CURRENT = sorted((p.name for p in (MIGRATIONS_ROOT / DIALECT / "models").glob("*.py")),
                 key=lambda name: int(name.split("_")[0]))
assert CURRENT[0] == BASELINE


def _run(code: str, *args: str) -> object:
    """Run ``code`` (an async ``main(*args)`` returning JSON) in a child Python; its result."""
    script = f"import asyncio, json, sys\n{code}\nprint(json.dumps(asyncio.run(main(*sys.argv[1:]))))"
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


APPLY = """
from app.db import apply_migrations
async def main(url):
    return await apply_migrations(url)
"""

APPLY_TWICE = """
from app.db import apply_migrations
async def main(url):
    return [await apply_migrations(url), await apply_migrations(url)]
"""

PENDING = """
from app.db import pending_migrations
async def main(url):
    return await pending_migrations(url)
"""

# aerich's own upgrade over a folder of migrations, as the history ran before the squash.
REPLAY = """
from aerich import Command
from tortoise import Tortoise
from app.db import tortoise_config
async def main(url, location):
    command = Command(tortoise_config(url), app="models", location=location)
    try:
        await command.init()
        return await command.upgrade(run_in_transaction=True)
    finally:
        await Tortoise.close_connections()
"""


def _archive_up_to(tmp_path: Path, last: str | None = None) -> str:
    """A copy of the archived history of this dialect, ending with ``last`` (default: all)."""
    source = ARCHIVE_ROOT / DIALECT / "models"
    target = tmp_path / "archive" / DIALECT / "models"
    target.mkdir(parents=True)
    for path in source.glob("*.py"):
        if last is None or int(path.name.split("_")[0]) <= int(last.split("_")[0]):
            shutil.copy(path, target / path.name)
    return str(target.parent)


@pytest.fixture
async def new_database(tmp_path: Path) -> AsyncIterator[Callable[[], Awaitable[str]]]:
    """Makes empty databases on the selected backend; drops them afterwards."""
    made: list[str] = []

    async def make() -> str:
        if backends.POSTGRES_URL:
            url = await backends.create_postgres_database(backends.POSTGRES_URL)
        else:
            url = f"sqlite://{tmp_path / f'db{len(made)}.sqlite3'}"
        made.append(url)
        return url

    yield make
    if backends.POSTGRES_URL:
        for url in made:
            await backends.drop_postgres_database(backends.POSTGRES_URL, url)


# --- a normalised dump of the schema -------------------------------------------------------------

_PG_SCHEMA = {
    "columns": """SELECT table_name, ordinal_position, column_name, data_type,
                         character_maximum_length, is_nullable, column_default,
                         col_description(format('%I', table_name)::regclass, ordinal_position)
                  FROM information_schema.columns WHERE table_schema = 'public'""",
    "constraints": """SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                      FROM pg_constraint WHERE connamespace = 'public'::regnamespace""",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "tables": """SELECT relname, relkind, obj_description(oid, 'pg_class') FROM pg_class
                 WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S')""",
    "functions": """SELECT proname, pg_get_functiondef(p.oid) FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'public' AND p.oid NOT IN
                        (SELECT objid FROM pg_depend WHERE deptype = 'e')""",
    "extensions": "SELECT extname FROM pg_extension",
}


async def _postgres_schema(url: str) -> dict[str, list]:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        return {name: sorted(tuple(str(v) for v in row) for row in await conn.fetch(sql))
                for name, sql in _PG_SCHEMA.items()}
    finally:
        await conn.close()


def _normalise_sqlite(sql: str) -> str:
    # ALTER TABLE ... ADD appends ", <column>" before the closing parenthesis of the stored CREATE
    # TABLE text; the baseline writes the column on its own line. Spacing aside, both are the same.
    sql = re.sub(r"\s+", " ", sql)
    sql = re.sub(r"\s*,\s*", ", ", sql)
    sql = re.sub(r"\(\s+", "(", sql)
    return re.sub(r"\s+\)", ")", sql).strip()


def _sqlite_schema(url: str) -> dict[str, list]:
    path = url.removeprefix("sqlite://").split("?")[0]
    with sqlite3.connect(path) as conn:
        objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        tables = [name for kind, name, _, _ in objects if kind == "table"]
        pragmas = {f"{pragma} {table}": conn.execute(f'PRAGMA {pragma}("{table}")').fetchall()
                   for table in tables for pragma in ("table_xinfo", "foreign_key_list", "index_list")}
    return {"objects": sorted((kind, name, table, _normalise_sqlite(sql or ""))
                              for kind, name, table, sql in objects), **pragmas}


async def _schema(url: str) -> dict[str, list]:
    return await _postgres_schema(url) if backends.POSTGRES_URL else _sqlite_schema(url)


async def _query(url: str, sql: str) -> list[tuple]:
    if backends.POSTGRES_URL:
        conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
        try:
            return [tuple(row) for row in await conn.fetch(sql)]
        finally:
            await conn.close()
    with sqlite3.connect(url.removeprefix("sqlite://").split("?")[0]) as conn:
        return conn.execute(sql).fetchall()


async def _execute(url: str, statements: list[str]) -> None:
    if backends.POSTGRES_URL:
        conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
        try:
            async with conn.transaction():
                for sql in statements:
                    await conn.execute(sql)
        finally:
            await conn.close()
        return
    with sqlite3.connect(url.removeprefix("sqlite://").split("?")[0]) as conn:
        for sql in statements:
            conn.execute(sql)


# --- the tests -----------------------------------------------------------------------------------

async def test_baseline_builds_the_schema_the_archived_history_builds(new_database, tmp_path):
    from_baseline, from_archive = await new_database(), await new_database()
    baseline_only = tmp_path / "baseline" / DIALECT / "models"
    baseline_only.mkdir(parents=True)
    shutil.copy(MIGRATIONS_ROOT / DIALECT / "models" / BASELINE, baseline_only / BASELINE)
    assert _run(REPLAY, from_baseline, str(baseline_only.parent)) == [BASELINE]
    assert len(_run(REPLAY, from_archive, _archive_up_to(tmp_path))) > 1

    baseline_schema, archive_schema = await _schema(from_baseline), await _schema(from_archive)
    for part in baseline_schema.keys() | archive_schema.keys():
        assert baseline_schema.get(part) == archive_schema.get(part), part
    # The hand-written search indexes are part of it (PostgreSQL; SQLite scans).
    if backends.POSTGRES_URL:
        indexes = {name for _, name, _ in baseline_schema["indexes"]}
        assert {"idx_service_items_search_trgm", "idx_service_items_search_pairs",
                "idx_service_items_search_grams"} <= indexes


def _item(*, aliases: str, search_text: str) -> str:
    return f"""INSERT INTO service_items (id, created_at, updated_at, code, name, level, source, modes,
           mode_flags, legal_limit_days, promised_limit_days, fee_fen, requires_realname,
           appointment_group, is_published, popularity, aliases, search_text, current_version,
           department_id)
       VALUES ('00000000-0000-0000-0000-0000000000b1', '2026-12-01 08:00:00+00',
               '2026-12-01 08:00:00+00', 'HK-001', '户口迁移（市内）', 'district', 'district', '[]',
               '', 20, 10, 0, TRUE, NULL, TRUE, 0, '{aliases}', '{search_text}', 1,
               '00000000-0000-0000-0000-0000000000d1')"""


# One row per table the calendar migration touches, written as the previous release stored it.
_ROWS = [
    """INSERT INTO departments (id, created_at, updated_at, code, name)
       VALUES ('00000000-0000-0000-0000-0000000000d1', '2026-12-01 08:00:00+00',
               '2026-12-01 08:00:00+00', 'HDGA', '公安分局')""",
    """INSERT INTO users (id, created_at, updated_at, display_name, realname_level, is_active)
       VALUES ('00000000-0000-0000-0000-0000000000a1', '2026-12-01 08:00:00+00',
               '2026-12-01 08:00:00+00', '张三', 2, TRUE)""",
    _item(aliases='[]', search_text='户口迁移市内|hukouqianyishinei|hkqysn'),
    """INSERT INTO guide_versions (id, created_at, updated_at, version, content_hash, conditions,
           legal_basis, fee_description, materials, steps, data_template, change_note, created_by,
           item_id)
       VALUES ('00000000-0000-0000-0000-0000000000c1', '2026-12-01 08:00:00+00',
               '2026-12-01 08:00:00+00', 1, 'h', '', '', '', '[]', '[]', '{}', '', 'admin',
               '00000000-0000-0000-0000-0000000000b1')""",
    *(f"""INSERT INTO prereview_applications (id, created_at, updated_at, form_data, state, version,
              deadline, due_date, decision_reason, department_id, guide_id, item_id, resident_id)
          VALUES ('00000000-0000-0000-0000-00000000000{n}', '2026-12-01 08:00:00+00',
                  '2026-12-01 08:00:00+00', '{{}}', 'submitted', 1, '{deadline}', '{deadline}', '',
                  '00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000c1',
                  '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1')"""
      for n, deadline in ((1, "2026-12-28"), (2, "2027-01-08"))),
]


async def test_a_database_of_the_previous_release_upgrades_and_keeps_its_rows(new_database, tmp_path):
    url, fresh = await new_database(), await new_database()
    _run(REPLAY, url, _archive_up_to(tmp_path, PREVIOUS_RELEASE))
    await _execute(url, _ROWS)

    applied = _run(APPLY, url)
    # The archived calendar migration runs (with its data UPDATEs), then the baseline is recorded.
    assert applied == [CALENDAR, *CURRENT]
    assert _run(APPLY, url) == []
    rows = await _query(url, "SELECT deadline, deadline_provisional, due_date_provisional "
                             "FROM prereview_applications ORDER BY deadline")
    assert [(str(d), bool(a), bool(b)) for d, a, b in rows] == [
        ("2026-12-28", False, False), ("2027-01-08", True, True)]
    assert await _query(url, "SELECT code FROM service_items") == [("HK-001",)]

    _run(APPLY, fresh)
    assert await _schema(url) == await _schema(fresh)


async def test_a_database_of_the_squashed_release_is_recognised_as_at_the_baseline(new_database, tmp_path):
    url = await new_database()
    archived = _run(REPLAY, url, _archive_up_to(tmp_path))
    await _execute(url, _ROWS[:1])

    # Production refuses to start until `python -m app migrate` has recorded the baseline.
    assert _run(PENDING, url) == CURRENT
    assert _run(APPLY, url) == CURRENT
    assert _run(PENDING, url) == []
    rows = await _query(url, "SELECT version, content FROM aerich ORDER BY id")
    assert [version for version, _ in rows] == [*archived, *CURRENT]
    # The baseline's models state, which aerich compares the models with to write the next one.
    baseline = import_py_file(MIGRATIONS_ROOT / DIALECT / "models" / BASELINE)
    assert json.loads(rows[len(archived)][1]) == json.loads(encoder(decompress_dict(baseline.MODELS_STATE)))
    assert await _query(url, "SELECT code FROM departments") == [("HDGA",)]


async def test_the_archived_search_text_rewrite_runs_its_own_copy_of_the_rule(new_database, tmp_path):
    url = await new_database()
    _run(REPLAY, url, _archive_up_to(tmp_path, BEFORE_SEARCH_TEXT_REWRITE))
    # As the rule before it stored them: punctuation and spaces kept.
    await _execute(url, [_ROWS[0], _item(aliases='["迁户口 (市内)"]',
                                         search_text="户口迁移（市内）|迁户口 (市内)|hukouqianyi|hkqy")])

    assert _run(APPLY, url)[-len(CURRENT):] == CURRENT
    assert await _query(url, "SELECT search_text FROM service_items") == [
        ("户口迁移市内|迁户口市内|hukouqianyishinei|hkqysn",)]


async def test_apply_migrations_runs_twice_in_one_process(new_database):
    url = await new_database()
    assert _run(APPLY_TWICE, url) == [CURRENT, []]


MAKEMIGRATIONS = """
from pathlib import Path
import app.db
async def main(root):
    app.db.MIGRATIONS_ROOT = Path(root)
    return await app.db.make_migrations("check")
"""


def test_the_models_are_in_sync_with_the_baselines(tmp_path):
    root = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_ROOT, root, ignore=shutil.ignore_patterns("archive", "__pycache__"))
    assert _run(MAKEMIGRATIONS, str(root)) == []
    assert sorted(p.name for p in root.glob("*/models/*.py")) == sorted(
        p.name for p in MIGRATIONS_ROOT.glob("*/models/*.py"))


def test_migrations_import_no_application_code():
    for path in MIGRATIONS_ROOT.rglob("*.py"):
        imports = re.findall(r"^(?:from|import) ([\w.]+)", path.read_text(encoding="utf-8"), re.M)
        assert not [name for name in imports
                    if name.split(".")[0] in {"app", "services", "models", "routes", "config"}], path
