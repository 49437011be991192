"""缴费凭证 — the electronic receipt of a paid fee, rendered by services/applications/documents.py."""

from __future__ import annotations

import uuid

from app.ids import to_local
from models.payments import OrderState, PaymentOrder


async def paid_order(*, application_id: uuid.UUID) -> PaymentOrder | None:
    """The application's paid order; None while unpaid (there is no receipt yet)."""
    return await PaymentOrder.get_or_none(application_id=application_id, state=OrderState.PAID)


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d} 元"


def lines(*, order: PaymentOrder, item_name: str, department_name: str,
          acceptance_number: str | None) -> list[tuple[str, str]]:
    """What the receipt states: the order, the WeChat Pay transaction, the amount and its refunds."""
    return [("订单编号", order.out_trade_no), ("微信支付交易单号", order.transaction_id or ""),
            ("办理事项", item_name), ("收费部门", department_name), ("受理编号", acceptance_number or "—"),
            ("缴费金额", _yuan(order.amount_fen)),
            ("缴费时间", to_local(order.paid_at).strftime("%Y-%m-%d %H:%M:%S") if order.paid_at else "—"),
            ("已退款", _yuan(order.refunded_fen))]
