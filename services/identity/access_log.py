"""谁查看了我的信息: every staff read of a resident's personal data is recorded before the data is
sent (PIPL art. 51), shown to the resident, and queried per staff member by the hall manager or an
auditor whose grant covers that staff member, who sees only the reads made within their own scope.
The table is append-only: the database refuses updates and deletes."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from pydantic import Field

from app.auth import Reader, scope_filter
from app.errors import NotFoundError
from app.shapes import LocalDateTime, Page, Schema, parse_id
from app.tokens import Principal, RoleGrant
from models.access_log import PersonalDataRead, PersonalRecordKind
from models.prereview import Application
from models.staff import StaffMember, StaffRole, StaffRoleName
from services.paging import newest_first

AUDIT_ROLES = (StaffRoleName.HALL_MANAGER.value, StaffRoleName.AUDITOR.value)


class AccessLogEntry(Schema):
    """One read of the resident's data, as the resident sees it."""

    id: str
    read_at: LocalDateTime
    staff_display_name: str = Field(description="查看人（工作人员姓名）")
    role: StaffRoleName = Field(description="查看时所用的岗位")
    department_id: str | None = Field(description="岗位所属部门")
    hall_id: str | None = Field(description="岗位所属大厅")
    kind: PersonalRecordKind = Field(description="查看的内容")
    application_id: str
    record_id: str = Field(description="办件、材料或文书的编号")
    endpoint: str = Field(description="查看的用途：接口方法与路径")


class StaffAccessLogEntry(AccessLogEntry):
    """One read, as an auditor sees it: also whose data and by which account."""

    resident_id: str
    staff_id: str


def _grant_used(principal: Principal, roles: Iterable[str], application: Application) -> RoleGrant:
    """The caller's grant that covers the application (the route's guard has already checked one
    does; the first in token order is recorded)."""
    department, hall = str(application.department_id), (str(application.hall_id)
                                                         if application.hall_id else None)
    for role in roles:
        for grant in principal.roles:
            if grant.covers(role, department, hall):
                return grant
    raise AssertionError("a read was authorised without a covering grant")


async def record_read(*, reader: Reader, application: Application, kind: PersonalRecordKind,
                      record_id: str) -> None:
    """Record a staff read of an application's personal data; call before answering. Every answer
    that carries it goes through here (``application_out``, ``history_out``, material links,
    documents). A resident reading their own application is not recorded."""
    if reader.principal.kind != "staff":
        return
    grant = _grant_used(reader.principal, reader.roles, application)
    await PersonalDataRead.create(
        resident_id=application.resident_id, staff_id=reader.principal.subject_id, role=grant.role,
        department_id=grant.department_id, hall_id=grant.hall_id, kind=kind,
        application_id=application.id, record_id=record_id, endpoint=reader.endpoint)


async def _names(rows: list[PersonalDataRead]) -> dict[uuid.UUID, str]:
    ids = {row.staff_id for row in rows}
    staff = await StaffMember.filter(id__in=ids).values("id", "display_name") if ids else []
    return {s["id"]: s["display_name"] for s in staff}


def _entry(row: PersonalDataRead, names: dict[uuid.UUID, str]) -> dict[str, Any]:
    return dict(id=str(row.id), read_at=row.read_at, staff_display_name=names.get(row.staff_id, ""),
                role=row.role, department_id=row.department_id, hall_id=row.hall_id, kind=row.kind,
                application_id=str(row.application_id), record_id=row.record_id,
                endpoint=row.endpoint)


async def reads_of_resident(*, resident_id: uuid.UUID, cursor: str | None,
                            limit: int) -> Page[AccessLogEntry]:
    """Who looked at this resident's data, newest first."""
    rows, next_cursor = await newest_first(PersonalDataRead.filter(resident_id=resident_id),
                                    cursor=cursor, limit=limit)
    names = await _names(rows)
    return Page[AccessLogEntry](items=[AccessLogEntry(**_entry(r, names)) for r in rows],
                                next_cursor=next_cursor)


async def _covers_staff(principal: Principal, staff_id: uuid.UUID) -> bool:
    """Some audit grant of the caller covers some grant of that staff member: a hall manager the
    staff of their hall, a department auditor its department's, a global auditor everyone."""
    grants = await StaffRole.filter(staff_id=staff_id).values("department_id", "hall_id")
    return any(
        own.role in AUDIT_ROLES
        and own.department_id in (None, str(g["department_id"]) if g["department_id"] else None)
        and own.hall_id in (None, str(g["hall_id"]) if g["hall_id"] else None)
        for own in principal.roles for g in grants)


async def reads_by_staff(*, principal: Principal, staff_id: str, cursor: str | None,
                         limit: int) -> Page[StaffAccessLogEntry]:
    """One staff member's reads of personal data made within the caller's audit scope, newest first."""
    parsed = parse_id(staff_id)
    if parsed is None or not await _covers_staff(principal, parsed):
        raise NotFoundError("工作人员不存在或不在你的管辖范围内", code="STAFF_NOT_FOUND",
                            details={"staff_id": staff_id})
    # Only the reads made through a grant within the caller's own scope: a hall manager who
    # oversees a clerk's work at the hall does not see what the same person read as a department's
    # reviewer. The row's department and hall are those of the grant used, as a staff grant's are.
    rows, next_cursor = await newest_first(
        PersonalDataRead.filter(scope_filter(principal, *AUDIT_ROLES), staff_id=parsed),
        cursor=cursor, limit=limit)
    names = await _names(rows)
    return Page[StaffAccessLogEntry](
        items=[StaffAccessLogEntry(**_entry(r, names), resident_id=str(r.resident_id),
                                   staff_id=str(r.staff_id)) for r in rows],
        next_cursor=next_cursor)

