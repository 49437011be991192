"""Rows written by app.db's insert helpers read back through the ORM whole, defaults included."""

import asyncio
import contextlib

import pytest
from tortoise.exceptions import ValidationError
from tortoise.transactions import in_transaction

from app.fastpath.sql import create_row, insert_rows
from models.outbox import OutboxEvent
from models.users import User


async def test_inserted_rows_take_their_defaults_and_read_back_whole(app):
    await insert_rows(OutboxEvent, [
        {"event_type": "test.inserted", "aggregate_id": "a1", "payload": {"n": 1, "事项": "生育登记"}},
        {"event_type": "test.inserted", "aggregate_id": "a2"},
    ])
    rows = await OutboxEvent.filter(event_type="test.inserted").order_by("aggregate_id")
    assert [(r.aggregate_id, r.payload, r.published_at) for r in rows] == [
        ("a1", {"n": 1, "事项": "生育登记"}, None), ("a2", {}, None)]
    assert rows[0].id != rows[1].id
    assert all(r.created_at is not None and r.created_at == r.updated_at for r in rows)


async def test_a_created_row_is_what_the_database_holds(app):
    user = await create_row(User, display_name="插入测试")
    stored = await User.get(id=user.id)
    assert {name: getattr(user, name) for name in User._meta.fields_db_projection} == {
        name: getattr(stored, name) for name in User._meta.fields_db_projection}


async def test_a_value_its_field_refuses_writes_no_row(app):
    with pytest.raises(ValidationError):
        await insert_rows(OutboxEvent, [{"event_type": "test.refused", "aggregate_id": "ok"},
                                        {"event_type": "test.refused", "aggregate_id": "x" * 65}])
    assert not await OutboxEvent.filter(event_type="test.refused").exists()


async def test_a_batch_insert_cancelled_midway_leaves_the_database_writable(app):
    """A push worker stopped mid-batch cancels its ``bulk_create``: nothing of the batch is
    stored, and the next write works (on SQLite the shared connection was left inside the
    cancelled transaction, and every later write failed until a restart)."""
    rows = [OutboxEvent(event_type="test.cancelled", aggregate_id=f"c{n}", payload={"n": n})
            for n in range(20_000)]
    for delay in (0.0, 0.005, 0.02, 0.05):  # cancelled before, at and after its BEGIN
        batch = asyncio.ensure_future(OutboxEvent.bulk_create(rows))
        await asyncio.sleep(delay)
        batch.cancel()
        # How the cancelled insert itself ends does not matter (on PostgreSQL its connection is
        # closed under it, and Tortoise's rollback may say so); what follows must work.
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await batch
        await OutboxEvent.filter(event_type="test.cancelled").delete()
    # Another batch (its own transaction) and a transaction of the service's kind both commit.
    await OutboxEvent.bulk_create([OutboxEvent(event_type="test.after", aggregate_id=f"a{n}") for n in range(3)])
    async with in_transaction():
        await OutboxEvent.create(event_type="test.after", aggregate_id="a3")
    assert await OutboxEvent.filter(event_type="test.after").count() == 4
