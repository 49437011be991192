from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "life_events" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(64) NOT NULL,
    "sort_order" INT NOT NULL
);
COMMENT ON TABLE "life_events" IS '人生事件 — a life situation (出生, 入学, 开办企业 …) that groups service items.';
        CREATE TABLE IF NOT EXISTS "calendar_overrides" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "day" DATE NOT NULL,
    "is_working_day" BOOL NOT NULL,
    "reason" VARCHAR(128) NOT NULL,
    "hall_id" UUID REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_calendar_ov_hall_id_3fb10c" UNIQUE ("hall_id", "day")
);
CREATE INDEX IF NOT EXISTS "idx_calendar_ov_day_90186b" ON "calendar_overrides" ("day");
COMMENT ON TABLE "calendar_overrides" IS '日历调整 — a local closure or extra opening day, for one hall or (hall empty) the district.';
        CREATE TABLE IF NOT EXISTS "service_items" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "code" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(128) NOT NULL,
    "level" VARCHAR(16) NOT NULL,
    "source" VARCHAR(24) NOT NULL,
    "modes" JSONB NOT NULL,
    "mode_flags" VARCHAR(128) NOT NULL,
    "legal_limit_days" INT NOT NULL,
    "promised_limit_days" INT NOT NULL,
    "fee_fen" INT NOT NULL,
    "requires_realname" BOOL NOT NULL,
    "appointment_group" VARCHAR(32),
    "is_published" BOOL NOT NULL,
    "popularity" INT NOT NULL,
    "aliases" JSONB NOT NULL,
    "search_text" TEXT NOT NULL,
    "current_version" INT NOT NULL,
    "department_id" UUID NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT
);
COMMENT ON COLUMN "service_items"."level" IS 'MUNICIPAL: municipal\nDISTRICT: district';
COMMENT ON COLUMN "service_items"."source" IS 'MUNICIPAL_CATALOG: municipal_catalog\nDISTRICT: district';
COMMENT ON TABLE "service_items" IS '事项 — a government service item of the municipal/district catalog.';
        CREATE TABLE IF NOT EXISTS "catalog_audit_entries" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "actor" VARCHAR(64) NOT NULL,
    "action" VARCHAR(32) NOT NULL,
    "item_code" VARCHAR(64) NOT NULL,
    "changes" JSONB NOT NULL,
    "item_id" UUID REFERENCES "service_items" ("id") ON DELETE SET NULL
);
COMMENT ON TABLE "catalog_audit_entries" IS '目录变更审计 — who changed what in the catalog, and when (created_at).';
        CREATE TABLE IF NOT EXISTS "guide_versions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "version" INT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "conditions" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "fee_description" TEXT NOT NULL,
    "materials" JSONB NOT NULL,
    "steps" JSONB NOT NULL,
    "data_template" JSONB NOT NULL,
    "change_note" VARCHAR(255) NOT NULL,
    "created_by" VARCHAR(64) NOT NULL,
    "item_id" UUID NOT NULL REFERENCES "service_items" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_guide_versi_item_id_69abb3" UNIQUE ("item_id", "version")
);
COMMENT ON TABLE "guide_versions" IS '办事指南 — one immutable version of an item''s guide; applications pin the version id.';
        ALTER TABLE "departments" ADD "phone" VARCHAR(32) NOT NULL DEFAULT '';
        ALTER TABLE "departments" ADD "sort_order" INT NOT NULL DEFAULT 0;
        ALTER TABLE "halls" ADD "windows" JSONB;
        ALTER TABLE "halls" ADD "address" VARCHAR(255) NOT NULL DEFAULT '';
        ALTER TABLE "halls" ADD "opening_hours" JSONB;
        ALTER TABLE "halls" ADD "phone" VARCHAR(32) NOT NULL DEFAULT '';
        ALTER TABLE "halls" ADD "hall_type" VARCHAR(16) NOT NULL DEFAULT 'street';
        COMMENT ON COLUMN halls."hall_type" IS 'DISTRICT: district\nSTREET: street';
        CREATE TABLE "service_item_life_events" (
    "lifeevent_id" UUID NOT NULL REFERENCES "life_events" ("id") ON DELETE CASCADE,
    "service_items_id" UUID NOT NULL REFERENCES "service_items" ("id") ON DELETE CASCADE
);
        CREATE TABLE "service_item_halls" (
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    "service_items_id" UUID NOT NULL REFERENCES "service_items" ("id") ON DELETE CASCADE
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "service_item_halls";
        ALTER TABLE "departments" DROP COLUMN "phone";
        ALTER TABLE "departments" DROP COLUMN "sort_order";
        ALTER TABLE "halls" DROP COLUMN "windows";
        ALTER TABLE "halls" DROP COLUMN "address";
        ALTER TABLE "halls" DROP COLUMN "opening_hours";
        ALTER TABLE "halls" DROP COLUMN "phone";
        ALTER TABLE "halls" DROP COLUMN "hall_type";
        DROP TABLE IF EXISTS "service_item_life_events";
        DROP TABLE IF EXISTS "service_item_halls";
        DROP TABLE IF EXISTS "service_items";
        DROP TABLE IF EXISTS "guide_versions";
        DROP TABLE IF EXISTS "life_events";
        DROP TABLE IF EXISTS "catalog_audit_entries";
        DROP TABLE IF EXISTS "calendar_overrides";"""
