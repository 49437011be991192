"""The public proofs API, checked with the offline verifier as an outsider would."""

from __future__ import annotations

import uuid

import pytest

from ledger_verifier import (
    SignedHead,
    check_inclusion,
    load_jwks,
    verify_consistency,
    verify_head,
)
from services import ledger
from tests.builders import append_ledger


async def _signed(rt, count: int, **overrides):
    entries = await append_ledger(count, **overrides)
    head, created = await ledger.sign_head(rt=rt)
    assert created
    return entries, head


async def test_latest_head_is_signed_by_a_published_key(client, rt, ledger_keys):
    assert (await client.get("/api/v1/ledger/heads/latest")).json()["error"]["code"] == "LEDGER_HEAD_NOT_FOUND"
    await _signed(rt, 5)

    body = (await client.get("/api/v1/ledger/heads/latest")).json()
    assert body["tree_size"] == 5 and body["signed_at"].endswith("+08:00")
    state = (await client.get("/api/v1/ledger/log")).json()
    assert state["root_hash"] == body["root_hash"] and state["latest_head"] == body
    assert (await client.get("/api/v1/ledger/heads/5")).json() == body
    verify_head(SignedHead.from_json(body), ledger_keys)


async def test_signing_again_without_new_entries_keeps_the_same_head(rt):
    _, head = await _signed(rt, 3)
    again, created = await ledger.sign_head(rt=rt)
    assert not created and again.id == head.id


@pytest.mark.parametrize(("path", "status", "code"), [
    ("/api/v1/ledger/heads/9", 422, "LEDGER_SIZE_BEYOND_HEAD"),
    ("/api/v1/ledger/heads/2", 404, "LEDGER_HEAD_NOT_FOUND"),
    ("/api/v1/ledger/heads/0", 422, "LEDGER_RANGE_INVALID"),
    ("/api/v1/ledger/heads/-4", 422, "LEDGER_RANGE_INVALID"),
    ("/api/v1/ledger/heads/99999999999999999999999", 422, "LEDGER_SIZE_BEYOND_HEAD"),
    ("/api/v1/ledger/heads?cursor=%%%", 422, "INVALID_CURSOR"),
    ("/api/v1/ledger/heads?limit=0", 422, "VALIDATION_FAILED"),
    ("/api/v1/ledger/entries?start=3&end=3", 422, "LEDGER_RANGE_INVALID"),
    ("/api/v1/ledger/entries?start=4&end=2", 422, "LEDGER_RANGE_INVALID"),
    ("/api/v1/ledger/entries?start=0&end=6", 422, "LEDGER_SIZE_BEYOND_HEAD"),
    ("/api/v1/ledger/entries?start=-1&end=2", 422, "VALIDATION_FAILED"),
    ("/api/v1/ledger/entries?start=a&end=2", 422, "VALIDATION_FAILED"),
    ("/api/v1/ledger/entries?start=0&end=5000", 422, "LEDGER_RANGE_INVALID"),
    ("/api/v1/ledger/entries?start=0", 422, "VALIDATION_FAILED"),
    ("/api/v1/ledger/consistency?first=3&second=2", 422, "LEDGER_RANGE_INVALID"),
    ("/api/v1/ledger/consistency?first=0&second=2", 422, "VALIDATION_FAILED"),
    ("/api/v1/ledger/consistency?first=2&second=6", 422, "LEDGER_SIZE_BEYOND_HEAD"),
    ("/api/v1/ledger/consistency?first=2&second=99999999999999999999999", 422, "VALIDATION_FAILED"),
    (f"/api/v1/ledger/entries/{uuid.uuid4()}/proof", 404, "LEDGER_ENTRY_NOT_FOUND"),
    ("/api/v1/ledger/entries/not-an-id/proof", 404, "LEDGER_ENTRY_NOT_FOUND"),
    ("/api/v1/ledger/applications/app-unknown", 404, "LEDGER_APPLICATION_NOT_FOUND"),
    ("/api/v1/ledger/applications/" + "x" * 300, 404, "LEDGER_APPLICATION_NOT_FOUND"),
])
async def test_bad_sizes_ranges_and_ids_get_a_clear_4xx(client, rt, path, status, code):
    await _signed(rt, 5)
    response = await client.get(path)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)


