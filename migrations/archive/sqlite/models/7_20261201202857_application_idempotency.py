from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "prereview_applications" ADD "overdue_notified_at" TIMESTAMP;
        ALTER TABLE "prereview_applications" ADD "idempotency_key" VARCHAR(64);
        CREATE UNIQUE INDEX "uid_prereview_a_residen_b59d6c" ON "prereview_applications" ("resident_id", "idempotency_key");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "uid_prereview_a_residen_b59d6c";
        ALTER TABLE "prereview_applications" DROP COLUMN "overdue_notified_at";
        ALTER TABLE "prereview_applications" DROP COLUMN "idempotency_key";"""
