"""Cursor pages of rows whose time-ordered ids (app.ids.new_id) give the order: newest first."""

from __future__ import annotations

from typing import Any, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from app.errors import ValidationFailed
from app.shapes import decode_cursor, encode_cursor, parse_id

RowT = TypeVar("RowT", bound=Model)


async def newest_first(query: QuerySet[RowT], *, cursor: str | None, limit: int) -> tuple[list[RowT], str | None]:
    """One page of ``query``, newest first, and the cursor of the next page (None at the end)."""
    if cursor:
        before = parse_id(decode_cursor(cursor))
        if before is None:
            raise ValidationFailed("分页游标无效", code="INVALID_CURSOR")
        query = query.filter(id__lt=before)
    rows: list[Any] = await query.order_by("-id").limit(limit + 1)
    page = rows[:limit]
    return page, encode_cursor(str(page[-1].id)) if len(rows) > limit else None
