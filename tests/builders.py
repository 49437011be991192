"""Builders for test data, each taking overrides; and helpers to log in as someone."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from app.context import Runtime
from models.organization import Department, Hall
from models.staff import StaffMember
from models.users import RealNameLevel, User
from services import sessions, staff
from services.staff import RoleSpec

DEFAULT_PASSWORD = "correct-horse-battery"


@dataclass
class LoggedIn:
    """An account with live tokens; ``headers`` authorises requests as it."""

    id: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.access_token}"}


async def make_department(*, code: str | None = None, name: str = "测试部门") -> Department:
    return await Department.create(code=code or f"D{secrets.token_hex(3)}", name=name)


async def make_hall(*, code: str | None = None, name: str = "测试大厅") -> Hall:
    return await Hall.create(code=code or f"H{secrets.token_hex(3)}", name=name)


async def make_resident(rt: Runtime, *, realname: bool = False, display_name: str = "测试居民",
                        id_number: str = "110108199003071234", real_name: str = "张三") -> User:
    fields: dict = {"display_name": display_name}
    if realname:
        fields.update(realname_level=RealNameLevel.VERIFIED, real_name_enc=rt.cipher.encrypt(real_name),
                      id_number_enc=rt.cipher.encrypt(id_number),
                      id_number_index=rt.cipher.blind_index(id_number))
    return await User.create(**fields)


async def login_resident(rt: Runtime, user: User) -> LoggedIn:
    pair = await sessions.start(rt=rt, kind="resident", subject_id=user.id)
    return LoggedIn(str(user.id), pair.access_token, pair.refresh_token)


async def make_staff(rt: Runtime, *, roles: list[str], username: str | None = None,
                     password: str = DEFAULT_PASSWORD, totp_secret: str | None = None) -> StaffMember:
    return await staff.create(username=username or f"staff-{secrets.token_hex(3)}",
                              display_name="测试工作人员", password=password,
                              roles=[RoleSpec.parse(r) for r in roles], totp_secret=totp_secret, rt=rt)


async def login_staff(rt: Runtime, member: StaffMember) -> LoggedIn:
    pair = await sessions.start(rt=rt, kind="staff", subject_id=member.id)
    return LoggedIn(str(member.id), pair.access_token, pair.refresh_token)


_SHA = "ab" * 32
LEDGER_SAMPLES: dict[str, dict] = {
    "application_submitted": {"application_id": "app-1", "item_code": "11110108MB0000001", "form_sha256": _SHA,
                              "materials": [{"material_id": "mat-1", "sha256": "cd" * 32}]},
    "application_transition": {"application_id": "app-1", "from_state": "submitted", "to_state": "in_review",
                               "actor_id": "staff-1", "actor_role": "reviewer"},
    "approval_decision": {"application_id": "app-1", "decision": "approved", "decided_by": "staff-2",
                          "department_id": "dept-1", "decision_sha256": _SHA},
    "certificate_issued": {"certificate_id": "cert-1", "application_id": "app-1",
                           "certificate_type": "business_license", "document_sha256": _SHA, "issued_by": "staff-3"},
    "certificate_revoked": {"certificate_id": "cert-1", "reason_code": "issued_in_error", "revoked_by": "staff-3"},
    "checkin": {"booking_id": "booking-1", "hall_id": "hall-1", "slot_id": "slot-1", "checked_in_by": "device-1"},
}


def ledger_data(record_type: str = "application_transition", **overrides: object) -> dict:
    """Valid data for a ledger record of ``record_type``, with overrides."""
    return {**LEDGER_SAMPLES[record_type], **overrides}


async def append_ledger(count: int = 1, *, record_type: str = "application_transition",
                        **overrides: object) -> list:
    """Append ``count`` valid records one after another; returns the entries."""
    from services import ledger

    return [await ledger.append(record_type=record_type, data=ledger_data(record_type, **overrides))
            for _ in range(count)]
