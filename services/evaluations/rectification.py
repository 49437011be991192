"""差评整改: the department's work on a bad first rating — rectify within 15 working days, then call
the resident back and record the result; the resident may then rate again (``rerate``).

Reviewers and admins of the rating's department, and the manager of its hall, see and act on it;
anyone else gets 404, as for an unknown id. Every step is one guarded update and its ledger entry.
"""

from __future__ import annotations

from enum import StrEnum

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from app.auth import scope_filter
from app.errors import Conflict
from app.ids import to_local, utcnow
from app.shapes import parse_id
from app.tokens import Principal
from models.bundles import BundleApplication
from models.onewindow import Evaluation, ServiceEvent
from models.staff import StaffRoleName
from services import outbox
from services.evaluations import EvaluationNotFound, ledger_step
from services.events import EventType

HANDLERS = (StaffRoleName.REVIEWER, StaffRoleName.ADMIN, StaffRoleName.HALL_MANAGER)


class RectificationState(StrEnum):
    OPEN = "open"  # not rectified yet (overdue ones included)
    OVERDUE = "overdue"  # not rectified and past its 15 working days
    RECTIFIED = "rectified"  # rectified, the call back not yet made
    CALLED_BACK = "called_back"
    ALL = "all"


class AlreadyRectified(Conflict):
    code, message = "EVALUATION_ALREADY_RECTIFIED", "该差评已整改"


class NotRectified(Conflict):
    code, message = "EVALUATION_NOT_RECTIFIED", "差评整改完成后才能回访"


class AlreadyCalledBack(Conflict):
    code, message = "EVALUATION_ALREADY_CALLED_BACK", "该差评已回访"


async def _bundle_named(evaluation: Evaluation) -> dict[str, str]:
    """A bundle's rating is told by the bundle's name (企业开办), not its lead step's item."""
    if evaluation.event is not ServiceEvent.BUNDLE:
        return {}
    name = await BundleApplication.filter(id=evaluation.subject_id).first().values_list("bundle__name", flat=True)
    return {"item_name": str(name)} if name else {}


def _routed(principal: Principal) -> Q:
    return scope_filter(principal, *HANDLERS) & Q(rectify_by__not_isnull=True)


async def worklist(*, principal: Principal, state: RectificationState) -> list[Evaluation]:
    """The bad ratings routed to the caller's departments and halls, the soonest due first."""
    query = Evaluation.filter(_routed(principal))
    today = to_local(utcnow()).date()
    if state is RectificationState.OPEN:
        query = query.filter(rectified_at=None)
    elif state is RectificationState.OVERDUE:
        query = query.filter(rectified_at=None, rectify_by__lt=today)
    elif state is RectificationState.RECTIFIED:
        query = query.filter(rectified_at__not_isnull=True, called_back_at=None)
    elif state is RectificationState.CALLED_BACK:
        query = query.filter(called_back_at__not_isnull=True)
    return await query.order_by("rectify_by", "created_at")


async def _routed_or_raise(principal: Principal, evaluation_id: str) -> Evaluation:
    parsed = parse_id(evaluation_id)
    evaluation = await Evaluation.filter(_routed(principal), id=parsed).first() if parsed else None
    if evaluation is None:
        raise EvaluationNotFound(details={"evaluation_id": evaluation_id})
    return evaluation


async def rectify(*, principal: Principal, evaluation_id: str, note: str) -> Evaluation:
    """Record what the department changed (once); the resident is told (push)."""
    evaluation = await _routed_or_raise(principal, evaluation_id)
    now, actor = utcnow(), str(principal.subject_id)
    async with in_transaction():
        if not await Evaluation.filter(id=evaluation.id, rectified_at=None).update(
                rectification_note=note, rectified_by=actor, rectified_at=now, updated_at=now):
            raise AlreadyRectified(details={"evaluation_id": evaluation_id})
        await ledger_step(evaluation, action="rectified", actor_id=actor, note=note)
        await outbox.emit(event_type=EventType.EVALUATION_RECTIFIED, aggregate_id=str(evaluation.id), payload={
            "evaluation_id": str(evaluation.id), "resident_id": str(evaluation.resident_id),
            "item_id": str(evaluation.item_id), **await _bundle_named(evaluation)})
    await evaluation.refresh_from_db()
    return evaluation


async def call_back(*, principal: Principal, evaluation_id: str, note: str, satisfied: bool) -> Evaluation:
    """Record the call back (回访) after the rectification (once): the resident may now rate again."""
    evaluation = await _routed_or_raise(principal, evaluation_id)
    if evaluation.rectified_at is None:
        raise NotRectified(details={"evaluation_id": evaluation_id})
    now, actor = utcnow(), str(principal.subject_id)
    async with in_transaction():
        if not await Evaluation.filter(id=evaluation.id, called_back_at=None).update(
                callback_note=note, callback_satisfied=satisfied, called_back_by=actor, called_back_at=now,
                updated_at=now):
            raise AlreadyCalledBack(details={"evaluation_id": evaluation_id})
        await ledger_step(evaluation, action="called_back", actor_id=actor, note=note)
    await evaluation.refresh_from_db()
    return evaluation
