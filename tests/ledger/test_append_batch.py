"""Batched appends: the same log as one-by-one appends, gap-free, with proofs that verify."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.errors import ValidationFailed
from ledger_verifier import SignedHead, check_inclusion, verify_consistency
from models.ledger import LedgerEntry, LedgerHead, LedgerNode
from services import ledger
from services.ledger import audit as ledger_audit
from tests.builders import append_ledger, ledger_data
from tests.builders.ledger import ReferenceTree

RECORDS = [("application_transition", ledger_data(application_id=f"app-{n}")) for n in range(33)]


def replay_ids_and_times(monkeypatch) -> None:
    """Give every append the same entry ids and clock readings, in order, each time it is called."""
    ids = iter(uuid.UUID(int=n + 1) for n in range(len(RECORDS)))
    start = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    times = iter(start + timedelta(milliseconds=n) for n in range(len(RECORDS)))
    monkeypatch.setattr(ledger, "new_id", lambda: next(ids))
    monkeypatch.setattr(ledger, "utcnow", lambda: next(times))


async def stored_log() -> tuple[int, list[tuple], list[tuple]]:
    """Everything an append writes: the head's size, the entries and the nodes."""
    entries = await LedgerEntry.all().order_by("seq").values_list(
        "seq", "id", "record_type", "application_id", "created_at", "leaf")
    nodes = await LedgerNode.all().order_by("level", "node_index").values_list("level", "node_index", "hash")
    return await ledger.tree_size(), entries, [(level, index, bytes(h)) for level, index, h in nodes]


async def test_batches_store_exactly_what_one_by_one_appends_store(monkeypatch):
    replay_ids_and_times(monkeypatch)
    for record_type, data in RECORDS:
        await ledger.append(record_type=record_type, data=data)
    one_by_one = await stored_log()
    for table in (LedgerNode, LedgerEntry, LedgerHead):
        await table.all().delete()

    replay_ids_and_times(monkeypatch)
    # Batches of uneven sizes, starting on and off subtree boundaries, mixed with single appends.
    for record_type, data in RECORDS[:3]:
        await ledger.append(record_type=record_type, data=data)
    await ledger.append_batch(records=RECORDS[3:13])
    await ledger.append(record_type=RECORDS[13][0], data=RECORDS[13][1])
    await ledger.append_batch(records=RECORDS[14:32])
    await ledger.append_batch(records=RECORDS[32:])

    assert await stored_log() == one_by_one
    assert one_by_one[0] == len(RECORDS)


async def test_a_batch_continues_the_sequence_without_gaps_and_matches_the_rfc(rt):
    before = await append_ledger(5)
    batch = await ledger.append_batch(records=RECORDS)

    assert [e.seq for e in batch] == list(range(5, 5 + len(RECORDS)))
    stored = await LedgerEntry.all().order_by("seq")
    assert [e.seq for e in stored] == list(range(5 + len(RECORDS)))
    assert [e.id for e in stored] == [e.id for e in before + batch]
    reference = ReferenceTree([e.leaf.encode("utf-8") for e in stored])
    assert (await ledger.log_state()).root_hash == reference.mth(0, len(stored))
    report = await ledger_audit.audit(rt=rt)
    assert report.ok, report.problems


async def test_proofs_of_batched_entries_verify_offline(client, rt, ledger_keys):
    await append_ledger(6)
    first, _ = await ledger.sign_head(rt=rt)
    batch = await ledger.append_batch(records=RECORDS)
    second, _ = await ledger.sign_head(rt=rt)

    for entry in batch:
        bundle = (await client.get(f"/api/v1/ledger/entries/{entry.id}/proof")).json()
        check_inclusion(bundle, ledger_keys)
    proof = (await client.get("/api/v1/ledger/consistency",
                              params={"first": first.tree_size, "second": second.tree_size})).json()
    old, new = (SignedHead.from_json(ledger.head_json(h)) for h in (first, second))
    assert verify_consistency(first_size=old.tree_size, first_root=old.root_hash, second_size=new.tree_size,
                              second_root=new.root_hash, path=[bytes.fromhex(h) for h in proof["hashes"]])


async def test_one_invalid_record_refuses_the_whole_batch():
    await append_ledger(2)
    records = [*RECORDS[:4], ("application_transition", ledger_data(actor_id="张三")), *RECORDS[4:]]

    with pytest.raises(ValidationFailed):
        await ledger.append_batch(records=records)
    assert await ledger.tree_size() == 2
    assert await LedgerEntry.all().count() == 2 and await LedgerNode.all().count() == 3


async def test_an_empty_batch_writes_nothing():
    assert await ledger.append_batch(records=[]) == []
    assert await ledger.tree_size() == 0
