"""What the domain services emit reaches the resident: bookings, check-ins, pre-review, one window."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest
from tortoise.transactions import in_transaction

from app import periodic
from app.ids import new_id, to_local, utcnow
from models.appointments import Appointment, Slot
from models.outbox import OutboxEvent
from models.push import FINAL_STATUSES, Delivery, DeliveryStatus
from models.staff import StaffRoleName
from push import queue as push_queue
from push.worker import PushProcess
from services import outbox
from tests.builders import (
    emulated_openid,
    follow_oa,
    login_resident,
    make_application,
    make_department,
    make_hall,
    make_prereview_item,
    make_service_item,
    make_slot,
    make_wechat_resident,
)
from tests.builders.appointments import book, hall_staff
from tests.builders.prereview import ReviewDesk, review, reviewer_of, submitted
from tests.builders.push import all_final
from tests.push.test_delivery import messages
from tests.support.waiting import eventually

HALL_NAME = "海淀区政务服务中心"
ITEM_NAME = "居民身份证换领"


def beijing_time(moment: datetime) -> str:
    return to_local(moment).strftime("%Y-%m-%d %H:%M")


async def following_resident(rt, wechat, *, realname: bool = False):
    """A resident who follows the OA, logged in; messages to them are OA template messages."""
    user = await make_wechat_resident(rt, user_key="zhangsan", realname=realname)
    await follow_oa(wechat, "zhangsan")
    return user, await login_resident(rt, user)


async def booking_desk():
    hall = await make_hall(name=HALL_NAME)
    item = await make_service_item(name=ITEM_NAME, appointment_group="G1", requires_realname=False)
    return hall, item


async def emit(event_type: str, aggregate_id: str, payload: dict) -> str:
    """Write an event to the outbox in a transaction, as a domain service does."""
    async with in_transaction():
        event = await outbox.emit(event_type=event_type, aggregate_id=aggregate_id, payload=payload)
    return str(event.id)


async def published(event_type: str, aggregate_id: str) -> list[OutboxEvent]:
    return await OutboxEvent.filter(event_type=event_type, aggregate_id=aggregate_id,
                                    published_at__not_isnull=True)


async def test_a_booking_sends_one_confirmation_and_schedules_its_reminders(
        rt, client, wechat, settings, push_worker):
    _, resident = await following_resident(rt, wechat)
    hall, item = await booking_desk()
    slot = await make_slot(hall=hall, starts_in=timedelta(days=2))

    booking = await book(client, resident, item_id=item.id, slot_id=slot.id)
    assert booking.status_code == 201, booking.text
    appointment_id = booking.json()["id"]

    await eventually(all_final, "the confirmation is sent")
    [sent] = await messages(wechat, kind="template")
    assert sent["touser"] == emulated_openid(settings.wechat_oa_app_id, "zhangsan")
    assert sent["template_id"] == "dev-oa-booking-confirmed"
    assert sent["data"] == {"thing1": {"value": ITEM_NAME}, "time2": {"value": beijing_time(slot.starts_at)},
                            "thing3": {"value": HALL_NAME}}
    assert sent["miniprogram"]["pagepath"] == f"pages/appointments/detail?id={appointment_id}"

    async def reminders_relayed() -> bool:
        return len(await published("appointment.reminder", appointment_id)) == 2
    await eventually(reminders_relayed, "the relay queues both reminders")
    for reminder in await published("appointment.reminder", appointment_id):
        job = await push_worker.queue.job(push_queue.batch_key([str(reminder.id)]))
        due = datetime.fromisoformat(reminder.payload["due_at"])
        assert job is not None and job.scheduled == math.ceil(due.timestamp())
    assert await Delivery.all().count() == 1  # nothing for the reminders before they are due


async def test_a_check_in_sends_the_queue_number(rt, client, wechat, push_worker):
    _, resident = await following_resident(rt, wechat)
    hall, item = await booking_desk()
    clerk = await hall_staff(rt, hall=hall, role=StaffRoleName.CLERK)
    slot = await make_slot(hall=hall, starts_in=timedelta(minutes=10))
    booking = (await book(client, resident, item_id=item.id, slot_id=slot.id)).json()

    scan = await client.post(f"/api/v1/halls/{hall.id}/check-ins", json={"token": booking["qr_token"]},
                             headers=clerk.headers)
    assert scan.status_code == 200, scan.text

    await eventually(lambda: all_final(2), "the confirmation and the check-in messages are sent")
    [checked_in] = await messages(wechat, template_id="dev-oa-checked-in")
    assert checked_in["data"] == {"thing1": {"value": ITEM_NAME},
                                  "character_string2": {"value": str(scan.json()["queue_number"])},
                                  "thing3": {"value": HALL_NAME}}


async def test_a_correction_request_tells_the_resident_why(rt, client, wechat, push_worker):
    _, resident = await following_resident(rt, wechat, realname=True)
    department = await make_department()
    item = await make_prereview_item(department=department, name="户口迁移预审")
    desk = ReviewDesk(department, item, await reviewer_of(rt, department))
    application = await submitted(client, resident, item.id)
    assert (await review(client, desk, application["id"], "claim")).status_code == 200
    assert (await review(client, desk, application["id"], "comments",
                         {"material_index": 1, "message": "户口簿首页不清晰"})).status_code == 201
    reason = "材料不清晰，请重新拍摄上传"

    corrected = await review(client, desk, application["id"], "request-correction", {"reason": reason})
    assert corrected.status_code == 200, corrected.text

    await eventually(lambda: all_final(2), "the submitted and correction messages are sent")
    [correction] = await messages(wechat, template_id="dev-oa-prereview-correction")
    assert correction["data"] == {"thing1": {"value": "户口迁移预审"}, "phrase2": {"value": "需补正"},
                                  "thing3": {"value": reason}}
    assert correction["miniprogram"]["pagepath"] == f"pages/applications/detail?id={application['id']}"


async def booked_reminder(client, resident, slot, item) -> dict:
    """Book ``slot``; the booking's hour-before reminder payload, as the service emitted it."""
    booking = await book(client, resident, item_id=item.id, slot_id=slot.id)
    assert booking.status_code == 201, booking.text
    payloads = await OutboxEvent.filter(event_type="appointment.reminder",
                                        aggregate_id=booking.json()["id"]).values_list("payload", flat=True)
    return next(p for p in payloads if p["reminder"] == "hour_before")


async def test_a_reminder_is_sent_when_due_not_before(rt, client, wechat, push_worker):
    _, resident = await following_resident(rt, wechat)
    hall, item = await booking_desk()
    slot = await make_slot(hall=hall)
    reminder = await booked_reminder(client, resident, slot, item)
    await eventually(all_final, "the confirmation is sent")

    # The booking's own reminder is hours away: the same reminder, due in two seconds.
    due = utcnow() + timedelta(seconds=2)
    event_id = await emit("appointment.reminder", reminder["appointment_id"],
                          {**reminder, "due_at": due.isoformat()})

    async def reminded() -> bool:
        row = await Delivery.get_or_none(event_id=event_id)
        return row is not None and row.status in FINAL_STATUSES
    await eventually(reminded, "the reminder is sent once due")
    row = await Delivery.get(event_id=event_id)
    assert row.status in (DeliveryStatus.SENT, DeliveryStatus.DELIVERED)
    assert row.created_at >= due
    [sent] = await messages(wechat, template_id="dev-oa-appointment-reminder")
    assert sent["data"] == {"thing1": {"value": ITEM_NAME}, "time2": {"value": beijing_time(slot.starts_at)},
                            "thing3": {"value": HALL_NAME}}


@pytest.mark.parametrize("change", ["cancel", "reschedule", "begin"])
async def test_a_reminder_of_a_cancelled_moved_or_begun_booking_is_dropped(rt, client, wechat, push_rt, change):
    _, resident = await following_resident(rt, wechat)
    hall, item = await booking_desk()
    slot, other_slot = await make_slot(hall=hall), await make_slot(hall=hall, starts_in=timedelta(hours=4))
    reminder = await booked_reminder(client, resident, slot, item)
    appointment_id = reminder["appointment_id"]
    event_id = await emit("appointment.reminder", appointment_id,
                          {**reminder, "due_at": (utcnow() + timedelta(seconds=1)).isoformat()})

    if change == "begin":
        # The reminder held up past the start (a backlog, or queued again after the queue lost it).
        await Appointment.filter(id=appointment_id).update(starts_at=utcnow() - timedelta(minutes=1))
    else:
        body = {"slot_id": str(other_slot.id)} if change == "reschedule" else None
        changed = await client.post(f"/api/v1/appointments/{appointment_id}/{change}", json=body,
                                    headers=resident.headers)
        assert changed.status_code == 200, changed.text
    # The worker starts only now, so the reminder cannot have gone out before the change.
    process = PushProcess(push_rt, concurrency=2, grace_seconds=0)
    await process.start()
    try:
        await eventually(lambda: all_final(2), "the confirmation is sent and the reminder handled")
    finally:
        await process.stop()

    row = await Delivery.get(event_id=event_id)
    expected = {"cancel": "cancelled", "reschedule": "rescheduled", "begin": "started"}[change]
    assert (row.status, row.error) == (DeliveryStatus.DROPPED, f"obsolete: appointment_{expected}")
    assert await messages(wechat, template_id="dev-oa-appointment-reminder") == []
    if change != "begin":
        # Cancelling and rescheduling have no message of their own: the relay leaves them alone.
        assert await OutboxEvent.filter(aggregate_id=appointment_id, published_at=None).values_list(
            "event_type", flat=True) == [f"appointment.{expected}"]


ONE_WINDOW = [
    ("application.accepted", {"acceptance_number": "HD20261201-0042"}, "dev-oa-application-accepted",
     {"thing1": "{item}", "phrase2": "已受理", "character_string3": "HD20261201-0042"}),
    ("application.not_accepted", {"reason": "申请事项不属于本部门职权范围"}, "dev-oa-application-not-accepted",
     {"thing1": "{item}", "phrase2": "不予受理", "thing3": "申请事项不属于本部门职权范围"}),
    ("application.decided", {"decision": "approved"}, "dev-oa-application-decided",
     {"thing1": "{item}", "phrase2": "准予许可"}),
    ("application.decided", {"decision": "denied"}, "dev-oa-application-decided",
     {"thing1": "{item}", "phrase2": "不予许可"}),
    ("certificate.ready", {"certificate_id": "{certificate}", "certificate_name": "营业执照",
                           "pickup_method": "window", "hall_id": "{hall}", "tracking_number": None},
     "dev-oa-certificate-ready", {"thing1": "营业执照", "thing2": HALL_NAME}),
    ("certificate.ready", {"certificate_id": None, "pickup_method": "mail", "hall_id": None,
                           "tracking_number": "SF1234567890"},
     "dev-oa-certificate-ready", {"thing1": "{item}", "thing2": "邮寄送达 SF1234567890"}),
    ("evaluation.invited", {}, "dev-oa-evaluation-invitation",
     {"thing1": "{item}", "thing2": "请对本次服务进行评价"}),
]


@pytest.mark.parametrize(("event_type", "extra", "template_id", "expected"), ONE_WINDOW)
async def test_each_one_window_event_renders_its_template(rt, wechat, push_worker, event_type, extra,
                                                          template_id, expected):
    user, _ = await following_resident(rt, wechat)
    hall = await make_hall(name=HALL_NAME)
    item = await make_prereview_item(name="个体工商户设立登记")
    application = await make_application(resident=user, item=item)
    ids = {"{hall}": str(hall.id), "{certificate}": str(new_id()), "{item}": item.name}
    payload = {"application_id": str(application.id), "resident_id": str(user.id), "item_id": str(item.id),
               **{key: ids.get(value, value) for key, value in extra.items()}}

    await emit(event_type, str(application.id), payload)

    await eventually(all_final, "the message is sent")
    [sent] = await messages(wechat, kind="template")
    assert sent["template_id"] == template_id
    assert sent["data"] == {key: {"value": ids.get(value, value)} for key, value in expected.items()}
    assert sent["miniprogram"]["pagepath"].endswith(f"?id={application.id}")


async def test_a_draw_tells_each_entrant_the_outcome(rt, client, wechat, push_worker):
    _, resident = await following_resident(rt, wechat, realname=True)
    hall, item = await booking_desk()
    slot = await make_slot(hall=hall, starts_in=timedelta(days=2), capacity=1,
                           opens_in=timedelta(minutes=-1), draw_closes_in=timedelta(minutes=5))
    entered = await client.post("/api/v1/draw-entries", headers=resident.headers,
                                json={"item_id": str(item.id), "slot_id": str(slot.id)})
    assert entered.status_code == 201, entered.text
    await Slot.filter(id=slot.id).update(draw_closes_at=utcnow() - timedelta(seconds=1))

    await periodic.run_draws(rt)

    await eventually(lambda: all_final(2), "the draw's outcome and the booking confirmation are sent")
    [told] = await messages(wechat, template_id="dev-oa-draw-result")
    assert told["data"] == {"thing1": {"value": ITEM_NAME}, "time2": {"value": beijing_time(slot.starts_at)},
                            "phrase3": {"value": "中签"}}
    assert told["miniprogram"]["pagepath"] == f"pages/draws/index?id={entered.json()['id']}"
