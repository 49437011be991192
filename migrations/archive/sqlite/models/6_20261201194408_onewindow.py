from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "onewindow_approvals" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "step_index" INT NOT NULL,
    "step_name" VARCHAR(32) NOT NULL,
    "reviewer_id" VARCHAR(64) NOT NULL,
    "opinion" VARCHAR(8) NOT NULL /* APPROVE: approve\nDENY: deny */,
    "comment" TEXT NOT NULL,
    "application_id" CHAR(36) NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_onewindow_a_applica_931b36" UNIQUE ("application_id", "step_index")
) /* 审批意见 — one reviewer's opinion on one approval step of an application. */;
        CREATE TABLE IF NOT EXISTS "onewindow_certificates" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "certificate_type" VARCHAR(40) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "number" VARCHAR(64) NOT NULL UNIQUE,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE,
    "storage_key" VARCHAR(128) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "size" INT NOT NULL,
    "status" VARCHAR(8) NOT NULL /* VALID: valid\nREVOKED: revoked */,
    "revoked_at" TIMESTAMP,
    "revoked_by" VARCHAR(64),
    "revoke_reason" VARCHAR(500) NOT NULL,
    "application_id" CHAR(36) REFERENCES "prereview_applications" ("id") ON DELETE SET NULL,
    "issuer_id" CHAR(36) NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT,
    "resident_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT
) /* 电子证照 — a result issued as an e-certificate, kept in the resident's wallet. */;
CREATE INDEX IF NOT EXISTS "idx_onewindow_c_certifi_e592b1" ON "onewindow_certificates" ("certificate_type");
        CREATE TABLE IF NOT EXISTS "onewindow_evaluations" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "score" SMALLINT NOT NULL,
    "comment" VARCHAR(500) NOT NULL,
    "is_bad" INT NOT NULL,
    "follow_up_note" TEXT NOT NULL,
    "followed_up_by" VARCHAR(64),
    "followed_up_at" TIMESTAMP,
    "department_id" CHAR(36) NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT,
    "hall_id" CHAR(36) REFERENCES "halls" ("id") ON DELETE RESTRICT,
    "item_id" CHAR(36) NOT NULL REFERENCES "service_items" ("id") ON DELETE RESTRICT,
    "resident_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "application_id" CHAR(36) NOT NULL UNIQUE REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
) /* 好差评 — a resident's one rating (1-5) of a completed service; bad ones are followed up. */;
CREATE INDEX IF NOT EXISTS "idx_onewindow_e_is_bad_936c02" ON "onewindow_evaluations" ("is_bad");
        ALTER TABLE "guide_versions" ADD "result" JSON;
        ALTER TABLE "appointments" ADD "application_id" CHAR(36) REFERENCES "prereview_applications" ("id") ON DELETE SET NULL;
        ALTER TABLE "prereview_applications" ADD "checked_materials" JSON;
        ALTER TABLE "prereview_applications" ADD "tracking_number" VARCHAR(40);
        ALTER TABLE "prereview_applications" ADD "acceptance_number" VARCHAR(40);
        ALTER TABLE "prereview_applications" ADD "delivery_method" VARCHAR(8) /* WINDOW: window\nMAIL: mail */;
        ALTER TABLE "prereview_applications" ADD "issued_at" TIMESTAMP;
        ALTER TABLE "prereview_applications" ADD "resume_state" VARCHAR(20);
        ALTER TABLE "prereview_applications" ADD "completed_at" TIMESTAMP;
        ALTER TABLE "prereview_applications" ADD "suspended_on" DATE;
        ALTER TABLE "prereview_applications" ADD "suspended_working_days" INT NOT NULL DEFAULT 0;
        ALTER TABLE "prereview_applications" ADD "received_at" TIMESTAMP;
        ALTER TABLE "prereview_applications" ADD "hall_id" CHAR(36) REFERENCES "halls" ("id") ON DELETE RESTRICT;
        ALTER TABLE "prereview_applications" ADD "approval_step" INT NOT NULL DEFAULT 0;
        ALTER TABLE "prereview_applications" ADD "accepted_at" TIMESTAMP;
        ALTER TABLE "prereview_applications" ADD "due_date" DATE;
        ALTER TABLE "prereview_materials" ADD "certificate_id" CHAR(36);
        CREATE UNIQUE INDEX "uid_prereview_a_accepta_59f924" ON "prereview_applications" ("acceptance_number");
        CREATE INDEX "idx_prereview_a_due_dat_9a3686" ON "prereview_applications" ("due_date");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_prereview_a_due_dat_9a3686";
        DROP INDEX IF EXISTS "uid_prereview_a_accepta_59f924";
        ALTER TABLE "guide_versions" DROP COLUMN "result";
        ALTER TABLE "appointments" DROP COLUMN "application_id";
        ALTER TABLE "prereview_applications" DROP COLUMN "checked_materials";
        ALTER TABLE "prereview_applications" DROP COLUMN "tracking_number";
        ALTER TABLE "prereview_applications" DROP COLUMN "acceptance_number";
        ALTER TABLE "prereview_applications" DROP COLUMN "delivery_method";
        ALTER TABLE "prereview_applications" DROP COLUMN "issued_at";
        ALTER TABLE "prereview_applications" DROP COLUMN "resume_state";
        ALTER TABLE "prereview_applications" DROP COLUMN "completed_at";
        ALTER TABLE "prereview_applications" DROP COLUMN "suspended_on";
        ALTER TABLE "prereview_applications" DROP COLUMN "suspended_working_days";
        ALTER TABLE "prereview_applications" DROP COLUMN "received_at";
        ALTER TABLE "prereview_applications" DROP COLUMN "hall_id";
        ALTER TABLE "prereview_applications" DROP COLUMN "approval_step";
        ALTER TABLE "prereview_applications" DROP COLUMN "accepted_at";
        ALTER TABLE "prereview_applications" DROP COLUMN "due_date";
        ALTER TABLE "prereview_materials" DROP COLUMN "certificate_id";
        DROP TABLE IF EXISTS "onewindow_approvals";
        DROP TABLE IF EXISTS "onewindow_evaluations";
        DROP TABLE IF EXISTS "onewindow_certificates";"""
