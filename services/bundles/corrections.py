"""A department's correction request to a bundle's step (一件事补正), answered through the bundle:
the bundle application shows what the step's reviewer asked for; the named materials are
re-uploaded (or answered by a certificate) at the bundle and the named fields of the shared form
fixed, and go to that step alone, which is then resubmitted; the other steps keep their state
and what they received."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from app.errors import Conflict, NotFoundError
from models.bundles import BundleApplication
from models.catalog import GuideVersion
from models.prereview import (
    Application,
    ApplicationMaterial,
    ApplicationState,
    ApplicationTransition,
    MaterialStatus,
    ReviewComment,
)
from services.bundles import steps as bundle_steps


class StepNotFound(NotFoundError):
    code, message = "BUNDLE_STEP_NOT_FOUND", "该一件事没有这个环节"


class CorrectionNotRequested(Conflict):
    code, message = "BUNDLE_CORRECTION_NOT_REQUESTED", "没有部门要求补正这一环节、材料或字段"


@dataclass
class Request:
    """One step's open correction request: the reviewer's reason, and the comments naming a
    material (by name, its place in the step's guide) or a field of the shared form."""

    step: Application
    reason: str
    requested_at: datetime
    comments: list[ReviewComment] = field(default_factory=list)
    materials: dict[int, str] = field(default_factory=dict)  # the step guide's index -> name
    fields: set[str] = field(default_factory=set)


async def open_requests(bundle_id: Any) -> dict[str, Request]:
    """The steps awaiting correction, by step key, with what their reviewers asked for."""
    waiting = {k: s for k, s in (await bundle_steps.steps_of(bundle_id)).items()
               if s.state is ApplicationState.NEEDS_CORRECTION}
    if not waiting:
        return {}
    ids = [s.id for s in waiting.values()]
    asked = {t.application_id: t for t in await ApplicationTransition.filter(
        application_id__in=ids, to_state=ApplicationState.NEEDS_CORRECTION.value).order_by("created_at")}
    guides = {g.id: g for g in await GuideVersion.filter(id__in=[s.guide_id for s in waiting.values()])}
    requests = {key: Request(step, asked[step.id].reason, asked[step.id].created_at) for key, step in waiting.items()}
    by_id = {r.step.id: r for r in requests.values()}
    for comment in await ReviewComment.filter(application_id__in=ids, resolved=False).order_by("created_at"):
        request = by_id[comment.application_id]
        request.comments.append(comment)
        if comment.material_index is not None:
            request.materials[comment.material_index] = guides[request.step.guide_id].materials[
                comment.material_index]["name"]
        if comment.field_name is not None:
            request.fields.add(comment.field_name)
    return requests


def asked_for_material(requests: dict[str, Request], name: str) -> list[tuple[Application, int]]:
    """The steps whose correction request names this material, each with its guide's place;
    none is refused (while the bundle is under way, only what a department asked for changes)."""
    named = [(r.step, index) for r in requests.values() for index, material in r.materials.items() if material == name]
    if not named:
        raise CorrectionNotRequested(details={"material_name": name})
    return named


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """The names of the form fields whose values differ between the two (added or removed ones too)."""
    return {name for name in {*before, *after} if before.get(name) != after.get(name)}


def ensure_fields_asked_for(requests: dict[str, Request], *, before: dict[str, Any], after: dict[str, Any]) -> None:
    """Every field of the shared form that changes is one a correction request names."""
    asked = {name for r in requests.values() for name in r.fields}
    changed = changed_fields(before, after)
    if changed - asked:
        raise CorrectionNotRequested(details={"fields": sorted(changed - asked)})


async def step_to_resubmit(bundle: BundleApplication, step_key: str) -> tuple[Application, dict[str, Application]]:
    """The step to resubmit, with all the bundle's steps: it must exist (404) and await correction
    (409), and every material its reviewer named must have been replaced (422 MATERIALS_MISSING,
    by the bundle's material)."""
    steps = await bundle_steps.steps_of(bundle.id)
    step = steps.get(step_key)
    if step is None:
        raise StepNotFound(details={"step": step_key})
    if step.state is not ApplicationState.NEEDS_CORRECTION:
        raise CorrectionNotRequested(details={"step": step_key, "state": step.state.value})
    return step, steps


async def still_flagged(step: Application) -> list[str]:
    """The names of the step's materials its reviewer flagged that were not replaced yet."""
    return cast(list[str], await ApplicationMaterial.filter(
        application_id=step.id, status=MaterialStatus.NEEDS_CORRECTION,
    ).order_by("material_index").values_list("material_name", flat=True))
