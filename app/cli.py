"""The one command-line entry point: serve, migrate, seed-demo, create-staff and more."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial

import pyotp
from tortoise import Tortoise

from app.context import KEY_PURPOSES, Runtime
from app.db import apply_migrations, make_migrations, pending_migrations, tortoise_config
from app.keys import KeyRing
from app.redis import connect_redis
from config import Settings, load_settings

Command = Callable[[argparse.Namespace, Settings], None]


@asynccontextmanager
async def cli_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """Database and shared clients for a command run outside the server."""
    await Tortoise.init(config=tortoise_config(settings.database_url), _enable_global_fallback=True)
    runtime = Runtime.open(settings, connect_redis(settings))
    try:
        yield runtime
    finally:
        await runtime.close()
        await Tortoise.close_connections()


def prepare_database(settings: Settings) -> None:
    """Development applies pending migrations; production refuses to start with any pending."""
    if settings.env == "production":
        pending = asyncio.run(pending_migrations(settings.database_url))
        if pending:
            sys.exit(f"pending migrations {pending}: run `python -m app migrate` first")
    else:
        applied = asyncio.run(apply_migrations(settings.database_url))
        if applied:
            print(f"applied migrations: {', '.join(applied)}")


def serve(settings: Settings, *, host: str, port: int, workers: int) -> None:
    """Start Sanic with ``workers`` processes, each building the app from the factory."""
    from sanic import Sanic
    from sanic.worker.loader import AppLoader

    from app.factory import create_app

    loader = AppLoader(factory=partial(create_app, settings))
    app = loader.load()
    app.prepare(host=host, port=port, workers=workers, single_process=workers == 1,
                access_log=False, motd=False)
    Sanic.serve(primary=app, app_loader=loader)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> None:
    """Run the API server."""
    prepare_database(settings)
    serve(settings, host=args.host, port=args.port, workers=args.workers)


def cmd_run(args: argparse.Namespace, settings: Settings) -> None:
    """Development: migrate, load demo data and serve on http://127.0.0.1:8000 (docs at /docs)."""
    cmd_seed_demo(args, settings)
    serve(settings, host=args.host, port=args.port, workers=1)


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

    async def run() -> list[str]:
        async with cli_runtime(settings) as rt:
            return await demo.seed(rt=rt)

    created = asyncio.run(run())
    print("\n".join(created) if created else "demo data already present")


def cmd_create_staff(args: argparse.Namespace, settings: Settings) -> None:
    """Create a staff account with scoped roles."""
    from services import staff
    from services.staff import RoleSpec

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("密码: ")
    totp_secret = pyotp.random_base32() if args.totp else None

    async def run() -> None:
        async with cli_runtime(settings) as rt:
            await staff.create(username=args.username, display_name=args.display_name,
                               password=password, roles=[RoleSpec.parse(r) for r in args.role],
                               totp_secret=totp_secret, rt=rt)

    asyncio.run(run())
    print(f"created staff {args.username}")
    if totp_secret:
        print("TOTP:", pyotp.TOTP(totp_secret).provisioning_uri(args.username, issuer_name="海淀通"))


def cmd_rotate_key(args: argparse.Namespace, settings: Settings) -> None:
    """Add a new signing key; earlier keys keep verifying what they signed."""
    ring = KeyRing(settings.keys_dir, args.purpose, create_missing=False)
    print(f"new signing key for {args.purpose}: {ring.rotate()}")


def cmd_materialize_slots(args: argparse.Namespace, settings: Settings) -> None:
    """Create the appointment slots of the coming days from the templates (idempotent)."""
    from services import slots

    async def run() -> int:
        async with cli_runtime(settings):
            return await slots.materialize(horizon_days=args.days or settings.appointment_horizon_days)

    print(f"slots created: {asyncio.run(run())}")


def cmd_sweep_no_shows(args: argparse.Namespace, settings: Settings) -> None:
    """Mark past appointments never checked in as no-shows (idempotent)."""
    from services import appointments

    async def run() -> int:
        async with cli_runtime(settings) as rt:
            return await appointments.sweep_no_shows(rt=rt)

    print(f"no-shows marked: {asyncio.run(run())}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description="海淀通 backend")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Command) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=handler.__doc__, description=handler.__doc__)
        command.set_defaults(handler=handler)
        return command

    serve = add("serve", cmd_serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    run = add("run", cmd_run)
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    add("migrate", cmd_migrate)
    add("makemigrations", cmd_makemigrations).add_argument("name", help="short name, e.g. add_slots")
    add("seed-demo", cmd_seed_demo)
    create_staff = add("create-staff", cmd_create_staff)
    create_staff.add_argument("--username", required=True)
    create_staff.add_argument("--display-name", required=True)
    create_staff.add_argument("--role", action="append", default=[],
                              help="ROLE[:DEPARTMENT_CODE][@HALL_CODE], e.g. reviewer:HDGA; repeatable")
    create_staff.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    create_staff.add_argument("--totp", action="store_true", help="require a TOTP code at login")
    add("rotate-key", cmd_rotate_key).add_argument("purpose", choices=KEY_PURPOSES)
    add("materialize-slots", cmd_materialize_slots).add_argument(
        "--days", type=int, default=None, help="horizon in days (default HDT_APPOINTMENT_HORIZON_DAYS)")
    add("sweep-no-shows", cmd_sweep_no_shows)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    args.handler(args, load_settings())
