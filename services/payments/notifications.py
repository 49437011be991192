"""WeChat Pay's notifications (支付通知, 退款通知): verified, fresh, decrypted, then applied.

Refused before anything changes: a signature that no platform certificate verifies (forged), a
timestamp outside the window or a (timestamp, nonce) seen before (replayed), a resource that does
not decrypt under the APIv3 key, an amount that differs from the order. A serial no certificate
we hold names, while the certificates cannot be fetched from WeChat Pay, answers 503 (it may be
genuine). WeChat Pay retries a refused notification; a retry of one already applied answers
success and changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import orjson

from app.context import Runtime
from app.errors import AppError, DependencyUnavailable
from services.payments import orders, refunds
from wechat.pay import WeChatPayUnavailable
from wechat.pay_crypto import ResourceUndecryptable

NONCE_KEY = "wechatpay:notify:{timestamp}:{nonce}"


class NotificationSignatureInvalid(AppError):
    status, code, message = 401, "PAYMENT_NOTIFICATION_SIGNATURE_INVALID", "支付通知签名无效"


class NotificationReplayed(AppError):
    status, code, message = 401, "PAYMENT_NOTIFICATION_REPLAYED", "支付通知已过期或重复"


class NotificationMalformed(AppError):
    status, code, message = 400, "PAYMENT_NOTIFICATION_MALFORMED", "支付通知格式错误或无法解密"


async def _check_fresh(rt: Runtime, headers: Mapping[str, str]) -> None:
    window = rt.settings.wechatpay_notify_max_age_seconds
    timestamp, nonce = headers.get("Wechatpay-Timestamp", ""), headers.get("Wechatpay-Nonce", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > window:
        raise NotificationReplayed(details={"reason": "timestamp"})
    if not await rt.redis.set(NONCE_KEY.format(timestamp=timestamp, nonce=nonce[:64]), "1", nx=True,
                              ex=2 * window):
        raise NotificationReplayed(details={"reason": "nonce_reused"})


async def handle(*, rt: Runtime, headers: Mapping[str, str], body: bytes) -> None:
    """Apply one notification, or refuse it with the order unchanged."""
    try:
        signed = await rt.wechatpay.verify_signed(headers, body)
    except WeChatPayUnavailable as exc:
        # An unknown serial whose certificate cannot be fetched now: not known to be forged, so
        # not refused as such; WeChat Pay sends a notification again after any non-2xx answer.
        raise DependencyUnavailable("wechatpay") from exc
    if not signed:
        raise NotificationSignatureInvalid()
    await _check_fresh(rt, headers)
    try:
        notification = orjson.loads(body)
        resource: dict[str, Any] = rt.wechatpay.decrypt(notification["resource"])
        event_type = str(notification["event_type"])
    except (orjson.JSONDecodeError, KeyError, TypeError, ResourceUndecryptable) as exc:
        raise NotificationMalformed(details={"reason": type(exc).__name__}) from exc
    if event_type == "TRANSACTION.SUCCESS":
        await orders.record_paid(rt=rt, transaction=resource)
    elif event_type.startswith("REFUND."):
        await refunds.record(out_refund_no=str(resource.get("out_refund_no", "")),
                             status=str(resource.get("refund_status", "")),
                             refund_id=str(resource.get("refund_id", "")))
