"""Response shapes of the tamper-evident ledger: heads, entries, proofs."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from app.shapes import LocalDateTime, Schema
from ledger_verifier import hash_leaf
from models.ledger import LedgerEntry, SignedTreeHead
from services import ledger


class HeadOut(Schema):
    tree_size: int
    root_hash: str
    timestamp_ms: int
    key_id: str
    signature: str
    signed_at: LocalDateTime

    @classmethod
    def of(cls, head: SignedTreeHead) -> HeadOut:
        return cls(**ledger.head_json(head), signed_at=head.created_at)


class EntryOut(Schema):
    index: int
    entry_id: str
    record_type: str
    application_id: str | None
    recorded_at: LocalDateTime
    leaf: str = Field(description="规范化 JSON 原文（叶子数据），其 UTF-8 字节即被哈希的内容")
    leaf_hash: str

    @classmethod
    def of(cls, entry: LedgerEntry) -> EntryOut:
        return cls(index=entry.seq, entry_id=str(entry.id), record_type=entry.record_type,
                   application_id=entry.application_id, recorded_at=entry.created_at, leaf=entry.leaf,
                   leaf_hash=hash_leaf(entry.leaf.encode("utf-8")).hex())


class ProofOut(Schema):
    leaf_index: int
    tree_size: int
    hashes: list[str]


class InclusionOut(Schema):
    entry: EntryOut
    proof: ProofOut
    head: HeadOut


class ConsistencyOut(Schema):
    first_size: int
    second_size: int
    hashes: list[str]


class LogOut(Schema):
    tree_size: int
    root_hash: str
    latest_head: HeadOut | None


class EntriesOut(Schema):
    start: int
    end: int
    entries: list[EntryOut]


class VerificationStatus(StrEnum):
    VERIFIED = "verified"
    PENDING = "pending"
    FAILED = "failed"


class VerifiedEntryOut(Schema):
    entry: EntryOut
    proof: ProofOut | None
    status: VerificationStatus


class ApplicationLedgerOut(Schema):
    application_id: str
    verified: bool = Field(description="全部记录均已被签名树头覆盖且验证通过")
    head: HeadOut | None
    entries: list[VerifiedEntryOut]
