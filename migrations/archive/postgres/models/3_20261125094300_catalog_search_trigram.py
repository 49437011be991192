from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


# Written by hand: aerich cannot express an operator-class index. Search filters
# items with search_text LIKE '%term%'; a trigram GIN index serves those lookups.
# fastupdate=off: a bulk sync would otherwise leave rows in the GIN pending list, which the
# planner prices so high that it scans the table instead.
async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX IF NOT EXISTS "idx_service_items_search_trgm"
            ON "service_items" USING GIN ("search_text" gin_trgm_ops) WITH (fastupdate = off);
        """


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_service_items_search_trgm";
        """
