"""Production refuses development defaults and says which settings are missing."""

import asyncio
import sys

import pytest

from config import SettingsError, load_settings
from tests.support.server import REPO_ROOT, service_env


def test_production_names_every_missing_setting(monkeypatch):
    monkeypatch.setenv("HDT_ENV", "production")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    message = str(refused.value)
    for name in ("DATABASE_URL", "REDIS_URL", "HDT_KEYS_DIR", "HDT_DATA_KEY"):
        assert name in message


def test_production_accepts_provisioned_settings(monkeypatch, tmp_path):
    for name, value in {"HDT_ENV": "production", "DATABASE_URL": "postgres://u@db/hdt",
                        "REDIS_URL": "redis://cache:6379/0", "HDT_KEYS_DIR": str(tmp_path),
                        "HDT_DATA_KEY": "a" * 43,
                        "HDT_WECHAT_MINIPROGRAM_APP_SECRET": "real-mp-secret",
                        "HDT_WECHAT_OA_APP_SECRET": "real-oa-secret",
                        "HDT_BJPASS_CLIENT_SECRET": "real-bjpass-secret",
                        "HDT_WECHAT_API_BASE_URL": "https://api.weixin.qq.com",
                        "HDT_WECHAT_OPEN_BASE_URL": "https://open.weixin.qq.com",
                        "HDT_BJPASS_TOKEN_URL": "https://bjpass.example.gov.cn/oauth2/token",
                        "HDT_OA_CALLBACK_TOKEN": "real-oa-token",
                        "HDT_OA_ENCODING_AES_KEY": "b" * 43,
                        "HDT_PUSH_TEMPLATES": '{"notice": {"oa_template_id": "real-oa-notice", '
                                              '"fields": {"thing1": "{title}"}}}'}.items():
        monkeypatch.setenv(name, value)
    assert load_settings().env == "production"


async def test_the_server_refuses_to_start_in_production_with_defaults():
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "serve", cwd=REPO_ROOT, env=service_env(HDT_ENV="production"),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode != 0
    assert b"HDT_ENV=production refuses development defaults" in stderr
    assert b"DATABASE_URL" in stderr
