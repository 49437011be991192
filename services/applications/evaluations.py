"""Service evaluation (好差评), the first API: a completed application's decision rated once, bad
ones followed up by the hall manager. The national scheme (every service event, rectification,
published statistics) is in services/evaluations; a rating here is its decision rating."""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise.expressions import Q
from tortoise.functions import Count, Sum

from app.auth import require_scope, scope_filter
from app.errors import Conflict, ValidationFailed
from app.ids import utcnow
from app.shapes import Schema, parse_id
from app.tokens import Principal
from models.onewindow import Evaluation, ServiceEvent
from models.staff import StaffRoleName
from services.applications.desk import COMPLETED
from services.applications.prereview import get_mine_or_raise
from services.evaluations import EvaluationNotFound, record
from services.evaluations.events import facts_of


class GroupBy(StrEnum):
    HALL = "hall"
    DEPARTMENT = "department"
    ITEM = "item"


class Stat(Schema):
    """Ratings of one hall, department or item."""

    key: str
    count: int
    average: float
    bad: int
    followed_up: int


async def rate(*, resident_id: uuid.UUID, application_id: str, score: int, comment: str) -> Evaluation:
    """Rate a completed application's decision once; a second rating, an unfinished application or
    a bundle's step (the bundle is rated as a whole) is refused."""
    application = await get_mine_or_raise(resident_id=resident_id, application_id=application_id)
    if application.state not in COMPLETED:
        raise Conflict("办件尚未办结，暂不能评价", code="EVALUATION_NOT_ALLOWED",
                       details={"state": application.state.value})
    facts = await facts_of(resident_id=resident_id, event=ServiceEvent.DECISION, subject_id=application_id)
    return await record(resident_id=resident_id, facts=facts, score=score, comment=comment, channel=None)


async def bad_reviews(*, principal: Principal, open_only: bool) -> list[Evaluation]:
    """Bad ratings the caller's hall-manager grants cover, oldest first: the follow-up work list."""
    query = Evaluation.filter(scope_filter(principal, StaffRoleName.HALL_MANAGER), is_bad=True, round=1,
                              application_id__not_isnull=True)
    if open_only:
        query = query.filter(followed_up_at=None)
    return await query.order_by("created_at")


async def follow_up(*, principal: Principal, evaluation_id: str, note: str) -> Evaluation:
    """Record how the hall manager followed up a bad rating (once)."""
    parsed = parse_id(evaluation_id)
    evaluation = await Evaluation.get_or_none(id=parsed, is_bad=True, application_id__not_isnull=True) \
        if parsed else None
    if evaluation is None:
        raise EvaluationNotFound(details={"evaluation_id": evaluation_id})
    require_scope(principal, StaffRoleName.HALL_MANAGER, department_id=str(evaluation.department_id),
                  hall_id=str(evaluation.hall_id))
    if not note.strip():
        raise ValidationFailed("请填写整改回访情况", code="REASON_REQUIRED")
    now = utcnow()
    updated = await Evaluation.filter(id=evaluation.id, followed_up_at=None).update(
        follow_up_note=note, followed_up_by=str(principal.subject_id), followed_up_at=now, updated_at=now)
    if not updated:
        raise Conflict("该差评已回访", code="EVALUATION_ALREADY_FOLLOWED_UP")
    await evaluation.refresh_from_db()
    return evaluation


async def statistics(*, principal: Principal, group_by: GroupBy) -> list[Stat]:
    """Count, average score, bad and followed-up counts per hall, department or item, over what
    the caller's hall-manager and admin grants together cover."""
    column = f"{group_by.value}_id"
    rows = await (Evaluation.filter(scope_filter(principal, StaffRoleName.HALL_MANAGER, StaffRoleName.ADMIN),
                                    round=1)
                  .annotate(n=Count("id"), total=Sum("score"),
                            bad=Count("id", _filter=Q(is_bad=True)),
                            followed=Count("id", _filter=Q(followed_up_at__not_isnull=True)))
                  .group_by(column).values(column, "n", "total", "bad", "followed"))
    # The average from sum and count: Avg is cast back to the integer column type on SQLite.
    return [Stat(key=str(r[column]), count=r["n"], average=round(int(r["total"]) / r["n"], 2),
                 bad=int(r["bad"] or 0), followed_up=r["followed"]) for r in rows if r[column] is not None]
