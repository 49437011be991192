"""Input shapes of the catalog: the sync file format and the admin API share them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.catalog import HandlingMode, ItemLevel
from models.organization import HallType
from services.catalog.bundle_schema import BundleIn
from services.catalog.guide import Guide

CODE = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
GROUP = r"^[A-Z][A-Z0-9_]{1,31}$"
CLOCK = r"^([01]\d|2[0-3]):[0-5]\d$"
CATALOG_FORMAT = "hdt-catalog/1"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DepartmentIn(Strict):
    code: str = Field(pattern=CODE)
    name: str = Field(min_length=1, max_length=128)
    phone: str = Field("", max_length=32)
    sort_order: int = 0


class LifeEventIn(Strict):
    code: str = Field(pattern=CODE)
    name: str = Field(min_length=1, max_length=64)
    sort_order: int = 0


class WindowIn(Strict):
    number: str = Field(min_length=1, max_length=16)
    name: str = Field(min_length=1, max_length=64)
    appointment_groups: list[str] = []


class OpeningHours(Strict):
    working_days: list[tuple[str, str]] = []
    saturday: list[tuple[str, str]] = []

    @model_validator(mode="after")
    def _clock_times(self) -> OpeningHours:
        import re

        for start, end in [*self.working_days, *self.saturday]:
            if not (re.match(CLOCK, start) and re.match(CLOCK, end)) or start >= end:
                raise ValueError(f"营业时间 {start}-{end} 无效")
        return self


class HallIn(Strict):
    code: str = Field(pattern=CODE)
    name: str = Field(min_length=1, max_length=128)
    hall_type: HallType = HallType.STREET
    address: str = Field("", max_length=255)
    phone: str = Field("", max_length=32)
    windows: list[WindowIn] = []
    opening_hours: OpeningHours = Field(default_factory=OpeningHours)


class ItemFields(Strict):
    """Editable attributes of an item (everything but its code and guide)."""

    name: str = Field(min_length=1, max_length=128)
    department: str = Field(pattern=CODE, description="部门编码")
    level: ItemLevel = ItemLevel.DISTRICT
    modes: list[HandlingMode] = Field(min_length=1)
    legal_limit_days: int = Field(0, ge=0, le=365)
    promised_limit_days: int = Field(0, ge=0, le=365)
    fee_fen: int = Field(0, ge=0)
    requires_realname: bool = True
    min_realname_level: int = Field(1, ge=1, le=3,
                                    description="申请所需的最低实名等级（1 基础、2 人脸核验、3 证件核验）")
    appointment_group: str | None = Field(None, pattern=GROUP)
    popularity: int = Field(0, ge=0)
    aliases: list[str] = Field(default_factory=list, max_length=20)
    life_events: list[str] = Field(default_factory=list, description="人生事件编码")
    halls: list[str] = Field(default_factory=list, description="大厅编码")

    @model_validator(mode="after")
    def _consistent(self) -> ItemFields:
        if self.legal_limit_days and self.promised_limit_days > self.legal_limit_days:
            raise ValueError("承诺时限不能超过法定时限")
        if self.appointment_group and HandlingMode.APPOINTMENT not in self.modes:
            raise ValueError("设置预约分组的事项须包含 appointment 办理方式")
        if len(set(self.modes)) != len(self.modes):
            raise ValueError("办理方式重复")
        if self.min_realname_level > 1 and not self.requires_realname:
            raise ValueError("要求实名等级的事项须要求实名")
        return self


class ItemIn(ItemFields):
    """A whole item: code, attributes and its guide."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"code": "110108HDGA901",
         "name": "居民身份证换领（示例）",
         "department": "HDGA",
         "modes": ["appointment", "one_window"],
         "promised_limit_days": 15,
         "appointment_group": "HUZHENG",
         "guide": {"conditions": "本人申请",
                   "materials": [{"name": "居民身份证"}],
                   "steps": [{"name": "受理", "limit_days": 0}, {"name": "决定", "limit_days": 1}]}},
    ]})

    code: str = Field(pattern=CODE)
    guide: Guide


class ItemPatch(Strict):
    """A partial edit of an item's attributes (the guide is edited separately)."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"popularity": 120, "aliases": ["换身份证"]},
    ]})

    name: str | None = Field(None, min_length=1, max_length=128)
    department: str | None = Field(None, pattern=CODE)
    level: ItemLevel | None = None
    modes: list[HandlingMode] | None = Field(None, min_length=1)
    legal_limit_days: int | None = Field(None, ge=0, le=365)
    promised_limit_days: int | None = Field(None, ge=0, le=365)
    fee_fen: int | None = Field(None, ge=0)
    requires_realname: bool | None = None
    min_realname_level: int | None = Field(None, ge=1, le=3)
    appointment_group: str | None = Field(None, pattern=GROUP)
    popularity: int | None = Field(None, ge=0)
    aliases: list[str] | None = Field(None, max_length=20)
    life_events: list[str] | None = None
    halls: list[str] | None = None


class CatalogFile(Strict):
    """The municipal catalog export (see docs/catalog.md)."""

    format: Literal["hdt-catalog/1"]
    source: str = ""
    exported_at: str = ""
    departments: list[DepartmentIn] = []
    life_events: list[LifeEventIn] = []
    halls: list[HallIn] = []
    items: list[ItemIn]
    bundles: list[BundleIn] = []  # 一件事 (docs/bundles.md)
