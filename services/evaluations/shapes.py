"""Response shapes of 好差评: a rating with its rectification, what is left to rate, the public statistics."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from app.ids import to_local, utcnow
from app.shapes import LocalDateTime, Schema
from models.onewindow import Channel, Evaluation, ServiceEvent
from services.applications.shapes import EvaluationOut
from services.evaluations import LEVEL_NAMES, LEVEL_OF_SCORE, Level
from services.evaluations.events import EventFacts


class RatingOut(EvaluationOut):
    """A rating of one service event, with its rectification and call back when it was bad."""

    application_id: str | None = Field(  # type: ignore[assignment]  # widened: an event may have none
        description="所评服务涉及的办件；未办件的预约到场服务、一件事为 null")
    event: ServiceEvent
    subject_id: str = Field(description="所评的对象：办件（decision、pickup）、预约（appointment）"
                                        "或一件事申请（bundle）")
    channel: Channel
    level: Level
    level_name: str
    round: int = Field(description="1 首次评价；2 整改回访后的再次评价")
    rerating_of: str | None
    rerating_id: str | None = Field(description="再次评价的 id（已再次评价时）")
    rectify_by: date | None = Field(description="整改期限（差评后 15 个工作日）")
    overdue: bool = Field(description="未整改且已过整改期限")
    rectification_note: str
    rectified_at: LocalDateTime | None
    callback_note: str
    callback_satisfied: bool | None
    called_back_at: LocalDateTime | None

    @classmethod
    def of_rating(cls, evaluation: Evaluation, *, rerating_id: str | None = None) -> RatingOut:
        legacy = EvaluationOut.of(evaluation).model_dump()
        level = LEVEL_OF_SCORE[evaluation.score]
        overdue = (evaluation.rectify_by is not None and evaluation.rectified_at is None
                   and evaluation.rectify_by < to_local(utcnow()).date())
        return cls(**{**legacy, "application_id": str(evaluation.application_id) if evaluation.application_id
                      else None},
                   event=evaluation.event, subject_id=str(evaluation.subject_id), channel=evaluation.channel,
                   level=level, level_name=LEVEL_NAMES[level], round=evaluation.round,
                   rerating_of=str(evaluation.rerating_of_id) if evaluation.rerating_of_id else None,
                   rerating_id=rerating_id, rectify_by=evaluation.rectify_by, overdue=overdue,
                   rectification_note=evaluation.rectification_note, rectified_at=evaluation.rectified_at,
                   callback_note=evaluation.callback_note, callback_satisfied=evaluation.callback_satisfied,
                   called_back_at=evaluation.called_back_at)


class RatingList(Schema):
    items: list[RatingOut]


class PendingEvent(Schema):
    """A service event the resident can still rate."""

    event: ServiceEvent
    subject_id: str
    application_id: str | None
    item_id: str
    department_id: str
    hall_id: str | None
    channel: Channel = Field(description="评价时不指定渠道则记为此渠道")
    happened_at: LocalDateTime | None
    bundle_code: str | None = Field(description="一件事（event 为 bundle）的编码；其他为 null")
    bundle_name: str | None = Field(description="一件事的名称，如 企业开办；其他为 null")

    @classmethod
    def of(cls, facts: EventFacts) -> PendingEvent:
        return cls(event=facts.event, subject_id=str(facts.subject_id),
                   application_id=str(facts.application_id) if facts.application_id else None,
                   item_id=str(facts.item_id), department_id=str(facts.department_id),
                   hall_id=str(facts.hall_id) if facts.hall_id else None, channel=facts.channel,
                   happened_at=facts.happened_at, bundle_code=facts.bundle_code, bundle_name=facts.bundle_name)


class PendingOut(Schema):
    """待评价: events not rated yet, and bad ratings called back that can be rated again."""

    events: list[PendingEvent]
    reratings: list[RatingOut] = Field(description="已整改回访、可再次评价的差评（POST …/re-rating）")


class LevelCounts(Schema):
    very_satisfied: int = Field(description="非常满意")
    satisfied: int = Field(description="满意")
    basically_satisfied: int = Field(description="基本满意")
    dissatisfied: int = Field(description="不满意")
    very_dissatisfied: int = Field(description="非常不满意")


class PublicStat(Schema):
    """One department's, hall's, item's or channel's first ratings in the period: counts only."""

    key: str
    name: str
    total: int
    levels: LevelCounts
    satisfaction_rate: float = Field(description="满意率：（非常满意+满意+基本满意）/ 总数，百分比，两位小数")
    bad: int = Field(description="差评数（不满意、非常不满意）")
    rectified_on_time: int = Field(description="按期整改（15 个工作日内）")
    rectified_late: int = Field(description="逾期后整改")
    overdue: int = Field(description="未整改且已逾期")
    re_rated: int = Field(description="整改回访后再次评价的差评数")
