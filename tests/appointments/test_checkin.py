"""Scanning QR codes at the hall: verification, refusals with reasons, queue numbers, kiosks."""

from __future__ import annotations

import base64
from datetime import timedelta

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from models.appointments import Appointment, AppointmentStatus, Slot
from models.outbox import OutboxEvent
from models.staff import StaffMember, StaffRole, StaffRoleName
from models.users import User
from tests.builders import (
    login_staff,
    make_appointment,
    make_hall,
    make_service_item,
    make_slot,
    resident_session,
)
from tests.builders.appointments import book, hall_staff


async def _booked_token(client, rt, appointment_desk, *, starts_in=timedelta(minutes=10)):
    slot = await make_slot(hall=appointment_desk.hall, starts_in=starts_in)
    resident = await resident_session(rt)
    booking = (await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id)).json()
    return resident, booking


async def _scan(client, hall_id, token, headers):
    return await client.post(f"/api/v1/halls/{hall_id}/check-ins", json={"token": token}, headers=headers)


def _refusal(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


async def test_scan_checks_in_and_a_second_scan_returns_the_same_number(client, rt, appointment_desk):
    _, booking = await _booked_token(client, rt, appointment_desk)

    first = await _scan(client, appointment_desk.hall.id, booking["qr_token"], appointment_desk.clerk.headers)
    again = await _scan(client, appointment_desk.hall.id, booking["qr_token"], appointment_desk.clerk.headers)

    assert first.status_code == 200 and again.status_code == 200
    assert first.json()["queue_number"] == again.json()["queue_number"] == 1
    assert (first.json()["repeated"], again.json()["repeated"]) == (False, True)
    assert await OutboxEvent.filter(aggregate_id=booking["id"],
                                    event_type="appointment.checked_in").count() == 1


async def test_a_checked_in_visit_no_longer_blocks_booking_the_item_again(client, rt, appointment_desk):
    resident, booking = await _booked_token(client, rt, appointment_desk)
    later = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=3))
    assert (await book(client, resident, item_id=appointment_desk.item.id,
                       slot_id=later.id)).json()["error"]["code"] == \
        "APPOINTMENT_DUPLICATE"

    assert (await _scan(client, appointment_desk.hall.id, booking["qr_token"],
                        appointment_desk.clerk.headers)).status_code == 200
    again = await book(client, resident, item_id=appointment_desk.item.id, slot_id=later.id)

    assert again.status_code == 201, again.text


async def test_token_carries_no_personal_data_and_verifies_with_the_published_keys(client, rt, appointment_desk):
    _, booking = await _booked_token(client, rt, appointment_desk)
    token = booking["qr_token"]

    jwks = (await client.get("/api/v1/qr/jwks.json")).json()
    kid = jwt.get_unverified_header(token)["kid"]
    published = next(k for k in jwks["keys"] if k["kid"] == kid)
    raw = base64.urlsafe_b64decode(published["x"] + "=" * (-len(published["x"]) % 4))
    claims = jwt.decode(token, Ed25519PublicKey.from_public_bytes(raw), algorithms=["EdDSA"])

    assert claims["sub"] == booking["id"] and claims["hall"] == str(appointment_desk.hall.id)
    assert set(claims) == {"iss", "sub", "hall", "win", "exp"}
    assert booking["id"] not in str(jwks)


def _flip(token: str, position: int) -> str:
    replacement = "A" if token[position] != "A" else "B"
    return token[:position] + replacement + token[position + 1:]


