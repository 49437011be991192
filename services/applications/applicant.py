"""申请人本人信息: the fields of a form that the item's data template binds to the applicant
(name, ID number, phone) hold the resident's verified identity. They are filled from it when left
empty and a different value is refused, at every save and again at submit (the identity may have
changed in between). Filing for someone else is not done by typing their name here."""

from __future__ import annotations

from typing import Any

from app.crypto import DataCipher
from app.errors import ValidationFailed
from models.users import User
from services.catalog.guide import ApplicantAttribute, DataTemplate


class ApplicantMismatch(ValidationFailed):
    code, message = "APPLICANT_MISMATCH", "申请人本人信息须与实名身份一致，不能填写他人信息"


def verified_identity(cipher: DataCipher, user: User) -> dict[ApplicantAttribute, str]:
    """What the service has verified of the user: the real-name identity and the bound phone."""
    stored = {ApplicantAttribute.NAME: user.real_name_enc,
              ApplicantAttribute.ID_NUMBER: user.id_number_enc,
              ApplicantAttribute.PHONE: user.phone_enc}
    return {attribute: cipher.decrypt(value) for attribute, value in stored.items() if value}


def _same(attribute: ApplicantAttribute, given: Any, verified: str) -> bool:
    if not isinstance(given, str):
        return False
    if attribute is ApplicantAttribute.ID_NUMBER:
        return given.strip().upper() == verified.upper()
    return given.strip() == verified


def bind(*, template: dict[str, Any], form_data: dict[str, Any],
         identity: dict[ApplicantAttribute, str]) -> dict[str, Any]:
    """The form with its applicant fields filled from the identity; refuses one that differs.
    An attribute with nothing verified (no phone bound) leaves its field to the resident."""
    return bind_fields(fields=DataTemplate.model_validate(template).applicant_fields(), form_data=form_data,
                       identity=identity)


def bind_fields(*, fields: dict[ApplicantAttribute, str], form_data: dict[str, Any],
                identity: dict[ApplicantAttribute, str]) -> dict[str, Any]:
    """``bind`` for the fields named (the form field holding each attribute of one person)."""
    bound = dict(form_data)
    mismatched = []
    for attribute, name in fields.items():
        verified = identity.get(attribute)
        if verified is None:
            continue
        given = form_data.get(name)
        if given is None or given == "":
            bound[name] = verified
        elif not _same(attribute, given, verified):
            mismatched.append({"field": name, "applicant": attribute.value})
    if mismatched:
        # The verified values are not echoed: the details name the fields only.
        raise ApplicantMismatch(details={"fields": mismatched})
    return bound
