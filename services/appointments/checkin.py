"""Check-in at the hall: kiosk credentials, QR verification and queue numbers (取号)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.errors import Conflict, Forbidden, NotFoundError, TokenInvalid
from app.fastpath.sql import get_where
from app.ids import SHANGHAI, utcnow
from app.shapes import id_or_not_found
from app.tokens import Principal
from models.appointments import Appointment, AppointmentStatus, KioskDevice, QueueCounter
from models.catalog import ServiceItem
from models.hall_floor import TicketKind
from models.staff import StaffRoleName
from services import catalog, ledger, outbox
from services.appointments import qr
from services.events import EventType
from services.hall_floor import board, tickets

KIOSK_PREFIX = "kiosk_"


@dataclass(frozen=True)
class Scanner:
    """Who scans: a clerk (staff principal) or a registered kiosk of one hall."""

    principal: Principal | None = None
    kiosk: KioskDevice | None = None

    @property
    def actor_id(self) -> str:
        """Who acted, as events and the ledger record it: a staff id, or ``kiosk:<id>``."""
        if self.kiosk is not None:
            return f"kiosk:{self.kiosk.id}"
        assert self.principal is not None
        return str(self.principal.subject_id)

    def ensure_serves(self, hall_id: uuid.UUID) -> None:
        """Refuse unless this kiosk belongs to the hall, or this staff member is a clerk there: by a
        grant naming the hall (``clerk@H``, or ``clerk:D@H`` of one department: ``ensure_covers``
        decides per booking) or a district-wide one (``clerk``). A grant naming a department but no
        hall (``clerk:D``) is no clerk of any hall's floor."""
        if self.kiosk is not None:
            if self.kiosk.hall_id != hall_id:
                raise Forbidden("该设备不属于此大厅", code="KIOSK_WRONG_HALL")
            return
        assert self.principal is not None
        hall = str(hall_id)
        clerk = StaffRoleName.CLERK
        if not (self.principal.has_role(clerk)
                or any(g.role == clerk and g.hall_id == hall for g in self.principal.roles)):
            raise Forbidden(details={"required_role": StaffRoleName.CLERK, "hall_id": hall})

    async def ensure_covers(self, appointment: Appointment) -> None:
        """A clerk scoped to one department checks in only bookings of that department's items."""
        hall = str(appointment.hall_id)
        if self.kiosk is not None:
            return  # a kiosk
        assert self.principal is not None  # a check-in is by a kiosk or by a signed-in clerk
        if self.principal.has_role(StaffRoleName.CLERK, hall_id=hall):
            return  # a clerk of every department at this hall
        item = await get_where(ServiceItem, id=appointment.item_id)
        require_scope(self.principal, StaffRoleName.CLERK, hall_id=hall,
                      department_id=str(item.department_id) if item else None)


@dataclass(frozen=True)
class CheckIn:
    """The outcome of a scan: the booking, its queue number, and whether it was a re-scan."""

    appointment: Appointment
    queue_number: int
    repeated: bool


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


