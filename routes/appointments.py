"""Residents' appointments: availability, booking, cancel, reschedule, QR codes; QR public keys."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import JsonWebKeySet, endpoint, idempotency_header, idempotency_key, jwks_response, respond
from app.auth import public, resident_required
from app.errors import ValidationFailed
from app.openapi import Header
from app.shapes import Page, Schema
from services import appointments, companies
from services.applications.representation import RepresentedIn
from services.appointments import draw, qr, risk, seats, slots, throttle, waitlist
from services.appointments.shapes import (
    AppointmentOut,
    Availability,
    DrawEntries,
    DrawEntryOut,
    WaitlistEntryOut,
    WaitlistOut,
)

bp = Blueprint("appointments", url_prefix="/api/v1")
TAG = "网上预约"
# A company's booking is changed or shown by its booker only while they may still act for it.
_APPOINTMENT_ERRORS = [appointments.AppointmentNotFound, (409, "APPOINTMENT_NOT_ACTIVE"), *companies.ACTING_ERRORS]


class AvailabilityQuery(Schema):
    hall_id: str = Field(description="大厅 id")
    item_id: str = Field(description="事项 id")
    day_from: date = Field(description="开始日期 YYYY-MM-DD")
    day_to: date = Field(description="结束日期 YYYY-MM-DD（含），最长 31 天")


class BookIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"item_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90", "slot_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90"},
    ]})

    item_id: str = Field(min_length=1, max_length=64)
    slot_id: str = Field(min_length=1, max_length=64)
    application_id: str | None = Field(None, max_length=64,
                                       description="预审已通过的本人办件：窗口签到时即可收件")
    represented: RepresentedIn | None = Field(
        None, description="代约：为他人预约时填写其姓名、身份证号与关系；计入该人的预约限制，窗口核对其身份")
    company_id: str | None = Field(None, max_length=64,
                                   description="为单位预约：本人为法定代表人或持有涵盖该事项的有效经办人授权")


class RescheduleIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"slot_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90"},
    ]})

    slot_id: str = Field(min_length=1, max_length=64)


class WaitlistJoinIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"item_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90", "slot_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90"},
        {"item_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90", "hall_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90",
         "day": "2026-12-10"},
    ]})

    item_id: str = Field(min_length=1, max_length=64)
    slot_id: str | None = Field(None, min_length=1, max_length=64, description="候补一个已约满的时段")
    hall_id: str | None = Field(None, min_length=1, max_length=64,
                                description="与 day 一起：候补该大厅当天此类事项的任一时段")
    day: date | None = Field(None, description="YYYY-MM-DD，与 hall_id 一起")


class DrawEntryIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"item_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90", "slot_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90"},
    ]})

    item_id: str = Field(min_length=1, max_length=64)
    slot_id: str = Field(min_length=1, max_length=64, description="以抽签方式放号的时段（draw_closes_at 不为空）")


class ListQuery(Schema):
    cursor: str | None = Field(None, max_length=128)
    limit: int = Field(20, ge=1, le=100)


_DEVICE_ID = re.compile(throttle.DEVICE_ID_PATTERN)
_DEVICE_HEADER = Header(throttle.DEVICE_HEADER, "小程序为本机生成并持久保存的设备标识（8-64 位 A-Za-z0-9_-）；"
                        "预约与抽签报名按设备与来源地址限流", pattern=throttle.DEVICE_ID_PATTERN)
_THROTTLE_ERRORS = [throttle.BookingRateLimited, (422, "DEVICE_ID_INVALID")]


def _caller(request: Request) -> throttle.Caller:
    """The booking request's device (``X-Device-Id``) and client address (behind trusted proxies)."""
    device_id = request.headers.get(throttle.DEVICE_HEADER)
    if device_id is not None and not _DEVICE_ID.match(device_id):
        raise ValidationFailed("X-Device-Id 须为 8-64 位字母、数字或 _-", code="DEVICE_ID_INVALID")
    return throttle.Caller(device_id=device_id, address=request.remote_addr or request.ip)


@bp.get("/appointments/availability")
@endpoint(summary="查询可预约时段（数秒内准确，预约时以数据库为准）", tag=TAG, query=AvailabilityQuery,
          response=Availability, errors=[(404, "ITEM_NOT_FOUND"), (404, "HALL_NOT_FOUND"),
                                         (422, "ITEM_NOT_BOOKABLE"), (422, "INVALID_DATE_RANGE")])
