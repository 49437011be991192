"""Builders of the bundle tests: the demo catalog (with its two bundles) synced in-process."""

from __future__ import annotations

import copy
from dataclasses import dataclass

import orjson

from models.organization import Hall
from models.staff import StaffRoleName
from services.catalog.generator import DEMO_CATALOG
from tests.builders import LoggedIn, login_staff, make_staff, sync_catalog
from tests.builders.appointments import hall_staff
from tests.builders.prereview import PDF


def demo_document() -> dict:
    """A fresh copy of the demo catalog export, to sync as is or altered."""
    return copy.deepcopy(orjson.loads(DEMO_CATALOG.read_bytes()))


def bundle_of(document: dict, code: str) -> dict:
    return next(b for b in document["bundles"] if b["code"] == code)


def item_of(document: dict, code: str) -> dict:
    return next(i for i in document["items"] if i["code"] == code)


async def sync_demo(rt, document: dict | None = None):
    return await sync_catalog(rt, document or demo_document())


@dataclass
class Desk:
    """Two reviewers (审查 and 决定 are separate duties) per department, and a clerk at the hall."""

    reviewers: dict[str, tuple[LoggedIn, LoggedIn]]
    clerk: LoggedIn
    hall_id: str


async def make_desk(rt, departments: list[str], hall_code: str = "HD-CENTER") -> Desk:
    reviewers = {}
    for code in departments:
        reviewers[code] = (await login_staff(rt, await make_staff(rt, roles=[f"reviewer:{code}"])),
                           await login_staff(rt, await make_staff(rt, roles=[f"reviewer:{code}"])))
    hall = await Hall.get(code=hall_code)
    return Desk(reviewers, await hall_staff(rt, hall=hall, role=StaffRoleName.CLERK), str(hall.id))


async def pass_prereview(client, reviewer: LoggedIn, application_id: str) -> dict:
    for action in ("claim", "pass"):
        response = await client.post(f"/api/v1/review/applications/{application_id}/{action}",
                                     headers=reviewer.headers, json={"reason": "材料齐全"})
        assert response.status_code == 200, response.text
    return response.json()


async def approve(client, reviewer: LoggedIn, application_id: str, *, opinion: str = "approve",
                  comment: str = "同意", outputs: dict | None = None):
    body = {"opinion": opinion, "comment": comment, **({"outputs": outputs} if outputs else {})}
    return await client.post(f"/api/v1/desk/applications/{application_id}/approvals", headers=reviewer.headers,
                             json=body)


async def decide_step(client, desk: Desk, department: str, application_id: str, *, examine: bool = True,
                      outputs: dict | None = None, certificate: bool = True) -> None:
    """Pre-review passed, then 审查 (when the guide has it) and 决定 approved, the result made."""
    examiner, decider = desk.reviewers[department]
    await pass_prereview(client, examiner, application_id)
    if examine:
        response = await approve(client, examiner, application_id)
        assert response.status_code == 200, response.text
    response = await approve(client, decider, application_id, outputs=outputs)
    assert response.status_code == 200, response.text
    if certificate:
        made = await client.post(f"/api/v1/desk/applications/{application_id}/certificate",
                                 headers=decider.headers)
        assert made.status_code == 200, made.text


def material_file(name: str) -> bytes:
    """A PDF whose bytes name the material, so each step's files can be told apart by hash."""
    return PDF.replace(b"0" * 64, name.encode().hex().encode()[:64].ljust(64, b"0"), 1)


async def upload_materials(client, who: LoggedIn, bundle: dict) -> dict:
    """Every material the bundle asks for uploaded once; the bundle application as it then stands."""
    for material in bundle["materials"]:
        response = await client.put(
            f"/api/v1/bundle-applications/{bundle['id']}/materials/{material['index']}",
            params={"filename": f"{material['name']}.pdf"}, content=material_file(material["name"]),
            headers={**who.headers, "content-type": "application/pdf"})
        assert response.status_code == 200, response.text
        bundle = response.json()
    return bundle


async def present(client, who: LoggedIn, bundle_id: str, index: int, certificate_id: str):
    """Present a wallet certificate for one of a bundle application's materials."""
    return await client.put(f"/api/v1/bundle-applications/{bundle_id}/materials/{index}/certificate",
                            headers=who.headers, json={"certificate_id": certificate_id})


async def upload_one(client, who: LoggedIn, bundle_id: str, index: int, content: bytes):
    """Upload one file for one of a bundle application's materials."""
    return await client.put(f"/api/v1/bundle-applications/{bundle_id}/materials/{index}",
                            params={"filename": f"material-{index}.pdf"}, content=content,
                            headers={**who.headers, "content-type": "application/pdf"})


async def ask_correction(client, reviewer: LoggedIn, application_id: str, comments: list[dict],
                         reason: str = "请按意见补正", claim: bool = True) -> None:
    """A reviewer (having claimed the step, unless already) remarks on materials or fields and
    sends it back for correction."""
    path = f"/api/v1/review/applications/{application_id}"
    if claim:
        claimed = await client.post(f"{path}/claim", headers=reviewer.headers, json={})
        assert claimed.status_code == 200, claimed.text
    for comment in comments:
        made = await client.post(f"{path}/comments", headers=reviewer.headers, json=comment)
        assert made.status_code == 201, made.text
    sent_back = await client.post(f"{path}/request-correction", headers=reviewer.headers, json={"reason": reason})
    assert sent_back.status_code == 200, sent_back.text
