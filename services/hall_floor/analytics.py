"""Wait and service times of a hall: per window, item group, hour and working day, and the share
of appointments served within their booked window."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from app.auth import require_scope
from app.ids import SHANGHAI
from app.tokens import Principal
from models.hall_floor import HallWindow, Ticket, TicketKind, TicketStatus
from models.staff import StaffRoleName
from services import calendar, catalog
from services.appointments import slots


def in_window(ticket: Ticket) -> bool:
    """Whether an appointment's service started inside its booked window."""
    started = ticket.serve_started_at
    return bool(started and ticket.window_starts_at and ticket.window_ends_at
                and ticket.window_starts_at <= started <= ticket.window_ends_at)


def _percentile(values: list[float], share: float) -> float | None:
    """The nearest-rank percentile (``share`` in 0..1) of ``values``, None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _summary(tickets: list[Ticket]) -> dict[str, Any]:
    waits = [(t.first_called_at - t.queued_at).total_seconds() for t in tickets if t.first_called_at]
    services = [(t.served_at - t.serve_started_at).total_seconds() for t in tickets
                if t.served_at and t.serve_started_at]

    def mean(values: list[float]) -> float | None:
        return round(sum(values) / len(values), 1) if values else None

    return {"tickets": len(tickets), "served": sum(t.status is TicketStatus.DONE for t in tickets),
            "absent": sum(t.status is TicketStatus.ABSENT for t in tickets),
            "wait_mean_s": mean(waits), "wait_p90_s": _percentile(waits, 0.9),
            "service_mean_s": mean(services), "service_p90_s": _percentile(services, 0.9)}


def _by(tickets: Iterable[Ticket], key: Callable[[Ticket], str]) -> list[dict[str, Any]]:
    groups: dict[str, list[Ticket]] = defaultdict(list)
    for ticket in tickets:
        groups[key(ticket)].append(ticket)
    return [{"key": name, **_summary(rows)} for name, rows in sorted(groups.items())]


async def floor_stats(*, principal: Principal, hall_id: str, day_from: date, day_to: date) -> dict[str, Any]:
    """The hall's figures from ``day_from`` to ``day_to`` (its hall manager), days marked by the
    hall's working-day calendar (a Saturday opening or a make-up working day shows as such)."""
    slots.check_day_range(day_from, day_to)
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, StaffRoleName.HALL_MANAGER, hall_id=str(hall.id))
    days = await calendar.working_calendar(start=day_from, end=day_to, hall_id=hall.id)
    tickets = await Ticket.filter(hall_id=hall.id, day__gte=day_from, day__lte=day_to)
    numbers = dict(await HallWindow.filter(hall_id=hall.id).values_list("id", "number"))
    appointments = [t for t in tickets if t.kind is TicketKind.APPOINTMENT and t.serve_started_at]
    within = sum(in_window(t) for t in appointments)
    working_days = sum(days.is_working_day(day_from.fromordinal(n))
                       for n in range(day_from.toordinal(), day_to.toordinal() + 1))
    return {"hall_id": str(hall.id), "day_from": day_from, "day_to": day_to, "working_days": working_days,
            "overall": {"key": "all", **_summary(tickets)},
            "by_window": _by([t for t in tickets if t.window_id], lambda t: numbers.get(t.window_id, "?")),
            "by_group": _by(tickets, lambda t: t.appointment_group),
            "by_hour": _by(tickets, lambda t: f"{t.queued_at.astimezone(SHANGHAI).hour:02d}"),
            "by_day": [{**row, "working_day": days.is_working_day(date.fromisoformat(row["key"]))}
                       for row in _by(tickets, lambda t: t.day.isoformat())],
            "appointments_served": len(appointments), "appointments_in_window": within,
            "appointments_in_window_share": round(within / len(appointments), 3) if appointments else None}
