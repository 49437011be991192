"""What a person may see of companies' affairs now, and whom a company's messages reach.

The rule (docs/bundles.md, "What belongs to a company"): the legal representative sees everything
filed, booked or issued for the company, whoever filed it; an agent, while an authorisation is
active, what falls within its scope — the item's code, or the bundle's code for a bundle's steps;
nobody else, the agent who filed it included once their authorisation is revoked or expired. A
person's own personal items stay theirs whatever happens to their authorisations.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from tortoise.expressions import Q, Subquery

from app.ids import utcnow
from models.bundles import BundleApplication
from models.catalog import ServiceItem
from models.companies import AgentAuthorisation, Company
from models.prereview import Application
from models.users import User

# Company -> the catalog codes the person may see of it; None: everything (its representative).
Reach = dict[uuid.UUID, frozenset[str] | None]
RECIPIENTS = "recipient_ids"  # the outbox payload key push reads (push/events.py)


async def reach_of(*, user: User) -> Reach:
    """The companies the user may see items of now, with the codes for each."""
    represented = await Company.filter(legal_representative_id=user.id)
    reach: Reach = {company.id: None for company in represented}
    if user.id_number_index:
        for grant in await AgentAuthorisation.filter(agent_id_number_index=user.id_number_index, revoked_at=None,
                                                     valid_until__gt=utcnow()):
            if grant.company_id in reach and reach[grant.company_id] is None:
                continue
            reach[grant.company_id] = (reach.get(grant.company_id) or frozenset()) | frozenset(grant.scope)
    return reach


def covers(reach: Reach, company_id: uuid.UUID, codes: Iterable[str]) -> bool:
    """Whether ``reach`` sees a company's item with any of these codes."""
    if company_id not in reach:
        return False
    scope = reach[company_id]
    return scope is None or bool(scope & set(codes))


def _company_bundles(company_id: uuid.UUID, codes: frozenset[str] | None) -> Q:
    return Q(company_id=company_id) if codes is None else Q(company_id=company_id, bundle__code__in=sorted(codes))


def bundle_applications_filter(reach: Reach) -> Q:
    """The company bundle applications ``reach`` sees (a filter on BundleApplication)."""
    visible = Q(pk__in=[])
    for company_id, codes in reach.items():
        visible |= _company_bundles(company_id, codes)
    return visible


def items_filter(*, user_id: uuid.UUID, reach: Reach, bundle_steps: bool = True) -> Q:
    """The user's own personal rows and the company rows ``reach`` sees, of a model with
    ``resident``, ``company_id`` and ``item`` (applications, appointments); an application that is
    a bundle's step is seen under the bundle's code too."""
    visible = Q(resident_id=user_id, company_id__isnull=True)
    for company_id, codes in reach.items():
        if codes is None:
            visible |= Q(company_id=company_id)
            continue
        visible |= Q(company_id=company_id, item__code__in=sorted(codes))
        if bundle_steps:
            bundles = BundleApplication.filter(_company_bundles(company_id, codes)).values("id")
            visible |= Q(company_id=company_id, bundle_application_id__in=Subquery(bundles))
    return visible


async def visible_applications(*, user: User) -> Q:
    """The applications the user may read now (a filter on Application)."""
    return items_filter(user_id=user.id, reach=await reach_of(user=user))


async def codes_of(application: Application) -> set[str]:
    """The catalog codes an application falls under: its item's, and its bundle's for a step."""
    codes = {str(code) for code in await ServiceItem.filter(id=application.item_id).values_list("code", flat=True)}
    if application.bundle_application_id is not None:
        codes |= {str(code) for code in await BundleApplication.filter(
            id=application.bundle_application_id).values_list("bundle__code", flat=True)}
    return codes


async def audience(*, company_id: uuid.UUID | None, filer_id: uuid.UUID, codes: Iterable[str]) -> dict[str, Any]:
    """Whom an event about a company's item reaches, as payload fields: the representative, and
    the person who filed or booked it while they are still entitled; {} for a personal item (push
    then writes to its resident)."""
    if company_id is None:
        return {}
    company = await Company.get(id=company_id)
    recipients = [str(company.legal_representative_id)]
    filer = await User.get_or_none(id=filer_id)
    if (filer is not None and filer.id != company.legal_representative_id
            and covers(await reach_of(user=filer), company_id, codes)):
        recipients.append(str(filer.id))
    return {RECIPIENTS: recipients}


async def application_audience(application: Application) -> dict[str, Any]:
    """``audience`` of an application's event."""
    if application.company_id is None:
        return {}
    return await audience(company_id=application.company_id, filer_id=application.resident_id,
                          codes=await codes_of(application))
