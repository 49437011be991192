"""SMS as a push channel: the provider interface and Tencent Cloud SMS ``SendSms`` (API 3.0).

Requests are signed with TC3-HMAC-SHA256 (Tencent Cloud API 3.0 signature v3) and sent through
``app.http``. The provider's answer is sorted into sent, retry later (frequency limits, busy,
network) and permanent (bad number, opted out, unapproved signature or template).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urlsplit

import orjson

from app.context import Runtime
from app.http import UpstreamError

TC3_ALGORITHM = "TC3-HMAC-SHA256"
SMS_SERVICE = "sms"
SMS_API_VERSION = "2021-01-11"
CONTENT_TYPE = "application/json; charset=utf-8"
# Tencent's per-number frequency limits and transient faults: worth a later try.
# Every ``InternalError.*`` and ``LimitExceeded.PhoneNumber*`` code is also read as transient.
RETRY_LATER_CODES = frozenset({"LimitExceeded.DeliveryFrequencyLimit", "RequestLimitExceeded"})
RETRY_LATER_PREFIXES = ("InternalError", "LimitExceeded.PhoneNumber")
# The number replied TD (回复TD退订) or is on the provider's blacklist: never send to it again.
OPTED_OUT_CODE = "FailedOperation.PhoneNumberInBlacklist"


class SmsRetryLater(Exception):
    """The provider refused for now (a frequency limit, busy) or could not be reached."""

    def __init__(self, code: str, message: str) -> None:
        self.code, self.message = code, message
        super().__init__(f"{code} {message}")


class SmsRejected(Exception):
    """The provider refused the message for good (number, signature, template, opted out)."""

    def __init__(self, code: str, message: str) -> None:
        self.code, self.message = code, message
        super().__init__(f"{code} {message}")


@dataclass(frozen=True)
class SmsMessage:
    phone: str  # E.164, e.g. +8613800000000
    template_id: str
    params: list[str]
    sign_name: str
    context: str  # echoed back by the provider (our delivery id)


class SmsProvider(Protocol):
    """Sends one templated SMS; returns the provider's message id or raises SmsRetryLater / SmsRejected."""

    async def send(self, rt: Runtime, message: SmsMessage) -> str: ...


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def tc3_authorization(*, secret_id: str, secret_key: str, host: str, payload: bytes, timestamp: int,
                      service: str = SMS_SERVICE) -> str:
    """The ``Authorization`` header of a Tencent Cloud API 3.0 POST (TC3-HMAC-SHA256)."""
    date = datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
    canonical = "\n".join(["POST", "/", "", f"content-type:{CONTENT_TYPE}\nhost:{host}\n",
                           "content-type;host", hashlib.sha256(payload).hexdigest()])
    scope = f"{date}/{service}/tc3_request"
    to_sign = "\n".join([TC3_ALGORITHM, str(timestamp), scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    signing_key = _hmac(_hmac(_hmac(f"TC3{secret_key}".encode(), date), service), "tc3_request")
    signature = hmac.new(signing_key, to_sign.encode(), hashlib.sha256).hexdigest()
    return (f"{TC3_ALGORITHM} Credential={secret_id}/{scope}, SignedHeaders=content-type;host, "
            f"Signature={signature}")


class TencentSms:
    """Tencent Cloud SMS ``SendSms``, one number per request."""

    async def send(self, rt: Runtime, message: SmsMessage) -> str:
        settings = rt.settings
        payload = orjson.dumps({"PhoneNumberSet": [message.phone], "SmsSdkAppId": settings.sms_sdk_app_id,
                                "SignName": message.sign_name, "TemplateId": message.template_id,
                                "TemplateParamSet": message.params, "SessionContext": message.context})
        host = urlsplit(settings.sms_api_url).netloc
        timestamp = int(time.time())
        headers = {"Authorization": tc3_authorization(secret_id=settings.sms_secret_id,
                                                      secret_key=settings.sms_secret_key, host=host,
                                                      payload=payload, timestamp=timestamp),
                   "Content-Type": CONTENT_TYPE, "Host": host, "X-TC-Action": "SendSms",
                   "X-TC-Version": SMS_API_VERSION, "X-TC-Timestamp": str(timestamp),
                   "X-TC-Region": settings.sms_region}
        try:
            answer = await rt.http.request("POST", settings.sms_api_url, content=payload, headers=headers,
                                           timeout=settings.upstream_timeout_seconds, service="sms")
            body = orjson.loads(answer.content).get("Response", {})
        except (UpstreamError, orjson.JSONDecodeError, AttributeError) as exc:
            raise SmsRetryLater("Unreachable", type(exc).__name__) from exc
        if "Error" in body:
            _raise_for(str(body["Error"].get("Code", "")), str(body["Error"].get("Message", "")))
        [status] = body.get("SendStatusSet") or [{"Code": "InternalError", "Message": "no status"}]
        if status.get("Code") != "Ok":
            _raise_for(str(status.get("Code", "")), str(status.get("Message", "")))
        return str(status["SerialNo"])


def _raise_for(code: str, message: str) -> None:
    if code in RETRY_LATER_CODES or code.startswith(RETRY_LATER_PREFIXES):
        raise SmsRetryLater(code, message)
    raise SmsRejected(code, message)


PROVIDER: SmsProvider = TencentSms()
