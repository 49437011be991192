"""The pre-review loop over HTTP: submit, correction per material, resubmit, pass; reject; withdraw."""

from __future__ import annotations

import asyncio

from models.ledger import LedgerEntry
from models.outbox import OutboxEvent
from tests.builders.prereview import (
    PNG,
    create,
    ready_to_submit,
    review,
    reviewer_of,
    submitted,
    upload,
)


async def _events(application_id: str) -> list[str]:
    return await OutboxEvent.filter(aggregate_id=application_id).order_by("created_at").values_list(
        "event_type", flat=True)


async def test_correction_loop_ends_in_a_pass(client, rt, review_desk, resident):
    application = await submitted(client, resident, review_desk.item.id)
    app_id = application["id"]
    assert application["state"] == "submitted" and application["deadline"] is not None

    claimed = await review(client, review_desk, app_id, "claim")
    assert claimed.status_code == 200, claimed.text
    assert claimed.json()["state"] == "in_review"
    comment = await review(client, review_desk, app_id, "comments",
                           {"material_index": 1, "message": "户口簿首页不清晰，请重新拍摄"})
    assert comment.status_code == 201
    corrected = await review(client, review_desk, app_id, "request-correction", {"reason": "材料不清晰"})
    assert corrected.status_code == 200

    mine = (await client.get(f"/api/v1/applications/{app_id}", headers=resident.headers)).json()
    assert mine["state"] == "needs_correction"
    assert [(c["material_index"], c["message"]) for c in mine["open_comments"]] == [
        (1, "户口簿首页不清晰，请重新拍摄")]
    assert {m["material_index"]: m["status"] for m in mine["materials"]} == {
        0: "uploaded", 1: "needs_correction"}
    early = await client.post(f"/api/v1/applications/{app_id}/submit", headers=resident.headers)
    assert early.status_code == 422 and early.json()["error"]["code"] == "MATERIALS_MISSING"

    replaced = await upload(client, resident, app_id, 1, PNG, filename="hukou.png", content_type="image/png")
    assert replaced.status_code == 200 and replaced.json()["content_type"] == "image/png"
    resubmitted = await client.post(f"/api/v1/applications/{app_id}/submit", headers=resident.headers)
    assert resubmitted.status_code == 200 and resubmitted.json()["open_comments"] == []

    await review(client, review_desk, app_id, "claim")
    passed = await review(client, review_desk, app_id, "pass", {"reason": "材料齐全"})
    assert passed.status_code == 200 and passed.json()["state"] == "passed"

    history = (await client.get(f"/api/v1/applications/{app_id}/history", headers=resident.headers)).json()
    assert [(t["from_state"], t["to_state"], t["actor_role"]) for t in history["transitions"]] == [
        ("draft", "submitted", "resident"), ("submitted", "in_review", "reviewer"),
        ("in_review", "needs_correction", "reviewer"), ("needs_correction", "submitted", "resident"),
        ("submitted", "in_review", "reviewer"), ("in_review", "passed", "reviewer")]
    assert await _events(app_id) == ["prereview.submitted", "prereview.correction_needed",
                                     "prereview.submitted", "prereview.passed"]
    # Six transitions and the correction notice issued (document_issued).
    assert await LedgerEntry.filter(application_id=app_id).count() == 7


async def test_reject_needs_a_reason_and_is_final(client, review_desk, resident):
    app_id = (await submitted(client, resident, review_desk.item.id))["id"]
    await review(client, review_desk, app_id, "claim")

    without_reason = await review(client, review_desk, app_id, "reject", {"reason": " "})
    rejected = await review(client, review_desk, app_id, "reject", {"reason": "不符合迁入条件"})
    again = await review(client, review_desk, app_id, "pass")

    assert without_reason.json()["error"]["code"] == "REJECTION_REASON_REQUIRED"
    assert rejected.json()["state"] == "rejected" and rejected.json()["decision_reason"] == "不符合迁入条件"
    assert again.status_code == 409 and again.json()["error"]["code"] == "APPLICATION_STATE_INVALID"
    assert await _events(app_id) == ["prereview.submitted", "prereview.rejected"]


