"""Staff account lifecycle: create, disable and re-enable, change roles, reset password and TOTP.

Each change is one transaction with its ledger record ``staff_changed`` (who changed which
account, and the hash of its roles afterwards). Disabling, re-roling and resets end the
account's live sessions at once: its access tokens are refused by every worker as soon as the
revocation reaches their mirror (app/revocations.py), and it logs in again with what changed.
Callers are global admins (routes/staff_admin.py) or the command line (actor ``cli``).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import orjson
import pyotp
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import Conflict, NotFoundError
from models.staff import StaffMember, StaffRole
from services import ledger
from services.identity import sessions
from services.identity import staff as staff_service
from services.identity.staff import RoleSpec, TotpEnrolmentRequired, hash_password, resolve_roles, totp_required

RECORD_TYPE = "staff_changed"
StaffAction = Literal["created", "disabled", "enabled", "roles_changed", "password_reset", "totp_reset"]
TOTP_ISSUER = "海淀通"


@dataclass(frozen=True)
class Enrolment:
    """A staff account and, when TOTP was (re)enrolled, the otpauth URI to scan (shown once)."""

    staff: StaffMember
    totp_uri: str | None


def provisioning_uri(*, secret: str, username: str) -> str:
    """The ``otpauth://`` URI an authenticator app scans."""
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=TOTP_ISSUER)


async def get_or_raise(*, staff_id: uuid.UUID | str) -> StaffMember:
    """A staff account, active or not."""
    staff = await StaffMember.get_or_none(id=staff_id)
    if staff is None:
        raise NotFoundError(code="STAFF_NOT_FOUND", message="工作人员账号不存在")
    return staff


async def get_by_username_or_raise(*, username: str) -> StaffMember:
    """A staff account by its username, active or not."""
    staff = await StaffMember.get_or_none(username=username)
    if staff is None:
        raise NotFoundError(f"工作人员 {username} 不存在", code="STAFF_NOT_FOUND")
    return staff


async def list_accounts(*, after_username: str | None, limit: int) -> list[StaffMember]:
    """Staff accounts by username, ``limit`` after ``after_username``."""
    query = StaffMember.all().order_by("username").limit(limit)
    if after_username is not None:
        query = query.filter(username__gt=after_username)
    return await query


async def roles_of(staff_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[StaffRole]]:
    """Each account's roles with their department and hall loaded."""
    found: dict[uuid.UUID, list[StaffRole]] = {}
    rows = await StaffRole.filter(staff_id__in=list(staff_ids)).prefetch_related(
        "department", "hall").order_by("role")
    for row in rows:
        found.setdefault(row.staff_id, []).append(row)
    return found


async def _roles_digest(staff_id: uuid.UUID) -> str:
    rows = await StaffRole.filter(staff_id=staff_id).values_list("role", "department_id", "hall_id")
    canonical = sorted([str(role), str(dept) if dept else None, str(hall) if hall else None]
                       for role, dept, hall in rows)
    return hashlib.sha256(orjson.dumps(canonical)).hexdigest()


async def _record(staff: StaffMember, action: StaffAction, actor_id: str) -> None:
    await ledger.append(record_type=RECORD_TYPE, data={
        "staff_id": str(staff.id), "action": action, "roles_sha256": await _roles_digest(staff.id),
        "changed_by": actor_id})


async def create(*, rt: Runtime, username: str, display_name: str, password: str,
                 roles: list[RoleSpec], totp: bool, actor_id: str) -> Enrolment:
    """A new account with its roles; TOTP is enrolled when asked or when the roles need it."""
    secret = pyotp.random_base32() if totp or totp_required(rt.settings, (s.role for s in roles)) else None
    async with in_transaction():
        member = await staff_service.create(username=username, display_name=display_name,
                                            password=password, roles=roles, totp_secret=secret, rt=rt)
        await _record(member, "created", actor_id)
    return Enrolment(member, provisioning_uri(secret=secret, username=username) if secret else None)


