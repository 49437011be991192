"""Response shapes of payments: the order, the ``wx.requestPayment`` parameters, refunds, reconciliation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from app.shapes import LocalDateTime, Schema
from models.payments import OrderState, PaymentOrder, PaymentRefund, Reconciliation, RefundState


class RequestPayment(Schema):
    """Pass these, unchanged, to ``wx.requestPayment`` (signType RSA, signed by the merchant key)."""

    appId: str  # noqa: N815 - wx.requestPayment's own names
    timeStamp: str  # noqa: N815
    nonceStr: str  # noqa: N815
    package: str
    signType: Literal["RSA"]  # noqa: N815
    paySign: str  # noqa: N815


class RefundOut(Schema):
    id: str
    out_refund_no: str
    amount_fen: int
    reason: str
    state: RefundState
    failure: str
    created_at: LocalDateTime
    succeeded_at: LocalDateTime | None

    @classmethod
    def of(cls, refund: PaymentRefund) -> RefundOut:
        return cls(id=str(refund.id), out_refund_no=refund.out_refund_no, amount_fen=refund.amount_fen,
                   reason=refund.reason, state=refund.state, failure=refund.failure,
                   created_at=refund.created_at, succeeded_at=refund.succeeded_at)


class PaymentOut(Schema):
    """An application's fee order: what it costs, whether it is paid, what was refunded."""

    id: str
    application_id: str
    out_trade_no: str
    description: str
    amount_fen: int
    state: OrderState
    transaction_id: str | None
    paid_at: LocalDateTime | None
    refunded_fen: int
    refunds: list[RefundOut]
    request_payment: RequestPayment | None = Field(
        None, description="待支付时：传给 wx.requestPayment 的参数（每次请求重新签名）")

    @classmethod
    def of(cls, order: PaymentOrder, refunds: list[PaymentRefund],
           request_payment: dict[str, str] | None = None) -> PaymentOut:
        return cls(id=str(order.id), application_id=str(order.application_id), out_trade_no=order.out_trade_no,
                   description=order.description, amount_fen=order.amount_fen, state=order.state,
                   transaction_id=order.transaction_id, paid_at=order.paid_at, refunded_fen=order.refunded_fen,
                   refunds=[RefundOut.of(r) for r in refunds],
                   request_payment=RequestPayment(**request_payment) if request_payment else None)  # type: ignore[arg-type]


class Mismatch(Schema):
    kind: Literal["paid_only_at_wechatpay", "paid_only_here", "amount_differs",
                  "refund_only_at_wechatpay", "refund_only_here", "refund_amount_differs"]
    out_trade_no: str
    out_refund_no: str | None
    ours_fen: int | None
    theirs_fen: int | None


class ReconciliationOut(Schema):
    """One day's comparison of the WeChat Pay trade bill with our records."""

    bill_date: date
    bill_sha1: str
    bill_rows: int
    matched: int
    mismatches: list[Mismatch]
    reconciled_at: datetime

    @classmethod
    def of(cls, run: Reconciliation) -> ReconciliationOut:
        return cls(bill_date=run.bill_date, bill_sha1=run.bill_sha1, bill_rows=run.bill_rows, matched=run.matched,
                   mismatches=[Mismatch(**m) for m in run.mismatches], reconciled_at=run.updated_at)
