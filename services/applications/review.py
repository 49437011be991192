"""Online pre-review for department reviewers: queue, claim, comments, correction, decisions.

A reviewer sees only applications their ``reviewer`` grants cover (``scope_filter``): a grant's
department, and its hall if it names one, which a pre-review not yet received has not, so a
hall-scoped grant sees none. Any other application answers 404 APPLICATION_NOT_FOUND, exactly
like an unknown id.
"""

from __future__ import annotations

import uuid

from tortoise.functions import Count
from tortoise.transactions import in_transaction

from app.auth import scope_filter
from app.context import Runtime
from app.errors import ValidationFailed
from app.ids import local_today, utcnow
from app.shapes import parse_id
from app.tokens import Principal
from models.prereview import Application, ApplicationMaterial, ApplicationState, MaterialStatus, ReviewComment
from models.staff import StaffRoleName
from services import calendar
from services.applications import documents, representation
from services.applications.lifecycle import Action, IllegalTransition, transition
from services.applications.prereview import load_or_raise
from services.bundles import steps as bundle_steps
from services.events import EventType

QUEUE_STATES = (ApplicationState.SUBMITTED, ApplicationState.IN_REVIEW)


async def get_or_raise(*, principal: Principal, application_id: str) -> Application:
    """A submitted-at-least-once application a reviewer grant covers, else APPLICATION_NOT_FOUND."""
    return await load_or_raise(scope_filter(principal, StaffRoleName.REVIEWER), application_id=application_id,
                               state__not=ApplicationState.DRAFT)


async def queue(*, principal: Principal, state: ApplicationState | None, item_id: str | None,
                limit: int, offset: int) -> tuple[list[Application], dict[str, int]]:
    """The departments' submitted and in-review applications, oldest deadline first, and counts."""
    scope = Application.filter(scope_filter(principal, StaffRoleName.REVIEWER), state__in=QUEUE_STATES)
    if item_id:
        scope = scope.filter(item_id=parse_id(item_id) or uuid.UUID(int=0))
    rows = await scope.annotate(n=Count("id")).group_by("state").values("state", "n")
    counts = {s.value: 0 for s in QUEUE_STATES} | {str(r["state"]): r["n"] for r in rows}
    listed = scope.filter(state=state) if state else scope
    page = await listed.order_by("deadline", "submitted_at").offset(offset).limit(limit)
    return page, counts


async def deadlines(*, principal: Principal, overdue: bool, due_soon_days: int) -> list[Application]:
    """Undecided applications past their deadline, or due within the next few working days."""
    today = local_today()
    scope = Application.filter(scope_filter(principal, StaffRoleName.REVIEWER), state__in=QUEUE_STATES)
    if overdue:
        return await scope.filter(deadline__lt=today).order_by("deadline")
    horizon = await calendar.add_working_days(start=today, days=due_soon_days)
    return await scope.filter(deadline__gte=today, deadline__lte=horizon).order_by("deadline")


async def claim(*, principal: Principal, application_id: str) -> Application:
    """Take a submitted application into review."""
    application = await get_or_raise(principal=principal, application_id=application_id)
    return await transition(application, action=Action.CLAIM, to=ApplicationState.IN_REVIEW,
                            actor_id=str(principal.subject_id), actor_role=StaffRoleName.REVIEWER,
                            updates={"claimed_by": str(principal.subject_id)})


async def comment(*, principal: Principal, application_id: str, message: str,
                  material_index: int | None, field_name: str | None) -> ReviewComment:
    """Remark on one material or one form field of an application in review."""
    application = await get_or_raise(principal=principal, application_id=application_id)
    if application.state != ApplicationState.IN_REVIEW:
        raise IllegalTransition("只能对审查中的办件提出意见", details={"state": application.state.value})
    if (material_index is None) == (field_name is None):
        raise ValidationFailed("意见须针对一项材料或一个表单字段", code="COMMENT_TARGET_INVALID")
    await application.fetch_related("guide")
    if material_index is not None and not 0 <= material_index < len(representation.material_specs(application)):
        raise ValidationFailed("该事项没有这项材料", code="MATERIAL_NOT_IN_GUIDE")
    if field_name is not None and field_name not in await _correctable_fields(application):
        raise ValidationFailed("该事项没有这个表单字段", code="FIELD_NOT_IN_TEMPLATE")
    return await ReviewComment.create(application_id=application.id, reviewer_id=str(principal.subject_id),
                                      material_index=material_index, field_name=field_name,
                                      message=message)


