"""法人 and 经办人: companies residents act for, and the authorisations that let them.

A company is registered (or its representative changed) by a Beijing Pass legal-person login; the
legal representative grants agents authorisations limited to catalog codes and a period, and
revokes them. Acting for a company is checked at every write: an agent whose authorisation was
revoked, has expired or does not cover the item is refused with a stable 403 code.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from app.context import Runtime
from app.crypto import mask_id_number, mask_name
from app.errors import Forbidden, NotFoundError, ValidationFailed
from app.ids import utcnow
from app.shapes import parse_id
from bjpass.client import BeijingPassUnavailable, LegalPerson
from models.catalog import ServiceItem
from models.companies import AgentAuthorisation, Company
from models.users import User
from services import ledger, outbox
from services.catalog import bundles
from services.companies.uscc import uscc_problem
from services.events import EventType

MAX_AUTHORISATION_DAYS = 366


class CompanyNotFound(NotFoundError):
    code, message = "COMPANY_NOT_FOUND", "单位不存在或您与该单位无关"


class AuthorisationNotFound(NotFoundError):
    code, message = "AUTHORISATION_NOT_FOUND", "授权不存在"


class RepresentativeOnly(Forbidden):
    code, message = "COMPANY_REPRESENTATIVE_ONLY", "只有法定代表人可以管理经办人授权"


class AuthorisationMissing(Forbidden):
    code, message = "COMPANY_AUTHORISATION_MISSING", "您未获该单位授权，不能以单位名义办理"


class AuthorisationRevoked(Forbidden):
    code, message = "COMPANY_AUTHORISATION_REVOKED", "您的经办人授权已被撤销"


class AuthorisationExpired(Forbidden):
    code, message = "COMPANY_AUTHORISATION_EXPIRED", "您的经办人授权已过期"


class OutsideScope(Forbidden):
    code, message = "COMPANY_AUTHORISATION_SCOPE", "您的经办人授权不包含此事项"


class PeriodInvalid(ValidationFailed):
    code, message = "AUTHORISATION_PERIOD_INVALID", f"授权截止时间须晚于现在且不超过 {MAX_AUTHORISATION_DAYS} 天"


class ScopeUnknown(ValidationFailed):
    code, message = "AUTHORISATION_SCOPE_UNKNOWN", "授权范围含有目录中不存在的事项编码"


class AgentIsRepresentative(ValidationFailed):
    code, message = "AGENT_IS_REPRESENTATIVE", "法定代表人无需授权即可办理"


@dataclass(frozen=True)
class Acting:
    """Someone acting for a company: as its representative, or under one authorisation."""

    company: Company
    authorisation_id: uuid.UUID | None

    def record(self) -> dict[str, str]:
        """What an application keeps of it, for every view to say on whose behalf."""
        return {"company_id": str(self.company.id), "uscc": self.company.uscc, "name": self.company.name,
                "acting_as": "agent" if self.authorisation_id else "legal_representative"}


async def register_from_login(*, user_id: uuid.UUID, company: LegalPerson) -> Company:
    """The company of a legal-person login, registered on first sight; the person who logged in
    becomes its legal representative (Beijing Pass vouches for it)."""
    if uscc_problem(company.uscc):
        raise BeijingPassUnavailable(details={"reason": "legal_person_uscc_invalid"})
    async with in_transaction():
        known = await Company.select_for_update().get_or_none(uscc=company.uscc)
        if known is not None and known.legal_representative_id == user_id and known.name == company.name:
            return known
        if known is None:
            known = await Company.create(uscc=company.uscc, name=company.name, legal_representative_id=user_id)
        else:
            known.name, known.legal_representative_id = company.name, user_id
            await known.save(update_fields=["name", "legal_representative_id", "updated_at"])
        await outbox.emit(event_type=EventType.COMPANY_REGISTERED, aggregate_id=str(known.id),
                          payload={"company_id": str(known.id), "representative_id": str(user_id)})
        await ledger.append(record_type="company_registered", data={
            "company_id": str(known.id), "uscc": known.uscc, "representative_id": str(user_id)})
    return known


async def related_or_raise(*, user: User, company_id: str) -> Company:
    """A company the user represents or holds an authorisation of (even a lapsed one), else 404."""
    parsed = parse_id(company_id)
    company = await Company.get_or_none(id=parsed) if parsed else None
    if company is None or not (company.legal_representative_id == user.id or (
            user.id_number_index and await AgentAuthorisation.exists(
                company_id=company.id, agent_id_number_index=user.id_number_index))):
        raise CompanyNotFound(details={"company_id": str(company_id)})
    return company


async def represented_or_raise(*, user: User, company_id: str) -> Company:
    """A company the user is the legal representative of."""
    company = await related_or_raise(user=user, company_id=company_id)
    if company.legal_representative_id != user.id:
        raise RepresentativeOnly()
    return company


async def mine(*, user: User) -> list[tuple[Company, AgentAuthorisation | None]]:
    """The companies the user represents, and those whose current authorisation they hold."""
    represented = await Company.filter(legal_representative_id=user.id).order_by("name")
    rows: list[tuple[Company, AgentAuthorisation | None]] = [(c, None) for c in represented]
    if user.id_number_index:
        now = utcnow()
        grants = await AgentAuthorisation.filter(
            agent_id_number_index=user.id_number_index, revoked_at=None, valid_until__gt=now,
        ).prefetch_related("company").order_by("-created_at")
        seen = {c.id for c in represented}
        for grant in grants:
            if grant.company_id not in seen:
                seen.add(grant.company_id)
                rows.append((grant.company, grant))
    return rows


async def agents_of(*, user: User, company_id: str) -> tuple[Company, list[AgentAuthorisation]]:
    """A represented company's authorisations, newest first (revoked and expired ones too)."""
    company = await represented_or_raise(user=user, company_id=company_id)
    return company, await AgentAuthorisation.filter(company_id=company.id).order_by("-created_at")


