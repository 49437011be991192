"""The WeChat Pay emulator checks the merchant's signature as WeChat Pay does and signs its answers."""

from __future__ import annotations

import time

import orjson

from wechat import pay_crypto
from wechat.pay_crypto import load_merchant_key


def authorization(rt, method: str, path: str, body: bytes, **overrides: object) -> str:
    fields = {"mch_id": rt.settings.wechatpay_mch_id, "serial": rt.settings.wechatpay_merchant_serial,
              "key": load_merchant_key(rt.settings), "method": method, "path": path, "body": body,
              "timestamp": int(time.time()), "nonce_str": pay_crypto.nonce(), **overrides}
    return pay_crypto.authorization(**fields)  # type: ignore[arg-type]


async def test_an_unsigned_stale_or_tampered_request_is_refused(rt, wechatpay):
    body = orjson.dumps({"mchid": rt.settings.wechatpay_mch_id})
    path = "/v3/pay/transactions/out-trade-no/H0000000001/close"
    unsigned = await wechatpay.post(path, content=body)
    assert unsigned.status_code == 401 and unsigned.json()["code"] == "SIGN_ERROR"
    stale = await wechatpay.post(path, content=body, headers={
        "Authorization": authorization(rt, "POST", path, body, timestamp=int(time.time()) - 3600)})
    assert stale.status_code == 401 and stale.json()["message"] == "签名已过期"
    tampered = await wechatpay.post(path, content=body.replace(b"}", b' }'), headers={
        "Authorization": authorization(rt, "POST", path, body)})
    assert tampered.status_code == 401 and tampered.json()["message"] == "签名错误"
    signed = await wechatpay.post(path, content=body, headers={"Authorization": authorization(rt, "POST", path, body)})
    assert signed.status_code == 404 and signed.json()["code"] == "ORDER_NOT_EXIST"


async def test_answers_are_signed_with_the_platform_certificate(rt, wechatpay):
    path = "/v3/pay/transactions/out-trade-no/H0000000001?mchid=" + rt.settings.wechatpay_mch_id
    answer = await wechatpay.get(path, headers={"Authorization": authorization(rt, "GET", path, b"")})
    assert answer.status_code == 404
    assert answer.headers["Wechatpay-Serial"] == (await wechatpay.get("/_emulator/wechatpay/platform")).json()[
        "serial_no"]
    assert await rt.wechatpay.verify_signed(answer.headers, answer.content)
    assert not await rt.wechatpay.verify_signed(answer.headers, answer.content + b" ")