@public
async def availability(request: Request, query: AvailabilityQuery) -> HTTPResponse:
    rows = await slots.availability(rt=request.app.ctx.runtime, hall_id=query.hall_id,
                                    item_id=query.item_id, day_from=query.day_from,
                                    day_to=query.day_to)
    return respond(Availability(items=rows))


@bp.post("/appointments")
@endpoint(summary="预约一个时段（须带 Idempotency-Key；重试返回同一预约）", tag=TAG, body=BookIn,
          response=AppointmentOut, status=201, replay_status=200, secured=True,
          headers=(idempotency_header("8-64 位 A-Za-z0-9_.:-；同一居民重试同一请求时不变", required=True),
                   _DEVICE_HEADER),
          errors=[*_THROTTLE_ERRORS, risk.RiskRefused, seats.SlotUnavailable, (409, "APPOINTMENT_SLOT_CLOSED"),
                  (409, "APPOINTMENT_SLOT_PAST"), appointments.SlotNotYetOpen, appointments.DrawOnly,
                  (409, "APPOINTMENT_DUPLICATE"),
                  (409, "APPOINTMENT_DAILY_LIMIT"), (409, "IDEMPOTENCY_KEY_REUSED"),
                  (403, "APPOINTMENT_BLOCKED_NO_SHOW"), (403, "REALNAME_REQUIRED"),
                  (400, "IDEMPOTENCY_KEY_REQUIRED"), (422, "IDEMPOTENCY_KEY_INVALID"),
                  (422, "APPLICATION_NOT_BOOKABLE"), (422, "REPRESENTED_IS_SELF"),
                  (404, "ITEM_NOT_FOUND"), (404, "SLOT_NOT_FOUND"), (422, "ITEM_NOT_BOOKABLE"),
                  (422, "SLOT_NOT_FOR_ITEM"), *companies.ACTING_ERRORS])
@resident_required
async def book(request: Request, body: BookIn) -> HTTPResponse:
    rt = request.app.ctx.runtime
    appointment, created = await appointments.book(
        rt=rt, resident_id=request.ctx.principal.subject_id, item_id=body.item_id,
        slot_id=body.slot_id, idempotency_key=idempotency_key(request, required=True),
        application_id=body.application_id, caller=_caller(request), represented=body.represented,
        company_id=body.company_id)
    return respond(AppointmentOut.of(appointment, rt), status=201 if created else 200)


@bp.get("/appointments")
@endpoint(summary="我的预约及本人可查看的单位预约（按预约时间倒序，游标分页）", tag=TAG, query=ListQuery,
          response=Page[AppointmentOut], secured=True, errors=[(422, "INVALID_CURSOR")])
@resident_required
async def list_mine(request: Request, query: ListQuery) -> HTTPResponse:
    rt = request.app.ctx.runtime
    rows, next_cursor = await appointments.list_mine(resident_id=request.ctx.principal.subject_id,
                                                     cursor=query.cursor, limit=query.limit)
    return respond(Page[AppointmentOut](items=[AppointmentOut.of(a, rt) for a in rows],
                                        next_cursor=next_cursor))


@bp.get("/appointments/<appointment_id>")
@endpoint(summary="我的一个预约（含二维码内容；或本人可查看的单位预约）", tag=TAG, response=AppointmentOut,
          secured=True, errors=[appointments.AppointmentNotFound])
@resident_required
async def get_mine(request: Request, appointment_id: str) -> HTTPResponse:
    appointment = await appointments.get_visible_or_raise(
        resident_id=request.ctx.principal.subject_id, appointment_id=appointment_id)
    return respond(AppointmentOut.of(appointment, request.app.ctx.runtime))


@bp.post("/appointments/<appointment_id>/cancel")
@endpoint(summary="取消预约（截止时间前）", tag=TAG, response=AppointmentOut, secured=True,
          errors=[*_APPOINTMENT_ERRORS, (409, "APPOINTMENT_CHANGE_CUTOFF"), (409, "APPOINTMENT_CHANGED")])
@resident_required
async def cancel(request: Request, appointment_id: str) -> HTTPResponse:
    rt = request.app.ctx.runtime
    appointment = await appointments.cancel(rt=rt, resident_id=request.ctx.principal.subject_id,
                                            appointment_id=appointment_id)
    return respond(AppointmentOut.of(appointment, rt))


