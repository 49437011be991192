"""PDF documents of the one window: acceptance receipt, decision notice, certificate.

Each carries a QR code of its public verification URL. Text uses the PDF standard CJK font
STSong-Light (Adobe-GB1), which viewers provide, so no font file ships with the service; the
documents are built deterministically (``invariant``) so the same content gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import datetime
from enum import StrEnum
from typing import Literal

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from app.context import Runtime
from app.errors import NotFoundError
from app.ids import to_local
from app.shapes import Schema, parse_id
from models.catalog import ServiceItem
from models.onewindow import ECertificate
from models.organization import Department, Hall
from models.prereview import Application, ApplicationState
from services.payments import receipt

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
_QR_SIZE = 32 * mm
DECIDED = (ApplicationState.APPROVED, ApplicationState.DENIED, ApplicationState.CERTIFICATE_MADE,
           ApplicationState.ISSUED)
ACCEPTED_OR_LATER = (ApplicationState.ACCEPTED, ApplicationState.APPROVING, ApplicationState.SUSPENDED,
                     *DECIDED)


class DocumentKind(StrEnum):
    ACCEPTANCE_RECEIPT = "acceptance-receipt"  # 受理回执
    DECISION_NOTICE = "decision-notice"  # 决定书
    PAYMENT_RECEIPT = "payment-receipt"  # 缴费凭证 (services/payments/receipt.py)


class DocumentNotAvailable(NotFoundError):
    code, message = "DOCUMENT_NOT_AVAILABLE", "该办件尚无此文书"


class Verification(Schema):
    """What anyone holding a document may check: no personal data, only what the paper states."""

    kind: Literal["acceptance-receipt", "decision-notice", "certificate", "payment-receipt"]
    valid: bool
    item_name: str
    department_name: str
    acceptance_number: str | None
    issued_on: str | None
    decision: Literal["approved", "denied"] | None
    status: str


def verification_url(rt: Runtime, kind: str, document_id: str) -> str:
    return f"{rt.settings.public_base_url}/api/v1/documents/{kind}/{document_id}/verification"


def _render(title: str, lines: list[tuple[str, str]], url: str) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setTitle(title)
    width, height = A4
    page.setFont(FONT, 20)
    page.drawCentredString(width / 2, height - 30 * mm, title)
    page.setFont(FONT, 12)
    y = height - 50 * mm
    for label, value in lines:
        page.drawString(25 * mm, y, f"{label}：{value}")
        y -= 9 * mm
    widget = QrCodeWidget(url)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(_QR_SIZE, _QR_SIZE,
                      transform=[_QR_SIZE / (right - left), 0, 0, _QR_SIZE / (top - bottom), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, page, width - 25 * mm - _QR_SIZE, 25 * mm)
    page.drawString(25 * mm, 30 * mm, "扫描右侧二维码核验本文书真伪")
    page.showPage()
    page.save()
    return buffer.getvalue()


def _local_day(moment: datetime | None) -> str:
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
    if kind is DocumentKind.PAYMENT_RECEIPT:
        order = await receipt.paid_order(application_id=application.id)
        if order is None:
            raise DocumentNotAvailable(details={"kind": kind.value, "state": application.state.value})
        return _render("缴费凭证", receipt.lines(order=order, item_name=item.name, department_name=department.name,
                                             acceptance_number=application.acceptance_number), url)
    if kind is DocumentKind.ACCEPTANCE_RECEIPT:
        if application.state not in ACCEPTED_OR_LATER:
            raise DocumentNotAvailable(details={"kind": kind.value, "state": application.state.value})
        return _render("受理回执", [
            ("受理编号", application.acceptance_number or ""), ("办理事项", item.name),
            ("承办部门", department.name), ("受理大厅", hall.name if hall else "—"),
            ("受理日期", _local_day(application.accepted_at)),
            ("承诺办结日期", application.due_date.isoformat() if application.due_date else "—"),
        ], url)
    if application.state not in DECIDED:
        raise DocumentNotAvailable(details={"kind": kind.value, "state": application.state.value})
    granted = application.state is not ApplicationState.DENIED
    return _render("准予许可决定书" if granted else "不予许可决定书", [
        ("受理编号", application.acceptance_number or ""), ("办理事项", item.name),
        ("决定机关", department.name), ("决定", "准予许可" if granted else "不予许可"),
        ("决定日期", _local_day(application.decided_at)),
    ], url)


def render_certificate(*, rt: Runtime, certificate: ECertificate, item_name: str,
                       issuer_name: str) -> bytes:
    """The e-certificate's own document, as stored in the wallet."""
    return _render(certificate.name, [
        ("证照编号", certificate.number), ("事项", item_name), ("发证机关", issuer_name),
        ("有效期自", certificate.valid_from.isoformat()),
        ("有效期至", certificate.valid_until.isoformat() if certificate.valid_until else "长期"),
    ], verification_url(rt, "certificate", str(certificate.id)))


async def verify(*, kind: str, document_id: str) -> Verification:
    """The public check behind an application document's QR code; unknown ones answer 404."""
    parsed = parse_id(document_id)
    application = await Application.get_or_none(id=parsed) if parsed else None
    if application is not None and kind == DocumentKind.PAYMENT_RECEIPT:
        return await _verify_receipt(application)
    wanted = ACCEPTED_OR_LATER if kind == DocumentKind.ACCEPTANCE_RECEIPT else DECIDED
    if application is None or kind not in set(DocumentKind) or application.state not in wanted:
        raise DocumentNotAvailable(details={"kind": kind})
    item, department, _ = await _context(application)
    decision: Literal["approved", "denied"] | None = None
    if kind == DocumentKind.DECISION_NOTICE:
        decision = "denied" if application.state is ApplicationState.DENIED else "approved"
    issued = application.accepted_at if kind == DocumentKind.ACCEPTANCE_RECEIPT else application.decided_at
    # The ignore: kind is one of DocumentKind (checked above), which the shape lists as literals.
    return Verification(kind=kind, valid=True, item_name=item.name,  # type: ignore[arg-type]
                        department_name=department.name,
                        acceptance_number=application.acceptance_number, issued_on=_local_day(issued),
                        decision=decision, status=application.state.value)


async def _verify_receipt(application: Application) -> Verification:
    order = await receipt.paid_order(application_id=application.id)
    if order is None:
        raise DocumentNotAvailable(details={"kind": DocumentKind.PAYMENT_RECEIPT.value})
    item, department, _ = await _context(application)
    return Verification(kind="payment-receipt", valid=True, item_name=item.name, department_name=department.name,
                        acceptance_number=application.acceptance_number, issued_on=_local_day(order.paid_at),
                        decision=None, status="refunded" if order.refunded_fen >= order.amount_fen else "paid")
