"""Response shapes of appointments that services build (routes never see model objects)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from app.context import Runtime
from app.shapes import LocalDateTime, Schema
from ledger_verifier.draw import entrant_hash
from models.appointments import (
    Appointment,
    AppointmentStatus,
    DrawEntry,
    DrawEntryStatus,
    KioskDevice,
    Slot,
    SlotDraw,
    SlotException,
    SlotExceptionKind,
    SlotTemplate,
    WaitlistEntry,
    WaitlistStatus,
)
from services.applications.representation import RepresentedPersonOut, person_out
from services.appointments import qr
from services.companies.shapes import OnBehalfOf


class AvailableSlotOut(Schema):
    """A bookable window as residents see it."""

    id: str
    day: str
    starts_at: str
    ends_at: str
    capacity: int
    remaining: int
    provisional: bool = Field(description="该日所在年份的节假日安排尚未载入，按法定节日临时推算")
    opens_at: str | None = Field(description="放号时间（北京时间）；此前不能预约，为空表示已放号")
    draw_closes_at: str | None = Field(None, description="抽签报名截止时间：放号至此时可报名抽签"
                                       "（POST /draw-entries），抽签后余号先到先得；为空表示先到先得")
    high_demand: bool = Field(False, description="热门号源：须实名预约，并经微信安全风控")


class Availability(Schema):
    items: list[AvailableSlotOut]


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class TemplateOut(Schema):
    id: str
    appointment_group: str
    weekday: int
    start: str
    end: str
    capacity: int
    valid_from: date | None
    valid_until: date | None
    release_days_before: int | None
    release_at: str | None
    draw_window_seconds: int | None = Field(None, description="放号后抽签报名的秒数；为空表示先到先得")
    high_demand: bool = Field(False, description="热门号源：预约须实名，并经微信安全风控（用户风险等级）")

    @classmethod
    def of(cls, template: SlotTemplate) -> TemplateOut:
        release = template.release_minute
        return cls(id=str(template.id), appointment_group=template.appointment_group,
                   weekday=template.weekday, start=_clock(template.start_minute),
                   end=_clock(template.end_minute), capacity=template.capacity,
                   release_days_before=template.release_days_before,
                   release_at=_clock(release) if release is not None else None,
                   draw_window_seconds=template.draw_window_seconds, high_demand=template.high_demand,
                   valid_from=template.valid_from, valid_until=template.valid_until)


class Templates(Schema):
    items: list[TemplateOut]


class ExceptionOut(Schema):
    id: str
    day: date
    kind: SlotExceptionKind
    appointment_group: str | None
    reason: str

    @classmethod
    def of(cls, exception: SlotException) -> ExceptionOut:
        return cls(id=str(exception.id), day=exception.day, kind=exception.kind,
                   appointment_group=exception.appointment_group, reason=exception.reason)


class Materialized(Schema):
    created: int


class SlotOut(Schema):
    id: str
    hall_id: str
    appointment_group: str
    day: date
    starts_at: LocalDateTime
    ends_at: LocalDateTime
    capacity: int
    booked: int
    is_closed: bool
    provisional: bool = Field(description="该日所在年份的节假日安排尚未载入（临时日历）")
    opens_at: LocalDateTime | None = Field(description="放号时间；为空表示已放号")
    draw_closes_at: LocalDateTime | None = Field(None, description="抽签报名截止时间；为空表示先到先得")
    high_demand: bool = Field(False, description="热门号源：预约须实名，并经微信安全风控")

    @classmethod
    def of(cls, slot: Slot, *, provisional: set[date]) -> SlotOut:
        return cls(id=str(slot.id), hall_id=str(slot.hall_id), appointment_group=slot.appointment_group,
                   day=slot.day, starts_at=slot.starts_at, ends_at=slot.ends_at,
                   capacity=slot.capacity, booked=slot.booked, is_closed=slot.is_closed,
                   provisional=slot.day in provisional, opens_at=slot.opens_at,
                   draw_closes_at=slot.draw_closes_at, high_demand=slot.high_demand)


class Slots(Schema):
    items: list[SlotOut]


class KioskOut(Schema):
    id: str
    hall_id: str
    name: str
    revoked_at: LocalDateTime | None = None
    credential: str | None = Field(
        None, description="设备凭证，仅在登记时返回一次；请求时使用 Authorization: Kiosk <credential>")

    @classmethod
    def of(cls, kiosk: KioskDevice, credential: str | None = None) -> KioskOut:
        return cls(id=str(kiosk.id), hall_id=str(kiosk.hall_id), name=kiosk.name,
                   revoked_at=kiosk.revoked_at, credential=credential)


def on_behalf_of(appointment: Appointment) -> OnBehalfOf | None:
    """Whose booking it is, when made for a company."""
    return OnBehalfOf(**appointment.on_behalf_of) if appointment.on_behalf_of else None


class CheckInOut(Schema):
    appointment_id: str
    hall_id: str
    appointment_group: str
    queue_number: int
    checked_in_at: LocalDateTime
    repeated: bool = Field(description="同一预约再次扫码时为 true，号码不变")
    application_id: str | None = Field(description="预约所带的已通过预审办件（窗口凭此收件）")
    represented: RepresentedPersonOut | None = Field(
        None, description="代约：来办理的是此人（脱敏），请核对其身份证件；本人预约为 null")
    on_behalf_of: OnBehalfOf | None = Field(None, description="为单位预约时的单位及预约人身份；个人预约为 null")


class AppointmentOut(Schema):
    id: str
    item_id: str
    hall_id: str
    slot_id: str
    appointment_group: str
    day: date
    starts_at: LocalDateTime
    ends_at: LocalDateTime
    status: AppointmentStatus
    queue_number: int | None
    calendar_conflict: bool = Field(description="节假日安排载入后该日为放假日，大厅将联系改约")
    checked_in_at: LocalDateTime | None
    cancelled_at: LocalDateTime | None
    created_at: LocalDateTime
    application_id: str | None
    represented: RepresentedPersonOut | None = Field(None, description="代约：为其预约的人（脱敏）；本人预约为 null")
    qr_token: str | None = Field(description="签名的二维码内容（已取消或爽约的预约为空）")
    on_behalf_of: OnBehalfOf | None = Field(None, description="为单位预约时的单位及预约人身份；个人预约为 null")

    @classmethod
    def of(cls, appointment: Appointment, rt: Runtime) -> AppointmentOut:
        active = appointment.status in (AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN)
        return cls(
            id=str(appointment.id), item_id=str(appointment.item_id), hall_id=str(appointment.hall_id),
            slot_id=str(appointment.slot_id), appointment_group=appointment.appointment_group,
            day=appointment.day, starts_at=appointment.starts_at, ends_at=appointment.ends_at,
            status=appointment.status, queue_number=appointment.queue_number,
            calendar_conflict=appointment.calendar_conflict,
            checked_in_at=appointment.checked_in_at, cancelled_at=appointment.cancelled_at,
            created_at=appointment.created_at,
            application_id=str(appointment.application_id) if appointment.application_id else None,
            represented=person_out(appointment.representation),
            qr_token=qr.issue(rt=rt, appointment=appointment) if active else None,
            on_behalf_of=on_behalf_of(appointment))


class WaitlistEntryOut(Schema):
    """One place on the waiting list (候补), as its resident sees it."""

    id: str
    item_id: str
    hall_id: str
    appointment_group: str
    day: date
    slot_id: str | None = Field(description="候补的时段；为空表示该大厅当天此类事项的任一时段")
    status: WaitlistStatus
    position: int | None = Field(description="排队位置（1 = 下一位）；已获号源或已结束时为空")
    offered_slot_id: str | None = Field(description="为其保留号源的时段（status = offered）")
    hold_until: LocalDateTime | None = Field(description="保留截止时间，此前须确认（accept）")
    appointment_id: str | None = Field(description="确认后生成的预约")
    created_at: LocalDateTime

    @classmethod
    def of(cls, entry: WaitlistEntry, position: int | None = None) -> WaitlistEntryOut:
        def text(value: object) -> str | None:
            return str(value) if value else None

        return cls(id=str(entry.id), item_id=str(entry.item_id), hall_id=str(entry.hall_id),
                   appointment_group=entry.appointment_group, day=entry.day, slot_id=text(entry.slot_id),
                   status=entry.status, position=position, offered_slot_id=text(entry.offered_slot_id),
                   hold_until=entry.hold_until, appointment_id=text(entry.appointment_id),
                   created_at=entry.created_at)


class WaitlistOut(Schema):
    items: list[WaitlistEntryOut]


class DrawEntryOut(Schema):
    """One entry in a slot's draw (抽签), as its resident sees it."""

    id: str
    item_id: str
    slot_id: str
    status: DrawEntryStatus = Field(description="entered 待抽签；won 中签（appointment_id 为预约）；"
                                    "lost 未中签；refused 抽中但预约规则不允许（refusal_code）")
    refusal_code: str | None
    appointment_id: str | None
    entrant_hash: str = Field(description="本报名在存证记录中的哈希 SHA-256(\"draw-entry:\" + id)，"
                              "用于在抽签存证中核对自己")
    ledger_entry_id: str | None = Field(description="抽签的存证记录（种子、全部报名哈希、中签者），抽签后给出")
    created_at: LocalDateTime

    @classmethod
    def of(cls, entry: DrawEntry, draw: SlotDraw | None) -> DrawEntryOut:
        return cls(id=str(entry.id), item_id=str(entry.item_id), slot_id=str(entry.slot_id),
                   status=entry.status, refusal_code=entry.refusal_code,
                   appointment_id=str(entry.appointment_id) if entry.appointment_id else None,
                   entrant_hash=entrant_hash(str(entry.id)),
                   ledger_entry_id=str(draw.ledger_entry_id) if draw and draw.ledger_entry_id else None,
                   created_at=entry.created_at)


class DrawEntries(Schema):
    items: list[DrawEntryOut]
