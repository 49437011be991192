"""Tencent Cloud SMS emulator: ``SendSms`` (API 3.0) on loopback, with its delivery reports and replies.

What it checks as Tencent does: the TC3-HMAC-SHA256 signature and its timestamp (five minutes),
the SDK app id, the approved signature (签名) and template ids with their parameter counts, the
number's format, numbers that replied TD (blacklisted), and the per-number frequency limits of a
default Tencent account (one SMS per 30 seconds, five per hour, ten per day), each with its real
error code. After a send it POSTs the delivery report (回执) to the status callback URL.

Controls (``/_emulator/sms/...``): the sent messages, a reply from a phone (``TD`` opts it out and
POSTs the reply callback), a number whose reports say it failed, and the shared clock, faults and
reset of ``emulators.common``.
"""

from __future__ import annotations

import asyncio
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from pydantic import BaseModel, Field
from sanic import Request, Sanic
from sanic.response import HTTPResponse, json

from app.http import UpstreamError, UpstreamHTTP
from config import Settings
from emulators.common import EmulatorClock, FaultPlan, install_controls, new_emulator_app, parse_control
from push.sms import SMS_SERVICE, tc3_authorization

SIGNATURE_MAX_AGE_SECONDS = 300
# A default Tencent Cloud SMS account's per-number limits: (window seconds, most SMS, error code).
FREQUENCY_LIMITS = ((30, 1, "LimitExceeded.PhoneNumberThirtySecondLimit"),
                    (3600, 5, "LimitExceeded.PhoneNumberOneHourLimit"),
                    (86400, 10, "LimitExceeded.PhoneNumberDailyLimit"))
MAINLAND_PHONE = re.compile(r"^\+861[3-9]\d{9}$")
STATUS_CALLBACK_PATH = "/api/v1/sms/tencent/status"
REPLY_CALLBACK_PATH = "/api/v1/sms/tencent/reply"
OPT_OUT_REPLIES = frozenset({"TD", "T", "N", "0000"})


@dataclass
class SmsEmulatorState:
    secret_id: str
    secret_key: str
    sdk_app_id: str
    sign_names: set[str]
    templates: dict[str, int]  # approved template id -> its parameter count
    status_callback_url: str
    reply_callback_url: str
    clock: EmulatorClock = field(default_factory=EmulatorClock)
    messages: list[dict[str, Any]] = field(default_factory=list)
    sent_at: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    blacklist: set[str] = field(default_factory=set)
    failing_numbers: set[str] = field(default_factory=set)
    serials: itertools.count = field(default_factory=lambda: itertools.count(1))
    limits: tuple[tuple[int, int, str], ...] = FREQUENCY_LIMITS

    def reset(self) -> None:
        for store in (self.messages, self.sent_at, self.blacklist, self.failing_numbers):
            store.clear()
        self.limits = FREQUENCY_LIMITS

    def frequency_error(self, phone: str, now: float) -> str | None:
        """The limit this number has reached, if any."""
        history = self.sent_at[phone]
        for window, most, code in self.limits:
            if sum(1 for at in history if now - at < window) >= most:
                return code
        return None


def state_from_settings(settings: Settings) -> SmsEmulatorState:
    """Emulate the SMS account configured in ``settings``: its keys, signature and templates."""
    templates = {str(spec["sms_template_id"]): len(list(spec.get("sms_params", [])))  # type: ignore[call-overload]
                 for spec in settings.push_templates.values() if spec.get("sms_template_id")}
    base = settings.public_base_url.rstrip("/")
    token = f"?token={settings.sms_callback_token}"
    return SmsEmulatorState(settings.sms_secret_id, settings.sms_secret_key, settings.sms_sdk_app_id,
                            {settings.sms_sign_name}, templates,
                            base + STATUS_CALLBACK_PATH + token, base + REPLY_CALLBACK_PATH + token)


class TencentError(Exception):
    def __init__(self, code: str, message: str) -> None:
        self.code, self.message = code, message
        super().__init__(code)


class PhoneRef(BaseModel):
    phone: str = Field(pattern=r"^\+\d{6,15}$")


class Limits(BaseModel):
    """Per-number limits as an account's console sets them (Tencent allows raising them)."""

    per_30_seconds: int = Field(1, ge=1, le=1000)
    per_hour: int = Field(5, ge=1, le=10_000)
    per_day: int = Field(10, ge=1, le=100_000)


class Reply(PhoneRef):
    text: str = Field("TD", min_length=1, max_length=70)


def _answer(body: dict[str, Any]) -> HTTPResponse:
    return json({"Response": {**body, "RequestId": f"emulator-{datetime.now(UTC).timestamp()}"}},
                ensure_ascii=False)


def _check_signature(state: SmsEmulatorState, request: Request, now: float) -> None:
    authorization = request.headers.get("authorization", "")
    match = re.fullmatch(r"TC3-HMAC-SHA256 Credential=([^/]+)/[^,]+, SignedHeaders=content-type;host, "
                         r"Signature=([0-9a-f]{64})", authorization)
    timestamp = request.headers.get("x-tc-timestamp", "")
    if not match or not timestamp.isdigit():
        raise TencentError("AuthFailure.SignatureFailure", "The provided credentials could not be validated.")
    if match.group(1) != state.secret_id:
        raise TencentError("AuthFailure.SecretIdNotFound", "The SecretId is not found.")
    if abs(now - int(timestamp)) > SIGNATURE_MAX_AGE_SECONDS:
        raise TencentError("AuthFailure.SignatureExpire", "Signature expired.")
    expected = tc3_authorization(secret_id=state.secret_id, secret_key=state.secret_key,
                                 host=request.headers.get("host", ""), payload=request.body,
                                 timestamp=int(timestamp), service=SMS_SERVICE)
    if authorization != expected:
        raise TencentError("AuthFailure.SignatureFailure", "The provided credentials could not be validated.")


