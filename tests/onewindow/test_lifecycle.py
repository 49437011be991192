"""The whole way: booking and pre-review, window, two approval steps, certificate, pickup, reuse."""

from __future__ import annotations

from datetime import timedelta

from models.ledger import LedgerEntry
from models.outbox import OutboxEvent
from tests.builders import make_prereview_item, make_slot, resident_session
from tests.builders.onewindow import (
    LICENCE_MATERIAL,
    OneWindow,
    check_in,
    desk_post,
    idempotency,
)
from tests.builders.prereview import ReviewDesk, review, submitted


async def test_one_application_from_booking_to_pickup_then_its_certificate_is_reused(client, rt, window: OneWindow):
    resident = await resident_session(rt)
    # Pre-review online: submit, the examiner claims and passes it.
    application = await submitted(client, resident, window.item.id)
    prereview_desk = ReviewDesk(window.department, window.item, window.examiner)
    assert (await review(client, prereview_desk, application["id"], "claim")).status_code == 200
    assert (await review(client, prereview_desk, application["id"], "pass")).status_code == 200

    # Book a visit with the passed pre-review; the clerk's scan shows which file it brings.
    slot = await make_slot(hall=window.hall, appointment_group="G1", starts_in=timedelta(minutes=10))
    booked = await client.post("/api/v1/appointments", headers={**resident.headers, **idempotency()},
                               json={"item_id": str(window.item.id), "slot_id": str(slot.id),
                                     "application_id": application["id"]})
    assert booked.status_code == 201, booked.text
    scanned = await check_in(client, window, booked.json())
    assert scanned["application_id"] == application["id"]

    # 收件 (originals checked) and 受理 with an acceptance number and a promised due date.
    received = await desk_post(client, window.clerk, "receptions",
                          {"appointment_id": booked.json()["id"], "checked_materials": [0, 1]})
    assert received.status_code == 201, received.text
    assert received.json()["application"]["state"] == "received"
    accept = await desk_post(client, window.clerk, f"applications/{application['id']}/accept")
    assert accept.status_code == 200, accept.text
    number = accept.json()["application"]["acceptance_number"]
    assert number.startswith(f"{window.hall.code}-") and accept.json()["application"]["due_date"]
    receipt = await client.get(f"/api/v1/applications/{application['id']}/documents/acceptance-receipt",
                               headers=resident.headers)
    assert receipt.status_code == 200 and receipt.content.startswith(b"%PDF")
    assert receipt.headers["content-disposition"].startswith("attachment; ")
    assert receipt.headers["content-disposition"].endswith("filename*=UTF-8''acceptance-receipt.pdf")

    # Two approval steps by two different reviewers: 审查, then 决定.
    first = await desk_post(client, window.examiner, f"applications/{application['id']}/approvals",
                       {"opinion": "approve", "comment": "材料齐全"})
    assert first.status_code == 200 and first.json()["application"]["state"] == "approving"
    second = await desk_post(client, window.decider, f"applications/{application['id']}/approvals",
                        {"opinion": "approve", "comment": "准予登记"})
    assert second.status_code == 200 and second.json()["application"]["state"] == "approved"
    assert [a["step_name"] for a in second.json()["approvals"]] == ["审查", "决定"]

    # 制证: the licence goes into the resident's wallet; 出件 at the window on a new check-in.
    made = await desk_post(client, window.decider, f"applications/{application['id']}/certificate")
    assert made.status_code == 200 and made.json()["application"]["state"] == "certificate_made"
    wallet = (await client.get("/api/v1/certificates", headers=resident.headers)).json()["items"]
    assert [(c["name"], c["usable"]) for c in wallet] == [("营业执照", True)]
    issued = await desk_post(client, window.clerk, f"applications/{application['id']}/issue", {"method": "window"})
    assert issued.status_code == 200 and issued.json()["application"]["state"] == "issued"

    progress = (await client.get(f"/api/v1/applications/{application['id']}/progress",
                                 headers=resident.headers)).json()
    assert [s["status"] for s in progress["stages"]] == ["done"] * 7 and progress["next_step"] is None
    decision = await client.get(f"/api/v1/applications/{application['id']}/documents/decision-notice",
                                headers=resident.headers)
    assert decision.status_code == 200 and decision.content.startswith(b"%PDF")
    verified = await client.get(f"/api/v1/documents/decision-notice/{application['id']}/verification")
    assert verified.json()["valid"] and verified.json()["decision"] == "approved"

    # Every step left its domain event and its ledger entries.
    events = set(await OutboxEvent.filter(aggregate_id=application["id"]).values_list("event_type", flat=True))
    assert {"application.accepted", "application.decided", "certificate.ready", "evaluation.invited"} <= events
    records = await LedgerEntry.all().values_list("record_type", flat=True)
    assert {"approval_decision", "certificate_issued"} <= set(records)

    # A second application presents the licence instead of an upload.
    second_item = await make_prereview_item(department=window.department,
                                            materials=[LICENCE_MATERIAL], name="食品经营许可")
    draft = await client.post("/api/v1/applications", headers=resident.headers,
                              json={"item_id": str(second_item.id), "form_data": {
                                  "applicant_name": "张三", "id_number": "110108199003071238"}})
    presented = await client.put(f"/api/v1/applications/{draft.json()['id']}/materials/0/certificate",
                                 json={"certificate_id": wallet[0]["id"]}, headers=resident.headers)
    assert presented.status_code == 200, presented.text
    assert presented.json()["certificate_id"] == wallet[0]["id"]
    assert presented.json()["sha256"] == wallet[0]["sha256"]
    sent = await client.post(f"/api/v1/applications/{draft.json()['id']}/submit", headers=resident.headers)
    assert sent.status_code == 200 and sent.json()["state"] == "submitted"


async def test_an_item_without_pre_review_starts_at_the_window_and_can_be_denied(client, rt, window):
    from tests.builders.onewindow import accepted, checked_in_visit

    resident = await resident_session(rt)
    from models.users import User

    visit = await checked_in_visit(window, await User.get(id=resident.id))
    application = await accepted(client, window, visit.id)
    assert application["submitted_at"] is None and application["state"] == "accepted"
    denied = await desk_post(client, window.examiner, f"applications/{application['id']}/approvals",
                        {"opinion": "deny", "comment": "不符合条件"})
    assert denied.json()["application"]["state"] == "denied"
    notice = await client.get(f"/api/v1/applications/{application['id']}/documents/decision-notice",
                              headers=resident.headers)
    assert notice.status_code == 200
    check = await client.get(f"/api/v1/documents/decision-notice/{application['id']}/verification")
    assert check.json()["decision"] == "denied"
    assert (await desk_post(client, window.decider, f"applications/{application['id']}/certificate")).status_code == 409
