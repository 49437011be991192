"""The OpenAPI 3.1 document, generated from the pydantic shapes and what ``app.api.endpoint``
recorded on each handler: every shape is a named component, error answers list their codes.

Served at ``/docs/openapi.json`` with Swagger UI at ``/docs`` (its files come with the
``swagger-ui-bundle-v2`` package, so the page works offline); ``python -m app openapi`` prints
the same document for the TypeScript client (docs/frontend-client.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema
from sanic import Blueprint, Request, Sanic
from sanic.response import HTTPResponse, html, raw
from swagger_ui_bundle import swagger_ui_path

REF_TEMPLATE = "#/components/schemas/{model}"
TEXT_MEDIA_TYPES = frozenset({"text/plain", "application/xml"})

# Answers any operation can give, whatever it does: listed on every operation so a generated
# client's error type is complete. A request line, headers or body past the limits is refused
# before any handler runs.
COMMON_ERRORS: tuple[tuple[int, str], ...] = (
    (413, "PAYLOAD_TOO_LARGE"),
    (500, "INTERNAL_ERROR"),
    (503, "SERVICE_UNAVAILABLE"),
)
BODY_ERRORS: tuple[tuple[int, str], ...] = (
    (400, "MALFORMED_JSON"),
    (422, "VALIDATION_FAILED"),
)
# A path parameter that cannot form the path (an encoded slash, a value outside a route's pattern)
# matches no route at all.
PATH_PARAMETER_ERRORS: tuple[tuple[int, str], ...] = ((404, "ROUTE_NOT_FOUND"),)
QUERY_ERRORS: tuple[tuple[int, str], ...] = ((422, "VALIDATION_FAILED"),)
# Every guard checks the token the same way and refuses the wrong kind of account.
SECURED_ERRORS: tuple[tuple[int, str], ...] = (
    (401, "UNAUTHENTICATED"),
    (401, "TOKEN_INVALID"),
    (401, "TOKEN_EXPIRED"),
    (401, "SESSION_REVOKED"),
    (403, "FORBIDDEN"),
)


@dataclass(frozen=True)
class Header:
    """A request header an operation reads (e.g. ``Idempotency-Key``)."""

    name: str
    description: str
    required: bool = False
    pattern: str | None = None


@dataclass(frozen=True)
class Operation:
    """What ``endpoint`` knows about a handler, kept on it for the document."""

    summary: str
    tag: str
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    status: int = 200
    replay_status: int | None = None  # a repeat with the same Idempotency-Key: the same body, this status
    conditional: bool = False  # answers 304, no body, to an If-None-Match naming its current ETag
    errors: tuple[tuple[int, str], ...] = ()
    secured: bool = False
    media_types: tuple[str, ...] = ()
    upload_media_types: tuple[str, ...] = ()
    headers: tuple[Header, ...] = ()
    operation_id: str | None = None
    # Any one of these proves the caller when ``secured`` (names in SECURITY_SCHEMES).
    security_schemes: tuple[str, ...] = ("bearer",)

    def error_codes(self, *, has_path_parameters: bool) -> dict[int, list[str]]:
        """Every code this operation may answer, by HTTP status, in a stable order."""
        found: list[tuple[int, str]] = list(COMMON_ERRORS)
        if has_path_parameters:
            found += PATH_PARAMETER_ERRORS
        if self.body is not None or self.upload_media_types:
            found += BODY_ERRORS
        if self.query is not None:
            found += QUERY_ERRORS
        if self.secured:
            found += SECURED_ERRORS
        found += self.errors
        by_status: dict[int, list[str]] = {}
        for status, code in found:
            codes = by_status.setdefault(status, [])
            if code not in codes:
                codes.append(code)
        return {status: sorted(codes) for status, codes in sorted(by_status.items())}


OPERATION_ATTRIBUTE = "__api_operation__"


def operation_of(handler: Any) -> Operation | None:
    """The operation ``endpoint`` recorded on a handler, if it is documented."""
    return getattr(handler, OPERATION_ATTRIBUTE, None)


@dataclass
class _Route:
    path: str
    method: str
    operation: Operation
    operation_id: str
    path_parameters: list[tuple[str, str]] = field(default_factory=list)


_PATH_PARAMETER = re.compile(r"<(\w+)(?::([^>]+))?>")


def _camel(*words: str) -> str:
    parts = [part for word in words for part in re.split(r"[_\W]+", word) if part]
    return parts[0].lower() + "".join(part[:1].upper() + part[1:] for part in parts[1:])


def _operation_id(route_name: str) -> str:
    """``<blueprint><Handler>`` in camelCase from a route name ("<app>.<blueprint>.<handler>"):
    unique, and stable while the handler keeps its name. A handler already named after its
    blueprint keeps its own name (``calendar_days`` -> ``calendarDays``, not ``calendarCalendarDays``)."""
    _, blueprint, handler = route_name.split(".", 2)
    if handler == blueprint or handler.startswith(blueprint + "_"):
        return _camel(handler)
    return _camel(blueprint, handler)


def _documented_routes(app: Sanic[Any, Any]) -> Iterator[_Route]:
    # Several routes share a path (one per method); the router's order of them varies between runs.
    for route in sorted(app.router.routes, key=lambda r: (r.path, sorted(r.methods))):
        operation = operation_of(route.handler)
        if operation is None:
            continue
        path = "/" + route.path
        parameters = [(name, kind or "str") for name, kind in _PATH_PARAMETER.findall(path)]
        openapi_path = _PATH_PARAMETER.sub(r"{\1}", path)
        methods = sorted(route.methods - {"HEAD", "OPTIONS"})
        base_id = operation.operation_id or _operation_id(route.name)
        for method in methods:
            operation_id = base_id if len(methods) == 1 else base_id + method.capitalize()
            yield _Route(openapi_path, method.lower(), operation, operation_id, parameters)


# A number within a record (a material's place in its list, a menu version): nine digits at most,
# so that it fits the 32-bit columns it is looked up in. A longer one matches no route (404
# ROUTE_NOT_FOUND); as a plain ``int`` it reached the lookup and failed it (500, found by
# schemathesis). Registered on the router by ``install_path_types``.
INDEX_PATH_TYPE = "index"
INDEX_MAX = 999_999_999


_INDEX = re.compile(rf"[0-9]{{1,{len(str(INDEX_MAX))}}}")


def _index(segment: str) -> int:
    # The router matches a typed segment by its cast (a ValueError: no match), not by the pattern.
    if not _INDEX.fullmatch(segment):
        raise ValueError(segment)
    return int(segment)


def install_path_types(app: Sanic[Any, Any]) -> None:
    """The router's own path parameter types; before any route is added."""
    app.router.register_pattern(INDEX_PATH_TYPE, _index, _INDEX.pattern)


