"""Streaming multipart/form-data (what ``wx.uploadFile`` sends): the first file part as a stream.

The body is parsed as it arrives (python-multipart), so a large upload is never held in memory.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from app.errors import AppError

if TYPE_CHECKING:  # python_multipart defines it for type checkers only
    from python_multipart.multipart import MultipartCallbacks


class MultipartInvalid(AppError):
    status, code, message = 400, "MULTIPART_INVALID", "multipart/form-data 请求体格式错误"


class MultipartTruncated(AppError):
    status, code, message = 400, "MULTIPART_TRUNCATED", "上传不完整（缺少结束分隔符或文件短于声明长度），请重新上传"


class MultipartWithoutFile(AppError):
    status, code, message = 422, "MULTIPART_NO_FILE", "请求中没有文件（需要一个带 filename 的表单项）"


@dataclass
class FilePart:
    """The first part of the form that carries a file: its name, declared type and bytes."""

    filename: str
    content_type: str | None
    chunks: AsyncIterator[bytes]


def is_multipart(content_type: str | None) -> bool:
    return (content_type or "").lower().startswith("multipart/form-data")


class _Events:
    """Collects the parser's callbacks as (kind, value) events: headers, data, end."""

    def __init__(self) -> None:
        self.queue: deque[tuple[str, object]] = deque()
        self._field = bytearray()
        self._value = bytearray()
        self._headers: dict[bytes, bytes] = {}
        self.closed = False  # the closing boundary was read

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self._headers.clear,
            "on_header_field": lambda data, start, end: self._field.extend(data[start:end]),
            "on_header_value": lambda data, start, end: self._value.extend(data[start:end]),
            "on_header_end": self._header_end,
            "on_headers_finished": lambda: self.queue.append(("headers", dict(self._headers))),
            "on_part_data": lambda data, start, end: self.queue.append(("data", bytes(data[start:end]))),
            "on_part_end": lambda: self.queue.append(("end", None)),
            "on_end": self._close,
        }

    def _close(self) -> None:
        self.closed = True

    def _header_end(self) -> None:
        self._headers[bytes(self._field).lower()] = bytes(self._value)
        self._field.clear()
        self._value.clear()


async def _events(chunks: AsyncIterator[bytes], boundary: bytes) -> AsyncIterator[tuple[str, object]]:
    events = _Events()
    try:
        # Inside the try: the parser refuses a boundary longer than 256 bytes when it is made.
        parser = MultipartParser(boundary, events.callbacks())
        async for chunk in chunks:
            parser.write(chunk)
            while events.queue:
                yield events.queue.popleft()
        parser.finalize()
    except FormParserError as exc:  # MultipartParseError and the rest of the parser's refusals
        raise MultipartInvalid(details={"offset": getattr(exc, "offset", None)}) from exc
    while events.queue:
        yield events.queue.popleft()
    # python-multipart's finalize() does not check this: a body cut short would look complete.
    if not events.closed:
        raise MultipartTruncated(details={"reason": "no_closing_boundary"})


# A filename is a label shown back to people: control characters mean nothing there, and U+0000
# cannot be stored in PostgreSQL text.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _file_of(headers: dict[bytes, bytes]) -> tuple[str, str | None] | None:
    _, options = parse_options_header(headers.get(b"content-disposition", b""))
    filename = options.get(b"filename")
    if not filename:
        return None
    declared = headers.get(b"content-type")
    return (_CONTROL_CHARACTERS.sub("", filename.decode("utf-8", "replace")),
            declared.decode("latin-1") if declared else None)


def _declared_length(headers: dict[bytes, bytes]) -> int | None:
    """The part's own Content-Length, which RFC 7578 allows a sender to state."""
    declared = headers.get(b"content-length")
    if declared is None:
        return None
    try:
        return int(declared)
    except ValueError as exc:
        raise MultipartInvalid("表单项的 Content-Length 无效") from exc


async def first_file_part(chunks: AsyncIterator[bytes], content_type: str) -> FilePart:
    """Read up to the headers of the first file part; its bytes follow as ``chunks``.

    Iterating the part's chunks to the end also reads (and ignores) the rest of the body."""
    _, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if not boundary:
        raise MultipartInvalid("multipart/form-data 缺少 boundary")
    events = _events(chunks, boundary)
    async for kind, value in events:
        if kind == "headers" and isinstance(value, dict) and (found := _file_of(value)) is not None:
            declared_length = _declared_length(value)
            break
    else:
        raise MultipartWithoutFile()

    async def data() -> AsyncIterator[bytes]:
        received = 0
        async for kind, value in events:
            if kind == "end":
                break
            if kind == "data" and isinstance(value, bytes):
                received += len(value)
                yield value
        if declared_length is not None and received != declared_length:
            raise MultipartTruncated(details={"reason": "part_length", "declared": declared_length,
                                              "received": received})
        async for _ in events:  # the parts after the file, and the closing boundary
            pass

    return FilePart(filename=found[0], content_type=found[1], chunks=data())