async def register_kiosk(*, principal: Principal, hall_id: str, name: str) -> tuple[KioskDevice, str]:
    """Register a hall device; its credential is returned once and stored only hashed."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, "hall_manager", hall_id=str(hall.id))
    secret = secrets.token_urlsafe(32)
    kiosk = await KioskDevice.create(hall=hall, name=name, secret_hash=_hash(secret))
    return kiosk, f"{KIOSK_PREFIX}{kiosk.id}.{secret}"


async def authenticate_kiosk(*, credential: str) -> KioskDevice:
    """The active kiosk behind ``kiosk_<id>.<secret>``; anything else is KIOSK_CREDENTIAL_INVALID."""
    kiosk_id, _, secret = credential.removeprefix(KIOSK_PREFIX).partition(".")
    try:
        parsed = uuid.UUID(kiosk_id)
    except ValueError:
        parsed = None
    kiosk = await get_where(KioskDevice, id=parsed, revoked_at=None) if parsed else None
    # Compare even when unknown, so timing does not tell which device ids exist.
    matches = hmac.compare_digest(kiosk.secret_hash if kiosk else _hash(""), _hash(secret))
    if kiosk is None or not secret or not matches:
        raise TokenInvalid(code="KIOSK_CREDENTIAL_INVALID", message="取号设备凭证无效")
    return kiosk


async def check_in(*, rt: Runtime, scanner: Scanner, hall_id: str, token: str) -> CheckIn:
    """Verify a scanned code and give its queue number; scanning again returns the same number."""
    # No hall lookup: an unknown hall fails the scanner's scope check or the token's hall check.
    scanning_hall = id_or_not_found(hall_id, code="HALL_NOT_FOUND", message="大厅不存在")
    scanner.ensure_serves(scanning_hall)
    claims = qr.verify(rt=rt, token=token)
    if claims.hall_id != scanning_hall:
        raise qr.QrRefused("该预约不在本大厅办理", code="QR_WRONG_HALL", status=409)
    appointment = await get_where(Appointment, id=claims.appointment_id)
    if appointment is None:
        raise qr.QrRefused(details={"reason": "unknown_appointment"})
    _ensure_current(appointment, claims)
    await scanner.ensure_covers(appointment)
    if settled := _settled(rt, appointment, claims):
        return settled
    async with in_transaction():
        now = utcnow()
        # The appointment row is claimed first: of two scans of one code only one goes on. A
        # visit that has happened no longer holds the one-active-booking-per-item place.
        claimed = await Appointment.filter(id=appointment.id, status=AppointmentStatus.BOOKED,
                                           slot_id=appointment.slot_id).update(
            status=AppointmentStatus.CHECKED_IN, checked_in_at=now, active_marker=None)
        if claimed:
            number = await _next_queue_number(appointment)
            await Appointment.filter(id=appointment.id).update(queue_number=number)
            appointment.status, appointment.checked_in_at = AppointmentStatus.CHECKED_IN, now
            appointment.queue_number = number
            # The visit joins the hall's one queue of its item group with the number just given.
            ticket = await tickets.join(hall_id=appointment.hall_id, group=appointment.appointment_group,
                                        number=number, kind=TicketKind.APPOINTMENT, now=now,
                                        resident_id=appointment.resident_id, appointment=appointment)
            await outbox.emit(event_type=EventType.APPOINTMENT_CHECKED_IN, aggregate_id=str(appointment.id),
                              payload={"appointment_id": str(appointment.id),
                                       "resident_id": str(appointment.resident_id),
                                       "hall_id": str(appointment.hall_id), "ticket_id": str(ticket.id),
                                       "queue_number": number, "checked_in_at": now.isoformat()})
            await ledger.append(record_type="checkin", data={
                "booking_id": str(appointment.id), "hall_id": str(appointment.hall_id),
                "slot_id": str(appointment.slot_id), "checked_in_by": scanner.actor_id,
                "application_id": str(appointment.application_id) if appointment.application_id else None})
    if claimed:
        await board.publish(rt=rt, hall_id=appointment.hall_id)
        return CheckIn(appointment, number, repeated=False)
    # Someone changed the booking between our read and the claim: answer for its new state.
    await appointment.refresh_from_db()
    _ensure_current(appointment, claims)
    if settled := _settled(rt, appointment, claims):
        return settled
    raise Conflict("预约已被修改，请刷新后重试", code="APPOINTMENT_CHANGED")


def _ensure_current(appointment: Appointment, claims: qr.QrClaims) -> None:
    """The code names the hall and window it was issued for: once the booking moved (to another
    time, or to another hall at the same time) only its new code checks it in."""
    if (appointment.hall_id, appointment.starts_at, appointment.ends_at) != (
            claims.hall_id, claims.starts_at, claims.ends_at):
        raise qr.QrRefused("预约已改期，请出示新的二维码", code="QR_SUPERSEDED", status=409)


def _settled(rt: Runtime, appointment: Appointment, claims: qr.QrClaims) -> CheckIn | None:
    """The answer when no new number is due (the same number again, or a refusal); else None.
    The booking is one the code still names (``_ensure_current``)."""
    if appointment.status is AppointmentStatus.CHECKED_IN:
        return CheckIn(appointment, appointment.queue_number or 0, repeated=True)
    if appointment.status is AppointmentStatus.CANCELLED:
        raise Conflict("该预约已取消", code="APPOINTMENT_CANCELLED")
    if appointment.status is AppointmentStatus.NO_SHOW:
        raise Conflict("该预约已过期未到", code="APPOINTMENT_NO_SHOW")
    opens = appointment.starts_at - timedelta(minutes=rt.settings.checkin_early_minutes)
    if utcnow() < opens:
        raise Conflict("尚未到签到时间", code="CHECKIN_TOO_EARLY",
                       details={"opens_at": opens.astimezone(SHANGHAI).isoformat()})
    return None


async def _next_queue_number(appointment: Appointment) -> int:
    """The next queue number of the hall, day and item group."""
    return await next_in_sequence(hall_id=appointment.hall_id, day=appointment.day,
                                  sequence=appointment.appointment_group)


async def next_in_sequence(*, hall_id: uuid.UUID, day: date, sequence: str) -> int:
    """The next number of a hall's daily sequence: a locked counter row, so no gaps or repeats.

    Call inside a transaction; queue numbers use the item group as the sequence name."""
    scope = {"hall_id": hall_id, "day": day, "appointment_group": sequence}
    # The update takes the row lock until commit; the read then sees our own increment.
    if not await QueueCounter.filter(**scope).update(last_number=F("last_number") + 1):
        # First check-in of the day: create the row (a racing twin is ignored), then count.
        await QueueCounter.bulk_create([QueueCounter(**scope)], ignore_conflicts=True)
        await QueueCounter.filter(**scope).update(last_number=F("last_number") + 1)
    return cast(int, await QueueCounter.filter(**scope).first().values_list("last_number", flat=True))


async def revoke_kiosk(*, principal: Principal, kiosk_id: str) -> KioskDevice:
    """Withdraw a device's credential (its hall manager only); it can no longer check anyone in."""
    kiosk = await KioskDevice.get_or_none(
        id=id_or_not_found(kiosk_id, code="KIOSK_NOT_FOUND", message="取号设备不存在"))
    if kiosk is None:
        raise NotFoundError("取号设备不存在", code="KIOSK_NOT_FOUND")
    require_scope(principal, "hall_manager", hall_id=str(kiosk.hall_id))
    if kiosk.revoked_at is None:
        kiosk.revoked_at = utcnow()
        await kiosk.save(update_fields=["revoked_at", "updated_at"])
    return kiosk
