"""缴费凭证 — the electronic receipt of a paid fee, issued as a document when the order is paid."""

from __future__ import annotations

from app.context import Runtime
from models.documents import DocumentKind, IssuedDocument
from models.payments import PaymentOrder
from models.prereview import Application
from services.applications import documents, pdf


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d} 元"


def layout(who: documents.Parties, *, order: PaymentOrder, acceptance_number: str | None) -> pdf.Layout:
    """What the receipt states: the payer, the item, the order, the WeChat Pay transaction and the amount."""
    assert order.paid_at is not None  # issued only once the order is paid
    return pdf.Layout(
        title="缴费凭证", number=f"订单编号：{order.out_trade_no}", issuer=who.department.name,
        issued_at=order.paid_at, addressee=who.applicant,
        fields=[("缴费人", who.applicant), ("办理事项", who.item.name), ("收费部门", who.department.name),
                ("受理编号", acceptance_number or "—"), ("订单编号", order.out_trade_no),
                ("微信支付交易单号", order.transaction_id or "—"), ("缴费金额", _yuan(order.amount_fen)),
                ("缴费时间", f"{documents.local_time(order.paid_at)}")])


async def issue(rt: Runtime, issuing: documents.Issuing, *, order: PaymentOrder,
                application: Application) -> IssuedDocument:
    """Issue the receipt inside the transaction that records the payment; its number is the order's."""
    who = await documents.parties(rt, application)
    return await issuing.issue(document_id=order.id, kind=DocumentKind.PAYMENT_RECEIPT, number=order.out_trade_no,
                               layout=layout(who, order=order, acceptance_number=application.acceptance_number),
                               department_id=application.department_id, application_id=application.id)
