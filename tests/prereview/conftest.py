"""A department with a pre-review item and a reviewer; helpers to drive applications over HTTP."""

from __future__ import annotations

import pytest

from tests.builders import (
    LoggedIn,
    make_department,
    make_prereview_item,
    resident_session,
)
from tests.builders.prereview import ReviewDesk, reviewer_of


@pytest.fixture
async def review_desk(rt) -> ReviewDesk:
    department = await make_department()
    item = await make_prereview_item(department=department)
    return ReviewDesk(department, item, await reviewer_of(rt, department))


@pytest.fixture
async def resident(rt) -> LoggedIn:
    return await resident_session(rt)
