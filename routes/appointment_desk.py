"""Hall staff: slot templates and exceptions, materialisation, capacity, kiosks and check-in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import ConfigDict, Field, model_validator
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import Access, staff_required
from app.shapes import Schema
from models.appointments import SlotExceptionKind
from services import calendar
from services.applications.representation import person_out
from services.appointments import checkin, slots
from services.appointments.checkin import Scanner
from services.appointments.shapes import (
    CheckInOut,
    ExceptionOut,
    KioskOut,
    Materialized,
    SlotOut,
    Slots,
    TemplateOut,
    Templates,
    on_behalf_of,
)

bp = Blueprint("appointment_desk", url_prefix="/api/v1")
TAG = "预约号源与签到"
_CLOCK = r"^([01]\d|2[0-3]):[0-5]\d$"
_HALL_ERRORS = [(404, "HALL_NOT_FOUND"), (403, "FORBIDDEN")]


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


class Window(Schema):
    start: str = Field(pattern=_CLOCK, description="开始时间 HH:MM（北京时间）")
    end: str = Field(pattern=_CLOCK, description="结束时间 HH:MM（北京时间）")
    capacity: int = Field(ge=1, le=10_000)

    @model_validator(mode="after")
    def _ordered(self) -> Window:
        if _minutes(self.end) <= _minutes(self.start):
            raise ValueError("end must be after start")
        return self


class TemplateIn(Window):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"appointment_group": "HUZHENG", "weekday": 1, "start": "09:00", "end": "12:00", "capacity": 20,
         "release_days_before": 7, "release_at": "07:00"},
    ]})

    appointment_group: str = Field(min_length=1, max_length=32)
    weekday: int = Field(ge=1, le=7, description="ISO 星期，1 = 周一")
    valid_from: date | None = None
    valid_until: date | None = None
    release_days_before: int | None = Field(
        None, ge=0, le=90, description="放号：时段所在日期之前多少天放号（与 release_at 同时给出）")
    release_at: str | None = Field(None, pattern=_CLOCK, description="放号时刻 HH:MM（北京时间）")
    draw_window_seconds: int | None = Field(
        None, ge=10, le=3600, description="抽签：放号后接受报名的秒数，之后在报名者中随机抽取（须有放号时间）")
    high_demand: bool = Field(False, description="热门号源：预约（与抽签报名）须实名，并经微信用户风险等级检查")

    @model_validator(mode="after")
    def _valid_period(self) -> TemplateIn:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError("valid_until must not be before valid_from")
        if (self.release_days_before is None) != (self.release_at is None):
            raise ValueError("release_days_before and release_at go together")
        if self.draw_window_seconds is not None and self.release_at is None:
            raise ValueError("a draw window needs a release time")
        return self


class ExceptionIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"day": "2031-01-06", "kind": "closed", "reason": "系统升级"},
    ]})

    day: date
    kind: SlotExceptionKind
    appointment_group: str | None = Field(None, min_length=1, max_length=32,
                                          description="为空表示（关闭时）所有事项组")
    window: Window | None = Field(None, description="加开时段（kind=extra 时必填）")
    reason: str = Field("", max_length=256)

    @model_validator(mode="after")
    def _complete(self) -> ExceptionIn:
        if self.kind is SlotExceptionKind.EXTRA and (self.window is None or not self.appointment_group):
            raise ValueError("an extra session needs appointment_group and window")
        if self.kind is SlotExceptionKind.CLOSED and self.window is not None:
            raise ValueError("a closure has no window")
        return self


class SlotRangeQuery(Schema):
    day_from: date
    day_to: date


class CapacityIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"capacity": 30},
    ]})

    capacity: int = Field(ge=0, le=10_000)


class KioskIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"name": "一楼大厅自助机"},
    ]})

    name: str = Field(min_length=1, max_length=64)


class ScanIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"token": "eyJhbGciOiJFZERTQSJ9.eyJhIjoiMSJ9.c2lnbmF0dXJl"},
    ]})

    token: str = Field(min_length=1, max_length=2048, description="扫描到的二维码内容")


@dataclass(frozen=True)
class ScannerAccess(Access):
    """A kiosk with its credential, or staff with a clerk grant (the service checks the hall)."""

    security_schemes = ("bearer", "kiosk")

    async def check(self, request: Request) -> None:
        scheme, _, credential = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "kiosk":
            request.ctx.scanner = Scanner(kiosk=await checkin.authenticate_kiosk(
                credential=credential.strip()))
            return
        await super().check(request)
        request.ctx.scanner = Scanner(principal=request.ctx.principal)


scanner_required = ScannerAccess("staff", roles=("clerk",), scope="hall").guard


@bp.post("/halls/<hall_id>/slot-templates")
@endpoint(summary="发布号源模板（每周时段与容量）", tag=TAG, body=TemplateIn, response=TemplateOut,
          status=201, secured=True, errors=[*_HALL_ERRORS, (409, "SLOT_TEMPLATE_EXISTS")])
@staff_required("hall_manager", scope="hall")
async def create_template(request: Request, hall_id: str, body: TemplateIn) -> HTTPResponse:
    template = await slots.create_template(
        principal=request.ctx.principal, hall_id=hall_id, appointment_group=body.appointment_group,
        weekday=body.weekday, start_minute=_minutes(body.start), end_minute=_minutes(body.end),
        capacity=body.capacity, valid_from=body.valid_from, valid_until=body.valid_until,
        release_days_before=body.release_days_before,
        release_minute=_minutes(body.release_at) if body.release_at else None,
        draw_window_seconds=body.draw_window_seconds, high_demand=body.high_demand)
    return respond(TemplateOut.of(template), status=201)


@bp.get("/halls/<hall_id>/slot-templates")
@endpoint(summary="大厅的号源模板", tag=TAG, response=Templates, secured=True, errors=_HALL_ERRORS)
@staff_required("hall_manager", scope="hall")
async def list_templates(request: Request, hall_id: str) -> HTTPResponse:
    rows = await slots.list_templates(principal=request.ctx.principal, hall_id=hall_id)
    return respond(Templates(items=[TemplateOut.of(t) for t in rows]))


@bp.patch("/slot-templates/<template_id>")
@endpoint(summary="修改号源模板容量（同步到未来号源；任一号源已约超过新容量则整体拒绝）", tag=TAG,
          body=CapacityIn, response=TemplateOut, secured=True,
          errors=[(404, "SLOT_TEMPLATE_NOT_FOUND"), (403, "FORBIDDEN"),
                  (409, "SLOT_CAPACITY_BELOW_BOOKED")])
@staff_required("hall_manager", scope="hall")
async def set_template_capacity(request: Request, template_id: str, body: CapacityIn) -> HTTPResponse:
    template = await slots.set_template_capacity(rt=request.app.ctx.runtime,
                                                 principal=request.ctx.principal,
                                                 template_id=template_id, capacity=body.capacity)
    return respond(TemplateOut.of(template))


@bp.post("/halls/<hall_id>/slot-exceptions")
@endpoint(summary="号源例外：闭厅（节假日等）或加开时段", tag=TAG, body=ExceptionIn,
          response=ExceptionOut, status=201, secured=True,
          errors=[*_HALL_ERRORS, (409, "SLOT_HAS_BOOKINGS"), (422, "SLOT_DAY_PAST"),
                  (422, "CALENDAR_PROVISIONAL_HOLIDAY")])
@staff_required("hall_manager", scope="hall")
async def add_exception(request: Request, hall_id: str, body: ExceptionIn) -> HTTPResponse:
    window = body.window
    exception = await slots.add_exception(
        principal=request.ctx.principal, hall_id=hall_id, day=body.day, kind=body.kind,
        appointment_group=body.appointment_group,
        start_minute=_minutes(window.start) if window else None,
        end_minute=_minutes(window.end) if window else None,
        capacity=window.capacity if window else None, reason=body.reason)
    return respond(ExceptionOut.of(exception), status=201)


@bp.post("/halls/<hall_id>/slots/materialize")
@endpoint(summary="按模板生成未来若干天的号源（幂等）", tag=TAG, response=Materialized, secured=True,
          errors=_HALL_ERRORS)
@staff_required("hall_manager", scope="hall")
async def materialize(request: Request, hall_id: str) -> HTTPResponse:
    created = await slots.materialize_for_hall(rt=request.app.ctx.runtime,
                                               principal=request.ctx.principal, hall_id=hall_id)
    return respond(Materialized(created=created))


@bp.get("/halls/<hall_id>/slots")
@endpoint(summary="大厅号源及实时预约数（工作人员）", tag=TAG, query=SlotRangeQuery, response=Slots,
          secured=True, errors=[*_HALL_ERRORS, (422, "INVALID_DATE_RANGE")])
@staff_required("hall_manager", "clerk", scope="hall")
async def list_slots(request: Request, hall_id: str, query: SlotRangeQuery) -> HTTPResponse:
    rows = await slots.list_hall_slots(principal=request.ctx.principal, hall_id=hall_id,
                                       day_from=query.day_from, day_to=query.day_to)
    provisional = await calendar.provisional_among({s.day for s in rows})
    return respond(Slots(items=[SlotOut.of(s, provisional=provisional) for s in rows]))


@bp.patch("/slots/<slot_id>")
@endpoint(summary="修改号源容量（不得低于已预约数）", tag=TAG, body=CapacityIn, response=SlotOut,
          secured=True, errors=[(404, "SLOT_NOT_FOUND"), (403, "FORBIDDEN"),
                                (409, "SLOT_CAPACITY_BELOW_BOOKED")])
@staff_required("hall_manager", scope="hall")
async def set_capacity(request: Request, slot_id: str, body: CapacityIn) -> HTTPResponse:
    slot = await slots.set_capacity(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                    slot_id=slot_id, capacity=body.capacity)
    return respond(SlotOut.of(slot, provisional=await calendar.provisional_among({slot.day})))


@bp.post("/halls/<hall_id>/kiosks")
@endpoint(summary="登记自助取号设备（凭证仅返回一次）", tag=TAG, body=KioskIn, response=KioskOut,
          status=201, secured=True, errors=_HALL_ERRORS)
@staff_required("hall_manager", scope="hall")
async def register_kiosk(request: Request, hall_id: str, body: KioskIn) -> HTTPResponse:
    kiosk, credential = await checkin.register_kiosk(principal=request.ctx.principal,
                                                     hall_id=hall_id, name=body.name)
    return respond(KioskOut.of(kiosk, credential), status=201)


@bp.post("/kiosks/<kiosk_id>/revoke")
@endpoint(summary="停用自助取号设备（凭证立即失效）", tag=TAG, response=KioskOut, secured=True,
          errors=[(404, "KIOSK_NOT_FOUND"), (403, "FORBIDDEN")])
@staff_required("hall_manager", scope="hall")
async def revoke_kiosk(request: Request, kiosk_id: str) -> HTTPResponse:
    kiosk = await checkin.revoke_kiosk(principal=request.ctx.principal, kiosk_id=kiosk_id)
    return respond(KioskOut.of(kiosk))


@bp.post("/halls/<hall_id>/check-ins")
@endpoint(summary="扫码签到取号（窗口人员或自助设备）", tag=TAG, body=ScanIn, response=CheckInOut,
          secured=True,
          errors=[*_HALL_ERRORS, (400, "QR_MALFORMED"), (400, "QR_FORGED"), (410, "QR_EXPIRED"),
                  (409, "QR_WRONG_HALL"), (409, "QR_SUPERSEDED"), (409, "CHECKIN_TOO_EARLY"),
                  (409, "APPOINTMENT_CANCELLED"), (409, "APPOINTMENT_NO_SHOW"),
                  (401, "KIOSK_CREDENTIAL_INVALID"), (403, "KIOSK_WRONG_HALL")])
@scanner_required
async def check_in(request: Request, hall_id: str, body: ScanIn) -> HTTPResponse:
    result = await checkin.check_in(rt=request.app.ctx.runtime, scanner=request.ctx.scanner,
                                    hall_id=hall_id, token=body.token.strip())
    appointment = result.appointment
    return respond(CheckInOut(appointment_id=str(appointment.id), hall_id=str(appointment.hall_id),
                              appointment_group=appointment.appointment_group,
                              queue_number=result.queue_number,
                              checked_in_at=appointment.checked_in_at, repeated=result.repeated,
                              application_id=str(appointment.application_id)
                              if appointment.application_id else None,
                              represented=person_out(appointment.representation),
                              on_behalf_of=on_behalf_of(appointment)))
