"""Builders of the bundle tests: the demo catalog (with its two bundles) synced in-process."""

from __future__ import annotations

import copy

import orjson

from services.catalog.generator import DEMO_CATALOG
from tests.builders import sync_catalog


def demo_document() -> dict:
    """A fresh copy of the demo catalog export, to sync as is or altered."""
    return copy.deepcopy(orjson.loads(DEMO_CATALOG.read_bytes()))


def bundle_of(document: dict, code: str) -> dict:
    return next(b for b in document["bundles"] if b["code"] == code)


async def sync_demo(rt, document: dict | None = None):
    return await sync_catalog(rt, document or demo_document())
