"""好差评 to the national scheme (国办发〔2019〕51号, docs/evaluations.md).

A resident rates each service event once (``events``) on five named levels and a channel; a bad
first rating (不满意, 非常不满意) is routed to the responsible department, rectified within 15
working days, the resident called back and asked to rate again once (``rectification``);
``statistics`` publishes the counts, without personal data.
"""

from __future__ import annotations

import hashlib
import uuid
from enum import StrEnum

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.errors import Conflict, NotFoundError
from app.ids import to_local
from app.shapes import parse_id
from models.onewindow import Channel, Evaluation, ServiceEvent
from services import calendar, ledger
from services.evaluations.events import EventFacts, facts_of, happened_for

BAD_SCORE = 2  # 差评: 1 (非常不满意) and 2 (不满意)
RECTIFY_WORKING_DAYS = 15  # 差评整改: within 15 working days (国办发〔2019〕51号)


class Level(StrEnum):
    """The five named levels, score 5 down to 1."""

    VERY_SATISFIED = "very_satisfied"  # 非常满意 5
    SATISFIED = "satisfied"  # 满意 4
    BASICALLY_SATISFIED = "basically_satisfied"  # 基本满意 3
    DISSATISFIED = "dissatisfied"  # 不满意 2
    VERY_DISSATISFIED = "very_dissatisfied"  # 非常不满意 1


LEVEL_OF_SCORE = {5: Level.VERY_SATISFIED, 4: Level.SATISFIED, 3: Level.BASICALLY_SATISFIED,
                  2: Level.DISSATISFIED, 1: Level.VERY_DISSATISFIED}
LEVEL_NAMES = {Level.VERY_SATISFIED: "非常满意", Level.SATISFIED: "满意", Level.BASICALLY_SATISFIED: "基本满意",
               Level.DISSATISFIED: "不满意", Level.VERY_DISSATISFIED: "非常不满意"}


class EvaluationNotFound(NotFoundError):
    code, message = "EVALUATION_NOT_FOUND", "评价不存在"


class EvaluationExists(Conflict):
    code, message = "EVALUATION_EXISTS", "该项服务已评价过"


class NotCalledBack(Conflict):
    code, message = "EVALUATION_NOT_CALLED_BACK", "差评整改回访后才能再次评价"


async def _route_if_bad(evaluation: Evaluation) -> None:
    """A bad first rating is due rectified by its department within 15 working days (ledgered)."""
    if not evaluation.is_bad or evaluation.round != 1:
        return
    evaluation.rectify_by = await calendar.add_working_days(
        start=to_local(evaluation.created_at).date(), days=RECTIFY_WORKING_DAYS, hall_id=evaluation.hall_id)
    await Evaluation.filter(id=evaluation.id).update(rectify_by=evaluation.rectify_by)
    await ledger_step(evaluation, action="routed", actor_id=str(evaluation.resident_id))


async def ledger_step(evaluation: Evaluation, *, action: str, actor_id: str, note: str | None = None) -> None:
    """One step of a bad rating's handling in the ledger: ids (the application's, or the bundle
    application's for a bundle), the due date and a note's hash only."""
    data = {"evaluation_id": str(evaluation.id), "department_id": str(evaluation.department_id),
            "event": evaluation.event.value, "action": action, "actor_id": actor_id,
            "rectify_by": evaluation.rectify_by.isoformat() if evaluation.rectify_by else None,
            "note_sha256": hashlib.sha256(note.encode()).hexdigest() if note else None,
            "application_id": str(evaluation.application_id) if evaluation.application_id else None,
            "bundle_application_id": str(evaluation.subject_id) if evaluation.event is ServiceEvent.BUNDLE else None}
    await ledger.append(record_type="evaluation_step", data={k: v for k, v in data.items() if v is not None})


async def record(*, resident_id: uuid.UUID, facts: EventFacts, score: int, comment: str,
                 channel: Channel | None) -> Evaluation:
    """Record the first rating of an event (a second is refused), routing a bad one."""
    try:
        async with in_transaction():
            evaluation = await Evaluation.create(
                event=facts.event, subject_id=facts.subject_id, application_id=facts.application_id,
                resident_id=resident_id, item_id=facts.item_id, department_id=facts.department_id,
                hall_id=facts.hall_id, channel=channel or facts.channel, score=score, comment=comment,
                is_bad=score <= BAD_SCORE)
            await _route_if_bad(evaluation)
    except IntegrityError as exc:
        raise EvaluationExists(details={"event": facts.event.value, "subject_id": str(facts.subject_id)}) from exc
    return evaluation


async def rate(*, resident_id: uuid.UUID, event: ServiceEvent, subject_id: str, score: int, comment: str,
               channel: Channel | None) -> Evaluation:
    """Rate one of the resident's service events once, after it happened."""
    facts = await facts_of(resident_id=resident_id, event=event, subject_id=subject_id)
    return await record(resident_id=resident_id, facts=facts, score=score, comment=comment, channel=channel)


async def get_mine(*, resident_id: uuid.UUID, evaluation_id: str) -> Evaluation:
    parsed = parse_id(evaluation_id)
    evaluation = await Evaluation.get_or_none(id=parsed, resident_id=resident_id) if parsed else None
    if evaluation is None:
        raise EvaluationNotFound(details={"evaluation_id": evaluation_id})
    return evaluation


async def rerate(*, resident_id: uuid.UUID, evaluation_id: str, score: int, comment: str) -> Evaluation:
    """The resident's second rating of an event whose bad rating was rectified and called back (once)."""
    original = await get_mine(resident_id=resident_id, evaluation_id=evaluation_id)
    if original.round != 1 or original.called_back_at is None:
        raise NotCalledBack(details={"evaluation_id": evaluation_id})
    try:
        async with in_transaction():
            again = await Evaluation.create(
                event=original.event, subject_id=original.subject_id, application_id=original.application_id,
                resident_id=resident_id, item_id=original.item_id, department_id=original.department_id,
                hall_id=original.hall_id, channel=original.channel, round=2, rerating_of_id=original.id,
                score=score, comment=comment, is_bad=score <= BAD_SCORE)
            await ledger_step(original, action="re_rated", actor_id=str(resident_id))
    except IntegrityError as exc:
        raise EvaluationExists(details={"evaluation_id": evaluation_id}) from exc
    return again


async def mine(*, resident_id: uuid.UUID) -> list[Evaluation]:
    """The resident's ratings, newest first."""
    return await Evaluation.filter(resident_id=resident_id).order_by("-created_at")


async def pending(*, resident_id: uuid.UUID) -> tuple[list[EventFacts], list[Evaluation]]:
    """待评价: the events not rated yet, and the bad ratings called back and not rated again."""
    rated = {(str(event), str(subject)) for event, subject in await Evaluation.filter(
        resident_id=resident_id, round=1).values_list("event", "subject_id")}
    unrated = [facts for facts in await happened_for(resident_id)
               if (facts.event.value, str(facts.subject_id)) not in rated]
    rerate_open = await Evaluation.filter(resident_id=resident_id, round=1, called_back_at__not_isnull=True,
                                          rerating=None).order_by("-called_back_at")
    return unrated, rerate_open
