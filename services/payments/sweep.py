"""``payments-sweep``: what notifications may have missed. Unpaid orders are queried (paid, or
closed once their application ended), requested refunds are sent, refunds under way are queried."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import structlog

from app.context import Runtime
from app.ids import utcnow
from models.payments import OrderState, PaymentOrder, PaymentRefund, RefundState
from services.payments import orders, refunds
from wechat.pay import WeChatPayError, WeChatPayUnavailable

log = structlog.get_logger("services.payments.sweep")
BATCH = 200


@dataclass
class SweepResult:
    orders_queried: int = 0
    refunds_sent: int = 0
    refunds_queried: int = 0


async def sweep(*, rt: Runtime) -> SweepResult:
    """One pass; an answer WeChat Pay could not give leaves the row for the next pass."""
    result = SweepResult()
    before = utcnow() - timedelta(seconds=rt.settings.wechatpay_query_after_seconds)
    for order in await PaymentOrder.filter(state=OrderState.PENDING, created_at__lte=before).limit(BATCH):
        try:
            await orders.sync_with_wechatpay(rt=rt, order=order)
            result.orders_queried += 1
        except (WeChatPayError, WeChatPayUnavailable) as exc:
            log.warning("payment_query_failed", out_trade_no=order.out_trade_no, error=str(exc))
    for refund in await PaymentRefund.filter(state=RefundState.REQUESTED).order_by("created_at").limit(BATCH):
        await refunds.submit(client=rt.wechatpay, refund=refund, public_base_url=rt.settings.public_base_url)
        result.refunds_sent += 1
    for refund in await PaymentRefund.filter(state=RefundState.PROCESSING, updated_at__lte=before).limit(BATCH):
        try:
            answer = await rt.wechatpay.query_refund(refund.out_refund_no)
        except (WeChatPayError, WeChatPayUnavailable) as exc:
            log.warning("refund_query_failed", out_refund_no=refund.out_refund_no, error=str(exc))
            continue
        await refunds.record(out_refund_no=refund.out_refund_no, status=str(answer.get("status", "")),
                             refund_id=str(answer.get("refund_id", "")))
        result.refunds_queried += 1
    return result
