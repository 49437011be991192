"""Residents and the external identities (WeChat, Beijing Pass) that log them in."""

from __future__ import annotations

import uuid
from enum import IntEnum, StrEnum

from tortoise import fields

from models.base import Entity


class RealNameLevel(IntEnum):
    """实名等级 — how strongly the person behind an account has been identified."""

    NONE = 0
    BASIC = 1  # name + ID number checked against the population register
    VERIFIED = 2  # plus face or in-person verification (Beijing Pass L2)
    STRONG = 3  # plus a physical credential (Beijing Pass L3)


class User(Entity):
    """居民用户 — a resident or enterprise agent; personal fields are encrypted at rest."""

    display_name = fields.CharField(max_length=64, default="")
    realname_level = fields.IntEnumField(RealNameLevel, default=RealNameLevel.NONE)
    real_name_enc: str | None = fields.TextField(null=True)
    id_number_enc: str | None = fields.TextField(null=True)
    id_number_index: str | None = fields.CharField(max_length=64, null=True, unique=True)
    phone_enc = fields.TextField(null=True)
    phone_index = fields.CharField(max_length=64, null=True, db_index=True)
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "users"


class IdentityProvider(StrEnum):
    WECHAT_MINIPROGRAM = "wechat_miniprogram"
    WECHAT_OA = "wechat_oa"
    WECHAT_UNION = "wechat_union"
    BEIJING_PASS = "beijing_pass"


class ExternalIdentity(Entity):
    """外部身份 — one login identity (an openid, a unionid, a Beijing Pass subject) of a user."""

    user_id: uuid.UUID
    user: fields.ForeignKeyRelation[User]
    user = fields.ForeignKeyField("models.User", related_name="identities", on_delete=fields.CASCADE)
    provider = fields.CharEnumField(IdentityProvider, max_length=32)
    subject = fields.CharField(max_length=128)
    app_id = fields.CharField(max_length=64, default="")
    secret_enc = fields.TextField(null=True)  # e.g. the WeChat session_key, encrypted
    profile = fields.JSONField(default=dict)

    class Meta:
        table = "external_identities"
        unique_together = (("provider", "subject"),)