def _path_parameter_schema(kind: str) -> dict[str, Any]:
    if kind == INDEX_PATH_TYPE:
        return {"type": "integer", "format": "int32", "minimum": 0, "maximum": INDEX_MAX}
    if kind == "int":
        return {"type": "integer", "format": "int64"}
    if kind == "uuid":
        return {"type": "string", "format": "uuid"}
    if "|" in kind:  # a route pattern of alternatives: a closed set
        return {"type": "string", "enum": kind.split("|")}
    return {"type": "string"}


ComponentNames = dict[tuple[type[BaseModel], JsonSchemaMode], str]


def _components(routes: list[_Route]) -> tuple[ComponentNames, dict[str, Any]]:
    models: list[tuple[type[BaseModel], JsonSchemaMode]] = [(ErrorResponse, "serialization")]
    for route in routes:
        operation = route.operation
        if operation.body is not None:
            models.append((operation.body, "validation"))
        if operation.query is not None:
            models.append((operation.query, "validation"))
        if operation.response is not None:
            models.append((operation.response, "serialization"))
    unique = list(dict.fromkeys(models))
    refs, definitions = models_json_schema(unique, ref_template=REF_TEMPLATE)
    names = {key: refs[key]["$ref"].rsplit("/", 1)[1] for key in unique}
    schemas = definitions.get("$defs", {})
    for schema in schemas.values():
        _mark_int64(schema)
    return names, schemas


