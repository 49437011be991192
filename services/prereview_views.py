"""Response shapes of pre-review, built from the models (routes never see model objects)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from app.api import LocalDateTime, Schema
from models.prereview import Application, ApplicationMaterial, ApplicationState, MaterialStatus
from services.prereview import history, materials_of


class MaterialOut(Schema):
    id: str
    material_index: int
    material_name: str
    sha256: str
    size: int
    content_type: str
    original_filename: str
    status: MaterialStatus
    reused_from_id: str | None
    certificate_id: str | None

    @classmethod
    def of(cls, material: ApplicationMaterial) -> MaterialOut:
        return cls(id=str(material.id), material_index=material.material_index,
                   material_name=material.material_name, sha256=material.sha256, size=material.size,
                   content_type=material.content_type, original_filename=material.original_filename,
                   status=material.status,
                   reused_from_id=str(material.reused_from_id) if material.reused_from_id else None,
                   certificate_id=str(material.certificate_id) if material.certificate_id else None)


class CommentOut(Schema):
    id: str
    material_index: int | None
    field_name: str | None
    message: str
    resolved: bool
    created_at: LocalDateTime


class TransitionOut(Schema):
    actor_role: str
    from_state: str
    to_state: str
    reason: str
    at: LocalDateTime


class ApplicationSummary(Schema):
    id: str
    item_id: str
    guide_id: str
    department_id: str
    state: ApplicationState
    version: int
    submitted_at: LocalDateTime | None
    deadline: date | None = Field(description="预审期限")
    deadline_provisional: bool = Field(
        description="期限跨入节假日通知尚未载入的年份，按临时日历计算，通知载入后重算")
    hall_id: str | None = Field(description="收件大厅")
    acceptance_number: str | None
    due_date: date | None = Field(description="承诺办结日期（已加上暂停计时的工作日）")
    due_date_provisional: bool = Field(description="同 deadline_provisional")
    created_at: LocalDateTime

    @classmethod
    def of(cls, application: Application) -> ApplicationSummary:
        return cls(id=str(application.id), item_id=str(application.item_id),
                   guide_id=str(application.guide_id), department_id=str(application.department_id),
                   state=application.state, version=application.version,
                   submitted_at=application.submitted_at, deadline=application.deadline,
                   deadline_provisional=application.deadline_provisional,
                   hall_id=str(application.hall_id) if application.hall_id else None,
                   acceptance_number=application.acceptance_number, due_date=application.due_date,
                   due_date_provisional=application.due_date_provisional,
                   created_at=application.created_at)


class ApplicationOut(ApplicationSummary):
    form_data: dict[str, Any]
    decision_reason: str
    decided_at: LocalDateTime | None
    materials: list[MaterialOut]
    open_comments: list[CommentOut]


class HistoryOut(Schema):
    transitions: list[TransitionOut]
    comments: list[CommentOut]


def _comment(c) -> CommentOut:
    return CommentOut(id=str(c.id), material_index=c.material_index, field_name=c.field_name,
                      message=c.message, resolved=c.resolved, created_at=c.created_at)


async def application_out(application: Application) -> ApplicationOut:
    """An application with its materials and the review comments still to be addressed."""
    _, comments = await history(application)
    return ApplicationOut(
        **dict(ApplicationSummary.of(application)), form_data=application.form_data,
        decision_reason=application.decision_reason, decided_at=application.decided_at,
        materials=[MaterialOut.of(m) for m in await materials_of(application)],
        open_comments=[_comment(c) for c in comments if not c.resolved])


async def history_out(application: Application) -> HistoryOut:
    """Every transition (who by role, from, to, why, when) and every comment."""
    transitions, comments = await history(application)
    return HistoryOut(
        transitions=[TransitionOut(actor_role=t.actor_role, from_state=t.from_state, to_state=t.to_state,
                                   reason=t.reason, at=t.created_at) for t in transitions],
        comments=[_comment(c) for c in comments])
