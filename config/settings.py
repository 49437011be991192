"""All configuration, from environment variables; see the table in README.md."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite://var/haidiantong.sqlite3"
DEFAULT_KEYS_DIR = Path("var/keys")
# Development defaults of the external identity providers: they match the local emulators
# started by `python -m app emulators`, and production refuses them.
EMULATOR_WECHAT_URL = "http://127.0.0.1:9001"
EMULATOR_BJPASS_URL = "http://127.0.0.1:9002"
DEV_MINIPROGRAM_APP_SECRET = "emulator-miniprogram-secret"
DEV_OA_APP_SECRET = "emulator-official-account-secret"
DEV_BJPASS_CLIENT_SECRET = "emulator-beijing-pass-secret"


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
    redis_max_connections: int = 64
    keys_dir: Path = DEFAULT_KEYS_DIR
    data_key: str | None = None
    public_base_url: str = "http://127.0.0.1:8000"

    access_token_ttl_seconds: int = 600
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
    wechat_miniprogram_app_id: str = "wx5f0c3b9e1a2d4c6e"
    wechat_miniprogram_app_secret: str = DEV_MINIPROGRAM_APP_SECRET
    wechat_oa_app_id: str = "wx7a1b2c3d4e5f6a7b"
    wechat_oa_app_secret: str = DEV_OA_APP_SECRET
    upstream_timeout_seconds: float = 5.0

    bjpass_authorize_url: str = EMULATOR_BJPASS_URL + "/oauth2/authorize"
    bjpass_token_url: str = EMULATOR_BJPASS_URL + "/oauth2/token"
    bjpass_userinfo_url: str = EMULATOR_BJPASS_URL + "/oauth2/userinfo"
    bjpass_client_id: str = "haidiantong-dev"
    bjpass_client_secret: str = DEV_BJPASS_CLIENT_SECRET
    bjpass_scope: str = "openid profile idcard"

    # Origins (scheme://host[:port]) a browser login may return to, besides public_base_url's.
    login_return_origins: list[str] = []
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
    checkin_early_minutes: int = Field(30, ge=0)
    checkin_late_minutes: int = Field(15, ge=0)

    storage_dir: Path = Path("var/uploads")
    upload_max_bytes: int = Field(10 * 1024 * 1024, ge=1)
    application_max_bytes: int = Field(50 * 1024 * 1024, ge=1)
    download_url_ttl_seconds: int = Field(300, ge=10, le=3600)
    prereview_default_days: int = Field(3, ge=0, le=60)
    prereview_due_soon_days: int = Field(2, ge=0, le=30)

    log_level: str = "INFO"
    log_json: bool = True
    access_log: bool = True

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
                            ("HDT_BJPASS_CLIENT_SECRET", self.bjpass_client_secret)):
            if value in (DEV_MINIPROGRAM_APP_SECRET, DEV_OA_APP_SECRET, DEV_BJPASS_CLIENT_SECRET):
                missing.append(f"{name} (the emulator's secret)")
        for name, value in (("HDT_WECHAT_API_BASE_URL", self.wechat_api_base_url),
                            ("HDT_WECHAT_OPEN_BASE_URL", self.wechat_open_base_url),
                            ("HDT_BJPASS_TOKEN_URL", self.bjpass_token_url)):
            if value.startswith((EMULATOR_WECHAT_URL, EMULATOR_BJPASS_URL)):
                missing.append(f"{name} (points at the local emulator)")
        return missing


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment; production refuses development defaults."""
    settings = Settings(**overrides)  # type: ignore[arg-type]
    if settings.env == "production":
        missing = settings.development_defaults_in_use()
        if missing:
            raise SettingsError(
                "HDT_ENV=production refuses development defaults; set: " + "; ".join(missing)
            )
    return settings