async def test_a_correction_request_needs_an_open_comment_of_this_round(client, review_desk, resident):
    app_id = (await submitted(client, resident, review_desk.item.id))["id"]
    await review(client, review_desk, app_id, "claim")

    bare = await review(client, review_desk, app_id, "request-correction", {"reason": "材料不清晰"})
    await review(client, review_desk, app_id, "comments", {"material_index": 1, "message": "户口簿首页不清晰"})
    commented = await review(client, review_desk, app_id, "request-correction", {"reason": "材料不清晰"})
    await upload(client, resident, app_id, 1, PNG, filename="hukou.png", content_type="image/png")
    await client.post(f"/api/v1/applications/{app_id}/submit", headers=resident.headers)
    await review(client, review_desk, app_id, "claim")
    # The first round's comment was resolved by the resubmission: it asks for nothing now.
    next_round = await review(client, review_desk, app_id, "request-correction", {"reason": "仍不清晰"})

    assert (bare.status_code, bare.json()["error"]["code"]) == (422, "CORRECTION_WITHOUT_COMMENTS")
    assert commented.status_code == 200 and commented.json()["state"] == "needs_correction"
    assert (next_round.status_code, next_round.json()["error"]["code"]) == (422, "CORRECTION_WITHOUT_COMMENTS")
    mine = await client.get(f"/api/v1/applications/{app_id}", headers=resident.headers)
    assert mine.json()["state"] == "in_review"


async def test_resident_withdraws_before_a_decision_but_not_after(client, review_desk, resident):
    app_id = (await submitted(client, resident, review_desk.item.id))["id"]
    withdrawn = await client.post(f"/api/v1/applications/{app_id}/withdraw", headers=resident.headers,
                                  json={"reason": "不办了"})
    assert withdrawn.status_code == 200 and withdrawn.json()["state"] == "withdrawn"
    assert (await review(client, review_desk, app_id, "claim")).status_code == 409

    decided = (await submitted(client, resident, review_desk.item.id))["id"]
    await review(client, review_desk, decided, "claim")
    await review(client, review_desk, decided, "pass")
    late = await client.post(f"/api/v1/applications/{decided}/withdraw", headers=resident.headers, json={})
    assert late.status_code == 409


async def test_submit_checks_form_and_materials_and_answers_a_double_submit_once(client, review_desk, resident):
    application = await create(client, resident, review_desk.item.id, {"applicant_name": "张三",
                                                                "id_number": "110108199003071234"})
    app_id = application["id"]
    missing = await client.post(f"/api/v1/applications/{app_id}/submit", headers=resident.headers)
    assert missing.json()["error"]["code"] == "FORM_DATA_INVALID"
    assert missing.json()["error"]["details"]["fields"] == [{"field": "id_number", "message": "校验位不正确"}]

    fixed = await client.put(f"/api/v1/applications/{app_id}/form", headers=resident.headers,
                             json={"form_data": {"applicant_name": "张三", "id_number": "110108199003071238"}})
    assert fixed.status_code == 200
    no_materials = await client.post(f"/api/v1/applications/{app_id}/submit", headers=resident.headers)
    assert no_materials.json()["error"]["details"]["materials"] == [
        {"material_index": 0, "name": "居民身份证"}, {"material_index": 1, "name": "户口簿"}]

    await upload(client, resident, app_id, 0)
    await upload(client, resident, app_id, 1)
    first, second = await asyncio.gather(
        client.post(f"/api/v1/applications/{app_id}/submit", headers=resident.headers),
        client.post(f"/api/v1/applications/{app_id}/submit", headers=resident.headers))
    assert (first.status_code, second.status_code) == (200, 200)
    assert first.json()["state"] == second.json()["state"] == "submitted"
    assert await _events(app_id) == ["prereview.submitted"]
    locked = await client.put(f"/api/v1/applications/{app_id}/form", headers=resident.headers,
                              json={"form_data": {}})
    assert locked.status_code == 409