def _mark_int64(schema: Any) -> None:
    """Mark every integer 64-bit: timestamps in milliseconds and tree sizes pass 2³¹, and a
    generated client must not assume 32 bits for any of them."""
    if isinstance(schema, dict):
        if schema.get("type") == "integer":
            schema.setdefault("format", "int64")
        for value in schema.values():
            _mark_int64(value)
    elif isinstance(schema, list):
        for value in schema:
            _mark_int64(value)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": REF_TEMPLATE.format(model=name)}


# Answers that say when to retry (app/errors.py): too many requests, and an outage.
RETRY_AFTER = {"Retry-After": {"description": "几秒后重试（与 details.retry_after_seconds 相同）",
                               "schema": {"type": "integer", "minimum": 1}}}
RETRY_AFTER_STATUSES = frozenset({429, 503})


def _error_response(status: int, codes: list[str]) -> dict[str, Any]:
    return {
        **({"headers": RETRY_AFTER} if status in RETRY_AFTER_STATUSES else {}),
        "description": "错误码: " + ", ".join(codes),
        "content": {"application/json": {"schema": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {
                "allOf": [_ref("ErrorBody")],
                "properties": {"code": {"type": "string", "enum": codes}},
            }},
        }}},
    }


# A server-sent event stream is described event by event, as clients (and schemathesis) read it.
SERVER_SENT_EVENT = {"type": "object", "properties": {
    "event": {"type": "string"}, "data": {"type": "string"}, "id": {"type": "string"},
    "retry": {"type": "integer"}}}


def _media_schema(media: str) -> dict[str, Any]:
    if media == "text/event-stream":
        return SERVER_SENT_EVENT
    if media in TEXT_MEDIA_TYPES:
        return {"type": "string"}
    return {"type": "string", "contentMediaType": media}


def _success_response(operation: Operation, names: ComponentNames) -> dict[str, Any]:
    if operation.response is not None:
        schema = _ref(names[(operation.response, "serialization")])
        return {"description": "成功", "content": {"application/json": {"schema": schema}}}
    if operation.media_types:
        return {"description": "成功", "content": {
            media: {"schema": _media_schema(media)} for media in operation.media_types}}
    if 300 <= operation.status < 400:
        return {"description": "重定向（见 Location 头）"}
    return {"description": "成功（无内容）"}


