"""The hall floor: windows and queue rules (hall manager), clerk calls, walk-in tickets (resident,
kiosk, desk), the resident's place in the queue, and the hall's display board."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import ConfigDict, Field, model_validator
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html

from app.api import endpoint, respond
from app.auth import public, resident_required, staff_required
from app.event_streams import open_event_stream
from app.shapes import Schema
from models.hall_floor import PriorityReason, PriorityRule
from routes.appointment_desk import scanner_required
from services import catalog
from services.catalog.inputs import GROUP
from services.hall_floor import analytics, board, calls, tickets, windows
from services.hall_floor.shapes import (
    BoardState,
    FloorSettingsOut,
    FloorStats,
    PresenceCodeOut,
    ResidentTicketOut,
    ResidentTickets,
    TicketOut,
    Tickets,
    WindowOut,
    Windows,
)

bp = Blueprint("hall_floor", url_prefix="/api/v1")
TAG = "大厅叫号"
_GROUP = Field(min_length=1, max_length=32, description="事项组（appointment_group）")
# A window serves item groups as the catalog names them: the queue filters on that 32-character column.
WindowGroup = Annotated[str, Field(pattern=GROUP, description="事项组（appointment_group）")]
_HALL = [(404, "HALL_NOT_FOUND"), (403, "FORBIDDEN")]
_WINDOW = [(404, "HALL_WINDOW_NOT_FOUND"), (403, "FORBIDDEN"), (409, "HALL_WINDOW_CLOSED"),
           (409, "HALL_WINDOW_NOT_YOURS")]
_TICKET_ACTION = [*_WINDOW, (404, "TICKET_NOT_FOUND"), (409, "TICKET_WRONG_HALL"),
                  (409, "TICKET_NOT_AT_WINDOW"), (409, "TICKET_STATE_INVALID")]


class WindowIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"number": "3", "name": "户政综合窗口", "groups": ["HUZHENG"]},
    ]})

    number: str = Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9-]+$", description="窗口号")
    name: str = Field("", max_length=64)
    groups: list[WindowGroup] = Field(min_length=1, max_length=50, description="本窗口办理的事项组")


class WindowPatch(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"groups": ["HUZHENG", "SHEBAO"]}]})

    name: str | None = Field(None, max_length=64)
    groups: list[WindowGroup] | None = Field(None, min_length=1, max_length=50)


class FloorSettingsIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"recall_limit": 2, "priority_rule": "first", "walkin_quota": {"HUZHENG": 100},
         "latitude": 39.959, "longitude": 116.298, "radius_m": 200, "group_prefixes": {"HUZHENG": "A"}},
    ]})

    recall_limit: int = Field(2, ge=0, le=10)
    priority_rule: PriorityRule = PriorityRule.FIRST
    priority_ahead_minutes: int = Field(30, ge=0, le=600)
    walkin_quota: dict[str, int] = Field(default_factory=dict)
    default_walkin_quota: int = Field(200, ge=0, le=100_000)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    radius_m: int = Field(200, ge=10, le=5000)
    service_minutes: int = Field(10, ge=1, le=240)
    group_prefixes: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _valid(self) -> FloorSettingsIn:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude go together")
        if any(not 0 <= quota <= 100_000 for quota in self.walkin_quota.values()):
            raise ValueError("a walk-in quota is between 0 and 100000")
        if any(not prefix.isalnum() or len(prefix) > 4 for prefix in self.group_prefixes.values()):
            raise ValueError("a prefix is 1-4 letters or digits")
        return self


class PresenceCodeIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"days": 30}]})

    days: int = Field(30, ge=1, le=366, description="有效天数")


class CallNextIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{}, {"groups": ["HUZHENG"]}]})

    groups: list[str] | None = Field(None, min_length=1, max_length=50,
                                     description="只叫这些事项组（须为本窗口所办）；省略为本窗口全部事项组")


class ServeEndIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{}, {"application_id": None}]})

    application_id: str | None = Field(None, max_length=64, description="本次办理收件的办件 id")


class TransferIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"appointment_group": "SHEBAO"}]})

    appointment_group: str | None = Field(None, min_length=1, max_length=32)
    window_id: str | None = Field(None, max_length=64, description="转到指定窗口（须已开启）")

    @model_validator(mode="after")
    def _target(self) -> TransferIn:
        if self.appointment_group is None and self.window_id is None:
            raise ValueError("give appointment_group, window_id or both")
        return self


class PriorityIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "elderly"}]})

    reason: PriorityReason = Field(
        description="绿色通道原因：elderly 老年人、disabled 残疾人、pregnant 孕妇、military 军人")


class DeskTicketIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"appointment_group": "HUZHENG"}, {"appointment_group": "HUZHENG", "priority_reason": "pregnant"},
    ]})

    appointment_group: str = _GROUP
    priority_reason: PriorityReason | None = Field(None, description="取号机上的绿色通道申报，或窗口人员选定")


class WalkInIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"appointment_group": "HUZHENG", "latitude": 39.959, "longitude": 116.298},
    ]})

    appointment_group: str = _GROUP
    hall_code: str | None = Field(None, min_length=1, max_length=2048, description="扫描到的大厅取号二维码内容")
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)

    @model_validator(mode="after")
    def _proof(self) -> WalkInIn:
        located = self.latitude is not None and self.longitude is not None
        if (self.latitude is None) != (self.longitude is None) or (self.hall_code is None and not located):
            raise ValueError("give hall_code, or latitude and longitude")
        return self


@bp.post("/halls/<hall_id>/windows")
@endpoint(summary="新增大厅窗口（所办事项组）", tag=TAG, body=WindowIn, response=WindowOut, status=201,
          secured=True, errors=[*_HALL, (409, "HALL_WINDOW_EXISTS")])
@staff_required("hall_manager", scope="hall")
async def create_window(request: Request, hall_id: str, body: WindowIn) -> HTTPResponse:
    window = await windows.create_window(principal=request.ctx.principal, hall_id=hall_id, number=body.number,
                                         name=body.name, groups=body.groups)
    return respond(WindowOut.of(window), status=201)


@bp.get("/halls/<hall_id>/windows")
@endpoint(summary="大厅的窗口及开闭状态", tag=TAG, response=Windows, secured=True, errors=_HALL)
@staff_required("hall_manager", "clerk", scope="hall")
async def list_windows(request: Request, hall_id: str) -> HTTPResponse:
    rows = await windows.list_windows(principal=request.ctx.principal, hall_id=hall_id)
    return respond(Windows(items=[WindowOut.of(w) for w in rows]))


@bp.patch("/hall-windows/<window_id>")
@endpoint(summary="修改窗口名称或所办事项组", tag=TAG, body=WindowPatch, response=WindowOut, secured=True,
          errors=[(404, "HALL_WINDOW_NOT_FOUND"), (403, "FORBIDDEN")])
@staff_required("hall_manager", scope="hall")
async def update_window(request: Request, window_id: str, body: WindowPatch) -> HTTPResponse:
    window = await windows.update_window(principal=request.ctx.principal, window_id=window_id,
                                         name=body.name, groups=body.groups)
    return respond(WindowOut.of(window))


@bp.post("/hall-windows/<window_id>/open")
@endpoint(summary="开启窗口（开启者即坐席人员；他人开启的窗口仅本大厅管理员可接管）", tag=TAG, response=WindowOut,
          secured=True, errors=[(404, "HALL_WINDOW_NOT_FOUND"), (403, "FORBIDDEN"), (409, "HALL_WINDOW_NOT_YOURS")])
@staff_required("clerk", scope="hall")
async def open_window(request: Request, window_id: str) -> HTTPResponse:
    window = await windows.set_open(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                    window_id=window_id, is_open=True)
    return respond(WindowOut.of(window))


@bp.post("/hall-windows/<window_id>/close")
@endpoint(summary="关闭窗口（开启者或本大厅管理员）", tag=TAG, response=WindowOut, secured=True,
          errors=[(404, "HALL_WINDOW_NOT_FOUND"), (403, "FORBIDDEN"), (409, "HALL_WINDOW_NOT_YOURS")])
@staff_required("clerk", "hall_manager", scope="hall")
async def close_window(request: Request, window_id: str) -> HTTPResponse:
    window = await windows.set_open(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                    window_id=window_id, is_open=False)
    return respond(WindowOut.of(window))


@bp.get("/halls/<hall_id>/floor-settings")
@endpoint(summary="大厅叫号规则", tag=TAG, response=FloorSettingsOut, secured=True, errors=_HALL)
@staff_required("hall_manager", scope="hall")
async def get_floor_settings(request: Request, hall_id: str) -> HTTPResponse:
    rules = await windows.get_settings(principal=request.ctx.principal, hall_id=hall_id)
    return respond(FloorSettingsOut.of(rules))


@bp.put("/halls/<hall_id>/floor-settings")
@endpoint(summary="设置大厅叫号规则（重呼次数、优先规则、现场取号限额、位置）", tag=TAG, body=FloorSettingsIn,
          response=FloorSettingsOut, secured=True, errors=_HALL)
@staff_required("hall_manager", scope="hall")
async def put_floor_settings(request: Request, hall_id: str, body: FloorSettingsIn) -> HTTPResponse:
    rules = await windows.put_settings(principal=request.ctx.principal, hall_id=hall_id,
                                       values=body.model_dump())
    return respond(FloorSettingsOut.of(rules))


@bp.post("/halls/<hall_id>/presence-code")
@endpoint(summary="生成张贴在大厅的现场取号二维码", tag=TAG, body=PresenceCodeIn, response=PresenceCodeOut,
          secured=True, errors=_HALL)
@staff_required("hall_manager", scope="hall")
async def presence_code(request: Request, hall_id: str, body: PresenceCodeIn) -> HTTPResponse:
    token, expires = await tickets.presence_code(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                                 hall_id=hall_id, days=body.days)
    return respond(PresenceCodeOut(hall_id=hall_id, token=token, expires_at=expires))


@bp.get("/halls/<hall_id>/queue")
@endpoint(summary="今日等候队列（按叫号顺序）", tag=TAG, response=Tickets, secured=True, errors=_HALL)
@staff_required("hall_manager", "clerk", scope="hall")
async def hall_queue(request: Request, hall_id: str) -> HTTPResponse:
    rows = await tickets.hall_queue(principal=request.ctx.principal, hall_id=hall_id)
    return respond(Tickets(items=[TicketOut.of(t) for t in rows]))


@bp.post("/halls/<hall_id>/desk-tickets")
@endpoint(summary="自助机或窗口现场取号（可申报绿色通道）", tag=TAG, body=DeskTicketIn, response=TicketOut,
          status=201, secured=True,
          errors=[*_HALL, (422, "HALL_GROUP_UNKNOWN"), (409, "WALKIN_QUOTA_EXHAUSTED"),
                  (401, "KIOSK_CREDENTIAL_INVALID"), (403, "KIOSK_WRONG_HALL")])
@scanner_required
async def desk_ticket(request: Request, hall_id: str, body: DeskTicketIn) -> HTTPResponse:
    ticket = await tickets.issue_walkin(rt=request.app.ctx.runtime, hall_id=hall_id, group=body.appointment_group,
                                        scanner=request.ctx.scanner, priority=body.priority_reason)
    return respond(TicketOut.of(ticket), status=201)


@bp.post("/halls/<hall_id>/tickets")
@endpoint(summary="居民在大厅内现场取号（扫大厅二维码或按位置）", tag=TAG, body=WalkInIn,
          response=ResidentTicketOut, status=201, secured=True,
          errors=[(404, "HALL_NOT_FOUND"), (422, "HALL_GROUP_UNKNOWN"), (409, "WALKIN_QUOTA_EXHAUSTED"),
                  (409, "WALKIN_DUPLICATE"), (403, "WALKIN_NOT_IN_HALL"), (409, "HALL_LOCATION_UNSET"),
                  (400, "QR_MALFORMED"), (400, "QR_FORGED"), (410, "QR_EXPIRED"), (409, "QR_WRONG_HALL")])
@resident_required
async def walk_in(request: Request, hall_id: str, body: WalkInIn) -> HTTPResponse:
    presence = tickets.Presence(hall_code=body.hall_code, latitude=body.latitude, longitude=body.longitude)
    ticket = await tickets.issue_walkin(rt=request.app.ctx.runtime, hall_id=hall_id, group=body.appointment_group,
                                        resident_id=request.ctx.principal.subject_id, presence=presence)
    return respond(ResidentTicketOut.of(await tickets.position(ticket=ticket)), status=201)


@bp.get("/me/hall-tickets")
@endpoint(summary="我今天的排队号及前面人数、预计等候", tag=TAG, response=ResidentTickets, secured=True)
@resident_required
async def my_tickets(request: Request) -> HTTPResponse:
    places = await tickets.my_tickets(resident_id=request.ctx.principal.subject_id)
    return respond(ResidentTickets(items=[ResidentTicketOut.of(p) for p in places]))


@bp.get("/me/hall-tickets/<ticket_id>")
@endpoint(summary="我的一个排队号", tag=TAG, response=ResidentTicketOut, secured=True,
          errors=[(404, "TICKET_NOT_FOUND")])
@resident_required
async def my_ticket(request: Request, ticket_id: str) -> HTTPResponse:
    place = await tickets.resident_ticket(resident_id=request.ctx.principal.subject_id, ticket_id=ticket_id)
    return respond(ResidentTicketOut.of(place))


@bp.post("/hall-tickets/<ticket_id>/priority")
@endpoint(summary="窗口人员将等候号转入绿色通道（记录原因）", tag=TAG, body=PriorityIn, response=TicketOut,
          secured=True, errors=[(404, "TICKET_NOT_FOUND"), (403, "FORBIDDEN"), (409, "TICKET_STATE_INVALID")])
@staff_required("clerk", scope="hall")
async def prioritize(request: Request, ticket_id: str, body: PriorityIn) -> HTTPResponse:
    ticket = await tickets.set_priority(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                        ticket_id=ticket_id, reason=body.reason)
    return respond(TicketOut.of(ticket))


@bp.post("/hall-windows/<window_id>/call-next")
@endpoint(summary="叫下一个号（多窗口并发时同一号只被叫一次）", tag=TAG, body=CallNextIn, response=TicketOut,
          secured=True, errors=[*_WINDOW, (422, "HALL_GROUP_NOT_SERVED"), (409, "HALL_QUEUE_EMPTY")])
@staff_required("clerk", scope="hall")
async def call_next(request: Request, window_id: str, body: CallNextIn) -> HTTPResponse:
    ticket = await calls.call_next(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                   window_id=window_id, groups=body.groups)
    return respond(TicketOut.of(ticket))


def _action(path: str, summary: str, service: Any, errors: list[tuple[int, str]]) -> None:
    """Register a clerk's action on one ticket at their window: no body, the ticket back."""

    @staff_required("clerk", scope="hall")
    async def handler(request: Request, window_id: str, ticket_id: str) -> HTTPResponse:
        ticket = await service(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                               window_id=window_id, ticket_id=ticket_id)
        return respond(TicketOut.of(ticket))

    handler.__name__ = handler.__qualname__ = f"ticket_{path.replace('-', '_')}"
    bp.post(f"/hall-windows/<window_id>/tickets/<ticket_id>/{path}", name=handler.__name__)(
        endpoint(summary=summary, tag=TAG, response=TicketOut, secured=True,
                 errors=[*_TICKET_ACTION, *errors])(handler))


