"""Builders for test data, each taking overrides; and helpers to log in as someone."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from app.context import Runtime
from app.ids import to_local, utcnow
from models.appointments import Appointment, AppointmentStatus, Slot
from models.catalog import ServiceItem
from models.organization import Department, Hall
from models.staff import StaffMember
from models.users import RealNameLevel, User
from services import sessions, staff
from services.staff import RoleSpec

DEFAULT_PASSWORD = "correct-horse-battery"


@dataclass
class LoggedIn:
    """An account with live tokens; ``headers`` authorises requests as it."""

    id: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.access_token}"}


async def make_department(*, code: str | None = None, name: str = "测试部门") -> Department:
    return await Department.create(code=code or f"D{secrets.token_hex(3)}", name=name)


async def make_hall(*, code: str | None = None, name: str = "测试大厅") -> Hall:
    return await Hall.create(code=code or f"H{secrets.token_hex(3)}", name=name)


async def make_resident(rt: Runtime, *, realname: bool = False, display_name: str = "测试居民",
                        id_number: str = "110108199003071234", real_name: str = "张三") -> User:
    fields: dict = {"display_name": display_name}
    if realname:
        fields.update(realname_level=RealNameLevel.VERIFIED, real_name_enc=rt.cipher.encrypt(real_name),
                      id_number_enc=rt.cipher.encrypt(id_number),
                      id_number_index=rt.cipher.blind_index(id_number))
    return await User.create(**fields)


async def login_resident(rt: Runtime, user: User) -> LoggedIn:
    pair = await sessions.start(rt=rt, kind="resident", subject_id=user.id)
    return LoggedIn(str(user.id), pair.access_token, pair.refresh_token)


async def make_staff(rt: Runtime, *, roles: list[str], username: str | None = None,
                     password: str = DEFAULT_PASSWORD, totp_secret: str | None = None) -> StaffMember:
    return await staff.create(username=username or f"staff-{secrets.token_hex(3)}",
                              display_name="测试工作人员", password=password,
                              roles=[RoleSpec.parse(r) for r in roles], totp_secret=totp_secret, rt=rt)


async def login_staff(rt: Runtime, member: StaffMember) -> LoggedIn:
    pair = await sessions.start(rt=rt, kind="staff", subject_id=member.id)
    return LoggedIn(str(member.id), pair.access_token, pair.refresh_token)


async def make_service_item(*, department: Department | None = None, code: str | None = None,
                            name: str = "测试事项", appointment_group: str | None = "G1",
                            requires_realname: bool = True, is_published: bool = True) -> ServiceItem:
    return await ServiceItem.create(
        code=code or f"I{secrets.token_hex(4)}", name=name,
        department=department or await make_department(), appointment_group=appointment_group,
        requires_realname=requires_realname, is_published=is_published)


async def make_slot(*, hall: Hall, appointment_group: str = "G1",
                    starts_in: timedelta = timedelta(hours=3),
                    duration: timedelta = timedelta(minutes=30), capacity: int = 5, booked: int = 0,
                    is_closed: bool = False) -> Slot:
    """A slot placed relative to the real current time (whole minutes, like published ones)."""
    starts_at = (utcnow() + starts_in).replace(second=0, microsecond=0)
    return await Slot.create(hall=hall, appointment_group=appointment_group,
                             day=to_local(starts_at).date(), starts_at=starts_at,
                             ends_at=starts_at + duration, capacity=capacity, booked=booked,
                             is_closed=is_closed)


async def make_appointment(*, resident: User, item: ServiceItem, slot: Slot,
                           status: AppointmentStatus = AppointmentStatus.BOOKED,
                           take_seat: bool = True) -> Appointment:
    """An appointment written straight to the database (e.g. in a slot already past)."""
    active = status in (AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN)
    if take_seat:
        slot.booked += 1
        await slot.save(update_fields=["booked"])
    return await Appointment.create(
        resident=resident, item=item, slot=slot, hall_id=slot.hall_id,
        appointment_group=slot.appointment_group, day=slot.day, starts_at=slot.starts_at,
        ends_at=slot.ends_at, status=status, active_marker="active" if active else None,
        idempotency_key=secrets.token_hex(8))
