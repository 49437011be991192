from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


# The schema of release 2026-12-04 in one migration: what the archived history
# (0_ … 10_20261204191839_calendar.py in migrations/archive/sqlite/models/) leaves on an
# empty database. Each table has the columns later migrations added last, where the history put
# them, so both schemas are identical column for column; tests/foundation/test_migrations.py
# compares them. A database built by the archive is recorded as at this baseline without running
# it (app/db.py, _upgrade_archived). The history's data migrations (search texts rewritten, 2027
# deadlines flagged provisional) have nothing to do on an empty database and stay in the archive.
async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
CREATE TABLE IF NOT EXISTS "departments" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(128) NOT NULL,
    "phone" VARCHAR(32) NOT NULL DEFAULT '',
    "sort_order" INT NOT NULL DEFAULT 0
) /* 部门 — a district government department that owns service items. */;

CREATE TABLE IF NOT EXISTS "halls" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(128) NOT NULL,
    "windows" JSON,
    "address" VARCHAR(255) NOT NULL DEFAULT '',
    "opening_hours" JSON,
    "phone" VARCHAR(32) NOT NULL DEFAULT '',
    "hall_type" VARCHAR(16) NOT NULL DEFAULT 'street' /* DISTRICT: district\nSTREET: street */
) /* 政务服务大厅 — the district hall or a street\\/town hall where residents are served. */;

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
) /* A role held by a staff member, scoped to a department and\\/or a hall (neither = global). */;

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
);

CREATE TABLE IF NOT EXISTS "ledger_entries" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "seq" BIGINT NOT NULL UNIQUE,
    "record_type" VARCHAR(40) NOT NULL,
    "application_id" VARCHAR(64),
    "leaf" TEXT NOT NULL
) /* 存证记录 — one leaf: the canonical JSON record of a decision, holding ids and hashes only. */;
CREATE INDEX IF NOT EXISTS "idx_ledger_entr_record__ded44c" ON "ledger_entries" ("record_type");
CREATE INDEX IF NOT EXISTS "idx_ledger_entr_applica_830d3d" ON "ledger_entries" ("application_id");

CREATE TABLE IF NOT EXISTS "ledger_head" (
    "id" SMALLINT NOT NULL PRIMARY KEY,
    "tree_size" BIGINT NOT NULL
) /* 账本头 — the single row every append locks, so sequence numbers have no gaps or duplicates. */;

CREATE TABLE IF NOT EXISTS "ledger_nodes" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "level" SMALLINT NOT NULL,
    "node_index" BIGINT NOT NULL,
    "hash" BLOB NOT NULL,
    CONSTRAINT "uid_ledger_node_level_e628ca" UNIQUE ("level", "node_index")
) /* Merkle 节点 — the hash of one complete subtree: level 0 are leaf hashes, level k spans 2^k leaves. */;

CREATE TABLE IF NOT EXISTS "ledger_signed_heads" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "tree_size" BIGINT NOT NULL UNIQUE,
    "root_hash" BLOB NOT NULL,
    "timestamp_ms" BIGINT NOT NULL,
    "key_id" VARCHAR(64) NOT NULL,
    "signature" BLOB NOT NULL
) /* 签名树头 — the log's size and root at one moment, signed with an Ed25519 ledger key. */;

CREATE TABLE IF NOT EXISTS "life_events" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(64) NOT NULL,
    "sort_order" INT NOT NULL
) /* 人生事件 — a life situation (出生, 入学, 开办企业 …) that groups service items. */;

CREATE TABLE IF NOT EXISTS "calendar_overrides" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "day" DATE NOT NULL,
    "is_working_day" INT NOT NULL,
    "reason" VARCHAR(128) NOT NULL,
    "hall_id" CHAR(36) REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_calendar_ov_hall_id_3fb10c" UNIQUE ("hall_id", "day")
) /* 日历调整 — a local closure or extra opening day, for one hall or (hall empty) the district. */;
CREATE INDEX IF NOT EXISTS "idx_calendar_ov_day_90186b" ON "calendar_overrides" ("day");

CREATE TABLE IF NOT EXISTS "service_items" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "code" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(128) NOT NULL,
    "level" VARCHAR(16) NOT NULL /* MUNICIPAL: municipal\nDISTRICT: district */,
    "source" VARCHAR(24) NOT NULL /* MUNICIPAL_CATALOG: municipal_catalog\nDISTRICT: district */,
    "modes" JSON NOT NULL,
    "mode_flags" VARCHAR(128) NOT NULL,
    "legal_limit_days" INT NOT NULL,
    "promised_limit_days" INT NOT NULL,
    "fee_fen" INT NOT NULL,
    "requires_realname" INT NOT NULL,
    "appointment_group" VARCHAR(32),
    "is_published" INT NOT NULL,
    "popularity" INT NOT NULL,
    "aliases" JSON NOT NULL,
    "search_text" TEXT NOT NULL,
    "current_version" INT NOT NULL,
    "department_id" CHAR(36) NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT
) /* 事项 — a government service item of the municipal\\/district catalog. */;

CREATE TABLE IF NOT EXISTS "catalog_audit_entries" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "actor" VARCHAR(64) NOT NULL,
    "action" VARCHAR(32) NOT NULL,
    "item_code" VARCHAR(64) NOT NULL,
    "changes" JSON NOT NULL,
    "item_id" CHAR(36) REFERENCES "service_items" ("id") ON DELETE SET NULL
) /* 目录变更审计 — who changed what in the catalog, and when (created_at). */;

CREATE TABLE IF NOT EXISTS "guide_versions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "version" INT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "conditions" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "fee_description" TEXT NOT NULL,
    "materials" JSON NOT NULL,
    "steps" JSON NOT NULL,
    "data_template" JSON NOT NULL,
    "change_note" VARCHAR(255) NOT NULL,
    "created_by" VARCHAR(64) NOT NULL,
    "item_id" CHAR(36) NOT NULL REFERENCES "service_items" ("id") ON DELETE CASCADE,
    "result" JSON,
    CONSTRAINT "uid_guide_versi_item_id_69abb3" UNIQUE ("item_id", "version")
) /* 办事指南 — one immutable version of an item's guide; applications pin the version id. */;

CREATE TABLE "service_item_life_events" (
    "lifeevent_id" CHAR(36) NOT NULL REFERENCES "life_events" ("id") ON DELETE CASCADE,
    "service_items_id" CHAR(36) NOT NULL REFERENCES "service_items" ("id") ON DELETE CASCADE
);

CREATE TABLE "service_item_halls" (
    "hall_id" CHAR(36) NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    "service_items_id" CHAR(36) NOT NULL REFERENCES "service_items" ("id") ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS "kiosk_devices" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "secret_hash" VARCHAR(64) NOT NULL,
    "revoked_at" TIMESTAMP,
    "hall_id" CHAR(36) NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE
) /* 自助取号机 — a registered hall device that checks residents in with its own credential. */;

CREATE TABLE IF NOT EXISTS "queue_counters" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "day" DATE NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "last_number" INT NOT NULL,
    "hall_id" CHAR(36) NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_queue_count_hall_id_c76556" UNIQUE ("hall_id", "day", "appointment_group")
) /* 取号计数 — the last queue number given in a hall on a day for an item group. */;

