"""政务信息: articles a department's editors write, a second editor reviews, and the official
account publishes."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from models.base import Entity

if TYPE_CHECKING:  # the relations' targets (models/__init__.py loads them all)
    from models.organization import Department


class ArticleState(StrEnum):
    DRAFT = "draft"  # being written; returned here when a review sends it back
    IN_REVIEW = "in_review"  # waiting for a second editor of the department
    PUBLISHING = "publishing"  # submitted to WeChat's 发布能力, outcome not yet known
    PUBLISHED = "published"  # listed in the API, with WeChat's article URL
    PUBLISH_FAILED = "publish_failed"  # WeChat refused it; an editor may resubmit for review


class Article(Entity):
    department_id: uuid.UUID
    department: fields.ForeignKeyRelation[Department]
    department = fields.ForeignKeyField("models.Department", related_name="articles",
                                        on_delete=fields.RESTRICT)
    title = fields.CharField(max_length=64)
    summary = fields.CharField(max_length=120, default="")
    body = fields.TextField()  # simple HTML, as WeChat articles carry
    cover_url = fields.CharField(max_length=512, null=True)
    item_ids = fields.JSONField(default=list)  # related service items (catalog ids)
    state = fields.CharEnumField(ArticleState, max_length=16, default=ArticleState.DRAFT, db_index=True)
    author_id = fields.UUIDField()
    reviewer_id = fields.UUIDField(null=True)
    review_note = fields.CharField(max_length=256, default="")
    search_text = fields.TextField(default="")
    publish_id = fields.CharField(max_length=64, null=True)
    # The draft's media_id (草稿箱): what a mass send of the article (mpnews) names.
    wechat_media_id = fields.CharField(max_length=128, null=True)
    wechat_article_id = fields.CharField(max_length=128, null=True)
    wechat_url = fields.CharField(max_length=512, null=True)
    published_at = fields.DatetimeField(null=True, db_index=True)
    version = fields.IntField(default=1)  # optimistic lock: every change bumps it

    class Meta:
        table = "articles"
