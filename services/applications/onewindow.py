"""The one window (一窗式): receive, accept, approve in steps, suspend, certificate, issue.

前台综合受理、后台分类审批、统一窗口出件: clerks of the receiving hall receive, accept and issue;
reviewers of the item's department approve, suspend the clock and make the certificate. Each
step is one ``prereview.transition``: guarded update, history row, event and ledger entry in
one transaction. Applications outside the caller's scope answer 404, like unknown ids.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from typing import Any

import orjson
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.errors import Conflict, ValidationFailed
from app.ids import local_today, to_local, utcnow
from app.shapes import parse_id
from app.tokens import Principal
from models.appointments import Appointment, AppointmentStatus
from models.onewindow import Approval, Opinion
from models.prereview import Application, ApplicationState, DeliveryMethod
from services import calendar, catalog, outbox
from services.applications import certificates, documents, forms, representation
from services.applications.desk import CLERK, REVIEWER, get_for_clerk, get_for_reviewer
from services.applications.lifecycle import (
    Action,
    ApplicationChanged,
    IllegalTransition,
    ensure_started,
    require,
    transition,
)
from services.appointments import AppointmentNotFound, checkin
from services.bundles import steps as bundle_steps
from services.catalog.guide import StepName, validate_form_data
from services.companies import reach
from services.events import EventType

ACCEPTANCE_SEQUENCE = "#acceptance"  # the hall's daily counter of acceptance numbers
APPROVAL_STEP_NAMES = (StepName.EXAMINE.value, StepName.DECIDE.value)  # 审查, 决定

class AppointmentNotReceivable(Conflict):
    code, message = "APPOINTMENT_NOT_CHECKED_IN", "该预约尚未签到，不能收件"


def approval_steps(guide_steps: list[dict[str, Any]]) -> list[str]:
    """The approval steps the guide defines (审查, 决定 in its order); at least one decision."""
    names = [s["name"] for s in guide_steps if s.get("name") in APPROVAL_STEP_NAMES]
    return names or [StepName.DECIDE.value]


def _actor(principal: Principal) -> str:
    return str(principal.subject_id)


async def _checked_in_visit(*, principal: Principal, appointment_id: str) -> Appointment:
    parsed = parse_id(appointment_id)
    appointment = await Appointment.filter(id=parsed).select_related("item").first() if parsed else None
    if appointment is None:
        raise AppointmentNotFound()
    require_scope(principal, CLERK, department_id=str(appointment.item.department_id),
                  hall_id=str(appointment.hall_id))
    if appointment.status != AppointmentStatus.CHECKED_IN:
        raise AppointmentNotReceivable(details={"status": appointment.status.value})
    return appointment


def _require_originals(guide_materials: list[dict[str, Any]], checked: list[int]) -> list[int]:
    """The checked material indexes, refusing unknown ones and missing required originals."""
    unknown = sorted(i for i in set(checked) if not 0 <= i < len(guide_materials))
    if unknown:
        raise ValidationFailed("该事项没有这些材料", code="MATERIAL_NOT_IN_GUIDE",
                               details={"material_indexes": unknown})
    missing = [{"material_index": i, "name": m["name"]} for i, m in enumerate(guide_materials)
               if m.get("required", True) and m.get("original_required") and i not in checked]
    if missing:
        raise ValidationFailed("还有原件未核验，不能收件", code="ORIGINALS_NOT_CHECKED",
                               details={"materials": missing})
    return sorted(set(checked))


async def receive(*, rt: Runtime, principal: Principal, appointment_id: str,
                  checked_materials: list[int], form_data: dict[str, Any] | None) -> Application:
    """收件: the resident has checked in; take their pre-reviewed file, or open one at the window."""
    visit = await _checked_in_visit(principal=principal, appointment_id=appointment_id)
    now = utcnow()
    if visit.application_id is not None:
        application = await Application.get(id=visit.application_id)
        await application.fetch_related("guide")
        if application.received_at is not None:
            raise IllegalTransition("该预约已收件", code="APPOINTMENT_ALREADY_RECEIVED")
        if form_data is not None:
            raise ValidationFailed("预审办件的表单已审查，收件时不能更改", code="FORM_DATA_LOCKED")
        checked = _require_originals(representation.material_specs(application), checked_materials)
        await certificates.ensure_presented_still_valid(application=application)
        return await transition(
            application, action=Action.RECEIVE, to=ApplicationState.RECEIVED, actor_id=_actor(principal),
            actor_role=CLERK, updates={"hall_id": visit.hall_id, "received_at": now, "checked_materials": checked})
    # No pre-review: the window opens the application from the visit (guide pinned now).
    item = await catalog.get_item_or_raise(item_id=visit.item_id)
    guide = await catalog.current_guide(item=item)
    validate_form_data(template=guide.data_template, data=form_data or {})
    checked = _require_originals(guide.materials, checked_materials)
    application_id = uuid.uuid4()
    async with in_transaction():
        draft = await Application.create(
            id=application_id, resident_id=visit.resident_id, item=item, guide=guide,
            department_id=item.department_id, state=ApplicationState.DRAFT,
            **forms.sealed_columns(wrapper=rt.wrapper, application_id=application_id, data_key=None,
                                   form=form_data or {}))

        async def link_visit() -> None:
            # One window application per visit: the guarded link refuses a concurrent twin.
            if not await Appointment.filter(id=visit.id, application_id=None).update(
                    application_id=draft.id):
                raise IllegalTransition("该预约已收件", code="APPOINTMENT_ALREADY_RECEIVED")

        return await transition(
            draft, action=Action.RECEIVE, to=ApplicationState.RECEIVED, actor_id=_actor(principal),
            actor_role=CLERK, then=link_visit,
            updates={"hall_id": visit.hall_id, "received_at": now, "checked_materials": checked})


async def accept(*, rt: Runtime, principal: Principal, application_id: str) -> Application:
    """受理: give the acceptance number; the promised time limit starts counting."""
    application = await get_for_clerk(principal=principal, application_id=application_id)
    require(application.state, Action.ACCEPT)
    # A certificate may have been revoked (or expired) since it was checked at reception.
    await certificates.ensure_presented_still_valid(application=application)
    await application.fetch_related("item", "hall")
    now = utcnow()
    day = to_local(now).date()
    due = await promised_due(application=application, accepted_on=day, suspended_days=0)
    numbered: dict[str, str] = {}

    async def number() -> None:
        assert application.hall_id is not None and application.hall is not None  # received at a hall
        serial = await checkin.next_in_sequence(hall_id=application.hall_id, day=day,
                                                sequence=ACCEPTANCE_SEQUENCE)
        numbered["value"] = f"{application.hall.code}-{day:%Y%m%d}-{serial:04d}"
        await Application.filter(id=application.id).update(acceptance_number=numbered["value"])
        await documents.issue_receipt(rt, issuing, application=application, number=numbered["value"],
                                      accepted_at=now, due=due.day)
        await outbox.emit(event_type=EventType.APPLICATION_ACCEPTED, aggregate_id=str(application.id),
                          payload={"application_id": str(application.id),
                                   "resident_id": str(application.resident_id),
                                   "item_id": str(application.item_id),
                                   "acceptance_number": numbered["value"],
                                   "due_date": due.day.isoformat(), **await reach.application_audience(application)})

    async with documents.Issuing(rt) as issuing:
        return await transition(application, action=Action.ACCEPT, to=ApplicationState.ACCEPTED,
                                actor_id=_actor(principal), actor_role=CLERK,
                                updates={"accepted_at": now, "due_date": due.day,
                                         "due_date_provisional": due.provisional}, then=number)


async def promised_due(*, application: Application, accepted_on: date,
                       suspended_days: int) -> calendar.DueDate:
    """The promised date: the item's limit in working days from acceptance, plus suspensions."""
    await application.fetch_related("item")
    return await calendar.due_after(start=accepted_on,
                                    days=application.item.promised_limit_days + suspended_days,
                                    hall_id=application.hall_id)


