from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "kiosk_devices" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "secret_hash" VARCHAR(64) NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "kiosk_devices" IS '自助取号机 — a registered hall device that checks residents in with its own credential.';
        CREATE TABLE IF NOT EXISTS "queue_counters" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "day" DATE NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "last_number" INT NOT NULL,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_queue_count_hall_id_c76556" UNIQUE ("hall_id", "day", "appointment_group")
);
COMMENT ON TABLE "queue_counters" IS '取号计数 — the last queue number given in a hall on a day for an item group.';
        CREATE TABLE IF NOT EXISTS "slot_exceptions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "appointment_group" VARCHAR(32),
    "day" DATE NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "start_minute" SMALLINT,
    "end_minute" SMALLINT,
    "capacity" INT,
    "reason" VARCHAR(256) NOT NULL,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "slot_exceptions"."kind" IS 'CLOSED: closed\nEXTRA: extra';
COMMENT ON TABLE "slot_exceptions" IS '号源例外 — a closure or an extra session of a hall on one day.';
        CREATE TABLE IF NOT EXISTS "slot_templates" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "weekday" SMALLINT NOT NULL,
    "start_minute" SMALLINT NOT NULL,
    "end_minute" SMALLINT NOT NULL,
    "capacity" INT NOT NULL,
    "valid_from" DATE,
    "valid_until" DATE,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_slot_templa_hall_id_b35ac9" UNIQUE ("hall_id", "appointment_group", "weekday", "start_minute")
);
COMMENT ON TABLE "slot_templates" IS '号源模板 — a weekly time window of a hall for one item group, with its capacity.';
        CREATE TABLE IF NOT EXISTS "slots" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "day" DATE NOT NULL,
    "starts_at" TIMESTAMPTZ NOT NULL,
    "ends_at" TIMESTAMPTZ NOT NULL,
    "capacity" INT NOT NULL,
    "booked" INT NOT NULL,
    "is_closed" BOOL NOT NULL,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    "template_id" UUID REFERENCES "slot_templates" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_slots_hall_id_6e352d" UNIQUE ("hall_id", "appointment_group", "starts_at")
);
CREATE INDEX IF NOT EXISTS "idx_slots_hall_id_ac9ade" ON "slots" ("hall_id", "appointment_group", "day");
COMMENT ON TABLE "slots" IS '号源 — one bookable time window; ``booked`` never exceeds ``capacity`` (conditional update).';
        CREATE TABLE IF NOT EXISTS "appointments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "day" DATE NOT NULL,
    "starts_at" TIMESTAMPTZ NOT NULL,
    "ends_at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "active_marker" VARCHAR(8),
    "idempotency_key" VARCHAR(64) NOT NULL,
    "queue_number" INT,
    "checked_in_at" TIMESTAMPTZ,
    "cancelled_at" TIMESTAMPTZ,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE RESTRICT,
    "item_id" UUID NOT NULL REFERENCES "service_items" ("id") ON DELETE RESTRICT,
    "resident_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "slot_id" UUID NOT NULL REFERENCES "slots" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_appointment_residen_f7ee97" UNIQUE ("resident_id", "idempotency_key"),
    CONSTRAINT "uid_appointment_residen_bceac4" UNIQUE ("resident_id", "item_id", "active_marker")
);
CREATE INDEX IF NOT EXISTS "idx_appointment_residen_298be5" ON "appointments" ("resident_id", "day");
CREATE INDEX IF NOT EXISTS "idx_appointment_status_c8c13e" ON "appointments" ("status", "ends_at");
COMMENT ON COLUMN "appointments"."status" IS 'BOOKED: booked\nCHECKED_IN: checked_in\nCANCELLED: cancelled\nNO_SHOW: no_show';
COMMENT ON TABLE "appointments" IS '网上预约 — a resident''s booking of one slot for one service item.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "slot_templates";
        DROP TABLE IF EXISTS "appointments";
        DROP TABLE IF EXISTS "kiosk_devices";
        DROP TABLE IF EXISTS "slot_exceptions";
        DROP TABLE IF EXISTS "queue_counters";
        DROP TABLE IF EXISTS "slots";"""
