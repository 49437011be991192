"""WeChat Pay API v3 emulator on loopback: JSAPI orders, query, close, refunds, the trade bill,
platform certificates and the signed, encrypted notifications.

What it checks as WeChat Pay does: the merchant's ``WECHATPAY2-SHA256-RSA2048`` signature (with
the merchant certificate's public key: the development merchant key of ``wechat.pay_crypto``), its
timestamp (five minutes), the mchid, appid and serial; an order's amount and payer; a refund never
more than what is left of the payment. Every ``/v3`` answer is signed with the platform key
(``Wechatpay-Signature``, ``-Timestamp``, ``-Nonce``, ``-Serial``); notifications carry the
resource encrypted with AEAD_AES_256_GCM under the APIv3 key. The platform key and certificate
are generated when the emulator starts.

Controls (``/_emulator/wechatpay/...``): ``pay`` (the resident confirms in WeChat: it takes the
``wx.requestPayment`` parameters, checks their paySign, and POSTs the notification), the orders,
refunds and notifications sent, the platform certificate (``platform``, for a production-like
``HDT_WECHATPAY_PLATFORM_CERTIFICATES`` file), and the shared clock, faults and reset of
``emulators.common``.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import orjson
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pydantic import BaseModel, Field
from sanic import Request, Sanic
from sanic.response import HTTPResponse, json, raw

from app.http import UpstreamError, UpstreamHTTP
from config import Settings
from emulators.common import EmulatorClock, FaultPlan, install_controls, new_emulator_app, parse_control
from wechat import pay_crypto

SIGNATURE_MAX_AGE_SECONDS = 300
SHANGHAI = ZoneInfo("Asia/Shanghai")
# The trade bill's columns (交易账单, ALL), as WeChat Pay's download has them.
BILL_HEADER = ("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
               "付款银行,货币种类,应结订单总金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,"
               "退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注")
BILL_SUMMARY = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"


def _local(moment: float) -> datetime:
    return datetime.fromtimestamp(moment, SHANGHAI)


def _rfc3339(moment: float) -> str:
    return _local(moment).isoformat(timespec="seconds")


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _platform_certificate(key: rsa.RSAPrivateKey, serial: int) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Tenpay.com Root CA (emulator)")])
    now = datetime.now(UTC)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(serial).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=5 * 365)).sign(key, hashes.SHA256()))


@dataclass
class WeChatPayState:
    mch_id: str
    app_id: str
    merchant_serial: str
    merchant_public_key: rsa.RSAPublicKey
    apiv3_key: str
    platform_key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048))
    platform_serial_number: int = field(default_factory=lambda: secrets.randbits(64) | 1 << 63)
    clock: EmulatorClock = field(default_factory=EmulatorClock)
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)  # out_trade_no -> order
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)  # out_refund_no -> refund
    notifications: list[dict[str, Any]] = field(default_factory=list)
    bill_tokens: dict[str, str] = field(default_factory=dict)  # download token -> bill date
    serials: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        self.platform_certificate = _platform_certificate(self.platform_key, self.platform_serial_number)
        self.platform_serial = format(self.platform_serial_number, "X")

    def reset(self) -> None:
        for store in (self.orders, self.refunds, self.notifications, self.bill_tokens):
            store.clear()

    def signed_headers(self, body: bytes) -> dict[str, str]:
        """The platform's signature headers of an answer or a notification."""
        timestamp, nonce_str = str(int(self.clock.now())), pay_crypto.nonce()
        return {"Wechatpay-Timestamp": timestamp, "Wechatpay-Nonce": nonce_str,
                "Wechatpay-Serial": self.platform_serial,
                "Wechatpay-Signature": pay_crypto.sign(
                    self.platform_key, pay_crypto.signed_message(timestamp, nonce_str, body))}


def state_from_settings(settings: Settings) -> WeChatPayState:
    """Emulate the merchant configured in ``settings``: its ids, serial, APIv3 key and public key."""
    return WeChatPayState(settings.wechatpay_mch_id, settings.wechat_miniprogram_app_id,
                          settings.wechatpay_merchant_serial,
                          pay_crypto.load_merchant_key(settings).public_key(), settings.wechatpay_apiv3_key)


class PayError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        self.status, self.code, self.message = status, code, message
        super().__init__(code)


