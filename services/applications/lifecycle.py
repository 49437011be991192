"""An application's lifecycle: one table of every allowed move (state × action → state, and who
may make it), and ``transition()``, the only way an application changes state.

docs/prereview.md and docs/onewindow.md show this table as ``render_table()`` renders it
(tests/applications/test_lifecycle_table.py keeps them equal).
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from tortoise.transactions import in_transaction

from app.errors import Conflict
from app.ids import utcnow
from models.catalog import GuideVersion, ServiceItem
from models.payments import OrderState, PaymentOrder
from models.prereview import Application, ApplicationState, ApplicationTransition
from services import ledger, outbox
from services.catalog.guide import StepName
from services.companies import reach
from services.events import EventType
from services.payments import refunds

S = ApplicationState


class IllegalTransition(Conflict):
    code, message = "APPLICATION_STATE_INVALID", "办件当前状态不允许此操作"


class ApplicationChanged(Conflict):
    code, message = "APPLICATION_CHANGED", "办件已被他人处理，请刷新后重试"


class FeeUnpaid(Conflict):
    code, message = "FEE_UNPAID", "费用尚未缴纳，办件不能进入下一环节"


class BundleStepNotStarted(Conflict):
    code, message = "BUNDLE_STEP_NOT_STARTED", "一件事的该环节尚未开始：须待前序环节作出准予决定"


class Action(StrEnum):
    SUBMIT = "submit"  # 提交 (or resubmit after correction)
    WITHDRAW = "withdraw"  # 撤回
    CLAIM = "claim"  # 领取审查
    REQUEST_CORRECTION = "request_correction"  # 退回补正
    PASS = "pass"  # 预审通过
    REJECT = "reject"  # 预审不通过
    RECEIVE = "receive"  # 收件
    ACCEPT = "accept"  # 受理
    NOT_ACCEPT = "not_accept"  # 不予受理
    APPROVE_STEP = "approve_step"  # 审查 (an approval step before the last)
    APPROVE = "approve"  # 决定: 准予许可
    DENY = "deny"  # 决定: 不予许可
    SUSPEND = "suspend"  # 暂停计时
    RESUME = "resume"  # 恢复计时 (back to where it was suspended)
    MAKE_CERTIFICATE = "make_certificate"  # 制证
    ISSUE = "issue"  # 出件/送达
    # 一件事 (services/bundles): a step starts when its predecessors are approved, is accepted
    # under the bundle's one acceptance when its pre-review passes, and stops when one before it
    # is refused or the bundle is withdrawn.
    START = "start"
    BUNDLE_ACCEPT = "bundle_accept"
    STOP = "stop"


RESIDENT, REVIEWER, CLERK, BUNDLE = "resident", "reviewer", "clerk", "bundle"


@dataclass(frozen=True)
class Rule:
    """One allowed move: from any of ``sources``, by ``role``, to one of ``targets``."""

    action: Action
    sources: tuple[ApplicationState, ...]
    targets: tuple[ApplicationState, ...]
    role: str


RULES: tuple[Rule, ...] = (
    Rule(Action.SUBMIT, (S.DRAFT, S.NEEDS_CORRECTION), (S.SUBMITTED,), RESIDENT),
    Rule(Action.WITHDRAW, (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.NEEDS_CORRECTION), (S.WITHDRAWN,),
         RESIDENT),
    Rule(Action.CLAIM, (S.SUBMITTED,), (S.IN_REVIEW,), REVIEWER),
    Rule(Action.REQUEST_CORRECTION, (S.IN_REVIEW,), (S.NEEDS_CORRECTION,), REVIEWER),
    Rule(Action.PASS, (S.IN_REVIEW,), (S.PASSED,), REVIEWER),
    Rule(Action.REJECT, (S.IN_REVIEW,), (S.REJECTED,), REVIEWER),
    # A pre-reviewed application, or one the window opens (as a draft) from a checked-in visit.
    Rule(Action.RECEIVE, (S.PASSED, S.DRAFT), (S.RECEIVED,), CLERK),
    Rule(Action.ACCEPT, (S.RECEIVED,), (S.ACCEPTED,), CLERK),
    Rule(Action.NOT_ACCEPT, (S.RECEIVED,), (S.NOT_ACCEPTED,), CLERK),
    Rule(Action.APPROVE_STEP, (S.ACCEPTED, S.APPROVING), (S.APPROVING,), REVIEWER),
    Rule(Action.APPROVE, (S.ACCEPTED, S.APPROVING), (S.APPROVED,), REVIEWER),
    Rule(Action.DENY, (S.ACCEPTED, S.APPROVING), (S.DENIED,), REVIEWER),
    Rule(Action.SUSPEND, (S.ACCEPTED, S.APPROVING), (S.SUSPENDED,), REVIEWER),
    Rule(Action.RESUME, (S.SUSPENDED,), (S.ACCEPTED, S.APPROVING), REVIEWER),
    Rule(Action.MAKE_CERTIFICATE, (S.APPROVED,), (S.CERTIFICATE_MADE,), REVIEWER),
    Rule(Action.ISSUE, (S.CERTIFICATE_MADE,), (S.ISSUED,), CLERK),
    Rule(Action.START, (S.DRAFT,), (S.SUBMITTED,), BUNDLE),
    Rule(Action.BUNDLE_ACCEPT, (S.PASSED,), (S.ACCEPTED,), BUNDLE),
    Rule(Action.STOP, (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.NEEDS_CORRECTION), (S.WITHDRAWN,), BUNDLE),
)
_BY_ACTION = {rule.action: rule for rule in RULES}
# The move that takes an application past each guide step.
STEP_ACTIONS = {StepName.PRE_REVIEW.value: Action.PASS, StepName.ACCEPT.value: Action.ACCEPT,
                StepName.EXAMINE.value: Action.APPROVE_STEP, StepName.DECIDE.value: Action.APPROVE,
                StepName.DELIVER.value: Action.MAKE_CERTIFICATE}
FEE_GATES = frozenset({*STEP_ACTIONS.values(), Action.ISSUE})
# The moves that start a deadline (pre-review's on each submission, the promised limit on
# acceptance): its overdue notice is still to go out (services/applications/desk.py).
DEADLINE_STARTS = frozenset({Action.SUBMIT, Action.START, Action.ACCEPT, Action.BUNDLE_ACCEPT})
# A bundle's step is accepted by the bundle, not at the window: its fee is due where 受理's is.
FEE_POINT_OF = {Action.BUNDLE_ACCEPT: Action.ACCEPT}
# Ends without a grant: what was paid is refunded (services/payments/refunds.py).
REFUNDING_STATES = frozenset({S.WITHDRAWN, S.REJECTED, S.NOT_ACCEPTED, S.DENIED})


def fee_gate(steps: list[dict[str, Any]]) -> Action:
    """The move an unpaid fee blocks: the first step after the guide's 收费 step (issuing the
    result when none follows); 受理 when the guide lists no 收费 step."""
    names = [str(step.get("name")) for step in steps]
    if StepName.CHARGE.value not in names:
        return Action.ACCEPT
    after = names[names.index(StepName.CHARGE.value) + 1:]
    return next((STEP_ACTIONS[name] for name in after if name in STEP_ACTIONS), Action.ISSUE)


async def require_fee_paid(application: Application, action: Action) -> None:
    """Refuse the move the item's fee belongs to while the fee is unpaid (FEE_UNPAID)."""
    point = FEE_POINT_OF.get(action, action)
    if point not in FEE_GATES:
        return
    item = await ServiceItem.get(id=application.item_id)
    if item.fee_fen <= 0:
        return
    guide = await GuideVersion.get(id=application.guide_id)
    if fee_gate(guide.steps) is not point:
        return
    if not await PaymentOrder.exists(application_id=application.id, state=OrderState.PAID):
        raise FeeUnpaid(details={"fee_fen": item.fee_fen, "action": point.value})


