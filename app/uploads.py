"""A file upload streamed from the request: the raw body, or the first file of a
multipart/form-data body (``wx.uploadFile``), handed on as chunks as it arrives."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Protocol, TypeVar, cast

from pydantic import Field
from sanic import Request

from app.errors import AppError
from app.multipart import first_file_part, is_multipart
from app.shapes import Schema

T = TypeVar("T")


class UploadQuery(Schema):
    filename: str | None = Field(None, min_length=1, max_length=255,
                                 description="原文件名（multipart 上传时默认取表单中的文件名）")


class _BodyStream(Protocol):
    request_max_size: int

    async def read(self) -> bytes | None: ...


# What receives the file: its chunks, its name, the type the client declared.
FileHandler = Callable[[AsyncIterator[bytes], str, str | None], Awaitable[T]]


async def receive_file(request: Request, *, filename: str | None, max_bytes: int, default_name: str,
                       handle: FileHandler[T]) -> T:
    """Stream the request's file into ``handle``; ``filename`` overrides the multipart one. A
    refusal first reads what the client is still sending, so it receives our answer, not a reset."""
    if request.stream is None:  # the route was not declared with stream=True
        raise TypeError("receive_file needs a streamed route")
    # Sanic's HTTP/1 stream reads the body piece by piece; its declared protocol omits read().
    stream = cast(_BodyStream, request.stream)
    # Room above the file limit so our own check answers (e.g. MATERIAL_TOO_LARGE), not Sanic's 413.
    stream.request_max_size = 2 * max_bytes

    async def chunks() -> AsyncIterator[bytes]:
        while (chunk := await stream.read()) is not None:
            yield chunk

    try:
        content_type: str | None = request.headers.get("content-type")
        name, declared_type, body = filename, content_type, chunks()
        if content_type is not None and is_multipart(content_type):
            part = await first_file_part(body, content_type)
            name, declared_type, body = filename or part.filename, part.content_type, part.chunks
        return await handle(body, name or default_name, declared_type)
    except AppError:
        async for _ in chunks():
            pass
        raise
