"""Tampering with stored rows is detected by the self-audit and by the offline verifier."""

from __future__ import annotations

import pytest

from ledger_verifier import SignedHead, VerificationError, audit_log, check_inclusion
from models.ledger import (
    HEAD_ROW_ID,
    LedgerEntry,
    LedgerHead,
    LedgerNode,
    SignedTreeHead,
)
from services import ledger
from services.ledger import audit as ledger_audit
from tests.builders import append_ledger

LOG_SIZE = 13  # odd, so the tree has three peaks and every shape of node


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


async def _signed_log(rt) -> list[LedgerEntry]:
    entries = []
    for i in range(LOG_SIZE):
        entries += await append_ledger(1, application_id=f"app-{i % 4}")
    await ledger.sign_head(rt=rt)
    assert (await ledger_audit.audit(rt=rt)).ok
    return entries


async def _proofs_failing(client, entries, keys) -> list[int]:
    failing = []
    for entry in entries:
        bundle = (await client.get(f"/api/v1/ledger/entries/{entry.id}/proof")).json()
        try:
            check_inclusion(bundle, keys)
        except VerificationError:
            failing.append(entry.seq)
    return failing


async def _offline_audit(client, keys) -> list[str]:
    entries = (await client.get("/api/v1/ledger/entries", params={"start": 0, "end": LOG_SIZE})).json()
    heads = (await client.get("/api/v1/ledger/heads")).json()["items"]
    return audit_log(entries=entries["entries"], heads=[SignedHead.from_json(h) for h in heads], keys=keys)


async def test_flipping_one_byte_of_any_stored_node_is_detected(client, rt, ledger_keys):
    entries = await _signed_log(rt)
    nodes = await LedgerNode.all()
    assert len(nodes) == 23

    for node in nodes:
        original = bytes(node.hash)
        await LedgerNode.filter(id=node.id).update(hash=_flip(original, node.node_index % 32))

        report = await ledger_audit.audit(rt=rt)
        assert any(f"node ({node.level}, {node.node_index})" in p for p in report.problems), report.problems
        assert await _proofs_failing(client, entries, ledger_keys), f"node {node.level},{node.node_index}"

        await LedgerNode.filter(id=node.id).update(hash=original)
    assert (await ledger_audit.audit(rt=rt)).ok


async def test_flipping_one_byte_of_any_stored_leaf_is_detected(client, rt, ledger_keys):
    entries = await _signed_log(rt)

    for entry in entries:
        original = entry.leaf
        changed = _flip(original.encode("utf-8"), len(original) // 2).decode("utf-8")
        await LedgerEntry.filter(id=entry.id).update(leaf=changed)

        report = await ledger_audit.audit(rt=rt)
        assert f"node (0, {entry.seq}) does not match the hash of entry {entry.seq}" in report.problems
        assert f"tree head of size {LOG_SIZE} does not match the log's root" in report.problems
        assert await _proofs_failing(client, entries, ledger_keys) == [entry.seq]
        assert await _offline_audit(client, ledger_keys)

        await LedgerEntry.filter(id=entry.id).update(leaf=original)
    assert (await ledger_audit.audit(rt=rt)).ok
    assert await _offline_audit(client, ledger_keys) == []


async def test_changed_metadata_beside_a_leaf_is_detected(rt):
    entries = await _signed_log(rt)
    await LedgerEntry.filter(id=entries[3].id).update(application_id="app-someone-else")
    report = await ledger_audit.audit(rt=rt)
    assert report.problems == ["entry 3: columns disagree with the leaf"]


async def test_deleted_rows_are_reported_and_proofs_answer_503_not_500(client, rt):
    entries = await _signed_log(rt)
    await LedgerEntry.filter(seq=5).delete()
    await LedgerNode.filter(level=1, node_index=0).delete()

    report = await ledger_audit.audit(rt=rt)
    assert "entry 5 is missing" in report.problems
    assert "node (1, 0) is missing" in report.problems
    listing = await client.get("/api/v1/ledger/entries", params={"start": 0, "end": LOG_SIZE})
    proof = await client.get(f"/api/v1/ledger/entries/{entries[2].id}/proof")  # its path has (1, 0)
    assert (listing.status_code, listing.json()["error"]["code"]) == (503, "LEDGER_INTEGRITY_ERROR")
    assert (proof.status_code, proof.json()["error"]["code"]) == (503, "LEDGER_INTEGRITY_ERROR")


async def test_a_cleanly_truncated_log_contradicts_its_signed_head(rt):
    await _signed_log(rt)
    await LedgerEntry.filter(seq=LOG_SIZE - 1).delete()
    await LedgerNode.filter(level=0, node_index=LOG_SIZE - 1).delete()
    await LedgerHead.filter(id=HEAD_ROW_ID).update(tree_size=LOG_SIZE - 1)

    report = await ledger_audit.audit(rt=rt)
    assert report.problems == [f"tree head of size {LOG_SIZE} is beyond the {LOG_SIZE - 1} entries in the log"]


@pytest.mark.parametrize("column", ["root_hash", "signature"])
async def test_a_changed_signed_head_fails_its_signature(rt, column):
    await _signed_log(rt)
    head = await SignedTreeHead.get(tree_size=LOG_SIZE)
    await SignedTreeHead.filter(id=head.id).update(**{column: _flip(bytes(getattr(head, column)), 0)})
    report = await ledger_audit.audit(rt=rt)
    assert report.problems == [f"bad signature on tree head of size {LOG_SIZE}"]
