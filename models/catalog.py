"""Service items, as far as appointments need them (the catalog issue owns this module)."""

from tortoise import fields

from models.base import Entity


class ServiceItem(Entity):
    """事项 — a government service item residents can apply for or book."""

    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=256)
    department = fields.ForeignKeyField("models.Department", related_name="items",
                                        on_delete=fields.RESTRICT)
    requires_realname = fields.BooleanField(default=True)
    # Items sharing a group share a hall's slots; None means the item cannot be booked.
    appointment_group = fields.CharField(max_length=32, null=True)
    is_published = fields.BooleanField(default=True)

    class Meta:
        table = "service_items"
