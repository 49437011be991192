"""Public read shapes of the catalog, built from models; cached serialised by services/catalog.py."""

from __future__ import annotations

import datetime
from typing import Any

import orjson
from pydantic import Field

from app.shapes import LocalDateTime, Page, Schema
from models.catalog import GuideVersion, HandlingMode, ItemLevel, LifeEvent, ServiceItem
from models.organization import Department, Hall
from services.catalog.guide import DataTemplate, Material, Result, Step


class DepartmentOut(Schema):
    id: str
    code: str
    name: str
    phone: str

    @classmethod
    def of(cls, department: Department) -> DepartmentOut:
        return cls(id=str(department.id), code=department.code, name=department.name,
                   phone=department.phone)


class DepartmentBrief(Schema):
    id: str
    code: str
    name: str


class LifeEventOut(Schema):
    id: str
    code: str
    name: str

    @classmethod
    def of(cls, event: LifeEvent) -> LifeEventOut:
        return cls(id=str(event.id), code=event.code, name=event.name)


class HallBrief(Schema):
    id: str
    code: str
    name: str


class HallWindow(Schema):
    number: str
    name: str
    appointment_groups: list[str] = []


class HallToday(Schema):
    date: datetime.date
    is_open: bool
    hours: list[list[str]]


class HallOut(Schema):
    id: str
    code: str
    name: str
    hall_type: str
    address: str
    phone: str
    windows: list[HallWindow]
    opening_hours: dict[str, list[list[str]]]
    today: HallToday

    @classmethod
    def of(cls, hall: Hall, today: HallToday) -> HallOut:
        return cls(id=str(hall.id), code=hall.code, name=hall.name, hall_type=str(hall.hall_type),
                   address=hall.address, phone=hall.phone, windows=hall.windows or [],
                   opening_hours=hall.opening_hours or {}, today=today)


ITEM_SUMMARY_COLUMNS = ("id", "code", "name", "level", "modes", "promised_limit_days", "fee_fen",
                        "requires_realname", "appointment_group", "popularity", "department_id",
                        "department__code", "department__name")


class ItemSummary(Schema):
    id: str
    code: str
    name: str
    department: DepartmentBrief
    level: ItemLevel
    modes: list[HandlingMode]
    promised_limit_days: int
    fee_fen: int
    requires_realname: bool
    appointment_group: str | None
    popularity: int


_MODES = ServiceItem._meta.fields_map["modes"]  # JSON text in raw rows


def summary_json(row: Any) -> str:
    """One ``ItemSummary`` as JSON, from a raw row (by column alias) of ``ITEM_SUMMARY_COLUMNS``."""
    return ItemSummary(
        id=str(row["id"]), code=row["code"], name=row["name"], level=row["level"],
        department=DepartmentBrief(id=str(row["department_id"]), code=row["department__code"],
                                   name=row["department__name"]),
        modes=_MODES.to_python_value(row["modes"]), promised_limit_days=row["promised_limit_days"],
        fee_fen=row["fee_fen"], requires_realname=bool(row["requires_realname"]),
        appointment_group=row["appointment_group"], popularity=row["popularity"]).model_dump_json()


def summary_page_json(summaries: list[str], *, next_cursor: str | None) -> str:
    """A ``Page[ItemSummary]`` of summaries already written as JSON (``summary_json``)."""
    return ('{"items":[' + ",".join(summaries) + '],"next_cursor":'
            + orjson.dumps(next_cursor).decode() + "}")


class GuideOut(Schema):
    id: str
    item_id: str
    version: int
    conditions: str
    legal_basis: str
    fee_description: str
    materials: list[Material]
    steps: list[Step]
    data_template: DataTemplate
    result: Result | None
    change_note: str
    created_at: LocalDateTime

    @classmethod
    def of(cls, guide: GuideVersion) -> GuideOut:
        return cls(id=str(guide.id), item_id=str(guide.item_id), version=guide.version,
                   conditions=guide.conditions, legal_basis=guide.legal_basis,
                   fee_description=guide.fee_description, materials=guide.materials,
                   steps=guide.steps, data_template=guide.data_template, result=guide.result,
                   change_note=guide.change_note, created_at=guide.created_at)


class GuideVersionBrief(Schema):
    id: str
    version: int
    change_note: str
    created_at: LocalDateTime


class ItemDetail(Schema):
    id: str
    code: str
    name: str
    department: DepartmentBrief
    level: ItemLevel
    modes: list[HandlingMode]
    legal_limit_days: int
    promised_limit_days: int
    fee_fen: int
    requires_realname: bool
    min_realname_level: int = Field(
        description="申请所需的最低实名等级；不足时按 REALNAME_LEVEL_TOO_LOW 的指引到北京通提升")
    appointment_group: str | None
    popularity: int
    aliases: list[str]
    life_events: list[LifeEventOut]
    halls: list[HallBrief]
    guide: GuideOut

    @classmethod
    def of(cls, item: ServiceItem, guide: GuideVersion, events: list[LifeEvent],
           halls: list[Hall]) -> ItemDetail:
        department = item.department
        return cls(id=str(item.id), code=item.code, name=item.name,
                   department=DepartmentBrief(id=str(department.id), code=department.code,
                                              name=department.name),
                   level=item.level, modes=item.modes, legal_limit_days=item.legal_limit_days,
                   promised_limit_days=item.promised_limit_days, fee_fen=item.fee_fen,
                   requires_realname=item.requires_realname,
                   min_realname_level=item.min_realname_level,
                   appointment_group=item.appointment_group, popularity=item.popularity,
                   aliases=item.aliases, life_events=[LifeEventOut.of(e) for e in events],
                   halls=[HallBrief(id=str(h.id), code=h.code, name=h.name) for h in halls],
                   guide=GuideOut.of(guide))


class ItemPage(Page[ItemSummary]):
    pass


class GuideVersionList(Schema):
    items: list[GuideVersionBrief]


class AuditOut(Schema):
    id: str
    actor: str
    action: str
    item_code: str
    changes: dict[str, Any]
    at: LocalDateTime


class AuditList(Schema):
    items: list[AuditOut]
