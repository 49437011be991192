"""Fixtures for catalog tests: a small synced catalog and logged-in admins."""

from __future__ import annotations

import pytest

from tests.builders import catalog_document, sync_catalog
from tests.builders.catalog import ITEMS, _admin


@pytest.fixture
def catalog_items() -> list[dict]:
    return [dict(item) for item in ITEMS]


@pytest.fixture
async def synced(rt, catalog_items):
    """The small catalog above, imported; returns the export document."""
    document = catalog_document(catalog_items)
    await sync_catalog(rt, document)
    return document


@pytest.fixture
async def global_admin(rt, synced):
    return await _admin(rt, "admin")


@pytest.fixture
async def police_admin(rt, synced):
    """An admin scoped to the public security department (HDGA) only."""
    return await _admin(rt, "admin:HDGA")