CREATE TABLE IF NOT EXISTS "slot_exceptions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "appointment_group" VARCHAR(32),
    "day" DATE NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* CLOSED: closed\nEXTRA: extra */,
    "start_minute" SMALLINT,
    "end_minute" SMALLINT,
    "capacity" INT,
    "reason" VARCHAR(256) NOT NULL,
    "hall_id" CHAR(36) NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE
) /* 号源例外 — a closure or an extra session of a hall on one day. */;

CREATE TABLE IF NOT EXISTS "slot_templates" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "weekday" SMALLINT NOT NULL,
    "start_minute" SMALLINT NOT NULL,
    "end_minute" SMALLINT NOT NULL,
    "capacity" INT NOT NULL,
    "valid_from" DATE,
    "valid_until" DATE,
    "hall_id" CHAR(36) NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_slot_templa_hall_id_b35ac9" UNIQUE ("hall_id", "appointment_group", "weekday", "start_minute")
) /* 号源模板 — a weekly time window of a hall for one item group, with its capacity. */;

CREATE TABLE IF NOT EXISTS "slots" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "day" DATE NOT NULL,
    "starts_at" TIMESTAMP NOT NULL,
    "ends_at" TIMESTAMP NOT NULL,
    "capacity" INT NOT NULL,
    "booked" INT NOT NULL,
    "is_closed" INT NOT NULL,
    "hall_id" CHAR(36) NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    "template_id" CHAR(36) REFERENCES "slot_templates" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_slots_hall_id_6e352d" UNIQUE ("hall_id", "appointment_group", "starts_at")
) /* 号源 — one bookable time window; ``booked`` never exceeds ``capacity`` (conditional update). */;
CREATE INDEX IF NOT EXISTS "idx_slots_hall_id_ac9ade" ON "slots" ("hall_id", "appointment_group", "day");

CREATE TABLE IF NOT EXISTS "appointments" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "day" DATE NOT NULL,
    "starts_at" TIMESTAMP NOT NULL,
    "ends_at" TIMESTAMP NOT NULL,
    "status" VARCHAR(16) NOT NULL /* BOOKED: booked\nCHECKED_IN: checked_in\nCANCELLED: cancelled\nNO_SHOW: no_show */,
    "active_marker" VARCHAR(8),
    "idempotency_key" VARCHAR(64) NOT NULL,
    "queue_number" INT,
    "checked_in_at" TIMESTAMP,
    "cancelled_at" TIMESTAMP,
    "hall_id" CHAR(36) NOT NULL REFERENCES "halls" ("id") ON DELETE RESTRICT,
    "item_id" CHAR(36) NOT NULL REFERENCES "service_items" ("id") ON DELETE RESTRICT,
    "resident_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "slot_id" CHAR(36) NOT NULL REFERENCES "slots" ("id") ON DELETE RESTRICT,
    "application_id" CHAR(36) REFERENCES "prereview_applications" ("id") ON DELETE SET NULL,
    "calendar_conflict" INT NOT NULL DEFAULT 0,
    CONSTRAINT "uid_appointment_residen_f7ee97" UNIQUE ("resident_id", "idempotency_key"),
    CONSTRAINT "uid_appointment_residen_bceac4" UNIQUE ("resident_id", "item_id", "active_marker")
) /* 网上预约 — a resident's booking of one slot for one service item. */;
CREATE INDEX IF NOT EXISTS "idx_appointment_residen_298be5" ON "appointments" ("resident_id", "day");
CREATE INDEX IF NOT EXISTS "idx_appointment_status_c8c13e" ON "appointments" ("status", "ends_at");

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
) /* 订阅消息授权 — how many mini-program subscribe messages a user accepted for one template. */;

CREATE TABLE IF NOT EXISTS "prereview_applications" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "form_data" JSON NOT NULL,
    "state" VARCHAR(20) NOT NULL /* DRAFT: draft\nSUBMITTED: submitted\nIN_REVIEW: in_review\nNEEDS_CORRECTION: needs_correction\nPASSED: passed\nREJECTED: rejected\nWITHDRAWN: withdrawn */,
    "version" INT NOT NULL,
    "submitted_at" TIMESTAMP,
    "deadline" DATE,
    "claimed_by" VARCHAR(64),
    "decision_reason" TEXT NOT NULL,
    "decided_at" TIMESTAMP,
    "department_id" CHAR(36) NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT,
    "guide_id" CHAR(36) NOT NULL REFERENCES "guide_versions" ("id") ON DELETE RESTRICT,
    "item_id" CHAR(36) NOT NULL REFERENCES "service_items" ("id") ON DELETE RESTRICT,
    "resident_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    "checked_materials" JSON,
    "tracking_number" VARCHAR(40),
    "acceptance_number" VARCHAR(40),
    "delivery_method" VARCHAR(8) /* WINDOW: window\nMAIL: mail */,
    "issued_at" TIMESTAMP,
    "resume_state" VARCHAR(20),
    "completed_at" TIMESTAMP,
    "suspended_on" DATE,
    "suspended_working_days" INT NOT NULL DEFAULT 0,
    "received_at" TIMESTAMP,
    "hall_id" CHAR(36) REFERENCES "halls" ("id") ON DELETE RESTRICT,
    "approval_step" INT NOT NULL DEFAULT 0,
    "accepted_at" TIMESTAMP,
    "due_date" DATE,
    "overdue_notified_at" TIMESTAMP,
    "idempotency_key" VARCHAR(64),
    "due_date_provisional" INT NOT NULL DEFAULT 0,
    "deadline_provisional" INT NOT NULL DEFAULT 0
) /* 办件 (网上预审) — a resident's application for an item, pinned to one guide version. */;
CREATE INDEX IF NOT EXISTS "idx_prereview_a_state_58c14c" ON "prereview_applications" ("state");
CREATE INDEX IF NOT EXISTS "idx_prereview_a_deadlin_f96c4c" ON "prereview_applications" ("deadline");
CREATE UNIQUE INDEX "uid_prereview_a_accepta_59f924" ON "prereview_applications" ("acceptance_number");
CREATE INDEX "idx_prereview_a_due_dat_9a3686" ON "prereview_applications" ("due_date");
CREATE UNIQUE INDEX "uid_prereview_a_residen_b59d6c" ON "prereview_applications" ("resident_id", "idempotency_key");

CREATE TABLE IF NOT EXISTS "prereview_materials" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "material_index" INT NOT NULL,
    "material_name" VARCHAR(128) NOT NULL,
    "storage_key" VARCHAR(128) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "size" INT NOT NULL,
    "content_type" VARCHAR(64) NOT NULL,
    "original_filename" VARCHAR(255) NOT NULL,
    "status" VARCHAR(20) NOT NULL /* UPLOADED: uploaded\nNEEDS_CORRECTION: needs_correction */,
    "reused_from_id" CHAR(36),
    "application_id" CHAR(36) NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE,
    "certificate_id" CHAR(36),
    CONSTRAINT "uid_prereview_m_applica_aa6086" UNIQUE ("application_id", "material_index")
) /* 申请材料 — one uploaded (or reused) file for one required material of the guide. */;

