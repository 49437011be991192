"""Production refuses development defaults and says which settings are missing."""

import asyncio
import sys

import pytest

from config import SettingsError, load_settings
from config.settings import MIN_SECRET_LENGTH, SHARED_SECRETS, is_local_url, unknown_variables
from tests.support.server import REPO_ROOT, service_env

PROVISIONED = {"HDT_ENV": "production", "DATABASE_URL": "postgres://u@db/hdt",
               "HDT_PUBLIC_BASE_URL": "https://hdt.haidian.gov.cn",
               "HDT_WECHAT_MINIPROGRAM_APP_ID": "wx0123456789abcdef", "HDT_WECHAT_OA_APP_ID": "wxfedcba9876543210",
               "HDT_BJPASS_CLIENT_ID": "haidiantong", "HDT_WECHATPAY_MCH_ID": "1612345678",
               "REDIS_URL": "redis://cache:6379/0", "HDT_DATA_KEY": "a" * 43,
               "HDT_WECHAT_MINIPROGRAM_APP_SECRET": "real-miniprogram-app-secret",
               "HDT_WECHAT_OA_APP_SECRET": "real-official-account-secret",
               "HDT_BJPASS_CLIENT_SECRET": "real-bjpass-secret",
               "HDT_WECHAT_API_BASE_URL": "https://api.weixin.qq.com",
               "HDT_WECHAT_OPEN_BASE_URL": "https://open.weixin.qq.com",
               "HDT_BJPASS_AUTHORIZE_URL": "https://bjpass.example.gov.cn/oauth2/authorize",
               "HDT_BJPASS_TOKEN_URL": "https://bjpass.example.gov.cn/oauth2/token",
               "HDT_BJPASS_USERINFO_URL": "https://bjpass.example.gov.cn/oauth2/userinfo",
               "HDT_OA_CALLBACK_TOKEN": "real-oa-callback-token",
               "HDT_OA_ENCODING_AES_KEY": "b" * 43,
               "HDT_MP_CALLBACK_TOKEN": "real-mp-callback-token", "HDT_SMS_SECRET_KEY": "real-sms-secret-key-0001",
               "HDT_SMS_CALLBACK_TOKEN": "real-sms-callback-token",
               "HDT_SMS_API_URL": "https://sms.tencentcloudapi.com",
               "HDT_WECHATPAY_API_BASE_URL": "https://api.mch.weixin.qq.com",
               "HDT_WECHATPAY_APIV3_KEY": "r" * 32, "HDT_WECHATPAY_MERCHANT_SERIAL": "5157F09EFDC096DE",
               "HDT_PUSH_TEMPLATES": '{"notice": {"oa_template_id": "real-oa-notice", '
                                     '"fields": {"thing1": "{title}"}}}'}
UPSTREAM_URLS = ("HDT_WECHAT_API_BASE_URL", "HDT_WECHAT_OPEN_BASE_URL", "HDT_BJPASS_AUTHORIZE_URL",
                 "HDT_BJPASS_TOKEN_URL", "HDT_BJPASS_USERINFO_URL", "HDT_SMS_API_URL",
                 "HDT_WECHATPAY_API_BASE_URL")


def test_production_names_every_missing_setting(monkeypatch):
    monkeypatch.setenv("HDT_ENV", "production")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    message = str(refused.value)
    for name in ("DATABASE_URL", "REDIS_URL", "HDT_KEYS_DIR", "HDT_DATA_KEY"):
        assert name in message


def test_production_accepts_provisioned_settings(monkeypatch, tmp_path):
    for name, value in {**PROVISIONED, "HDT_KEYS_DIR": str(tmp_path)}.items():
        monkeypatch.setenv(name, value)
    assert load_settings().env == "production"


@pytest.mark.parametrize("value", ["", "x" * (MIN_SECRET_LENGTH - 1)])
@pytest.mark.parametrize("variable", ["HDT_" + name.upper() for name in SHARED_SECRETS])
def test_production_refuses_empty_or_short_shared_secrets(monkeypatch, tmp_path, variable, value):
    """An empty HDT_SMS_CALLBACK_TOKEN let callbacks without a token through."""
    for name, setting in {**PROVISIONED, "HDT_KEYS_DIR": str(tmp_path), variable: value}.items():
        monkeypatch.setenv(name, setting)
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert f"{variable} (at least {MIN_SECRET_LENGTH} characters)" in str(refused.value)