@bp.post("/appointments/<appointment_id>/reschedule")
@endpoint(summary="改约到另一时段（先占新号再释放旧号，原子完成）", tag=TAG, body=RescheduleIn,
          response=AppointmentOut, secured=True, headers=(_DEVICE_HEADER,),
          errors=[*_APPOINTMENT_ERRORS, *_THROTTLE_ERRORS, risk.RiskRefused, (403, "REALNAME_REQUIRED"),
                  seats.SlotUnavailable, appointments.SlotNotYetOpen,
                  appointments.DrawOnly, (409, "APPOINTMENT_CHANGE_CUTOFF"),
                  (409, "APPOINTMENT_CHANGED"), (409, "APPOINTMENT_SLOT_CLOSED"),
                  (409, "APPOINTMENT_SLOT_PAST"), (409, "APPOINTMENT_DAILY_LIMIT"),
                  (404, "SLOT_NOT_FOUND"), (422, "SLOT_NOT_FOR_ITEM"), (422, "APPOINTMENT_SAME_SLOT")])
@resident_required
async def reschedule(request: Request, appointment_id: str, body: RescheduleIn) -> HTTPResponse:
    rt = request.app.ctx.runtime
    appointment = await appointments.reschedule(
        rt=rt, resident_id=request.ctx.principal.subject_id, appointment_id=appointment_id,
        slot_id=body.slot_id, caller=_caller(request))
    return respond(AppointmentOut.of(appointment, rt))


_WAITLIST_ERRORS = [waitlist.WaitlistEntryNotFound]


@bp.post("/waitlist")
@endpoint(summary="加入候补（已约满的时段，或某大厅某天此类事项的任一时段）", tag=TAG, body=WaitlistJoinIn,
          response=WaitlistEntryOut, status=201, secured=True,
          errors=[waitlist.SlotStillOpen, waitlist.AlreadyWaiting, waitlist.TargetInvalid, waitlist.DayPast,
                  waitlist.NoSlotsThatDay, (409, "APPOINTMENT_SLOT_CLOSED"), (409, "APPOINTMENT_SLOT_PAST"),
                  appointments.SlotNotYetOpen, (409, "APPOINTMENT_DUPLICATE"),
                  (404, "ITEM_NOT_FOUND"), (404, "SLOT_NOT_FOUND"), (404, "HALL_NOT_FOUND"),
                  (422, "ITEM_NOT_BOOKABLE"), (422, "SLOT_NOT_FOR_ITEM")])
@resident_required
async def join_waitlist(request: Request, body: WaitlistJoinIn) -> HTTPResponse:
    entry, place = await waitlist.join(rt=request.app.ctx.runtime, resident_id=request.ctx.principal.subject_id,
                                       item_id=body.item_id, slot_id=body.slot_id, hall_id=body.hall_id,
                                       day=body.day)
    return respond(WaitlistEntryOut.of(entry, place), status=201)


@bp.get("/waitlist")
@endpoint(summary="我的候补（排队中与已获保留号源的），含排队位置", tag=TAG, response=WaitlistOut, secured=True)
@resident_required
async def my_waitlist(request: Request) -> HTTPResponse:
    rows = await waitlist.list_mine(resident_id=request.ctx.principal.subject_id)
    return respond(WaitlistOut(items=[WaitlistEntryOut.of(entry, place) for entry, place in rows]))


@bp.post("/waitlist/<entry_id>/accept")
@endpoint(summary="确认候补保留的号源（生成预约；重试返回同一预约）", tag=TAG, response=AppointmentOut,
          status=201, secured=True,
          errors=[*_WAITLIST_ERRORS, waitlist.HoldLapsed, waitlist.SlotGone, waitlist.NotOffered,
                  (409, "APPOINTMENT_DUPLICATE"), (409, "APPOINTMENT_DAILY_LIMIT"),
                  (403, "APPOINTMENT_BLOCKED_NO_SHOW"), (403, "REALNAME_REQUIRED")])
@resident_required
async def accept_waitlist(request: Request, entry_id: str) -> HTTPResponse:
    rt = request.app.ctx.runtime
    appointment = await waitlist.accept(rt=rt, resident_id=request.ctx.principal.subject_id, entry_id=entry_id)
    return respond(AppointmentOut.of(appointment, rt), status=201)


