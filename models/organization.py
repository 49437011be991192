"""Departments and halls: the units that staff roles and service items are scoped to."""

from tortoise import fields

from models.base import Entity


class Department(Entity):
    """部门 — a district government department that owns service items."""

    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=128)

    class Meta:
        table = "departments"


class Hall(Entity):
    """政务服务大厅 — the district hall or a street/town hall where residents are served."""

    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=128)

    class Meta:
        table = "halls"
