"""Service item lookup (the catalog issue owns this module)."""

from __future__ import annotations

import uuid

from app.errors import NotFoundError
from models.catalog import ServiceItem


async def get_item_or_raise(*, item_id: str | uuid.UUID) -> ServiceItem:
    """A published item, or ITEM_NOT_FOUND for unknown, unpublished or malformed ids."""
    try:
        parsed = item_id if isinstance(item_id, uuid.UUID) else uuid.UUID(str(item_id))
    except ValueError as exc:
        raise NotFoundError("事项不存在", code="ITEM_NOT_FOUND") from exc
    item = await ServiceItem.get_or_none(id=parsed, is_published=True)
    if item is None:
        raise NotFoundError("事项不存在", code="ITEM_NOT_FOUND")
    return item
