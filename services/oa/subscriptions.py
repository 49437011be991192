"""订阅通知 on the official account: the subscription pop-up's grants and the send reports.

WeChat pushes three events to the OA callback (signed, and encrypted in safe mode, like every
event), each carrying one ``<List>`` per template:
``subscribe_msg_popup_event`` (the follower answered the pop-up: ``SubscribeMsgPopupEvent``,
``TemplateId``, ``SubscribeStatusString`` accept|reject, ``PopupScene``),
``subscribe_msg_change_event`` (turned on or off in the account's settings:
``SubscribeMsgChangeEvent``) and ``subscribe_msg_sent_event`` (a bizsend's outcome:
``SubscribeMsgSentEvent``, ``TemplateId``, ``MsgID``, ``ErrorCode``, ``ErrorStatus``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import structlog
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from app.context import Runtime
from models.push import OASubscriptionGrant
from push import channels
from push import reports as push_reports

log = structlog.get_logger("services.oa.subscriptions")
POPUP, CHANGE, SENT = "subscribe_msg_popup_event", "subscribe_msg_change_event", "subscribe_msg_sent_event"
# Each event's block of <List> entries.
BLOCKS = {POPUP: "SubscribeMsgPopupEvent", CHANGE: "SubscribeMsgChangeEvent", SENT: "SubscribeMsgSentEvent"}
ACCEPT, REJECT = "accept", "reject"
SENT_OK = "success"


def list_entries(block: Any) -> list[dict[str, Any]]:
    """The ``<List>`` entries of a subscribe event's block (one entry parses as a dict, several as
    a list)."""
    entries = block.get("List") if isinstance(block, dict) else None
    if isinstance(entries, dict):
        return [entries]
    return [entry for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []


async def record_event(*, rt: Runtime, openid: str, event: str, message: dict[str, Any]) -> None:
    """Act on one 订阅通知 event of ``openid`` (``message`` is the parsed XML)."""
    entries = list_entries(message.get(BLOCKS[event]))
    if event == SENT:
        for entry in entries:
            msgid, status = str(entry.get("MsgID") or ""), str(entry.get("ErrorStatus") or "")
            if msgid.isdigit():
                await push_reports.record_job_finish(rt, msgid=int(msgid), status=status or SENT_OK)
        return
    known = channels.subscribe_template_ids(rt.settings.push_templates, channels.OA_SUBSCRIBE)
    async with in_transaction():
        for entry in entries:
            template_id = str(entry.get("TemplateId") or "")
            status = str(entry.get("SubscribeStatusString") or "")
            if template_id not in known:
                log.info("oa_subscribe_event_for_unknown_template", template_id=template_id)
                continue
            long_term = channels.is_long_term(rt.settings.push_templates, template_id, channels.OA_SUBSCRIBE)
            await _record_answer(openid=openid, template_id=template_id, accepted=status == ACCEPT,
                                 long_term=long_term, counts=event == POPUP)


async def _record_answer(*, openid: str, template_id: str, accepted: bool, long_term: bool,
                         counts: bool) -> None:
    """An accept of a one-time template in the pop-up (``counts``) adds one message; an accept of
    a long-term one allows its messages until withdrawn. A refusal in the settings page
    withdraws the template; one in the pop-up withdraws a long-term one, and leaves a one-time
    one with the messages accepted before."""
    grant, _ = await OASubscriptionGrant.get_or_create(openid=openid, template_id=template_id)
    grants = OASubscriptionGrant.filter(id=grant.id)
    if not accepted:
        if long_term or not counts:
            await grants.update(withdrawn_at=datetime.now(UTC))
    elif long_term:
        await grants.update(long_term=True, withdrawn_at=None)
    elif counts:
        # An update expression, so two events at once both count.
        await grants.update(remaining=F("remaining") + 1, withdrawn_at=None)
    else:
        await grants.update(withdrawn_at=None)
