"""Hall and department staff with their roles."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from models.base import Entity

if TYPE_CHECKING:  # the relations' targets (models/__init__.py loads them all)
    from models.organization import Department, Hall


class StaffRoleName(StrEnum):
    CLERK = "clerk"  # 综合窗口 — window clerk: check-in, receive, accept
    REVIEWER = "reviewer"  # 后台审批 — department reviewer: pre-review and approval
    HALL_MANAGER = "hall_manager"  # 大厅管理 — publishes slots, follows up evaluations
    ADMIN = "admin"  # 目录管理 — runs the catalog (department-wide or, without one, global)
    EDITOR = "editor"  # 政务信息编辑 — writes and reviews the department's articles
    AUDITOR = "auditor"  # 审计 — reads the record of staff reads of personal data


class StaffMember(Entity):
    """工作人员 — a staff account that logs in with a password and optional TOTP."""

    username = fields.CharField(max_length=64, unique=True)
    display_name = fields.CharField(max_length=64)
    password_hash = fields.CharField(max_length=255)
    totp_secret_enc = fields.TextField(null=True)
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "staff_members"


class StaffRole(Entity):
    """A role held by a staff member, scoped to a department and/or a hall (neither = global)."""

    staff_id: uuid.UUID
    staff: fields.ForeignKeyRelation[StaffMember]
    staff = fields.ForeignKeyField("models.StaffMember", related_name="roles", on_delete=fields.CASCADE)
    role = fields.CharEnumField(StaffRoleName, max_length=16)
    department_id: uuid.UUID | None
    department: fields.ForeignKeyNullableRelation[Department]
    department = fields.ForeignKeyField("models.Department", null=True, related_name="staff_roles",
                                        on_delete=fields.CASCADE)
    hall_id: uuid.UUID | None
    hall: fields.ForeignKeyNullableRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", null=True, related_name="staff_roles",
                                  on_delete=fields.CASCADE)

    class Meta:
        table = "staff_roles"
        unique_together = (("staff", "role", "department", "hall"),)
