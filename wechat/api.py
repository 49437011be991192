"""The transport of every WeChat API call: base URL from settings, errcode handling."""

from __future__ import annotations

from typing import Any

import orjson

from app.context import Runtime
from app.errors import AppError
from app.http import UpstreamError


class WeChatUnavailable(AppError):
    status, code, message = 502, "WECHAT_UNAVAILABLE", "微信服务暂时不可用，请稍后再试"


class WeChatAPIError(Exception):
    """WeChat answered with a non-zero errcode."""

    def __init__(self, errcode: int, errmsg: str) -> None:
        self.errcode, self.errmsg = errcode, errmsg
        super().__init__(f"{errcode} {errmsg}")


async def call(rt: Runtime, method: str, path: str, *, params: dict[str, str],
               json_body: dict[str, Any] | None = None) -> dict[str, Any]:
    """One WeChat API call; returns the JSON answer or raises WeChatAPIError / WeChatUnavailable."""
    url = rt.settings.wechat_api_base_url.rstrip("/") + path
    try:
        response = await rt.http.request(method, url, params=params, json=json_body,
                                         timeout=rt.settings.upstream_timeout_seconds,
                                         service="wechat")
        # WeChat sometimes labels JSON as text/plain, so parse the bytes whatever the type says.
        answer = orjson.loads(response.content)
    except (UpstreamError, orjson.JSONDecodeError) as exc:
        raise WeChatUnavailable(details={"path": path, "reason": type(exc).__name__}) from exc
    if response.status != 200 or not isinstance(answer, dict):
        raise WeChatUnavailable(details={"path": path, "http_status": response.status})
    errcode = answer.get("errcode") or 0
    if errcode:
        raise WeChatAPIError(int(errcode), str(answer.get("errmsg", "")))
    return answer
