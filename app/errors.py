"""One error base, one JSON body, one catch-all. Codes are listed in docs/errors.md."""

from __future__ import annotations

from typing import Any

import structlog
from sanic import Request, Sanic
from sanic.exceptions import (
    BadRequest,
    MethodNotAllowed,
    NotFound,
    PayloadTooLarge,
    RequestTimeout,
    SanicException,
    ServiceUnavailable,
)
from sanic.response import HTTPResponse, json

from app import cors
from app.middleware import request_id_of
from app.outages import RETRY_AFTER_SECONDS, cancelled_mid_query, unavailable_dependency

log = structlog.get_logger("app.errors")


class AppError(Exception):
    """Base of every error we answer on purpose: HTTP status, stable code, Chinese message."""

    status = 400
    code = "BAD_REQUEST"
    message = "请求有误"

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 status: int | None = None, details: dict[str, Any] | None = None) -> None:
        self.message = message or self.message
        self.code = code or self.code
        self.status = status or self.status
        self.details = details or {}
        super().__init__(self.message)


class MalformedJSON(AppError):
    status, code, message = 400, "MALFORMED_JSON", "请求体不是合法的 JSON"


class ValidationFailed(AppError):
    status, code, message = 422, "VALIDATION_FAILED", "请求参数校验失败"


class Unauthenticated(AppError):
    status, code, message = 401, "UNAUTHENTICATED", "请先登录"


class TokenInvalid(AppError):
    status, code, message = 401, "TOKEN_INVALID", "登录凭证无效或已过期，请重新登录"


class Forbidden(AppError):
    status, code, message = 403, "FORBIDDEN", "无权执行此操作"


class RealNameRequired(AppError):
    status, code, message = 403, "REALNAME_REQUIRED", "此操作需要实名认证，请先绑定北京通完成实名"


class NotFoundError(AppError):
    status, code, message = 404, "NOT_FOUND", "资源不存在"


class Conflict(AppError):
    status, code, message = 409, "CONFLICT", "与当前状态冲突"


class RateLimited(AppError):
    """Too many requests: ``details.retry_after_seconds`` says when to try again, and the handler
    repeats it in the ``Retry-After`` header."""

    status, code, message = 429, "RATE_LIMITED", "操作过于频繁，请稍后再试"


class UpstreamError(AppError):
    status, code, message = 502, "UPSTREAM_ERROR", "上游服务暂时不可用，请稍后再试"


UNAVAILABLE_MESSAGE = "服务暂时不可用，请稍后重试"


class DependencyUnavailable(AppError):
    """A service we depend on (e.g. WeChat Pay) cannot answer now: 503 with ``Retry-After``, the
    answer of an outage of our own servers (docs/outages.md)."""

    status, code, message = 503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE

    def __init__(self, dependency: str) -> None:
        self.dependency = dependency
        super().__init__()


# Framework exceptions we translate, with the code each becomes.
_FRAMEWORK_ERRORS: list[tuple[type[SanicException], int, str, str]] = [
    (NotFound, 404, "ROUTE_NOT_FOUND", "接口不存在"),
    (MethodNotAllowed, 405, "METHOD_NOT_ALLOWED", "不支持的请求方法"),
    (PayloadTooLarge, 413, "PAYLOAD_TOO_LARGE", "请求体过大"),
    (RequestTimeout, 408, "REQUEST_TIMEOUT", "请求超时"),
    (ServiceUnavailable, 503, "SERVICE_UNAVAILABLE", "服务暂不可用"),
    (BadRequest, 400, "BAD_REQUEST", "请求有误"),
]


def error_response(request: Request | None, status: int, code: str, message: str,
                   details: dict[str, Any] | None = None,
                   headers: dict[str, str] | None = None) -> HTTPResponse:
    """The one error body shape of the API."""
    body: dict[str, Any] = {"code": code, "message": message, "details": details or {}}
    if request is not None:
        body["request_id"] = request_id_of(request)
    return json({"error": body}, status=status, headers=headers, ensure_ascii=False)


def _handle(request: Request, exc: Exception) -> HTTPResponse:
    if isinstance(exc, MethodNotAllowed) and cors.is_preflight(request):
        answer = cors.preflight(request, exc.allowed_methods or ())
        if answer.refused:
            return error_response(request, 403, "CORS_PREFLIGHT_REFUSED",
                                  "跨域请求被拒绝：来源、方法或请求头不在允许范围内",
                                  {"reason": answer.refused})
        return HTTPResponse(status=204, headers=answer.headers)
    if isinstance(exc, DependencyUnavailable):
        log.warning("dependency_unavailable", dependency=exc.dependency, error=type(exc.__cause__).__name__,
                    path=request.path if request else None)
        return _unavailable(request)
    if isinstance(exc, AppError):
        return error_response(request, exc.status, exc.code, exc.message, exc.details,
                              headers=_retry_after(exc))
    for kind, status, code, message in _FRAMEWORK_ERRORS:
        if isinstance(exc, kind):
            headers = dict(getattr(exc, "headers", None) or {})
            return error_response(request, status, code, message, headers=headers)
    if isinstance(exc, SanicException) and 400 <= exc.status_code < 500:
        return error_response(request, exc.status_code, f"HTTP_{exc.status_code}", "请求有误")
    if cancelled_mid_query(exc):
        # A client that went away mid-transaction (wrk ending its run, a phone losing its signal)
        # logged a 500 with its traceback that nobody received; whoever is still there may retry.
        log.info("request_cancelled", error=type(exc).__name__, path=request.path if request else None)
        return _unavailable(request)
    dependency = unavailable_dependency(exc)
    if dependency is not None:
        # An outage, not a bug: no traceback (one per request would flood the log), and the
        # client is told when to retry (docs/outages.md).
        log.warning("dependency_unavailable", dependency=dependency, error=type(exc).__name__,
                    path=request.path if request else None)
        return _unavailable(request)
    # The catch-all must stay last: anything unexpected is logged with its traceback and
    # answered with a generic body, so no internals (SQL, paths, secrets) reach the client.
    log.exception("unhandled_exception", path=request.path if request else None)
    return error_response(request, 500, "INTERNAL_ERROR", "服务器内部错误，请稍后重试或联系客服")


def _retry_after(exc: AppError) -> dict[str, str] | None:
    """Every 429 tells when to retry in the header clients and proxies read, as every 503 does."""
    seconds = exc.details.get("retry_after_seconds") if exc.status == 429 else None
    return {"Retry-After": str(seconds)} if seconds is not None else None


def _unavailable(request: Request) -> HTTPResponse:
    return error_response(request, 503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE,
                          {"retry_after_seconds": RETRY_AFTER_SECONDS},
                          headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def install_error_handlers(app: Sanic[Any, Any]) -> None:
    """Route every exception through the single handler."""
    app.error_handler.add(Exception, _handle)