async def test_tampered_truncated_and_junk_codes_are_refused(client, rt, appointment_desk):
    _, booking = await _booked_token(client, rt, appointment_desk)
    token = booking["qr_token"]
    header_end, payload_end = token.index("."), token.rindex(".")

    cases = {
        "payload byte": _flip(token, (header_end + payload_end) // 2),
        "signature byte": _flip(token, payload_end + 10),
        "truncated": token[:-5],
    }
    for name, tampered in cases.items():
        assert _refusal(await _scan(client, appointment_desk.hall.id, tampered, appointment_desk.clerk.headers)) == \
            (400, "QR_FORGED"), name
    junk = await _scan(client, appointment_desk.hall.id, "not a code", appointment_desk.clerk.headers)
    assert _refusal(junk) == (400, "QR_MALFORMED")
    empty = await client.post(f"/api/v1/halls/{appointment_desk.hall.id}/check-ins", json={"token": ""},
                              headers=appointment_desk.clerk.headers)
    assert _refusal(empty) == (422, "VALIDATION_FAILED")
    assert (await _scan(client, appointment_desk.hall.id, token,
                        appointment_desk.clerk.headers)).json()["queue_number"] == 1


async def test_a_code_signed_with_another_key_is_forged(client, rt, appointment_desk):
    _, booking = await _booked_token(client, rt, appointment_desk)
    header = jwt.get_unverified_header(booking["qr_token"])
    claims = jwt.decode(booking["qr_token"], options={"verify_signature": False})

    forged = jwt.encode(claims, Ed25519PrivateKey.generate(), algorithm="EdDSA",
                        headers={"kid": header["kid"]})
    unknown_kid = jwt.encode(claims, Ed25519PrivateKey.generate(), algorithm="EdDSA",
                             headers={"kid": "qr-unknown"})

    assert _refusal(await _scan(client, appointment_desk.hall.id, forged, appointment_desk.clerk.headers)) == (400,
                                                                                                               "QR_FORGED")
    assert _refusal(await _scan(client, appointment_desk.hall.id, unknown_kid, appointment_desk.clerk.headers)) == \
        (400, "QR_FORGED")


async def test_a_code_for_another_hall_is_refused(client, rt, appointment_desk):
    _, booking = await _booked_token(client, rt, appointment_desk)
    other_hall = await make_hall()
    other_clerk = await hall_staff(rt, hall=other_hall, role=StaffRoleName.CLERK)

    response = await _scan(client, other_hall.id, booking["qr_token"], other_clerk.headers)

    assert _refusal(response) == (409, "QR_WRONG_HALL")


async def test_a_clerk_of_another_hall_cannot_scan_here(client, rt, appointment_desk):
    _, booking = await _booked_token(client, rt, appointment_desk)
    other_hall = await make_hall()
    other_clerk = await hall_staff(rt, hall=other_hall, role=StaffRoleName.CLERK)
    resident = await resident_session(rt)

    assert _refusal(await _scan(client, appointment_desk.hall.id, booking["qr_token"], other_clerk.headers)) == \
        (403, "FORBIDDEN")
    assert _refusal(await _scan(client, appointment_desk.hall.id, booking["qr_token"], resident.headers)) == \
        (403, "FORBIDDEN")


async def test_a_clerk_of_one_department_checks_in_only_that_departments_bookings(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(minutes=10))
    other_item = await make_service_item(appointment_group="G1")  # another department's
    ours, theirs = [(await book(client, await resident_session(rt), item_id=item.id, slot_id=slot.id)).json()
                    for item in (appointment_desk.item, other_item)]
    member = await StaffMember.create(username="clerk-one-department", display_name="部门窗口",
                                      password_hash="!no-password-login")
    await StaffRole.create(staff=member, role=StaffRoleName.CLERK, hall=appointment_desk.hall,
                           department_id=appointment_desk.item.department_id)
    department_clerk = await login_staff(rt, member)

    assert (await _scan(client, appointment_desk.hall.id, ours["qr_token"],
                        department_clerk.headers)).status_code == 200
    assert _refusal(await _scan(client, appointment_desk.hall.id, theirs["qr_token"], department_clerk.headers)) == \
        (403, "FORBIDDEN")
    assert (await _scan(client, appointment_desk.hall.id, theirs["qr_token"],
                        appointment_desk.clerk.headers)).status_code == 200


async def test_expired_code_is_refused(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(hours=-3))
    resident = await resident_session(rt)
    appointment = await make_appointment(resident=await User.get(id=resident.id), item=appointment_desk.item, slot=slot)
    token = (await client.get(f"/api/v1/appointments/{appointment.id}", headers=resident.headers)
             ).json()["qr_token"]

    assert _refusal(await _scan(client, appointment_desk.hall.id, token, appointment_desk.clerk.headers)) == (410,
                                                                                                              "QR_EXPIRED")


async def test_too_early_then_cancelled_codes_are_refused(client, rt, appointment_desk):
    resident, booking = await _booked_token(client, rt, appointment_desk, starts_in=timedelta(hours=3))

    early = await _scan(client, appointment_desk.hall.id, booking["qr_token"], appointment_desk.clerk.headers)
    await client.post(f"/api/v1/appointments/{booking['id']}/cancel", headers=resident.headers)
    cancelled = await _scan(client, appointment_desk.hall.id, booking["qr_token"], appointment_desk.clerk.headers)

    assert _refusal(early) == (409, "CHECKIN_TOO_EARLY")
    assert early.json()["error"]["details"]["opens_at"].endswith("+08:00")
    assert _refusal(cancelled) == (409, "APPOINTMENT_CANCELLED")


async def test_the_old_code_is_superseded_after_a_reschedule(client, rt, appointment_desk):
    resident, booking = await _booked_token(client, rt, appointment_desk, starts_in=timedelta(hours=2))
    new_slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(minutes=20))
    moved = (await client.post(f"/api/v1/appointments/{booking['id']}/reschedule",
                               json={"slot_id": str(new_slot.id)}, headers=resident.headers)).json()

    old = await _scan(client, appointment_desk.hall.id, booking["qr_token"], appointment_desk.clerk.headers)
    new = await _scan(client, appointment_desk.hall.id, moved["qr_token"], appointment_desk.clerk.headers)

    assert _refusal(old) == (409, "QR_SUPERSEDED")
    assert new.status_code == 200


