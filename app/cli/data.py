"""Commands that prepare or change what the service holds: the schema, the demo data, the catalog,
the holiday calendar, the signing keys and the data keys."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import orjson

from app.cli.runtime import AddCommand, prepare_database, with_runtime
from app.context import KEY_PURPOSES, Runtime
from app.db import apply_migrations, make_migrations
from app.ids import local_today
from app.keys import KeyRing, private_key_files
from config import Settings


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> None:
    """Apply pending database migrations."""
    applied = asyncio.run(apply_migrations(settings.database_url))
    print(f"applied: {', '.join(applied)}" if applied else "database is up to date")


def cmd_makemigrations(args: argparse.Namespace, settings: Settings) -> None:
    """Write the next migration (PostgreSQL and SQLite) after a model change."""
    written = asyncio.run(make_migrations(args.name))
    print("\n".join(written) if written else "no model changes")


def cmd_seed_demo(args: argparse.Namespace, settings: Settings) -> None:
    """Load the demo departments, halls and staff (development only)."""
    from services import demo

    if settings.env == "production":
        sys.exit("seed-demo is for development; it refuses HDT_ENV=production")
    prepare_database(settings)
    created = with_runtime(settings, lambda rt: demo.seed(rt=rt))
    print("\n".join(created) if created else "demo data already present")


def cmd_sync_catalog(args: argparse.Namespace, settings: Settings) -> None:
    """Import a municipal catalog export (JSON, see docs/catalog.md); --dry-run prints the diff only."""
    from app.errors import AppError
    from services.catalog import sync as catalog_sync

    try:
        catalog = catalog_sync.parse_catalog(Path(args.file).read_bytes())
    except AppError as exc:
        for error in exc.details.get("errors", [exc.details]):
            where = error.get("path") or f"line {error.get('line')}, column {error.get('column')}"
            print(f"{args.file}: {where}: {error.get('reason')}", file=sys.stderr)
        sys.exit(f"{args.file}: {exc.message}; nothing was written")

    async def step(rt: Runtime) -> list[str]:
        diff = await catalog_sync.sync(rt=rt, catalog=catalog, dry_run=args.dry_run)
        return diff.lines()

    prepare_database(settings)
    print("\n".join(with_runtime(settings, step)))
    if args.dry_run:
        print("dry run: nothing was written")


def cmd_calendar_load(args: argparse.Namespace, settings: Settings) -> None:
    """Load a year's holiday notice (JSON, see docs/calendar.md); --replace to correct a loaded year."""
    from app.errors import AppError
    from app.shapes import parse_model
    from services.calendar import notices
    from services.calendar.shapes import CalendarNotice

    try:
        notice = parse_model(CalendarNotice, orjson.loads(Path(args.file).read_bytes()))
        notices.notice_days(notice)
    except orjson.JSONDecodeError as exc:
        sys.exit(f"{args.file}: not JSON ({exc}); nothing was loaded")
    except AppError as exc:
        for problem in exc.details.get("problems", exc.details.get("fields", [])):
            print(f"{args.file}: {problem.get('field')}: {problem.get('reason') or problem.get('message')}",
                  file=sys.stderr)
        sys.exit(f"{args.file}: {exc.message}; nothing was loaded")

    async def step(rt: Runtime) -> str:
        loaded = await notices.load_notice(rt=rt, notice=notice, actor_id="cli", replace=args.replace)
        return loaded.model_dump_json(indent=2)

    prepare_database(settings)
    try:
        print(with_runtime(settings, step))
    except AppError as exc:
        sys.exit(f"{args.file}: {exc.code}: {exc.message} {exc.details}")


def cmd_calendar_years(args: argparse.Namespace, settings: Settings) -> None:
    """Show where each year's holidays come from: a loaded notice, the package, or provisional."""
    from services.calendar import listing

    years = with_runtime(settings, lambda rt: listing.years_around(today=local_today()))
    print("\n".join(f"{y.year}  {y.source.value:<11}  {y.title or ''}" for y in years.items))


def cmd_generate_catalog(args: argparse.Namespace, settings: Settings) -> None:
    """Write a synthetic catalog of --items items in the sync format (for benchmarks)."""
    from services.catalog import generator as catalog_generator

    catalog_generator.write(items=args.items, out=Path(args.out))
    print(f"wrote {args.items} items to {args.out}")


def cmd_rotate_key(args: argparse.Namespace, settings: Settings) -> None:
    """Add a new signing key (the first, on a new deployment); earlier keys keep verifying."""
    if private_key_files(settings.keys_dir / args.purpose):
        kid = KeyRing(settings.keys_dir, args.purpose, create_missing=False).rotate()
    else:
        kid = KeyRing(settings.keys_dir, args.purpose, create_missing=True).signing.kid
    print(f"new signing key for {args.purpose}: {kid}")


def cmd_rotate_data_key(args: argparse.Namespace, settings: Settings) -> None:
    """Re-wrap every data key with HDT_DATA_KEY (HDT_DATA_KEY_PREVIOUS still unwrapping the old
    ones) and seal forms and files stored in clear by earlier releases; files are not re-encrypted."""
    from services.applications import at_rest

    done = with_runtime(settings, lambda rt: at_rest.rotate_data_keys(rt=rt))
    print(f"data keys re-wrapped: {done.rewrapped}; clear forms sealed: {done.forms_sealed}; "
          f"clear files sealed: {done.files_sealed}")


def add_commands(add: AddCommand) -> None:
    """Register this module's commands with the parser's ``add(name, handler)``."""
    add("migrate", cmd_migrate)
    add("makemigrations", cmd_makemigrations).add_argument("name", help="short name, e.g. add_slots")
    add("seed-demo", cmd_seed_demo)
    sync_catalog = add("sync-catalog", cmd_sync_catalog)
    sync_catalog.add_argument("file", help="catalog export, JSON")
    sync_catalog.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")
    calendar_load = add("calendar-load", cmd_calendar_load)
    calendar_load.add_argument("file", help="the notice, JSON")
    calendar_load.add_argument("--replace", action="store_true",
                               help="replace a year already loaded with different days")
    add("calendar-years", cmd_calendar_years)
    generate_catalog = add("generate-catalog", cmd_generate_catalog)
    generate_catalog.add_argument("--items", type=int, default=10000)
    generate_catalog.add_argument("out", help="output JSON file")
    add("rotate-key", cmd_rotate_key).add_argument("purpose", choices=KEY_PURPOSES)
    add("rotate-data-key", cmd_rotate_data_key)
