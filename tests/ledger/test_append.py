"""Appending records: data templates, canonical leaves, transactions and gap-free concurrency."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime

import pytest
from tortoise.transactions import in_transaction

from app.errors import ValidationFailed
from ledger_verifier import hash_leaf
from models.ledger import LedgerEntry, LedgerNode
from services import ledger
from services.ledger import audit as ledger_audit
from services.ledger.templates import TEMPLATES
from tests.builders import LEDGER_SAMPLES, append_ledger, ledger_data
from tests.builders.ledger import ReferenceTree


@pytest.mark.parametrize("record_type", sorted(LEDGER_SAMPLES))
async def test_each_template_appends_a_canonical_leaf_of_ids_and_hashes(record_type):
    entry = await ledger.append(record_type=record_type, data=ledger_data(record_type))

    record = json.loads(entry.leaf)
    assert record["type"] == record_type and record["entry_id"] == str(entry.id)
    assert record["data"] == LEDGER_SAMPLES[record_type]
    assert entry.leaf == json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert entry.application_id == LEDGER_SAMPLES[record_type].get("application_id")
    stored = await LedgerNode.get(level=0, node_index=entry.seq)
    assert bytes(stored.hash) == hash_leaf(entry.leaf.encode("utf-8"))


def test_every_record_type_has_a_documented_template():
    assert set(TEMPLATES) == set(LEDGER_SAMPLES)


@pytest.mark.parametrize(("record_type", "data", "code"), [
    ("application_paid", ledger_data(), "LEDGER_RECORD_TYPE_UNKNOWN"),
    ("application_transition", ledger_data(applicant_name="张三"), "LEDGER_DATA_INVALID"),
    ("application_transition", ledger_data(actor_id="张三"), "LEDGER_DATA_INVALID"),
    ("application_transition", ledger_data(reason_sha256="not-a-hash"), "LEDGER_DATA_INVALID"),
    ("application_submitted", ledger_data("application_submitted", form_sha256=None), "LEDGER_DATA_INVALID"),
    ("approval_decision", ledger_data("approval_decision", decision="maybe"), "LEDGER_DATA_INVALID"),
    ("checkin", {"booking_id": "b-1"}, "LEDGER_DATA_INVALID"),
])
async def test_data_outside_its_template_is_refused_and_nothing_is_written(record_type, data, code):
    with pytest.raises(ValidationFailed) as raised:
        await ledger.append(record_type=record_type, data=data)
    assert raised.value.code == code
    assert await ledger.tree_size() == 0 and await LedgerEntry.all().count() == 0


async def test_an_append_rolls_back_with_the_callers_transaction_and_leaves_no_gap():
    with pytest.raises(RuntimeError):
        async with in_transaction():
            await ledger.append(record_type="checkin", data=ledger_data("checkin"))
            raise RuntimeError("the caller's state change failed")
    assert await ledger.tree_size() == 0

    (entry,) = await append_ledger(1)
    assert entry.seq == 0
    assert await LedgerNode.all().count() == 1


async def test_fifty_concurrent_appends_give_a_gap_free_log(rt):
    entries = await asyncio.gather(*[
        ledger.append(record_type="application_transition", data=ledger_data(application_id=f"app-{i}"))
        for i in range(50)])

    assert sorted(e.seq for e in entries) == list(range(50))
    assert await ledger.tree_size() == 50
    stored = await LedgerEntry.all().order_by("seq")
    reference = ReferenceTree([e.leaf.encode("utf-8") for e in stored])
    assert (await ledger.log_state()).root_hash == reference.mth(0, 50)
    report = await ledger_audit.audit(rt=rt)
    assert report.ok, report.problems
    assert report.nodes_checked == sum(50 >> level for level in range(6))


async def test_entry_time_is_the_time_inside_its_leaf(client, rt):
    (entry,) = await append_ledger(1)
    await ledger.sign_head(rt=rt)
    body = (await client.get(f"/api/v1/ledger/entries/{entry.id}/proof")).json()
    leaf_time = datetime.fromisoformat(json.loads(entry.leaf)["recorded_at"])
    assert datetime.fromisoformat(body["entry"]["recorded_at"]) == leaf_time
    assert body["entry"]["recorded_at"].endswith("+08:00")