_action("recall", "重呼", calls.recall, [(409, "TICKET_RECALL_LIMIT")])
_action("absent", "标记过号（须先重呼满规定次数）", calls.mark_absent, [(409, "TICKET_RECALLS_REMAINING")])
_action("serve-start", "开始办理", calls.start_service, [])
_action("hold", "挂起（等待补材料）", calls.hold, [])
_action("resume", "恢复办理挂起的号", calls.resume, [])


@bp.post("/hall-windows/<window_id>/tickets/<ticket_id>/serve-end")
@endpoint(summary="办理结束（关联本次收件的办件）", tag=TAG, body=ServeEndIn, response=TicketOut, secured=True,
          errors=[*_TICKET_ACTION, (404, "APPLICATION_NOT_FOUND")])
@staff_required("clerk", scope="hall")
async def serve_end(request: Request, window_id: str, ticket_id: str, body: ServeEndIn) -> HTTPResponse:
    ticket = await calls.end_service(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                     window_id=window_id, ticket_id=ticket_id, application_id=body.application_id)
    return respond(TicketOut.of(ticket))


@bp.post("/hall-windows/<window_id>/tickets/<ticket_id>/transfer")
@endpoint(summary="转到其他事项组或指定窗口（保留原取号时间）", tag=TAG, body=TransferIn, response=TicketOut,
          secured=True, errors=[*_TICKET_ACTION, (422, "HALL_GROUP_NOT_SERVED"), (422, "HALL_GROUP_UNKNOWN")])
