"""``python -m tests.support.outage_seed``: migrate the database the environment names (as the
service would read it) and give it what the outage tests exercise; prints them as JSON.

A child process of its own, so the test run's ORM (bound to the suite's database) is untouched.
"""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

from tortoise import Tortoise

from app.context import Runtime
from app.db import apply_migrations, tortoise_config
from app.redis import connect_redis
from config import load_settings
from tests.builders import (
    DEFAULT_PASSWORD,
    login_resident,
    make_hall,
    make_resident,
    make_service_item,
    make_slot,
    make_staff,
)


async def seed() -> dict[str, str]:
    """A real-name resident with two live sessions, a bookable item with a roomy slot, and a staff
    account that logs in with a password."""
    settings = load_settings()
    await apply_migrations(settings.database_url)
    await Tortoise.init(config=tortoise_config(settings.database_url), _enable_global_fallback=True)
    rt = Runtime.open(settings, connect_redis(settings))
    try:
        hall = await make_hall()
        item = await make_service_item(appointment_group="G1")
        slot = await make_slot(hall=hall, starts_in=timedelta(days=2), capacity=1000)
        user = await make_resident(rt, realname=True)
        resident, second = await login_resident(rt, user), await login_resident(rt, user)
        member = await make_staff(rt, roles=["admin"])
        return {"access_token": resident.access_token, "second_access_token": second.access_token,
                "item_id": str(item.id),
                "slot_id": str(slot.id), "staff_username": member.username,
                "staff_password": DEFAULT_PASSWORD}
    finally:
        await rt.close()
        await Tortoise.close_connections()


if __name__ == "__main__":
    print(json.dumps(asyncio.run(seed())))
