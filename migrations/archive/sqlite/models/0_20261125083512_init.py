from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "departments" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(128) NOT NULL
) /* 部门 — a district government department that owns service items. */;
CREATE TABLE IF NOT EXISTS "halls" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(128) NOT NULL
) /* 政务服务大厅 — the district hall or a street\/town hall where residents are served. */;
CREATE TABLE IF NOT EXISTS "users" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "display_name" VARCHAR(64) NOT NULL,
    "realname_level" SMALLINT NOT NULL /* NONE: 0\nBASIC: 1\nVERIFIED: 2\nSTRONG: 3 */,
    "real_name_enc" TEXT,
    "id_number_enc" TEXT,
    "id_number_index" VARCHAR(64) UNIQUE,
    "phone_enc" TEXT,
    "phone_index" VARCHAR(64),
    "is_active" INT NOT NULL
) /* 居民用户 — a resident or enterprise agent; personal fields are encrypted at rest. */;
CREATE INDEX IF NOT EXISTS "idx_users_phone_i_cfb74a" ON "users" ("phone_index");
CREATE TABLE IF NOT EXISTS "external_identities" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "provider" VARCHAR(32) NOT NULL /* WECHAT_MINIPROGRAM: wechat_miniprogram\nWECHAT_OA: wechat_oa\nWECHAT_UNION: wechat_union\nBEIJING_PASS: beijing_pass */,
    "subject" VARCHAR(128) NOT NULL,
    "app_id" VARCHAR(64) NOT NULL,
    "secret_enc" TEXT,
    "profile" JSON NOT NULL,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_external_id_provide_c54959" UNIQUE ("provider", "subject")
) /* 外部身份 — one login identity (an openid, a unionid, a Beijing Pass subject) of a user. */;
CREATE TABLE IF NOT EXISTS "staff_members" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "username" VARCHAR(64) NOT NULL UNIQUE,
    "display_name" VARCHAR(64) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "totp_secret_enc" TEXT,
    "is_active" INT NOT NULL
) /* 工作人员 — a staff account that logs in with a password and optional TOTP. */;
CREATE TABLE IF NOT EXISTS "staff_roles" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "role" VARCHAR(16) NOT NULL /* CLERK: clerk\nREVIEWER: reviewer\nHALL_MANAGER: hall_manager\nADMIN: admin */,
    "department_id" CHAR(36) REFERENCES "departments" ("id") ON DELETE CASCADE,
    "hall_id" CHAR(36) REFERENCES "halls" ("id") ON DELETE CASCADE,
    "staff_id" CHAR(36) NOT NULL REFERENCES "staff_members" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_staff_roles_staff_i_91100f" UNIQUE ("staff_id", "role", "department_id", "hall_id")
) /* A role held by a staff member, scoped to a department and\/or a hall (neither = global). */;
CREATE TABLE IF NOT EXISTS "refresh_tokens" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "family_id" CHAR(36) NOT NULL,
    "subject_kind" VARCHAR(16) NOT NULL,
    "subject_id" CHAR(36) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "expires_at" TIMESTAMP NOT NULL,
    "rotated_at" TIMESTAMP,
    "revoked_at" TIMESTAMP
) /* One refresh token of a login session (family); only its SHA-256 is stored. */;
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_family__59d0e5" ON "refresh_tokens" ("family_id");
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_subject_4d8467" ON "refresh_tokens" ("subject_id");
CREATE TABLE IF NOT EXISTS "outbox_events" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "event_type" VARCHAR(64) NOT NULL,
    "aggregate_id" VARCHAR(64) NOT NULL,
    "payload" JSON NOT NULL,
    "published_at" TIMESTAMP
) /* 领域事件 — an event to deliver (push, ledger) exactly once; written in the change's transaction. */;
CREATE INDEX IF NOT EXISTS "idx_outbox_even_event_t_a8360f" ON "outbox_events" ("event_type");
CREATE INDEX IF NOT EXISTS "idx_outbox_even_aggrega_62398c" ON "outbox_events" ("aggregate_id");
CREATE INDEX IF NOT EXISTS "idx_outbox_even_publish_f7744d" ON "outbox_events" ("published_at");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """
