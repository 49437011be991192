"""The app access token, shared by every process through Redis; one refresh at a time.

The token comes from ``/cgi-bin/stable_token`` without ``force_refresh``: WeChat hands every
caller the same token while it is valid, so two processes never invalidate each other's token.
A Redis lock makes sure only one process asks when the cache is empty.
"""

from __future__ import annotations

import asyncio
import secrets

from app.context import Runtime
from wechat.api import WeChatAPIError, WeChatUnavailable, call

TOKEN_KEY = "wechat:access-token:{app_id}"
LOCK_KEY = "wechat:access-token-lock:{app_id}"
LOCK_TTL_MS = 10_000
WAIT_STEP_SECONDS = 0.05
# Cached tokens are dropped this long before WeChat expires them, so none is used at the edge.
EXPIRY_MARGIN_SECONDS = 300

# Delete the key only if it still holds the value we saw (compare-and-delete).
_DELETE_IF_EQUAL = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


async def get(rt: Runtime, *, app_id: str, secret: str) -> str:
    """A valid access token for ``app_id``, from the shared cache or freshly fetched."""
    key, lock = TOKEN_KEY.format(app_id=app_id), LOCK_KEY.format(app_id=app_id)
    waited = 0.0
    while True:
        cached = await rt.redis.get(key)
        if cached:
            return cached
        owner = secrets.token_hex(8)
        if await rt.redis.set(lock, owner, nx=True, px=LOCK_TTL_MS):
            break
        if waited * 1000 >= LOCK_TTL_MS:
            raise WeChatUnavailable(details={"reason": "access_token_lock_timeout"})
        await asyncio.sleep(WAIT_STEP_SECONDS)
        waited += WAIT_STEP_SECONDS
    try:
        cached = await rt.redis.get(key)  # another process may have filled it meanwhile
        if cached:
            return cached
        try:
            answer = await call(rt, "POST", "/cgi-bin/stable_token", params={}, json_body={
                "grant_type": "client_credential", "appid": app_id, "secret": secret,
                "force_refresh": False})
        except WeChatAPIError as exc:
            raise WeChatUnavailable(details={"path": "/cgi-bin/stable_token",
                                             "errcode": exc.errcode}) from exc
        token, expires_in = str(answer["access_token"]), int(answer.get("expires_in", 7200))
        await rt.redis.set(key, token, ex=max(expires_in - EXPIRY_MARGIN_SECONDS, 30))
        return token
    finally:
        await rt.redis.eval(_DELETE_IF_EQUAL, 1, lock, owner)


async def forget(rt: Runtime, *, app_id: str, token: str) -> None:
    """Drop a token WeChat refused, unless another process already replaced it."""
    await rt.redis.eval(_DELETE_IF_EQUAL, 1, TOKEN_KEY.format(app_id=app_id), token)
