"""Production refuses the emulators' endpoints and secrets."""

import pytest

from config import SettingsError, load_settings

PRODUCTION_READY = {"env": "production", "database_url": "postgres://db/hdt", "redis_url": "redis://r/0",
                    "keys_dir": "/etc/hdt/keys", "data_key": "k" * 43,
                    "public_base_url": "https://hdt.haidian.gov.cn", "wechat_miniprogram_app_id": "wx0123456789abcdef",
                    "wechat_oa_app_id": "wxfedcba9876543210", "bjpass_client_id": "haidiantong",
                    "wechatpay_mch_id": "1612345678"}


def test_production_refuses_the_emulator_defaults():
    with pytest.raises(SettingsError) as refused:
        load_settings(**PRODUCTION_READY)
    for name in ("HDT_WECHAT_MINIPROGRAM_APP_SECRET", "HDT_WECHAT_OA_APP_SECRET", "HDT_BJPASS_CLIENT_SECRET",
                 "HDT_WECHAT_API_BASE_URL", "HDT_BJPASS_AUTHORIZE_URL", "HDT_BJPASS_TOKEN_URL",
                 "HDT_BJPASS_USERINFO_URL"):
        assert name in str(refused.value)


def test_production_starts_with_real_endpoints_and_secrets():
    settings = load_settings(
        **PRODUCTION_READY, wechat_api_base_url="https://api.weixin.qq.com",
        wechat_open_base_url="https://open.weixin.qq.com", wechat_miniprogram_app_secret="s1" * 8,
        wechat_oa_app_secret="s2" * 8, bjpass_client_secret="s3" * 8,
        bjpass_authorize_url="https://bjt.example.gov.cn/oauth2/authorize",
        bjpass_token_url="https://bjt.example.gov.cn/oauth2/token",
        bjpass_userinfo_url="https://bjt.example.gov.cn/oauth2/userinfo", oa_callback_token="t1" * 8,
        oa_encoding_aes_key="e" * 43, push_templates={"notice": {"oa_template_id": "real"}},
        mp_callback_token="t2" * 8, sms_secret_key="s4" * 8, sms_callback_token="t3" * 8,
        sms_api_url="https://sms.tencentcloudapi.com", wechatpay_api_base_url="https://api.mch.weixin.qq.com",
        wechatpay_apiv3_key="r" * 32, wechatpay_merchant_serial="5157F09EFDC096DE")
    assert settings.development_defaults_in_use() == []
