"""The SQL statements Tortoise runs while a block runs, from its query log."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class _Statements(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.sql.append(str(record.args[0]) if record.args else record.getMessage())


@contextmanager
def logged_statements() -> Iterator[list[str]]:
    """Collect the statements run inside the block (SQL text, parameters left out)."""
    logger = logging.getLogger("tortoise.db_client")
    handler, level = _Statements(), logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield handler.sql
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
