"""Request and response shapes without HTTP: the base schema, pages, cursors, ids. Services
import these; app/api.py adds what only routes need (parsing requests, OpenAPI, responses)."""

from __future__ import annotations

import base64
import uuid
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, ValidationError, WithJsonSchema

from app.errors import NotFoundError, ValidationFailed
from app.ids import to_local

LocalDateTime = Annotated[
    datetime, PlainSerializer(lambda moment: to_local(moment).isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}, mode="serialization"),
]
"""A datetime stored in UTC and shown in Beijing time, ISO 8601 with +08:00."""

ModelT = TypeVar("ModelT", bound=BaseModel)
ItemT = TypeVar("ItemT")


class Schema(BaseModel):
    """Base of request and response shapes: unknown fields are refused, not silently dropped."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)


class ReasonIn(Schema):
    """A free-text reason for a state change (withdraw, not accept, suspend, review decisions)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "材料不齐全"}]})

    reason: str = Field("", max_length=1000)


class PresentIn(Schema):
    """A wallet certificate presented instead of uploading a material (an application's or a bundle's)."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"certificate_id": "3f2b9c1e-8a4d-4c6e-9b1f-2d7e5a6c8b90"},
    ]})

    certificate_id: str = Field(min_length=1, max_length=64,
                                description="本人证照夹（以单位名义办理时也可为单位证照夹）中的电子证照 id")


class Page(BaseModel, Generic[ItemT]):
    """One page of a cursor-paginated list; pass ``next_cursor`` back as ``cursor``."""

    items: list[ItemT]
    next_cursor: str | None = None


def encode_cursor(value: str) -> str:
    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationFailed("分页游标无效", code="INVALID_CURSOR") from exc


def _field_errors(exc: ValidationError) -> dict[str, Any]:
    return {
        "fields": [
            {"field": ".".join(str(p) for p in err["loc"]), "type": err["type"], "message": err["msg"]}
            for err in exc.errors(include_url=False, include_context=False, include_input=False)
        ]
    }


def parse_model(model: type[ModelT], data: Any) -> ModelT:
    """Validate data against a schema, turning pydantic errors into VALIDATION_FAILED."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ValidationFailed(details=_field_errors(exc)) from exc


def parse_id(value: Any) -> uuid.UUID | None:
    """An id as a UUID, or None when it is not one (callers answer 404, not 500)."""
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def id_or_not_found(value: Any, *, code: str, message: str) -> uuid.UUID:
    """An opaque id from a path or body; a malformed one is simply not found."""
    parsed = parse_id(value)
    if parsed is None:
        raise NotFoundError(message, code=code)
    return parsed