async def test_the_old_code_is_superseded_after_a_move_to_another_hall_at_the_same_time(
        client, rt, appointment_desk):
    resident, booking = await _booked_token(client, rt, appointment_desk, starts_in=timedelta(hours=2))
    booked = await Appointment.get(id=booking["id"])
    same_time = await Slot.create(hall=await make_hall(), appointment_group="G1", day=booked.day,
                                  starts_at=booked.starts_at, ends_at=booked.ends_at, capacity=5)
    moved = await client.post(f"/api/v1/appointments/{booking['id']}/reschedule",
                              json={"slot_id": str(same_time.id)}, headers=resident.headers)
    assert moved.status_code == 200, moved.text

    kiosk = (await client.post(f"/api/v1/halls/{appointment_desk.hall.id}/kiosks", json={"name": "自助机"},
                               headers=appointment_desk.manager.headers)).json()["credential"]

    # The first hall's clerk and kiosk scan the code shown before the move: it names that hall.
    by_clerk = await _scan(client, appointment_desk.hall.id, booking["qr_token"], appointment_desk.clerk.headers)
    by_kiosk = await _scan(client, appointment_desk.hall.id, booking["qr_token"],
                           {"authorization": f"Kiosk {kiosk}"})

    assert _refusal(by_clerk) == _refusal(by_kiosk) == (409, "QR_SUPERSEDED")
    assert (await Appointment.get(id=booking["id"])).status == AppointmentStatus.BOOKED


async def test_codes_issued_before_a_key_rotation_stay_valid(client, rt, appointment_desk):
    _, before = await _booked_token(client, rt, appointment_desk)
    old_kid = jwt.get_unverified_header(before["qr_token"])["kid"]

    new_kid = rt.keyrings["qr"].rotate()
    _, after = await _booked_token(client, rt, appointment_desk, starts_in=timedelta(minutes=15))

    assert jwt.get_unverified_header(after["qr_token"])["kid"] == new_kid != old_kid
    published = {k["kid"] for k in (await client.get("/api/v1/qr/jwks.json")).json()["keys"]}
    assert {old_kid, new_kid} <= published
    assert (await _scan(client, appointment_desk.hall.id, before["qr_token"],
                        appointment_desk.clerk.headers)).status_code == 200
    assert (await _scan(client, appointment_desk.hall.id, after["qr_token"],
                        appointment_desk.clerk.headers)).status_code == 200


