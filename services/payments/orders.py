"""A resident pays an application's fee: one JSAPI order per application, the signed
``wx.requestPayment`` parameters, and the one place an order becomes paid (``record_paid``)."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any

import structlog
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.auth import scope_filter
from app.context import Runtime
from app.errors import AppError, Conflict, NotFoundError
from app.ids import to_local, utcnow
from app.shapes import parse_id
from app.tokens import Principal
from models.catalog import ServiceItem
from models.payments import OrderState, PaymentOrder, PaymentRefund
from models.prereview import Application, ApplicationState
from models.users import ExternalIdentity, IdentityProvider
from services import ledger, outbox
from services.applications import documents
from services.applications.lifecycle import IllegalTransition
from services.applications.prereview import get_mine_or_raise
from services.events import EventType
from services.payments import receipt, refunds
from services.payments.shapes import PaymentOut
from wechat.pay import WeChatPayError, WeChatPayUnavailable

log = structlog.get_logger("services.payments")
# An application that ended cannot be paid for any more (a late payment is refunded).
ENDED = (ApplicationState.WITHDRAWN, ApplicationState.REJECTED, ApplicationState.NOT_ACCEPTED,
         ApplicationState.DENIED)


class PaymentNotRequired(Conflict):
    code, message = "PAYMENT_NOT_REQUIRED", "该事项不收费"


class PaymentAlreadyPaid(Conflict):
    code, message = "PAYMENT_ALREADY_PAID", "该办件的费用已缴纳"


class PayerOpenidMissing(Conflict):
    code, message = "PAYER_OPENID_MISSING", "请先用微信登录小程序，再在小程序中缴费"


class PaymentNotFound(NotFoundError):
    code, message = "PAYMENT_NOT_FOUND", "该办件尚无缴费订单"


class PaymentUpstreamError(AppError):
    status, code, message = 502, "PAYMENT_UPSTREAM_ERROR", "微信支付暂时不可用，请稍后再试"


class PaymentAmountMismatch(AppError):
    status, code, message = 400, "PAYMENT_AMOUNT_MISMATCH", "支付金额与订单金额不符"


class PaymentOrderUnknown(AppError):
    status, code, message = 400, "PAYMENT_ORDER_UNKNOWN", "通知中的订单不存在"


async def _payer_openid(rt: Runtime, resident_id: uuid.UUID) -> str:
    identity = await ExternalIdentity.get_or_none(user_id=resident_id, provider=IdentityProvider.WECHAT_MINIPROGRAM,
                                                  app_id=rt.settings.wechat_miniprogram_app_id)
    if identity is None:
        raise PayerOpenidMissing()
    return identity.subject


async def _open_order(rt: Runtime, application: Application) -> PaymentOrder:
    """The application's order, created on first call (one per application, under any concurrency)."""
    order = await PaymentOrder.get_or_none(application_id=application.id)
    if order is not None:
        return order
    item = await ServiceItem.get(id=application.item_id)
    if item.fee_fen <= 0:
        raise PaymentNotRequired(details={"item_id": str(item.id)})
    openid = await _payer_openid(rt, application.resident_id)
    try:
        return await PaymentOrder.create(
            application_id=application.id, resident_id=application.resident_id,
            department_id=application.department_id, amount_fen=item.fee_fen, payer_openid=openid,
            description=f"海淀通-{item.name}"[:127],
            out_trade_no=f"H{to_local(utcnow()):%Y%m%d}{secrets.token_hex(8).upper()}")
    except IntegrityError:
        return await PaymentOrder.get(application_id=application.id)  # a concurrent first call won


async def pay(*, rt: Runtime, resident_id: uuid.UUID, application_id: str) -> PaymentOut:
    """The fee order of one of the resident's applications, with fresh ``wx.requestPayment``
    parameters while it is unpaid. Calling again never makes a second order."""
    application = await get_mine_or_raise(resident_id=resident_id, application_id=application_id)
    order = await _open_order(rt, application)
    if order.state is OrderState.PAID:
        raise PaymentAlreadyPaid(details={"order_id": str(order.id)})
    if order.state is OrderState.CLOSED or application.state in ENDED:
        raise IllegalTransition(details={"state": application.state.value, "action": "pay"})
    now = utcnow()
    if order.prepay_id is None or order.prepay_expires_at is None or order.prepay_expires_at <= now:
        expires = now + timedelta(minutes=rt.settings.wechatpay_order_expire_minutes)
        try:
            # Placing the same out_trade_no again with the same amount and payer gives a new prepay id.
            prepay_id = await rt.wechatpay.jsapi_order(
                out_trade_no=order.out_trade_no, description=order.description, amount_fen=order.amount_fen,
                openid=order.payer_openid, notify_url=refunds.notify_url(rt.settings.public_base_url),
                time_expire=to_local(expires).isoformat(timespec="seconds"))
        except WeChatPayError as exc:
            if exc.code == "ORDERPAID":
                await sync_with_wechatpay(rt=rt, order=order)
                raise PaymentAlreadyPaid(details={"order_id": str(order.id)}) from exc
            raise PaymentUpstreamError(details={"code": exc.code}) from exc
        except WeChatPayUnavailable as exc:
            raise PaymentUpstreamError() from exc
        await PaymentOrder.filter(id=order.id).update(prepay_id=prepay_id, prepay_expires_at=expires)
        order.prepay_id, order.prepay_expires_at = prepay_id, expires
    return PaymentOut.of(order, [], rt.wechatpay.request_payment(order.prepay_id))


