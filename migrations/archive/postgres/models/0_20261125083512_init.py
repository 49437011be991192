from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "departments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(128) NOT NULL
);
COMMENT ON TABLE "departments" IS '部门 — a district government department that owns service items.';
CREATE TABLE IF NOT EXISTS "halls" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(128) NOT NULL
);
COMMENT ON TABLE "halls" IS '政务服务大厅 — the district hall or a street/town hall where residents are served.';
CREATE TABLE IF NOT EXISTS "users" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "display_name" VARCHAR(64) NOT NULL,
    "realname_level" SMALLINT NOT NULL,
    "real_name_enc" TEXT,
    "id_number_enc" TEXT,
    "id_number_index" VARCHAR(64) UNIQUE,
    "phone_enc" TEXT,
    "phone_index" VARCHAR(64),
    "is_active" BOOL NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_users_phone_i_cfb74a" ON "users" ("phone_index");
COMMENT ON COLUMN "users"."realname_level" IS 'NONE: 0\nBASIC: 1\nVERIFIED: 2\nSTRONG: 3';
COMMENT ON TABLE "users" IS '居民用户 — a resident or enterprise agent; personal fields are encrypted at rest.';
CREATE TABLE IF NOT EXISTS "external_identities" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "provider" VARCHAR(32) NOT NULL,
    "subject" VARCHAR(128) NOT NULL,
    "app_id" VARCHAR(64) NOT NULL,
    "secret_enc" TEXT,
    "profile" JSONB NOT NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_external_id_provide_c54959" UNIQUE ("provider", "subject")
);
COMMENT ON COLUMN "external_identities"."provider" IS 'WECHAT_MINIPROGRAM: wechat_miniprogram\nWECHAT_OA: wechat_oa\nWECHAT_UNION: wechat_union\nBEIJING_PASS: beijing_pass';
COMMENT ON TABLE "external_identities" IS '外部身份 — one login identity (an openid, a unionid, a Beijing Pass subject) of a user.';
CREATE TABLE IF NOT EXISTS "staff_members" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "username" VARCHAR(64) NOT NULL UNIQUE,
    "display_name" VARCHAR(64) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "totp_secret_enc" TEXT,
    "is_active" BOOL NOT NULL
);
COMMENT ON TABLE "staff_members" IS '工作人员 — a staff account that logs in with a password and optional TOTP.';
CREATE TABLE IF NOT EXISTS "staff_roles" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "department_id" UUID REFERENCES "departments" ("id") ON DELETE CASCADE,
    "hall_id" UUID REFERENCES "halls" ("id") ON DELETE CASCADE,
    "staff_id" UUID NOT NULL REFERENCES "staff_members" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_staff_roles_staff_i_91100f" UNIQUE ("staff_id", "role", "department_id", "hall_id")
);
COMMENT ON COLUMN "staff_roles"."role" IS 'CLERK: clerk\nREVIEWER: reviewer\nHALL_MANAGER: hall_manager\nADMIN: admin';
COMMENT ON TABLE "staff_roles" IS 'A role held by a staff member, scoped to a department and/or a hall (neither = global).';
CREATE TABLE IF NOT EXISTS "refresh_tokens" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "family_id" UUID NOT NULL,
    "subject_kind" VARCHAR(16) NOT NULL,
    "subject_id" UUID NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "rotated_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_family__59d0e5" ON "refresh_tokens" ("family_id");
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_subject_4d8467" ON "refresh_tokens" ("subject_id");
COMMENT ON TABLE "refresh_tokens" IS 'One refresh token of a login session (family); only its SHA-256 is stored.';
CREATE TABLE IF NOT EXISTS "outbox_events" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "event_type" VARCHAR(64) NOT NULL,
    "aggregate_id" VARCHAR(64) NOT NULL,
    "payload" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_outbox_even_event_t_a8360f" ON "outbox_events" ("event_type");
CREATE INDEX IF NOT EXISTS "idx_outbox_even_aggrega_62398c" ON "outbox_events" ("aggregate_id");
CREATE INDEX IF NOT EXISTS "idx_outbox_even_publish_f7744d" ON "outbox_events" ("published_at");
COMMENT ON TABLE "outbox_events" IS '领域事件 — an event to deliver (push, ledger) exactly once; written in the change''s transaction.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """
