"""Structured JSON logs with request ids; personal data masked before anything is written."""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

import structlog
from sanic import Request
from sanic.exceptions import ServerError
from structlog.typing import EventDict, Processor

from app.crypto import mask_id_number, mask_phone
from app.middleware import request_id_of

_ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_SECRET_KEYS = {"password", "secret", "session_key", "refresh_token", "access_token", "token",
                "authorization", "totp_code", "code"}
_PERSONAL_KEYS = {"id_number", "phone", "real_name", "name"}
# Ids we make (request ids, UUIDs, "kind:uuid" subjects) are no one's data, and may hold a run of
# 18 or 11 digits that reads as an ID number or a phone: left whole, so they stay searchable.
_OUR_ID = re.compile(r"(?:[a-z_]+:)?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")


def add_request_context(_logger: Any, _method: str, event: EventDict) -> EventDict:
    """Every line logged while a request is handled carries its id (as the response header), the
    client address and, once authenticated, the principal's subject id (an id, no personal data)."""
    try:
        request = Request.get_current()
    except ServerError:  # not inside a request: CLI, push worker, start-up
        return event
    event.setdefault("request_id", request_id_of(request))
    # remote_addr is the address HDT_PROXIES_COUNT trusted proxies forwarded; empty without them.
    event.setdefault("client", request.remote_addr or request.ip)
    principal = getattr(request.ctx, "principal", None)
    if principal is not None:
        event.setdefault("subject", f"{principal.kind}:{principal.subject_id}")
    return event


def _mask_text(text: str) -> str:
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group()), text)
    return _MOBILE.sub(lambda m: mask_phone(m.group()), text)


def _mask_value(key: str, value: Any) -> Any:
    if key in _SECRET_KEYS and value is not None:
        return "***"
    if isinstance(value, str):
        if _OUR_ID.fullmatch(value):
            return value
        if key in _PERSONAL_KEYS:
            return value[:1] + "*" * (len(value) - 1) if len(value) < 7 else _mask_text(value)
        return _mask_text(value)
    if isinstance(value, dict):
        return {k: _mask_value(str(k).lower(), v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_mask_value(key, v) for v in value]
    return value


def mask_personal_data(_logger: Any, _method: str, event: EventDict) -> EventDict:
    """structlog processor: masks ID numbers, phones, names and secrets in every field."""
    return {k: _mask_value(k.lower(), v) for k, v in event.items()}


def configure_logging(*, level: str = "INFO", as_json: bool = True) -> None:
    """Route stdlib and structlog output through one masked renderer on stdout."""
    renderer = structlog.processors.JSONRenderer(ensure_ascii=False) if as_json \
        else structlog.dev.ConsoleRenderer(colors=False)
    shared: list[Processor] = [
        add_request_context,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        mask_personal_data,
    ]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
        foreign_pre_chain=shared,
    ))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Sanic's own access log duplicates ours; its error/server logs go through the handler above.
    for name in ("sanic.root", "sanic.error", "sanic.server"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    logging.getLogger("sanic.access").disabled = True
    # saq logs every job at INFO.
    logging.getLogger("saq").setLevel(max(logging.WARNING, root.level))
