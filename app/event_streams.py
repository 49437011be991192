"""Server-sent event streams that end with their connection, so a stopping worker is not held.

A worker that stops waits for its open connections (Sanic's GRACEFUL_SHUTDOWN_TIMEOUT, 15 s),
longer than ``docker stop`` waits (10 s). A stream ended on stop (``app.fanout.ChannelFanout.
end_listeners``) would still leave its connection open for keep-alive; the browser's EventSource
reconnects on a new connection anyway, so the connection closes with the stream.
"""

from __future__ import annotations

from sanic import Request
from sanic.response import HTTPResponse


async def open_event_stream(request: Request) -> HTTPResponse:
    """Start a ``text/event-stream`` answer whose connection closes when the handler ends it."""
    connection = request.stream
    if connection is not None and hasattr(connection, "keep_alive"):  # HTTP/1.1 (not under ASGI)
        connection.keep_alive = False
    response: HTTPResponse = await request.respond(
        content_type="text/event-stream; charset=utf-8",
        headers={"cache-control": "no-cache", "x-accel-buffering": "no"})
    return response
