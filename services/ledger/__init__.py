"""The tamper-evident decision ledger: appends, signed tree heads and RFC 9162 proofs.

Other domains call ``append`` inside their own transaction, so a decision and its ledger
record commit or roll back together. Appends lock the single head row, which serialises them
(keep the append the last step of the caller's transaction so the lock is held briefly).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError, NotFoundError, ValidationFailed
from app.ids import new_id, utcnow
from ledger_verifier import SignedHead, VerificationError, canonical_json, check_inclusion, hash_leaf
from ledger_verifier.heads import signing_message
from ledger_verifier.merkle import CompactRange
from models.ledger import HEAD_ROW_ID, LedgerEntry, LedgerHead, LedgerNode, SignedTreeHead
from services.ledger.templates import validate_record
from services.ledger.tree import (
    LeafRange,
    NodeKey,
    consistency_ranges,
    inclusion_ranges,
    nodes_for,
    range_hash,
    subtree_nodes,
)

RECORD_VERSION = 1
MAX_ENTRIES_PER_PAGE = 1000
APPLICATION_ID_MAX = 64


class LedgerIntegrityError(AppError):
    status, code, message = 503, "LEDGER_INTEGRITY_ERROR", "存证账本数据不完整，已告警，请稍后再试"


class SizeBeyondLog(ValidationFailed):
    code, message = "LEDGER_SIZE_BEYOND_HEAD", "树大小超出当前账本"


@dataclass(frozen=True)
class LogState:
    """The log right now: its size, its (unsigned) root and the newest signed head."""

    tree_size: int
    root_hash: bytes
    latest_head: SignedTreeHead | None


@dataclass(frozen=True)
class InclusionProof:
    entry: LedgerEntry
    hashes: list[bytes]
    head: SignedTreeHead


@dataclass(frozen=True)
class VerifiedEntry:
    """One entry of an application with its proof against the latest head, if it is covered yet."""

    entry: LedgerEntry
    hashes: list[bytes] | None
    status: str  # verified | pending (not yet under a signed head) | failed


@dataclass(frozen=True)
class ApplicationRecord:
    application_id: str
    head: SignedTreeHead | None
    entries: list[VerifiedEntry]

    @property
    def verified(self) -> bool:
        return bool(self.entries) and all(item.status == "verified" for item in self.entries)


def _timestamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


async def _lock_head(connection: BaseDBAsyncClient) -> LedgerHead:
    """Lock the head row (creating it once); every append and nothing else takes this lock."""
    # A write first: on SQLite it takes the database write lock before any read, so two
    # processes cannot both read the same size; on PostgreSQL it makes the row exist to lock.
    await connection.execute_query(
        f"INSERT INTO ledger_head (id, tree_size) VALUES ({HEAD_ROW_ID}, 0) ON CONFLICT (id) DO NOTHING")
    return await LedgerHead.select_for_update().using_db(connection).get(id=HEAD_ROW_ID)


async def _fetch_nodes(keys: set[NodeKey] | list[NodeKey]) -> dict[NodeKey, bytes]:
    """Stored node hashes by (level, index); a missing one means the table was tampered with."""
    by_level: dict[int, list[int]] = {}
    for level, index in keys:
        by_level.setdefault(level, []).append(index)
    if not by_level:
        return {}
    condition = Q(*[Q(level=level, node_index__in=indexes) for level, indexes in by_level.items()],
                  join_type=Q.OR)
    rows = await LedgerNode.filter(condition).values_list("level", "node_index", "hash")
    found = {(level, index): bytes(digest) for level, index, digest in rows}
    missing = set(keys) - found.keys()
    if missing:
        raise LedgerIntegrityError(details={"missing_nodes": sorted(missing)[:10]})
    return found


async def _hashes(ranges: list[LeafRange]) -> list[bytes]:
    nodes = await _fetch_nodes(nodes_for(ranges))
    return [range_hash(start, end, nodes) for start, end in ranges]


def _new_entry(seq: int, record_type: str, record: dict[str, Any]) -> LedgerEntry:
    """The entry for a validated record at ``seq``: a fresh id and a millisecond timestamp."""
    entry_id, recorded_at = new_id(), utcnow()
    recorded_at = recorded_at.replace(microsecond=recorded_at.microsecond // 1000 * 1000)
    leaf = canonical_json({"v": RECORD_VERSION, "entry_id": str(entry_id), "type": record_type,
                           "recorded_at": _timestamp(recorded_at), "data": record}).decode("utf-8")
    return LedgerEntry(id=entry_id, seq=seq, record_type=record_type, created_at=recorded_at,
                       application_id=record.get("application_id"), leaf=leaf)


async def append(*, record_type: str, data: dict[str, Any]) -> LedgerEntry:
    """Append one record (validated against its data template); call inside the caller's transaction."""
    (entry,) = await append_batch(records=[(record_type, data)])
    return entry