class Payment(BaseModel):
    """What ``wx.requestPayment`` hands WeChat, and how the emulated payment goes."""

    appId: str  # noqa: N815 - wx.requestPayment's own names
    timeStamp: str  # noqa: N815
    nonceStr: str  # noqa: N815
    package: str = Field(pattern=r"^prepay_id=\S+$")
    signType: str  # noqa: N815
    paySign: str  # noqa: N815
    notify: bool = True  # False: paid, but the notification is lost (the order query finds it)
    amount_total: int | None = Field(None, ge=1, description="the amount the notification states")


def _check_authorization(state: WeChatPayState, request: Request, now: float) -> None:
    fields = pay_crypto.parse_authorization(request.headers.get("authorization", ""))
    if not fields or not fields.get("timestamp", "").isdigit():
        raise PayError(401, "SIGN_ERROR", "Authorization 不合法")
    if fields.get("mchid") != state.mch_id:
        raise PayError(401, "SIGN_ERROR", "商户号与签名不符")
    if fields.get("serial_no") != state.merchant_serial:
        raise PayError(401, "SIGN_ERROR", "商户证书序列号有误")
    if abs(now - int(fields["timestamp"])) > SIGNATURE_MAX_AGE_SECONDS:
        raise PayError(401, "SIGN_ERROR", "签名已过期")
    target = request.path + ("?" + request.query_string if request.query_string else "")
    message = pay_crypto.signed_message(request.method, target, fields["timestamp"],
                                        fields.get("nonce_str", ""), request.body or b"")
    if not pay_crypto.verify(state.merchant_public_key, message, fields.get("signature", "")):
        raise PayError(401, "SIGN_ERROR", "签名错误")


def _transaction(state: WeChatPayState, order: dict[str, Any]) -> dict[str, Any]:
    """The order as the query (and the payment notification's resource) describes it."""
    answer: dict[str, Any] = {
        "appid": state.app_id, "mchid": state.mch_id, "out_trade_no": order["out_trade_no"],
        "trade_type": "JSAPI", "trade_state": order["trade_state"],
        "trade_state_desc": {"NOTPAY": "未支付", "SUCCESS": "支付成功", "CLOSED": "已关闭",
                             "REFUND": "转入退款"}[order["trade_state"]],
        "attach": "", "payer": {"openid": order["openid"]},
        "amount": {"total": order["total"], "currency": "CNY"}}
    if order.get("transaction_id"):
        answer.update(transaction_id=order["transaction_id"], bank_type="OTHERS",
                      success_time=_rfc3339(order["paid_at"]))
        answer["amount"].update(payer_total=order["total"], payer_currency="CNY")
    return answer


def _refund_view(refund: dict[str, Any]) -> dict[str, Any]:
    view = {key: refund[key] for key in ("refund_id", "out_refund_no", "transaction_id", "out_trade_no",
                                         "status")}
    view.update(channel="ORIGINAL", user_received_account="支付用户零钱", create_time=_rfc3339(refund["created"]),
                amount={"total": refund["total"], "refund": refund["refund"], "payer_total": refund["total"],
                        "payer_refund": refund["refund"], "currency": "CNY"})
    if refund.get("succeeded"):
        view["success_time"] = _rfc3339(refund["succeeded"])
    return view


def _bill(state: WeChatPayState, bill_date: str) -> bytes:
    """The day's trade bill: one row per payment and per refund, then the totals."""
    rows: list[tuple[float, dict[str, Any], str, dict[str, Any] | None]] = []
    paid = refunded = 0
    for order in state.orders.values():
        if order.get("paid_at") and _local(order["paid_at"]).date().isoformat() == bill_date:
            paid += order["total"]
            rows.append((order["paid_at"], order, "SUCCESS", None))
    for record in state.refunds.values():
        if record.get("succeeded") and _local(record["succeeded"]).date().isoformat() == bill_date:
            refunded += record["refund"]
            rows.append((record["succeeded"], state.orders[record["out_trade_no"]], "REFUND", record))
    lines = [BILL_HEADER]
    for moment, order, status, refund in sorted(rows, key=lambda r: r[0]):
        refund_columns = ([refund["refund_id"], refund["out_refund_no"], _yuan(refund["refund"]), "0.00",
                           "ORIGINAL", "SUCCESS"] if refund else ["0", "0", "0.00", "0.00", "", ""])
        values = [_local(moment).strftime("%Y-%m-%d %H:%M:%S"), state.app_id, state.mch_id, "0", "",
                  order["transaction_id"], order["out_trade_no"], order["openid"], "JSAPI", status, "OTHERS",
                  "CNY", _yuan(order["total"]), "0.00", *refund_columns, order["description"], "", "0.00",
                  "0.60%", _yuan(order["total"]), _yuan(refund["refund"]) if refund else "0.00", ""]
        lines.append(",".join("`" + v for v in values))
    lines.append(BILL_SUMMARY)
    lines.append(",".join("`" + v for v in (str(len(rows)), _yuan(paid), _yuan(refunded), "0.00", "0.00",
                                            _yuan(paid), _yuan(refunded))))
    return ("\r\n".join(lines) + "\r\n").encode()


