"""Response shapes of companies and agent authorisations (masked: no agent's ID number in clear)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.ids import utcnow
from app.shapes import LocalDateTime, Schema
from models.companies import AgentAuthorisation, Company


class AuthorisationOut(Schema):
    id: str
    agent_name_masked: str
    agent_id_number_masked: str
    scope: list[str] = Field(description="授权办理的事项或一件事编码")
    valid_until: LocalDateTime
    status: Literal["active", "revoked", "expired"]
    revoked_at: LocalDateTime | None
    created_at: LocalDateTime

    @classmethod
    def of(cls, grant: AgentAuthorisation) -> AuthorisationOut:
        status: Literal["active", "revoked", "expired"] = (
            "revoked" if grant.revoked_at else "expired" if grant.valid_until <= utcnow() else "active")
        return cls(id=str(grant.id), agent_name_masked=grant.agent_name_masked,
                   agent_id_number_masked=grant.agent_id_number_masked, scope=list(grant.scope),
                   valid_until=grant.valid_until, status=status, revoked_at=grant.revoked_at,
                   created_at=grant.created_at)


class CompanyOut(Schema):
    id: str
    uscc: str = Field(description="统一社会信用代码")
    name: str
    role: Literal["legal_representative", "agent"] = Field(description="当前用户与该单位的关系")
    authorisation: AuthorisationOut | None = Field(description="经办人：本人持有的授权；法定代表人为 null")

    @classmethod
    def of(cls, company: Company, grant: AgentAuthorisation | None) -> CompanyOut:
        return cls(id=str(company.id), uscc=company.uscc, name=company.name,
                   role="agent" if grant else "legal_representative",
                   authorisation=AuthorisationOut.of(grant) if grant else None)


class CompanyList(Schema):
    items: list[CompanyOut]


class AuthorisationList(Schema):
    company: CompanyOut
    items: list[AuthorisationOut]


class OnBehalfOf(Schema):
    """Whose application it is when filed for a company (every resident and staff view shows it)."""

    company_id: str
    uscc: str
    name: str
    acting_as: Literal["legal_representative", "agent"] = Field(description="以法定代表人或经办人身份办理")