async def append_batch(*, records: Sequence[tuple[str, dict[str, Any]]]) -> list[LedgerEntry]:
    """Append (record_type, data) pairs in order under one lock: the entries, leaf hashes and
    nodes are exactly those of appending them one by one, in a single round of writes."""
    # Every record is validated before the lock is taken: one bad record writes nothing.
    validated = [(record_type, validate_record(record_type, data)) for record_type, data in records]
    if not validated:
        return []
    async with in_transaction() as connection:
        head = await _lock_head(connection)
        size = head.tree_size
        peak_keys = subtree_nodes(0, size)
        peaks = await _fetch_nodes(peak_keys)
        tree = CompactRange([(level, peaks[(level, index)]) for level, index in peak_keys], size)
        entries, nodes = [], []
        for offset, (record_type, record) in enumerate(validated):
            entry = _new_entry(size + offset, record_type, record)
            entries.append(entry)
            nodes += [LedgerNode(level=level, node_index=index, hash=digest)
                      for level, index, digest in tree.append(hash_leaf(entry.leaf.encode("utf-8")))]
        await LedgerEntry.bulk_create(entries)
        await LedgerNode.bulk_create(nodes)
        head.tree_size = size + len(entries)
        await head.save(update_fields=["tree_size"])
    return entries


async def tree_size() -> int:
    """Entries committed to the log so far."""
    head = await LedgerHead.get_or_none(id=HEAD_ROW_ID)
    return head.tree_size if head else 0


async def root_at(size: int) -> bytes:
    """The root hash of the first ``size`` entries, from O(log n) stored nodes."""
    return range_hash(0, size, await _fetch_nodes(subtree_nodes(0, size)))


async def latest_head() -> SignedTreeHead | None:
    return await SignedTreeHead.all().order_by("-tree_size").first()


async def log_state() -> LogState:
    """Size and root of the log now, with the newest signed head."""
    size = await tree_size()
    return LogState(size, await root_at(size), await latest_head())


def head_json(head: SignedTreeHead) -> dict[str, Any]:
    """The published form of a signed head, as the offline verifier reads it."""
    return SignedHead(head.tree_size, bytes(head.root_hash), head.timestamp_ms, head.key_id,
                      bytes(head.signature)).to_json()


async def sign_head(*, rt: Runtime) -> tuple[SignedTreeHead | None, bool]:
    """Sign the current size and root when the log grew; returns (newest head, whether it is new)."""
    size = await tree_size()
    latest = await latest_head()
    if size == 0 or (latest and latest.tree_size >= size):
        return latest, False
    # Nodes inside [0, size) never change once committed, so no lock is needed to read them.
    root = await root_at(size)
    key = rt.keyrings["ledger"].signing
    timestamp_ms = time.time_ns() // 1_000_000
    signature = key.private_key.sign(signing_message(tree_size=size, root_hash=root,
                                                     timestamp_ms=timestamp_ms, key_id=key.kid))
    try:
        async with in_transaction():
            head = await SignedTreeHead.create(tree_size=size, root_hash=root, timestamp_ms=timestamp_ms,
                                               key_id=key.kid, signature=signature)
    except IntegrityError:  # another signer got there first; its head is as good
        return await SignedTreeHead.get(tree_size=size), False
    return head, True


async def latest_head_or_raise() -> SignedTreeHead:
    head = await latest_head()
    if head is None:
        raise NotFoundError("账本尚无签名树头", code="LEDGER_HEAD_NOT_FOUND")
    return head


async def head_at_or_raise(*, size: int) -> SignedTreeHead:
    """The head signed at exactly ``size``."""
    if size < 1:
        raise ValidationFailed("树大小必须为正整数", code="LEDGER_RANGE_INVALID", details={"tree_size": size})
    latest = await latest_head()
    if latest is None or size > latest.tree_size:
        raise SizeBeyondLog(details={"tree_size": size,
                                     "latest_signed_size": latest.tree_size if latest else 0})
    head = await SignedTreeHead.get_or_none(tree_size=size)
    if head is None:
        raise NotFoundError("该树大小没有签名树头", code="LEDGER_HEAD_NOT_FOUND", details={"tree_size": size})
    return head