def create_wechatpay_emulator(state: WeChatPayState, *, name: str = "wechatpay_emulator") -> Sanic:
    """The emulator app over ``state``."""
    app = new_emulator_app(name)
    app.ctx.state = state
    pending: set[asyncio.Task[None]] = set()
    install_controls(app, clock=state.clock, faults=FaultPlan(), reset=state.reset)

    @app.before_server_start
    async def open_client(app: Sanic) -> None:
        app.ctx.http = UpstreamHTTP()

    @app.after_server_stop
    async def close_client(app: Sanic) -> None:
        await app.ctx.http.close()

    @app.exception(PayError)
    async def pay_error(request: Request, exc: PayError) -> HTTPResponse:
        return json({"code": exc.code, "message": exc.message}, status=exc.status, ensure_ascii=False)

    @app.on_request
    async def authenticate(request: Request) -> None:
        if request.path.startswith("/v3/"):
            _check_authorization(state, request, state.clock.now())

    @app.on_response
    async def sign_answer(request: Request, response: HTTPResponse) -> None:
        # The bill file is the one v3 answer WeChat Pay does not sign (its SHA1 is in the bill answer).
        if request.path.startswith("/v3/") and not request.path.startswith("/v3/billdownload"):
            response.headers.update({"Request-ID": str(uuid.uuid4()),
                                     **state.signed_headers(bytes(response.body or b""))})

    async def notify(url: str, event_type: str, summary: str, original_type: str,
                     resource: dict[str, Any]) -> int | None:
        """POST one signed notification with its encrypted resource; the status we answered."""
        body = orjson.dumps({
            "id": str(uuid.uuid4()), "create_time": _rfc3339(state.clock.now()), "resource_type": "encrypt-resource",
            "event_type": event_type, "summary": summary,
            "resource": {"original_type": original_type, **pay_crypto.encrypt_resource(
                apiv3_key=state.apiv3_key, plaintext=orjson.dumps(resource), associated_data=original_type)}})
        headers = {"Content-Type": "application/json", **state.signed_headers(body)}
        state.notifications.append({"url": url, "headers": headers, "body": body.decode(), "event_type": event_type})
        try:
            answer = await app.ctx.http.request("POST", url, content=body, headers=headers, timeout=5)
        except UpstreamError:
            return None  # WeChat Pay retries on its schedule; the merchant's order query is the fallback
        state.notifications[-1]["status"] = answer.status
        return int(answer.status)

    def order_or_raise(out_trade_no: str, mchid: str | None) -> dict[str, Any]:
        if mchid is not None and mchid != state.mch_id:
            raise PayError(400, "PARAM_ERROR", "mchid 与签名商户号不符")
        order = state.orders.get(out_trade_no)
        if order is None:
            raise PayError(404, "ORDER_NOT_EXIST", "订单不存在")
        return order

    @app.post("/v3/pay/transactions/jsapi")
    async def jsapi(request: Request) -> HTTPResponse:
        body = orjson.loads(request.body or b"{}")
        if body.get("mchid") != state.mch_id or body.get("appid") != state.app_id:
            raise PayError(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配")
        total = (body.get("amount") or {}).get("total")
        openid = (body.get("payer") or {}).get("openid")
        out_trade_no = str(body.get("out_trade_no", ""))
        if not isinstance(total, int) or total < 1 or not openid or not 6 <= len(out_trade_no) <= 32:
            raise PayError(400, "PARAM_ERROR", "amount.total、payer.openid 或 out_trade_no 不合法")
        if not str(body.get("notify_url", "")).startswith(("http://", "https://")):
            raise PayError(400, "PARAM_ERROR", "notify_url 不合法")
        existing = state.orders.get(out_trade_no)
        if existing is not None:
            if existing["trade_state"] == "SUCCESS":
                raise PayError(403, "ORDERPAID", "该订单已支付")
            if existing["trade_state"] == "CLOSED":
                raise PayError(400, "ORDERCLOSED", "该订单已关闭")
            if (existing["total"], existing["openid"]) != (total, openid):
                raise PayError(400, "INVALID_REQUEST", "201 商户订单号重复")
        prepay_id = f"wx{_local(state.clock.now()):%d%H%M%S}{secrets.token_hex(12)}"
        order = existing or {"out_trade_no": out_trade_no, "total": total, "openid": openid,
                             "description": body.get("description", ""), "trade_state": "NOTPAY",
                             "refunded": 0}
        order.update(notify_url=body["notify_url"], prepay_id=prepay_id)
        state.orders[out_trade_no] = order
        return json({"prepay_id": prepay_id})

    @app.get("/v3/pay/transactions/out-trade-no/<out_trade_no>")
    async def query(request: Request, out_trade_no: str) -> HTTPResponse:
        order = order_or_raise(out_trade_no, request.args.get("mchid", ""))
        return json(_transaction(state, order), ensure_ascii=False)

    @app.post("/v3/pay/transactions/out-trade-no/<out_trade_no>/close")
    async def close(request: Request, out_trade_no: str) -> HTTPResponse:
        order = order_or_raise(out_trade_no, orjson.loads(request.body or b"{}").get("mchid"))
        if order["trade_state"] in ("SUCCESS", "REFUND"):
            raise PayError(400, "ORDERPAID", "订单已支付，不能关闭")
        order["trade_state"] = "CLOSED"
        return raw(b"", status=204)

    @app.post("/v3/refund/domestic/refunds")
    async def refund(request: Request) -> HTTPResponse:
        body = orjson.loads(request.body or b"{}")
        out_refund_no = str(body.get("out_refund_no", ""))
        if out_refund_no in state.refunds:  # a retried request: the same refund, not a second one
            return json(_refund_view(state.refunds[out_refund_no]), ensure_ascii=False)
        order = order_or_raise(str(body.get("out_trade_no", "")), None)
        amount = body.get("amount") or {}
        wanted = amount.get("refund")
        if order["trade_state"] not in ("SUCCESS", "REFUND"):
            raise PayError(400, "INVALID_REQUEST", "订单未支付，不能退款")
        if amount.get("total") != order["total"]:
            raise PayError(400, "INVALID_REQUEST", "订单金额与原订单不符")
        if not isinstance(wanted, int) or wanted < 1:
            raise PayError(400, "PARAM_ERROR", "退款金额不合法")
        if wanted > order["total"] - order["refunded"]:
            raise PayError(403, "NOT_ENOUGH", "申请退款金额超过订单可退金额")
        order["refunded"] += wanted
        order["trade_state"] = "REFUND"
        record = {"refund_id": f"50{next(state.serials):030d}", "out_refund_no": out_refund_no,
                  "transaction_id": order["transaction_id"], "out_trade_no": order["out_trade_no"],
                  "status": "PROCESSING", "created": state.clock.now(), "total": order["total"],
                  "refund": wanted}
        state.refunds[out_refund_no] = record
        answer = _refund_view(record)

        async def finish() -> None:
            record.update(status="SUCCESS", succeeded=state.clock.now())
            if body.get("notify_url"):
                await notify(body["notify_url"], "REFUND.SUCCESS", "退款成功", "refund", {
                    "mchid": state.mch_id, "out_trade_no": record["out_trade_no"],
                    "transaction_id": record["transaction_id"], "out_refund_no": out_refund_no,
                    "refund_id": record["refund_id"], "refund_status": "SUCCESS",
                    "success_time": _rfc3339(record["succeeded"]), "user_received_account": "支付用户零钱",
                    "amount": {"total": record["total"], "refund": wanted, "payer_total": record["total"],
                               "payer_refund": wanted}})

        task = asyncio.create_task(finish())
        pending.add(task)
        task.add_done_callback(pending.discard)
        return json(answer, ensure_ascii=False)

    @app.get("/v3/refund/domestic/refunds/<out_refund_no>")
    async def query_refund(request: Request, out_refund_no: str) -> HTTPResponse:
        record = state.refunds.get(out_refund_no)
        if record is None:
            raise PayError(404, "RESOURCE_NOT_EXISTS", "退款单不存在")
        return json(_refund_view(record), ensure_ascii=False)

    @app.get("/v3/bill/tradebill")
    async def trade_bill(request: Request) -> HTTPResponse:
        bill_date = request.args.get("bill_date", "")
        try:
            datetime.strptime(bill_date, "%Y-%m-%d")
        except ValueError:
            raise PayError(400, "PARAM_ERROR", "bill_date 格式应为 yyyy-MM-DD") from None
        token = secrets.token_hex(16)
        state.bill_tokens[token] = bill_date
        return json({"hash_type": "SHA1", "hash_value": hashlib.sha1(_bill(state, bill_date)).hexdigest(),
                     "download_url": f"{request.scheme}://{request.host}/v3/billdownload/file?token={token}"})

    @app.get("/v3/billdownload/file")
    async def download_bill(request: Request) -> HTTPResponse:
        bill_date = state.bill_tokens.get(request.args.get("token", ""))
        if bill_date is None:
            raise PayError(400, "INVALID_REQUEST", "下载链接无效")
        return raw(_bill(state, bill_date), content_type="text/plain; charset=utf-8")

    @app.get("/v3/certificates")
    async def certificates(request: Request) -> HTTPResponse:
        pem = state.platform_certificate.public_bytes(serialization.Encoding.PEM)
        return json({"data": [{
            "serial_no": state.platform_serial,
            "effective_time": _rfc3339(state.platform_certificate.not_valid_before_utc.timestamp()),
            "expire_time": _rfc3339(state.platform_certificate.not_valid_after_utc.timestamp()),
            "encrypt_certificate": pay_crypto.encrypt_resource(apiv3_key=state.apiv3_key, plaintext=pem,
                                                               associated_data="certificate")}]})

    @app.post("/_emulator/wechatpay/pay")
    async def pay(request: Request) -> HTTPResponse:
        payment = parse_control(Payment, request)
        prepay_id = payment.package.removeprefix("prepay_id=")
        order = next((o for o in state.orders.values() if o.get("prepay_id") == prepay_id), None)
        message = pay_crypto.signed_message(payment.appId, payment.timeStamp, payment.nonceStr, payment.package)
        if payment.appId != state.app_id or payment.signType != "RSA" or not pay_crypto.verify(
                state.merchant_public_key, message, payment.paySign):
            return json({"errMsg": "requestPayment:fail 支付验证签名失败"}, status=400, ensure_ascii=False)
        if order is None or order["trade_state"] != "NOTPAY":
            return json({"errMsg": "requestPayment:fail 订单已支付或已关闭"}, status=409, ensure_ascii=False)
        order.update(trade_state="SUCCESS", paid_at=state.clock.now(),
                     transaction_id=f"42{_local(state.clock.now()):%Y%m%d}{next(state.serials):018d}")
        status = None
        if payment.notify:
            resource = _transaction(state, order)
            if payment.amount_total is not None:
                resource["amount"] = {**resource["amount"], "total": payment.amount_total,
                                      "payer_total": payment.amount_total}
            status = await notify(order["notify_url"], "TRANSACTION.SUCCESS", "支付成功", "transaction", resource)
        return json({"errMsg": "requestPayment:ok", "transaction_id": order["transaction_id"],
                     "notify_status": status})

    @app.get("/_emulator/wechatpay/orders")
    async def list_orders(request: Request) -> HTTPResponse:
        return json({"orders": [_transaction(state, o) for o in state.orders.values()],
                     "refunds": [_refund_view(r) for r in state.refunds.values()]}, ensure_ascii=False)

    @app.get("/_emulator/wechatpay/platform")
    async def platform(request: Request) -> HTTPResponse:
        return json({"serial_no": state.platform_serial, "certificate": state.platform_certificate.public_bytes(
            serialization.Encoding.PEM).decode()})

    @app.get("/_emulator/wechatpay/notifications")
    async def list_notifications(request: Request) -> HTTPResponse:
        return json({"notifications": state.notifications}, ensure_ascii=False)

    return app
