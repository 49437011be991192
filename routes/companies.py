"""法人 and 经办人: the companies a resident acts for, and the representative's agent authorisations."""

from __future__ import annotations

from pydantic import AwareDatetime, ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import endpoint, respond
from app.auth import resident_required
from app.shapes import Schema
from models.users import User
from services import companies
from services.applications import certificates
from services.applications.shapes import CertificateList, CertificateOut
from services.catalog.guide import IdNumber
from services.companies.shapes import AuthorisationList, AuthorisationOut, CompanyList, CompanyOut
from services.identity import users

bp = Blueprint("companies", url_prefix="/api/v1")
TAG = "法人与经办人"
_REPRESENTATIVE = [companies.CompanyNotFound, companies.RepresentativeOnly]


class GrantIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"agent_name": "王五", "agent_id_number": "110105197811207895", "scope": ["QYKB"],
         "valid_until": "2027-06-30T23:59:59+08:00"},
    ]})

    agent_name: str = Field(min_length=1, max_length=64, description="经办人姓名")
    agent_id_number: IdNumber = Field(description="经办人公民身份号码")
    scope: list[str] = Field(min_length=1, max_length=50, description="授权办理的事项或一件事编码")
    valid_until: AwareDatetime = Field(description="授权截止时间（不超过 366 天）")


async def _user(request: Request) -> User:
    return await users.get_active_or_raise(user_id=request.ctx.principal.subject_id)


@bp.get("/companies")
@endpoint(summary="我可以代表的单位：本人为法定代表人的（北京通法人登录登记），及授权本人为经办人的",
          tag=TAG, response=CompanyList, secured=True)
@resident_required
async def mine(request: Request) -> HTTPResponse:
    rows = await companies.mine(user=await _user(request))
    return respond(CompanyList(items=[CompanyOut.of(company, grant) for company, grant in rows]))


@bp.get("/companies/<company_id>/certificates")
@endpoint(summary="单位证照夹：为单位办件签发的电子证照（法定代表人见全部；经办人见有效授权范围内事项的）",
          tag=TAG, response=CertificateList, secured=True,
          errors=[companies.CompanyNotFound, companies.AuthorisationRevoked,
                  companies.AuthorisationExpired])
@resident_required
async def wallet(request: Request, company_id: str) -> HTTPResponse:
    _, rows = await certificates.company_wallet(user=await _user(request), company_id=company_id)
    return respond(CertificateList(items=[CertificateOut.of(c) for c in rows]))


@bp.get("/companies/<company_id>/agents")
@endpoint(summary="单位的经办人授权（含已撤销、已过期；仅法定代表人）", tag=TAG,
          response=AuthorisationList, secured=True, errors=_REPRESENTATIVE)
@resident_required
async def agents(request: Request, company_id: str) -> HTTPResponse:
    company, grants = await companies.agents_of(user=await _user(request), company_id=company_id)
    return respond(AuthorisationList(company=CompanyOut.of(company, None),
                                     items=[AuthorisationOut.of(g) for g in grants]))


@bp.post("/companies/<company_id>/agents")
@endpoint(summary="授权经办人：限定事项（或一件事）与期限，记入存证账本（仅法定代表人）", tag=TAG,
          body=GrantIn, response=AuthorisationOut, status=201, secured=True,
          errors=[*_REPRESENTATIVE, companies.PeriodInvalid, companies.ScopeUnknown,
                  companies.AgentIsRepresentative])
@resident_required
async def grant(request: Request, company_id: str, body: GrantIn) -> HTTPResponse:
    created = await companies.grant(rt=request.app.ctx.runtime, user=await _user(request),
                                    company_id=company_id, agent_name=body.agent_name.strip(),
                                    agent_id_number=body.agent_id_number, scope=body.scope,
                                    valid_until=body.valid_until)
    return respond(AuthorisationOut.of(created), status=201)


@bp.post("/companies/<company_id>/agents/<authorisation_id>/revoke")
@endpoint(summary="撤销经办人授权（立即生效，记入存证账本；仅法定代表人）", tag=TAG,
          response=AuthorisationOut, secured=True, errors=[*_REPRESENTATIVE, companies.AuthorisationNotFound])
@resident_required
async def revoke(request: Request, company_id: str, authorisation_id: str) -> HTTPResponse:
    revoked = await companies.revoke(user=await _user(request), company_id=company_id,
                                     authorisation_id=authorisation_id)
    return respond(AuthorisationOut.of(revoked))
