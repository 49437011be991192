"""What the commands of ``python -m app`` share: the database and clients outside the server, the
schema's readiness, and the stop signals."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

from tortoise import Tortoise

from app.context import Runtime
from app.db import apply_migrations, pending_migrations, tortoise_config
from app.redis import connect_redis
from config import Settings

Command = Callable[[argparse.Namespace, Settings], None]
# How a module registers its commands: ``add(name, handler)`` returns the command's parser.
AddCommand = Callable[[str, Command], argparse.ArgumentParser]
Result = TypeVar("Result")


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


def with_runtime(settings: Settings, step: Callable[[Runtime], Awaitable[Result]], *,
                 every: float | None = None) -> Result:
    """Run ``step`` with a runtime opened for it: once, or every ``every`` seconds until interrupted."""

    async def run() -> Result:
        async with cli_runtime(settings) as rt:
            while True:
                result = await step(rt)
                if not every:
                    return result
                await asyncio.sleep(every)

    return asyncio.run(run())


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


async def until_stop_signal() -> None:
    """Wait for SIGINT (Ctrl-C) or SIGTERM.

    Explicit handlers: asyncio.run's own Ctrl-C handling is absent when the process starts with
    SIGINT ignored (a background job of a shell script, as `make run` may start it), and SIGTERM
    had no handler at all, so the emulators kept running."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
