"""好差评 published: per department, hall, item or channel and Beijing month, counts only — no
resident, no comment, no note. Served from the catalog cache a few minutes, like the register."""

from __future__ import annotations

import time
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime
from enum import StrEnum

from pydantic import Field
from tortoise.functions import Count

from app.cache import CachedDocument
from app.context import Runtime
from app.ids import SHANGHAI, to_local, utcnow
from app.shapes import Page, Schema, decode_cursor, encode_cursor
from models.catalog import ServiceItem
from models.onewindow import Channel, Evaluation
from models.organization import Department, Hall
from services.evaluations import LEVEL_OF_SCORE
from services.evaluations.shapes import LevelCounts, PublicStat

STATISTICS_CACHE_SECONDS = 300
SATISFIED_SCORES = (3, 4, 5)  # 满意率 counts 基本满意 and better
CHANNEL_NAMES = {Channel.HALL: "窗口", Channel.ONLINE: "网上", Channel.MOBILE: "移动端", Channel.KIOSK: "自助终端"}


class StatsDimension(StrEnum):
    DEPARTMENT = "department"
    HALL = "hall"
    ITEM = "item"
    CHANNEL = "channel"


class StatisticsQuery(Schema):
    group_by: StatsDimension = StatsDimension.DEPARTMENT
    month: str | None = Field(None, pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$",
                              description="北京时间自然月 YYYY-MM；不填为全部")
    department_id: uuid.UUID | None = Field(None, description="只看该部门的评价")
    hall_id: uuid.UUID | None = Field(None, description="只看该大厅的评价")
    limit: int = Field(50, ge=1, le=100)
    cursor: str | None = Field(None, max_length=200)


def _month_bounds(month: str) -> tuple[datetime, datetime]:
    """The month's Beijing-time bounds in UTC, as stored (SQLite compares the text)."""
    year, number = int(month[:4]), int(month[5:])
    start = datetime(year, number, 1, tzinfo=SHANGHAI)
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=SHANGHAI)
    return start.astimezone(UTC), end.astimezone(UTC)


async def _names(dimension: StatsDimension, keys: list[str]) -> dict[str, str]:
    if dimension is StatsDimension.CHANNEL:
        return {key: CHANNEL_NAMES[Channel(key)] for key in keys}
    model = {StatsDimension.DEPARTMENT: Department, StatsDimension.HALL: Hall,
             StatsDimension.ITEM: ServiceItem}[dimension]
    return {str(row_id): name for row_id, name in await model.filter(id__in=keys).values_list("id", "name")}


def _rate(satisfied: int, total: int) -> float:
    return round(100 * satisfied / total, 2) if total else 0.0


async def _page(query: StatisticsQuery) -> str:
    column = "channel" if query.group_by is StatsDimension.CHANNEL else f"{query.group_by.value}_id"
    rows = Evaluation.filter(round=1, **{f"{column}__not_isnull": True})
    if query.department_id:
        rows = rows.filter(department_id=query.department_id)
    if query.hall_id:
        rows = rows.filter(hall_id=query.hall_id)
    if query.month:
        start, end = _month_bounds(query.month)
        rows = rows.filter(created_at__gte=start, created_at__lt=end)
    counts: dict[str, dict[int, int]] = defaultdict(lambda: dict.fromkeys(LEVEL_OF_SCORE, 0))
    for key, score, n in await rows.annotate(n=Count("id")).group_by(column, "score").values_list(
            column, "score", "n"):
        counts[str(key)][int(score)] += int(n)
    today = to_local(utcnow()).date()
    handled: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(
        ("bad", "rectified_on_time", "rectified_late", "overdue", "re_rated"), 0))
    bad_rows = await rows.filter(is_bad=True).values(column, "rectify_by", "rectified_at", "rerating__id")
    for row in bad_rows:
        tally, due, done = handled[str(row[column])], row["rectify_by"], row["rectified_at"]
        tally["bad"] += 1
        tally["re_rated"] += row["rerating__id"] is not None
        if isinstance(due, date) and done is not None:
            tally["rectified_on_time" if to_local(done).date() <= due else "rectified_late"] += 1
        elif isinstance(due, date) and due < today:
            tally["overdue"] += 1
    keys = sorted(counts)
    if query.cursor:
        after = decode_cursor(query.cursor)
        keys = [key for key in keys if key > after]
    shown = keys[:query.limit]
    names = await _names(query.group_by, shown)
    items = []
    for key in shown:
        by_score, total = counts[key], sum(counts[key].values())
        items.append(PublicStat(
            key=key, name=names.get(key, ""), total=total,
            levels=LevelCounts(**{LEVEL_OF_SCORE[score].value: n for score, n in by_score.items()}),
            satisfaction_rate=_rate(sum(by_score[s] for s in SATISFIED_SCORES), total), **handled[key]))
    next_cursor = encode_cursor(shown[-1]) if len(keys) > query.limit else None
    return Page[PublicStat](items=items, next_cursor=next_cursor).model_dump_json()


async def published(*, rt: Runtime, query: StatisticsQuery) -> CachedDocument:
    """One page of the published statistics (cached a few minutes)."""
    period = int(time.time() // STATISTICS_CACHE_SECONDS)
    return await rt.catalog_cache.get_or_load(f"evaluation-stats:{period}:{query.model_dump_json()}",
                                              lambda: _page(query))