def _check_message(state: SmsEmulatorState, body: dict[str, Any]) -> None:
    if body.get("SmsSdkAppId") != state.sdk_app_id:
        raise TencentError("UnauthorizedOperation.SmsSdkAppIdVerifyFail", "SmsSdkAppId verify fail.")
    if body.get("SignName") not in state.sign_names:
        raise TencentError("FailedOperation.SignatureIncorrectOrUnapproved",
                           "signature format is incorrect or signature is not approved")
    template = str(body.get("TemplateId", ""))
    if template not in state.templates:
        raise TencentError("FailedOperation.TemplateIncorrectOrUnapproved",
                           "template is not approved or request content does not match the approved template content")
    if len(body.get("TemplateParamSet") or []) != state.templates[template]:
        raise TencentError("InvalidParameterValue.TemplateParameterFormatError",
                           "the number of template parameters does not match the template")


def create_sms_emulator(state: SmsEmulatorState, *, name: str = "sms_emulator") -> Sanic:
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

    async def post_callback(url: str, body: Any) -> None:
        try:
            await app.ctx.http.request("POST", url, json=body, timeout=5)
        except UpstreamError:
            pass  # Tencent retries a few times and then gives up; so does a lost report here

    def later(url: str, body: Any) -> None:
        task = asyncio.create_task(post_callback(url, body))
        pending.add(task)
        task.add_done_callback(pending.discard)

    @app.post("/")
    async def send_sms(request: Request) -> HTTPResponse:
        now = state.clock.now()
        try:
            if request.headers.get("x-tc-action") != "SendSms":
                raise TencentError("InvalidAction", "The action requested does not exist.")
            _check_signature(state, request, now)
            body = orjson.loads(request.body or b"{}")
            _check_message(state, body)
        except orjson.JSONDecodeError:
            return _answer({"Error": {"Code": "InvalidParameter", "Message": "body is not JSON"}})
        except TencentError as exc:
            return _answer({"Error": {"Code": exc.code, "Message": exc.message}})
        statuses = [_send_one(state, body, str(phone), now, later) for phone in body.get("PhoneNumberSet") or []]
        return _answer({"SendStatusSet": statuses})

    @app.get("/_emulator/sms/messages")
    async def list_messages(request: Request) -> HTTPResponse:
        return json({"messages": state.messages}, ensure_ascii=False)

    @app.post("/_emulator/sms/reply")
    async def reply(request: Request) -> HTTPResponse:
        answer = parse_control(Reply, request)
        if answer.text.strip().upper() in OPT_OUT_REPLIES:
            state.blacklist.add(answer.phone)
        await post_callback(state.reply_callback_url, {
            "extend": "", "mobile": answer.phone.removeprefix("+86"), "nationcode": "86",
            "sign": next(iter(state.sign_names)), "text": answer.text, "time": int(state.clock.now())})
        return json({"blacklisted": answer.phone in state.blacklist})

    @app.post("/_emulator/sms/limits")
    async def set_limits(request: Request) -> HTTPResponse:
        limits = parse_control(Limits, request)
        state.limits = tuple((window, most, code) for (window, _, code), most in zip(
            FREQUENCY_LIMITS, (limits.per_30_seconds, limits.per_hour, limits.per_day), strict=True))
        return json(limits.model_dump())

    @app.post("/_emulator/sms/failing-numbers")
    async def fail_number(request: Request) -> HTTPResponse:
        state.failing_numbers.add(parse_control(PhoneRef, request).phone)
        return json({"failing": sorted(state.failing_numbers)})

    return app


def _send_one(state: SmsEmulatorState, body: dict[str, Any], phone: str, now: float,
              later: Any) -> dict[str, Any]:
    status: dict[str, Any] = {"PhoneNumber": phone, "SessionContext": body.get("SessionContext", ""),
                              "IsoCode": "CN", "Fee": 0, "SerialNo": ""}
    refusal = None
    if not MAINLAND_PHONE.match(phone):
        refusal = ("InvalidParameterValue.IncorrectPhoneNumber", "invalid mobile number")
    elif phone in state.blacklist:
        refusal = ("FailedOperation.PhoneNumberInBlacklist", "the number is in the blacklist")
    elif code := state.frequency_error(phone, now):
        refusal = (code, "the number has reached its sending frequency limit")
    if refusal:
        return {**status, "Code": refusal[0], "Message": refusal[1]}
    serial = f"2433:{next(state.serials):018d}"
    state.sent_at[phone].append(now)
    state.messages.append({"phone": phone, "sign_name": body["SignName"], "template_id": body["TemplateId"],
                           "params": body.get("TemplateParamSet") or [], "serial_no": serial,
                           "session_context": body.get("SessionContext", "")})
    failed = phone in state.failing_numbers
    received = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%d %H:%M:%S")
    later(state.status_callback_url, [{
        "user_receive_time": received, "nationcode": "86", "mobile": phone.removeprefix("+86"),
        "report_status": "FAIL" if failed else "SUCCESS", "errmsg": "MK:0001" if failed else "DELIVRD",
        "description": "用户短信接收失败" if failed else "用户短信送达成功", "sid": serial}])
    return {**status, "Code": "Ok", "Message": "send success", "Fee": 1, "SerialNo": serial}
