"""A hall with clerk and manager, a department with two reviewers, and its item, as the one window tests have."""

from __future__ import annotations

import pytest

from tests.builders.onewindow import OneWindow, make_window


@pytest.fixture
async def window(rt) -> OneWindow:
    return await make_window(rt)