def ensure_started(application: Application, role: str) -> None:
    """A bundle's step waiting for its predecessors is moved by the bundle alone."""
    if application.bundle_application_id and application.state is S.DRAFT and role != BUNDLE:
        raise BundleStepNotStarted(details={"step": application.bundle_step})


def require(state: ApplicationState, action: Action) -> Rule:
    """The rule for ``action``, or IllegalTransition when ``state`` does not allow it."""
    rule = _BY_ACTION.get(action)
    if rule is None or state not in rule.sources:
        raise IllegalTransition(details={"state": state.value, "action": action.value})
    return rule


async def transition(application: Application, *, action: Action, to: ApplicationState,
                     actor_id: str, actor_role: str, reason: str = "",
                     event: EventType | None = None, event_extra: dict[str, Any] | None = None,
                     updates: dict[str, Any] | None = None,
                     ledger_record: tuple[str, dict[str, Any]] | None = None,
                     then: Callable[[], Awaitable[None]] | None = None) -> Application:
    """Move an application by ``action`` in one transaction: guarded update, history row, event,
    ledger entry. Refused unless the table allows the move from its state, to ``to``, by
    ``actor_role``, and while the fee the move belongs to is unpaid (``require_fee_paid``); an
    end without a grant records the refund of what was paid, in the same transaction.

    The update matches the version that was read, so of two concurrent decisions one gets 409.
    ``then`` runs inside the transaction after the state change (e.g. resolving comments).
    """
    ensure_started(application, actor_role)
    rule = require(application.state, action)
    if to not in rule.targets or actor_role != rule.role:
        raise IllegalTransition(details={"state": application.state.value, "action": action.value,
                                         "to": to.value})
    await require_fee_paid(application, action)
    changes = {"state": to, "version": application.version + 1, "updated_at": utcnow(),
               **({"overdue_notified_at": None} if action in DEADLINE_STARTS else {}), **(updates or {})}
    async with in_transaction():
        moved = await Application.filter(id=application.id, version=application.version).update(**changes)
        if not moved:
            raise ApplicationChanged()
        await ApplicationTransition.create(application_id=application.id, actor_id=actor_id,
                                           actor_role=actor_role, from_state=application.state.value,
                                           to_state=to.value, reason=reason)
        if then is not None:
            await then()
        if to in REFUNDING_STATES:
            await refunds.on_application_ended(application_id=application.id, reason=reason, actor_id=actor_id)
        if event is not None:
            await outbox.emit(event_type=event, aggregate_id=str(application.id), payload={
                "application_id": str(application.id), "resident_id": str(application.resident_id),
                "item_id": str(application.item_id), "state": to.value, "reason": reason,
                **(event_extra or {}), **await reach.application_audience(application)})
        record_type, data = ledger_record or ("application_transition", {
            "application_id": str(application.id), "from_state": application.state.value,
            "to_state": to.value, "actor_id": actor_id, "actor_role": actor_role,
            **({"reason_sha256": hashlib.sha256(reason.encode()).hexdigest()} if reason else {})})
        await ledger.append(record_type=record_type, data=data)
    await application.refresh_from_db()
    return application


PREREVIEW_STATES = frozenset({S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.NEEDS_CORRECTION, S.PASSED,
                              S.REJECTED, S.WITHDRAWN})
ONE_WINDOW_STATES = frozenset(set(S) - PREREVIEW_STATES)
# Which doc shows which part of the table, between the markers.
DOCS = {"docs/prereview.md": PREREVIEW_STATES, "docs/onewindow.md": ONE_WINDOW_STATES}
BEGIN, END = "<!-- lifecycle table: begin (make docs) -->", "<!-- lifecycle table: end -->"


def render_table(states: frozenset[ApplicationState]) -> str:
    """The rules that touch ``states`` as a Markdown table, for the docs."""
    lines = ["| action | from | to | by |", "|---|---|---|---|"]
    for rule in RULES:
        if states & {*rule.sources, *rule.targets}:
            lines.append(f"| `{rule.action.value}` | {', '.join(f'`{s.value}`' for s in rule.sources)} "
                         f"| {', '.join(f'`{s.value}`' for s in rule.targets)} | {rule.role} |")
    return "\n".join(lines)


def with_table(document: str, states: frozenset[ApplicationState]) -> str:
    """``document`` with the block between the markers replaced by the rendered table."""
    head, _, rest = document.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{render_table(states)}\n{END}{tail}"


if __name__ == "__main__":
    from pathlib import Path

    for name, shown in DOCS.items():
        path = Path(name)
        path.write_text(with_table(path.read_text(), shown))
