"""Request parsing, response shapes and OpenAPI documentation for route handlers."""

from __future__ import annotations

import functools
import re
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import orjson
from pydantic import BaseModel
from sanic import Request
from sanic.response import HTTPResponse
from sanic_ext import openapi
from sanic_ext.extensions.openapi.types import Schema as OpenAPISchema

from app.errors import AppError, MalformedJSON, ValidationFailed
from app.shapes import ModelT, Schema, parse_model


class ErrorBody(BaseModel):
    code: str
    message: str
    details: dict[str, Any] = {}
    request_id: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


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


def jwks_response(keyring) -> HTTPResponse:
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
    return key


def respond(shape: BaseModel, *, status: int = 200,
            headers: dict[str, str] | None = None) -> HTTPResponse:
    """Serialise a response shape; routes never return model objects."""
    return HTTPResponse(shape.model_dump_json(), status=status, headers=headers,
                        content_type="application/json")


@functools.cache
def openapi_schema(model: type[BaseModel]) -> OpenAPISchema:
    """A model's OpenAPI schema, built once: sanic-ext would rebuild it for every use, and the
    error shape alone is documented several times on each of ~120 routes (seconds at start-up)."""
    return OpenAPISchema.make(model)


def endpoint(*, summary: str, tag: str, body: type[BaseModel] | None = None,
             query: type[BaseModel] | None = None, response: type[BaseModel] | None = None,
             status: int = 200, errors: Iterable[type[AppError] | tuple[int, str]] = (),
             secured: bool = False, media_type: str | None = None) -> Callable[[Callable[..., Awaitable[HTTPResponse]]],
                                                Callable[..., Awaitable[HTTPResponse]]]:
    """Document a handler in OpenAPI and hand it validated ``body=``/``query=`` models.

    ``media_type`` documents a non-JSON success body (e.g. ``image/png``)."""

    def decorate(handler: Callable[..., Awaitable[HTTPResponse]]):
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

        documented = openapi.summary(summary)(wrapped)
        documented = openapi.tag(tag)(documented)
        if body is not None:
            documented = openapi.body({"application/json": openapi_schema(body)}, required=True)(documented)
        if query is not None:
            for name, field in query.model_fields.items():
                documented = openapi.parameter(field.alias or name, str, "query",
                                               required=field.is_required(),
                                               description=field.description)(documented)
        if response is not None:
            documented = openapi.response(status, {"application/json": openapi_schema(response)},
                                          "成功")(documented)
        elif media_type is not None:
            documented = openapi.response(status, {media_type: bytes}, "成功")(documented)
        elif 300 <= status < 400:
            documented = openapi.response(status, description="重定向（见 Location 头）")(documented)
        statuses: dict[int, list[str]] = {}
        if body is not None or query is not None:
            statuses.setdefault(422, []).append(ValidationFailed.code)
        if body is not None:
            statuses.setdefault(400, []).append(MalformedJSON.code)
        if secured:
            statuses.setdefault(401, []).extend(["UNAUTHENTICATED", "TOKEN_INVALID"])
            # Every guard refuses the wrong kind of account (staff token on a resident route).
            statuses.setdefault(403, []).append("FORBIDDEN")
            documented = openapi.secured("bearer")(documented)
        for error in errors:
            err_status, err_code = error if isinstance(error, tuple) else (error.status, error.code)
            statuses.setdefault(err_status, []).append(err_code)
        for err_status, codes in sorted(statuses.items()):
            documented = openapi.response(err_status, {"application/json": openapi_schema(ErrorResponse)},
                                          "错误码: " + ", ".join(codes))(documented)
        return documented

    return decorate


_PATH_PARAMETER = re.compile(r"<(\w+)(?::[^>]*)?>")


def purpose_of(request: Request) -> str:
    """The endpoint a request was routed to, written as in the OpenAPI document
    (``GET /api/v1/review/applications/{application_id}``), as recorded with reads of personal data."""
    path = _PATH_PARAMETER.sub(r"{\1}", request.uri_template or request.path)
    return f"{request.method} {path}"
