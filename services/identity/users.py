"""Residents: lookup and the real-name rule."""

from __future__ import annotations

import uuid

from app.errors import NotFoundError, RealNameRequired, TokenInvalid
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