@bp.post("/waitlist/<entry_id>/decline")
@endpoint(summary="退出候补，或放弃保留的号源（让给下一位）", tag=TAG, response=WaitlistEntryOut, secured=True,
          errors=[*_WAITLIST_ERRORS, waitlist.NotOffered])
@resident_required
async def decline_waitlist(request: Request, entry_id: str) -> HTTPResponse:
    entry = await waitlist.decline(rt=request.app.ctx.runtime, resident_id=request.ctx.principal.subject_id,
                                   entry_id=entry_id)
    return respond(WaitlistEntryOut.of(entry))


@bp.post("/draw-entries")
@endpoint(summary="报名抽签（以抽签方式放号的时段，放号后报名期内；每人每时段一次，须实名）", tag=TAG,
          body=DrawEntryIn, response=DrawEntryOut, status=201, secured=True, headers=(_DEVICE_HEADER,),
          errors=[*_THROTTLE_ERRORS, risk.RiskRefused, draw.AlreadyEntered, draw.WindowClosed,
                  draw.NotADrawSlot, appointments.SlotNotYetOpen,
                  (409, "APPOINTMENT_SLOT_CLOSED"), (409, "APPOINTMENT_DUPLICATE"), (403, "REALNAME_REQUIRED"),
                  (404, "ITEM_NOT_FOUND"), (404, "SLOT_NOT_FOUND"), (422, "ITEM_NOT_BOOKABLE"),
                  (422, "SLOT_NOT_FOR_ITEM")])
@resident_required
async def enter_draw(request: Request, body: DrawEntryIn) -> HTTPResponse:
    entry = await draw.enter(rt=request.app.ctx.runtime, resident_id=request.ctx.principal.subject_id,
                             item_id=body.item_id, slot_id=body.slot_id, caller=_caller(request))
    return respond(DrawEntryOut.of(entry, None), status=201)


@bp.get("/draw-entries")
@endpoint(summary="我的抽签报名与结果（报名截止后即抽签；中签者已生成预约）", tag=TAG, response=DrawEntries,
          secured=True)
@resident_required
async def my_draw_entries(request: Request) -> HTTPResponse:
    rows = await draw.list_mine(rt=request.app.ctx.runtime, resident_id=request.ctx.principal.subject_id)
    return respond(DrawEntries(items=[DrawEntryOut.of(entry, slot_draw) for entry, slot_draw in rows]))


async def _qr_image(request: Request, appointment_id: str, render, content_type: str) -> HTTPResponse:
    token = await appointments.qr_token(rt=request.app.ctx.runtime,
                                        resident_id=request.ctx.principal.subject_id,
                                        appointment_id=appointment_id)
    # The token is deterministic, so its hash names the image: unchanged until a reschedule.
    etag = '"' + hashlib.sha256(token.encode()).hexdigest()[:32] + '"'
    headers = {"etag": etag, "cache-control": "private, max-age=3600"}
    if request.headers.get("if-none-match") == etag:
        return HTTPResponse(status=304, headers=headers)
    return HTTPResponse(render(token), headers=headers, content_type=content_type)


@bp.get("/appointments/<appointment_id>/qr.png")
@endpoint(summary="预约二维码（PNG，可缓存）", tag=TAG, conditional=True, secured=True, errors=_APPOINTMENT_ERRORS,
          media_type="image/png")
@resident_required
async def qr_png(request: Request, appointment_id: str) -> HTTPResponse:
    return await _qr_image(request, appointment_id, qr.render_png, "image/png")


@bp.get("/appointments/<appointment_id>/qr.svg")
@endpoint(summary="预约二维码（SVG，可缓存）", tag=TAG, conditional=True, secured=True, errors=_APPOINTMENT_ERRORS,
          media_type="image/svg+xml")
@resident_required
async def qr_svg(request: Request, appointment_id: str) -> HTTPResponse:
    return await _qr_image(request, appointment_id, qr.render_svg, "image/svg+xml")


@bp.get("/qr/jwks.json")
@endpoint(summary="预约二维码验签公钥 (JWKS)，供大厅设备离线验证", tag=TAG, response=JsonWebKeySet)
@public
async def qr_jwks(request: Request) -> HTTPResponse:
    return jwks_response(request.app.ctx.runtime.keyrings["qr"])
