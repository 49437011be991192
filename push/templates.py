"""Message kind -> WeChat template mapping (from settings) and rendering with WeChat's length rules."""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass
from typing import Any

# WeChat's limits per field type (the key's prefix, e.g. ``thing1``): longer values are refused,
# so we cut them ourselves (keeping room for an ellipsis) instead of losing the message.
FIELD_LIMITS = {"thing": 20, "name": 10, "phrase": 5, "character_string": 32, "number": 32,
                "letter": 32, "car_number": 8, "phone_number": 17, "time": 32, "date": 32,
                "amount": 32}
DEFAULT_LIMIT = 200
ELLIPSIS = "…"


class TemplateError(Exception):
    """The message cannot be rendered: no mapping for its kind, or a field has no value."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Rendered:
    oa_template_id: str
    mp_template_id: str
    page: str
    data: dict[str, str]
    sms_template_id: str = ""
    sms_params: tuple[str, ...] = ()
    oa_subscribe_template_id: str = ""


def field_limit(key: str) -> int:
    """The length WeChat allows for a template field, from its key's type prefix."""
    kind = key.rstrip("0123456789")
    return FIELD_LIMITS.get(kind, DEFAULT_LIMIT)


def cut(value: str, limit: int) -> str:
    """``value`` shortened to ``limit`` characters, ending in an ellipsis when cut."""
    return value if len(value) <= limit else value[: limit - 1] + ELLIPSIS


@functools.lru_cache(maxsize=1024)
def _names(pattern: str) -> tuple[str, ...]:
    # Patterns come from settings, a few dozen: parsed once each, not once per message.
    return tuple(name for _, name, _, _ in string.Formatter().parse(pattern) if name)


def placeholders(templates: dict[str, dict[str, Any]], kind: str) -> set[str]:
    """The payload names a message kind's fields and page are filled from."""
    spec = templates.get(kind, {})
    patterns = [*dict(spec.get("fields", {})).values(), spec.get("page", ""), *spec.get("sms_params", [])]
    return {name for pattern in patterns for name in _names(str(pattern))}


def _fill(pattern: str, payload: dict[str, Any]) -> str:
    names = _names(pattern)
    missing = [name for name in names if payload.get(name) in (None, "")]
    if missing:
        raise TemplateError(f"payload_missing:{','.join(missing)}")
    return pattern.format_map({name: str(payload[name]) for name in names})


def render(templates: dict[str, dict[str, Any]], kind: str, payload: dict[str, Any]) -> Rendered:
    """Fill the message kind's template fields and page from the payload; raise TemplateError."""
    spec = templates.get(kind)
    if spec is None:
        raise TemplateError(f"no_template:{kind}")
    data = {key: cut(_fill(str(pattern), payload), field_limit(key))
            for key, pattern in dict(spec.get("fields", {})).items()}
    sms_params = tuple(_fill(str(pattern), payload) for pattern in list(spec.get("sms_params", [])))
    return Rendered(oa_template_id=str(spec.get("oa_template_id", "")),
                    mp_template_id=str(spec.get("mp_template_id", "")),
                    page=_fill(str(spec.get("page", "")), payload), data=data,
                    sms_template_id=str(spec.get("sms_template_id", "")), sms_params=sms_params,
                    oa_subscribe_template_id=str(spec.get("oa_subscribe_template_id", "")))
