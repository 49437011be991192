"""Who may read a bundle application (its parties, and for a company's those the company's reach
allows) and who may change it (a party; for a company, the person who filed it while still
authorised), the parties' confirmations, and the applicant's fields bound to their identity."""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.expressions import Q

from app.context import Runtime
from app.errors import Conflict, Forbidden, NotFoundError
from app.shapes import parse_id
from models.bundles import BundleApplication
from models.users import User
from services import companies
from services.applications import applicant
from services.catalog.bundle_schema import BundleIn
from services.companies import reach
from services.identity import users


class BundleApplicationNotFound(NotFoundError):
    code, message = "BUNDLE_APPLICATION_NOT_FOUND", "一件事办件不存在"


class PartiesUnconfirmed(Conflict):
    code, message = "BUNDLE_PARTIES_UNCONFIRMED", "还有当事人未以本人实名身份确认当前版本的申请，不能提交"


class NotAParty(Forbidden):
    code, message = "BUNDLE_NOT_A_PARTY", "您不是该一件事办件的当事人"


def party_of(rt: Runtime, bundle: BundleApplication, user: User) -> dict[str, Any] | None:
    """The user's party entry: by account once they confirmed, else by their verified ID number."""
    index = user.id_number_index
    return next((p for p in bundle.parties if p["user_id"] == str(user.id)
                 or (index and p["id_number_index"] == index)), None)


async def visible(user: User) -> Q:
    """The bundle applications the user may read now: personal ones they filed or are named in as
    a party, and a company's they may see (services/companies/reach.py: its representative, an
    agent while authorised for the bundle's code)."""
    named = Q(party_indexes__contains=f"|{user.id_number_index}|") if user.id_number_index else Q(pk__in=[])
    personal = Q(Q(resident_id=user.id) | named, company_id__isnull=True)
    return personal | reach.bundle_applications_filter(await reach.reach_of(user=user))


async def get_visible(*, resident_id: uuid.UUID, bundle_application_id: str) -> BundleApplication:
    """A bundle application the caller may read; others answer 404."""
    user = await users.get_active_or_raise(user_id=resident_id)
    parsed = parse_id(bundle_application_id)
    found = await BundleApplication.filter(await visible(user), id=parsed).first() if parsed else None
    if found is None:
        raise BundleApplicationNotFound(details={"bundle_application_id": str(bundle_application_id)})
    return found


async def to_change(*, resident_id: uuid.UUID, bundle_application_id: str) -> BundleApplication:
    """A bundle application the caller may read, or filed: a former agent is then told why they
    may no longer change it (``act_for``), not that it does not exist."""
    user = await users.get_active_or_raise(user_id=resident_id)
    parsed = parse_id(bundle_application_id)
    found = (await BundleApplication.filter(await visible(user) | Q(resident_id=user.id), id=parsed).first()
             if parsed else None)
    if found is None:
        raise BundleApplicationNotFound(details={"bundle_application_id": str(bundle_application_id)})
    return found


async def acting(*, rt: Runtime, resident_id: uuid.UUID,
                 bundle: BundleApplication) -> tuple[User, companies.Acting | None]:
    """The caller as a party who may change the application, and for a company's the authority
    they act under (a company agent's is checked again, so a revoked one stops at once)."""
    user = await users.get_active_or_raise(user_id=resident_id)
    if party_of(rt, bundle, user) is None and bundle.resident_id != user.id:
        raise NotAParty()
    if bundle.company_id is not None and bundle.resident_id == user.id:
        await bundle.fetch_related("bundle")
        return user, await companies.authority(user=user, company_id=bundle.company_id, code=bundle.bundle.code)
    return user, None


async def act_for(*, rt: Runtime, resident_id: uuid.UUID, bundle: BundleApplication) -> User:
    """The caller as a party who may change the application (see ``acting``)."""
    user, _ = await acting(rt=rt, resident_id=resident_id, bundle=bundle)
    return user


def confirmed_by(rt: Runtime, bundle: BundleApplication, user: User) -> list[dict[str, Any]]:
    """The parties, every other one confirmed on the current version (else 409); the caller's
    submission is their own confirmation of it."""
    unconfirmed = [p["role"] for p in bundle.parties
                   if p["user_id"] != str(user.id) and p["confirmed_version"] != bundle.form_version]
    if unconfirmed:
        raise PartiesUnconfirmed(details={"roles": unconfirmed})
    parties: list[dict[str, Any]] = [dict(p) for p in bundle.parties]
    own = party_of(rt, bundle, user)
    if own is not None:
        parties[bundle.parties.index(own)]["confirmed_version"] = bundle.form_version
    return parties


async def _known(party: dict[str, Any], caller: User | None) -> User | None:
    """The party's account once known: they filed or confirmed it, or they are the caller."""
    if party["user_id"] is not None:
        return await User.get_or_none(id=party["user_id"])
    if caller is not None and caller.id_number_index == party["id_number_index"]:
        return caller
    return None


async def bind_identities(rt: Runtime, *, spec: BundleIn, parties: list[dict[str, Any]], form: dict[str, Any],
                          caller: User | None = None) -> dict[str, Any]:
    """The shared form with each party's own fields (申请人本人信息: those the template marks
    ``applicant`` are the first party's — for a company's bundle, the person filing it —, and
    each party's ``identity``) bound, as an application's are, to that party's verified identity
    once known: filled when empty, a different value refused (APPLICANT_MISMATCH). A party only
    named by another is known from their own first save or confirmation on."""
    bound = form
    for role, fields in spec.identity_fields().items():
        party = next(p for p in parties if p["role"] == role)
        user = await _known(party, caller) if fields else None
        if user is not None:
            bound = applicant.bind_fields(fields=fields, form_data=bound,
                                          identity=applicant.verified_identity(rt.cipher, user))
    return bound
