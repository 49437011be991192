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


MODELS_STATE = (
    "eJztXW1z4rYW/isavtxkhqYJCYTNtneGJOyGbgIZYHc7LR2PsAWoMZJryyFMb/77lWQb/M"
    "aLWUhMoi8JSOdI9nNkneccS+LfwpgayHSOrpEFbTZGhBUuwL8FAseIf0ipLYICtKx5nShg"
    "sG9KcWMmJ8th32E21EWTA2g6qCgkHN3GFsOUCIWe++EYVfnfMqqCnls6PjkDEBiY62GdgS"
    "F9RDYR7YF504CNIAN0QhzgIPsR6whghsbOkejSoLrQJcOdtO4S/I+LNEaHiI2Qzfv48y9e"
    "jImBnpATfLUetAFGphFBEhuiAVmusakly75+bVx/kpLiyvuaTk13TObS1pSNKJmJuy42jo"
    "SOqBsigmzIkBECl7im6ZsiKPKumBcw20WzSzXmBQYaQNcUJir8MnCJLiwDuIWPsOEcETTR"
    "sPFf//JCoprWbHW1Tr2raYWEVcVlxEzhF+mUiBGBxfjg4Dx77c5BkaUF0cHVTa19cFo5lD"
    "BQhw1tWSkhKzxLRcigpyqBnyOt20jgokGWRPya1zA8RumoRzVj6Bu+6lHwYRMrBAVzM8wf"
    "jADcAL4dAF7gN2i0iDn17b/EAN3GXb3Trd3di+7GjvOPKfGrdeuipiRLp7HSA89elD/z3n"
    "wwawR8b3RvgPgK/mg163GrzuS6fxTENUGXUY3QiQaN0FANSgPUuOTc6q5lbGj1qKayel6s"
    "HmAUMrt/9aFnnfugpL2vRtBe8IT78jErc7R2M6fu0qpj+KSZiAzZiH89LS2x6rda25tPSz"
    "FLNf2akqx6jkAr/2eANpDfDrSv/chEwD0pVddAl0sthFfWPT8LdjB4CHktUdCH+sME2oYW"
    "qZkbwmFwMNBsaiInaY9LX/nTlzYyobzNpA18FtcRDbV5O2sYxB/JebHHczDagtJgMhAA0h"
    "JdBGmyalwax0sggUN5S6Jv0ZOP1w00zTQ2LMuX8uARl1ibAVfKp4OeWy7BE/75/NgIPpc/"
    "lM7539NqOeCunHPO2avoA1CbE1pegBD7mXHS6pVOODdFgM+y2BBUHED+TZBZZKRx5BfvX7"
    "FoxaIVn1IsWlldsWjFohWLViz6LbPo+hNDNoFmQ3BBzKZpjDohs5RdI19aw544Rmtz7fKH"
    "k0qQFa4i2O+5Z2hgBPyWEgRMOsQE+C1PwQEkgFqIYKPImS43JPU/XiL8N8ca3EPHAY7b/x"
    "vp7BDQgZDiXDeNaL9s5yks+8+CZdNH3rycTHy9wl+KfCvyvT8+ZT9pmCLf79Hq65Dv8JSc"
    "ZIl14o6lzRscD0h0lLB9WD/PrLHwvc5nxK5212g27tutz+3a3QWYIH0EmTbGBPP7GNpw3C"
    "O+XKs2q6ZwVvq12Wg1ZxXSJfbIZb3xW6P5WbuvdToXoO85R83izjHuhV8nCAg8bYY4IKSS"
    "Z6O+digQRpl7fC2NoiwGea7xchgXdsVEoghXztYAuHK2EF9RFRvEiHMLpiGiJyHuckq+YB"
    "xHtDaCOZ9BVKrrqf/ejXidAM+Du9rvhxHPc9tqfg7EQ/hf3bYuY7jzeXGAzZQkwm+dVjMd"
    "9JBKnAuIzP3/gIkdtrMBPufgfRebDBPnSHT7GhRcQLTcIHHsY/5dNBA3iIiwUieaxbFQSG"
    "WbAVF+n4QVsU8igxNFNwntJ2ojPCRf0DRBhtKzNF/9ZvYT0kSGhhfbcDKLycMDit87v2PE"
    "PF9X61zVruuF58UpsV3meiTqKfmdwBqLczrihtbP4uhn5Z5b0U9Oeu55uVTln0un5/MVfs"
    "GbR/F6kv9DtmVjBwF+zYR9BBbviRJoAu+m5NtJ7p/sqcWHCYBMqLPU/M0Ldavej+Zkmiqq"
    "FM07CtZViuY9Wn2dFI2BHcuEUy3ry7y4nooyV0aZfBCZ4jPv4xGZSbAbhK1OiSUbiSGPyc"
    "7Cn+NswBeafMhyrR65rHUaVxfgpEe+1duNT4369QUo9Uin2+ah4gU4XTOVNRQX+tNp6bxS"
    "5bXyPsSX8yWG6tzVbm8bzW6KKeTQzRrzJxRV2J897MeGxsd5n9P8jOgnFBX6P4K+vOEsk3"
    "6K6lYskKNlMtuf9i2OT+Z5JqKkRvkGqUUJYOYRHlPbEfJvaXhjR4M85n1MYY+XlJoIkgVz"
    "SVgvhnOfK+6KxATYv+wYv2y1biNj/LIRH8Rf7y7r7YMTCT0Xwl7Wy+MuGy0Liy4h2nxVWN"
    "oKpj0L4F5ldZhcTXeHhL8spCQOw9XFZflDb3nfWEqun0c0ULnnng3KuliK1Ye85Kwc2iks"
    "GwVQ16kbbAw26dABmIAJZiMuId4xT6htAEgMQGXT0ATdVvc+NYG46/5U5lBlDlUOSWUOld"
    "VzkjkUr7WyZg3DOm9uh8X2ufX+JWf3GOyAf2gj6IwyxYxxxTcId6lcXgNvLrUQcFkXRZxR"
    "Zmmbrb1KUVVZkg1ygSp4z2nw/sK7ufI2+7xewC4BWxSuB2iuCtZn1lsdqteAEAYjfoWgP5"
    "1Fyl64XwSOTi1kAEbF6V7zk7x4jPyzPKBAHkpwQBAWQTH4FQxN2ofmYTJE32E/qduxZPOi"
    "1vYxMyIHrYn21PYsFcHv0Zy0p7GciuDfo9XXieCDmXmTrVmBbp5jncLVbb395QJwZO2HHm"
    "nXvzXq3+vtC2CjR4wmyO6Rm9rtrXZXa9Y+i3LhlDSPHvC62vVdo3kBoDHGJO5O19oJVFln"
    "I1Dc/qF9QJVEPmDmQjMu0k8o/oBz3J+QaaUbnCMrLZ8N05CKQjO2n0qS4GxwhnXURpLlG0"
    "lm3PoHd5LEXkHuJ7QrN5SER1b6jpL0OXYLAEcPl97LqWAlvAnfshrjkX/K4A+iGxxW+DZx"
    "DfmXPO2DaqMBn6dGXfqASCElTxKpLy5LldiepMaE6JrZkhYRhy9KPSD1vJNhvMNlHOQ4Ig"
    "A/GMAxNqeHHwHlvB1g5oDOTe2nUrkCsAMcxsdZymmR221aLVfIiRstqmTHOwp7VbLjPVp9"
    "nWSHN3FnDEoiSruNSl5y3cKWojzvHBftgd9EehppQaQX08tzCmnD1+XbT/0EoGUMqiNaag"
    "DH1x9wlpd5uUdUS61iWrmwBj1ZmBthA38b1XyD/nZ//WuSVtmUbUiroppbMHM+I/63YWX0"
    "yOe/jawc0VRWzpuVMyxT2mV+qeWyPn2qPy74ub5wdXFZdolKQQ09ZvrFvmq10nPL58ZA7G"
    "KpescYV2a7WAiQzYlVMrw//IhscGC5zqgITGQMkX0I0BPvwZwCSnT0EUxszBgiYpOL+H0R"
    "fQTJEP3H4SMXEgfKBErqL/u9zlWolFVuOKpKWb2f5IVKWb1Hq6+TspLTvGeshNUXx6dRrV"
    "0lV95SgAqH3GhDDkfWM3ZjegrrdXbZTE0KU2BecuTrXEUd+RqZurZx5Kvl9jl+o42cS1z3"
    "RYK6nOQZc+5MchXT1ZCN9VEhJZzza4rLIjk4l1kVwi027JaDmwZZeERVyoOQciabP4rzmx"
    "T2DlsrnZydn1VPK2ezE9dmJcuOXQtOXFscx/Co1fF3L63rbkMqb/CV0U52WIqHKguh8cTf"
    "ILonx8frvJE7Pl78Sk7URdHlPbLUdYKLuUxI5eW5zOs4yq2xlld1Zs//B1LUkHo="
)
