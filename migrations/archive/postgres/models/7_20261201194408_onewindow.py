from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "onewindow_approvals" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "step_index" INT NOT NULL,
    "step_name" VARCHAR(32) NOT NULL,
    "reviewer_id" VARCHAR(64) NOT NULL,
    "opinion" VARCHAR(8) NOT NULL,
    "comment" TEXT NOT NULL,
    "application_id" UUID NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_onewindow_a_applica_931b36" UNIQUE ("application_id", "step_index")
);
COMMENT ON COLUMN "onewindow_approvals"."opinion" IS 'APPROVE: approve\nDENY: deny';
COMMENT ON TABLE "onewindow_approvals" IS '审批意见 — one reviewer''s opinion on one approval step of an application.';
        CREATE TABLE IF NOT EXISTS "onewindow_certificates" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "certificate_type" VARCHAR(40) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "number" VARCHAR(64) NOT NULL UNIQUE,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE,
    "storage_key" VARCHAR(128) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "size" INT NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "revoked_by" VARCHAR(64),
    "revoke_reason" VARCHAR(500) NOT NULL,
    "application_id" UUID REFERENCES "prereview_applications" ("id") ON DELETE SET NULL,
    "issuer_id" UUID NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT,
    "resident_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_onewindow_c_certifi_e592b1" ON "onewindow_certificates" ("certificate_type");
COMMENT ON COLUMN "onewindow_certificates"."status" IS 'VALID: valid\nREVOKED: revoked';
COMMENT ON TABLE "onewindow_certificates" IS '电子证照 — a result issued as an e-certificate, kept in the resident''s wallet.';
        CREATE TABLE IF NOT EXISTS "onewindow_evaluations" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "score" SMALLINT NOT NULL,
    "comment" VARCHAR(500) NOT NULL,
    "is_bad" BOOL NOT NULL,
    "follow_up_note" TEXT NOT NULL,
    "followed_up_by" VARCHAR(64),
    "followed_up_at" TIMESTAMPTZ,
    "department_id" UUID NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT,
    "hall_id" UUID REFERENCES "halls" ("id") ON DELETE RESTRICT,
    "item_id" UUID NOT NULL REFERENCES "service_items" ("id") ON DELETE RESTRICT,
    "resident_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "application_id" UUID NOT NULL UNIQUE REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_onewindow_e_is_bad_936c02" ON "onewindow_evaluations" ("is_bad");
COMMENT ON TABLE "onewindow_evaluations" IS '好差评 — a resident''s one rating (1-5) of a completed service; bad ones are followed up.';
        ALTER TABLE "guide_versions" ADD "result" JSONB;
        ALTER TABLE "appointments" ADD "application_id" UUID;
        ALTER TABLE "prereview_applications" ADD "checked_materials" JSONB;
        ALTER TABLE "prereview_applications" ADD "tracking_number" VARCHAR(40);
        ALTER TABLE "prereview_applications" ADD "acceptance_number" VARCHAR(40) UNIQUE;
        ALTER TABLE "prereview_applications" ADD "delivery_method" VARCHAR(8);
        ALTER TABLE "prereview_applications" ADD "issued_at" TIMESTAMPTZ;
        ALTER TABLE "prereview_applications" ADD "resume_state" VARCHAR(20);
        ALTER TABLE "prereview_applications" ADD "completed_at" TIMESTAMPTZ;
        ALTER TABLE "prereview_applications" ADD "suspended_on" DATE;
        ALTER TABLE "prereview_applications" ADD "suspended_working_days" INT NOT NULL DEFAULT 0;
        ALTER TABLE "prereview_applications" ADD "received_at" TIMESTAMPTZ;
        ALTER TABLE "prereview_applications" ADD "hall_id" UUID;
        ALTER TABLE "prereview_applications" ADD "approval_step" INT NOT NULL DEFAULT 0;
        ALTER TABLE "prereview_applications" ADD "accepted_at" TIMESTAMPTZ;
        ALTER TABLE "prereview_applications" ADD "due_date" DATE;
        COMMENT ON COLUMN "prereview_applications"."state" IS 'DRAFT: draft\nSUBMITTED: submitted\nIN_REVIEW: in_review\nNEEDS_CORRECTION: needs_correction\nPASSED: passed\nREJECTED: rejected\nWITHDRAWN: withdrawn\nRECEIVED: received\nNOT_ACCEPTED: not_accepted\nACCEPTED: accepted\nAPPROVING: approving\nSUSPENDED: suspended\nAPPROVED: approved\nDENIED: denied\nCERTIFICATE_MADE: certificate_made\nISSUED: issued';
        ALTER TABLE "prereview_materials" ADD "certificate_id" UUID;
        COMMENT ON COLUMN prereview_applications."delivery_method" IS 'WINDOW: window\nMAIL: mail';
        ALTER TABLE "appointments" ADD CONSTRAINT "fk_appointm_prerevie_18c0ea8e" FOREIGN KEY ("application_id") REFERENCES "prereview_applications" ("id") ON DELETE SET NULL;
        ALTER TABLE "prereview_applications" ADD CONSTRAINT "fk_prerevie_halls_e91eb0f4" FOREIGN KEY ("hall_id") REFERENCES "halls" ("id") ON DELETE RESTRICT;
        CREATE INDEX IF NOT EXISTS "idx_prereview_a_due_dat_9a3686" ON "prereview_applications" ("due_date");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_prereview_a_due_dat_9a3686";
        DROP INDEX IF EXISTS "uid_prereview_a_accepta_59f924";
        ALTER TABLE "prereview_applications" DROP CONSTRAINT IF EXISTS "fk_prerevie_halls_e91eb0f4";
        ALTER TABLE "appointments" DROP CONSTRAINT IF EXISTS "fk_appointm_prerevie_18c0ea8e";
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
        COMMENT ON COLUMN "prereview_applications"."state" IS 'DRAFT: draft\nSUBMITTED: submitted\nIN_REVIEW: in_review\nNEEDS_CORRECTION: needs_correction\nPASSED: passed\nREJECTED: rejected\nWITHDRAWN: withdrawn';
        ALTER TABLE "prereview_materials" DROP COLUMN "certificate_id";
        DROP TABLE IF EXISTS "onewindow_approvals";
        DROP TABLE IF EXISTS "onewindow_evaluations";
        DROP TABLE IF EXISTS "onewindow_certificates";"""
