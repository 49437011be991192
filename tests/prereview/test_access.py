"""Who may see and act on an application: owner only, reviewers of its department only."""

from __future__ import annotations

import httpx

from tests.builders import (
    login_staff,
    make_department,
    make_hall,
    make_prereview_item,
    make_staff,
    resident_session,
)
from tests.builders.prereview import PDF, VALID_FORM, review, reviewer_of, submitted


async def test_another_residents_application_answers_404_everywhere(client, rt, review_desk, resident):
    app_id = (await submitted(client, resident, review_desk.item.id))["id"]
    stranger = await resident_session(rt)

    responses = [
        await client.get(f"/api/v1/applications/{app_id}", headers=stranger.headers),
        await client.get(f"/api/v1/applications/{app_id}/history", headers=stranger.headers),
        await client.put(f"/api/v1/applications/{app_id}/form", headers=stranger.headers,
                         json={"form_data": VALID_FORM}),
        await client.post(f"/api/v1/applications/{app_id}/withdraw", headers=stranger.headers, json={}),
        await client.get(f"/api/v1/applications/{app_id}/materials/0/download-url", headers=stranger.headers),
        await client.get("/api/v1/applications/not-an-id", headers=stranger.headers),
    ]

    assert {(r.status_code, r.json()["error"]["code"]) for r in responses} == {(404, "APPLICATION_NOT_FOUND")}
    mine = await client.get("/api/v1/applications", headers=stranger.headers)
    assert mine.json()["items"] == []


async def test_reviewer_of_another_department_sees_nothing(client, rt, review_desk, resident):
    app_id = (await submitted(client, resident, review_desk.item.id))["id"]
    outsider = await reviewer_of(rt, await make_department())

    detail = await client.get(f"/api/v1/review/applications/{app_id}", headers=outsider.headers)
    claim = await review(client, review_desk, app_id, "claim", reviewer=outsider)
    queue = await client.get("/api/v1/review/applications", headers=outsider.headers)

    assert (detail.status_code, claim.status_code) == (404, 404)
    assert claim.json()["error"]["code"] == "APPLICATION_NOT_FOUND"
    assert queue.json() == {"items": [], "counts": {"submitted": 0, "in_review": 0}}


async def test_a_reviewer_scoped_to_a_hall_does_not_see_pre_reviews(client, rt, review_desk, resident):
    """A pre-review has no hall until it is received: a grant naming a hall does not cover it."""
    app_id = (await submitted(client, resident, review_desk.item.id))["id"]
    hall = await make_hall()
    for roles in ([f"reviewer@{hall.code}"], [f"reviewer:{review_desk.department.code}@{hall.code}"]):
        hall_reviewer = await login_staff(rt, await make_staff(rt, roles=roles))
        queue = await client.get("/api/v1/review/applications", headers=hall_reviewer.headers)
        assert queue.json() == {"items": [], "counts": {"submitted": 0, "in_review": 0}}, roles
        detail = await client.get(f"/api/v1/review/applications/{app_id}", headers=hall_reviewer.headers)
        claim = await review(client, review_desk, app_id, "claim", reviewer=hall_reviewer)
        assert (detail.status_code, claim.status_code) == (404, 404)
    queue = await client.get("/api/v1/review/applications", headers=review_desk.reviewer.headers)
    assert [a["id"] for a in queue.json()["items"]] == [app_id]


async def test_residents_cannot_use_the_review_desk(client, review_desk, resident):
    app_id = (await submitted(client, resident, review_desk.item.id))["id"]

    response = await client.post(f"/api/v1/review/applications/{app_id}/claim", headers=resident.headers)

    assert response.status_code == 403 and response.json()["error"]["code"] == "FORBIDDEN"


async def test_creating_needs_real_name_and_a_prereview_item(client, rt, review_desk):
    anonymous = await resident_session(rt, realname=False)
    appointment_only = await make_prereview_item(modes=["appointment"])
    verified = await resident_session(rt)

    not_verified = await client.post("/api/v1/applications", headers=anonymous.headers,
                                     json={"item_id": str(review_desk.item.id)})
    wrong_item = await client.post("/api/v1/applications", headers=verified.headers,
                                   json={"item_id": str(appointment_only.id)})

    assert not_verified.json()["error"]["code"] == "REALNAME_REQUIRED"
    assert (wrong_item.status_code, wrong_item.json()["error"]["code"]) == (422, "ITEM_NOT_PREREVIEWABLE")


async def test_download_urls_are_signed_short_lived_and_for_owner_or_reviewer(client, review_desk, resident):
    application = await submitted(client, resident, review_desk.item.id)
    minted = await client.get(f"/api/v1/applications/{application['id']}/materials/0/download-url",
                              headers=resident.headers)
    url = minted.json()["url"]

    fetched = await client.get(url)
    tampered = await client.get(url.replace("expires=", "expires=1"))
    junk = httpx.URL(url).copy_merge_params({"signature": "签" * 64})

    assert fetched.status_code == 200 and fetched.content == PDF
    assert fetched.headers["content-type"] == "application/pdf"
    assert fetched.headers["content-disposition"] == (
        "attachment; filename=\"scan.pdf\"; filename*=UTF-8''scan.pdf")
    assert fetched.headers["x-content-type-options"] == "nosniff"
    assert tampered.status_code == 403 and tampered.json()["error"]["code"] == "DOWNLOAD_URL_INVALID"
    refused = await client.get(str(junk))  # schemathesis once turned this into a 500
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "VALIDATION_FAILED"
    reviewer_url = await client.get(
        f"/api/v1/review/applications/{application['id']}/materials/0/download-url",
        headers=review_desk.reviewer.headers)
    assert reviewer_url.status_code == 200
