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
    opens_at: str | None = Field(description="放号时间（北京时间）；此前不能预约，为空表示已放号")


class Availability(Schema):
    items: list[AvailableSlotOut]
