"""The bundle engine: a bundle application's steps (one Application per department's item) are
started when their predecessors are approved, with the fields their department is declared for
passed on; accepted under the bundle's one acceptance when their pre-review passes; stopped, with
the reason, when one before them is refused. Every hand-over of fields is a ledger entry naming
the fields, not their values.

The hooks run inside the transaction of the decision that triggers them.
"""

from __future__ import annotations

import uuid
from typing import Any, cast

import orjson

from app.context import Runtime
from app.envelope import new_data_key, seal, unseal
from app.errors import ValidationFailed
from app.ids import to_local, utcnow
from models.bundles import BundleApplication, BundleState, BundleVersion
from models.catalog import ServiceItem
from models.prereview import Application, ApplicationState, ApplicationTransition
from services import calendar, ledger, outbox
from services.applications import certificates, documents, forms
from services.applications.lifecycle import BUNDLE, Action, transition
from services.applications.prereview import prereview_deadline
from services.bundles import materials as bundle_materials
from services.catalog.bundle_schema import BundleIn
from services.catalog.guide import form_data_problems
from services.events import EventType

S = ApplicationState
APPROVED_STATES = (S.APPROVED, S.CERTIFICATE_MADE, S.ISSUED)
REFUSED_STATES = (S.REJECTED, S.DENIED, S.NOT_ACCEPTED)


def _context(bundle_id: uuid.UUID) -> bytes:
    return f"bundle-form:{bundle_id}".encode()


def seal_form(rt: Runtime, *, bundle_id: uuid.UUID, data_key: str | None, form: dict[str, Any]) -> dict[str, Any]:
    """The columns that store a bundle's shared form, under its data key (made if it has none)."""
    if data_key is None:
        key, data_key = new_data_key(rt.wrapper)
    else:
        key = rt.wrapper.unwrap(data_key)
    return {"form_sealed": seal(key, orjson.dumps(form), context=_context(bundle_id)), "data_key": data_key}


def open_form(rt: Runtime, bundle: BundleApplication) -> dict[str, Any]:
    """The shared form of a bundle application."""
    if bundle.form_sealed is None or bundle.data_key is None:
        return {}
    form: dict[str, Any] = orjson.loads(unseal(rt.wrapper.unwrap(bundle.data_key), bundle.form_sealed,
                                               context=_context(bundle.id)))
    return form


async def definition_of(bundle: BundleApplication) -> BundleIn:
    """The pinned version's definition."""
    version = await BundleVersion.get(id=bundle.bundle_version_id)
    return BundleIn.model_validate(version.definition)


async def steps_of(bundle_id: uuid.UUID) -> dict[str, Application]:
    """The bundle's step applications by step key."""
    return {str(a.bundle_step): a for a in await Application.filter(bundle_application_id=bundle_id)}


async def share_of(spec: BundleIn, step: Application) -> list[str]:
    """The fields the department of ``step`` receives."""
    code = cast(str, await ServiceItem.filter(id=step.item_id).first().values_list("department__code", flat=True))
    return next((s.fields for s in spec.shares if s.department == code), [])


async def field_labels(step: Application) -> dict[str, str]:
    """The shared form's fields a step's department receives, with their labels: those its
    reviewer may ask to correct, since the applicant can change them through the bundle."""
    bundle = await BundleApplication.get(id=step.bundle_application_id)
    spec = await definition_of(bundle)
    share = set(await share_of(spec, step))
    return {f.name: f.label for f in spec.template.fields if f.name in share}