async def list_heads(*, after_size: int, limit: int) -> list[SignedTreeHead]:
    """Signed heads in size order, after a given size (for download and witnesses)."""
    return await SignedTreeHead.filter(tree_size__gt=after_size).order_by("tree_size").limit(limit)


async def entries_between(*, start: int, end: int) -> list[LedgerEntry]:
    """Entries [start, end) in order; the range must lie in the log and hold at most a page."""
    size = await tree_size()
    if not 0 <= start < end or end - start > MAX_ENTRIES_PER_PAGE:
        raise ValidationFailed("条目区间无效：需 0 <= start < end，且一次最多 1000 条",
                               code="LEDGER_RANGE_INVALID", details={"start": start, "end": end})
    if end > size:
        raise SizeBeyondLog(details={"end": end, "tree_size": size})
    entries = await LedgerEntry.filter(seq__gte=start, seq__lt=end).order_by("seq")
    if len(entries) != end - start:
        raise LedgerIntegrityError(details={"start": start, "end": end, "found": len(entries)})
    return entries


async def entry_or_raise(*, entry_id: str) -> LedgerEntry:
    try:
        entry = await LedgerEntry.get_or_none(id=uuid.UUID(entry_id))
    except ValueError:  # not a UUID: it cannot name an entry
        entry = None
    if entry is None:
        raise NotFoundError("存证记录不存在", code="LEDGER_ENTRY_NOT_FOUND", details={"entry_id": entry_id})
    return entry


async def inclusion_proof(*, entry_id: str, size: int | None) -> InclusionProof:
    """The entry with its audit path to a signed head (the newest unless ``size`` names one)."""
    entry = await entry_or_raise(entry_id=entry_id)
    head = await (head_at_or_raise(size=size) if size is not None else latest_head_or_raise())
    if entry.seq >= head.tree_size:
        raise AppError("该记录尚未被签名树头覆盖，请稍后再试", code="LEDGER_ENTRY_NOT_YET_SIGNED",
                       status=409, details={"leaf_index": entry.seq, "tree_size": head.tree_size})
    return InclusionProof(entry, await _hashes(inclusion_ranges(entry.seq, head.tree_size)), head)


async def consistency_proof(*, first: int, second: int) -> list[bytes]:
    """Hashes proving the tree of ``second`` entries extends the one of ``first`` (RFC 9162 2.1.4)."""
    if not 0 < first <= second:
        raise ValidationFailed("需 0 < first <= second", code="LEDGER_RANGE_INVALID",
                               details={"first": first, "second": second})
    size = await tree_size()
    if second > size:
        raise SizeBeyondLog(details={"second": second, "tree_size": size})
    return await _hashes(consistency_ranges(first, second))


def entry_json(entry: LedgerEntry) -> dict[str, Any]:
    """The fields of an entry the verifier reads."""
    return {"index": entry.seq, "entry_id": str(entry.id), "leaf": entry.leaf,
            "leaf_hash": hash_leaf(entry.leaf.encode("utf-8")).hex()}


async def application_record(*, application_id: str, rt: Runtime) -> ApplicationRecord:
    """Every entry of an application, each proven against the newest signed head and checked
    with the offline verifier's own code, so the "verified" mark means what the verifier says."""
    # Longer than the column: it cannot name an application (and the ORM would refuse the filter).
    entries = (await LedgerEntry.filter(application_id=application_id).order_by("seq")
               if len(application_id) <= APPLICATION_ID_MAX else [])
    if not entries:
        raise NotFoundError("该办件没有存证记录", code="LEDGER_APPLICATION_NOT_FOUND",
                            details={"application_id": application_id})
    head = await latest_head()
    signed_size = head.tree_size if head else 0
    ranges = {e.seq: inclusion_ranges(e.seq, signed_size) for e in entries if e.seq < signed_size}
    nodes = await _fetch_nodes(nodes_for([r for entry_ranges in ranges.values() for r in entry_ranges]))
    keys = rt.keyrings["ledger"].verification_keys
    results = []
    for entry in entries:
        if head is None or entry.seq not in ranges:
            results.append(VerifiedEntry(entry, None, "pending"))
            continue
        hashes = [range_hash(start, end, nodes) for start, end in ranges[entry.seq]]
        bundle = {"entry": entry_json(entry), "head": head_json(head),
                  "proof": {"leaf_index": entry.seq, "tree_size": signed_size,
                            "hashes": [h.hex() for h in hashes]}}
        try:
            check_inclusion(bundle, keys)
            results.append(VerifiedEntry(entry, hashes, "verified"))
        except VerificationError:
            results.append(VerifiedEntry(entry, hashes, "failed"))
    return ApplicationRecord(application_id, head, results)
