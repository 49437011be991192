"""All configuration, from environment variables; see the table in README.md."""

from __future__ import annotations

import base64
import difflib
import ipaddress
import re
import socket
from collections.abc import Mapping
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import pydantic
import pydantic_settings
from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from config.dev_templates import DEV_PUSH_TEMPLATES

DEFAULT_DATABASE_URL = "sqlite://var/haidiantong.sqlite3"
DEFAULT_KEYS_DIR = Path("var/keys")
# Development defaults of the external identity providers: they match the local emulators
# started by `python -m app emulators`, and production refuses them.
EMULATOR_WECHAT_URL = "http://127.0.0.1:9001"
EMULATOR_BJPASS_URL = "http://127.0.0.1:9002"
EMULATOR_SMS_URL = "http://127.0.0.1:9003"
EMULATOR_WECHATPAY_URL = "http://127.0.0.1:9004"
DEV_MINIPROGRAM_APP_SECRET = "emulator-miniprogram-secret"
DEV_OA_APP_SECRET = "emulator-official-account-secret"
DEV_BJPASS_CLIENT_SECRET = "emulator-beijing-pass-secret"
DEV_OA_CALLBACK_TOKEN = "emulator-oa-callback-token"
DEV_OA_ENCODING_AES_KEY = "ZW11bGF0b3Itb2EtYWVzLWtleS0wMTIzNDU2Nzg5YWI"  # 43 chars, like WeChat's
DEV_MP_CALLBACK_TOKEN = "emulator-miniprogram-callback-token"
DEV_SMS_SECRET_KEY = "emulator-sms-secret-key"
DEV_SMS_CALLBACK_TOKEN = "emulator-sms-callback-token"
DEV_WECHATPAY_APIV3_KEY = "emulator0wechatpay0apiv3key00032"  # 32 bytes, like the real one
DEV_WECHATPAY_MERCHANT_SERIAL = "E0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3"
# The emulators' accounts: production must name its own.
DEV_MINIPROGRAM_APP_ID = "wx5f0c3b9e1a2d4c6e"
DEV_OA_APP_ID = "wx7a1b2c3d4e5f6a7b"
DEV_BJPASS_CLIENT_ID = "haidiantong-dev"
DEV_WECHATPAY_MCH_ID = "1900000109"  # WeChat Pay's documentation's sample merchant
# Shared secrets: callback tokens, app secrets, API keys. Production refuses one shorter than
# MIN_SECRET_LENGTH: an empty callback token lets anyone through the callback it guards, a short
# one falls to guessing (WeChat's console takes Tokens of up to 32 characters).
SHARED_SECRETS = ("wechat_miniprogram_app_secret", "wechat_oa_app_secret", "bjpass_client_secret",
                  "oa_callback_token", "mp_callback_token", "sms_secret_key", "sms_callback_token")
MIN_SECRET_LENGTH = 16
OA_ENCODING_AES_KEY_LENGTH = 43  # as WeChat's console gives it: 32 bytes in base64 without padding

# Variables with our prefix that are read by the test suite, not by the service.
NOT_SETTINGS = frozenset({"HDT_TEST_DATABASE_URL", "HDT_TEST_REDIS_URL", "HDT_REQUIRE_BROWSER"})


