"""WeChat Pay API v3 client: JSAPI orders, query, close, refunds, the trade bill, notifications.

Every request carries the merchant's ``WECHATPAY2-SHA256-RSA2048`` signature and goes through
``app.http`` (aiohttp); every answer's ``Wechatpay-Signature`` is checked against the platform
certificate its ``Wechatpay-Serial`` names before the body is believed. Platform certificates come
from ``HDT_WECHATPAY_PLATFORM_CERTIFICATES`` or, when none are configured, from
``GET /v3/certificates`` (each decrypted with the APIv3 key, which authenticates it).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

import orjson
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from app.http import UpstreamError, UpstreamHTTP
from config import Settings
from wechat import pay_crypto

SERVICE = "wechatpay"
# A notification naming an unknown serial refreshes the certificates at most this often, so
# forged serials cannot make every notification a download.
CERTIFICATE_REFRESH_SECONDS = 60.0


class WeChatPayError(Exception):
    """WeChat Pay answered with an error (``code`` and ``message`` of its body)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        self.status, self.code, self.message = status, code, message
        super().__init__(f"{status} {code} {message}")


class WeChatPayUnavailable(Exception):
    """No trustworthy answer: unreachable, a 5xx, or an answer whose signature does not verify."""


def certificate_serial(certificate: x509.Certificate) -> str:
    return format(certificate.serial_number, "X")


def _public_key(certificate: x509.Certificate) -> rsa.RSAPublicKey:
    key = certificate.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("the platform certificate's key is not RSA")
    return key


