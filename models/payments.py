"""Fees paid through WeChat Pay: one order per application, its refunds, the daily reconciliation."""

import uuid
from enum import StrEnum

from tortoise import fields

from models.base import Entity


class OrderState(StrEnum):
    PENDING = "pending"  # placed with WeChat Pay, not paid yet
    PAID = "paid"
    CLOSED = "closed"  # closed unpaid (the application ended first)


class PaymentOrder(Entity):
    """缴费订单 — the fee of one application, paid once through a WeChat Pay JSAPI order."""

    # One order per application: paying twice is impossible by construction.
    application_id: uuid.UUID
    application = fields.OneToOneField("models.Application", related_name="payment",
                                       on_delete=fields.RESTRICT)
    resident_id: uuid.UUID
    resident = fields.ForeignKeyField("models.User", related_name="payments", on_delete=fields.RESTRICT)
    department_id = fields.UUIDField(db_index=True)  # copied from the application: staff scope is one filter
    out_trade_no = fields.CharField(max_length=32, unique=True)
    description = fields.CharField(max_length=127)
    amount_fen = fields.IntField()
    state = fields.CharEnumField(OrderState, max_length=8, default=OrderState.PENDING, db_index=True)
    payer_openid = fields.CharField(max_length=128)
    prepay_id = fields.CharField(max_length=64, null=True)
    prepay_expires_at = fields.DatetimeField(null=True)
    transaction_id = fields.CharField(max_length=32, null=True, unique=True)
    paid_at = fields.DatetimeField(null=True)
    refunded_fen = fields.IntField(default=0)  # refunds requested so far (never above amount_fen)
    last_queried_at = fields.DatetimeField(null=True)  # the sweep's last order query

    class Meta:
        table = "payment_orders"


class RefundState(StrEnum):
    REQUESTED = "requested"  # written with the decision; not yet sent to WeChat Pay
    PROCESSING = "processing"  # accepted by WeChat Pay
    SUCCEEDED = "succeeded"
    FAILED = "failed"  # refused by WeChat Pay (details in failure)


class PaymentRefund(Entity):
    """退款 — money given back on an order: on withdrawal, refusal or denial, or by staff."""

    order_id: uuid.UUID
    order = fields.ForeignKeyField("models.PaymentOrder", related_name="refunds", on_delete=fields.RESTRICT)
    out_refund_no = fields.CharField(max_length=64, unique=True)
    amount_fen = fields.IntField()
    reason = fields.CharField(max_length=80)
    requested_by = fields.CharField(max_length=64)
    state = fields.CharEnumField(RefundState, max_length=10, default=RefundState.REQUESTED, db_index=True)
    refund_id = fields.CharField(max_length=32, null=True)
    failure = fields.CharField(max_length=200, default="")
    succeeded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "payment_refunds"


class Reconciliation(Entity):
    """对账 — one day's trade bill compared with our orders and refunds."""

    bill_date = fields.DateField(unique=True)
    bill_sha1 = fields.CharField(max_length=40)
    bill_rows = fields.IntField()
    matched = fields.IntField()
    # [{"kind", "out_trade_no", "out_refund_no", "ours_fen", "theirs_fen"}], for staff to resolve.
    mismatches = fields.JSONField(default=list)

    class Meta:
        table = "payment_reconciliations"