def decode_data_key(value: str) -> bytes:
    """A data key setting's 32 bytes (base64url, padding optional); ValueError otherwise."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise ValueError("must be 32 random bytes, base64url (43 characters)")
    return raw


class SettingsError(RuntimeError):
    """The configuration cannot be used in the current environment."""


class Settings(BaseSettings):
    """Service settings. Names are the environment variables (prefix ``HDT_`` unless noted)."""

    # validate_by_name: callers (tests, tools) pass field names; the aliases are for the environment.
    model_config = SettingsConfigDict(env_prefix="HDT_", extra="ignore", frozen=True,
                                      validate_by_name=True)

    env: Literal["development", "test", "production"] = "development"
    database_url: str = Field(
        DEFAULT_DATABASE_URL, validation_alias=AliasChoices("DATABASE_URL", "HDT_DATABASE_URL")
    )
    redis_url: str | None = Field(None, validation_alias=AliasChoices("REDIS_URL", "HDT_REDIS_URL"))
    # Above a process's requests in flight: once callers wait for a connection, redis-py's pool
    # hands it over through one lock, a turn of the event loop per waiter, and at a slot release
    # 128 waiters on a 64-connection pool made gate calls wait over a second (docs/release.md).
    redis_max_connections: int = 512
    keys_dir: Path = DEFAULT_KEYS_DIR
    data_key: str | None = None
    # Earlier HDT_DATA_KEYs, oldest first (a JSON list): they still unwrap data keys until
    # `python -m app rotate-data-key` has re-wrapped them with the current one (docs/prereview.md).
    data_key_previous: list[str] = []
    public_base_url: str = "http://127.0.0.1:8000"

    access_token_ttl_seconds: int = 600
    # How long a worker trusts its last "session not revoked" answer (another worker's logout).
    session_check_cache_seconds: float = Field(2.0, ge=0, le=60)
    refresh_token_ttl_seconds: int = 30 * 24 * 3600
    max_request_bytes: int = 1024 * 1024
    proxies_count: int = 0

    login_window_seconds: int = 900
    login_max_failures_per_account: int = 5
    login_max_failures_per_ip: int = 30

    ledger_witness_file: Path | None = None
    ledger_witness_url: str | None = None
    wechat_api_base_url: str = EMULATOR_WECHAT_URL
    wechat_open_base_url: str = EMULATOR_WECHAT_URL
    wechat_miniprogram_app_id: str = DEV_MINIPROGRAM_APP_ID
    wechat_miniprogram_app_secret: str = DEV_MINIPROGRAM_APP_SECRET
    wechat_oa_app_id: str = DEV_OA_APP_ID
    wechat_oa_app_secret: str = DEV_OA_APP_SECRET
    # The permanent media id of the cover WeChat shows for published articles (uploaded once in
    # the account's console); each article's own cover_url is for the mini-program and app list.
    wechat_oa_article_thumb_media_id: str = "dev-article-cover"
    upstream_timeout_seconds: float = 5.0

    bjpass_authorize_url: str = EMULATOR_BJPASS_URL + "/oauth2/authorize"
    bjpass_token_url: str = EMULATOR_BJPASS_URL + "/oauth2/token"
    bjpass_userinfo_url: str = EMULATOR_BJPASS_URL + "/oauth2/userinfo"
    bjpass_client_id: str = DEV_BJPASS_CLIENT_ID
    bjpass_client_secret: str = DEV_BJPASS_CLIENT_SECRET
    bjpass_scope: str = "openid profile idcard"

    # Origins (scheme://host[:port]) a browser login may return to, besides public_base_url's;
    # their pages may also call the API (CORS).
    login_return_origins: list[str] = []
    # Origins of other front ends that call the API from a browser (CORS), e.g. a staff console.
    cors_origins: list[str] = []
    oauth_state_ttl_seconds: int = 600

    catalog_cache_seconds: int = 300
    catalog_local_cache_seconds: float = 30.0
    catalog_local_cache_entries: int = 4096

    appointment_horizon_days: int = Field(14, ge=1, le=90)
    appointment_daily_limit: int = Field(2, ge=1)
    appointment_cancel_cutoff_minutes: int = Field(60, ge=0)
    appointment_no_show_limit: int = Field(3, ge=1)
    appointment_no_show_window_days: int = Field(90, ge=1)
    appointment_availability_cache_seconds: int = Field(3, ge=0)
    # The admission gate in Redis in front of the seat update (docs/release.md); off = database only.
    appointment_gate: bool = True
    # Booking and draw-entry attempts per device (X-Device-Id) and per client address in a fixed
    # window (docs/release.md, "Against scalpers and scripts"); 0 = no limit. The address limit is
    # generous: many residents share a carrier's address (CGNAT).
    booking_rate_window_seconds: int = Field(10, ge=1, le=3600)
    booking_resident_limit: int = Field(10, ge=0)
    booking_device_limit: int = Field(5, ge=0)
    booking_address_limit: int = Field(600, ge=0)
    # High-demand slots ask WeChat's getuserriskrank (0-4) at booking; a rank above this is refused.
    booking_risk_rank_max: int = Field(2, ge=0, le=4)
    # How long a freed seat is held for the next resident on the waiting list (docs/release.md).
    waitlist_hold_minutes: int = Field(10, ge=1, le=120)
    checkin_early_minutes: int = Field(30, ge=0)
    checkin_late_minutes: int = Field(15, ge=0)

    # Push (docs/push.md): queue, retries, rate limit, templates, OA callback.
    push_concurrency: int = Field(4, ge=1, le=256)
    push_bulk_batch: int = Field(100, ge=1, le=1000)  # events per batch job (push/bulk.py)
    push_bulk_concurrency: int = Field(16, ge=1, le=256)  # sends in flight per batch job
    push_job_timeout_seconds: int = Field(30, ge=1)
    push_sweep_seconds: int = Field(10, ge=1)
    push_max_attempts: int = Field(8, ge=1, le=50)
    push_retry_base_seconds: float = Field(2.0, ge=0)
    push_retry_max_seconds: float = Field(600.0, ge=0)
    push_rate_per_second: int = Field(100, ge=1)
    push_relay_interval_seconds: float = Field(1.0, gt=0)
    push_in_process: bool = False
    periodic_in_process: bool = False  # app/periodic.py; `python -m app run` sets it
    push_templates: dict[str, dict[str, object]] = DEV_PUSH_TEMPLATES
    oa_callback_token: str = DEV_OA_CALLBACK_TOKEN
    oa_encoding_aes_key: str = DEV_OA_ENCODING_AES_KEY
    oa_callback_max_age_seconds: int = 300
    # The mini-program's message push (消息推送) server configuration: subscribe-message events.
    mp_callback_token: str = DEV_MP_CALLBACK_TOKEN
    # SMS (docs/push.md, "SMS"): Tencent Cloud SMS SendSms, API 3.0.
    sms_api_url: str = EMULATOR_SMS_URL
    sms_region: str = "ap-guangzhou"
    sms_secret_id: str = "AKIDemulator"
    sms_secret_key: str = DEV_SMS_SECRET_KEY
    sms_sdk_app_id: str = "1400000000"
    sms_sign_name: str = "海淀通"  # the approved signature (签名)
    # Shared secret in the status-report and reply callback URLs (Tencent does not sign them).
    sms_callback_token: str = DEV_SMS_CALLBACK_TOKEN
    # Seconds before an SMS refused by a per-number frequency limit is tried again.
    sms_rate_limited_retry_seconds: float = Field(60.0, ge=0)
    # WeChat Pay API v3 (docs/payments.md): the merchant, its key and certificate serial, the APIv3
    # key, and the platform certificates (PEM files; none: downloaded from /v3/certificates).
    wechatpay_api_base_url: str = EMULATOR_WECHATPAY_URL
    wechatpay_mch_id: str = DEV_WECHATPAY_MCH_ID
    wechatpay_merchant_serial: str = DEV_WECHATPAY_MERCHANT_SERIAL
    # The merchant's API private key (apiclient_key.pem); none: HDT_KEYS_DIR/wechatpay/apiclient_key.pem,
    # which development generates and production must provision.
    wechatpay_private_key_path: Path | None = None
    wechatpay_apiv3_key: str = Field(DEV_WECHATPAY_APIV3_KEY, min_length=32, max_length=32)
    wechatpay_platform_certificates: list[Path] = []
    # A notification older (or newer) than this is refused, as WeChat Pay's guide recommends.
    wechatpay_notify_max_age_seconds: int = Field(300, ge=30, le=3600)
    # An order unpaid this long is asked about (query by out_trade_no) by the sweep.
    wechatpay_query_after_seconds: int = Field(60, ge=0)
    wechatpay_order_expire_minutes: int = Field(120, ge=5, le=7 * 24 * 60)
    oa_welcome_message: str = "欢迎关注海淀政务！在“海淀通”小程序可预约办事、查询进度。"
    # Hosts (and their subdomains) that menu view buttons and reply links may open (docs/official-account.md).
    oa_link_domains: list[str] = ["haidian.gov.cn", "h5.haidian.example"]
    # Seed replies: keyword (exact, case-insensitive) or menu key -> text, answered when no
    # managed reply (services/oa/replies.py) matches.
    oa_auto_replies: dict[str, str] = {"预约": "请在“海淀通”小程序首页点“网上预约”。",
                                       "进度": "请在“海淀通”小程序“我的办件”查看办理进度。",
                                       "MENU_HOTLINE": "海淀区政务服务热线：12345"}

    storage_dir: Path = Path("var/uploads")
    # S3-compatible object storage (MinIO, OSS, COS …); unset bucket = the local directory above.
    s3_bucket: str | None = None
    s3_endpoint_url: str | None = None
    s3_region: str = "us-east-1"
    s3_access_key_id: str | None = None
    s3_secret_access_key: str | None = None
    upload_max_bytes: int = Field(10 * 1024 * 1024, ge=1)
    application_max_bytes: int = Field(50 * 1024 * 1024, ge=1)
    download_url_ttl_seconds: int = Field(300, ge=10, le=3600)
    prereview_default_days: int = Field(3, ge=0, le=60)
    prereview_due_soon_days: int = Field(2, ge=0, le=30)
    # One window (docs/onewindow.md): the yellow flag covers due dates within this many working days.
    workflow_due_soon_days: int = Field(2, ge=0, le=30)
    # Where a denial or refusal may be challenged, as the notices state it (docs/documents.md).
    documents_reconsideration_body: str = Field("北京市海淀区人民政府", min_length=1, max_length=64)
    documents_litigation_court: str = Field("北京市海淀区人民法院", min_length=1, max_length=64)

    log_level: str = "INFO"
    # Private attributes the fast path's self-check is to treat as missing (app.fastpath), as
    # JSON: how a test starts the service on the plain path. Empty in service.
    fast_path_hidden: tuple[str, ...] = ()
    log_json: bool = True
    access_log: bool = True

    @field_validator("database_url")
    @classmethod
    def _database_url_is_supported(cls, value: str) -> str:
        if not value.startswith(("postgres://", "postgresql://", "sqlite://")):
            raise ValueError("must be postgres://user:pass@host:5432/db or sqlite://path")
        try:
            urlsplit(value).port  # noqa: B018 - reading the port is what validates it
        except ValueError as exc:
            raise ValueError(f"not a valid URL ({exc})") from None
        return value

    @field_validator("login_return_origins", "cors_origins")
    @classmethod
    def _are_origins(cls, values: list[str]) -> list[str]:
        return [normalise_origin(value) for value in values]

    @field_validator("data_key")
    @classmethod
    def _data_key_is_32_bytes(cls, value: str | None) -> str | None:
        # Checked here so that a bad key stops the start with its name, not a worker's traceback.
        if value:
            decode_data_key(value)
        return value

    @field_validator("data_key_previous")
    @classmethod
    def _previous_data_keys_are_32_bytes(cls, values: list[str]) -> list[str]:
        for value in values:
            decode_data_key(value)
        return values

    @property
    def allows_loopback_origins(self) -> bool:
        """In development a page on any loopback port may call the API and finish a browser login."""
        return self.env == "development"

    @property
    def field_key(self) -> str | None:
        """The key of the field cipher (phones, ID numbers, blind indexes): the first data key.

        Blind indexes must stay stable for lookups, so the field cipher keeps the deployment's
        first key while the envelope's wrapping key rotates (docs/prereview.md)."""
        return self.data_key_previous[0] if self.data_key_previous else self.data_key

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def development_defaults_in_use(self) -> list[str]:
        """Names of settings still on a development default, which production refuses."""
        missing = []
        if self.is_sqlite:
            missing.append("DATABASE_URL (SQLite is for development; use postgres://...)")
        if not self.redis_url:
            missing.append("REDIS_URL (the in-process stand-in is for development)")
        if self.keys_dir == DEFAULT_KEYS_DIR:
            missing.append("HDT_KEYS_DIR (signing keys must be provisioned, not generated)")
        if not self.data_key:
            missing.append("HDT_DATA_KEY (personal-data encryption key)")
        for name, value in (("HDT_WECHAT_MINIPROGRAM_APP_SECRET", self.wechat_miniprogram_app_secret),
                            ("HDT_WECHAT_OA_APP_SECRET", self.wechat_oa_app_secret),
                            ("HDT_BJPASS_CLIENT_SECRET", self.bjpass_client_secret),
                            ("HDT_OA_CALLBACK_TOKEN", self.oa_callback_token),
                            ("HDT_OA_ENCODING_AES_KEY", self.oa_encoding_aes_key),
                            ("HDT_MP_CALLBACK_TOKEN", self.mp_callback_token),
                            ("HDT_SMS_SECRET_KEY", self.sms_secret_key),
                            ("HDT_SMS_CALLBACK_TOKEN", self.sms_callback_token),
                            ("HDT_WECHATPAY_APIV3_KEY", self.wechatpay_apiv3_key),
                            ("HDT_WECHATPAY_MERCHANT_SERIAL", self.wechatpay_merchant_serial)):
            if value in (DEV_MINIPROGRAM_APP_SECRET, DEV_OA_APP_SECRET, DEV_BJPASS_CLIENT_SECRET,
                         DEV_OA_CALLBACK_TOKEN, DEV_OA_ENCODING_AES_KEY, DEV_MP_CALLBACK_TOKEN,
                         DEV_SMS_SECRET_KEY, DEV_SMS_CALLBACK_TOKEN, DEV_WECHATPAY_APIV3_KEY,
                         DEV_WECHATPAY_MERCHANT_SERIAL):
                missing.append(f"{name} (the emulator's secret)")
        for name, value, emulators in (
                ("HDT_WECHAT_MINIPROGRAM_APP_ID", self.wechat_miniprogram_app_id, DEV_MINIPROGRAM_APP_ID),
                ("HDT_WECHAT_OA_APP_ID", self.wechat_oa_app_id, DEV_OA_APP_ID),
                ("HDT_BJPASS_CLIENT_ID", self.bjpass_client_id, DEV_BJPASS_CLIENT_ID),
                ("HDT_WECHATPAY_MCH_ID", self.wechatpay_mch_id, DEV_WECHATPAY_MCH_ID)):
            if value == emulators:
                missing.append(f"{name} (the emulator's account)")
        if is_local_url(self.public_base_url):
            # It becomes the OAuth redirect URI and the verification link printed on documents.
            missing.append("HDT_PUBLIC_BASE_URL (loopback or no host: residents cannot reach it)")
        for name, value in (("HDT_WECHAT_API_BASE_URL", self.wechat_api_base_url),
                            ("HDT_WECHAT_OPEN_BASE_URL", self.wechat_open_base_url),
                            ("HDT_BJPASS_AUTHORIZE_URL", self.bjpass_authorize_url),
                            ("HDT_BJPASS_TOKEN_URL", self.bjpass_token_url),
                            ("HDT_BJPASS_USERINFO_URL", self.bjpass_userinfo_url),
                            ("HDT_SMS_API_URL", self.sms_api_url),
                            ("HDT_WECHATPAY_API_BASE_URL", self.wechatpay_api_base_url)):
            if is_local_url(value):
                missing.append(f"{name} (loopback or no host: the emulator, not the real service)")
        if self.push_templates == DEV_PUSH_TEMPLATES:
            missing.append("HDT_PUSH_TEMPLATES (development template ids)")
        return missing

    def short_secrets(self) -> list[str]:
        """Names of shared secrets shorter than production accepts (empty ones included)."""
        short = [f"{_env_name(name)} (at least {MIN_SECRET_LENGTH} characters)"
                 for name in SHARED_SECRETS if len(getattr(self, name)) < MIN_SECRET_LENGTH]
        if len(self.oa_encoding_aes_key) != OA_ENCODING_AES_KEY_LENGTH:
            short.append(f"HDT_OA_ENCODING_AES_KEY ({OA_ENCODING_AES_KEY_LENGTH} characters)")
        return short


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment; production refuses development defaults and short secrets.

    Every refusal is a ``SettingsError`` naming the environment variables to fix."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except pydantic.ValidationError as exc:
        raise SettingsError("invalid settings: " + "; ".join(
            f"{_env_name(str(error['loc'][0]) if error['loc'] else '?')}: "
            f"{error['msg'].removeprefix('Value error, ')}"
            for error in exc.errors())) from None
    except pydantic_settings.SettingsError as exc:
        # Raised when a JSON-valued variable does not parse; it names the field only.
        field = re.search(r'field "(\w+)"', str(exc))
        name = _env_name(field.group(1)) if field else "a JSON-valued setting"
        raise SettingsError(f"invalid settings: {name}: not valid JSON") from None
    if settings.env == "production":
        missing = settings.development_defaults_in_use() + settings.short_secrets()
        if missing:
            raise SettingsError(
                "HDT_ENV=production refuses development defaults; set: " + "; ".join(missing)
            )
    return settings


