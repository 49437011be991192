"""Service items, their versioned guides, life events and the catalog audit trail."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from models.base import Entity

if TYPE_CHECKING:  # the relations' targets (models/__init__.py loads them all)
    from models.organization import Department, Hall


class ItemLevel(StrEnum):
    MUNICIPAL = "municipal"  # 市级
    DISTRICT = "district"  # 区级


class HandlingMode(StrEnum):
    FULLY_ONLINE = "fully_online"  # 全程网办
    ONLINE_PREREVIEW = "online_prereview"  # 网上预审
    APPOINTMENT = "appointment"  # 网上预约
    ONE_WINDOW = "one_window"  # 综合窗口
    IMMEDIATE = "immediate"  # 即办


class ItemSource(StrEnum):
    MUNICIPAL_CATALOG = "municipal_catalog"  # imported by catalog sync
    DISTRICT = "district"  # created by a district admin; sync never touches it


class LifeEvent(Entity):
    """人生事件 — a life situation (出生, 入学, 开办企业 …) that groups service items."""

    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=64)
    sort_order = fields.IntField(default=0)

    class Meta:
        table = "life_events"


class ServiceItem(Entity):
    """事项 — a government service item of the municipal/district catalog."""

    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=128)
    department_id: uuid.UUID
    department: fields.ForeignKeyRelation[Department]
    department = fields.ForeignKeyField("models.Department", related_name="items",
                                        on_delete=fields.RESTRICT)
    level = fields.CharEnumField(ItemLevel, max_length=16, default=ItemLevel.DISTRICT)
    source = fields.CharEnumField(ItemSource, max_length=24, default=ItemSource.DISTRICT)
    modes = fields.JSONField(default=list)  # list of HandlingMode values
    mode_flags = fields.CharField(max_length=128, default="")  # "|appointment|one_window|", to filter on
    legal_limit_days = fields.IntField(default=0)  # 法定时限, working days (0 = 即办)
    promised_limit_days = fields.IntField(default=0)  # 承诺时限, working days (0 = 即办)
    fee_fen = fields.IntField(default=0)
    requires_realname = fields.BooleanField(default=True)
    # 实名等级 an application needs: 1 basic, 2 face-verified (北京通 L2), 3 credential (L3).
    min_realname_level = fields.SmallIntField(default=1)
    appointment_group = fields.CharField(max_length=32, null=True)
    is_published = fields.BooleanField(default=True)
    popularity = fields.IntField(default=0)
    aliases = fields.JSONField(default=list)  # names residents use, e.g. "换身份证"
    # Lower-cased name, aliases, pinyin and initials joined by "|": what search matches against.
    search_text = fields.TextField(default="")
    current_version = fields.IntField(default=0)
    life_events: fields.ManyToManyRelation[LifeEvent]
    life_events = fields.ManyToManyField("models.LifeEvent", related_name="items",
                                         through="service_item_life_events")
    halls: fields.ManyToManyRelation[Hall]
    halls = fields.ManyToManyField("models.Hall", related_name="items", through="service_item_halls")

    class Meta:
        table = "service_items"


class GuideVersion(Entity):
    """办事指南 — one immutable version of an item's guide; applications pin the version id.

    ``materials``, ``steps`` and ``data_template`` follow services/guide_schema.py.
    """

    item_id: uuid.UUID
    item: fields.ForeignKeyRelation[ServiceItem]
    item = fields.ForeignKeyField("models.ServiceItem", related_name="guide_versions",
                                  on_delete=fields.CASCADE)
    version = fields.IntField()
    content_hash = fields.CharField(max_length=64)
    conditions = fields.TextField(default="")
    legal_basis = fields.TextField(default="")
    fee_description = fields.TextField(default="")
    materials = fields.JSONField(default=list)
    steps = fields.JSONField(default=list)
    data_template = fields.JSONField(default=dict)
    result = fields.JSONField(null=True)  # 办理结果: guide_schema.Result, None for no certificate
    change_note = fields.CharField(max_length=255, default="")
    created_by = fields.CharField(max_length=64)  # "sync" or "staff:<id>"

    class Meta:
        table = "guide_versions"
        unique_together = (("item", "version"),)


class CatalogAuditEntry(Entity):
    """目录变更审计 — who changed what in the catalog, and when (created_at)."""

    actor = fields.CharField(max_length=64)  # "staff:<id>" or "sync"
    action = fields.CharField(max_length=32)
    item_id: uuid.UUID | None
    item: fields.ForeignKeyNullableRelation[ServiceItem]
    item = fields.ForeignKeyField("models.ServiceItem", null=True, related_name="audit_entries",
                                  on_delete=fields.SET_NULL)
    item_code = fields.CharField(max_length=64, default="")
    changes = fields.JSONField(default=dict)

    class Meta:
        table = "catalog_audit_entries"
