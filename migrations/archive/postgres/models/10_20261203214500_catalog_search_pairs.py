from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


# Written by hand, like migration 3: aerich cannot express a function or an expression index.
# A two-character search term ("户口") has no trigram for the pg_trgm index to look up, so it
# scanned the table. This index holds each item's character pairs, taken within each "|"-separated
# part of search_text (a pair never spans two parts), so "the pair is in the array" means exactly
# search_text LIKE '%pair%' for a term without "|". The function must stay IMMUTABLE and
# unchanged: the index stores its results.
async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE OR REPLACE FUNCTION "hdt_search_pairs"(search_text text) RETURNS text[]
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                SELECT coalesce(array_agg(DISTINCT substr(part, i, 2)), '{}')
                FROM unnest(string_to_array(search_text, '|')) AS part,
                     generate_series(1, length(part) - 1) AS i
            $$;
        CREATE INDEX IF NOT EXISTS "idx_service_items_search_pairs"
            ON "service_items" USING GIN ("hdt_search_pairs"("search_text")) WITH (fastupdate = off);
        """


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_service_items_search_pairs";
        DROP FUNCTION IF EXISTS "hdt_search_pairs"(text);
        """
