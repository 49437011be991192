"""Push: OA followers, subscribe-message grants, delivery records and broadcasts."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from models.base import Entity

if TYPE_CHECKING:  # the relations' targets (models/__init__.py loads them all)
    from models.users import User


class OAFollower(Entity):
    """公众号关注者 — an OA openid that follows (or followed) the account; user when known."""

    openid = fields.CharField(max_length=64, unique=True)
    user_id: uuid.UUID | None
    user: fields.ForeignKeyNullableRelation[User]
    # Indexed: a batch's followers are looked up by user (push/channels.py); without it each
    # lookup scanned every follower (34 ms for 100 users of 100,000).
    user = fields.ForeignKeyField("models.User", related_name="oa_follows", null=True,
                                  on_delete=fields.SET_NULL, db_index=True)
    subscribed = fields.BooleanField(default=True, db_index=True)
    subscribed_at = fields.DatetimeField(null=True)
    unsubscribed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "push_oa_followers"


class SubscriptionGrant(Entity):
    """订阅消息授权 — a user's consent to mini-program subscribe messages of one template.

    One-time (一次性订阅): ``remaining`` messages, one per accept. Long-term (长期订阅, public-service
    templates): any number until the user withdraws it (``withdrawn_at``).
    """

    user_id: uuid.UUID
    user: fields.ForeignKeyRelation[User]
    user = fields.ForeignKeyField("models.User", related_name="subscription_grants",
                                  on_delete=fields.CASCADE)
    template_id = fields.CharField(max_length=128)
    remaining = fields.IntField(default=0)
    long_term = fields.BooleanField(default=False)
    withdrawn_at = fields.DatetimeField(null=True)

    class Meta:
        table = "push_subscription_grants"
        unique_together = (("user", "template_id"),)


class OASubscriptionGrant(Entity):
    """公众号订阅通知授权 — an OA openid's consent to the account's 订阅通知 of one template.

    Recorded from the subscription pop-up's events at the OA callback, by openid (a follower may
    not be linked to a user yet). One-time: ``remaining`` messages, one per accept; long-term:
    any number until withdrawn (``withdrawn_at``), as the mini-program's grants.
    """

    openid = fields.CharField(max_length=64)
    template_id = fields.CharField(max_length=128)
    remaining = fields.IntField(default=0)
    long_term = fields.BooleanField(default=False)
    withdrawn_at = fields.DatetimeField(null=True)

    class Meta:
        table = "push_oa_subscription_grants"
        unique_together = (("openid", "template_id"),)


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # created, not yet tried
    SENDING = "sending"  # an attempt is in flight (a crash here is resolved by client_msg_id)
    RETRYING = "retrying"  # a transient error; the queue will try again
    SENT = "sent"  # WeChat accepted it (msgid known)
    DELIVERED = "delivered"  # TEMPLATESENDJOBFINISH said success
    FAILED = "failed"  # permanent error, or the job-finish event said it failed
    UNDELIVERABLE = "undeliverable"  # no channel: not following, no subscription granted
    DEAD_LETTER = "dead_letter"  # transient errors until attempts ran out
    DROPPED = "dropped"  # no longer wanted when due (a reminder of a booking cancelled or moved)


FINAL_STATUSES = (DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.FAILED,
                  DeliveryStatus.UNDELIVERABLE, DeliveryStatus.DEAD_LETTER, DeliveryStatus.DROPPED)


class Delivery(Entity):
    """消息投递记录 — one event to one recipient: channel, attempts, msgid, status, error."""

    event_id = fields.CharField(max_length=64, db_index=True)
    event_type = fields.CharField(max_length=64)  # the message kind (a push_templates key)
    recipient = fields.CharField(max_length=80)  # "user:<id>" or "oa:<openid>"
    user_id: uuid.UUID | None
    user: fields.ForeignKeyNullableRelation[User]
    user = fields.ForeignKeyField("models.User", related_name="deliveries", null=True,
                                  on_delete=fields.SET_NULL)
    openid = fields.CharField(max_length=64, null=True)
    channel = fields.CharField(max_length=16, null=True)  # "oa_subscribe" | "oa_template" | "mp_subscribe" | "sms"
    template_id = fields.CharField(max_length=128, null=True)
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING,
                                  db_index=True)
    attempts = fields.IntField(default=0)
    msgid = fields.BigIntField(null=True, db_index=True)
    error = fields.CharField(max_length=255, null=True)
    content = fields.JSONField(default=dict)  # the rendered template data, shown in the history
    page = fields.CharField(max_length=255, null=True)
    requeues = fields.IntField(default=0)
    # Each channel tried, in order: {"channel", "outcome": sent|skipped|failed, "reason"}.
    tried = fields.JSONField(default=list)
    # The SMS provider's id of the message (Tencent's SerialNo), for its delivery report.
    provider_ref = fields.CharField(max_length=64, null=True, db_index=True)

    class Meta:
        table = "push_deliveries"
        unique_together = (("event_id", "recipient"),)


class BroadcastStatus(StrEnum):
    RUNNING = "running"  # accepted by WeChat, MASSSENDJOBFINISH not yet received
    DONE = "done"  # WeChat reported the job finished (or nobody was in the audience)
    FAILED = "failed"  # WeChat refused the send: nothing went out, no quota spent
    DELETED = "deleted"  # withdrawn with message/mass/delete after it went out


class BroadcastChannel(StrEnum):
    TEMPLATE = "template"  # before mass send: one template message per follower (old rows only)
    MASS_SEND = "mass_send"  # 群发: one WeChat mass send to all followers, a tag or an openid list


class Broadcast(Entity):
    """群发通知 — a notice to many followers, sent by WeChat mass send.

    ``quota_month``/``quota_slot`` hold one of the account's monthly mass sends; the unique pair
    lets the database, not a read-then-write race, stop a fifth send in the month. Rows written
    before mass send (``channel`` template) were fanned out in chunks; ``cursor`` is theirs.
    """

    event_id = fields.CharField(max_length=64, unique=True)
    title = fields.CharField(max_length=64)
    content = fields.CharField(max_length=200)
    audience = fields.CharField(max_length=80, default="all")  # "all" or a NoticeTopicFollow topic
    # The published article sent as the notice (mpnews; articles are never deleted); None for text.
    article_id = fields.UUIDField(null=True)
    created_by = fields.CharField(max_length=64)
    status = fields.CharEnumField(BroadcastStatus, max_length=16, default=BroadcastStatus.RUNNING)
    cursor = fields.CharField(max_length=64, default="")
    total = fields.IntField(default=0)
    fanned_out = fields.IntField(default=0)
    channel = fields.CharEnumField(BroadcastChannel, max_length=16, default=BroadcastChannel.MASS_SEND)
    quota_month = fields.CharField(max_length=7, null=True)  # "2026-12", Beijing time
    quota_slot = fields.SmallIntField(null=True)  # 1..4 within the month
    msg_id = fields.BigIntField(null=True, unique=True)
    msg_data_id = fields.BigIntField(null=True)
    job_status = fields.CharField(max_length=64, null=True)  # MASSSENDJOBFINISH Status
    total_count = fields.IntField(null=True)  # MASSSENDJOBFINISH TotalCount …
    filter_count = fields.IntField(null=True)
    sent_count = fields.IntField(null=True)
    error_count = fields.IntField(null=True)
    error = fields.CharField(max_length=255, null=True)
    finished_at = fields.DatetimeField(null=True)
    deleted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "push_broadcasts"
        unique_together = (("quota_month", "quota_slot"),)


class NoticeTopicFollow(Entity):
    """关注的事项或大厅 — a resident follows a service item or hall to get its notices."""

    user_id: uuid.UUID
    user: fields.ForeignKeyRelation[User]
    user = fields.ForeignKeyField("models.User", related_name="notice_topics", on_delete=fields.CASCADE)
    topic = fields.CharField(max_length=80)  # "hall:<code>" or "item:<code>"

    class Meta:
        table = "push_topic_follows"
        unique_together = (("user", "topic"),)


class SmsOptOut(Entity):
    """短信退订 — a phone number that replied TD (回复TD退订): no more SMS to it."""

    phone_index = fields.CharField(max_length=64, unique=True)  # the blind index, never the number

    class Meta:
        table = "push_sms_opt_outs"


class ChannelPreference(Entity):
    """消息渠道偏好 — the channel a resident wants tried first."""

    user_id: uuid.UUID
    user: fields.OneToOneRelation[User]
    user = fields.OneToOneField("models.User", related_name="channel_preference",
                                on_delete=fields.CASCADE)
    channel = fields.CharField(max_length=16)

    class Meta:
        table = "push_channel_preferences"
