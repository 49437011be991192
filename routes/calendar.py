"""The working-day calendar: public days, and the official holiday notices admins load."""

from __future__ import annotations

from datetime import date

from pydantic import Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import public, staff_member, staff_required
from app.ids import local_today
from app.shapes import Schema
from routes.catalog import respond_document
from services.calendar import listing, notices
from services.calendar.shapes import (
    CalendarNotice,
    CalendarOut,
    CalendarYears,
    NoticeLoaded,
    NoticeLoadIn,
)

bp = Blueprint("calendar", url_prefix="/api/v1")
TAG = "工作日历"
NOTICE_ERRORS = [(409, "CALENDAR_YEAR_LOADED"), (409, "CALENDAR_DAY_CLAIMED"),
                 (422, "CALENDAR_DAY_TWICE"), (422, "CALENDAR_MAKEUP_NOT_WEEKEND"),
                 (422, "CALENDAR_DAY_OUTSIDE_YEAR"), (422, "CALENDAR_RANGE_INVALID")]


class CalendarQuery(Schema):
    day_from: date = Field(alias="from", description="开始日期 YYYY-MM-DD")
    day_to: date = Field(alias="to", description=f"结束日期（含），最长 {listing.MAX_RANGE_DAYS} 天")
    hall_id: str | None = Field(None, max_length=64, description="大厅 id：计入该大厅的调整")


@bp.get("/calendar")
@endpoint(summary="工作日历：工作日、法定节假日、调休上班日（可按大厅）", tag=TAG, query=CalendarQuery,
          conditional=True, response=CalendarOut, errors=[(404, "HALL_NOT_FOUND"), (422, "INVALID_DATE_RANGE")])
@public
async def calendar_days(request: Request, query: CalendarQuery) -> HTTPResponse:
    return respond_document(request, await listing.calendar_document(
        rt=request.app.ctx.runtime, day_from=query.day_from, day_to=query.day_to,
        hall_id=query.hall_id))


@bp.get("/admin/calendar/years")
@endpoint(summary="各年节假日安排的来源（已载入通知、内置数据或临时日历）", tag=TAG,
          response=CalendarYears, secured=True)
@staff_member
async def calendar_years(request: Request) -> HTTPResponse:
    return respond(await listing.years_around(today=local_today()))


@bp.post("/admin/calendar/notices")
@endpoint(summary="载入国务院办公厅节假日安排通知（全区管理员；记入存证）", tag=TAG, body=NoticeLoadIn,
          response=NoticeLoaded, secured=True, errors=NOTICE_ERRORS)
# The calendar is district-wide: a department's or hall's admin may not change it.
@staff_required("admin", scope="global")
async def load_notice(request: Request, body: NoticeLoadIn) -> HTTPResponse:
    principal = request.ctx.principal
    notice = CalendarNotice.model_validate(body.model_dump(exclude={"replace"}))
    loaded = await notices.load_notice(rt=request.app.ctx.runtime, notice=notice,
                                       actor_id=str(principal.subject_id), replace=body.replace)
    return respond(loaded)