@staff_required("clerk", scope="hall")
async def transfer(request: Request, window_id: str, ticket_id: str, body: TransferIn) -> HTTPResponse:
    ticket = await calls.transfer(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                  window_id=window_id, ticket_id=ticket_id, group=body.appointment_group,
                                  to_window_id=body.window_id)
    return respond(TicketOut.of(ticket))


@bp.get("/halls/<hall_id>/board")
@endpoint(summary="大厅叫号显示屏页面（全屏打开；仅号码，无个人信息）", tag=TAG, media_type="text/html",
          errors=[(404, "HALL_NOT_FOUND")])
@public
async def board_page(request: Request, hall_id: str) -> HTTPResponse:
    return html(await board.page(hall_id=hall_id), headers={"content-security-policy": board.PAGE_POLICY})


@bp.get("/halls/<hall_id>/board/state")
@endpoint(summary="显示屏当前内容", tag=TAG, response=BoardState, errors=[(404, "HALL_NOT_FOUND")])
@public
async def board_state(request: Request, hall_id: str) -> HTTPResponse:
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    return respond(BoardState.model_validate(await board.state(hall=hall)))


@bp.get("/halls/<hall_id>/board/events")
@endpoint(summary="显示屏实时更新（server-sent events：event state，data 同 board/state）", tag=TAG,
          media_type="text/event-stream", errors=[(404, "HALL_NOT_FOUND")])
@public
async def board_events(request: Request, hall_id: str) -> HTTPResponse:
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    response = await open_event_stream(request)
    # Ended before the server's response timeout would cut it; the page reconnects and catches up.
    async for chunk in board.follow(rt=request.app.ctx.runtime, hall=hall,
                                    max_seconds=request.app.config.RESPONSE_TIMEOUT * 0.8):
        await response.send(chunk)
    await response.eof()
    return response


class StatsQuery(Schema):
    day_from: date
    day_to: date


@bp.get("/halls/<hall_id>/floor-stats")
@endpoint(summary="等候与办理时长统计（按窗口、事项组、小时、工作日）及预约按时办理率", tag=TAG, query=StatsQuery,
          response=FloorStats, secured=True, errors=[*_HALL, (422, "INVALID_DATE_RANGE")])
@staff_required("hall_manager", scope="hall")
async def floor_stats(request: Request, hall_id: str, query: StatsQuery) -> HTTPResponse:
    stats = await analytics.floor_stats(principal=request.ctx.principal, hall_id=hall_id,
                                        day_from=query.day_from, day_to=query.day_to)
    return respond(FloorStats.model_validate(stats))