async def _invite_evaluation(application: Application) -> None:
    """Invite the resident to rate the application; a bundle's step is not (the bundle is rated whole)."""
    if application.bundle_application_id is not None:
        return
    await outbox.emit(event_type=EventType.EVALUATION_INVITED, aggregate_id=str(application.id),
                      payload={"application_id": str(application.id),
                               "resident_id": str(application.resident_id),
                               "item_id": str(application.item_id), **await reach.application_audience(application)})


async def not_accept(*, rt: Runtime, principal: Principal, application_id: str, reason: str,
                     missing_materials: list[int], missing_conditions: list[str]) -> Application:
    """不予受理, with the reason and what is missing, stated in the 不予受理通知书 it issues."""
    application = await get_for_clerk(principal=principal, application_id=application_id)
    if not reason.strip():
        raise ValidationFailed("不予受理须说明理由", code="REASON_REQUIRED")
    require(application.state, Action.NOT_ACCEPT)
    await application.fetch_related("guide")
    specs = representation.material_specs(application)
    unknown = sorted(i for i in set(missing_materials) if not 0 <= i < len(specs))
    if unknown:
        raise ValidationFailed("该事项没有这些材料", code="MATERIAL_NOT_IN_GUIDE",
                               details={"material_indexes": unknown})
    missing = [specs[i]["name"] for i in sorted(set(missing_materials))]
    missing += [c.strip() for c in missing_conditions if c.strip()]
    now = utcnow()

    async def notify() -> None:
        await documents.issue_non_acceptance(rt, issuing, application=application, reason=reason,
                                             missing=missing, at=now)
        await _invite_evaluation(application)

    async with documents.Issuing(rt) as issuing:
        return await transition(application, action=Action.NOT_ACCEPT, to=ApplicationState.NOT_ACCEPTED,
                                actor_id=_actor(principal), actor_role=CLERK, reason=reason,
                                event=EventType.APPLICATION_NOT_ACCEPTED, updates={"completed_at": now},
                                then=notify)


