"""A message's display fields (item, hall, slot time …), read at fan-out from the event's ids.

Outbox payloads carry ids, not names: the names are read when the message is made, so they are
current and no personal data sits in the outbox. A display field the payload carries itself is
used as given (a tool's hand-made event, or ``certificate_name`` on ``certificate.ready``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime
from typing import Any, TypeVar, cast

from tortoise.models import Model

from app.ids import to_local
from app.shapes import parse_id
from models.appointments import Appointment
from models.catalog import ServiceItem
from models.organization import Hall

ModelT = TypeVar("ModelT", bound=Model)

SLOT_TIME_FORMAT = "%Y-%m-%d %H:%M"
DECISIONS = {"approved": "准予许可", "denied": "不予许可"}
MAIL_PICKUP = "邮寄送达"


class EventRows:
    """The rows an event's ids point at, each read at most once."""

    def __init__(self, payload: dict[str, Any]) -> None:
        self.payload = payload
        self._read: dict[str, Any] = {}

    async def _by_id(self, name: str, model: type[ModelT], row_id: Any) -> ModelT | None:
        if name not in self._read:
            parsed = parse_id(row_id)
            self._read[name] = await model.get_or_none(id=parsed) if parsed else None
        return cast(ModelT | None, self._read[name])

    async def item(self) -> ServiceItem | None:
        """The event's service item: ``item_id``, else the item of its ``appointment_id``."""
        item_id = self.payload.get("item_id")
        if not item_id:
            appointment = await self._by_id("appointment", Appointment, self.payload.get("appointment_id"))
            item_id = appointment.item_id if appointment else None
        return await self._by_id("item", ServiceItem, item_id)

    async def hall(self) -> Hall | None:
        """The event's hall (``hall_id``)."""
        return await self._by_id("hall", Hall, self.payload.get("hall_id"))


async def _item_name(rows: EventRows) -> str | None:
    item = await rows.item()
    return item.name if item else None


async def _hall_name(rows: EventRows) -> str | None:
    hall = await rows.hall()
    return hall.name if hall else None


async def _slot_time(rows: EventRows) -> str | None:
    try:
        starts_at = datetime.fromisoformat(str(rows.payload["starts_at"]))
    except (KeyError, ValueError):
        return None
    return to_local(starts_at).strftime(SLOT_TIME_FORMAT)


async def _decision_text(rows: EventRows) -> str | None:
    return DECISIONS.get(str(rows.payload.get("decision")))


async def _pickup_place(rows: EventRows) -> str | None:
    """Where the result is collected: the hall's name, or 邮寄送达 with the tracking number."""
    if rows.payload.get("pickup_method") == "mail":
        tracking = rows.payload.get("tracking_number")
        return f"{MAIL_PICKUP} {tracking}" if tracking else MAIL_PICKUP
    return await _hall_name(rows)


RESOLVERS: dict[str, Callable[[EventRows], Awaitable[str | None]]] = {
    "item_name": _item_name,
    "hall_name": _hall_name,
    "slot_time": _slot_time,
    "decision_text": _decision_text,
    # A certificate's type name, when the event carries one, wins; else the item's name.
    "certificate_name": _item_name,
    "pickup_place": _pickup_place,
}


async def with_display_fields(payload: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The payload plus those of ``names`` it lacks and the database can tell (others stay missing)."""
    rows = EventRows(payload)
    filled = dict(payload)
    for name in names:
        if filled.get(name) in (None, "") and name in RESOLVERS:
            value = await RESOLVERS[name](rows)
            if value:
                filled[name] = value
    return filled
