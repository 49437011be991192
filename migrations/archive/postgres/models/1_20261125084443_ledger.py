from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "ledger_entries" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "seq" BIGINT NOT NULL UNIQUE,
    "record_type" VARCHAR(40) NOT NULL,
    "application_id" VARCHAR(64),
    "leaf" TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_ledger_entr_record__ded44c" ON "ledger_entries" ("record_type");
CREATE INDEX IF NOT EXISTS "idx_ledger_entr_applica_830d3d" ON "ledger_entries" ("application_id");
COMMENT ON TABLE "ledger_entries" IS '存证记录 — one leaf: the canonical JSON record of a decision, holding ids and hashes only.';
        CREATE TABLE IF NOT EXISTS "ledger_head" (
    "id" SMALLINT NOT NULL PRIMARY KEY,
    "tree_size" BIGINT NOT NULL
);
COMMENT ON TABLE "ledger_head" IS '账本头 — the single row every append locks, so sequence numbers have no gaps or duplicates.';
        CREATE TABLE IF NOT EXISTS "ledger_nodes" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "level" SMALLINT NOT NULL,
    "node_index" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,
    CONSTRAINT "uid_ledger_node_level_e628ca" UNIQUE ("level", "node_index")
);
COMMENT ON TABLE "ledger_nodes" IS 'Merkle 节点 — the hash of one complete subtree: level 0 are leaf hashes, level k spans 2^k leaves.';
        CREATE TABLE IF NOT EXISTS "ledger_signed_heads" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "tree_size" BIGINT NOT NULL UNIQUE,
    "root_hash" BYTEA NOT NULL,
    "timestamp_ms" BIGINT NOT NULL,
    "key_id" VARCHAR(64) NOT NULL,
    "signature" BYTEA NOT NULL
);
COMMENT ON TABLE "ledger_signed_heads" IS '签名树头 — the log''s size and root at one moment, signed with an Ed25519 ledger key.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "ledger_head";
        DROP TABLE IF EXISTS "ledger_entries";
        DROP TABLE IF EXISTS "ledger_nodes";
        DROP TABLE IF EXISTS "ledger_signed_heads";"""
