from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ;"""
