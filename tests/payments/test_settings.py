"""Production refuses to start without a usable WeChat Pay merchant key (development generates one)."""

from tests import backends
from tests.foundation.test_configuration_errors import assert_refused, run_cli
from tests.foundation.test_settings import PROVISIONED

pytestmark = backends.embedded_pass_only


def test_production_refuses_to_serve_without_the_merchant_key(tmp_path):
    for purpose in ("access", "qr", "ledger"):
        assert run_cli("rotate-key", purpose, HDT_KEYS_DIR=str(tmp_path)).returncode == 0
    assert_refused(run_cli("serve", **PROVISIONED, HDT_KEYS_DIR=str(tmp_path)),
                   "HDT_WECHATPAY_PRIVATE_KEY_PATH", str(tmp_path / "wechatpay" / "apiclient_key.pem"))
    (tmp_path / "not-a-key.pem").write_text("not a key")
    assert_refused(run_cli("serve", **PROVISIONED, HDT_KEYS_DIR=str(tmp_path),
                           HDT_WECHATPAY_PRIVATE_KEY_PATH=str(tmp_path / "not-a-key.pem")),
                   "HDT_WECHATPAY_PRIVATE_KEY_PATH")