async def test_inclusion_proof_of_an_entry_verifies_offline(client, rt, ledger_keys):
    entries, _ = await _signed(rt, 7)
    for entry in entries:
        response = await client.get(f"/api/v1/ledger/entries/{entry.id}/proof")
        assert response.status_code == 200
        bundle = response.json()
        assert bundle["proof"]["leaf_index"] == entry.seq and bundle["proof"]["tree_size"] == 7
        check_inclusion(bundle, ledger_keys)


async def test_inclusion_proof_against_an_older_head_and_pending_entries(client, rt, ledger_keys):
    (first,), _ = await _signed(rt, 1)
    (later,) = await append_ledger(1)

    pending = await client.get(f"/api/v1/ledger/entries/{later.id}/proof")
    assert (pending.status_code, pending.json()["error"]["code"]) == (409, "LEDGER_ENTRY_NOT_YET_SIGNED")
    await ledger.sign_head(rt=rt)
    old = (await client.get(f"/api/v1/ledger/entries/{first.id}/proof", params={"tree_size": 1})).json()
    assert old["head"]["tree_size"] == 1 and old["proof"]["hashes"] == []
    check_inclusion(old, ledger_keys)
    check_inclusion((await client.get(f"/api/v1/ledger/entries/{later.id}/proof")).json(), ledger_keys)


async def test_consistency_proof_between_signed_heads_verifies(client, rt, ledger_keys):
    await _signed(rt, 6)
    await _signed(rt, 5)
    heads = (await client.get("/api/v1/ledger/heads")).json()["items"]
    old, new = (SignedHead.from_json(h) for h in heads)
    proof = (await client.get("/api/v1/ledger/consistency", params={"first": 6, "second": 11})).json()
    assert (proof["first_size"], proof["second_size"]) == (6, 11)
    assert verify_consistency(first_size=6, first_root=old.root_hash, second_size=11,
                              second_root=new.root_hash, path=[bytes.fromhex(h) for h in proof["hashes"]])
    same = (await client.get("/api/v1/ledger/consistency", params={"first": 6, "second": 6})).json()
    assert same["hashes"] == []


async def test_entries_by_range_and_heads_by_page(client, rt):
    entries, _ = await _signed(rt, 4)
    await _signed(rt, 2)
    await _signed(rt, 1)

    body = (await client.get("/api/v1/ledger/entries", params={"start": 1, "end": 3})).json()
    assert [e["entry_id"] for e in body["entries"]] == [str(e.id) for e in entries[1:3]]
    assert [e["index"] for e in body["entries"]] == [1, 2]

    first = (await client.get("/api/v1/ledger/heads", params={"limit": 2})).json()
    assert [h["tree_size"] for h in first["items"]] == [4, 6]
    rest = (await client.get("/api/v1/ledger/heads", params={"limit": 2, "cursor": first["next_cursor"]})).json()
    assert [h["tree_size"] for h in rest["items"]] == [7] and rest["next_cursor"] is None


async def test_application_history_carries_a_verified_mark_backed_by_proofs(client, rt, ledger_keys):
    await append_ledger(1, application_id="app-other")
    await append_ledger(1, record_type="application_submitted", application_id="app-42")
    await append_ledger(2, application_id="app-42")
    await ledger.sign_head(rt=rt)

    body = (await client.get("/api/v1/ledger/applications/app-42")).json()
    assert body["verified"] is True
    assert [e["entry"]["record_type"] for e in body["entries"]] == [
        "application_submitted", "application_transition", "application_transition"]
    for item in body["entries"]:
        assert item["status"] == "verified"
        check_inclusion({"entry": item["entry"], "proof": item["proof"], "head": body["head"]}, ledger_keys)

    await append_ledger(1, record_type="approval_decision", application_id="app-42")
    body = (await client.get("/api/v1/ledger/applications/app-42")).json()
    assert body["verified"] is False
    assert [e["status"] for e in body["entries"]] == ["verified"] * 3 + ["pending"]
    assert body["entries"][-1]["proof"] is None


async def test_heads_signed_before_a_key_rotation_still_verify(client, rt):
    _, before = await _signed(rt, 3)
    new_kid = rt.keyrings["ledger"].rotate()
    _, after = await _signed(rt, 2)
    assert before.key_id != after.key_id == new_kid
    keys = load_jwks((await client.get("/api/v1/ledger/keys")).json())
    for size in (3, 5):
        verify_head(SignedHead.from_json((await client.get(f"/api/v1/ledger/heads/{size}")).json()), keys)
