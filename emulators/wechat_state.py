"""The WeChat emulator's memory: apps, test users, codes, tokens, sessions and received messages.

Errors are returned as ``WeChatError`` carrying the real ``errcode``/``errmsg`` pair, so the HTTP
layer (``emulators.wechat``) only has to serialise them.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import os
import secrets
from dataclasses import dataclass, field
from typing import Any, Literal

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from emulators.common import EmulatorClock
from push.templates import field_limit

AppKind = Literal["miniprogram", "oa"]
REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600

# The errcode/errmsg pairs WeChat answers with, as documented by WeChat.
ERRMSG = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40003: "invalid openid",
    40013: "invalid appid",
    40029: "invalid code",
    40030: "invalid refresh_token",
    40007: "invalid media_id",
    40037: "invalid template_id",
    40125: "invalid appsecret",
    40130: "invalid openid list size, at least two openid",
    40163: "code been used",
    41001: "access_token missing",
    41002: "appid missing",
    41004: "appsecret missing",
    41008: "missing code",
    42001: "access_token expired",
    42002: "refresh_token expired",
    43004: "require subscribe",
    43101: "user refuse to accept the msg",
    45009: "reach max api daily quota limit",
    45028: "has no masssend quota",
    45065: "clientmsgid exist",
    47001: "data format error",
    47003: "argument invalid!",
    48001: "api unauthorized",
}


class WeChatError(Exception):
    """An error answer of the WeChat API."""

    def __init__(self, errcode: int) -> None:
        self.errcode = errcode
        super().__init__(ERRMSG.get(errcode, "error"))

    def body(self) -> dict[str, Any]:
        return {"errcode": self.errcode, "errmsg": ERRMSG.get(self.errcode, "error")}


@dataclass(frozen=True)
class EmulatedApp:
    app_id: str
    secret: str
    kind: AppKind


@dataclass
class TestUser:
    """A WeChat user of the emulator, known by a short key such as ``zhangsan``."""

    key: str
    nickname: str
    phone: str
    with_unionid: bool = True
    avatar_url: str = "https://thirdwx.qlogo.cn/mmopen/emulator/132"
    risk_rank: int = 0  # getuserriskrank's answer, 0 (normal) to 4 (highest risk)

    def openid(self, app_id: str) -> str:
        """The user's openid in one app: stable and different per app, like WeChat's."""
        digest = hashlib.sha256(f"openid:{app_id}:{self.key}".encode()).digest()
        return "o" + base64.urlsafe_b64encode(digest).decode()[:27]

    @property
    def unionid(self) -> str | None:
        if not self.with_unionid:
            return None
        digest = hashlib.sha256(f"unionid:{self.key}".encode()).digest()
        return "oU" + base64.urlsafe_b64encode(digest).decode()[:26]


DEFAULT_TEST_USERS = (
    TestUser("zhangsan", "张三", "13800138001"),
    TestUser("lisi", "李四", "13800138002"),
    TestUser("wangwu", "王五", "13800138003", with_unionid=False),
)


@dataclass
class IssuedCode:
    kind: Literal["login", "phone", "oauth"]
    app_id: str
    user_key: str
    issued_at: float
    scope: str = ""
    used: bool = False


@dataclass
class AccessToken:
    app_id: str
    expires_at: float
    stable: bool
    invalid_after: float | None = None  # set when a newer token replaced this one


@dataclass
class SnsToken:
    """An OA web-authorisation token (``/sns/oauth2/*``) for one user."""

    app_id: str
    user_key: str
    scope: str
    expires_at: float


@dataclass
class EmulatorOptions:
    access_token_ttl_seconds: int = 7200
    # How long an access token keeps working after a newer one was issued (WeChat: 5 minutes).
    access_token_grace_seconds: int = 300
    code_ttl_seconds: int = 300
    session_key_refresh_seconds: int = 300
    # Messages (template + subscribe) one app may send per second before WeChat answers 45009.
    send_rate_per_second: int = 1000
    # Seconds between a template send and its TEMPLATESENDJOBFINISH callback.
    job_finish_delay_seconds: float = 0.05
    # Seconds between freepublish/submit and the publication with its PUBLISHJOBFINISH event; 0
    # publishes at once (freepublish/get never answers "publishing"), the event still follows.
    publish_delay_seconds: float = 0.0


@dataclass
class CallbackTarget:
    """Where and how the emulator POSTs OA events, like WeChat's 服务器配置."""

    url: str
    token: str
    encoding_aes_key: str
    mode: Literal["plain", "safe"] = "safe"


@dataclass
class WeChatEmulatorState:
    apps: dict[str, EmulatedApp]
    options: EmulatorOptions = field(default_factory=EmulatorOptions)
    clock: EmulatorClock = field(default_factory=EmulatorClock)
    users: dict[str, TestUser] = field(default_factory=dict)
    codes: dict[str, IssuedCode] = field(default_factory=dict)
    access_tokens: dict[str, AccessToken] = field(default_factory=dict)
    current_token: dict[tuple[str, bool], str] = field(default_factory=dict)
    sns_tokens: dict[str, SnsToken] = field(default_factory=dict)
    sns_refresh_tokens: dict[str, SnsToken] = field(default_factory=dict)
    session_keys: dict[tuple[str, str], tuple[str, float]] = field(default_factory=dict)  # key, issued
    subscriptions: dict[tuple[str, str, str], int] = field(default_factory=dict)
    messages: list[dict[str, Any]] = field(default_factory=list)
    msgids: itertools.count = field(default_factory=lambda: itertools.count(2_000_000_001))
    # Template id -> its field keys; empty means any template is accepted.
    templates: dict[str, frozenset[str]] = field(default_factory=dict)
    # Long-term (长期订阅) templates: an accepted subscription is not used up by a send.
    long_term_templates: set[str] = field(default_factory=set)
    # The mini-program's message push server (url, token): subscribe-message events, plain mode.
    mp_callback: tuple[str, str] | None = None
    callback: CallbackTarget | None = None
    default_callback: CallbackTarget | None = None
    followers: set[tuple[str, str]] = field(default_factory=set)  # (OA appid, openid)
    blocked: set[tuple[str, str]] = field(default_factory=set)  # job finish says "failed:user block"
    token_requests: dict[str, int] = field(default_factory=dict)
    client_msg_ids: dict[tuple[str, str, str], int] = field(default_factory=dict)
    sends_this_second: dict[tuple[str, int], int] = field(default_factory=dict)
    # openid -> user key per app, so a send need not hash every user (load tests make 100,000).
    openid_index: dict[str, dict[str, str]] = field(default_factory=dict)
    drafts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # 草稿 media_id -> articles
    publications: dict[str, dict[str, Any]] = field(default_factory=dict)  # publish_id -> outcome

    def __post_init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything issued and received; keep the apps and the default test users."""
        self.users = {u.key: TestUser(u.key, u.nickname, u.phone, u.with_unionid)
                      for u in DEFAULT_TEST_USERS}
        for store in (self.codes, self.access_tokens, self.current_token, self.sns_tokens,
                      self.sns_refresh_tokens, self.session_keys, self.subscriptions, self.followers,
                      self.blocked, self.token_requests, self.client_msg_ids, self.sends_this_second,
                      self.openid_index, self.drafts, self.publications):
            store.clear()
        self.messages.clear()
        self.callback = self.default_callback
        self.options.send_rate_per_second = EmulatorOptions.send_rate_per_second
        self.options.job_finish_delay_seconds = EmulatorOptions.job_finish_delay_seconds
        self.options.publish_delay_seconds = EmulatorOptions.publish_delay_seconds

    # --- apps and users ---------------------------------------------------------------

    def check_app(self, app_id: str | None, secret: str | None, kind: AppKind | None = None) -> EmulatedApp:
        """The app for an appid/secret pair, or the errcode WeChat gives."""
        if not app_id:
            raise WeChatError(41002)
        app = self.apps.get(app_id)
        if app is None or (kind is not None and app.kind != kind):
            raise WeChatError(40013)
        if not secret:
            raise WeChatError(41004)
        if not secrets.compare_digest(secret, app.secret):
            raise WeChatError(40125)
        return app

    def default_app(self, kind: AppKind) -> str:
        return next(a.app_id for a in self.apps.values() if a.kind == kind)

    def user(self, key: str, *, nickname: str | None = None, phone: str | None = None,
             with_unionid: bool | None = None) -> TestUser:
        """The test user ``key``, created on first mention (handy for tests), updated by options."""
        user = self.users.get(key)
        if user is None:
            number = int(hashlib.sha256(key.encode()).hexdigest(), 16) % 10**8
            user = self.users[key] = TestUser(key, f"测试用户{key}", f"139{number:08d}")
        if nickname is not None:
            user.nickname = nickname
        if phone is not None:
            user.phone = phone
        if with_unionid is not None:
            user.with_unionid = with_unionid
        return user

    def user_by_openid(self, app_id: str, openid: str) -> TestUser | None:
        index = self.openid_index.get(app_id)
        # Users are only ever added (reset clears the index too), so a size change means new ones.
        if index is None or len(index) != len(self.users):
            index = self.openid_index[app_id] = {u.openid(app_id): u.key for u in self.users.values()}
        key = index.get(openid)
        return self.users[key] if key is not None else None

    # --- codes ------------------------------------------------------------------------

    def mint_code(self, kind: Literal["login", "phone", "oauth"], app_id: str, user: TestUser,
                  scope: str = "") -> str:
        """A fresh single-use code, as ``wx.login``, ``getPhoneNumber`` or OAuth would give."""
        code = secrets.token_hex(16)
        self.codes[code] = IssuedCode(kind, app_id, user.key, self.clock.now(), scope)
        return code

    def redeem_code(self, code: str | None, kind: str, app_id: str) -> IssuedCode:
        """Use a code once: unknown or expired -> 40029, used before -> 40163."""
        if not code:
            raise WeChatError(41008)
        issued = self.codes.get(code)
        if issued is None or issued.kind != kind or issued.app_id != app_id:
            raise WeChatError(40029)
        if issued.used:
            raise WeChatError(40163)
        if self.clock.now() - issued.issued_at > self.options.code_ttl_seconds:
            raise WeChatError(40029)
        issued.used = True
        return issued

    def start_session(self, app_id: str, user: TestUser) -> str:
        """The session_key ``jscode2session`` returns: renewed at a login, but not more often
        than every ``session_key_refresh_seconds`` (WeChat's refresh has a minimum period)."""
        now = self.clock.now()
        current = self.session_keys.get((app_id, user.key))
        if current and now - current[1] < self.options.session_key_refresh_seconds:
            return current[0]
        session_key = base64.b64encode(os.urandom(16)).decode()
        self.session_keys[(app_id, user.key)] = (session_key, now)
        return session_key

    # --- access tokens ----------------------------------------------------------------

    def issue_access_token(self, app_id: str, *, stable: bool, force_refresh: bool) -> tuple[str, int]:
        """A token and its remaining lifetime; a new one retires the previous after a grace period."""
        self.token_requests[app_id] = self.token_requests.get(app_id, 0) + 1
        now = self.clock.now()
        current = self.current_token.get((app_id, stable))
        if stable and current and not force_refresh:
            token = self.access_tokens[current]
            if token.expires_at > now:
                return current, int(token.expires_at - now)
        if current:
            self.access_tokens[current].invalid_after = now + self.options.access_token_grace_seconds
        value = secrets.token_urlsafe(96)
        self.access_tokens[value] = AccessToken(app_id, now + self.options.access_token_ttl_seconds, stable)
        self.current_token[(app_id, stable)] = value
        return value, self.options.access_token_ttl_seconds

    def check_access_token(self, value: str | None) -> EmulatedApp:
        """The app an access token belongs to: 41001 missing, 40001 unknown or replaced, 42001 expired."""
        if not value:
            raise WeChatError(41001)
        token = self.access_tokens.get(value)
        now = self.clock.now()
        if token is None or (token.invalid_after is not None and now > token.invalid_after):
            raise WeChatError(40001)
        if now >= token.expires_at:
            raise WeChatError(42001)
        return self.apps[token.app_id]

    # --- OA web authorisation ---------------------------------------------------------

    def issue_sns_tokens(self, app_id: str, user_key: str, scope: str) -> tuple[str, str]:
        now = self.clock.now()
        access, refresh = secrets.token_urlsafe(48), secrets.token_urlsafe(48)
        self.sns_tokens[access] = SnsToken(app_id, user_key, scope,
                                           now + self.options.access_token_ttl_seconds)
        self.sns_refresh_tokens[refresh] = SnsToken(app_id, user_key, scope,
                                                    now + REFRESH_TOKEN_TTL_SECONDS)
        return access, refresh

    def check_sns_token(self, store: dict[str, SnsToken], value: str | None, *,
                        invalid: int, expired: int) -> SnsToken:
        token = store.get(value or "")
        if token is None:
            raise WeChatError(invalid)
        if self.clock.now() >= token.expires_at:
            raise WeChatError(expired)
        return token

    # --- messages ---------------------------------------------------------------------

    def record_message(self, kind: str, app: EmulatedApp, body: dict[str, Any]) -> tuple[int, bool]:
        """Check and record one message; returns its msgid and whether it is new (not a repeat)."""
        touser, template_id = body.get("touser"), body.get("template_id")
        if not isinstance(template_id, str) or not template_id:
            raise WeChatError(40037)
        self._check_data(template_id, body.get("data"))
        user = self.user_by_openid(app.app_id, touser) if isinstance(touser, str) else None
        if user is None:
            raise WeChatError(40003)
        client_msg_id = body.get("client_msg_id")
        repeat_key = (app.app_id, touser, str(client_msg_id))
        if kind == "template" and client_msg_id and repeat_key in self.client_msg_ids:
            return self.client_msg_ids[repeat_key], False
        second = (app.app_id, int(self.clock.now()))
        if self.sends_this_second.get(second, 0) >= self.options.send_rate_per_second:
            raise WeChatError(45009)
        self.sends_this_second = {second: self.sends_this_second.get(second, 0) + 1}
        if kind == "template" and (app.app_id, touser) not in self.followers:
            raise WeChatError(43004)
        if kind in ("subscribe", "bizsend"):  # the mini-program's and the OA's 订阅通知
            quota_key = (app.app_id, touser, template_id)
            if self.subscriptions.get(quota_key, 0) < 1:
                raise WeChatError(43101)
            if template_id not in self.long_term_templates:
                self.subscriptions[quota_key] -= 1
        msgid = next(self.msgids)
        if kind == "template" and client_msg_id:
            self.client_msg_ids[repeat_key] = msgid
        self.messages.append({"msgid": msgid, "kind": kind, "appid": app.app_id,
                              "received_at": self.clock.now(), **body})
        return msgid, True

    def _check_data(self, template_id: str, data: Any) -> None:
        """Unknown template -> 40037; a field the template lacks or a value too long -> 47003."""
        if not self.templates:
            return
        keys = self.templates.get(template_id)
        if keys is None:
            raise WeChatError(40037)
        if not isinstance(data, dict) or not set(data) <= keys:
            raise WeChatError(47003)
        for key, entry in data.items():
            value = entry.get("value") if isinstance(entry, dict) else None
            if not isinstance(value, str) or len(value) > field_limit(key):
                raise WeChatError(47003)


def encrypt_for_miniprogram(session_key: str, payload: dict[str, Any]) -> dict[str, str]:
    """``encryptedData``/``iv`` as ``getPhoneNumber``/``getUserInfo`` hand them to the mini-program."""
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    plain = padder.update(json.dumps(payload, ensure_ascii=False).encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(base64.b64decode(session_key)), modes.CBC(iv)).encryptor()
    sealed = encryptor.update(plain) + encryptor.finalize()
    return {"encryptedData": base64.b64encode(sealed).decode(), "iv": base64.b64encode(iv).decode()}


def phone_info(user: TestUser, app_id: str, now: float) -> dict[str, Any]:
    """The ``phone_info`` WeChat gives for a phone code or encrypted data, watermarked for ``app_id``."""
    return {"phoneNumber": user.phone, "purePhoneNumber": user.phone, "countryCode": "86",
            "watermark": {"timestamp": int(now), "appid": app_id}}
