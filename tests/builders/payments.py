"""Builders of the payments tests: a fee-charging item, a payer with a mini-program openid, paying."""

from __future__ import annotations

import dataclasses
import secrets
import time
from dataclasses import dataclass

import httpx
import orjson
from cryptography.hazmat.primitives.asymmetric import rsa

from app.context import Runtime
from models.catalog import ServiceItem
from models.outbox import OutboxEvent
from models.users import User
from services.payments import sweep
from tests.builders import LoggedIn, login_resident, make_prereview_item, make_wechat_resident
from tests.builders.prereview import create
from wechat import pay_crypto

FEE_FEN = 1500


@dataclass
class Payer:
    user: User
    session: LoggedIn


async def fee_item(*, fee_fen: int = FEE_FEN, **overrides: object) -> ServiceItem:
    """A pre-review item (guide without a 收费 step: the fee is due before 受理) that costs ``fee_fen``."""
    item = await make_prereview_item(**overrides)  # type: ignore[arg-type]
    await ServiceItem.filter(id=item.id).update(fee_fen=fee_fen)
    return item


async def make_payer(rt: Runtime) -> Payer:
    """A real-name resident logged in from the mini-program (it has the payer openid)."""
    user = await make_wechat_resident(rt, user_key=f"payer{secrets.token_hex(3)}", oa=False, miniprogram=True,
                                      realname=True)
    return Payer(user, await login_resident(rt, user))


async def application_of(client: httpx.AsyncClient, payer: Payer, item: ServiceItem) -> str:
    return (await create(client, payer.session, item.id))["id"]


async def start_payment(client: httpx.AsyncClient, payer: Payer, application_id: str) -> dict:
    response = await client.post(f"/api/v1/applications/{application_id}/payment", headers=payer.session.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def confirm_in_wechat(wechatpay: httpx.AsyncClient, order: dict, **extra: object) -> dict:
    """The resident confirms in WeChat (wx.requestPayment); the emulator then notifies us."""
    response = await wechatpay.post("/_emulator/wechatpay/pay", json={**order["request_payment"], **extra})
    assert response.status_code == 200, response.text
    return response.json()


async def paid(client: httpx.AsyncClient, wechatpay: httpx.AsyncClient, payer: Payer, application_id: str) -> dict:
    order = await start_payment(client, payer, application_id)
    assert (await confirm_in_wechat(wechatpay, order))["notify_status"] == 204
    return await payment_of(client, payer, application_id)


async def payment_of(client: httpx.AsyncClient, payer: Payer, application_id: str) -> dict:
    response = await client.get(f"/api/v1/applications/{application_id}/payment", headers=payer.session.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def payment_records(client: httpx.AsyncClient, application_id: str) -> list[dict]:
    """The application's payment entries in the public ledger: each leaf's type and data."""
    response = await client.get(f"/api/v1/ledger/applications/{application_id}")
    assert response.status_code == 200, response.text
    leaves = [orjson.loads(item["entry"]["leaf"]) for item in response.json()["entries"]]
    return [{"type": leaf["type"], **leaf["data"]} for leaf in leaves if leaf["type"].startswith("payment_")]


async def last_notification(wechatpay: httpx.AsyncClient) -> dict:
    return (await wechatpay.get("/_emulator/wechatpay/notifications")).json()["notifications"][-1]


async def post_notification(client: httpx.AsyncClient, headers: dict[str, str], body: str | bytes) -> httpx.Response:
    return await client.post("/api/v1/payments/wechatpay/notifications", content=body, headers=headers)


def forged_notification(*, apiv3_key: str, serial: str, resource: dict) -> tuple[dict[str, str], bytes]:
    """A notification a forger signs with a key of their own (even knowing the APIv3 key)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    encrypted = pay_crypto.encrypt_resource(apiv3_key=apiv3_key, plaintext=orjson.dumps(resource),
                                            associated_data="transaction")
    body = orjson.dumps({"id": "forged", "create_time": "2026-12-05T10:00:00+08:00",
                         "resource_type": "encrypt-resource", "event_type": "TRANSACTION.SUCCESS",
                         "summary": "支付成功", "resource": {"original_type": "transaction", **encrypted}})
    timestamp, nonce = str(int(time.time())), pay_crypto.nonce()
    signature = pay_crypto.sign(key, pay_crypto.signed_message(timestamp, nonce, body))
    return {"Content-Type": "application/json", "Wechatpay-Timestamp": timestamp, "Wechatpay-Nonce": nonce,
            "Wechatpay-Serial": serial, "Wechatpay-Signature": signature}, body


async def run_sweep(rt: Runtime) -> sweep.SweepResult:
    """``payments-sweep`` as the scheduler runs it, asking about orders of any age."""
    return await sweep.sweep(rt=dataclasses.replace(
        rt, settings=rt.settings.model_copy(update={"wechatpay_query_after_seconds": 0})))


async def events_of(event_type: str) -> list[OutboxEvent]:
    return await OutboxEvent.filter(event_type=event_type)