async def _ensure_known_codes(codes: list[str]) -> None:
    known = {str(code) for code in await ServiceItem.filter(code__in=codes).values_list("code", flat=True)}
    known |= await bundles.known_codes(codes=codes)
    unknown = sorted(set(codes) - known)
    if unknown:
        raise ScopeUnknown(details={"codes": unknown})


def _record(grant: AgentAuthorisation, *, action: str, by: str) -> dict[str, Any]:
    return {"company_id": str(grant.company_id), "authorisation_id": str(grant.id), "action": action,
            "scope": sorted(grant.scope), "valid_until": int(grant.valid_until.timestamp()), "by": by}


async def grant(*, rt: Runtime, user: User, company_id: str, agent_name: str, agent_id_number: str,
                scope: list[str], valid_until: datetime) -> AgentAuthorisation:
    """The representative lets a person (named by ID number) act for the company within ``scope``
    until ``valid_until``."""
    company = await represented_or_raise(user=user, company_id=company_id)
    now = utcnow()
    if not now < valid_until <= now + timedelta(days=MAX_AUTHORISATION_DAYS):
        raise PeriodInvalid(details={"valid_until": valid_until.isoformat()})
    index = rt.cipher.blind_index(agent_id_number)
    if index == user.id_number_index:
        raise AgentIsRepresentative()
    codes = sorted(set(scope))
    await _ensure_known_codes(codes)
    async with in_transaction():
        created = await AgentAuthorisation.create(
            company_id=company.id, agent_id_number_index=index, agent_name_enc=rt.cipher.encrypt(agent_name),
            agent_name_masked=mask_name(agent_name), agent_id_number_masked=mask_id_number(agent_id_number),
            scope=codes, valid_until=valid_until, granted_by=str(user.id))
        await outbox.emit(event_type=EventType.COMPANY_AGENT_AUTHORISED, aggregate_id=str(company.id),
                          payload={"company_id": str(company.id), "authorisation_id": str(created.id)})
        await ledger.append(record_type="company_authorisation",
                            data=_record(created, action="granted", by=str(user.id)))
    return created


async def revoke(*, user: User, company_id: str, authorisation_id: str) -> AgentAuthorisation:
    """The representative ends an authorisation at once (revoking twice changes nothing)."""
    company = await represented_or_raise(user=user, company_id=company_id)
    parsed = parse_id(authorisation_id)
    found = await AgentAuthorisation.get_or_none(id=parsed, company_id=company.id) if parsed else None
    if found is None:
        raise AuthorisationNotFound(details={"authorisation_id": str(authorisation_id)})
    if found.revoked_at is not None:
        return found
    async with in_transaction():
        moved = await AgentAuthorisation.filter(id=found.id, revoked_at=None).update(
            revoked_at=utcnow(), revoked_by=str(user.id))
        if moved:
            await outbox.emit(event_type=EventType.COMPANY_AGENT_REVOKED, aggregate_id=str(company.id),
                              payload={"company_id": str(company.id), "authorisation_id": str(found.id)})
            await ledger.append(record_type="company_authorisation",
                                data=_record(found, action="revoked", by=str(user.id)))
    await found.refresh_from_db()
    return found


async def authority(*, user: User, company_id: uuid.UUID | str, code: str) -> Acting:
    """Whether ``user`` may act for the company on catalog code ``code`` now; the stable 403 says
    why not (no authorisation, revoked, expired, outside its scope)."""
    parsed = parse_id(company_id)
    company = await Company.get_or_none(id=parsed) if parsed else None
    if company is None:
        raise CompanyNotFound(details={"company_id": str(company_id)})
    if company.legal_representative_id == user.id:
        return Acting(company, None)
    covering = next((g for g in await live_grants(user=user, company=company) if code in g.scope), None)
    if covering is None:
        raise OutsideScope(details={"code": code})
    return Acting(company, covering.id)


async def live_grants(*, user: User, company: Company) -> list[AgentAuthorisation]:
    """The user's active authorisations of the company, newest first; the stable 403 says why
    there are none (never granted, revoked, expired)."""
    grants = (await AgentAuthorisation.filter(company_id=company.id, agent_id_number_index=user.id_number_index)
              .order_by("-created_at") if user.id_number_index else [])
    if not grants:
        raise AuthorisationMissing()
    now = utcnow()
    live = [g for g in grants if g.revoked_at is None and g.valid_until > now]
    if not live:
        raise AuthorisationRevoked() if all(g.revoked_at for g in grants) else AuthorisationExpired()
    return live


ACTING_ERRORS = [CompanyNotFound, AuthorisationMissing, AuthorisationRevoked, AuthorisationExpired, OutsideScope]
