"""Data the benchmarks need, created through the services against the bench database."""

from __future__ import annotations

import asyncio

from app.cli.runtime import cli_runtime
from config import Settings
from models.users import RealNameLevel, User
from services.identity import sessions


def settings_of(env: dict[str, str]) -> Settings:
    """Settings of the bench service, for preparing data through the services."""
    return Settings(database_url=env["DATABASE_URL"], redis_url=env["REDIS_URL"], keys_dir=env["HDT_KEYS_DIR"])


def resident_tokens(env: dict[str, str], count: int = 1, *, realname: bool = False) -> list[str]:
    """Access tokens of ``count`` new residents of the running bench service."""
    settings = settings_of(env)

    async def make() -> list[str]:
        async with cli_runtime(settings) as rt:
            tokens = []
            for n in range(count):
                user = await User.create(display_name=f"压测居民{n}", realname_level=(
                    RealNameLevel.VERIFIED if realname else RealNameLevel.NONE))
                tokens.append((await sessions.start(rt=rt, kind="resident", subject_id=user.id)).access_token)
            return tokens

    return asyncio.run(make())
