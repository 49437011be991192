"""Shared model pieces: opaque time-ordered primary keys and timestamps."""

from tortoise import fields
from tortoise.models import Model

from app.ids import new_id


class Entity(Model):
    """A row with an opaque UUID id and creation/update times (UTC)."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        abstract = True
