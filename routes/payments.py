"""Fees through WeChat Pay: a resident pays an application's fee; WeChat Pay's notifications; staff
refunds and the daily reconciliation (docs/payments.md)."""

from __future__ import annotations

from datetime import date

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from app.api import endpoint, respond
from app.auth import public, resident_required, staff_required
from app.shapes import Schema
from services.applications.lifecycle import IllegalTransition
from services.applications.prereview import ApplicationNotFound
from services.payments import notifications, orders, reconciliation, refunds
from services.payments.shapes import PaymentOut, ReconciliationOut

bp = Blueprint("payments", url_prefix="/api/v1")
TAG = "缴费（微信支付）"
DESK_TAG = "缴费（工作人员）"


class RefundIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"amount_fen": 100, "reason": "多收费用退还"}]})

    amount_fen: int = Field(ge=1, description="退款金额（分），不超过已付未退的金额")
    reason: str = Field(min_length=1, max_length=80, description="退款原因（微信支付退款单上显示）")


class ReconcileIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"bill_date": "2026-12-04"}]})

    bill_date: date = Field(description="账单日期（北京时间）")


@bp.post("/applications/<application_id>/payment")
@endpoint(summary="缴纳办件费用：下单（每个办件只有一个订单，重复调用返回同一订单）并返回 wx.requestPayment 参数",
          tag=TAG, response=PaymentOut, secured=True,
          errors=[ApplicationNotFound, IllegalTransition, orders.PaymentNotRequired, orders.PaymentAlreadyPaid,
                  orders.PayerOpenidMissing, orders.PaymentUpstreamError])
@resident_required
async def pay(request: Request, application_id: str) -> HTTPResponse:
    return respond(await orders.pay(rt=request.app.ctx.runtime, resident_id=request.ctx.principal.subject_id,
                                    application_id=application_id))


@bp.get("/applications/<application_id>/payment")
@endpoint(summary="办件的缴费订单：金额、状态、退款", tag=TAG, response=PaymentOut, secured=True,
          errors=[ApplicationNotFound, orders.PaymentNotFound])
@resident_required
async def get_payment(request: Request, application_id: str) -> HTTPResponse:
    return respond(await orders.get_mine(resident_id=request.ctx.principal.subject_id,
                                         application_id=application_id))


@bp.post("/payments/wechatpay/notifications")
@openapi.response(204, description="已处理（微信支付不再重发）")
@endpoint(summary="微信支付通知（支付成功、退款结果）：验证平台签名、防重放、AES-256-GCM 解密", tag=TAG,
          status=204, errors=[notifications.NotificationSignatureInvalid, notifications.NotificationReplayed,
                              notifications.NotificationMalformed, orders.PaymentAmountMismatch,
                              orders.PaymentOrderUnknown, (400, "REFUND_UNKNOWN"), refunds.RefundChanged])
@public
async def notify(request: Request) -> HTTPResponse:
    await notifications.handle(rt=request.app.ctx.runtime, headers=request.headers, body=request.body or b"")
    return HTTPResponse(status=204)


@bp.post("/desk/payments/<order_id>/refunds")
@endpoint(summary="退款（部分或全部；不超过已付未退金额），立即提交微信支付", tag=DESK_TAG, body=RefundIn,
          response=PaymentOut, secured=True,
          errors=[orders.PaymentNotFound, refunds.RefundExceedsPayment, refunds.PaymentNotRefundable,
                  refunds.RefundChanged])
@staff_required("admin", scope="department")
async def refund(request: Request, order_id: str, body: RefundIn) -> HTTPResponse:
    return respond(await orders.refund_by_staff(rt=request.app.ctx.runtime, principal=request.ctx.principal,
                                                order_id=order_id, amount_fen=body.amount_fen, reason=body.reason))


@bp.post("/desk/payments/reconciliations")
@endpoint(summary="对账：下载该日微信支付交易账单并与本系统订单、退款核对（重跑覆盖）", tag=DESK_TAG,
          body=ReconcileIn, response=ReconciliationOut, secured=True, errors=[orders.PaymentUpstreamError])
@staff_required("admin", scope="global")
async def reconcile(request: Request, body: ReconcileIn) -> HTTPResponse:
    return respond(await reconciliation.reconcile(rt=request.app.ctx.runtime, bill_date=body.bill_date))


@bp.get("/desk/payments/reconciliations/<bill_date>")
@endpoint(summary="某日对账结果与差异（供工作人员处理）", tag=DESK_TAG, response=ReconciliationOut, secured=True,
          errors=[reconciliation.ReconciliationNotFound, (422, "BILL_DATE_INVALID")])
@staff_required("admin", scope="global")
async def reconciliation_of(request: Request, bill_date: str) -> HTTPResponse:
    return respond(await reconciliation.get(bill_date=reconciliation.parse_bill_date(bill_date)))
