from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


# Written by hand, like migrations 3 and 10. Migration 10's pair index left one-character terms
# ("税", "证") to pg_trgm, which has no trigram for them either: each cost a full scan of the
# trigram index, ~18 ms of PostgreSQL CPU at 10,000 items, and it is the first query of a
# search-as-you-type box. This index takes over from the pair index: each item's single characters
# and character pairs, taken within each "|"-separated part of search_text, so "the term is in the
# array" means exactly search_text LIKE '%term%' for a term of one or two characters without "|".
# The function must stay IMMUTABLE and unchanged: the index stores its results.
# Migration 10's function and index stay for now: workers of the previous release still query them
# while a deploy rolls. A later release's migration drops them.
async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE OR REPLACE FUNCTION "hdt_search_grams"(search_text text) RETURNS text[]
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                SELECT coalesce(array_agg(DISTINCT substr(part, i, width)), '{}')
                FROM unnest(string_to_array(search_text, '|')) AS part,
                     generate_series(1, length(part)) AS i,
                     generate_series(1, 2) AS width
            $$;
        CREATE INDEX IF NOT EXISTS "idx_service_items_search_grams"
            ON "service_items" USING GIN ("hdt_search_grams"("search_text")) WITH (fastupdate = off);
        """


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_service_items_search_grams";
        DROP FUNCTION IF EXISTS "hdt_search_grams"(text);
        """
