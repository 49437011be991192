"""对账: one day's WeChat Pay trade bill against our paid orders and refunds, mismatches kept for staff.

The bill lists payments (交易状态 SUCCESS) and refunds (REFUND) by the day WeChat Pay recorded them,
in Beijing time, amounts in yuan. A day reconciled again replaces its earlier result.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError, ValidationFailed
from app.ids import utcnow
from models.payments import OrderState, PaymentOrder, PaymentRefund, Reconciliation, RefundState
from services import ledger
from services.payments.orders import PaymentUpstreamError
from services.payments.shapes import ReconciliationOut
from wechat.pay import WeChatPayError, WeChatPayUnavailable

SHANGHAI = ZoneInfo("Asia/Shanghai")


class ReconciliationNotFound(AppError):
    status, code, message = 404, "RECONCILIATION_NOT_FOUND", "该日尚未对账"


def parse_bill_date(value: str) -> date:
    """A bill date from a path (YYYY-MM-DD)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationFailed("账单日期应为 YYYY-MM-DD", code="BILL_DATE_INVALID",
                               details={"bill_date": value[:20]}) from None


def _fen(yuan: str) -> int:
    whole, _, cents = yuan.partition(".")
    return int(whole) * 100 + int((cents + "00")[:2])


def parse_bill(text: str) -> tuple[dict[str, int], dict[str, tuple[str, int]], int]:
    """Payments (out_trade_no → fen), refunds (out_refund_no → (out_trade_no, fen)) and the row count."""
    lines = [line for line in text.splitlines() if line.strip()]
    header = lines[0].split(",")
    payments: dict[str, int] = {}
    bill_refunds: dict[str, tuple[str, int]] = {}
    rows = 0
    for line in lines[1:]:
        if not line.startswith("`"):
            break  # the totals' header: the rows are over
        row = dict(zip(header, (value.lstrip("`") for value in line.split(",")), strict=False))
        rows += 1
        if row["交易状态"] == "SUCCESS":
            payments[row["商户订单号"]] = _fen(row["应结订单总金额"])
        elif row["交易状态"] == "REFUND":
            bill_refunds[row["商户退款单号"]] = (row["商户订单号"], _fen(row["退款金额"]))
    return payments, bill_refunds, rows


def _mismatch(kind: str, out_trade_no: str, out_refund_no: str | None, ours: int | None,
              theirs: int | None) -> dict[str, Any]:
    return {"kind": kind, "out_trade_no": out_trade_no, "out_refund_no": out_refund_no, "ours_fen": ours,
            "theirs_fen": theirs}


def _compare(ours: dict[str, int], theirs: dict[str, int], kinds: tuple[str, str, str],
             trade_of: dict[str, str]) -> tuple[int, list[dict[str, Any]]]:
    matched, mismatches = 0, []
    only_theirs, only_ours, differs = kinds
    refund_side = kinds[0].startswith("refund")
    for key in sorted(set(ours) | set(theirs)):
        trade, refund_no = (trade_of.get(key, ""), key) if refund_side else (key, None)
        if key not in ours:
            mismatches.append(_mismatch(only_theirs, trade, refund_no, None, theirs[key]))
        elif key not in theirs:
            mismatches.append(_mismatch(only_ours, trade, refund_no, ours[key], None))
        elif ours[key] != theirs[key]:
            mismatches.append(_mismatch(differs, trade, refund_no, ours[key], theirs[key]))
        else:
            matched += 1
    return matched, mismatches


async def reconcile(*, rt: Runtime, bill_date: date) -> ReconciliationOut:
    """Download the day's bill, compare, and keep the result (replacing the day's earlier one)."""
    try:
        text = await rt.wechatpay.trade_bill(bill_date.isoformat())
    except WeChatPayError as exc:
        raise PaymentUpstreamError(details={"code": exc.code, "message": exc.message}) from exc
    except WeChatPayUnavailable as exc:
        raise PaymentUpstreamError() from exc
    paid_there, refunded_there, rows = parse_bill(text)
    # In UTC, as stored: SQLite compares the text, and a +08:00 bound would miss the evening (UTC) before.
    start = datetime.combine(bill_date, time(), SHANGHAI).astimezone(UTC)
    day = {"__gte": start, "__lt": start + timedelta(days=1)}
    paid_here = {o.out_trade_no: o.amount_fen for o in await PaymentOrder.filter(
        state=OrderState.PAID, **{f"paid_at{k}": v for k, v in day.items()})}
    refunds_here = await PaymentRefund.filter(
        state=RefundState.SUCCEEDED, **{f"succeeded_at{k}": v for k, v in day.items()}).select_related("order")
    trade_of = {r.out_refund_no: r.order.out_trade_no for r in refunds_here}
    trade_of.update({no: trade for no, (trade, _) in refunded_there.items()})
    matched_payments, payment_mismatches = _compare(
        paid_here, paid_there, ("paid_only_at_wechatpay", "paid_only_here", "amount_differs"), {})
    matched_refunds, refund_mismatches = _compare(
        {r.out_refund_no: r.amount_fen for r in refunds_here},
        {no: fen for no, (_, fen) in refunded_there.items()},
        ("refund_only_at_wechatpay", "refund_only_here", "refund_amount_differs"), trade_of)
    values = {"bill_sha1": hashlib.sha1(text.encode()).hexdigest(), "bill_rows": rows,
              "matched": matched_payments + matched_refunds,
              "mismatches": payment_mismatches + refund_mismatches}
    async with in_transaction():
        run, created = await Reconciliation.get_or_create(bill_date=bill_date, defaults=values)
        if not created:
            await Reconciliation.filter(id=run.id).update(**values, updated_at=utcnow())
            await run.refresh_from_db()
        await ledger.append(record_type="payment_reconciled", data={
            "bill_date": bill_date.isoformat(), "bill_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "bill_rows": rows, "matched": run.matched, "mismatches": len(run.mismatches)})
    return ReconciliationOut.of(run)


async def get(*, bill_date: date) -> ReconciliationOut:
    """The day's last reconciliation."""
    run = await Reconciliation.get_or_none(bill_date=bill_date)
    if run is None:
        raise ReconciliationNotFound(details={"bill_date": bill_date.isoformat()})
    return ReconciliationOut.of(run)
