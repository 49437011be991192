"""Residents: lookup and the real-name rule."""

from __future__ import annotations

import uuid

from app.db import get_where
from app.errors import NotFoundError, TokenInvalid
from models.users import RealNameLevel, User


async def get_active_or_raise(*, user_id: uuid.UUID) -> User:
    """The active user behind a token; a deleted or disabled account invalidates the token."""
    user = await get_where(User, id=user_id, is_active=True)
    if user is None:
        raise TokenInvalid(details={"reason": "account_inactive"})
    return user


async def get_or_raise(*, user_id: uuid.UUID) -> User:
    user = await get_where(User, id=user_id)
    if user is None:
        raise NotFoundError(code="USER_NOT_FOUND", message="用户不存在")
    return user


def is_real_name_verified(user: User) -> bool:
    return user.realname_level >= RealNameLevel.BASIC
