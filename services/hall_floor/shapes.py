"""Response shapes of the hall floor (routes never see model objects)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from app.shapes import LocalDateTime, Schema
from models.hall_floor import (
    HallFloorSettings,
    HallWindow,
    PriorityReason,
    PriorityRule,
    Ticket,
    TicketKind,
    TicketStatus,
)
from services.hall_floor.tickets import Position


class WindowOut(Schema):
    id: str
    hall_id: str
    number: str
    name: str
    groups: list[str] = Field(description="本窗口办理的事项组（appointment_group）")
    is_open: bool
    opened_by: str | None = Field(description="开启窗口的工作人员 id")
    opened_at: LocalDateTime | None

    @classmethod
    def of(cls, window: HallWindow) -> WindowOut:
        return cls(id=str(window.id), hall_id=str(window.hall_id), number=window.number, name=window.name,
                   groups=list(window.groups or []), is_open=window.is_open, opened_by=window.opened_by,
                   opened_at=window.opened_at)


class Windows(Schema):
    items: list[WindowOut]


class FloorSettingsOut(Schema):
    recall_limit: int = Field(description="标记过号前须重呼的次数")
    priority_rule: PriorityRule = Field(description="first：优先号先于一切等候号；ahead：优先号按提前若干分钟取号计")
    priority_ahead_minutes: int
    walkin_quota: dict[str, int] = Field(description="事项组 -> 每日现场取号上限")
    default_walkin_quota: int
    latitude: float | None
    longitude: float | None
    radius_m: int = Field(description="按位置取号时离大厅的最大距离（米）")
    service_minutes: int = Field(description="尚无实测时每号的预计办理分钟数")
    group_prefixes: dict[str, str] = Field(description="事项组 -> 号码前缀字母")

    @classmethod
    def of(cls, rules: HallFloorSettings) -> FloorSettingsOut:
        return cls(recall_limit=rules.recall_limit, priority_rule=rules.priority_rule,
                   priority_ahead_minutes=rules.priority_ahead_minutes, walkin_quota=rules.walkin_quota or {},
                   default_walkin_quota=rules.default_walkin_quota, latitude=rules.latitude,
                   longitude=rules.longitude, radius_m=rules.radius_m, service_minutes=rules.service_minutes,
                   group_prefixes=rules.group_prefixes or {})


class TicketOut(Schema):
    """A ticket as hall staff see it (no personal data either: the resident is an id)."""

    id: str
    hall_id: str
    day: date
    label: str = Field(description="叫号与显示用号码，如 A007")
    number: int
    appointment_group: str
    kind: TicketKind
    status: TicketStatus
    priority_reason: PriorityReason | None
    appointment_id: str | None
    application_id: str | None
    window_id: str | None
    target_window_id: str | None = Field(description="转到指定窗口时的目标窗口")
    recalls: int
    queued_at: LocalDateTime
    called_at: LocalDateTime | None
    serve_started_at: LocalDateTime | None
    served_at: LocalDateTime | None

    @classmethod
    def of(cls, ticket: Ticket) -> TicketOut:
        def text(value: object) -> str | None:
            return str(value) if value else None

        return cls(id=str(ticket.id), hall_id=str(ticket.hall_id), day=ticket.day, label=ticket.label,
                   number=ticket.number, appointment_group=ticket.appointment_group, kind=ticket.kind,
                   status=ticket.status, priority_reason=ticket.priority_reason,
                   appointment_id=text(ticket.appointment_id), application_id=text(ticket.application_id),
                   window_id=text(ticket.window_id), target_window_id=text(ticket.target_window_id),
                   recalls=ticket.recalls, queued_at=ticket.queued_at, called_at=ticket.called_at,
                   serve_started_at=ticket.serve_started_at, served_at=ticket.served_at)


class Tickets(Schema):
    items: list[TicketOut]


class ResidentTicketOut(Schema):
    """The resident's ticket with its place in the queue."""

    id: str
    hall_id: str
    label: str
    appointment_group: str
    kind: TicketKind
    status: TicketStatus
    ahead: int | None = Field(description="前面还有几人（仅等候中）")
    wait_minutes: int | None = Field(description="预计还需等候的分钟数（仅等候中）")
    summary: str = Field(description="给居民看的一句话，如「前面还有 3 人，约 15 分钟」")
    queued_at: LocalDateTime
    called_at: LocalDateTime | None

    @classmethod
    def of(cls, place: Position) -> ResidentTicketOut:
        ticket = place.ticket
        return cls(id=str(ticket.id), hall_id=str(ticket.hall_id), label=ticket.label,
                   appointment_group=ticket.appointment_group, kind=ticket.kind, status=ticket.status,
                   ahead=place.ahead, wait_minutes=place.wait_minutes, summary=_summary(place),
                   queued_at=ticket.queued_at, called_at=ticket.called_at)


_STATUS_TEXT = {TicketStatus.CALLED: "已叫号，请到窗口办理", TicketStatus.SERVING: "正在办理",
                TicketStatus.HELD: "办理暂停，请补齐材料后回到窗口", TicketStatus.DONE: "已办结",
                TicketStatus.ABSENT: "已过号，请重新取号"}


def _summary(place: Position) -> str:
    if place.ahead is None:
        return _STATUS_TEXT.get(place.ticket.status, "")
    return f"前面还有 {place.ahead} 人，约 {place.wait_minutes} 分钟"


class ResidentTickets(Schema):
    items: list[ResidentTicketOut]


class PresenceCodeOut(Schema):
    hall_id: str
    token: str = Field(description="张贴在大厅的取号二维码内容（签名令牌，与预约二维码同一密钥）")
    expires_at: LocalDateTime


class BoardWindow(Schema):
    number: str
    name: str
    is_open: bool
    current: str | None = Field(description="该窗口当前号码")


class BoardCall(Schema):
    label: str
    window: str
    called_at: str | None
    recalls: int
    text: str = Field(description="屏幕朗读的叫号文本")


class BoardState(Schema):
    """What a hall's screens show: numbers and windows only, no personal data."""

    hall_id: str
    hall_name: str
    windows: list[BoardWindow]
    recent: list[BoardCall] = Field(description="最近叫号（最新在前）")
    next: list[str] = Field(description="即将叫到的号码")
    at: str


class StatsRow(Schema):
    """Counts and times (seconds) of one slice of a hall's tickets."""

    key: str = Field(description="窗口号、事项组、小时（00-23，取号时刻）或日期")
    tickets: int
    served: int
    absent: int
    wait_mean_s: float | None = Field(description="平均等候（取号到首次叫号）")
    wait_p90_s: float | None
    service_mean_s: float | None = Field(description="平均办理（开始到结束）")
    service_p90_s: float | None
    working_day: bool | None = Field(None, description="按日统计时：该日是否为本大厅工作日（节假日、调休按日历）")


class FloorStats(Schema):
    hall_id: str
    day_from: date
    day_to: date
    working_days: int = Field(description="区间内本大厅的工作日数（按工作日日历）")
    overall: StatsRow
    by_window: list[StatsRow]
    by_group: list[StatsRow]
    by_hour: list[StatsRow]
    by_day: list[StatsRow]
    appointments_served: int
    appointments_in_window: int = Field(description="在预约时段内开始办理的预约数")
    appointments_in_window_share: float | None