CREATE TABLE IF NOT EXISTS "prereview_transitions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "actor_id" VARCHAR(64) NOT NULL,
    "actor_role" VARCHAR(16) NOT NULL,
    "from_state" VARCHAR(20) NOT NULL,
    "to_state" VARCHAR(20) NOT NULL,
    "reason" TEXT NOT NULL,
    "application_id" CHAR(36) NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
) /* 状态变更 — who moved an application from one state to another, when (created_at) and why. */;

CREATE TABLE IF NOT EXISTS "prereview_comments" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "reviewer_id" VARCHAR(64) NOT NULL,
    "material_index" INT,
    "field_name" VARCHAR(48),
    "message" VARCHAR(500) NOT NULL,
    "resolved" INT NOT NULL,
    "application_id" CHAR(36) NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
) /* 审查意见 — a reviewer's remark on one material or one form field of an application. */;

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

CREATE TABLE IF NOT EXISTS "calendar_years" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "year" INT NOT NULL UNIQUE,
    "title" VARCHAR(128) NOT NULL,
    "reference" VARCHAR(64) NOT NULL,
    "content_sha256" VARCHAR(64) NOT NULL,
    "loaded_by" VARCHAR(64) NOT NULL,
    "replaced_count" INT NOT NULL
) /* 节假日安排 — one year's holiday notice (国务院办公厅关于节假日安排的通知) as loaded. */;