async def share_for(rt: Runtime, *, bundle: BundleApplication, spec: BundleIn, step: Application,
                    steps: dict[str, Application]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A step's form, its department's share of the shared form and of its predecessors' decision
    data, and the hand-overs to ledger (field names, where from)."""
    share = await share_of(spec, step)
    shared = open_form(rt, bundle)
    form = {name: shared[name] for name in share if name in shared}
    sources: list[tuple[Application | None, list[str]]] = [(None, sorted(form))]
    for key in sorted(spec.ancestors(step.bundle_step or "")):
        source = steps[key]
        passed = {name: value for name, value in (source.bundle_outputs or {}).items() if name in share}
        form.update(passed)
        sources.append((source, sorted(passed)))
    return form, [{"bundle_application_id": str(bundle.id), "application_id": str(step.id),
                   "department_id": str(step.department_id),
                   **({"from_application_id": str(source.id)} if source else {}), "fields": names}
                  for source, names in sources if names]


async def start(*, rt: Runtime, bundle: BundleApplication, spec: BundleIn, step: Application,
                steps: dict[str, Application]) -> Application:
    """Start a step: its department's share of the shared form and of its predecessors' decision
    data becomes its form (no re-entry), each hand-over ledgered, and it receives the bundle's
    files its guide declares; it goes to pre-review."""
    form, handovers = await share_for(rt, bundle=bundle, spec=spec, step=step, steps=steps)
    await step.fetch_related("guide")
    now = utcnow()
    deadline = await prereview_deadline(application=step, submitted_on=to_local(now).date(), rt=rt)
    salt = forms.new_commitment_salt()
    await ledger.append_batch(records=[("bundle_handover", record) for record in handovers])
    handed = await bundle_materials.hand_to(bundle=bundle, step=step)
    await step.fetch_related("item")
    return await transition(
        step, action=Action.START, to=S.SUBMITTED, actor_id=str(bundle.resident_id), actor_role=BUNDLE,
        event=EventType.PREREVIEW_SUBMITTED,
        updates={"submitted_at": now, "deadline": deadline.day, "deadline_provisional": deadline.provisional,
                 **forms.sealed_columns(wrapper=rt.wrapper, application_id=step.id, data_key=step.data_key,
                                        form=form, commitment_salt=salt)},
        ledger_record=("application_submitted", {
            "application_id": str(step.id), "item_code": step.item.code,
            "form_commitment": forms.commitment(form=form, salt=salt),
            "materials": [{"material_id": str(m.id), "sha256": m.sha256} for m in handed],
            **({"company_id": str(bundle.company_id)} if bundle.company_id else {})}))


class OutputsInvalid(ValidationFailed):
    code, message = "BUNDLE_OUTPUTS_INVALID", "传递给后续环节的数据不符合该环节的定义"


async def checked_outputs(*, step: Application, outputs: dict[str, Any]) -> dict[str, Any]:
    """The data a step's approval passes on, checked against what the bundle says it produces."""
    bundle = await BundleApplication.get(id=step.bundle_application_id)
    spec = await definition_of(bundle)
    produces = next(s.produces for s in spec.steps if s.key == step.bundle_step)
    template = {"fields": [f.model_dump(mode="json") for f in produces]}
    problems = form_data_problems(template=template, data=outputs)
    unknown = sorted(set(outputs) - {f.name for f in produces})
    if problems or unknown:
        raise OutputsInvalid(details={"problems": problems, "unknown": unknown})
    return outputs


async def step_passed(*, rt: Runtime, issuing: documents.Issuing, step: Application) -> None:
    """A step's pre-review passed: it is accepted at once under the bundle's acceptance (the one
    window received the bundle once), its promised limit starts and its 受理回执 is issued (and
    ledgered) then, as a window's acceptance issues one."""
    # A certificate may have been revoked (or expired) since the bundle was submitted: refused
    # here as at a window's acceptance, and the pass with it (one transaction).
    await certificates.ensure_presented_still_valid(application=step)
    bundle = await BundleApplication.get(id=step.bundle_application_id)
    await step.fetch_related("item")
    spec = await definition_of(bundle)
    index = [s.key for s in spec.steps].index(str(step.bundle_step))
    number = f"{bundle.acceptance_number}-{index + 1}"
    now = utcnow()
    due = await calendar.due_after(start=to_local(now).date(), days=step.item.promised_limit_days,
                                   hall_id=bundle.hall_id)

    async def issue_receipt() -> None:
        await documents.issue_receipt(rt, issuing, application=step, number=number, accepted_at=now, due=due.day)

    await transition(step, action=Action.BUNDLE_ACCEPT, to=S.ACCEPTED, actor_id=f"bundle:{bundle.id}",
                     actor_role=BUNDLE, event=EventType.APPLICATION_ACCEPTED,
                     event_extra={"acceptance_number": bundle.acceptance_number},
                     updates={"accepted_at": now, "due_date": due.day, "due_date_provisional": due.provisional,
                              "acceptance_number": number}, then=issue_receipt)


async def step_decided(*, rt: Runtime, step: Application) -> None:
    """A step was decided: approved, the steps whose predecessors are now all approved start;
    refused, every step after it stops with the reason and the bundle stops."""
    bundle = await BundleApplication.get(id=step.bundle_application_id)
    spec = await definition_of(bundle)
    steps = await steps_of(bundle.id)
    if step.state in REFUSED_STATES:
        await _stop_after(bundle=bundle, spec=spec, steps=steps, refused=step)
        return
    if step.state not in APPROVED_STATES:
        return
    for candidate in spec.steps:
        waiting = steps[candidate.key]
        if (waiting.state is S.DRAFT and candidate.after
                and all(steps[key].state in APPROVED_STATES for key in candidate.after)):
            await start(rt=rt, bundle=bundle, spec=spec, step=waiting, steps=steps)


async def _stop_after(*, bundle: BundleApplication, spec: BundleIn, steps: dict[str, Application],
                      refused: Application) -> None:
    await refused.fetch_related("item")
    decision = await ApplicationTransition.filter(application_id=refused.id).order_by("-created_at").first()
    reason = f"前序环节「{refused.item.name}」未通过：{decision.reason if decision else ''}"
    for candidate in spec.steps:
        if refused.bundle_step in spec.ancestors(candidate.key) and steps[candidate.key].state is S.DRAFT:
            await transition(steps[candidate.key], action=Action.STOP, to=S.WITHDRAWN,
                             actor_id=f"bundle:{bundle.id}", actor_role=BUNDLE, reason=reason)
    # A later refusal of a parallel step keeps the first reason, and the invitation is sent once.
    if await BundleApplication.filter(id=bundle.id, state=BundleState.IN_PROGRESS).update(
            state=BundleState.STOPPED, stop_reason=reason, updated_at=utcnow()):
        await invite_evaluation(bundle)


async def invite_evaluation(bundle: BundleApplication) -> None:
    """Invite the resident who filed the bundle to rate it once as a whole (好差评), not its steps."""
    await bundle.fetch_related("bundle")
    await outbox.emit(event_type=EventType.EVALUATION_BUNDLE_INVITED, aggregate_id=str(bundle.id), payload={
        "bundle_application_id": str(bundle.id), "resident_id": str(bundle.resident_id),
        "bundle_name": bundle.bundle.name, "hall_id": str(bundle.hall_id)})
