"""WeChat's user risk rank (安全风控 ``getuserriskrank``) asked before a high-demand booking.

A rank above ``HDT_BOOKING_RISK_RANK_MAX`` is refused (403 ``APPOINTMENT_RISK_REFUSED``). WeChat
failing or slow must not stop booking: the check then lets the request through, logged and counted
(``hdt_wechat_risk_checks_total{outcome="unavailable"}``). docs/release.md, "Against scalpers and scripts".
"""

from __future__ import annotations

import asyncio
import uuid

import structlog

from app.context import Runtime
from app.errors import Forbidden
from app.metrics import RISK_CHECKS
from models.users import ExternalIdentity, IdentityProvider
from wechat import client
from wechat.api import WeChatAPIError, WeChatUnavailable

log = structlog.get_logger("services.appointments.risk")

# The booking waits no longer than this for WeChat's answer, then goes on without it.
TIMEOUT_SECONDS = 1.5


class RiskRefused(Forbidden):
    code, message = "APPOINTMENT_RISK_REFUSED", "该微信账号存在安全风险，暂不能预约热门号源，可到大厅现场办理"


async def ensure_acceptable(*, rt: Runtime, resident_id: uuid.UUID, client_ip: str | None) -> None:
    """Refuse a resident whose mini-program account WeChat ranks above the threshold."""
    openid = await ExternalIdentity.filter(
        user_id=resident_id, provider=IdentityProvider.WECHAT_MINIPROGRAM,
        app_id=rt.settings.wechat_miniprogram_app_id).first().values_list("subject", flat=True)
    if openid is None:
        RISK_CHECKS.labels("no_openid").inc()
        return
    try:
        async with asyncio.timeout(TIMEOUT_SECONDS):
            rank = await client.user_risk_rank(rt, openid=str(openid), client_ip=client_ip or "0.0.0.0")
    except (WeChatUnavailable, WeChatAPIError, TimeoutError) as exc:
        RISK_CHECKS.labels("unavailable").inc()
        log.warning("risk_rank_unavailable", error=type(exc).__name__)
        return
    if rank > rt.settings.booking_risk_rank_max:
        RISK_CHECKS.labels("refused").inc()
        raise RiskRefused()
    RISK_CHECKS.labels("passed").inc()
