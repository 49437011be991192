"""Whose desk an application is on, and what a desk shows.

Clerks see what their halls received (and passed pre-reviews booked there, to receive), reviewers
and hall managers their departments' and halls' from acceptance on; any other answers 404 like an
unknown id. The desk's queue, the promised limit's 红/黄/绿牌 and the sweep announcing what is
overdue live here too.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from app.auth import scope_filter
from app.context import Runtime
from app.ids import local_today, utcnow
from app.shapes import parse_id
from app.tokens import Principal
from models.onewindow import Approval
from models.prereview import Application, ApplicationState
from services import calendar, outbox
from services.applications.prereview import ApplicationNotFound, load_or_raise
from services.companies import reach
from services.events import EventType

CLERK, REVIEWER, HALL_MANAGER = "clerk", "reviewer", "hall_manager"
DeadlineFlag = Literal["red", "yellow", "green"]
"""红/黄/绿牌 of the promised limit: overdue, due soon, on time."""
# States in which the promised time limit runs (a suspension stops it).
CLOCK_RUNNING = (ApplicationState.ACCEPTED, ApplicationState.APPROVING, ApplicationState.APPROVED)
COMPLETED = (ApplicationState.ISSUED, ApplicationState.DENIED, ApplicationState.NOT_ACCEPTED)
CLERK_STATES = (ApplicationState.PASSED, ApplicationState.RECEIVED, ApplicationState.ACCEPTED,
                ApplicationState.APPROVING, ApplicationState.SUSPENDED, ApplicationState.APPROVED,
                ApplicationState.DENIED, ApplicationState.CERTIFICATE_MADE, ApplicationState.ISSUED,
                ApplicationState.NOT_ACCEPTED)
REVIEWER_STATES = CLERK_STATES[2:]  # accepted onwards: the back office's part


def _clerk_scope(principal: Principal) -> Q:
    """Received where a clerk grant covers it, or a passed pre-review booked there (to receive)."""
    booked_here = Q(state=ApplicationState.PASSED) & scope_filter(
        principal, CLERK, hall_field="appointments__hall_id")
    return Q(state__in=CLERK_STATES) & (scope_filter(principal, CLERK) | booked_here)


async def get_for_clerk(*, principal: Principal, application_id: Any) -> Application:
    """An application on the clerk's desk; any other answers 404 like an unknown id."""
    parsed = parse_id(application_id)
    application = (await Application.filter(_clerk_scope(principal), id=parsed).distinct().first()
                   if parsed else None)
    if application is None:
        raise ApplicationNotFound(details={"application_id": str(application_id)})
    return application


async def get_for_reviewer(*, principal: Principal, application_id: Any) -> Application:
    """An accepted application that one of the caller's reviewer grants covers (or a bundle's step
    still waiting for its predecessors, which ``ensure_started`` then refuses with its reason)."""
    waiting = Q(state=ApplicationState.DRAFT, bundle_application_id__isnull=False)
    return await load_or_raise(scope_filter(principal, REVIEWER), Q(state__in=REVIEWER_STATES) | waiting,
                               application_id=application_id)


async def get_for_staff(*, principal: Principal, application_id: Any) -> Application:
    """An application on the caller's desk, as clerk, reviewer or hall manager; else 404."""
    found = await _desk_scope(principal).filter(id=parse_id(application_id) or uuid.UUID(int=0)
                                                ).first()
    if found is None:
        raise ApplicationNotFound(details={"application_id": str(application_id)})
    return found


def deadline_flag(application: Application, *, on: date, yellow_days_horizon: date) -> DeadlineFlag | None:
    """红/黄/绿牌 for an application under the promised limit: red overdue, yellow due soon."""
    if application.state not in CLOCK_RUNNING or application.due_date is None:
        return None
    if application.due_date < on:
        return "red"
    return "yellow" if application.due_date <= yellow_days_horizon else "green"


async def desk_queue(*, principal: Principal, state: ApplicationState | None, limit: int,
                     offset: int) -> list[Application]:
    """The caller's desk: clerks see their halls' applications, reviewers their departments'."""
    query = _desk_scope(principal)
    if state is not None:
        query = query.filter(state=state)
    return await query.order_by("due_date", "received_at").offset(offset).limit(limit)


def _desk_scope(principal: Principal) -> QuerySet[Application]:
    """What the caller's clerk, reviewer and hall-manager grants cover, each grant by its
    department and hall (reviewers and managers from acceptance on); one query for all roles."""
    after_acceptance = Q(state__in=REVIEWER_STATES)
    return Application.filter(Q(_clerk_scope(principal),
                                after_acceptance & scope_filter(principal, REVIEWER),
                                after_acceptance & scope_filter(principal, HALL_MANAGER),
                                join_type="OR")).distinct()


async def deadlines(*, rt: Runtime, principal: Principal,
                    flag: DeadlineFlag | None) -> list[tuple[Application, DeadlineFlag]]:
    """Applications under the promised limit with their flag, overdue first (managers' board)."""
    on = local_today()
    horizon = await calendar.add_working_days(start=on, days=rt.settings.workflow_due_soon_days)
    rows = await _desk_scope(principal).filter(state__in=CLOCK_RUNNING).order_by("due_date")
    flagged = [(a, deadline_flag(a, on=on, yellow_days_horizon=horizon)) for a in rows]
    return [(a, f) for a, f in flagged if f is not None and (flag is None or f == flag)]


async def approvals_of(application: Application) -> list[Approval]:
    """The application's approval steps so far, in order."""
    return await Approval.filter(application_id=application.id).order_by("step_index")



async def sweep_overdue() -> int:
    """Announce, once per deadline, pre-reviews and accepted applications past it (idempotent; a
    resubmission or the acceptance starts a new deadline, see ``lifecycle.DEADLINE_STARTS``).

    Events for department managers' dashboards, and a message to the resident."""
    on = local_today()
    overdue = [(Q(state__in=(ApplicationState.SUBMITTED, ApplicationState.IN_REVIEW), deadline__lt=on),
                EventType.PREREVIEW_OVERDUE, "deadline"),
               (Q(state__in=CLOCK_RUNNING, due_date__lt=on), EventType.APPLICATION_OVERDUE, "due_date")]
    announced = 0
    for condition, event_type, deadline_field in overdue:
        for application in await Application.filter(condition, overdue_notified_at=None):
            async with in_transaction():
                claimed = await Application.filter(id=application.id, overdue_notified_at=None).update(
                    overdue_notified_at=utcnow())
                if claimed:
                    await outbox.emit(event_type=event_type, aggregate_id=str(application.id), payload={
                        "application_id": str(application.id), "item_id": str(application.item_id),
                        "resident_id": str(application.resident_id),
                        "department_id": str(application.department_id),
                        "hall_id": str(application.hall_id) if application.hall_id else None,
                        "deadline": getattr(application, deadline_field).isoformat(),
                        **await reach.application_audience(application)})
                    announced += 1
    return announced
