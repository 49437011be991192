"""Request parsing, response shapes and OpenAPI documentation for route handlers."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import orjson
from pydantic import BaseModel
from sanic import Request
from sanic.response import HTTPResponse

from app.auth import Reader
from app.errors import AppError, MalformedJSON, ValidationFailed
from app.keys import KeyRing
from app.openapi import OPERATION_ATTRIBUTE, Header, Operation
from app.shapes import ModelT, Schema, parse_model


class JsonWebKey(Schema):
    kty: str
    crv: str
    alg: str
    use: str
    kid: str
    x: str


class JsonWebKeySet(Schema):
    """Public Ed25519 keys (RFC 8037); retired keys stay listed to verify what they signed."""

    keys: list[JsonWebKey]


def jwks_response(keyring: KeyRing) -> HTTPResponse:
    """A key ring's public keys, cacheable by devices and other services."""
    return respond(JsonWebKeySet.model_validate(keyring.jwks()),
                   headers={"cache-control": "public, max-age=300"})


def _nul_location(data: Any) -> str | None:
    """Where the first text holding U+0000 sits in parsed input (a dotted path; "" for the root),
    or None. PostgreSQL text cannot hold that character, so it is refused on the way in, the same
    on both backends, instead of failing in the database."""
    if isinstance(data, str):
        return "" if "\x00" in data else None
    if isinstance(data, dict):
        entries: Iterable[tuple[Any, Any]] = data.items()
    elif isinstance(data, list):
        entries = enumerate(data)
    else:
        return None
    for key, value in entries:
        if isinstance(key, str) and "\x00" in key:
            return key.replace("\x00", "\\u0000")
        inner = _nul_location(value)
        if inner is not None:
            return ".".join(part for part in (str(key), inner) if part)
    return None


def _refuse_nul(data: Any) -> None:
    location = _nul_location(data)
    if location is not None:
        raise ValidationFailed(details={"fields": [
            {"field": location, "type": "string_nul", "message": "不能包含空字符（U+0000）"}]})


def parse_json_body(request: Request, model: type[ModelT]) -> ModelT:
    """Parse and validate a JSON request body."""
    if not request.body:
        raise MalformedJSON("请求体不能为空")
    try:
        data = orjson.loads(request.body)
    except orjson.JSONDecodeError as exc:
        raise MalformedJSON(details={"position": exc.pos}) from exc
    # JSON can carry U+0000 only as this escape, so a body without it needs no walk.
    if b"\\u0000" in request.body:
        _refuse_nul(data)
    return parse_model(model, data)


def parse_query(request: Request, model: type[ModelT]) -> ModelT:
    """Validate query-string parameters (the last value wins for repeated keys)."""
    args = {k: v[-1] for k, v in request.args.items()}
    _refuse_nul(args)
    return parse_model(model, args)


_IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_.:-]{8,64}$")


def idempotency_key(request: Request, *, required: bool) -> str | None:
    """The ``Idempotency-Key`` header of a create request (a retry sends the same key)."""
    key = request.headers.get("idempotency-key")
    if not key:
        if required:
            raise AppError("该请求需要 Idempotency-Key 请求头", code="IDEMPOTENCY_KEY_REQUIRED")
        return None
    if not _IDEMPOTENCY_KEY.match(key):
        raise ValidationFailed("Idempotency-Key 须为 8-64 位字母、数字或 _.:-",
                               code="IDEMPOTENCY_KEY_INVALID")
    return str(key)


def respond(shape: BaseModel, *, status: int = 200,
            headers: dict[str, str] | None = None) -> HTTPResponse:
    """Serialise a response shape; routes never return model objects."""
    return HTTPResponse(shape.model_dump_json(), status=status, headers=headers,
                        content_type="application/json")


def endpoint(*, summary: str, tag: str, body: type[BaseModel] | None = None,
             query: type[BaseModel] | None = None, response: type[BaseModel] | None = None,
             status: int = 200, replay_status: int | None = None, conditional: bool = False,
             errors: Iterable[type[AppError] | tuple[int, str]] = (),
             secured: bool = False, media_type: str | tuple[str, ...] = (),
             upload_media_types: tuple[str, ...] = (), headers: tuple[Header, ...] = (),
             operation_id: str | None = None,
             ) -> Callable[[Callable[..., Awaitable[HTTPResponse]]], Callable[..., Awaitable[HTTPResponse]]]:
    """Document a handler in OpenAPI (app/openapi.py) and hand it validated ``body=``/``query=``.

    ``media_type`` documents a non-JSON success body (e.g. ``image/png``); ``upload_media_types``
    a raw or multipart request body read by the handler itself; ``replay_status`` the status of a
    repeated request (same Idempotency-Key) that answers the earlier result; ``conditional`` an
    answer with an ETag, 304 to an ``If-None-Match`` naming it."""
    declared = tuple(error if isinstance(error, tuple) else (error.status, error.code)
                     for error in errors)
    operation = Operation(
        summary=summary, tag=tag, body=body, query=query, response=response, status=status,
        replay_status=replay_status, conditional=conditional, errors=declared, secured=secured,
        media_types=(media_type,) if isinstance(media_type, str) else media_type,
        upload_media_types=upload_media_types, headers=headers, operation_id=operation_id)

    def decorate(handler: Callable[..., Awaitable[HTTPResponse]]) -> Callable[..., Awaitable[HTTPResponse]]:
        # The handler's access declaration (app.auth) runs first: an anonymous caller learns
        # nothing of the body's fields.
        access = getattr(handler, "access", None)

        @functools.wraps(handler)
        async def wrapped(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            if access is not None:
                await access.enforce(request)
            if body is not None:
                kwargs["body"] = parse_json_body(request, body)
            if query is not None:
                kwargs["query"] = parse_query(request, query)
            return await handler(request, *args, **kwargs)

        setattr(wrapped, OPERATION_ATTRIBUTE, operation if access is None else dataclasses.replace(
            operation, security_schemes=access.security_schemes))
        return wrapped

    return decorate


IDEMPOTENCY_KEY_PATTERN = _IDEMPOTENCY_KEY.pattern


def idempotency_header(description: str, *, required: bool) -> Header:
    """The documented ``Idempotency-Key`` request header."""
    return Header("Idempotency-Key", description, required=required, pattern=IDEMPOTENCY_KEY_PATTERN)


_PATH_PARAMETER = re.compile(r"<(\w+)(?::[^>]*)?>")


def purpose_of(request: Request) -> str:
    """The endpoint a request was routed to, written as in the OpenAPI document
    (``GET /api/v1/review/applications/{application_id}``), as recorded with reads of personal data."""
    path = _PATH_PARAMETER.sub(r"{\1}", request.uri_template or request.path)
    return f"{request.method} {path}"


def reader_of(request: Request) -> Reader:
    """The caller of a request its access declaration admitted, as the reader of its answer."""
    return Reader(principal=request.ctx.principal, roles=request.ctx.access_enforced.roles,
                  endpoint=purpose_of(request))
