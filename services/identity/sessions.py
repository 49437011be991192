"""Login sessions: a JWT access token plus a rotating refresh token per session family."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import TokenInvalid
from app.ids import new_id, utcnow
from app.tokens import Principal, PrincipalKind, RoleGrant
from models.sessions import RefreshToken
from models.staff import StaffMember, StaffRole
from models.users import User


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    principal: Principal


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def _issue(rt: Runtime, principal: Principal) -> TokenPair:
    refresh_token = secrets.token_urlsafe(32)
    await RefreshToken.create(
        family_id=principal.session_id, subject_kind=principal.kind,
        subject_id=principal.subject_id, token_hash=_hash(refresh_token),
        expires_at=utcnow() + timedelta(seconds=rt.settings.refresh_token_ttl_seconds),
    )
    return TokenPair(rt.tokens.issue(principal), refresh_token, rt.tokens.ttl_seconds, principal)


async def staff_roles(staff_id: uuid.UUID) -> tuple[RoleGrant, ...]:
    """The current role grants of a staff member, as carried in their access token."""
    rows = await StaffRole.filter(staff_id=staff_id).order_by("role").values_list(
        "role", "department_id", "hall_id")
    return tuple(RoleGrant(role, str(dept) if dept else None, str(hall) if hall else None)
                 for role, dept, hall in rows)


async def start(*, rt: Runtime, kind: PrincipalKind, subject_id: uuid.UUID) -> TokenPair:
    """Open a new session family for a resident or staff member."""
    roles = await staff_roles(subject_id) if kind == "staff" else ()
    return await _issue(rt, Principal(kind, subject_id, new_id(), roles))


async def _principal_for(kind: str, subject_id: uuid.UUID, session_id: uuid.UUID) -> Principal | None:
    if kind == "resident":
        if not await User.exists(id=subject_id, is_active=True):
            return None
        return Principal("resident", subject_id, session_id)
    if not await StaffMember.exists(id=subject_id, is_active=True):
        return None
    return Principal("staff", subject_id, session_id, await staff_roles(subject_id))


async def refresh(*, rt: Runtime, refresh_token: str) -> TokenPair:
    """Rotate a refresh token; presenting an already-rotated one revokes the whole family."""
    now = utcnow()
    async with in_transaction():
        row = await RefreshToken.get_or_none(token_hash=_hash(refresh_token))
        if row is None or row.revoked_at is not None or row.expires_at <= now:
            raise TokenInvalid(code="REFRESH_TOKEN_INVALID", message="刷新凭证无效或已过期，请重新登录")
        # The conditional update is the race guard: of two concurrent uses, only one wins.
        won = row.rotated_at is None and await RefreshToken.filter(
            id=row.id, rotated_at=None).update(rotated_at=now)
        principal = await _principal_for(row.subject_kind, row.subject_id, row.family_id) if won else None
        pair = await _issue(rt, principal) if principal else None
    if pair is not None:
        return pair
    await revoke_family(rt=rt, family_id=row.family_id)
    if won:
        raise TokenInvalid(code="ACCOUNT_INACTIVE", message="账号已停用")
    raise TokenInvalid(code="REFRESH_TOKEN_REUSED", message="检测到刷新凭证被重复使用，已撤销该登录，请重新登录")


async def revoke_family(*, rt: Runtime, family_id: uuid.UUID) -> None:
    """Revoke every refresh token of a session and reject its live access tokens."""
    await RefreshToken.filter(family_id=family_id, revoked_at=None).update(revoked_at=utcnow())
    await rt.revocations.revoke(family_id, ttl_seconds=rt.settings.access_token_ttl_seconds + 60)


async def revoke_all(*, rt: Runtime, kind: PrincipalKind, subject_id: uuid.UUID) -> int:
    """End every live session of an account (disabled, re-roled, credentials reset); returns
    how many were ended."""
    families: set[uuid.UUID] = set(await RefreshToken.filter(  # type: ignore[arg-type]
        subject_kind=kind, subject_id=subject_id, revoked_at=None, expires_at__gt=utcnow(),
    ).values_list("family_id", flat=True))
    for family_id in families:
        await revoke_family(rt=rt, family_id=family_id)
    return len(families)