class WeChatPayClient:
    """One merchant's v3 client; platform certificates are cached in the process."""

    def __init__(self, settings: Settings, http: UpstreamHTTP) -> None:
        self.settings = settings
        self.http = http
        self.base_url = settings.wechatpay_api_base_url.rstrip("/")
        self._key: rsa.RSAPrivateKey | None = None
        self._platform: dict[str, rsa.RSAPublicKey] = {
            certificate_serial(c): _public_key(c)
            for c in (x509.load_pem_x509_certificate(path.read_bytes())
                      for path in settings.wechatpay_platform_certificates)}
        self._refreshed_at = 0.0
        self._refresh_failed = False

    @property
    def key(self) -> rsa.RSAPrivateKey:
        if self._key is None:
            self._key = pay_crypto.load_merchant_key(self.settings)
        return self._key

    def request_payment(self, prepay_id: str) -> dict[str, str]:
        """The signed ``wx.requestPayment`` parameters of a prepay id."""
        return pay_crypto.request_payment(app_id=self.settings.wechat_miniprogram_app_id, prepay_id=prepay_id,
                                          key=self.key, timestamp=int(time.time()),
                                          nonce_str=pay_crypto.nonce())

    async def _send(self, method: str, path: str, body: Any = None,
                    query: Mapping[str, str] | None = None) -> tuple[int, bytes, Mapping[str, str]]:
        target = path + ("?" + urlencode(query) if query else "")
        payload = orjson.dumps(body) if body is not None else b""
        headers = {"Accept": "application/json", "User-Agent": "haidiantong",
                   "Authorization": pay_crypto.authorization(
                       mch_id=self.settings.wechatpay_mch_id, serial=self.settings.wechatpay_merchant_serial,
                       key=self.key, method=method, path=target, body=payload, timestamp=int(time.time()),
                       nonce_str=pay_crypto.nonce())}
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            answer = await self.http.request(method, self.base_url + target, content=payload or None,
                                             headers=headers, timeout=self.settings.upstream_timeout_seconds,
                                             service=SERVICE, with_headers=True)
        except UpstreamError as exc:
            raise WeChatPayUnavailable(str(exc)) from exc
        if answer.status >= 500:
            raise WeChatPayUnavailable(f"HTTP {answer.status}")
        return answer.status, answer.content, answer.headers

    async def call(self, method: str, path: str, body: Any = None,
                   query: Mapping[str, str] | None = None) -> dict[str, Any]:
        """One signed API call; the answer's signature is verified; an error body raises."""
        status, content, headers = await self._send(method, path, body, query)
        if status >= 400:
            try:
                error = orjson.loads(content)
            except orjson.JSONDecodeError:
                error = {}
            raise WeChatPayError(status, str(error.get("code", "")), str(error.get("message", "")))
        if not await self.verify_signed(headers, content):
            raise WeChatPayUnavailable("the answer's Wechatpay-Signature does not verify")
        return orjson.loads(content) if content else {}

    async def verify_signed(self, headers: Mapping[str, str], body: bytes) -> bool:
        """Whether an answer or notification carries a valid platform signature of ``body``."""
        serial = headers.get("Wechatpay-Serial", "")
        timestamp, nonce_str = headers.get("Wechatpay-Timestamp", ""), headers.get("Wechatpay-Nonce", "")
        signature = headers.get("Wechatpay-Signature", "")
        if not (serial and timestamp and nonce_str and signature):
            return False
        key = self._platform.get(serial)
        if key is None:
            if time.monotonic() - self._refreshed_at > CERTIFICATE_REFRESH_SECONDS:
                await self.refresh_certificates()
                key = self._platform.get(serial)
            elif self._refresh_failed:
                # Not known to be forged: the certificate naming it could not be fetched lately.
                raise WeChatPayUnavailable("the platform certificates could not be fetched")
        return key is not None and pay_crypto.verify(
            key, pay_crypto.signed_message(timestamp, nonce_str, body), signature)

    async def refresh_certificates(self) -> None:
        """Download the platform certificates (``/v3/certificates``) and trust those that decrypt;
        WeChatPayUnavailable when they cannot be had."""
        self._refreshed_at = time.monotonic()
        self._refresh_failed = True  # until the download below is trusted
        status, content, headers = await self._send("GET", "/v3/certificates")
        if status != 200:
            raise WeChatPayUnavailable(f"/v3/certificates answered {status}")
        downloaded: dict[str, rsa.RSAPublicKey] = {}
        for entry in orjson.loads(content).get("data", []):
            pem = pay_crypto.decrypt_resource(apiv3_key=self.settings.wechatpay_apiv3_key,
                                              resource=entry["encrypt_certificate"])
            certificate = x509.load_pem_x509_certificate(pem)
            downloaded[certificate_serial(certificate)] = _public_key(certificate)
        serial = headers.get("Wechatpay-Serial", "")
        message = pay_crypto.signed_message(headers.get("Wechatpay-Timestamp", ""),
                                            headers.get("Wechatpay-Nonce", ""), content)
        if serial not in downloaded or not pay_crypto.verify(downloaded[serial], message,
                                                             headers.get("Wechatpay-Signature", "")):
            raise WeChatPayUnavailable("the certificate list is not signed by a certificate in it")
        self._platform.update(downloaded)
        self._refresh_failed = False

    def decrypt(self, resource: dict[str, str]) -> dict[str, Any]:
        """A notification's resource, opened with the APIv3 key."""
        opened: dict[str, Any] = orjson.loads(pay_crypto.decrypt_resource(
            apiv3_key=self.settings.wechatpay_apiv3_key, resource=resource))
        return opened

    async def jsapi_order(self, *, out_trade_no: str, description: str, amount_fen: int, openid: str,
                          notify_url: str, time_expire: str) -> str:
        """Place a JSAPI order; its prepay id."""
        answer = await self.call("POST", "/v3/pay/transactions/jsapi", {
            "appid": self.settings.wechat_miniprogram_app_id, "mchid": self.settings.wechatpay_mch_id,
            "description": description, "out_trade_no": out_trade_no, "time_expire": time_expire,
            "notify_url": notify_url, "amount": {"total": amount_fen, "currency": "CNY"},
            "payer": {"openid": openid}})
        return str(answer["prepay_id"])

    async def query_order(self, out_trade_no: str) -> dict[str, Any]:
        return await self.call("GET", f"/v3/pay/transactions/out-trade-no/{out_trade_no}",
                               query={"mchid": self.settings.wechatpay_mch_id})

    async def close_order(self, out_trade_no: str) -> None:
        await self.call("POST", f"/v3/pay/transactions/out-trade-no/{out_trade_no}/close",
                        {"mchid": self.settings.wechatpay_mch_id})

    async def refund(self, *, out_trade_no: str, out_refund_no: str, reason: str, refund_fen: int,
                     total_fen: int, notify_url: str) -> dict[str, Any]:
        return await self.call("POST", "/v3/refund/domestic/refunds", {
            "out_trade_no": out_trade_no, "out_refund_no": out_refund_no, "reason": reason[:80],
            "notify_url": notify_url,
            "amount": {"refund": refund_fen, "total": total_fen, "currency": "CNY"}})

    async def query_refund(self, out_refund_no: str) -> dict[str, Any]:
        return await self.call("GET", f"/v3/refund/domestic/refunds/{out_refund_no}")

    async def trade_bill(self, bill_date: str) -> str:
        """The day's trade bill (ALL), its SHA1 checked; the download itself is not signed."""
        bill = await self.call("GET", "/v3/bill/tradebill", query={"bill_date": bill_date, "bill_type": "ALL"})
        parts = urlsplit(str(bill["download_url"]))
        status, content, _ = await self._send("GET", parts.path + ("?" + parts.query if parts.query else ""))
        if status != 200:
            raise WeChatPayUnavailable(f"the bill download answered {status}")
        if hashlib.sha1(content).hexdigest() != str(bill.get("hash_value", "")).lower():
            raise WeChatPayUnavailable("the bill's SHA1 differs from hash_value")
        return content.decode("utf-8")
