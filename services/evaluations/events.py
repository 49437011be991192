"""The service events a resident rates (好差评): what each is of, whose it is, whether it happened.

One rating per event: an application's decision, a result collected at the window, a booked visit
served at a hall, and a bundle (一件事) as a whole — its steps' decisions and pickups are not rated
one by one. Someone else's event, or an unknown one, answers 404 like the rest of the API.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from app.errors import Conflict, NotFoundError
from app.shapes import parse_id
from models.appointments import Appointment, AppointmentStatus
from models.bundles import BundleApplication, BundleState
from models.hall_floor import Ticket
from models.onewindow import Channel, ServiceEvent
from models.prereview import Application, ApplicationState, DeliveryMethod
from models.users import User
from services.bundles import steps as bundle_steps
from services.companies import reach

# An application is decided once it reached one of these (a decision to grant, deny or not accept).
DECIDED = (ApplicationState.NOT_ACCEPTED, ApplicationState.APPROVED, ApplicationState.DENIED,
           ApplicationState.CERTIFICATE_MADE, ApplicationState.ISSUED)
BUNDLE_DONE = (BundleState.COMPLETED, BundleState.STOPPED)


class EventNotFound(NotFoundError):
    code, message = "EVALUATION_EVENT_NOT_FOUND", "没有可评价的该项服务"


class EventNotHappened(Conflict):
    code, message = "EVALUATION_NOT_ALLOWED", "该项服务尚未完成，暂不能评价"


class RatedByBundle(Conflict):
    code, message = "EVALUATION_BY_BUNDLE", "该办件属于“一件事”，请对整件事进行评价"


@dataclass(frozen=True)
class EventFacts:
    """Who is responsible for an event and where it took place: what a rating of it records."""

    event: ServiceEvent
    subject_id: uuid.UUID
    application_id: uuid.UUID | None
    item_id: uuid.UUID
    department_id: uuid.UUID
    hall_id: uuid.UUID | None
    channel: Channel
    happened_at: datetime | None
    bundle_code: str | None = None  # a bundle's: what the resident rates, by name
    bundle_name: str | None = None


def _application_facts(event: ServiceEvent, application: Application) -> EventFacts:
    channel = Channel.HALL if event is ServiceEvent.PICKUP or application.hall_id else Channel.ONLINE
    happened = application.issued_at if event is ServiceEvent.PICKUP else (
        application.decided_at or application.completed_at)
    return EventFacts(event, application.id, application.id, application.item_id, application.department_id,
                      application.hall_id, channel, happened)


def _application_happened(event: ServiceEvent, application: Application) -> bool:
    if event is ServiceEvent.PICKUP:
        return (application.state is ApplicationState.ISSUED
                and application.delivery_method is DeliveryMethod.WINDOW)
    return application.state in DECIDED


async def _served(appointment: Appointment) -> bool:
    """A visit is served once an application was received from it or its hall ticket was served."""
    if appointment.status is not AppointmentStatus.CHECKED_IN:
        return False
    return appointment.application_id is not None or await Ticket.filter(
        appointment_id=appointment.id, served_at__not_isnull=True).exists()


async def _appointment_facts(appointment: Appointment) -> EventFacts:
    await appointment.fetch_related("item")
    return EventFacts(ServiceEvent.APPOINTMENT, appointment.id, appointment.application_id, appointment.item_id,
                      appointment.item.department_id, appointment.hall_id, Channel.HALL,
                      appointment.checked_in_at)


async def lead_step(bundle: BundleApplication) -> Application | None:
    """The bundle's lead step (牵头): the first of its definition, which no other step precedes."""
    spec = await bundle_steps.definition_of(bundle)
    return await Application.get_or_none(bundle_application_id=bundle.id, bundle_step=spec.steps[0].key)