def _query_parameters(query: type[BaseModel], schema: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    parameters = []
    for name, property_schema in schema.get("properties", {}).items():
        parameter: dict[str, Any] = {"name": name, "in": "query", "required": name in required,
                                     "schema": {k: v for k, v in property_schema.items()
                                                if k not in ("title", "description")}}
        if "description" in property_schema:
            parameter["description"] = property_schema["description"]
        parameters.append(parameter)
    return parameters


def _operation(route: _Route, names: ComponentNames,
               schemas: dict[str, Any]) -> dict[str, Any]:
    operation = route.operation
    document: dict[str, Any] = {"operationId": route.operation_id, "summary": operation.summary,
                                "tags": [operation.tag]}
    parameters: list[dict[str, Any]] = [
        {"name": name, "in": "path", "required": True, "schema": _path_parameter_schema(kind)}
        for name, kind in route.path_parameters]
    if operation.query is not None:
        parameters += _query_parameters(operation.query, schemas[names[(operation.query, "validation")]])
    for header in operation.headers:
        header_schema: dict[str, Any] = {"type": "string"}
        if header.pattern:
            header_schema["pattern"] = header.pattern
        parameters.append({"name": header.name, "in": "header", "required": header.required,
                           "description": header.description, "schema": header_schema})
    if operation.conditional:
        parameters.append({"name": "If-None-Match", "in": "header", "required": False,
                           "description": "先前响应的 ETag；未改变时返回 304（无内容）", "schema": {"type": "string"}})
    if parameters:
        document["parameters"] = parameters
    if operation.body is not None:
        document["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": _ref(names[(operation.body, "validation")])}}}
    elif operation.upload_media_types:
        content: dict[str, Any] = {}
        for media in operation.upload_media_types:
            if media == "multipart/form-data":
                content[media] = {"schema": {
                    "type": "object", "required": ["file"],
                    "properties": {"file": {"type": "string", "contentMediaType": "application/octet-stream"}}}}
            else:
                content[media] = {"schema": {"type": "string", "contentMediaType": media}}
        document["requestBody"] = {"required": True, "content": content}
    responses: dict[str, Any] = {str(operation.status): _success_response(operation, names)}
    if operation.replay_status is not None:
        responses[str(operation.replay_status)] = {
            **_success_response(operation, names), "description": "重试（同一 Idempotency-Key）：返回先前的同一结果"}
    if operation.conditional:
        responses["304"] = {"description": "未改变（If-None-Match 与当前 ETag 相同），无内容"}
    for status, codes in operation.error_codes(has_path_parameters=bool(route.path_parameters)).items():
        responses[str(status)] = _error_response(status, codes)
    document["responses"] = responses
    if operation.secured:
        document["security"] = [{scheme: []} for scheme in operation.security_schemes]
    return document


SECURITY_SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
    # A hall's self-service kiosk: the credential its hall manager was given when registering it.
    "kiosk": {"type": "http", "scheme": "kiosk",
              "description": "自助机凭证：Authorization: Kiosk kiosk_<id>.<secret>（登记自助机时一次性给出）"},
}


def build_document(app: Sanic[Any, Any], *, title: str, description: str) -> dict[str, Any]:
    """The whole OpenAPI 3.1 document of an app's documented routes."""
    routes = list(_documented_routes(app))
    names, schemas = _components(routes)
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        paths.setdefault(route.path, {})[route.method] = _operation(route, names, schemas)
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "v1", "description": description},
        "paths": paths,
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": SECURITY_SCHEMES,
        },
    }


class ErrorBody(BaseModel):
    """The one error body: ``code`` is stable (docs/errors.md), ``message`` is for people."""

    code: str
    message: str
    details: dict[str, Any] = {}
    request_id: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


SWAGGER_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/static/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/static/swagger-ui-bundle.js"></script>
<script src="/docs/static/swagger-ui-init.js"></script>
</body></html>"""
# Swagger UI's start-up as a file of our own: a Content-Security-Policy without inline scripts
# still lets the page run.
SWAGGER_INIT = b"""window.ui = SwaggerUIBundle({url: "/docs/openapi.json", dom_id: "#swagger-ui",
  deepLinking: true, persistAuthorization: true});"""


def docs_blueprint(*, title: str, description: str) -> Blueprint:
    """``/docs`` (Swagger UI from the installed package) and ``/docs/openapi.json``."""
    bp = Blueprint("docs", url_prefix="/docs")
    encoded: dict[str, bytes] = {}

    @bp.get("/openapi.json")
    async def openapi_json(request: Request) -> HTTPResponse:
        # Built on first request, once the app's routes are final.
        if "spec" not in encoded:
            encoded["spec"] = orjson.dumps(build_document(request.app, title=title, description=description))
        return raw(encoded["spec"], content_type="application/json")

    @bp.get("/")
    async def swagger_page(request: Request) -> HTTPResponse:
        return html(SWAGGER_PAGE.format(title=title))

    @bp.get("/static/swagger-ui-init.js")
    async def swagger_init(request: Request) -> HTTPResponse:
        return raw(SWAGGER_INIT, content_type="text/javascript")

    bp.static("/static", str(swagger_ui_path), name="swagger_ui")
    return bp

