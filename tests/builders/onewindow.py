"""Builders of the onewindow tests (their fixtures are in tests/onewindow/conftest.py)."""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass
from datetime import timedelta

from models.catalog import ServiceItem
from models.organization import Department, Hall
from models.staff import StaffRoleName
from tests.builders import (
    LoggedIn,
    make_appointment,
    make_department,
    make_hall,
    make_prereview_item,
    make_slot,
)
from tests.builders.appointments import hall_staff
from tests.builders.prereview import reviewer_of

TWO_STEPS = [{"name": "审查", "limit_days": 3}, {"name": "决定", "limit_days": 1}]


LICENCE = {"name": "营业执照", "certificate_type": "business_license", "e_certificate": True,
           "validity_days": 3650}


LICENCE_MATERIAL = {"name": "营业执照", "from_e_certificate": True, "certificate_type": "business_license"}


_VISIT_MINUTES = itertools.count()  # each test visit in its own slot (slots are unique per minute)


LEGAL_BASIS = "《中华人民共和国市场主体登记管理条例》第二十六条"


WINDOW_FORM = {"applicant_name": "张三", "id_number": "110108199003071238"}


@dataclass
class OneWindow:
    """Everyone the one window needs: a hall's clerk and manager, a department's two reviewers."""

    hall: Hall
    department: Department
    item: ServiceItem
    clerk: LoggedIn
    manager: LoggedIn
    examiner: LoggedIn
    decider: LoggedIn


async def make_window(rt, *, hall: Hall | None = None, result: dict = LICENCE) -> OneWindow:
    """A new department and its item (whose result is ``result``, a licence by default), served at
    ``hall`` (a new one by default) with new staff."""
    hall = hall or await make_hall()
    department = await make_department()
    item = await make_prereview_item(department=department, approval_steps=TWO_STEPS, result=result,
                                     promised_limit_days=5, appointment_group="G1",
                                     modes=["online_prereview", "appointment", "one_window"],
                                     name="企业设立登记", legal_basis=LEGAL_BASIS)
    return OneWindow(hall, department, item,
                     clerk=await hall_staff(rt, hall=hall, role=StaffRoleName.CLERK),
                     manager=await hall_staff(rt, hall=hall, role=StaffRoleName.HALL_MANAGER),
                     examiner=await reviewer_of(rt, department), decider=await reviewer_of(rt, department))


async def check_in(client, window: OneWindow, appointment: dict) -> dict:
    """Scan the booking's QR code at the window's hall, as its clerk."""
    response = await client.post(f"/api/v1/halls/{window.hall.id}/check-ins",
                                 json={"token": appointment["qr_token"]}, headers=window.clerk.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def checked_in_visit(window: OneWindow, resident_user, item: ServiceItem | None = None):
    """A visit already checked in at the window's hall (written directly, no QR round trip)."""
    from models.appointments import AppointmentStatus

    slot = await make_slot(hall=window.hall, appointment_group="G1",
                           starts_in=timedelta(minutes=10 + next(_VISIT_MINUTES)))
    appointment = await make_appointment(resident=resident_user, item=item or window.item, slot=slot,
                                         status=AppointmentStatus.CHECKED_IN)
    return appointment


async def desk_post(client, who: LoggedIn, path: str, json: dict | None = None):
    return await client.post(f"/api/v1/desk/{path}", json=json if json is not None else {},
                             headers=who.headers)


async def received_at_window(client, window: OneWindow, visit_id, *, checked=(0, 1), form=None) -> dict:
    response = await desk_post(client, window.clerk, "receptions",
                          {"appointment_id": str(visit_id), "checked_materials": list(checked),
                           "form_data": form if form is not None else WINDOW_FORM})
    assert response.status_code == 201, response.text
    return response.json()["application"]


async def accepted(client, window: OneWindow, visit_id) -> dict:
    application = await received_at_window(client, window, visit_id)
    response = await desk_post(client, window.clerk, f"applications/{application['id']}/accept")
    assert response.status_code == 200, response.text
    return response.json()["application"]


def idempotency() -> dict[str, str]:
    return {"idempotency-key": f"key-{secrets.token_hex(6)}"}