def _env_name(field_or_alias: str) -> str:
    """The environment variable that sets a field (its first alias, else ``HDT_`` + its name)."""
    field = Settings.model_fields.get(field_or_alias)
    if field is None:
        return field_or_alias.upper()
    if isinstance(field.validation_alias, AliasChoices):
        return str(field.validation_alias.choices[0])
    return "HDT_" + field_or_alias.upper()


def _known_env_names() -> set[str]:
    names = set(NOT_SETTINGS)
    for name, field in Settings.model_fields.items():
        names.add("HDT_" + name.upper())
        if isinstance(field.validation_alias, AliasChoices):
            names.update(str(choice).upper() for choice in field.validation_alias.choices)
    return names


def unknown_variables(environ: Mapping[str, str]) -> list[str]:
    """One warning per ``HDT_`` variable that sets nothing (a typo would otherwise go unnoticed)."""
    known = _known_env_names()
    warnings = []
    for name in sorted(environ):
        if name.upper().startswith("HDT_") and name.upper() not in known:
            close = difflib.get_close_matches(name.upper(), known, n=1, cutoff=0.85)
            hint = f" (did you mean {close[0]}?)" if close else ""
            warnings.append(f"warning: {name} is not a setting and is ignored{hint}")
    return warnings


def is_local_url(url: str) -> bool:
    """Whether ``url`` points at this machine (loopback, ``localhost``, unspecified) or nowhere."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return True
    if not host or host == "localhost" or host.endswith(".localhost") or host == "ip6-localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        # Shorthand IPv4 forms resolvers accept, such as 127.1 or 2130706433.
        if not re.fullmatch(r"[0-9a-fx.]+", host):
            return False
        try:
            address = ipaddress.ip_address(socket.inet_aton(host))
        except OSError:
            return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def normalise_origin(value: str) -> str:
    """``scheme://host[:port]`` as browsers send it in ``Origin``: lower case, no default port.

    Raises ``ValueError`` for anything else (a path, a query, user info, another scheme)."""
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        raise ValueError(f"{value!r} is not an origin") from None
    if (parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc
            or parts.path not in ("", "/") or parts.query or parts.fragment):
        raise ValueError(f"{value!r} is not an origin (scheme://host[:port])")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    default_port = {"http": 80, "https": 443}[parts.scheme]
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default_port else "")


def is_loopback_origin(origin: str) -> bool:
    """Whether a browser's ``Origin`` is a page on this machine (any port)."""
    try:
        return is_local_url(normalise_origin(origin))
    except ValueError:
        return False