def _decision_sha256(application: Application, decision: str, approvals: list[dict[str, Any]]) -> str:
    """The hash of the decision's canonical content (what the decision notice states)."""
    content = {"application_id": str(application.id), "acceptance_number": application.acceptance_number,
               "decision": decision, "approvals": approvals}
    return hashlib.sha256(orjson.dumps(content, option=orjson.OPT_SORT_KEYS)).hexdigest()


async def approve_step(*, rt: Runtime, principal: Principal, application_id: str, opinion: Opinion,
                       comment: str, legal_basis: str = "", outputs: dict[str, Any] | None = None) -> Application:
    """One approval step (审查, then 决定): a denial ends it, the last approval grants it. The
    decision issues its 决定书; a denial must give its reasons and a legal basis (the guide's
    unless the reviewer names one), which the notice states (行政许可法 art. 38). A bundle's step
    records the data it passes on (``outputs``) with its approval."""
    application = await get_for_reviewer(principal=principal, application_id=application_id)
    ensure_started(application, REVIEWER)
    require(application.state, Action.APPROVE_STEP)
    await application.fetch_related("guide")
    basis = legal_basis.strip() or application.guide.legal_basis.strip()
    if opinion is Opinion.DENY and not comment.strip():
        raise ValidationFailed("不予许可须说明理由", code="REASON_REQUIRED")
    if opinion is Opinion.DENY and not basis:
        raise ValidationFailed("不予许可须写明法律依据（办事指南未载明）", code="LEGAL_BASIS_REQUIRED")
    steps = approval_steps(application.guide.steps)
    step = application.approval_step
    earlier = await Approval.filter(application_id=application.id).order_by("step_index")
    if any(a.reviewer_id == _actor(principal) for a in earlier):
        # 审查 and 决定 are separate duties: the same person may not sign both.
        raise Conflict("同一审批人不能办理本办件的两个审批环节", code="APPROVAL_SAME_REVIEWER")
    decision = None
    if opinion is Opinion.DENY or step + 1 == len(steps):
        decision = "approved" if opinion is Opinion.APPROVE else "denied"
    action, to = {None: (Action.APPROVE_STEP, ApplicationState.APPROVING),
                  "approved": (Action.APPROVE, ApplicationState.APPROVED),
                  "denied": (Action.DENY, ApplicationState.DENIED)}[decision]
    record = None
    if decision is not None:
        signed = [{"step": a.step_name, "reviewer_id": a.reviewer_id, "opinion": a.opinion.value}
                  for a in earlier] + [{"step": steps[step], "reviewer_id": _actor(principal),
                                        "opinion": opinion.value}]
        record = ("approval_decision", {
            "application_id": str(application.id), "decision": decision,
            "decided_by": _actor(principal), "department_id": str(application.department_id),
            "decision_sha256": _decision_sha256(application, decision, signed)})

    async def record_opinion() -> None:
        try:
            await Approval.create(application_id=application.id, step_index=step, step_name=steps[step],
                                  reviewer_id=_actor(principal), opinion=opinion, comment=comment)
        except IntegrityError as exc:
            raise ApplicationChanged() from exc
        if decision is not None:
            await documents.issue_decision(rt, issuing, application=application,
                                           approved=decision == "approved", reason=comment,
                                           legal_basis=basis, decided_at=now)
        if decision == "denied":
            await _invite_evaluation(application)

    now = utcnow()
    updates: dict[str, Any] = {"approval_step": step + 1}
    if decision is not None:
        updates["decided_at"] = now
    if decision == "denied":
        updates["completed_at"] = now
    if decision == "approved" and application.bundle_application_id is not None:
        updates["bundle_outputs"] = await bundle_steps.checked_outputs(step=application, outputs=outputs or {})
    elif outputs:
        raise ValidationFailed("只有一件事环节的准予决定可以填写传递数据", code="BUNDLE_OUTPUTS_INVALID")
    async with documents.Issuing(rt) as issuing, in_transaction():
        decided = await transition(
            application, action=action, to=to, actor_id=_actor(principal), actor_role=REVIEWER,
            reason=comment, event=EventType.APPLICATION_DECIDED if decision else None,
            event_extra={"decision": decision} if decision else None, updates=updates,
            ledger_record=record, then=record_opinion)
        if decision is not None and decided.bundle_application_id is not None:
            await bundle_steps.step_decided(rt=rt, step=decided)
    return decided


