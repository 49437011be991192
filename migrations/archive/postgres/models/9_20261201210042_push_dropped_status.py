from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        COMMENT ON COLUMN "push_deliveries"."status" IS 'PENDING: pending\nSENDING: sending\nRETRYING: retrying\nSENT: sent\nDELIVERED: delivered\nFAILED: failed\nUNDELIVERABLE: undeliverable\nDEAD_LETTER: dead_letter\nDROPPED: dropped';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        COMMENT ON COLUMN "push_deliveries"."status" IS 'PENDING: pending\nSENDING: sending\nRETRYING: retrying\nSENT: sent\nDELIVERED: delivered\nFAILED: failed\nUNDELIVERABLE: undeliverable\nDEAD_LETTER: dead_letter';"""
