"""Staff accounts: creation with scoped roles, and password (+TOTP) login."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError, Conflict, NotFoundError, ValidationFailed
from app.fastpath.sql import get_where
from app.ratelimit import FailureLimiter
from config import Settings
from models.organization import Department, Hall
from models.staff import StaffMember, StaffRole, StaffRoleName
from services.identity import sessions

_hasher = PasswordHasher()
# Verified against when the username is unknown, so both paths cost one argon2 check and
# response time does not reveal which usernames exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


# Roles whose holders must log in with a second factor in production.
TOTP_ROLES = frozenset({StaffRoleName.ADMIN, StaffRoleName.REVIEWER})


class LoginFailed(AppError):
    status, code, message = 401, "LOGIN_FAILED", "用户名或密码错误"


class TotpEnrolmentRequired(AppError):
    status, code, message = 409, "TOTP_ENROLMENT_REQUIRED", "管理员与审批人员须先绑定动态口令"


def totp_required(settings: Settings, roles: Iterable[str]) -> bool:
    """True when these roles need a TOTP second factor (admins and reviewers, in production)."""
    return settings.env == "production" and any(role in TOTP_ROLES for role in roles)


async def _role_names(staff: StaffMember) -> list[str]:
    return [str(role) for role in await StaffRole.filter(staff_id=staff.id).values_list("role", flat=True)]


@dataclass(frozen=True)
class RoleSpec:
    """A role to grant, scoped by department and/or hall code."""

    role: StaffRoleName
    department_code: str | None = None
    hall_code: str | None = None

    @classmethod
    def parse(cls, text: str) -> RoleSpec:
        """``reviewer:D001``, ``clerk@H01``, ``admin`` -> a spec."""
        rest, _, hall = text.partition("@")
        role, _, dept = rest.partition(":")
        try:
            return cls(StaffRoleName(role), dept or None, hall or None)
        except ValueError as exc:
            raise ValidationFailed(f"未知角色 {role}", code="UNKNOWN_ROLE") from exc


async def hash_password(password: str) -> str:
    """The argon2 hash of a new staff password (at least 10 characters), made off the event loop."""
    if len(password) < 10:
        raise ValidationFailed("密码至少 10 位", code="PASSWORD_TOO_SHORT")
    return await asyncio.to_thread(_hasher.hash, password)


async def resolve_roles(specs: list[RoleSpec]) -> list[tuple[StaffRoleName, Department | None, Hall | None]]:
    """Each distinct spec with its department and hall looked up by code."""
    resolved = []
    for spec in dict.fromkeys(specs):
        department = hall = None
        if spec.department_code:
            department = await Department.get_or_none(code=spec.department_code)
            if department is None:
                raise NotFoundError(f"部门 {spec.department_code} 不存在", code="DEPARTMENT_NOT_FOUND")
        if spec.hall_code:
            hall = await Hall.get_or_none(code=spec.hall_code)
            if hall is None:
                raise NotFoundError(f"大厅 {spec.hall_code} 不存在", code="HALL_NOT_FOUND")
        resolved.append((spec.role, department, hall))
    return resolved


async def create(*, username: str, display_name: str, password: str,
                 roles: list[RoleSpec], totp_secret: str | None = None,
                 rt: Runtime) -> StaffMember:
    """Create a staff member with roles, all or nothing."""
    password_hash = await hash_password(password)
    async with in_transaction():
        if await StaffMember.exists(username=username):
            raise Conflict(f"用户名 {username} 已存在", code="STAFF_EXISTS")
        resolved = await resolve_roles(roles)
        staff = await StaffMember.create(
            username=username, display_name=display_name, password_hash=password_hash,
            totp_secret_enc=rt.cipher.encrypt(totp_secret) if totp_secret else None,
        )
        for role, department, hall in resolved:
            await StaffRole.create(staff=staff, role=role, department=department, hall=hall)
    return staff


async def login(*, rt: Runtime, username: str, password: str, totp_code: str | None,
                client_ip: str) -> sessions.TokenPair:
    """Password (+TOTP) login, rate-limited per account and per IP across all workers.

    The attempt is counted before the password is checked, so parallel guesses cannot all be
    checked against a count none of them has raised yet; every answer but a success keeps it
    counted, TOTP_REQUIRED included (it says the password was right: docs/security.md).
    """
    settings = rt.settings
    limiter = FailureLimiter(rt.redis, prefix="login-fail", window_seconds=settings.login_window_seconds)
    account_key, ip_key = f"account:{username.lower()}", f"ip:{client_ip}"
    await limiter.acquire({account_key: settings.login_max_failures_per_account,
                           ip_key: settings.login_max_failures_per_ip})
    staff = await StaffMember.get_or_none(username=username, is_active=True)
    try:
        # argon2 is slow by design (tens of ms) and releases the GIL: in a thread, a burst of
        # logins no longer holds the loop, and every request of the worker with it.
        await asyncio.to_thread(_hasher.verify, staff.password_hash if staff else _DUMMY_HASH, password)
        password_ok = staff is not None
    except (VerificationError, InvalidHashError):
        password_ok = False
    if not password_ok or staff is None:
        raise LoginFailed()
    if staff.totp_secret_enc is None and totp_required(settings, await _role_names(staff)):
        raise TotpEnrolmentRequired(status=403)
    if staff.totp_secret_enc:
        if not totp_code:
            raise LoginFailed("请输入动态口令", code="TOTP_REQUIRED")
        if not pyotp.TOTP(rt.cipher.decrypt(staff.totp_secret_enc)).verify(totp_code, valid_window=1):
            raise LoginFailed("动态口令错误", code="TOTP_INVALID")
    # A success clears the account's failures and returns this attempt to the address's count.
    await limiter.reset(account_key)
    await limiter.give_back(ip_key)
    return await sessions.start(rt=rt, kind="staff", subject_id=staff.id)


async def get_active_or_raise(*, staff_id: uuid.UUID) -> StaffMember:
    """The active staff member behind a token."""
    staff = await get_where(StaffMember, id=staff_id, is_active=True)
    if staff is None:
        raise NotFoundError(code="STAFF_NOT_FOUND", message="工作人员账号不存在或已停用")
    return staff
