"""Which channels a message may take, in which order, and whether a resident is reachable on each.

Order: the resident's preferred channel first, then OA 订阅通知 (the account's subscribe
notifications, which WeChat is moving per-user notices to, and which the follower asked for in
the pop-up), OA template message, mini-program subscribe message, SMS; only the channels the
message kind accepts (``channels`` in its template mapping: a booking reminder may go by SMS, a
broadcast notice may not; without ``channels``, OA 订阅通知 is accepted when the kind names an
``oa_subscribe_template_id``). Each lookup answers the channel's
address or the reason it cannot be used, which the delivery record keeps.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, cast

from tortoise.expressions import F, Q, Subquery
from tortoise.queryset import QuerySet

from app.context import Runtime
from models.push import ChannelPreference, OAFollower, OASubscriptionGrant, SmsOptOut, SubscriptionGrant
from models.users import ExternalIdentity, IdentityProvider, User

OA_SUBSCRIBE, OA_TEMPLATE, MP_SUBSCRIBE, SMS = "oa_subscribe", "oa_template", "mp_subscribe", "sms"
CHANNEL_ORDER = (OA_SUBSCRIBE, OA_TEMPLATE, MP_SUBSCRIBE, SMS)
# A kind that names no channels keeps to WeChat, as before SMS existed.
DEFAULT_CHANNELS = (OA_TEMPLATE, MP_SUBSCRIBE)
LONG_TERM = "long_term"
EVERY_CHANNEL = "every_channel"
# Per subscribe channel: the template mapping's key of its template id, and of its long-term flag.
SUBSCRIPTION_KEYS = {MP_SUBSCRIBE: ("mp_template_id", "mp_subscription"),
                     OA_SUBSCRIBE: ("oa_subscribe_template_id", "oa_subscription")}


def accepted_channels(templates: dict[str, dict[str, Any]], kind: str) -> tuple[str, ...]:
    """The channels a message kind may use, in the default order."""
    spec = templates.get(kind, {})
    oa_subscribe = (OA_SUBSCRIBE,) if spec.get("oa_subscribe_template_id") else ()
    named = spec.get("channels") or (*DEFAULT_CHANNELS, *oa_subscribe)
    return tuple(channel for channel in CHANNEL_ORDER if channel in named)


def one_is_enough(templates: dict[str, dict[str, Any]], kind: str) -> bool:
    """Whether the first channel that takes the message ends it (else every accepted one is used)."""
    return templates.get(kind, {}).get("deliver") != EVERY_CHANNEL


def is_long_term(templates: dict[str, dict[str, Any]], template_id: str, channel: str = MP_SUBSCRIBE) -> bool:
    """Whether a subscribe template (the mini-program's, or the OA's 订阅通知) is declared a
    long-term subscription (长期订阅)."""
    id_key, term_key = SUBSCRIPTION_KEYS[channel]
    return any(spec.get(id_key) == template_id and spec.get(term_key) == LONG_TERM
               for spec in templates.values())


def subscribe_template_ids(templates: dict[str, dict[str, Any]], channel: str) -> set[str]:
    """Every template id configured for a subscribe channel."""
    id_key = SUBSCRIPTION_KEYS[channel][0]
    return {str(spec[id_key]) for spec in templates.values() if spec.get(id_key)}


async def plan(*, user_id: str | None, accepted: tuple[str, ...]) -> list[str]:
    """The accepted channels in the order to try them: the resident's preference first."""
    preferred = cast(str | None, await ChannelPreference.filter(user_id=user_id).first().values_list(
        "channel", flat=True) if user_id else None)
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


async def _spend(grants: QuerySet[Any], *, long_term: bool) -> bool:
    """Use one consent of ``grants`` (not withdrawn): a long-term grant, or one of a one-time
    grant's messages, spent in one conditional UPDATE so concurrent sends cannot spend the same
    message twice."""
    grants = grants.filter(withdrawn_at=None)
    if long_term:
        return await grants.filter(long_term=True).exists()
    return bool(await grants.filter(remaining__gt=0).update(remaining=F("remaining") - 1))


async def take_grant(*, user_id: str, template_id: str, long_term: bool) -> bool:
    """Use the user's consent to one mini-program subscribe message."""
    return await _spend(SubscriptionGrant.filter(user_id=user_id, template_id=template_id), long_term=long_term)


async def oa_openids(rt: Runtime, *, user_id: str) -> list[str]:
    """The user's OA openids: followers linked to the user, and the OA logins' openids."""
    followers = await OAFollower.filter(user_id=user_id).values_list("openid", flat=True)
    logins = await ExternalIdentity.filter(user_id=user_id, provider=IdentityProvider.WECHAT_OA,
                                           app_id=rt.settings.wechat_oa_app_id).values_list("subject", flat=True)
    return sorted({str(openid) for openid in (*followers, *logins)})


async def take_oa_grant(rt: Runtime, *, user_id: str | None, template_id: str, long_term: bool) -> Reach:
    """The OA openid whose 订阅通知 consent to ``template_id`` is used for this message (one
    one-time message spent), or why there is none."""
    openids = await oa_openids(rt, user_id=user_id) if user_id else []
    if not openids:
        return Reach(reason="no_oa_openid")
    for openid in openids:
        if await _spend(OASubscriptionGrant.filter(openid=openid, template_id=template_id), long_term=long_term):
            return Reach(address=openid)
    return Reach(reason="no_oa_subscription_granted")


async def grant_still_held(*, channel: str, user_id: str, openid: str, template_id: str) -> bool:
    """Whether the template's subscription (the user's in the mini-program, the openid's on the
    account) has not been withdrawn since it was taken."""
    if channel == OA_SUBSCRIBE:
        return await OASubscriptionGrant.filter(openid=openid, template_id=template_id,
                                                withdrawn_at=None).exists()
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
