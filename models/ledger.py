"""The decision ledger: entries (leaves), stored Merkle nodes, the head row and signed tree heads."""

from tortoise import fields
from tortoise.models import Model

from models.base import Entity

HEAD_ROW_ID = 1


class LedgerHead(Model):
    """账本头 — the single row every append locks, so sequence numbers have no gaps or duplicates.

    Not an Entity: it has one fixed key, so concurrent first appends create it with a plain
    ``INSERT ... ON CONFLICT DO NOTHING`` and then meet on the same row lock.
    """

    id = fields.SmallIntField(primary_key=True, generated=False)
    tree_size = fields.BigIntField()

    class Meta:
        table = "ledger_head"


class LedgerEntry(Entity):
    """存证记录 — one leaf: the canonical JSON record of a decision, holding ids and hashes only."""

    seq = fields.BigIntField(unique=True)
    record_type = fields.CharField(max_length=40, db_index=True)
    application_id = fields.CharField(max_length=64, null=True, db_index=True)
    leaf = fields.TextField()  # the exact canonical JSON whose UTF-8 bytes are hashed

    class Meta:
        table = "ledger_entries"


class LedgerNode(Model):
    """Merkle 节点 — the hash of one complete subtree: level 0 are leaf hashes, level k spans 2^k leaves.

    Not an Entity: append-only rows addressed by (level, node_index); a UUID and timestamps
    would more than double the size of the largest table of the log.
    """

    id = fields.BigIntField(primary_key=True)
    level = fields.SmallIntField()
    node_index = fields.BigIntField()
    hash = fields.BinaryField()

    class Meta:
        table = "ledger_nodes"
        unique_together = (("level", "node_index"),)


class SignedTreeHead(Entity):
    """签名树头 — the log's size and root at one moment, signed with an Ed25519 ledger key."""

    tree_size = fields.BigIntField(unique=True)
    root_hash = fields.BinaryField()
    timestamp_ms = fields.BigIntField()
    key_id = fields.CharField(max_length=64)
    signature = fields.BinaryField()

    class Meta:
        table = "ledger_signed_heads"
