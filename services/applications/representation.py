"""代办: filing for someone else is declared, not typed into the form. The resident (the agent)
names the person they act for and how they may (a relation from a closed list); the application
records the declaration (the person's name and ID number encrypted, masked copies to show), binds
its applicant fields to that person instead of the agent, and needs one more material: the signed
authorisation (授权委托书), whose original the window checks."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field

from app.context import Runtime
from app.crypto import mask_id_number, mask_name
from app.errors import ValidationFailed
from app.shapes import Schema
from models.prereview import Application
from models.users import User
from services.catalog.guide import ApplicantAttribute, IdNumber

AUTHORISATION_MATERIAL = {"name": "授权委托书（代办）", "form": "paper_or_electronic", "copies": 1,
                          "original_required": True, "required": True,
                          "description": "被代办人签字的授权委托书；监护关系提供户口簿或监护证明"}


class Relation(StrEnum):
    """How the agent may act for the person."""

    ENTRUSTED = "entrusted"  # 受托人: a signed power of attorney
    FAMILY = "family"  # 近亲属, with the person's signed authorisation
    GUARDIAN = "guardian"  # 监护人 of a minor or a person without full capacity


class RepresentedIn(Schema):
    """The person the resident files for."""

    name: str = Field(min_length=1, max_length=64, description="被代办人姓名")
    id_number: IdNumber = Field(description="被代办人公民身份号码")
    relation: Relation


class RepresentedPersonOut(Schema):
    """The person acted for, as shown to the agent and to staff (masked)."""

    relation: Relation
    name_masked: str
    id_number_masked: str


class RepresentedOut(RepresentedPersonOut):
    """An application's declaration, as shown to the agent and to staff (masked)."""

    authorisation_material_index: int = Field(description="授权委托书在本办件材料中的序号（指南材料之后）")


class SelfRepresentation(ValidationFailed):
    code, message = "REPRESENTED_IS_SELF", "不能代办本人的事项，请直接以本人身份申请"


def declare_person(rt: Runtime, *, agent: User, represented: RepresentedIn) -> dict[str, Any]:
    """The stored person acted for (an application's or a booking's): encrypted identity, masked copies."""
    if agent.id_number_enc and rt.cipher.decrypt(agent.id_number_enc).upper() == represented.id_number:
        raise SelfRepresentation()
    return {"relation": represented.relation.value,
            "name_enc": rt.cipher.encrypt(represented.name.strip()),
            "id_number_enc": rt.cipher.encrypt(represented.id_number),
            "name_masked": mask_name(represented.name.strip()),
            "id_number_masked": mask_id_number(represented.id_number)}


def declare(rt: Runtime, *, agent: User, represented: RepresentedIn,
            guide_materials: list[dict[str, Any]]) -> dict[str, Any]:
    """The stored declaration: encrypted identity, masked copies, the authorisation's slot."""
    return {**declare_person(rt, agent=agent, represented=represented),
            "authorisation_material_index": len(guide_materials)}


def person_out(declared: dict[str, Any] | None) -> RepresentedPersonOut | None:
    """A stored person acted for, masked; None for someone acting for themselves."""
    if not declared:
        return None
    return RepresentedPersonOut(relation=declared["relation"], name_masked=declared["name_masked"],
                                id_number_masked=declared["id_number_masked"])


def material_specs(application: Application) -> list[dict[str, Any]]:
    """The materials this application needs: its guide's, and the authorisation when filed for
    someone else. The guide must be fetched."""
    materials = list(application.guide.materials)
    return materials + [AUTHORISATION_MATERIAL] if application.representation else materials


def identity_of(rt: Runtime, declared: dict[str, Any] | None) -> dict[ApplicantAttribute, str] | None:
    """Who the applicant fields must hold when filed for someone else; None when the resident
    files for themselves."""
    if not declared:
        return None
    return {ApplicantAttribute.NAME: rt.cipher.decrypt(declared["name_enc"]),
            ApplicantAttribute.ID_NUMBER: rt.cipher.decrypt(declared["id_number_enc"])}


def represented_out(application: Application) -> RepresentedOut | None:
    declared = application.representation
    if not declared:
        return None
    return RepresentedOut(relation=declared["relation"], name_masked=declared["name_masked"],
                          id_number_masked=declared["id_number_masked"],
                          authorisation_material_index=declared["authorisation_material_index"])
