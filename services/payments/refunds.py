"""Refunds: requested inside the transaction of the decision that causes them, sent to WeChat Pay
after it (by the sweep, or at once for staff), finished by WeChat Pay's refund notification.

A refund is never larger than what is left of the payment: the order's ``refunded_fen`` is raised
by a guarded update (it must still hold the value read), so two concurrent requests cannot both
take the same money.
"""

from __future__ import annotations

import secrets
import uuid

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from app.errors import AppError, Conflict, ValidationFailed
from app.ids import utcnow
from models.payments import OrderState, PaymentOrder, PaymentRefund, RefundState
from services import ledger, outbox
from services.events import EventType
from wechat.pay import WeChatPayClient, WeChatPayError, WeChatPayUnavailable


class RefundExceedsPayment(ValidationFailed):
    code, message = "REFUND_EXCEEDS_PAYMENT", "退款金额超过可退金额"


class PaymentNotRefundable(Conflict):
    code, message = "PAYMENT_NOT_REFUNDABLE", "该订单未支付或已全额退款"


class RefundChanged(Conflict):
    code, message = "REFUND_CONCURRENT", "该订单正在退款，请刷新后重试"


def notify_url(public_base_url: str) -> str:
    return f"{public_base_url.rstrip('/')}/api/v1/payments/wechatpay/notifications"


async def request(*, order: PaymentOrder, amount_fen: int | None, reason: str,
                  requested_by: str) -> PaymentRefund:
    """Record a refund of ``amount_fen`` (all that is left when None); call inside a transaction."""
    left = order.amount_fen - order.refunded_fen
    if order.state is not OrderState.PAID or left <= 0:
        raise PaymentNotRefundable(details={"state": order.state.value, "refundable_fen": max(left, 0)})
    amount = left if amount_fen is None else amount_fen
    if amount > left:
        raise RefundExceedsPayment(details={"amount_fen": amount, "refundable_fen": left})
    if not await PaymentOrder.filter(id=order.id, refunded_fen=order.refunded_fen).update(
            refunded_fen=F("refunded_fen") + amount):
        raise RefundChanged()
    order.refunded_fen += amount
    refund = await PaymentRefund.create(order_id=order.id, amount_fen=amount, reason=reason[:80] or "退款",
                                        requested_by=requested_by,
                                        out_refund_no=f"R{order.out_trade_no[1:]}{secrets.token_hex(4)}"[:64])
    await outbox.emit(event_type=EventType.PAYMENT_REFUND_REQUESTED, aggregate_id=str(order.id), payload={
        "order_id": str(order.id), "application_id": str(order.application_id),
        "resident_id": str(order.resident_id), "refund_id": str(refund.id), "amount_fen": amount})
    return refund


async def on_application_ended(*, application_id: uuid.UUID, reason: str, actor_id: str) -> None:
    """The application ended without a grant (withdrawn, refused, denied): refund what was paid.

    Called by the lifecycle inside the transition's transaction; an unpaid order is left for the
    sweep, which closes it at WeChat Pay."""
    order = await PaymentOrder.get_or_none(application_id=application_id)
    if order is not None and order.state is OrderState.PAID and order.refunded_fen < order.amount_fen:
        await request(order=order, amount_fen=None, reason=reason or "办件终止，退还费用", requested_by=actor_id)


async def submit(*, client: WeChatPayClient, refund: PaymentRefund, public_base_url: str) -> PaymentRefund:
    """Send a requested refund to WeChat Pay (a retried out_refund_no is the same refund there)."""
    order = await PaymentOrder.get(id=refund.order_id)
    try:
        answer = await client.refund(out_trade_no=order.out_trade_no, out_refund_no=refund.out_refund_no,
                                     reason=refund.reason, refund_fen=refund.amount_fen,
                                     total_fen=order.amount_fen, notify_url=notify_url(public_base_url))
    except WeChatPayError as exc:
        await _fail(refund, f"{exc.code} {exc.message}")
    except WeChatPayUnavailable:
        return refund  # stays requested: the next sweep sends it again
    else:
        await record(out_refund_no=refund.out_refund_no, status=str(answer.get("status", "")),
                     refund_id=str(answer.get("refund_id", "")))
    await refund.refresh_from_db()
    return refund


async def record(*, out_refund_no: str, status: str, refund_id: str) -> bool:
    """Take WeChat Pay's word on a refund (its answer, query or notification); whether it changed."""
    refund = await PaymentRefund.get_or_none(out_refund_no=out_refund_no)
    if refund is None:
        raise AppError("退款单不存在", code="REFUND_UNKNOWN", status=400,
                       details={"out_refund_no": out_refund_no})
    if status == "SUCCESS":
        async with in_transaction():
            done = await PaymentRefund.filter(id=refund.id, state__in=(
                RefundState.REQUESTED, RefundState.PROCESSING)).update(
                state=RefundState.SUCCEEDED, refund_id=refund_id, succeeded_at=utcnow())
            if done:
                order = await PaymentOrder.get(id=refund.order_id)
                await outbox.emit(event_type=EventType.PAYMENT_REFUNDED, aggregate_id=str(order.id), payload={
                    "order_id": str(order.id), "application_id": str(order.application_id),
                    "resident_id": str(order.resident_id), "refund_id": str(refund.id),
                    "amount_fen": refund.amount_fen})
                await ledger.append(record_type="payment_refunded", data={
                    "order_id": str(order.id), "application_id": str(order.application_id),
                    "refund_id": str(refund.id), "amount_fen": refund.amount_fen,
                    "transaction_id": order.transaction_id, "wechatpay_refund_id": refund_id or None})
        return bool(done)
    if status in ("CLOSED", "ABNORMAL"):
        return await _fail(refund, status)
    return bool(await PaymentRefund.filter(id=refund.id, state=RefundState.REQUESTED).update(
        state=RefundState.PROCESSING, refund_id=refund_id))


async def _fail(refund: PaymentRefund, failure: str) -> bool:
    """A refund WeChat Pay refused or gave up: its amount is refundable again (staff may retry)."""
    async with in_transaction():
        failed = await PaymentRefund.filter(id=refund.id, state__in=(
            RefundState.REQUESTED, RefundState.PROCESSING)).update(state=RefundState.FAILED, failure=failure[:200])
        if failed:
            await PaymentOrder.filter(id=refund.order_id).update(
                refunded_fen=F("refunded_fen") - refund.amount_fen)
    return bool(failed)
