"""Security headers on every response, and ``Content-Disposition`` for downloads.

Every response: no MIME sniffing, no referrer, no framing (both the old ``X-Frame-Options`` and
CSP ``frame-ancestors``: CSP is set only when a page did not bring its own). Every ``/api/v1``
response is ``Cache-Control: no-store`` (RFC 6749 §5.1 for tokens; personal data everywhere else)
unless its handler chose a cache policy itself, as the JWKS and catalog pages do.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from sanic import Request, Sanic
from sanic.response import HTTPResponse

API_PREFIX = "/api/v1/"
ALWAYS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
FRAME_POLICY = "frame-ancestors 'none'"


def install_security_headers(app: Sanic[Any, Any]) -> None:
    """Add the headers above to every response of ``app`` (error pages included)."""

    @app.on_response(priority=90)
    async def secure(request: Request, response: HTTPResponse) -> None:
        headers = response.headers
        headers.update(ALWAYS)
        headers.setdefault("content-security-policy", FRAME_POLICY)
        if request.path.startswith(API_PREFIX):
            headers.setdefault("cache-control", "no-store")


def attachment(filename: str) -> str:
    """A ``Content-Disposition`` that saves the file instead of opening it on our origin, with
    the name in RFC 6266 / RFC 8187 form and an ASCII fallback for old clients."""
    fallback = filename.encode("ascii", "replace").decode().replace("?", "_")
    fallback = fallback.replace('"', "_").replace("\\", "_")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
