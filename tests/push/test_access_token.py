"""The OA access token: one fetch for a burst of concurrent sends, one renewal when refused."""

import asyncio

from tests.builders import emulated_openid, follow_oa
from wechat import client as wechat_client

DATA = {"thing1": "停电通知", "thing2": "海淀区政务服务中心今日下午闭馆"}


async def token_requests(wechat, settings) -> int:
    stats = (await wechat.get("/_emulator/stats")).json()
    return stats["token_requests"].get(settings.wechat_oa_app_id, 0)


async def send_notices(rt, settings, count: int) -> list[int]:
    openid = emulated_openid(settings.wechat_oa_app_id, "zhangsan")
    return await asyncio.gather(*(wechat_client.send_template_message(
        rt, openid=openid, template_id="dev-oa-notice", data=DATA, page="pages/notices/detail?id=1",
        client_msg_id=f"burst-{i}") for i in range(count)))


async def test_fifty_concurrent_sends_fetch_the_token_once(rt, wechat, settings):
    await follow_oa(wechat, "zhangsan")
    msgids = await send_notices(rt, settings, 50)
    assert len(set(msgids)) == 50
    assert await token_requests(wechat, settings) == 1


async def test_an_expired_token_is_renewed_once_and_the_send_retried(rt, wechat, settings):
    await follow_oa(wechat, "zhangsan")
    await send_notices(rt, settings, 1)
    # The emulator's clock moves past the token's life; our cache still holds the old token.
    await wechat.post("/_emulator/clock", json={"advance_seconds": 7200})
    msgids = await send_notices(rt, settings, 10)
    assert len(set(msgids)) == 10
    assert await token_requests(wechat, settings) == 2
