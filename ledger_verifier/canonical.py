"""Canonical JSON of ledger records (RFC 8785 style) — the exact bytes that are hashed."""

from __future__ import annotations

import json
from typing import Any


def _refuse_floats(value: Any) -> None:
    # RFC 8785 number formatting is subtle; templates carry integers and strings only.
    if isinstance(value, float):
        raise TypeError("floats are not allowed in ledger records")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError("object keys must be strings")
            _refuse_floats(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _refuse_floats(item)


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8, no floats: the same value always gives the same bytes."""
    _refuse_floats(value)
    # Keys are ASCII in every template, where code-point order equals RFC 8785's UTF-16 order.
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")
