"""决定公开 — the public register of approvals (行政许可法 art. 40), newest first, cached.

It lists the approval decision notices issued (``issued_documents``): item, deciding department,
decision number and date, and the holder only when the application was filed for a company. A
natural person appears as 自然人, and a holder search matches companies only, so a person's name
finds nothing. An approval whose certificate was revoked is shown as revoked.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from pydantic import Field, model_validator
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from app.cache import CachedDocument
from app.context import Runtime
from app.errors import ValidationFailed
from app.ids import SHANGHAI, to_local
from app.shapes import Page, Schema, decode_cursor, encode_cursor, parse_id
from models.catalog import ServiceItem
from models.companies import Company
from models.documents import DocumentKind, IssuedDocument
from models.onewindow import CertificateStatus, ECertificate
from models.organization import Department
from models.prereview import Application
from services.companies.uscc import uscc_problem
from services.register.shapes import (
    NATURAL_PERSON,
    DepartmentBrief,
    HolderOut,
    ItemBrief,
    RegisteredDecision,
)

# How long a register page is served from the catalog cache: a decision or a revocation shows
# within this (plus the memory tier's half minute); the register changes with every decision, so
# it is not invalidated with the catalog but keyed by the period it was read in.
REGISTER_CACHE_SECONDS = 60


class RegisterFilter(Schema):
    """The register's search: every filter given must match."""

    item: str | None = Field(None, min_length=1, max_length=64,
                             description="事项编码（完全一致）或事项名称片段")
    department_id: uuid.UUID | None = None
    number: str | None = Field(None, min_length=1, max_length=64, description="决定书文号或其片段")
    decided_from: date | None = Field(None, description="决定日期起（含，北京时间）")
    decided_to: date | None = Field(None, description="决定日期止（含，北京时间）")
    holder: str | None = Field(None, min_length=1, max_length=128,
                               description="企业名称片段或统一社会信用代码（只查企业，不查自然人）")
    limit: int = Field(20, ge=1, le=100)
    cursor: str | None = Field(None, max_length=200)

    @model_validator(mode="after")
    def _range_in_order(self) -> RegisterFilter:
        if self.decided_from and self.decided_to and self.decided_from > self.decided_to:
            raise ValueError("decided_from 晚于 decided_to")
        return self


def _day_start(day: date) -> datetime:
    """The Beijing day's first instant, in UTC as stored: SQLite compares the text, and a +08:00
    bound would miss the decisions of the evening (UTC) before."""
    return datetime.combine(day, datetime.min.time(), tzinfo=SHANGHAI).astimezone(UTC)


def _after(cursor: str) -> Q:
    """Rows after the cursor (its row's decision time and id) in newest-first order."""
    moment, _, row_id = decode_cursor(cursor).partition("|")
    parsed = parse_id(row_id)
    try:
        at = datetime.fromisoformat(moment)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationFailed("分页游标无效", code="INVALID_CURSOR")
    return Q(issued_at__lt=at) | Q(issued_at=at, id__lt=parsed)


async def _matching(filters: RegisterFilter) -> QuerySet[IssuedDocument]:
    query = IssuedDocument.filter(kind=DocumentKind.DECISION_NOTICE, decision="approved")
    if filters.item:
        query = query.filter(Q(application__item__code=filters.item)
                             | Q(application__item__name__icontains=filters.item))
    if filters.department_id:
        query = query.filter(department_id=filters.department_id)
    if filters.number:
        query = query.filter(number__icontains=filters.number)
    if filters.decided_from:
        query = query.filter(issued_at__gte=_day_start(filters.decided_from))
    if filters.decided_to:
        query = query.filter(issued_at__lt=_day_start(filters.decided_to + timedelta(days=1)))
    if filters.holder:
        matches = Q(name__icontains=filters.holder)
        if uscc_problem(filters.holder.upper()) is None:
            matches |= Q(uscc=filters.holder.upper())
        companies = await Company.filter(matches).values_list("id", flat=True)
        query = query.filter(application__company_id__in=list(companies))
    if filters.cursor:
        query = query.filter(_after(filters.cursor))
    return query


async def _page(filters: RegisterFilter) -> str:
    rows = await (await _matching(filters)).order_by("-issued_at", "-id").limit(filters.limit + 1)
    shown = rows[:filters.limit]
    applications = {a.id: a for a in await Application.filter(id__in=[r.application_id for r in shown])}
    items = {i.id: i for i in await ServiceItem.filter(id__in={a.item_id for a in applications.values()})}
    departments = {d.id: d for d in await Department.filter(id__in={r.department_id for r in shown})}
    companies = {c.id: c for c in await Company.filter(
        id__in={a.company_id for a in applications.values() if a.company_id})}
    # An approval stands while its latest certificate does, as its verification says (documents._status).
    latest: dict[Any, ECertificate] = {c.application_id: c for c in await ECertificate.filter(
        application_id__in=list(applications)).order_by("created_at")}
    revoked = {application_id: certificate.revoked_at for application_id, certificate in latest.items()
               if certificate.status is CertificateStatus.REVOKED}
    entries = []
    for row in shown:
        # Decision notices are always issued on an application (documents.issue_decision).
        application = applications[cast(uuid.UUID, row.application_id)]
        item, department = items[application.item_id], departments[row.department_id]
        company = companies.get(application.company_id) if application.company_id else None
        holder = (HolderOut(type="company", name=company.name, uscc=company.uscc) if company
                  else HolderOut(type="natural_person", name=NATURAL_PERSON, uscc=None))
        revoked_at = revoked.get(application.id)
        entries.append(RegisteredDecision(
            document_id=str(row.id), number=row.number, decided_on=to_local(row.issued_at).date().isoformat(),
            item=ItemBrief(code=item.code, name=item.name),
            department=DepartmentBrief(id=str(department.id), name=department.name), holder=holder,
            status="revoked" if application.id in revoked else "valid",
            revoked_on=to_local(revoked_at).date().isoformat() if revoked_at else None))
    last = shown[-1] if len(rows) > filters.limit else None
    next_cursor = encode_cursor(f"{last.issued_at.isoformat()}|{last.id}") if last else None
    return Page[RegisteredDecision](items=entries, next_cursor=next_cursor).model_dump_json()


async def decisions(*, rt: Runtime, filters: RegisterFilter) -> CachedDocument:
    """One page of the register matching the filters, newest first (cached a short while)."""
    period = int(time.time() // REGISTER_CACHE_SECONDS)
    return await rt.catalog_cache.get_or_load(f"register:{period}:{filters.model_dump_json()}",
                                              lambda: _page(filters))