async def suspend(*, principal: Principal, application_id: str, reason: str) -> Application:
    """暂停计时: wait for the resident (e.g. a missing document); the promised clock stops."""
    application = await get_for_reviewer(principal=principal, application_id=application_id)
    if not reason.strip():
        raise ValidationFailed("暂停计时须说明理由", code="REASON_REQUIRED")
    return await transition(application, action=Action.SUSPEND, to=ApplicationState.SUSPENDED,
                            actor_id=_actor(principal), actor_role=REVIEWER, reason=reason,
                            event=EventType.APPLICATION_SUSPENDED,
                            updates={"suspended_on": local_today(), "resume_state": application.state.value})


async def resume(*, principal: Principal, application_id: str, reason: str) -> Application:
    """恢复计时: the working days spent suspended are added to the due date."""
    application = await get_for_reviewer(principal=principal, application_id=application_id)
    require(application.state, Action.RESUME)
    # Accepted, then suspended (Action.SUSPEND sets both suspended_on and resume_state).
    assert application.suspended_on and application.accepted_at and application.resume_state
    resumed_on = local_today()
    paused = await calendar.working_days_between(start=application.suspended_on, end=resumed_on,
                                                 hall_id=application.hall_id)
    total = application.suspended_working_days + paused
    due = await promised_due(application=application,
                             accepted_on=to_local(application.accepted_at).date(), suspended_days=total)
    return await transition(application, action=Action.RESUME,
                            to=ApplicationState(application.resume_state),
                            actor_id=_actor(principal), actor_role=REVIEWER,
                            reason=reason, event=EventType.APPLICATION_RESUMED,
                            event_extra={"due_date": due.day.isoformat()},
                            updates={"suspended_on": None, "resume_state": None,
                                     "suspended_working_days": total, "due_date": due.day,
                                     "due_date_provisional": due.provisional})


async def make_certificate(*, rt: Runtime, principal: Principal, application_id: str) -> Application:
    """制证: the result is made; an e-certificate result goes into the resident's wallet."""
    application = await get_for_reviewer(principal=principal, application_id=application_id)
    require(application.state, Action.MAKE_CERTIFICATE)
    await application.fetch_related("guide")
    result = application.guide.result
    issued: dict[str, Any] = {}

    async def issue_certificate() -> None:
        certificate = None
        if result and result.get("e_certificate"):
            certificate = await certificates.issue(rt=rt, application=application, result=result,
                                                   issued_by=_actor(principal))
            issued["record"] = certificate
        await outbox.emit(event_type=EventType.CERTIFICATE_READY, aggregate_id=str(application.id), payload={
            "application_id": str(application.id), "resident_id": str(application.resident_id),
            "item_id": str(application.item_id),
            "certificate_id": str(certificate.id) if certificate else None,
            "certificate_name": result["name"] if result else None,
            "pickup_method": "window", "hall_id": str(application.hall_id), "tracking_number": None,
            **await reach.application_audience(application)})

    try:
        return await transition(application, action=Action.MAKE_CERTIFICATE,
                                to=ApplicationState.CERTIFICATE_MADE,
                                actor_id=_actor(principal), actor_role=REVIEWER,
                                updates={"completed_at": utcnow()}, then=issue_certificate)
    except BaseException:
        if "record" in issued:
            await certificates.discard_document(rt=rt, certificate=issued["record"])
        raise


async def issue(*, principal: Principal, application_id: str, method: DeliveryMethod,
                tracking_number: str | None, appointment_id: str | None) -> Application:
    """出件: handed over at the unified window (optionally on the resident's check-in) or mailed."""
    application = await get_for_clerk(principal=principal, application_id=application_id)
    if method is DeliveryMethod.MAIL and not (tracking_number or "").strip():
        raise ValidationFailed("邮寄送达须填写运单号", code="TRACKING_NUMBER_REQUIRED")
    if method is DeliveryMethod.WINDOW and appointment_id is not None:
        visit = await _checked_in_visit(principal=principal, appointment_id=appointment_id)
        if visit.resident_id != application.resident_id or visit.hall_id != application.hall_id:
            raise Conflict("该签到不是本办件申请人在本大厅的签到", code="PICKUP_VISIT_MISMATCH")
    return await transition(
        application, action=Action.ISSUE, to=ApplicationState.ISSUED, actor_id=_actor(principal),
        actor_role=CLERK, reason=method.value,
        updates={"delivery_method": method, "issued_at": utcnow(),
                 "tracking_number": tracking_number if method is DeliveryMethod.MAIL else None},
        then=lambda: _invite_evaluation(application))


