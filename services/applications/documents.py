"""PDF documents of the one window: acceptance receipt, decision notice, certificate.

Each carries a QR code of its public verification URL and is printed by ``pdf.render``: an
embedded CJK font subset, a seal area, PDF/A-2b; the same content gives the same bytes.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from app.context import Runtime
from app.errors import NotFoundError
from app.ids import to_local, utcnow
from app.shapes import Schema, parse_id
from models.catalog import ServiceItem
from models.onewindow import ECertificate
from models.organization import Department, Hall
from models.prereview import Application, ApplicationState
from services.applications import pdf

DECIDED = (ApplicationState.APPROVED, ApplicationState.DENIED, ApplicationState.CERTIFICATE_MADE,
           ApplicationState.ISSUED)
ACCEPTED_OR_LATER = (ApplicationState.ACCEPTED, ApplicationState.APPROVING, ApplicationState.SUSPENDED,
                     *DECIDED)


class DocumentKind(StrEnum):
    ACCEPTANCE_RECEIPT = "acceptance-receipt"  # 受理回执
    DECISION_NOTICE = "decision-notice"  # 决定书


class DocumentNotAvailable(NotFoundError):
    code, message = "DOCUMENT_NOT_AVAILABLE", "该办件尚无此文书"


class Verification(Schema):
    """What anyone holding a document may check: no personal data, only what the paper states."""

    kind: Literal["acceptance-receipt", "decision-notice", "certificate"]
    valid: bool
    item_name: str
    department_name: str
    acceptance_number: str | None
    issued_on: str | None
    decision: Literal["approved", "denied"] | None
    status: str


def verification_url(rt: Runtime, kind: str, document_id: str) -> str:
    return f"{rt.settings.public_base_url}/api/v1/documents/{kind}/{document_id}/verification"


def _render(title: str, lines: list[tuple[str, str]], url: str, *, issuer: str,
            issued_at: datetime | None) -> bytes:
    return pdf.render(pdf.Layout(title=title, number=lines[0][1], issuer=issuer,
                                 issued_at=issued_at or utcnow(), qr_payload=url, fields=lines))


def _local_day(moment) -> str:
    return to_local(moment).date().isoformat() if moment else "—"


async def _context(application: Application) -> tuple[ServiceItem, Department, Hall | None]:
    item = await ServiceItem.get(id=application.item_id)
    department = await Department.get(id=application.department_id)
    hall = await Hall.get_or_none(id=application.hall_id) if application.hall_id else None
    return item, department, hall


async def render(*, rt: Runtime, application: Application, kind: DocumentKind) -> bytes:
    """The document as PDF bytes, once the application has reached the step that issues it."""
    item, department, hall = await _context(application)
    url = verification_url(rt, kind.value, str(application.id))
    if kind is DocumentKind.ACCEPTANCE_RECEIPT:
        if application.state not in ACCEPTED_OR_LATER:
            raise DocumentNotAvailable(details={"kind": kind.value, "state": application.state.value})
        return _render("受理回执", [
            ("受理编号", application.acceptance_number or ""), ("办理事项", item.name),
            ("承办部门", department.name), ("受理大厅", hall.name if hall else "—"),
            ("受理日期", _local_day(application.accepted_at)),
            ("承诺办结日期", application.due_date.isoformat() if application.due_date else "—"),
        ], url, issuer=hall.name if hall else department.name, issued_at=application.accepted_at)
    if application.state not in DECIDED:
        raise DocumentNotAvailable(details={"kind": kind.value, "state": application.state.value})
    granted = application.state is not ApplicationState.DENIED
    return _render("准予许可决定书" if granted else "不予许可决定书", [
        ("受理编号", application.acceptance_number or ""), ("办理事项", item.name),
        ("决定机关", department.name), ("决定", "准予许可" if granted else "不予许可"),
        ("决定日期", _local_day(application.decided_at)),
    ], url, issuer=department.name, issued_at=application.decided_at)


def render_certificate(*, rt: Runtime, certificate: ECertificate, item_name: str,
                       issuer_name: str) -> bytes:
    """The e-certificate's own document, as stored in the wallet."""
    return _render(certificate.name, [
        ("证照编号", certificate.number), ("事项", item_name), ("发证机关", issuer_name),
        ("有效期自", certificate.valid_from.isoformat()),
        ("有效期至", certificate.valid_until.isoformat() if certificate.valid_until else "长期"),
    ], verification_url(rt, "certificate", str(certificate.id)), issuer=issuer_name,
        issued_at=certificate.created_at)


async def verify(*, kind: str, document_id: str) -> Verification:
    """The public check behind an application document's QR code; unknown ones answer 404."""
    parsed = parse_id(document_id)
    application = await Application.get_or_none(id=parsed) if parsed else None
    wanted = ACCEPTED_OR_LATER if kind == DocumentKind.ACCEPTANCE_RECEIPT else DECIDED
    if application is None or kind not in set(DocumentKind) or application.state not in wanted:
        raise DocumentNotAvailable(details={"kind": kind})
    item, department, _ = await _context(application)
    decision = None
    if kind == DocumentKind.DECISION_NOTICE:
        decision = "denied" if application.state is ApplicationState.DENIED else "approved"
    issued = application.accepted_at if kind == DocumentKind.ACCEPTANCE_RECEIPT else application.decided_at
    return Verification(kind=kind, valid=True, item_name=item.name, department_name=department.name,
                        acceptance_number=application.acceptance_number, issued_on=_local_day(issued),
                        decision=decision, status=application.state.value)