CREATE TABLE IF NOT EXISTS "calendar_days" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "day" DATE NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL /* HOLIDAY: holiday\nMAKEUP_WORKDAY: makeup_workday */,
    "name" VARCHAR(16) NOT NULL,
    "notice_id" CHAR(36) NOT NULL REFERENCES "calendar_years" ("id") ON DELETE CASCADE
) /* A holiday or make-up working day of a loaded notice; days not listed follow the weekday. */;"""


# Downgrading the baseline would drop every table: aerich refuses an empty downgrade.
async def downgrade(db: BaseDBAsyncClient) -> str:
    return ""


# aerich compares the models with the state of the last migration when it writes the next one.
MODELS_STATE = (
    "eJztfWt32ki29l+p5S+drEVnAJuLnfc9a2GbJHRsyLFJevoMc+RCKozGQmJ0seOZ6f9+ap"
    "ck0KUkJG4Wor4kWKpdEs8uqvZ9//tkZihEsz5cYY3oCjYHz8Q0VYWcXKB/n+h4Bh8Sx1TQ"
    "CZ7PlyPggo3HGiOSvdGS4Q1nt/HYsk0s23TEBGsWoZfoHdlU57Zq6EA3cpoN0hg5jdN2c+"
    "S05eopXGmdoZFTr9bOEEaaQedGsmZYjkmQYSLyk86JjDnRVf0RKfi1gib0sqETNMWaBkPe"
    "sQ9kNrdf3yN7SpCi0hdRZfsDvJViyPCX/vhWL+Do6j8dItnGI6H3TPoaf/vbCVCwt8OvJ3"
    "//O/2g6gr5SXGkd+HP+ZM0UYmmhHilKkDCrkv265xd+/69d/2JjYTZxpJsaM5MX46ev9pT"
    "Q18MdxxV+QA0cO+R6MTENlECHNMdTfPY7F9yvwC9YJsOWbyqsrygkAl2NOD7yf+bOLoM7E"
    "Z09XxQFeuDTl4kVfkv7/UCQyWpPxhK992hJJ3Elgq8RoR53iXZ0GGZqboNYP37T3feJSjs"
    "6gk84OpL5+7dafM9g8Gw7EeT3WSQnfzJCLGNXVIG/BJp2SSAi4TtOOLX9I6tzggf9TBlBH"
    "3FI/3gf1iHC/6FJRuWvzYfXB++HQB+Qr+gMtC1V4//KQwY9m6798PO7Td43Myy/qkx/DrD"
    "Ltyps6uvkavvXH4ZdCNx95rFJOj33vALgj/R/wz63ShXF+OG/3MC74Qd25B040XCSmCp+l"
    "d91OjIJdedubIm18OUgutF4bqPUYDt3tsvuQ5bMJfdfFZ7w9N4vB3+xjbXHbI3hZ3AIrZb"
    "Bs4hS3oxzCc6ocQF79IwNIL1hGMpRhyBckypD/AXkgLh5WBwE/oxXPaG4eXe/3572b17V2"
    "O/AjpItdnlXn8YgZ7+DC36XjHIr6bY5OO9pIjgTF9+VzCf7Oq0P5nhnxKVPR/tKf2zVm+n"
    "oP6jc8ckADoqsrn0vVt1914YYZDMpHySVoBkA3HL+70fwHpeIViB/Dp54spVvtgbRvaTYR"
    "L1Uf9KXhm+PfoeWJcJB09PW/niTXOQiC6vLl/RxC8LeT+4nOhXp1+YuLvBVef+qnNNN2MA"
    "eIzlpxdsKlIIabhj1I3IlcXY+K1ZfRa9gnX8yMCBbwHv7IF+TebYtGeEvXdMgQzcraSpjs"
    "piXGad8bxK2vTfBmkv1TRfw0KPoILqMB9aTk2VMGwj40W3kEXMZ1UmiO6oM4unEG55do62"
    "J9S7t9iFKkK9OyJBX6h3x8j1LOqdbLjWzKzysj9+O9Ly6j11l1wNScun9QzC8mk9UVaGW2"
    "FRmf2fA1p//P4Ukb2BuxNVZE5RygXwgqB0qt72F69lmLZkmAox4wj3dJsPcJgogrLqyr67"
    "QLm6K5Af4Q1+rdfOWmft0+ZZmw5hb7m40krB3TVPxNS9ZPUkgL6NJxPJNDTXdRSxH3nEn7"
    "7eEQ2z7xRH29M77mGiOzpPefTBsK0NNIsNIXKVlB6d6QD32UwoUW1EU2WGw4ZgdZYzlRUs"
    "mZi2OoEvuemPr3u1nKqsaJFnrDnbWFndxURlgmqXFidm5uPYmnzzX7KVCUxoOWISTicjp1"
    "HHNfq5VVX8z43zeouFCjR8y1DQt7/w/mNELxBi/8U2XnT36suUmARRHUZVwNCFMP0LTEVE"
    "4Yck7PH5I32kPzy80GVkvFgPD0i1IOiBzomMCfr3iK7B2ZiYI/qaIwa7+4kibVCmg/VLej"
    "QNZ26NTv78iB4evLgIaWo4pjvdSKezBDw8dCREPIxOqucX1ao7Xa3FPlLmf/jw4e9wxcK2"
    "Y9LRbDBc/BOpOrok6j8g6oKp18K6Jqxrws4irGuC68K6JqxrwroWQ3cdRz9DiQtyl0pCMX"
    "d03O3vT7BHi5sr7uWUCU6ue/fDu97V8GIhQY50eqXbpVcCM+blTDMLY6IbVIAvzShb6N5D"
    "tyeOrpW88gMkpTN81huNDAjTUYkQs3vCsLy3fdvTreLw/nY/6PPhDZBExR/Q9P7DFLQdGT"
    "gDWsfYUTVb1a0P8Li3UDoAoZDg4+P87rbz1ygLrm4Gl1GJBia4jPAjpKLm4UqMsBC8gace"
    "NG/W8hfwM07WN8bx8l1K6D0QbpbsDgTfwLW5A8Gf6QDl7kxgPamG9bQhTF9hjmsCjqmywk"
    "Tf1CF0jKPbhHfy5IHrv2GuK3eqsuJlacamP757OkWZ4ZHIT5nMt+CMAqC6/lylRswms7m2"
    "uasTABt6U5UVr7fyoh+iwPA2buFDQWpDr/DK8JdbrL8ODfg3Y8bIhjEwb2poTskbYd9Oir"
    "jHI9/VhCVIFClo93QhNUzGjSfyynZLl0xikHv5JwuOeWMCqSn21DScx2mUUlpMz81dodel"
    "IPiL1ZIYBOBratcY3iCxcMG1m0uYoWYB+KTZ0JWhAR00NTSVjgc3+ww/kV+dOfJc24hdnr"
    "CKAVghCtINm2LwEa5b8AezC9DrE0PTjBfmun8h5InejscA7OpB4OzveAR03ldkEixPEV1C"
    "Bhs3N6kAbjgWuiYyAb8/elev1s5/sdCM6tkKewVEx9KL7V9r9V/r5+8ryGK0Ix3eS7WQ+x"
    "tBWDYNy/KeZSHK3ymdzp5iHc3ph1eCTeHBFx584csVHnzB9SJ58ItR/qAIAlbG6gf0UOYc"
    "RNlcxj5tkX30J18GN73rzh8XvlAy0m87X7vfv0m/D+6+shsgojhzVsfBWw9v7zcW4RK7BJ"
    "eJdTnLIoSItimIFUPr3W5lBBesOLy5ayP4CtEfVOI+XHBXFkkILa4ilUkI4Z+isPr8yaCx"
    "gvKUOZq9XW/XR06jetZaFLsbt8/p59Pzuh9HDsXrYFKq6PmKp6ckvqPDm5NFCPp5swmT1c"
    "8J/bfWlN1wdPjcOh05Z6RN0h84clrN9hkUWahh+rlFGu8RtjxNlhcLf2BvL7TZguysFaHN"
    "HpFeI7TZY+R6Fm321TtVM+Zz+8O3k8n9tuHoW0jlDiJpq7aWS6FaEJRRo9pFALpJJsQkOk"
    "/qTyvnFyAqXTRu8ywDzM2zRJThVhhk+jgbshatKa43mnmQjlOWcGFvH3BXOpbGHKtiMtYh"
    "IgFzBphNMtewTDFj8WU5jrw4oShjsnYZE9+XvHkgsue/PrBV/iZlAbo/bWLqWOtBcrtqc8"
    "MCYmMqaZYW4o2WVHe4mr2hQeO81vSLSLYJHoNdYaIETRWa8ajqyJv5Fb3DuttNQKkgDN5z"
    "w/voJ7t/w5aFLGf8DyLb713Pv2MRk2ct2e/DuY0M5qbxrHr1kDw60dBA2EAOaA87UG1Y2E"
    "COketZbCDBLXkdJ3WQvsiy+MnvXbojDqXbXr/37W7w+a5ze4FeiDzFtjRTdZV+j0cTz0a6"
    "N27QWdw28OLq935v0F/cYEfiSL/s9n7r9T9L3zr39xdo7B6O0hy7ScZvn2Pqn7Q5VKwASZ"
    "GZWiQDDT3xuS7vlEz0BYUwzaxUYS1CZQtbIroch3hIRfKEdRyiWgvmYkbRc4+e7l+HoVMn"
    "lnS7OHluBv3P/vBoJu6f0fNhovJsu8mp0AGSjZKg11vgZcyCDolpVMPKGVsTIBGRNemRNQ"
    "BVHNrccTXfrVJlXlYi8TSBBVWkaBqGOse+43Mj2aYDXyi7FUc+a4ycplyrjZxWo96mn+un"
    "rWVDEL+UImsICTm4c1O1CKLvrNsfIcHBMnSsIfdLsXKL9HwyX+eQl4FtIOc2o9zXY0WYSk"
    "G2qYow0RyRsi5MNMfI9UxJF6o11/CrlDdoPUontMwMjlKswWf6jGfCaT7X0+3VJrH4JIV1"
    "mp706ZKlVCP9snPfu7pAtZH+o3vX+9TrXl+gOiv6R1XFC3Sa0ZTl+lZP663mwq0Kf6R5VO"
    "9vOzc33OaVbrJyXp0/RijU/vxqv6pIbnHvvOjHCAX6m6DPvnCeTZ9DuhUOFKh67va3fVax"
    "Mu9KDxGJVb6GaZEBmHuFR8h2hHyZlrdqSZjqvM8c6XFV9+0l3R4bb/vYH1Tj7bVCwsIhRO"
    "sHhvEimA5MgctadEpUXswKFv2e9Ldrbry4rt15siyqYp5o6TB5yaG2MVflDZHqs6mGMNMn"
    "VmCnrEvLwJJbQWhDwAYdF6dM3pJDXFyWM15MLj2aeON96z4w4WeYr6xLTHTpE136SlWO8W"
    "Cg2qWLlpUGv2Xl4044ntrg7Uqaw9atVT5jI7M7bhVI2T+bNGSIfR9jeuWs0V56UNmkCMss"
    "2QXK0dkQEm9Bc7kX1Z7SERDU92KYCsK6ggw2NdbQcDD8xvXY7vp5wlUrXLXCaSdctYLre+"
    "B6FlctxBHlddMGaUrX6W77xszD84YfMNi+/CFNsTXNZaSPEpYQ7p10W7MNey6tF+zOIRVu"
    "qTWcr8JbUlBvyZ5bUxVt93k7hZ0BlqSu+2iuUtYX3MtSSx8Goyl9QzR+XWjKrrpfQZZszI"
    "kCteYxUsgcm8yNAzryX1iLe9bW/p1OVFZW/v+jR80YY+09r5T+zp7DzX9n08Nd08NsOSv8"
    "BfOJfHihwR/QnnSgupzQ4I+R61k0eH9nXicX3qctsq5zcnXTvft6gSiy5tNIv+v+6HV/79"
    "5dIOjuQl6IOdK/dG5upNtOv/MZrrMuPq54QO91rm97/QuElZmqR4/TLDrT9quNL4/QnFmR"
    "McINDsfDUZlWHoORnvf5MA2QCDQjCexMCM4HZ5BGZO6mZ+4uZOsNU3cjLsjDhHZlBm9wZf"
    "FTePl77BYAvg5NdpBbwUp4Y2fLaoyZ8rc5ul+8acqJa+B8KVLi+R2Z0H1qOjSeiH7CsZOE"
    "7lfSTCWmO1KyYWhGa8lAJ8ijQ4zO7wAI1fwsYlmggL+b4Jmqvb7/iAwqtyPVttD9l86v9U"
    "YT+vJZNl1nnB4L251ahCsU5BitCGPHEam9wthxjFzPYuxwN+6cSkmIaLdaSUH6+uXR8tzC"
    "eVJy378ETS9CV2QT0pru8u2bfnzQcirVISqxgKPxB1TKyx3uEaYSUUwrA2vIz7lKmbDGeR"
    "umLOF5e7jna1ysMg17TbEqTLkFNhdT4y8Hl8kz3f/W4nKIUnC5aFzOEaa0S/vSwLHHxs/u"
    "M2GGsZh5KXi7kmZdMthAiTz7+dNZsmbO2+3myGm0lAlrg+n2jWguslh0xKaDKBkv4Ri9mz"
    "vWtII0ojwS8z0iP+kTtFdk6DL5iF5M1baJDkku9pQgeYr1R/KLRVcu1i3MDCi8XJo3egth"
    "siqMjCpMVsdjvBAmq2PkehaTFdvmXWbFuJ6sn4apdmVcKZOCih8p0x4pHHmbGkToBNZZsm"
    "xeoadhHOaUGvtLElFjP7R1baPG/twZU/ymax0uUdq9KHUFsTMW/DAplE53w/SSrm6b3J6E"
    "wduVNJ3O1W8ker6ZeToRjhvQBnAs1+DfcZVemTQaoWaABE8uXOUI64auylhD8FtBJpGhIg"
    "ELBFCIrEIMQAVNDU2BnoAq1JbXFQS2YGKxiABuaYR9P18ockKREyK9UOQE1wuiyFnkn3F2"
    "X6qPib2oPYLt1FJ/W+eiWyX9vF4/PW3Vq6fNduOs1Wq0q4ua6fFbaRXUL3ufIas2xEleQX"
    "U4N3OrzhGy8ulzZ9UM+txZNVGfg1uxVoB+wbn8LQEjlKK88Ur1GSTFOMjJdRL88aWIsdlH"
    "dYRCaUxf6Il4kqgwsbtZ9KWpPzCDstRW6s2R02zVZeiifnrmqymgnFiUORpBpvECHijzFQ"
    "RwQvUPzZCfrAqyDETPLYfoMkFuXX6LqibP9A8DPeK5Bc26FMf90ROLpynt7+EjfaT3Dchv"
    "R11WRfoCqTYoUkwfm6h0daMn8srmpatQdkwTXG4T1bRs78kWcgVxIPRL2Gl0rY70h4de/7"
    "57N0QfPnxAVIu7GvQ/3fSuhuh6gOjv4Euv//nhgWlu9IvpaEaITR/rfkvKaPYd4WvtQpm7"
    "n2FNS5Q7uPvwAYsd6zdnSVbcbJMQyVL/xauZkiLShcj21ySnFKJdoTblPv0jeVNmd7Nsyj"
    "q9k9GEdUvMJ7r10f2x3q6PnFZ1fB7cGcH8AyYi2LlkYzaHRCFkOWNYcReINWZCVdYEEaQB"
    "z1pU8W48IWuOdQvV//cJbj/zNuY9P5+zN7s77q8s54bujhaiuhdVzyzCapm8Y1NVEEDqNs"
    "t4/5HuxmCEcXdZqhBbNp7NrZH+YjiagmYGfRt7Sp+gGA7li3fC/IvA94DPGjYfKQ1iXFtc"
    "NB6T650sGmAt32Kz+iZpm0nWfdrbcou+Te9FO0ze0RMaoKUflW/Q8KzI52Wwx4CS2OkmbU"
    "2H6cqE6p6NH/yA9ktVx+YrH/qEYPbxq1di/cBgT0PQ84ou9ESqJl72+p27P/iK4iXHi3r5"
    "x7DbKY5Ucq8+6kQZ0sM2SV2MjMginViMhGmOmf1srXGLQNnvqkJ1uDa0bo7qcPQA/cVyz1"
    "k4l00DTnmbCQ4zAzLIqb7FHuwpVFQAUOqNRu3ci2wElYynN+7xycK3JnxrwssifGuC6wXx"
    "rRXHHHM0mlQw58uwExIo0+TNEJkQOvMInaGl79s1pBmvVHDa6o9QCm1r7Z8AFQxzOj6XFK"
    "Xwyu3a5QlyObYdk7vBJ+8xITKxx+TZYwqi2F5R8Z7qbR1HUe3E2NH4oEqaeiu7wyUM4/MG"
    "kraahLjBm/TfU6VNlc3m5AwCPDEL7cQ1X+V8mRpenh1VKKHXlZ975z6+wpTQF3D+vVtqHJ"
    "yi3Xt6plBqhVIr1Buh1AquF0SppQeRYeaRKRcEQqTMkvAn+51TcuDL77VSBoBP6xkAPq0n"
    "Agy3In2FbDKj6Cm5om9DRPuD+WRXYsCuV7Er7HE0/+RUygCJSKUMnQXbSKVkCzinQLwkEU"
    "XkU2ueA1JxZPOXPCfmsyqTnjfbQQK7snR0YFWFSkfT56P+95ubt6od/ZmuafKDmJb7vWPK"
    "fOh+JU2Pf4SR0rM7NHsmaP2c+CV1mqfVFqjUjVYwE1OdzRw35subm+Ve6ggQ/cVC7LEfUS"
    "B1wUJzT8/2CVROben9PXrE4o9ndEmbKoXh4aGCHh4sm8wtL+T44YFpmHTSuUZH0asTQ9OM"
    "F2S5vwzrLy62ljwlM/xhnuj2/tviJ+k9XrTzEkaDQ5KBD1N9FEaDY+R6FqPB8/LgDLM80Q"
    "0YoCiTB7BeO2udtU+bZwvH3+JKmr8v7tuj09tQTClvieAoXQltBjtQZw1dUW1fnMua4Bim"
    "KoHVYB9JjuGM0kesSWNsqblwj5AJ4HMDPyFECr5qDvA5pIIBuRmwUJLyWNBCRMWwocHzSm"
    "NDY6pqHoYsCAQzts6MkKUgD1NihMVgTqmszfQWvH8OriwpNmJHMY2ie8Pd9aFQJYz3k0jR"
    "CcJkJTivwwpBvdHIoBHQUYkqAbsXwdozQo1fc0EdohLKVwbl681cV0UDujy+q4Iiu7bzKk"
    "PfU25ZKl5ovEf96esd0XCCCuWB3lnOVCLQ/9xpnQx1QhIbeCxvVlLzUOmwnM07zsgYj5xW"
    "o8Zvm4FgSmSptsOYid6NHDrUo6gg+KsJQbbjZpP9NalWF267SbUGs9Uwm63efA/FI2z0aB"
    "rO3PI9Z8xTx61rVKA3E6G+BTkuKsJrd0T+G+G1O0auZ/Ha5Y2S3G6AZIEaT24/CpX9nwNa"
    "f7zQGLOk5RmmLRmmQjhx6sl1jUNE+/M5V3cF8hYczvvLtgsrpBy96Bbrr0MD/t2PRvqmu0"
    "+KPsq+nRStohP+riZojvTMXfhRwwrLxDAZT57IK1v4LrHEgPe02wXfvDEwg9u8yb1vT6kQ"
    "/ziNkkuRJ3GVZHpdihaC+zO9jFDg6/FqCIW/fbLiFvqm2VU3UIrO263zpVL0aDwTU4faPC"
    "E1xi/GN6OrSFbnWPuLogKnZdvPdORrYNt+gFCkhCIlRGqhSAmuC0XqrUWZXcv6QpFagFur"
    "tzOgS0clwsvuRWPwuAVoAeCu7sxiwngkEo9fiHaXLmVfIsopDZzcfu/3rnrfOjcXS/FqpF"
    "/37od3vavhBQrNm5czzSyMiW5QAb404yquY8oJC381X5bUh8QY6aoz7NwMPgcYJHli77YY"
    "Vc+yP9WT96d6bH+a+bXUM0fx+QTFiEsqVdAYYCtNNPzI4UjykRGmKl10zI6ODYjB1tSZak"
    "sKfuXgnVK9PE4qzHHR/I+5acxUi+oDa2GcQC1gjsIM4ewTkidxKUAh4Iw3v/uno9INWqK6"
    "nsYX3S8NQyNYTwoT5dBHK+jRCXaFs6857bmA3mBwEzoLL3vRHILvt5ddukmzLZoOUl2Ta5"
    "wBeD436BPBsiixQIw8ByGXeEed8d5Qj9pBzRlLWvQjz7nio6RisWdf7HNj7mjYVG1OiG7y"
    "0RgiElt4bAfRVGzlU2kCJEKp2bpSYxFsylPJJj85NuXkRL0IWQnUmn0n6XmdF6X8ye0cSr"
    "HRRDcahcyx6Qob+bySMUKRA5CeA7AELA5z7kyA69BkhwnvykSA2BILRTrcdV1bZMZ8gGi9"
    "5/UTArgVpw9LFE/MCghuDfESW+tjFi3sVZIVm6T1bZ5y4s9UYrBEfk5WsMgz1pxtYNVdTF"
    "QmqLYWFRkN4dssNjKU6HRQ4QR5IyND3zQaF7kMNQ1HREajHaPRkLyIyW1GRMbDhqZY49UC"
    "yc34L3Se0vPc/5JZ2Q3gboHTCx7l4HFq2GvwrOWEvUaO4uSw1+jpn6mfyKTBkveqGEJT22"
    "f0CsGBtECqW1CxSbd/sdDYMJ4o+/w225Zm2Igi7P4RCF7lthDZ0WO4NUH9yWAA/TCbGzbR"
    "5VfGa8qIyAA/mli21WcizbD5ROeJlhEN0yjYm4j+DG2HYU10xYKQvb+LiFsRcVtcAeZAYy"
    "9FxO0xcj1LxG1B/JyF4/iOHZ1wAnJ/ZQmWWsxzsoV+WgcIcgqo8NOIVZXDpm2tsT2FCEu4"
    "Ox3ubhQ/hHwxMCeLA2SCwYVm8FLiXysee0G9RzcsKFTEX3OZo7EvB4Ov3esL5FKP9Ksv3S"
    "t6Qer1L5A8JTK9KKk6vd7pX3VvbmCoDN9Z02B0fyDdfxn8TleEIVlTiuUap9b2g+nDOl4e"
    "QSFKWL5gqCyxwcmRwbG44KjenQNsDmkJZbLtZ0jRL+kQie5B41z1EKJkawUoFG1pb7sIP6"
    "Z8U7AJtsmJ5uWc5Aju49LvMcJvceVgQ/yWR846Zp0o8RaErIKt+DLJWAs5Yh1WR2gFp4vM"
    "6YALPmfsV5xS9C4M75gBb1dWUAMkIpROVCfeJZy+Oy0npBEyAWvUyKgZeSENkAg40+Nngz"
    "7gDaNnv1vkEHXYrHGzkd8pv4h2dHvdAqzHXZ58GY8c3RO2Aa03TUkxDWyDGTCdeqFHG2K6"
    "bpjWgWAakCczYIrDUbQbQpsvJreYGsBKgONaUKF6bX9VDevpmsCOfMIJbAverqQFtj3BQP"
    "q9WG9oNjRDZFu7RjCUqMfn0OdaacK/k9bIabZOcTDw7FG1bGISBcFqRe5D3AL2zGxkLWLT"
    "LKTq6EW1p0iln40XHcmUjN5QscaLedv/C4h6kAWRIStIRKcdT5ySiE47Rq5niU4TRQt3Wf"
    "2d0A0xf2PsCJmAOgPUJnmGKJA1dq8wpfDGFGezip9RwmOwS+OhMBlsYjLI0Hlvl5rsf0OQ"
    "zJXh6DZTq2KqbOh+JU2XdcNtZHdoZmU2qD+2x7hGtchGq+prkdAqQMOWjdjkyI3lQY/qM9"
    "FBZcSuZgmKE1LwK8umwrrbaICFvfO01z08kZu85f9MvJDxeIh+NDVLqLRCpS3uvnegyo1Q"
    "aY+R61lUWpH5kzvzR+SoZVBat5+jBvJJ/nDoCJUo1xaNxBVaotAShZbI718HIRIc7dAPnU"
    "jpWEdH5FAGmRuRnC/UMaiNAYlaMB2CgxW9UA4aLx/Rw4ObwPXwgHTyTHU08lMmRLHoDRnP"
    "sazar/TWO4q4osITsIZc6ew9Xync25NTlUPuobjMk41X70glZOU8hBop1MjibowHqlAINf"
    "IYuZ5FjRQ60ZvoREJ7F3U7hOszfgiJuh0lZ7CvcuSwBAVJ9mcG2uXhsmVL0LKwSEZElwTC"
    "rBYFU7UkWTMsHp6r+gYt6URJgRwlBYQhc6uphzaZzaEOb05II2Qii1uYh1dBurl5mLdutw"
    "Ar2HmHgekOcsGuRDfyi82dcSTaVeyrrcBKZ0X3p0z8t+V6LZYDKqvcFxLxx67hyBg5Z5P2"
    "mF45rwWqgoNg45gEudFj5CedEFnEgg4uUB58GWUGXggFv6a7LLb4DJFoVZCjsiLcCUdkWB"
    "buhGPk+gG5Ewom0QlvQuG8CU/0Lflrc3X1YJ+2yJ6uk6ubwT0rBsyMUiO9+9fhXefCFayi"
    "4lmWVbv9KsDMLyPNVN3hKX33MyrvJVowo7QlKpZ6Wm81F0ZM+CPNfnl/27m5iZvUiK6sCW"
    "yYUsD65s6LYqK5NXM7FYUsXp2ZZClhSVGCFtrhPbbeyLLJ0lGJuyy7J8zrwhBcLFNlgeOE"
    "F3biBMtb0I68wvDmG2TXsrs1cR1yO1utydIm9kLIk/YaDOcNmML8XnzLZM7KsiiRf+ysss"
    "Tt8Kn5A4fhwZ5uEpLvRKapsOkdzp54oNYdYdM7Rq4fkE2vcBzfsVEvcBrmUeADZGUKltuG"
    "+v7mBqcSY/umFqcS4yriZbdvc3rGmkq1TNPgVDpP9pqEqTZ0nhTMqpfPd+Ii4ei2yjF9rA"
    "JwQXbMCAqbnLDJHbBNLtzTYMOQwYz9DIr5e99vqOClaWBFxha3uMHyZiXNUjl3rKk09sdm"
    "NlW2JviMFaOrjZzzag3TKy3SWBoNdcOGcukTrOtEQYZjI9tAE0PTjBdisoLp8tTRnyyoRy"
    "A7pmWYDw9ohp8IvWdDZXVnBm/Is1fu89EioLAg23tFGB+PyAwljI/HyPUsxkfynNScLtnm"
    "GKTZjqlx9d66N0Pj9ouK26qt5aqOvyAooR13+/DSx9ncXnXJAAdISghxvVrNEuVSrSZHuc"
    "C9SG1HR1GJp85l9k0EaPYYS+QXVt450O0sOLeTYW7HUPblpzHHHpmynENUJVzRO+ipYWPb"
    "4SjW2QKUl9R7XNamo+sAWT7ET+6+9/u9/ucL5NGP9GsqSVwgxdBJVBl8mzhlV2fMteAXFK"
    "ULUdyB+GHYmGOuS3RvLMaL2hVRx4ZrApEMhyNtJOIZJhKgDnnG5beJT7wmmvpMzNcTjrlv"
    "ca+y0tqnuEPV7IGJTaXdpv9WmxP6b/28wQxvdWhAMa6OnMak0QjWHWX6Fhjd4A+TyOqcil"
    "X2BZKnsLQoi7ANoZG2VUEz61FVKsg9oCqImKZh8mx++38BbrhiUJNczCviEYVJ8JBE1cM0"
    "DgmT4DFy/XBMgnH+lskm6OLFIMqNsk8lFP1MHR19qSIHziGiEsK8fcOVMSd6vh1jSVG+Cg"
    "Q7MHK7knYuI8mSpHwIb98KlVrWL8VXk1rWrwxI19tZoK63k7GGe4dlfo3rcXS3Utawvn7r"
    "9q+Z9dWjH+n3/hXLv3LXHd794ZpoiW2++qOGbIg90q+7N70f3TsoNuFZGqDexKdO7wYuTb"
    "Cqwd/f+964zuVN9wI5ujcWvjTM0bmWbrrDYfcOZsEKZTDV2U16527w7Rub2zTmc7e86tv/"
    "Gn2DQg47W5BEWNmipktml4mjeak+JgK6INlRXYW9yvMunOf1+ulpq149bbYbZ61Wo11d4B"
    "q/lQbwZe8zYBxaz5ykDbB+5RLwfYLynSP1RiNT7YVGSu2FRmbf/2/3g35e37+iyjb6D9JU"
    "a2e7RcAcOHZUzVZ16wM89i2sgQBRyCLhI/3utvPXKBOubgaXUVMDTHAZYcgcP+bSaP3xYr"
    "1nWu8mYX2o8xyLQRJxLEZ3aMciZs5EkQCJKOKdmicCSMWRzZ0n8t2b5iARXZkmElhOuStM"
    "79I32mdR/0NjrsqfWKz/CcdJGh9UWekttWG05OYPZK/kUmudjpymTNojp9Vsn42cMwI1js"
    "/brXPwYNaaUO+43oI8hnYgd4GuVVUB56X3PARFj81nyGdgFVYM0y27YhvokdisyIqb7mBx"
    "K7u8zVtwXaf+j4vBKVymwmV6SNbow3SeCZfpMXI9i8vU3YRz6D0LAuFdyuBdejMpvWhAl0"
    "BMLyika8vpb1xicdD55GXi8uTzwN3VgrmBpUVWb3a5vClDv5Fay697GJSR29XqUgrW0aCD"
    "XK8vsqd4KQy/o+Kv92DlPb1FEJZlw9HtjwhARy9ToqMnuvPqfJl8728gkpgLsqkJ8fuYBD"
    "Ehfh8j17OI33uPPlpjXz3g4CPLGcN7jUnenq1hwp01bY1h7V842JatS+DW6cceJd7CZlZM"
    "4/oB7l2cI0vfiNsccsHvQvNbuBzLYssoJqIH63K8dzcy9r0/m1jnlmGLD6qstGxYARrpEY"
    "gyGzjaY1wfOefNaiOSNHnKPrfOTn3zwtR4QfSrvaKZqqu/zk2DPmiGFpszmhHLot8bnH/M"
    "qIBlaCNLlEXLBz+UmGfleKvXSHc9BmKfhQNSWECELiwsIILrb+OAfLvslcJxeffpKyaZ0c"
    "d56SCZ4zADNCIQszCBmEVbviVQiwoK6aG6eDvzuabK2PvWMYUoeDtdFTKJSZ5VKsriJUl2"
    "T2/9nEC846SJ3kHN6EYN/qpiiH6ESMjGGNfex0Mef7FQ4GlMycA6i3qsoLnKKkp7dWUe6Y"
    "+WoGdiWnQg19O7/zfgqj/+xDCAfpjNDZvo8qv0RF6FGiTUoAPaGA9UIBZq0DFyPYsaRDf3"
    "mQQ7QZzpyRmBISKRExhi9TZyAiFdPyEpMFuu/06r3cTPPcXEEzsn+CfXd51PQ0iip7Qj/f"
    "775W1vOIS0essZz1TbhhT9Xl+66/7odX+/QKouubLYSO93u9f30tXg7q57NewN+pRthCgW"
    "xcA0CVsXI/1b5/4eJptjy4KZ7rq/0cFwxST/oIPgGvy46Fv8TieAhsH0TV50GHnV7f1wR8"
    "pEfYaR8D06V1fdb2wG3bAl3wg80pfXA9e+fbsb/GAVCqgkYBrPbomC7/dQ3cD9jhbUN1iO"
    "ZfRsKFy77vZ7bvUCXYW/r7p3w96n3hXdMKRbKlhfIJmYtjoBEY1IM6wQitX9/XegUS3LWa"
    "8oQT1bFeyUIthRtd+TDHMo/QGK/an8tV2dG1tW+Re/jPViHEK0wuVdnFM5LoxBwRFN1TmH"
    "QHI3uyDNzlvZ7TNaK4WxnE52PgwS23dhM+EVc06NwkqaYmfxWPHfyeLKwUZkyRqmKy53Zf"
    "4QVfmKHGw/1lAhMluiVDzCFu+sHZKfCYcth7QE5eHTzoHuX4fp0vriGLgZ9D/7w6MifJwB"
    "ylpncphSnMhFPpGjdsscexqHVGxsqzc2qgqZikMkSOynk67zA0uYQvzSivxL89XuNfgdIR"
    "V8LjKf5SmRnyivZhR9U8Uap0ZTSlEyHvFGpsjD4fRObI6u8QosipLuzMY873dK3zIe8VbO"
    "uAKlCZ1lMY+dJZvHzuIt4jyD4Ro7XYRU7HRF3ulABPEtL5mtOQGaY7bmeDBsYs1JmEJYc3"
    "Ll13kOC4lnYkhexlG6nS/lomxSnLW8xOLFMJ/ovHRZvuapTJk8gQiPjC5Yun07MyKluFKT"
    "VIgwXfk09e27+VzHJdYoamSeYz3H6MQyjlnRjdkcoirXisaK0AohsdBCotc+UZoRyqaEpI"
    "TV4R+caQq8hZ383utfD36HAAxdMV5G+m2nd3OBZlh1O1LnLaSWpY5achm1WIcTOogds/k1"
    "Yg5pgdlQGI3YDV5ZY68LEYqNrtgb3Ryb9iypZV5yTHeMUCSxRH4+LB4/J6pBGgFoBFAoMp"
    "0TzwCJKD0R2d1tMsuJZoBELM64isvSanJCGiETsKZnAgaTl0Q2YFo2YGRhhTIC76jYcNe7"
    "Gp7ENoQt4HrvtgboebOVFN7AVpgBWnasbwHbzzDPj2VUdknBDUpBGdBdiqJbgPg6NFlJAY"
    "4J7xlQBlFqC/h+8aY5SJFrJbABeTMB0uQk7JAJ16DPAP5wPBKXHvWnr3dEWyRO89HuLGcq"
    "D+ihZZkSsJITKD/H+tabsUS//6ghTbfURfb8VjAbLuYsK2qyMdvC7/GOZc1duXOVFSrfk7"
    "T58mLTlBWmQNbghkh1r5ZTlWibz1WVJNC2lq4ZZ4EYH9WBToYG/ScDtqHZSoTseiVcFodj"
    "eimX4BmapaRL6BTPUs+l1Tg9hbqS0DGj2WpU6b+N83O/fAqUQ3HmmoEVorD2GCZxLGiOMV"
    "E1sigVCb1FVZOO8J+OjAlrn8H0D14Nlz09lVu3BYcL5fjUEltbonKLqNxyQOfjgdbwEJVb"
    "jpHrHD9qohbq7cYxzidGXcUJ9xd2tUtWbznyagETuxCDNzn0I0YoioRmKxJq2XTgI8mbXh"
    "khE2hnRHuK641mLqAXFCXEeAdNgNR/cfaN5OBub7jYjLlhsLoNrgOGSo4lG6UTCzdL4rWp"
    "Pqo6PcBAicx7+nGJSwh7vdHIEkbfaCTH0cO9eOE3h2OZy175zeGlg+yyiodvfcipKJ98/3"
    "Yz6LBaaP4MWQq7RQ0kb5Pv4BpZpIlp5A1nilOKGLHITh8obJcP2zilwDaWp+Pb83JiG6cU"
    "YWPpYWMR2+mGIQyRkuWHCfDKUIb4KitoVfmA7zndKRF2UmdxS0Rc5ZkcE/VxE9pbVWvQ0F"
    "uB9lbNyZnvIniZGmgGZUWhiHuorjs9hJh7gOU6Qkl3rBtg/K+47bvfLW3C7+kthV595Xoo"
    "9vx40Uy8ILtfRXgijsgmLTwRx8j1LJ4IejwZ/FZEaRWDljQltA5s3yjjAmYaWi5rTJiqhE"
    "DXmlks49EfR8Aw3owCzXTz3GUjwlQlBHr7VhS6oeSGOUgjQM5kqspbFFjUAt6gFrCwsAgL"
    "i7CwrGthCYeqcywrsVj2LBaVYBh9pr59Y1yDWEsCncNr1cnIaZ/LtWCbPJiWmL9YCFqUmk"
    "+IKutgyFhGV7phl9AmCbGvDvGWYfMHt13f3h4sTCgF2d4qwoRyRMq0MKEcI9ezmFD8rT2n"
    "FSVCVkKNaPuGlLeOmy2YZ3nbkVruqLxRQ2GqElZKyxLAeZYcv3kWC9+cEcuiUnQekAMkJd"
    "wpGtUsxhM6KhFkdi9WYsfQnglnU04tOR0kE2Wmc5SZFvYTYT8R9pMNIlTc9HV+UMoitT3Z"
    "amJQTZlVYpVCGfU5zCb11jnPeuGmoS7sF8Zc1VVmvWB3/IchKASdy1iys8dlSYgFcpEMK+"
    "wnB7fdHagmLewnx8j1LPaTwE4c43pyxlWISORd8dq+AER5lfkQUQk1zdN6BkXztJ6oZ8Kt"
    "qJopzH/7Sm5zRUE+zKtzrALkRYb7pPPt293gR/fCk3XJSL/u9v+4QArRX6PSdBZGbLmzgr"
    "x04WaNSwmQiMAUEZjy1pqHMKzkAfjADSuhancc40q0Gl4WA0u0Fl/GEmQNMH1AGbD2WK7R"
    "K7VmKxghYlHuIbcZCsIWGDbIr4EnVdATmdMBOiv/5Rfs/sVCL1ijWCcUINv9M0VASkG2tY"
    "owqByRai0MKsfI9SwGlWAyfe6iKxzaXYnsZWoHntfOUmITy/b1/vwt/Dbs3LeGoHDA8D5j"
    "TXXrmvBPCT7EYaoNe0MXbUWnQMxpDu1C4ei2yml5sQrBBdlRt9cW5QNF+cDyHFiifOA23V"
    "gHV1eNbew57QN0od30ri8Qox3pd90fg69QYc0kz8aTV6Ltbe3+3pusoUyGKUWH3+LojnGT"
    "gc+rca6DOExVvhjw7R8RLmJSUo73KqilUqV67yEavCBOtIKt8k2MzZHO7/wAiBRrfpBIuC"
    "VFf2DRH7jAPt78/YHf0pNezF12U0c6fQ3U/35zc8LZfLcA8VG0sg2dOrl7ru40TmHZOY4X"
    "pRDqK5clRmHZ1y57Gsh5S6H/KoSwcIGzUKCA7/ln6Rl0Xv0Rvav92njPcjCQbMzmgKSCLL"
    "eh90c0xgoMthA2oayFphkv9LYz52aE7O/JIlyhIOdyBYlwheNxXItwhWPkeqb8D5lKKnGG"
    "38+wpiWbzH2iMtnMT+ut5sJcDn+kWcrvbzs3N7xuOwnR2WmNdsoUnb0HW5JqSVTEiEOcWl"
    "dgSbSzqgL7DErYT00BV3iTnDndPHjVRpNTDuKUJVjb+8488GVngDGfQyBOKZwCq50CQdTy"
    "C0FxauFqK47cExd3lYXBJaeVN0Yo7LyRH9KUyo45QQ2QCP9ORN6xSd5maQESsTiFb+eYO6"
    "S9aeywcJsV1m22yIuMbrVbgPXeNYX3vNlKim7gkMngkFRC/i3hLFuNb0zOzIAyiFFbwPeL"
    "N81BilsrgQ3ImlvwQWb0uQ90MjToPzvxuBfy1NtN5vpmZf6IqcrTE16RP/dOJc27i5djVr"
    "lzk7HasgM00UTPlaQ49nmPMYVdTNsJaE/2dT4T00qsapOQObQkKWE+xk7as8OPKgfC3vAS"
    "olvL5BGppXhEanGPCH2izRWsfrsf9JO8TguSqJlSlW30H6Sp1gELVzxwAYx0G33UHF8Jq2"
    "YwwSVPN9tnyNKf/wcpHxWK"
)
