"""The official account as data: managed replies, menu versions, scene QR codes and their scans."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from models.base import Entity

if TYPE_CHECKING:  # the relations' targets (models/__init__.py loads them all)
    from models.organization import Hall


class ReplyTrigger(StrEnum):
    KEYWORD_EXACT = "keyword_exact"  # the whole message, case-insensitive
    KEYWORD_CONTAINS = "keyword_contains"  # the message contains the key
    CLICK = "click"  # a menu click button's key
    SCAN = "scan"  # a scene code's scene
    WELCOME = "welcome"  # a new follower (key is empty)


class OAReply(Entity):
    """自动回复 — what the account answers to a keyword, a menu click, a scan or a new follower.

    ``content`` is {"type": "text"|"image"|"news", ...} (services/oa/replies.py); ``tag``, when
    set, limits the reply to followers carrying that tag ("hall:<code>")."""

    trigger = fields.CharEnumField(ReplyTrigger, max_length=16)
    key = fields.CharField(max_length=128, default="")
    tag = fields.CharField(max_length=80, null=True)
    content = fields.JSONField()
    updated_by = fields.CharField(max_length=64)

    class Meta:
        table = "oa_replies"
        unique_together = (("trigger", "key", "tag"),)


class OAMenuVersion(Entity):
    """自定义菜单版本 — one saved version of the custom menu (default and conditional menus)."""

    number = fields.IntField(unique=True)
    menu = fields.JSONField()  # {"button": [...], "conditional": [{"tag": ..., "button": [...]}]}
    note = fields.CharField(max_length=200, default="")
    created_by = fields.CharField(max_length=64)
    published_at = fields.DatetimeField(null=True)
    # WeChat's menuid of each conditional menu this version published: removed on the next publish.
    conditional_menu_ids = fields.JSONField(default=list)

    class Meta:
        table = "oa_menu_versions"


class SceneKind(StrEnum):
    HALL = "hall"
    WINDOW = "window"
    CAMPAIGN = "campaign"


class OASceneCode(Entity):
    """带参数二维码 — a scene QR code: scanning it follows the account, tags the follower and
    answers with the scene's reply. Temporary codes expire at ``expires_at``."""

    scene = fields.CharField(max_length=64, unique=True)
    kind = fields.CharEnumField(SceneKind, max_length=16)
    hall_id: uuid.UUID | None
    hall: fields.ForeignKeyNullableRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", related_name="oa_scene_codes", null=True,
                                  on_delete=fields.CASCADE)
    tag = fields.CharField(max_length=80)  # the follower tag a scan adds ("hall:<code>", ...)
    wechat_tag_id = fields.IntField()
    ticket = fields.CharField(max_length=255)
    url = fields.CharField(max_length=255)
    expires_at = fields.DatetimeField(null=True)  # None: permanent
    created_by = fields.CharField(max_length=64)

    class Meta:
        table = "oa_scene_codes"


class OASceneScan(Entity):
    """扫码记录 — one scan of a scene code: who, whether it made them follow, on which day."""

    scene_code_id: uuid.UUID
    scene_code: fields.ForeignKeyRelation[OASceneCode]
    scene_code = fields.ForeignKeyField("models.OASceneCode", related_name="scans",
                                        on_delete=fields.CASCADE)
    openid = fields.CharField(max_length=64)
    new_follower = fields.BooleanField()
    day = fields.DateField()  # in Asia/Shanghai

    class Meta:
        table = "oa_scene_scans"
        indexes = (("scene_code", "day"),)


class OAFollowerTag(Entity):
    """粉丝标签 — a tag the account put on a follower at WeChat, mirrored for audiences."""

    openid = fields.CharField(max_length=64, db_index=True)
    tag = fields.CharField(max_length=80)

    class Meta:
        table = "oa_follower_tags"
        unique_together = (("openid", "tag"),)
