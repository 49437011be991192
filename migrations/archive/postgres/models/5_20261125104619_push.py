from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "push_broadcasts" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "event_id" VARCHAR(64) NOT NULL UNIQUE,
    "title" VARCHAR(64) NOT NULL,
    "content" VARCHAR(200) NOT NULL,
    "audience" VARCHAR(80) NOT NULL,
    "created_by" VARCHAR(64) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "cursor" VARCHAR(64) NOT NULL,
    "total" INT NOT NULL,
    "fanned_out" INT NOT NULL
);
COMMENT ON COLUMN "push_broadcasts"."status" IS 'RUNNING: running\nDONE: done';
COMMENT ON TABLE "push_broadcasts" IS '群发通知 — a notice fanned out to followers in chunks; ``cursor`` makes it resumable.';
        CREATE TABLE IF NOT EXISTS "push_deliveries" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "event_id" VARCHAR(64) NOT NULL,
    "event_type" VARCHAR(64) NOT NULL,
    "recipient" VARCHAR(80) NOT NULL,
    "openid" VARCHAR(64),
    "channel" VARCHAR(16),
    "template_id" VARCHAR(128),
    "status" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "msgid" BIGINT,
    "error" VARCHAR(255),
    "content" JSONB NOT NULL,
    "page" VARCHAR(255),
    "requeues" INT NOT NULL,
    "user_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_push_delive_event_i_2fcd9a" UNIQUE ("event_id", "recipient")
);
CREATE INDEX IF NOT EXISTS "idx_push_delive_event_i_1c8629" ON "push_deliveries" ("event_id");
CREATE INDEX IF NOT EXISTS "idx_push_delive_status_5096cd" ON "push_deliveries" ("status");
CREATE INDEX IF NOT EXISTS "idx_push_delive_msgid_d37d19" ON "push_deliveries" ("msgid");
COMMENT ON COLUMN "push_deliveries"."status" IS 'PENDING: pending\nSENDING: sending\nRETRYING: retrying\nSENT: sent\nDELIVERED: delivered\nFAILED: failed\nUNDELIVERABLE: undeliverable\nDEAD_LETTER: dead_letter';
COMMENT ON TABLE "push_deliveries" IS '消息投递记录 — one event to one recipient: channel, attempts, msgid, status, error.';
        CREATE TABLE IF NOT EXISTS "push_topic_follows" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "topic" VARCHAR(80) NOT NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_push_topic__user_id_cf4304" UNIQUE ("user_id", "topic")
);
COMMENT ON TABLE "push_topic_follows" IS '关注的事项或大厅 — a resident follows a service item or hall to get its notices.';
        CREATE TABLE IF NOT EXISTS "push_oa_followers" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "openid" VARCHAR(64) NOT NULL UNIQUE,
    "subscribed" BOOL NOT NULL,
    "subscribed_at" TIMESTAMPTZ,
    "unsubscribed_at" TIMESTAMPTZ,
    "user_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_push_oa_fol_subscri_44b985" ON "push_oa_followers" ("subscribed");
COMMENT ON TABLE "push_oa_followers" IS '公众号关注者 — an OA openid that follows (or followed) the account; user when known.';
        CREATE TABLE IF NOT EXISTS "push_subscription_grants" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "template_id" VARCHAR(128) NOT NULL,
    "remaining" INT NOT NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_push_subscr_user_id_cc8eb9" UNIQUE ("user_id", "template_id")
);
COMMENT ON TABLE "push_subscription_grants" IS '订阅消息授权 — how many mini-program subscribe messages a user accepted for one template.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "push_deliveries";
        DROP TABLE IF EXISTS "push_subscription_grants";
        DROP TABLE IF EXISTS "push_topic_follows";
        DROP TABLE IF EXISTS "push_oa_followers";
        DROP TABLE IF EXISTS "push_broadcasts";"""
