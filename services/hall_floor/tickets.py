"""Joining a hall's queue: appointment check-ins and walk-in tickets, priority, and positions."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from tortoise.expressions import Case, Q, RawSQL, When
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.errors import Conflict, Forbidden, NotFoundError, ValidationFailed
from app.ids import SHANGHAI, utcnow
from app.shapes import id_or_not_found
from app.tokens import Principal
from models.appointments import Appointment
from models.hall_floor import (
    HallFloorSettings,
    HallWindow,
    PriorityReason,
    PriorityRule,
    Ticket,
    TicketKind,
    TicketStatus,
)
from models.staff import StaffRoleName
from services import catalog, outbox
from services.appointments import checkin, qr  # checkin as a module: it imports this one back
from services.events import EventType
from services.hall_floor import board, settings_of, ticket_or_raise

PRESENCE_ISSUER = "haidiantong-hall"
EARTH_RADIUS_M = 6_371_000


@dataclass(frozen=True)
class Position:
    """Where a waiting ticket stands: how many go before it and the estimated wait."""

    ticket: Ticket
    ahead: int | None  # None once it is no longer waiting
    wait_minutes: int | None


@dataclass(frozen=True)
class Presence:
    """How a resident taking a walk-in ticket shows they are in the hall: the hall's posted QR
    code, or their location."""

    hall_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None


def placement(rules: HallFloorSettings, priority: PriorityReason | None, now: datetime) -> tuple[int, datetime]:
    """(tier, sort_at) of a ticket joining now: a priority ticket goes first, or counts as taken
    earlier, by the hall's rule."""
    if priority is None:
        return 1, now
    if rules.priority_rule is PriorityRule.FIRST:
        return 0, now
    return 1, now - timedelta(minutes=rules.priority_ahead_minutes)


def label_of(rules: HallFloorSettings, group: str, number: int) -> str:
    """The number as the board shows it: the group's letter (or its code) and three digits."""
    return f"{rules.group_prefixes.get(group, group)}{number:03d}"


def waiting(*, hall_id: uuid.UUID, day: object, groups: list[str], now: datetime,
            window_id: uuid.UUID | None = None) -> QuerySet[Ticket]:
    """The waiting tickets of these groups in call order: priority tier, then appointments inside
    their booked window, then by when they joined. With ``window_id``, only what that window may
    call (tickets transferred to another window are left out)."""
    query = Ticket.filter(hall_id=hall_id, day=day, status=TicketStatus.WAITING,
                          appointment_group__in=groups)
    if window_id is not None:
        query = query.filter(Q(target_window_id__isnull=True) | Q(target_window_id=window_id))
    # Constants as SQL, not parameters: PostgreSQL would type an untyped parameter as text.
    # RawSQL is a Term Tortoise renders as any other; its stubs list only the common kinds.
    in_window = Case(When(Q(window_starts_at__lte=now, window_ends_at__gte=now),
                          then=RawSQL("0")),  # type: ignore[arg-type]
                     default=RawSQL("1"))  # type: ignore[arg-type]
    return query.annotate(in_window=in_window).order_by("tier", "in_window", "sort_at", "number")


async def _served_groups(hall_id: uuid.UUID) -> set[str]:
    rows = await HallWindow.filter(hall_id=hall_id).values_list("groups", flat=True)
    return {group for groups in rows for group in groups or []}


async def join(*, hall_id: uuid.UUID, group: str, number: int, kind: TicketKind, now: datetime,
               resident_id: uuid.UUID | None = None, appointment: Appointment | None = None,
               priority: PriorityReason | None = None, set_by: str | None = None) -> Ticket:
    """Put a numbered ticket in the queue; call inside the transaction that gave the number."""
    rules = await settings_of(hall_id)
    tier, sort_at = placement(rules, priority, now)
    return await Ticket.create(
        hall_id=hall_id, day=now.astimezone(SHANGHAI).date(), appointment_group=group, number=number,
        label=label_of(rules, group, number), kind=kind, resident_id=resident_id,
        appointment=appointment, application_id=appointment.application_id if appointment else None,
        window_starts_at=appointment.starts_at if appointment else None,
        window_ends_at=appointment.ends_at if appointment else None,
        priority_reason=priority, priority_set_by=set_by if priority else None,
        tier=tier, queued_at=now, sort_at=sort_at)


async def presence_code(*, rt: Runtime, principal: Principal, hall_id: str, days: int) -> tuple[str, datetime]:
    """The hall's posted QR code for walk-in tickets (its hall manager), valid for ``days``."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, StaffRoleName.HALL_MANAGER, hall_id=str(hall.id))
    expires = utcnow() + timedelta(days=days)
    token = qr.sign(rt=rt, claims={"iss": PRESENCE_ISSUER, "sub": str(hall.id),
                                   "exp": int(expires.timestamp())})
    return token, expires


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _ensure_present(rt: Runtime, rules: HallFloorSettings, hall_id: uuid.UUID, presence: Presence) -> None:
    """Refuse a walk-in ticket unless the resident scanned this hall's code or stands within its radius."""
    if presence.hall_code is not None:
        claims = qr.decode(rt=rt, token=presence.hall_code, issuer=PRESENCE_ISSUER, require=["exp", "sub"])
        if claims["sub"] != str(hall_id):
            raise qr.QrRefused("该二维码属于其他大厅", code="QR_WRONG_HALL", status=409)
        if int(claims["exp"]) <= int(utcnow().timestamp()):
            raise qr.QrRefused("二维码已过期", code="QR_EXPIRED", status=410)
        return
    if rules.latitude is None or rules.longitude is None:
        raise Conflict("该大厅未设置位置，请扫描大厅内的取号二维码", code="HALL_LOCATION_UNSET")
    assert presence.latitude is not None and presence.longitude is not None
    distance = _distance_m(rules.latitude, rules.longitude, presence.latitude, presence.longitude)
    if distance > rules.radius_m:
        raise Forbidden("请在大厅内取号", code="WALKIN_NOT_IN_HALL",
                        details={"distance_m": round(distance), "radius_m": rules.radius_m})


async def issue_walkin(*, rt: Runtime, hall_id: str, group: str, resident_id: uuid.UUID | None = None,
                       presence: Presence | None = None, scanner: checkin.Scanner | None = None,
                       priority: PriorityReason | None = None) -> Ticket:
    """A walk-in ticket: by a resident in the hall (``presence``) or at a kiosk or a clerk's desk
    (``scanner``, who may declare a priority reason). Within the group's daily quota."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    rules = await settings_of(hall.id)
    if scanner is not None:
        scanner.ensure_serves(hall.id)
    else:
        assert presence is not None
        _ensure_present(rt, rules, hall.id, presence)
    if group not in await _served_groups(hall.id):
        raise ValidationFailed("本大厅没有办理该事项组的窗口", code="HALL_GROUP_UNKNOWN",
                               details={"appointment_group": group})
    now = utcnow()
    day = now.astimezone(SHANGHAI).date()
    quota = int(rules.walkin_quota.get(group, rules.default_walkin_quota))
    async with in_transaction():
        # The group's counter row stays locked until commit, so the quota count below cannot race.
        number = await checkin.next_in_sequence(hall_id=hall.id, day=day, sequence=group)
        taken = await Ticket.filter(hall_id=hall.id, day=day, appointment_group=group,
                                    kind=TicketKind.WALKIN).count()
        if taken >= quota:
            raise Conflict("今日该事项现场取号已满", code="WALKIN_QUOTA_EXHAUSTED",
                           details={"appointment_group": group, "quota": quota})
        if resident_id is not None and await Ticket.filter(
                hall_id=hall.id, day=day, resident_id=resident_id, appointment_group=group,
                status__in=[TicketStatus.WAITING, TicketStatus.CALLED]).exists():
            raise Conflict("您已有该事项的排队号", code="WALKIN_DUPLICATE")
        ticket = await join(hall_id=hall.id, group=group, number=number, kind=TicketKind.WALKIN, now=now,
                            resident_id=resident_id, priority=priority,
                            set_by=scanner.actor_id if scanner else None)
        await outbox.emit(event_type=EventType.HALL_TICKET_ISSUED, aggregate_id=str(ticket.id),
                          payload=event_payload(ticket))
    await board.publish(rt=rt, hall_id=hall.id)
    return ticket


async def set_priority(*, rt: Runtime, principal: Principal, ticket_id: str,
                       reason: PriorityReason) -> Ticket:
    """A clerk of the hall moves a waiting ticket into the green channel (绿色通道), reason recorded."""
    ticket = await ticket_or_raise(ticket_id)
    scanner = checkin.Scanner(principal=principal)
    scanner.ensure_serves(ticket.hall_id)
    rules = await settings_of(ticket.hall_id)
    tier, sort_at = placement(rules, reason, ticket.queued_at)
    async with in_transaction():
        changed = await Ticket.filter(id=ticket.id, status=TicketStatus.WAITING).update(
            priority_reason=reason, priority_set_by=scanner.actor_id, tier=tier, sort_at=sort_at)
        if not changed:
            raise Conflict("只能为等候中的号票设置优先", code="TICKET_STATE_INVALID",
                           details={"status": ticket.status.value})
        await ticket.refresh_from_db()
        await outbox.emit(event_type=EventType.HALL_TICKET_PRIORITIZED, aggregate_id=str(ticket.id),
                          payload={**event_payload(ticket), "reason": reason.value})
    await board.publish(rt=rt, hall_id=ticket.hall_id)
    return ticket


def event_payload(ticket: Ticket, **extra: object) -> dict[str, object]:
    """What every hall-floor event carries: ids and the number, no personal data."""
    return {"ticket_id": str(ticket.id), "hall_id": str(ticket.hall_id), "label": ticket.label,
            "appointment_group": ticket.appointment_group,
            "resident_id": str(ticket.resident_id) if ticket.resident_id else None,
            "appointment_id": str(ticket.appointment_id) if ticket.appointment_id else None, **extra}


async def service_minutes(*, hall_id: uuid.UUID, group: str, rules: HallFloorSettings) -> float:
    """Mean service time of the group at the hall over the last 14 days, else the hall's estimate."""
    since = utcnow() - timedelta(days=14)
    rows = await Ticket.filter(hall_id=hall_id, appointment_group=group, status=TicketStatus.DONE,
                               served_at__gte=since, serve_started_at__isnull=False
                               ).values_list("serve_started_at", "served_at")
    if not rows:
        return float(rules.service_minutes)
    seconds: float = sum((end - start).total_seconds() for start, end in rows)
    return seconds / len(rows) / 60


async def position(*, ticket: Ticket) -> Position:
    """How many tickets go before this one and about how long it waits (open windows of its group)."""
    if ticket.status is not TicketStatus.WAITING:
        return Position(ticket, None, None)
    now = utcnow()
    order = cast(list[uuid.UUID], await waiting(hall_id=ticket.hall_id, day=ticket.day,
                                                groups=[ticket.appointment_group], now=now
                                                ).values_list("id", flat=True))
    ahead = order.index(ticket.id) if ticket.id in order else len(order)
    rules = await settings_of(ticket.hall_id)
    windows = [w for w in await HallWindow.filter(hall_id=ticket.hall_id, is_open=True)
               if ticket.appointment_group in (w.groups or [])]
    per_ticket = await service_minutes(hall_id=ticket.hall_id, group=ticket.appointment_group, rules=rules)
    return Position(ticket, ahead, math.ceil(ahead * per_ticket / max(1, len(windows))))


async def my_tickets(*, resident_id: uuid.UUID) -> list[Position]:
    """The resident's tickets of today (walk-ins and checked-in appointments) with their positions."""
    day = utcnow().astimezone(SHANGHAI).date()
    tickets = await Ticket.filter(resident_id=resident_id, day=day).order_by("queued_at")
    return [await position(ticket=t) for t in tickets]


async def resident_ticket(*, resident_id: uuid.UUID, ticket_id: str) -> Position:
    """One of the resident's tickets with its position; someone else's is TICKET_NOT_FOUND."""
    parsed = id_or_not_found(ticket_id, code="TICKET_NOT_FOUND", message="号票不存在")
    ticket = await Ticket.get_or_none(id=parsed, resident_id=resident_id)
    if ticket is None:
        raise NotFoundError("号票不存在", code="TICKET_NOT_FOUND")
    return await position(ticket=ticket)


async def hall_queue(*, principal: Principal, hall_id: str) -> list[Ticket]:
    """Today's waiting tickets of a hall in call order, per group (a clerk there or its manager)."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    if not principal.has_role(StaffRoleName.HALL_MANAGER, hall_id=str(hall.id)):
        checkin.Scanner(principal=principal).ensure_serves(hall.id)
    now = utcnow()
    groups = sorted(await _served_groups(hall.id))
    return await waiting(hall_id=hall.id, day=now.astimezone(SHANGHAI).date(), groups=groups, now=now)