async def _bundle_facts(bundle: BundleApplication) -> EventFacts:
    """A bundle is the responsibility of its lead step's department (documented in evaluations.md);
    picked up at the window, it was served at the hall."""
    lead = await lead_step(bundle)
    if lead is None:  # a bundle is done only after its steps were fanned out
        raise EventNotHappened(details={"state": bundle.state.value})
    channel = Channel.HALL if lead.delivery_method is DeliveryMethod.WINDOW else Channel.ONLINE
    await bundle.fetch_related("bundle")
    return EventFacts(ServiceEvent.BUNDLE, bundle.id, None, lead.item_id, lead.department_id, bundle.hall_id,
                      channel, bundle.issued_at or bundle.updated_at, bundle.bundle.code, bundle.bundle.name)


@dataclass(frozen=True)
class _Rater:
    """What a resident rates: what they filed or booked, a company's only while they may still
    act for it on that item or bundle (a former agent no longer sees it, so neither rates it).
    Read once per request: the person's reach is a few queries."""

    resident_id: uuid.UUID
    companies: reach.Reach  # the companies they act for now, with the codes for each

    @classmethod
    async def of(cls, resident_id: uuid.UUID) -> _Rater:
        return cls(resident_id, await reach.reach_of(user=await User.get(id=resident_id)))

    def bundles(self) -> QuerySet[BundleApplication]:
        entitled = Q(company_id__isnull=True) | reach.bundle_applications_filter(self.companies)
        return BundleApplication.filter(entitled, resident_id=self.resident_id)

    def filed(self, *, applications: bool) -> Q:
        """A filter on Application (``applications``) or on Appointment."""
        visible = reach.items_filter(user_id=self.resident_id, reach=self.companies, bundle_steps=applications)
        return visible & Q(resident_id=self.resident_id)


async def facts_of(*, resident_id: uuid.UUID, event: ServiceEvent, subject_id: str) -> EventFacts:
    """The resident's event, refused unless it has happened (a bundle's step: rate the bundle)."""
    parsed = parse_id(subject_id)
    missing = EventNotFound(details={"event": event.value, "subject_id": subject_id})
    if parsed is None:
        raise missing
    if event is ServiceEvent.APPOINTMENT:
        appointment = await Appointment.get_or_none((await _Rater.of(resident_id)).filed(applications=False),
                                                    id=parsed)
        if appointment is None:
            raise missing
        if not await _served(appointment):
            raise EventNotHappened(details={"status": appointment.status.value})
        return await _appointment_facts(appointment)
    if event is ServiceEvent.BUNDLE:
        bundle = await (await _Rater.of(resident_id)).bundles().get_or_none(id=parsed)
        if bundle is None:
            raise missing
        if bundle.state not in BUNDLE_DONE:
            raise EventNotHappened(details={"state": bundle.state.value})
        return await _bundle_facts(bundle)
    application = await Application.get_or_none((await _Rater.of(resident_id)).filed(applications=True),
                                                id=parsed)
    if application is None:
        raise missing
    if application.bundle_application_id is not None:
        raise RatedByBundle(details={"bundle_application_id": str(application.bundle_application_id)})
    if not _application_happened(event, application):
        raise EventNotHappened(details={"state": application.state.value})
    return _application_facts(event, application)


async def happened_for(resident_id: uuid.UUID) -> list[EventFacts]:
    """Every event of the resident that has happened, newest first (rated or not)."""
    found: list[EventFacts] = []
    rater = await _Rater.of(resident_id)
    applications = await Application.filter(rater.filed(applications=True),
                                            bundle_application_id=None,
                                            state__in=DECIDED)
    for application in applications:
        found += [_application_facts(event, application) for event in (ServiceEvent.DECISION, ServiceEvent.PICKUP)
                  if _application_happened(event, application)]
    visits = await Appointment.filter(
        Q(application_id__not_isnull=True) | Q(ticket__served_at__not_isnull=True),
        rater.filed(applications=False), status=AppointmentStatus.CHECKED_IN).distinct()
    found += [await _appointment_facts(visit) for visit in visits]
    for bundle in await rater.bundles().filter(state__in=BUNDLE_DONE):
        try:
            found.append(await _bundle_facts(bundle))
        except EventNotHappened:
            continue
    return sorted(found, key=lambda facts: facts.happened_at.timestamp() if facts.happened_at else 0.0,
                  reverse=True)