async def get_mine(*, resident_id: uuid.UUID, application_id: str) -> PaymentOut:
    """The fee order of one of the resident's applications (404 before the first payment attempt)."""
    application = await get_mine_or_raise(resident_id=resident_id, application_id=application_id)
    return await _shape(await PaymentOrder.get_or_none(application_id=application.id), application_id)


async def get_for_staff(*, principal: Principal, order_id: str) -> PaymentOrder:
    """An order of a department the caller administers; others answer 404 like unknown ids."""
    parsed = parse_id(order_id)
    scope = scope_filter(principal, "admin", hall_field="application__hall_id")
    order = await PaymentOrder.filter(scope, id=parsed).first() if parsed else None
    if order is None:
        raise PaymentNotFound(details={"order_id": order_id})
    return order


async def _shape(order: PaymentOrder | None, reference: str) -> PaymentOut:
    if order is None:
        raise PaymentNotFound(details={"application_id": reference})
    return PaymentOut.of(order, await PaymentRefund.filter(order_id=order.id).order_by("created_at"))


async def record_paid(*, rt: Runtime, transaction: dict[str, Any]) -> bool:
    """Take WeChat Pay's word that an order is paid (notification or query); whether it changed.
    The receipt (缴费凭证) is issued in the same transaction.

    Refused, the order unchanged: an unknown order, another merchant's, or an amount that differs
    from the order's. Paid for an application that already ended: refunded at once."""
    order = await PaymentOrder.get_or_none(out_trade_no=str(transaction.get("out_trade_no", "")))
    if (order is None or transaction.get("mchid") != rt.settings.wechatpay_mch_id
            or transaction.get("appid") != rt.settings.wechat_miniprogram_app_id):
        raise PaymentOrderUnknown(details={"out_trade_no": str(transaction.get("out_trade_no", ""))})
    if transaction.get("trade_state") != "SUCCESS":
        return False
    total = (transaction.get("amount") or {}).get("total")
    if total != order.amount_fen:
        log.error("payment_amount_mismatch", out_trade_no=order.out_trade_no, order_fen=order.amount_fen,
                  stated_fen=total)
        raise PaymentAmountMismatch(details={"out_trade_no": order.out_trade_no, "amount_fen": order.amount_fen,
                                             "stated_fen": total})
    async with documents.Issuing(rt) as issuing, in_transaction():
        changed = await PaymentOrder.filter(id=order.id, state__in=(OrderState.PENDING, OrderState.CLOSED)).update(
            state=OrderState.PAID, transaction_id=str(transaction.get("transaction_id", "")), paid_at=utcnow())
        if not changed:
            return False
        await order.refresh_from_db()
        await outbox.emit(event_type=EventType.PAYMENT_PAID, aggregate_id=str(order.id), payload={
            "order_id": str(order.id), "application_id": str(order.application_id),
            "resident_id": str(order.resident_id), "amount_fen": order.amount_fen})
        application = await Application.get(id=order.application_id)
        await receipt.issue(rt, issuing, order=order, application=application)
        if application.state in ENDED:
            await refunds.request(order=order, amount_fen=None, reason="办件已终止，退还费用",
                                  requested_by="wechatpay")
        await ledger.append(record_type="payment_paid", data={
            "order_id": str(order.id), "application_id": str(order.application_id),
            "amount_fen": order.amount_fen, "transaction_id": order.transaction_id})
    return True


async def sync_with_wechatpay(*, rt: Runtime, order: PaymentOrder) -> None:
    """Ask WeChat Pay about an unpaid order (the notification may be lost): paid, or closed when
    its application ended meanwhile."""
    answer = await rt.wechatpay.query_order(order.out_trade_no)
    await PaymentOrder.filter(id=order.id).update(last_queried_at=utcnow())
    if answer.get("trade_state") in ("SUCCESS", "REFUND"):
        await record_paid(rt=rt, transaction={**answer, "trade_state": "SUCCESS"})
        return
    application = await Application.get(id=order.application_id)
    if answer.get("trade_state") == "CLOSED" or application.state in ENDED:
        if answer.get("trade_state") != "CLOSED":
            await rt.wechatpay.close_order(order.out_trade_no)
        await PaymentOrder.filter(id=order.id, state=OrderState.PENDING).update(state=OrderState.CLOSED)


async def refund_by_staff(*, rt: Runtime, principal: Principal, order_id: str, amount_fen: int,
                          reason: str) -> PaymentOut:
    """A refund a department admin decides (part or all of what is left), sent to WeChat Pay at once."""
    order = await get_for_staff(principal=principal, order_id=order_id)
    async with in_transaction():
        refund = await refunds.request(order=order, amount_fen=amount_fen, reason=reason,
                                       requested_by=str(principal.subject_id))
    await refunds.submit(client=rt.wechatpay, refund=refund, public_base_url=rt.settings.public_base_url)
    await order.refresh_from_db()
    return await _shape(order, order_id)
