"""Which channels a message may take, in which order, and whether a resident is reachable on each.

Order: the resident's preferred channel first, then OA template message, mini-program subscribe
message, SMS; only the channels the message kind accepts (``channels`` in its template mapping:
a booking reminder may go by SMS, a broadcast notice may not). Each lookup answers the channel's
address or the reason it cannot be used, which the delivery record keeps.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import F, Q, Subquery

from app.context import Runtime
from models.push import ChannelPreference, OAFollower, SmsOptOut, SubscriptionGrant
from models.users import ExternalIdentity, IdentityProvider, User

OA_TEMPLATE, MP_SUBSCRIBE, SMS = "oa_template", "mp_subscribe", "sms"
CHANNEL_ORDER = (OA_TEMPLATE, MP_SUBSCRIBE, SMS)
# A kind that names no channels keeps to WeChat, as before SMS existed.
DEFAULT_CHANNELS = (OA_TEMPLATE, MP_SUBSCRIBE)
LONG_TERM = "long_term"
EVERY_CHANNEL = "every_channel"


def accepted_channels(templates: dict[str, dict[str, Any]], kind: str) -> tuple[str, ...]:
    """The channels a message kind may use, in the default order."""
    named = templates.get(kind, {}).get("channels") or DEFAULT_CHANNELS
    return tuple(channel for channel in CHANNEL_ORDER if channel in named)


def one_is_enough(templates: dict[str, dict[str, Any]], kind: str) -> bool:
    """Whether the first channel that takes the message ends it (else every accepted one is used)."""
    return templates.get(kind, {}).get("deliver") != EVERY_CHANNEL


def is_long_term(templates: dict[str, dict[str, Any]], mp_template_id: str) -> bool:
    """Whether a mini-program template is declared a long-term subscription (长期订阅)."""
    return any(spec.get("mp_template_id") == mp_template_id and spec.get("mp_subscription") == LONG_TERM
               for spec in templates.values())


async def plan(*, user_id: str | None, accepted: tuple[str, ...]) -> list[str]:
    """The accepted channels in the order to try them: the resident's preference first."""
    preferred = await ChannelPreference.filter(user_id=user_id).first().values_list(
        "channel", flat=True) if user_id else None
    return in_order(accepted, preferred)


def in_order(accepted: tuple[str, ...], preferred: str | None) -> list[str]:
    """The accepted channels, the preferred one (if accepted) first."""
    if preferred in accepted:
        return [str(preferred), *(c for c in accepted if c != preferred)]
    return list(accepted)


async def preferences(*, user_ids: Collection[str]) -> dict[str, str]:
    """The preferred channel of each of these residents who chose one (one query)."""
    rows = await ChannelPreference.filter(user_id__in=list(user_ids)).values_list("user_id", "channel")
    return {str(user_id): str(channel) for user_id, channel in rows}


@dataclass(frozen=True)
class Reach:
    """A channel's address for this recipient (openid or phone), or why there is none."""

    address: str | None = None
    reason: str | None = None


async def oa_follower(rt: Runtime, *, user_id: str | None, openid: str | None) -> Reach:
    """The OA openid that follows the account, linked to the user directly or by OA login."""
    if openid:
        found = await OAFollower.filter(openid=openid, subscribed=True).first().values_list("openid", flat=True)
    elif user_id:
        oa_openids = ExternalIdentity.filter(user_id=user_id, provider=IdentityProvider.WECHAT_OA,
                                             app_id=rt.settings.wechat_oa_app_id).values("subject")
        found = await OAFollower.filter(Q(user_id=user_id) | Q(openid__in=Subquery(oa_openids)),
                                        subscribed=True).first().values_list("openid", flat=True)
    else:
        found = None
    return Reach(address=str(found)) if found else Reach(reason="not_following_oa")


async def oa_followers(rt: Runtime, *, user_ids: Collection[str]) -> dict[str, str]:
    """``oa_follower`` for many residents at once (three queries): each one's following openid."""
    wanted = list(user_ids)
    linked = await OAFollower.filter(user_id__in=wanted, subscribed=True).values_list("user_id", "openid")
    identities = await ExternalIdentity.filter(user_id__in=wanted, provider=IdentityProvider.WECHAT_OA,
                                               app_id=rt.settings.wechat_oa_app_id).values_list("user_id", "subject")
    following = set(await OAFollower.filter(openid__in=[subject for _, subject in identities],
                                            subscribed=True).values_list("openid", flat=True)) if identities else set()
    found = {str(user_id): str(subject) for user_id, subject in identities if subject in following}
    found.update((str(user_id), str(openid)) for user_id, openid in linked)
    return found


async def mp_openid(rt: Runtime, *, user_id: str | None) -> Reach:
    found = await ExternalIdentity.filter(
        user_id=user_id, provider=IdentityProvider.WECHAT_MINIPROGRAM,
        app_id=rt.settings.wechat_miniprogram_app_id).first().values_list("subject", flat=True) if user_id else None
    return Reach(address=str(found)) if found else Reach(reason="no_miniprogram_login")


async def take_grant(*, user_id: str, template_id: str, long_term: bool) -> bool:
    """Use the user's consent to one subscribe message: a long-term grant not withdrawn, or one
    of a one-time grant's messages, spent in one conditional UPDATE so concurrent sends cannot
    spend the same message twice."""
    grants = SubscriptionGrant.filter(user_id=user_id, template_id=template_id, withdrawn_at=None)
    if long_term:
        return await grants.filter(long_term=True).exists()
    return bool(await grants.filter(remaining__gt=0).update(remaining=F("remaining") - 1))


async def grant_still_held(*, user_id: str, template_id: str) -> bool:
    """Whether the user has not withdrawn the template's subscription since it was taken."""
    return await SubscriptionGrant.filter(user_id=user_id, template_id=template_id,
                                          withdrawn_at=None).exists()


def e164(phone: str) -> str:
    """A stored mainland number (``13800000000`` or ``+8613800000000``) in E.164."""
    return phone if phone.startswith("+") else f"+86{phone}"


async def verified_phone(rt: Runtime, *, user_id: str | None) -> Reach:
    """The resident's verified phone number, read now (not when the message was made).

    Not used when the user is gone or inactive, has none, the number has since been verified by
    another account (a reassigned number), or it replied TD to opt out of SMS.
    """
    user = await User.get_or_none(id=user_id) if user_id else None
    if user is None or not user.is_active or not user.phone_enc or not user.phone_index:
        return Reach(reason="no_verified_phone")
    if await User.filter(phone_index=user.phone_index, is_active=True).exclude(id=user.id).exists():
        return Reach(reason="phone_no_longer_verified")
    if await SmsOptOut.filter(phone_index=user.phone_index).exists():
        return Reach(reason="sms_opted_out")
    return Reach(address=e164(rt.cipher.decrypt(user.phone_enc)))
