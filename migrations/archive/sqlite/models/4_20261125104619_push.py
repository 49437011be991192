from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "push_broadcasts" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "event_id" VARCHAR(64) NOT NULL UNIQUE,
    "title" VARCHAR(64) NOT NULL,
    "content" VARCHAR(200) NOT NULL,
    "audience" VARCHAR(80) NOT NULL,
    "created_by" VARCHAR(64) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* RUNNING: running\nDONE: done */,
    "cursor" VARCHAR(64) NOT NULL,
    "total" INT NOT NULL,
    "fanned_out" INT NOT NULL
) /* 群发通知 — a notice fanned out to followers in chunks; ``cursor`` makes it resumable. */;
        CREATE TABLE IF NOT EXISTS "push_deliveries" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "event_id" VARCHAR(64) NOT NULL,
    "event_type" VARCHAR(64) NOT NULL,
    "recipient" VARCHAR(80) NOT NULL,
    "openid" VARCHAR(64),
    "channel" VARCHAR(16),
    "template_id" VARCHAR(128),
    "status" VARCHAR(16) NOT NULL /* PENDING: pending\nSENDING: sending\nRETRYING: retrying\nSENT: sent\nDELIVERED: delivered\nFAILED: failed\nUNDELIVERABLE: undeliverable\nDEAD_LETTER: dead_letter */,
    "attempts" INT NOT NULL,
    "msgid" BIGINT,
    "error" VARCHAR(255),
    "content" JSON NOT NULL,
    "page" VARCHAR(255),
    "requeues" INT NOT NULL,
    "user_id" CHAR(36) REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_push_delive_event_i_2fcd9a" UNIQUE ("event_id", "recipient")
) /* 消息投递记录 — one event to one recipient: channel, attempts, msgid, status, error. */;
CREATE INDEX IF NOT EXISTS "idx_push_delive_event_i_1c8629" ON "push_deliveries" ("event_id");
CREATE INDEX IF NOT EXISTS "idx_push_delive_status_5096cd" ON "push_deliveries" ("status");
CREATE INDEX IF NOT EXISTS "idx_push_delive_msgid_d37d19" ON "push_deliveries" ("msgid");
        CREATE TABLE IF NOT EXISTS "push_topic_follows" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "topic" VARCHAR(80) NOT NULL,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_push_topic__user_id_cf4304" UNIQUE ("user_id", "topic")
) /* 关注的事项或大厅 — a resident follows a service item or hall to get its notices. */;
        CREATE TABLE IF NOT EXISTS "push_oa_followers" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "openid" VARCHAR(64) NOT NULL UNIQUE,
    "subscribed" INT NOT NULL,
    "subscribed_at" TIMESTAMP,
    "unsubscribed_at" TIMESTAMP,
    "user_id" CHAR(36) REFERENCES "users" ("id") ON DELETE SET NULL
) /* 公众号关注者 — an OA openid that follows (or followed) the account; user when known. */;
CREATE INDEX IF NOT EXISTS "idx_push_oa_fol_subscri_44b985" ON "push_oa_followers" ("subscribed");
        CREATE TABLE IF NOT EXISTS "push_subscription_grants" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "template_id" VARCHAR(128) NOT NULL,
    "remaining" INT NOT NULL,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_push_subscr_user_id_cc8eb9" UNIQUE ("user_id", "template_id")
) /* 订阅消息授权 — how many mini-program subscribe messages a user accepted for one template. */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "push_deliveries";
        DROP TABLE IF EXISTS "push_subscription_grants";
        DROP TABLE IF EXISTS "push_topic_follows";
        DROP TABLE IF EXISTS "push_oa_followers";
        DROP TABLE IF EXISTS "push_broadcasts";"""