async def test_a_registered_kiosk_checks_in_with_its_own_credential(client, rt, appointment_desk):
    _, booking = await _booked_token(client, rt, appointment_desk)
    registered = await client.post(f"/api/v1/halls/{appointment_desk.hall.id}/kiosks", json={"name": "一层自助机"},
                                   headers=appointment_desk.manager.headers)
    credential = registered.json()["credential"]
    other_hall = await make_hall()

    as_kiosk = {"authorization": f"Kiosk {credential}"}

    wrong = await _scan(client, appointment_desk.hall.id, booking["qr_token"],
                        {"authorization": f"Kiosk {credential}x"})
    elsewhere = await _scan(client, other_hall.id, booking["qr_token"], as_kiosk)
    scanned = await _scan(client, appointment_desk.hall.id, booking["qr_token"], as_kiosk)

    assert registered.status_code == 201
    assert _refusal(wrong) == (401, "KIOSK_CREDENTIAL_INVALID")
    assert _refusal(elsewhere) == (403, "KIOSK_WRONG_HALL")
    assert scanned.status_code == 200 and scanned.json()["queue_number"] == 1


async def test_a_revoked_kiosk_can_no_longer_scan(client, rt, appointment_desk):
    _, booking = await _booked_token(client, rt, appointment_desk)
    kiosk = (await client.post(f"/api/v1/halls/{appointment_desk.hall.id}/kiosks", json={"name": "二层自助机"},
                               headers=appointment_desk.manager.headers)).json()
    other_manager = await hall_staff(rt, hall=await make_hall(), role=StaffRoleName.HALL_MANAGER)

    foreign = await client.post(f"/api/v1/kiosks/{kiosk['id']}/revoke", headers=other_manager.headers)
    revoked = await client.post(f"/api/v1/kiosks/{kiosk['id']}/revoke", headers=appointment_desk.manager.headers)
    scan = await _scan(client, appointment_desk.hall.id, booking["qr_token"],
                       {"authorization": f"Kiosk {kiosk['credential']}"})

    assert foreign.status_code == 403
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] and revoked.json()["credential"] is None
    assert _refusal(scan) == (401, "KIOSK_CREDENTIAL_INVALID")


async def test_queue_numbers_count_per_item_group(client, rt, appointment_desk):
    group_two_slot = await make_slot(hall=appointment_desk.hall, appointment_group="G2",
                                     starts_in=timedelta(minutes=10))
    group_two_item = await make_service_item(appointment_group="G2")
    _, first = await _booked_token(client, rt, appointment_desk)
    other = await resident_session(rt)
    second = (await book(client, other, item_id=group_two_item.id, slot_id=group_two_slot.id)).json()

    numbers = [(await _scan(client, appointment_desk.hall.id, b["qr_token"],
                            appointment_desk.clerk.headers)).json()["queue_number"]
               for b in (first, second)]

    assert numbers == [1, 1]


async def test_qr_images_are_rendered_and_cacheable(client, rt, appointment_desk):
    resident, booking = await _booked_token(client, rt, appointment_desk)
    base = f"/api/v1/appointments/{booking['id']}"

    png = await client.get(f"{base}/qr.png", headers=resident.headers)
    svg = await client.get(f"{base}/qr.svg", headers=resident.headers)
    revalidated = await client.get(f"{base}/qr.png",
                                   headers={**resident.headers, "if-none-match": png.headers["etag"]})
    stranger = await client.get(f"{base}/qr.png", headers=(await resident_session(rt)).headers)

    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    assert png.headers["content-type"] == "image/png" and "max-age" in png.headers["cache-control"]
    assert svg.status_code == 200 and b"<svg" in svg.content
    assert revalidated.status_code == 304
    assert stranger.status_code == 404
