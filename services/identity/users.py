"""Residents: lookup and the real-name rule."""

from __future__ import annotations

import uuid

from app.errors import AppError, NotFoundError, RealNameRequired, TokenInvalid
from app.fastpath.sql import get_where
from models.users import RealNameLevel, User


async def get_active_or_raise(*, user_id: uuid.UUID) -> User:
    """The active user behind a token; a deleted or disabled account invalidates the token."""
    return ensure_active(await get_where(User, id=user_id, is_active=True))


def ensure_active(user: User | None) -> User:
    """``user`` if it is an active account; otherwise the token behind the request is void."""
    if user is None or not user.is_active:
        raise TokenInvalid(details={"reason": "account_inactive"})
    return user


class RealNameLevelTooLow(AppError):
    status, code, message = 403, "REALNAME_LEVEL_TOO_LOW", "该事项需要更高的实名等级，请到北京通完成核验后返回"


def ensure_real_name_level(user: User, level: int) -> None:
    """Refuse with how to raise it (a Beijing Pass step-up) unless the user has ``level``."""
    ensure_real_name(user)
    if user.realname_level < level:
        # The step-up is a binding flow asking Beijing Pass for the level: get a link ticket,
        # then open the URL with it and a return_url; the browser comes back to that page.
        raise RealNameLevelTooLow(details={
            "action": "raise_beijing_pass_level", "required_level": level,
            "current_level": int(user.realname_level),
            "link_ticket_url": "/api/v1/auth/link-tickets",
            "step_up_url": f"/api/v1/auth/beijing-pass/authorize?min_level={level}"})


def ensure_real_name(user: User) -> None:
    """Refuse with what to do (bind Beijing Pass) unless the user is real-name verified."""
    if not is_real_name_verified(user):
        # Binding happens in a browser: get a link ticket, then open the bind URL with it.
        raise RealNameRequired(details={"action": "bind_beijing_pass",
                                        "link_ticket_url": "/api/v1/auth/link-tickets",
                                        "bind_url": "/api/v1/auth/beijing-pass/authorize"})


async def get_or_raise(*, user_id: uuid.UUID) -> User:
    user = await User.get_or_none(id=user_id)
    if user is None:
        raise NotFoundError(code="USER_NOT_FOUND", message="用户不存在")
    return user


def is_real_name_verified(user: User) -> bool:
    return user.realname_level >= RealNameLevel.BASIC
