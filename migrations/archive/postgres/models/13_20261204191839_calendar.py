from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "calendar_years" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "year" INT NOT NULL UNIQUE,
    "title" VARCHAR(128) NOT NULL,
    "reference" VARCHAR(64) NOT NULL,
    "content_sha256" VARCHAR(64) NOT NULL,
    "loaded_by" VARCHAR(64) NOT NULL,
    "replaced_count" INT NOT NULL
);
COMMENT ON TABLE "calendar_years" IS '节假日安排 — one year''s holiday notice (国务院办公厅关于节假日安排的通知) as loaded.';
        CREATE TABLE IF NOT EXISTS "calendar_days" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "day" DATE NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL,
    "name" VARCHAR(16) NOT NULL,
    "notice_id" UUID NOT NULL REFERENCES "calendar_years" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "calendar_days"."kind" IS 'HOLIDAY: holiday\nMAKEUP_WORKDAY: makeup_workday';
COMMENT ON TABLE "calendar_days" IS 'A holiday or make-up working day of a loaded notice; days not listed follow the weekday.';
        ALTER TABLE "appointments" ADD "calendar_conflict" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "prereview_applications" ADD "due_date_provisional" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "prereview_applications" ADD "deadline_provisional" BOOL NOT NULL DEFAULT False;
        -- chinese-calendar 1.11 ends with 2026: dates counted into 2027 assumed Monday-Friday.
        -- Flagged, they are recomputed when the 2027 notice is loaded (docs/calendar.md).
        UPDATE "prereview_applications" SET "deadline_provisional" = TRUE WHERE "deadline" >= '2027-01-01';
        UPDATE "prereview_applications" SET "due_date_provisional" = TRUE WHERE "due_date" >= '2027-01-01';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "appointments" DROP COLUMN "calendar_conflict";
        ALTER TABLE "prereview_applications" DROP COLUMN "due_date_provisional";
        ALTER TABLE "prereview_applications" DROP COLUMN "deadline_provisional";
        DROP TABLE IF EXISTS "calendar_days";
        DROP TABLE IF EXISTS "calendar_years";"""