async def _correctable_fields(application: Application) -> dict[str, str]:
    """The form fields a reviewer may remark on, with their labels: the guide's data template's;
    for a bundle's step, the shared form's fields its department receives (what the applicant
    can correct through the bundle)."""
    if application.bundle_application_id is not None:
        return await bundle_steps.field_labels(application)
    await application.fetch_related("guide")
    return {f["name"]: f["label"] for f in application.guide.data_template.get("fields", [])}


async def request_correction(*, rt: Runtime, principal: Principal, application_id: str,
                             reason: str) -> Application:
    """Send the application back; commented materials must be replaced before resubmitting. Every
    open comment goes, at once, into the 补正材料告知书 it issues (行政许可法 art. 32)."""
    application = await get_or_raise(principal=principal, application_id=application_id)
    open_comments = await ReviewComment.filter(application_id=application.id, resolved=False).order_by("created_at")
    if not open_comments:
        raise ValidationFailed("请先针对材料或字段提出意见", code="CORRECTION_WITHOUT_COMMENTS")
    flagged = {c.material_index for c in open_comments if c.material_index is not None}
    await application.fetch_related("guide")
    specs = representation.material_specs(application)
    labels = await _correctable_fields(application)
    named = [specs[c.material_index]["name"] if c.material_index is not None
             else labels.get(str(c.field_name), str(c.field_name)) for c in open_comments]
    corrections = [f"{name}：{c.message}" for name, c in zip(named, open_comments, strict=True)]
    if reason.strip():
        corrections.append(reason.strip())

    async def flag_materials() -> None:
        await ApplicationMaterial.filter(application_id=application.id,
                                         material_index__in=flagged).update(
            status=MaterialStatus.NEEDS_CORRECTION)
        await documents.issue_correction(rt, issuing, application=application, corrections=corrections,
                                         at=utcnow())

    async with documents.Issuing(rt) as issuing:
        return await transition(application, action=Action.REQUEST_CORRECTION,
                                to=ApplicationState.NEEDS_CORRECTION,
                                actor_id=str(principal.subject_id), actor_role=StaffRoleName.REVIEWER,
                                reason=reason,
                                event=EventType.PREREVIEW_CORRECTION_NEEDED, then=flag_materials)


async def decide(*, rt: Runtime, principal: Principal, application_id: str, passed: bool,
                 reason: str) -> Application:
    """Pass or reject an application in review (a rejection needs a reason)."""
    application = await get_or_raise(principal=principal, application_id=application_id)
    if not passed and not reason.strip():
        raise ValidationFailed("驳回须说明理由", code="REJECTION_REASON_REQUIRED")
    to = ApplicationState.PASSED if passed else ApplicationState.REJECTED
    # A bundle's step passed is accepted at once, its receipt issued in this transaction.
    async with documents.Issuing(rt) as issuing, in_transaction():
        decided = await transition(application, action=Action.PASS if passed else Action.REJECT, to=to,
                                   actor_id=str(principal.subject_id), actor_role=StaffRoleName.REVIEWER,
                                   reason=reason,
                                   event=EventType.PREREVIEW_PASSED if passed else EventType.PREREVIEW_REJECTED,
                                   updates={"decided_at": utcnow(), "decision_reason": reason})
        if decided.bundle_application_id is not None:
            # A bundle's step goes on (accepted under the bundle) or stops the steps after it.
            if passed:
                await bundle_steps.step_passed(rt=rt, issuing=issuing, step=decided)
            else:
                await bundle_steps.step_decided(rt=rt, step=decided)
    await decided.refresh_from_db()
    return decided

