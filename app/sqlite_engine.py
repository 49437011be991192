"""The SQLite engine Tortoise uses: its own client, with a batch insert a cancelled task cannot
leave open.

Tortoise's ``execute_many`` (``bulk_create``) rolls back on ``Exception`` only. A task cancelled
between its BEGIN and COMMIT (a push worker stopped mid-batch, a request whose client went away)
left the one shared connection inside a transaction, and every later write failed with "cannot
start a transaction within a transaction" until the process restarted. ``app.db.tortoise_config``
names this module as the ``engine`` of SQLite connections; Tortoise loads ``client_class``.
"""

from __future__ import annotations

import asyncio

from tortoise.backends.sqlite.client import SqliteClient, translate_exceptions


class CancelSafeSqliteClient(SqliteClient):
    @translate_exceptions
    async def execute_many(self, query: str, values: list[list[object]]) -> None:
        async with self.acquire_connection() as connection:
            self.log.debug("%s: %s", query, values)
            try:
                await connection.execute("BEGIN")
                await connection.executemany(query, values)
            except BaseException:
                # Shielded: a second cancellation must not interrupt the rollback either.
                await asyncio.shield(connection.rollback())
                raise
            await connection.commit()


client_class = CancelSafeSqliteClient