class OwnAccountChange(Conflict):
    """An admin's own account is changed by another admin or from the command line: a stolen
    admin token cannot then reset its account's password and TOTP (taking it over past its second
    factor), nor strip the account's admin role (disabling it has a code of its own, older)."""

    code, message = "STAFF_SELF_CHANGE", "不能修改自己的账号：请另一位管理员操作"


class OwnAccountDisable(Conflict):
    code, message = "STAFF_SELF_DISABLE", "不能停用自己的账号"


def _ensure_not_own(staff_id: uuid.UUID | str, actor_id: str, refusal: type[Conflict] = OwnAccountChange) -> None:
    if str(staff_id) == actor_id:
        raise refusal()


async def _change(*, rt: Runtime, staff_id: uuid.UUID | str, action: StaffAction, actor_id: str,
                  end_sessions: bool = True, **fields: object) -> StaffMember:
    """Update another account, ledger the change and (unless told not to) end its sessions."""
    _ensure_not_own(staff_id, actor_id)
    async with in_transaction():
        member = await get_or_raise(staff_id=staff_id)
        if fields:
            await StaffMember.filter(id=member.id).update(**fields)
            await member.refresh_from_db()
        await _record(member, action, actor_id)
    if end_sessions:
        await sessions.revoke_all(rt=rt, kind="staff", subject_id=member.id)
    return member


async def disable(*, rt: Runtime, staff_id: uuid.UUID | str, actor_id: str) -> StaffMember:
    """Stop an account: it cannot log in, and its live tokens stop working at once."""
    _ensure_not_own(staff_id, actor_id, OwnAccountDisable)
    return await _change(rt=rt, staff_id=staff_id, action="disabled", actor_id=actor_id, is_active=False)


async def enable(*, rt: Runtime, staff_id: uuid.UUID | str, actor_id: str) -> StaffMember:
    """Let a disabled account log in again. A disabled account has no live session, and an active
    one keeps its own: enabling ends none."""
    return await _change(rt=rt, staff_id=staff_id, action="enabled", actor_id=actor_id, end_sessions=False,
                         is_active=True)


async def reset_password(*, rt: Runtime, staff_id: uuid.UUID | str, password: str,
                         actor_id: str) -> StaffMember:
    """Set a new password; the account logs in again with it."""
    return await _change(rt=rt, staff_id=staff_id, action="password_reset", actor_id=actor_id,
                         password_hash=await hash_password(password))


async def reset_totp(*, rt: Runtime, staff_id: uuid.UUID | str, actor_id: str) -> Enrolment:
    """Enrol a new TOTP secret (the old one stops working); returns the URI to scan."""
    secret = pyotp.random_base32()
    member = await _change(rt=rt, staff_id=staff_id, action="totp_reset", actor_id=actor_id,
                           totp_secret_enc=rt.cipher.encrypt(secret))
    return Enrolment(member, provisioning_uri(secret=secret, username=member.username))


async def set_roles(*, rt: Runtime, staff_id: uuid.UUID | str, roles: list[RoleSpec],
                    actor_id: str) -> StaffMember:
    """Replace an account's roles, all or nothing; its sessions end so new tokens carry them."""
    _ensure_not_own(staff_id, actor_id)
    async with in_transaction():
        member = await get_or_raise(staff_id=staff_id)
        if member.totp_secret_enc is None and totp_required(rt.settings, (s.role for s in roles)):
            raise TotpEnrolmentRequired("管理员与审批人员须先绑定动态口令：先重置动态口令，再授予此角色")
        resolved = await resolve_roles(roles)
        await StaffRole.filter(staff_id=member.id).delete()
        await StaffRole.bulk_create([StaffRole(staff_id=member.id, role=role, department=department,
                                               hall=hall) for role, department, hall in resolved])
        await _record(member, "roles_changed", actor_id)
    await sessions.revoke_all(rt=rt, kind="staff", subject_id=member.id)
    return member
