from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "prereview_applications" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "form_data" JSONB NOT NULL,
    "state" VARCHAR(20) NOT NULL,
    "version" INT NOT NULL,
    "submitted_at" TIMESTAMPTZ,
    "deadline" DATE,
    "claimed_by" VARCHAR(64),
    "decision_reason" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ,
    "department_id" UUID NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT,
    "guide_id" UUID NOT NULL REFERENCES "guide_versions" ("id") ON DELETE RESTRICT,
    "item_id" UUID NOT NULL REFERENCES "service_items" ("id") ON DELETE RESTRICT,
    "resident_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_prereview_a_state_58c14c" ON "prereview_applications" ("state");
CREATE INDEX IF NOT EXISTS "idx_prereview_a_deadlin_f96c4c" ON "prereview_applications" ("deadline");
COMMENT ON COLUMN "prereview_applications"."state" IS 'DRAFT: draft\nSUBMITTED: submitted\nIN_REVIEW: in_review\nNEEDS_CORRECTION: needs_correction\nPASSED: passed\nREJECTED: rejected\nWITHDRAWN: withdrawn';
COMMENT ON TABLE "prereview_applications" IS '办件 (网上预审) — a resident''s application for an item, pinned to one guide version.';
        CREATE TABLE IF NOT EXISTS "prereview_materials" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "material_index" INT NOT NULL,
    "material_name" VARCHAR(128) NOT NULL,
    "storage_key" VARCHAR(128) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "size" INT NOT NULL,
    "content_type" VARCHAR(64) NOT NULL,
    "original_filename" VARCHAR(255) NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "reused_from_id" UUID,
    "application_id" UUID NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_prereview_m_applica_aa6086" UNIQUE ("application_id", "material_index")
);
COMMENT ON COLUMN "prereview_materials"."status" IS 'UPLOADED: uploaded\nNEEDS_CORRECTION: needs_correction';
COMMENT ON TABLE "prereview_materials" IS '申请材料 — one uploaded (or reused) file for one required material of the guide.';
        CREATE TABLE IF NOT EXISTS "prereview_transitions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "actor_id" VARCHAR(64) NOT NULL,
    "actor_role" VARCHAR(16) NOT NULL,
    "from_state" VARCHAR(20) NOT NULL,
    "to_state" VARCHAR(20) NOT NULL,
    "reason" TEXT NOT NULL,
    "application_id" UUID NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "prereview_transitions" IS '状态变更 — who moved an application from one state to another, when (created_at) and why.';
        CREATE TABLE IF NOT EXISTS "prereview_comments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "reviewer_id" VARCHAR(64) NOT NULL,
    "material_index" INT,
    "field_name" VARCHAR(48),
    "message" VARCHAR(500) NOT NULL,
    "resolved" BOOL NOT NULL,
    "application_id" UUID NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "prereview_comments" IS '审查意见 — a reviewer''s remark on one material or one form field of an application.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "prereview_applications";
        DROP TABLE IF EXISTS "prereview_materials";
        DROP TABLE IF EXISTS "prereview_transitions";
        DROP TABLE IF EXISTS "prereview_comments";"""
