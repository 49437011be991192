"""The transactional outbox: domain events written with the change that caused them."""

from tortoise import fields

from models.base import Entity


class OutboxEvent(Entity):
    """领域事件 — an event to deliver (push, ledger) exactly once; written in the change's transaction."""

    event_type = fields.CharField(max_length=64, db_index=True)
    aggregate_id = fields.CharField(max_length=64, db_index=True)
    payload = fields.JSONField(default=dict)
    published_at = fields.DatetimeField(null=True, db_index=True)

    class Meta:
        table = "outbox_events"