async def test_a_retried_submit_is_answered_with_the_application_until_it_moves_on(client, review_desk, resident):
    application = await submitted(client, resident, review_desk.item.id)
    app_id = application["id"]

    retried = await client.post(f"/api/v1/applications/{app_id}/submit", headers=resident.headers)
    await review(client, review_desk, app_id, "claim")
    in_review = await client.post(f"/api/v1/applications/{app_id}/submit", headers=resident.headers)

    assert retried.status_code == 200
    assert retried.json()["state"] == "submitted" and retried.json()["deadline"] == application["deadline"]
    assert await _events(app_id) == ["prereview.submitted"]
    assert in_review.status_code == 409 and in_review.json()["error"]["code"] == "APPLICATION_STATE_INVALID"


async def test_two_reviewers_deciding_at_once_only_one_wins(client, rt, review_desk, resident):
    second_reviewer = await reviewer_of(rt, review_desk.department)
    app_id = (await submitted(client, resident, review_desk.item.id))["id"]
    await review(client, review_desk, app_id, "claim")

    results = await asyncio.gather(
        review(client, review_desk, app_id, "pass", {"reason": "通过"}),
        review(client, review_desk, app_id, "reject", {"reason": "不通过"}, reviewer=second_reviewer))

    assert sorted(r.status_code for r in results) == [200, 409]
    winner = next(r for r in results if r.status_code == 200).json()["state"]
    detail = await client.get(f"/api/v1/applications/{app_id}", headers=resident.headers)
    assert detail.json()["state"] == winner
    assert len([e for e in await _events(app_id) if e != "prereview.submitted"]) == 1


async def test_reviewer_queue_lists_the_department_with_counts(client, rt, review_desk, resident):
    claimed = (await submitted(client, resident, review_desk.item.id))["id"]
    waiting = (await submitted(client, resident, review_desk.item.id))["id"]
    await ready_to_submit(client, resident, review_desk.item.id)  # a draft: not in the queue
    await review(client, review_desk, claimed, "claim")

    queue = await client.get("/api/v1/review/applications", headers=review_desk.reviewer.headers,
                             params={"state": "submitted"})

    assert queue.status_code == 200
    assert queue.json()["counts"] == {"submitted": 1, "in_review": 1}
    assert [a["id"] for a in queue.json()["items"]] == [waiting]


async def test_my_list_pages_newest_first(client, review_desk, resident):
    ids = [(await create(client, resident, review_desk.item.id))["id"] for _ in range(3)]
    first = (await client.get("/api/v1/applications", headers=resident.headers, params={"limit": 2})).json()
    rest = (await client.get("/api/v1/applications", headers=resident.headers,
                             params={"limit": 2, "cursor": first["next_cursor"]})).json()
    assert [a["id"] for a in first["items"] + rest["items"]] == ids[::-1]
    assert rest["next_cursor"] is None


async def test_a_retried_create_with_the_same_idempotency_key_returns_the_same_draft(client, review_desk, resident):
    payload = {"item_id": str(review_desk.item.id), "form_data": {}}
    headers = {**resident.headers, "idempotency-key": "draft-retry-0001"}
    first = await client.post("/api/v1/applications", json=payload, headers=headers)
    retried = await client.post("/api/v1/applications", json=payload, headers=headers)
    bad_key = await client.post("/api/v1/applications", json=payload,
                                headers={**resident.headers, "idempotency-key": "x"})

    assert (first.status_code, retried.status_code) == (201, 200)
    assert retried.json()["id"] == first.json()["id"]
    assert bad_key.json()["error"]["code"] == "IDEMPOTENCY_KEY_INVALID"
    listed = await client.get("/api/v1/applications", headers=resident.headers)
    assert [a["id"] for a in listed.json()["items"]] == [first.json()["id"]]