@pytest.mark.parametrize("value", ["", "b" * 42, "b" * 44])
def test_production_refuses_an_encoding_aes_key_not_of_43_characters(monkeypatch, tmp_path, value):
    for name, setting in {**PROVISIONED, "HDT_KEYS_DIR": str(tmp_path), "HDT_OA_ENCODING_AES_KEY": value}.items():
        monkeypatch.setenv(name, setting)
    with pytest.raises(SettingsError, match="HDT_OA_ENCODING_AES_KEY"):
        load_settings()


@pytest.mark.parametrize("url", ["http://127.0.0.1:9001", "http://127.0.0.1:8080/oauth2/token",
                                 "https://127.8.9.10/api", "http://localhost/", "https://LOCALHOST:443",
                                 "http://wechat.localhost:1234", "http://[::1]:9001",
                                 "http://[::ffff:127.0.0.1]/", "http://0.0.0.0:9002", "http://127.1/",
                                 "http://2130706433/", "not a url", "https:///path-only"])
@pytest.mark.parametrize("variable", UPSTREAM_URLS)
def test_production_refuses_upstream_urls_on_this_machine(monkeypatch, tmp_path, variable, url):
    for name, value in {**PROVISIONED, "HDT_KEYS_DIR": str(tmp_path), variable: url}.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert variable in str(refused.value)


@pytest.mark.parametrize(("variable", "development_default"), [
    ("HDT_PUBLIC_BASE_URL", "http://127.0.0.1:8000"), ("HDT_PUBLIC_BASE_URL", "http://localhost"),
    ("HDT_WECHAT_MINIPROGRAM_APP_ID", "wx5f0c3b9e1a2d4c6e"), ("HDT_WECHAT_OA_APP_ID", "wx7a1b2c3d4e5f6a7b"),
    ("HDT_BJPASS_CLIENT_ID", "haidiantong-dev"), ("HDT_WECHATPAY_MCH_ID", "1900000109")])
def test_production_refuses_the_emulators_accounts_and_a_loopback_public_url(
        monkeypatch, tmp_path, variable, development_default):
    for name, value in {**PROVISIONED, "HDT_KEYS_DIR": str(tmp_path), variable: development_default}.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert str(refused.value).count("HDT_") == 2, refused.value  # HDT_ENV=production, then only this one
    assert variable in str(refused.value)


@pytest.mark.parametrize("url", ["https://api.weixin.qq.com", "https://10.0.0.5/", "https://[2001:db8::1]/",
                                 "https://bjpass.example.gov.cn/oauth2/token", "http://dead.beef/"])
def test_remote_urls_are_not_local(url):
    assert not is_local_url(url)


def test_development_keeps_the_emulator_urls(monkeypatch):
    monkeypatch.setenv("HDT_ENV", "development")
    monkeypatch.setenv("HDT_BJPASS_TOKEN_URL", "http://localhost:9999/oauth2/token")
    assert load_settings().bjpass_token_url == "http://localhost:9999/oauth2/token"


def test_invalid_values_are_named_by_their_environment_variable(monkeypatch):
    monkeypatch.setenv("HDT_PUSH_CONCURRENCY", "many")
    monkeypatch.setenv("DATABASE_URL", "mysql://db/hdt")
    monkeypatch.setenv("HDT_DATA_KEY", "too-short")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    message = str(refused.value)
    for name in ("HDT_PUSH_CONCURRENCY", "DATABASE_URL", "HDT_DATA_KEY"):
        assert name in message
    assert "push_concurrency" not in message and "too-short" not in message


def test_unparsable_json_is_named_by_its_environment_variable(monkeypatch):
    monkeypatch.setenv("HDT_PUSH_TEMPLATES", "{not json")
    with pytest.raises(SettingsError, match="HDT_PUSH_TEMPLATES"):
        load_settings()


def test_unknown_prefixed_variables_are_warned_about_one_line_each():
    warnings = unknown_variables({"HDT_DTA_KEY": "x", "HDT_NOT_A_THING": "1", "HDT_ENV": "test",
                                  "DATABASE_URL": "sqlite://x", "HDT_DATABASE_URL": "sqlite://y",
                                  "HDT_TEST_REDIS_URL": "redis://r/15", "PATH": "/bin"})
    assert len(warnings) == 2
    assert "HDT_DTA_KEY" in warnings[0] and "HDT_DATA_KEY" in warnings[0]
    assert "HDT_NOT_A_THING" in warnings[1]


async def test_the_server_refuses_to_start_in_production_with_defaults():
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "serve", cwd=REPO_ROOT, env=service_env(HDT_ENV="production"),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    assert b"HDT_ENV=production refuses development defaults" in stderr
    assert b"DATABASE_URL" in stderr
