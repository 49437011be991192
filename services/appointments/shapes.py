"""Response shapes of appointments that services build (routes never see model objects)."""

from __future__ import annotations

from pydantic import Field

from app.shapes import Schema


class AvailableSlotOut(Schema):
    """A bookable window as residents see it."""

    id: str
    day: str
    starts_at: str
    ends_at: str
    capacity: int
    remaining: int
    provisional: bool = Field(description="该日所在年份的节假日安排尚未载入，按法定节日临时推算")


class Availability(Schema):
    items: list[AvailableSlotOut]
