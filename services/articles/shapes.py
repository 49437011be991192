"""The shapes of 政务信息 articles: what editors send, what staff and residents get."""

from __future__ import annotations

from pydantic import Field, field_validator

from app.shapes import LocalDateTime, Schema
from models.articles import Article, ArticleState
from models.organization import Department
from services.catalog.shapes import DepartmentBrief

CODE = r"^[A-Za-z0-9_-]{1,32}$"


class _WithCover(Schema):
    cover_url: str | None = Field(None, max_length=512, description="封面（https），用于小程序和 App 列表")

    @field_validator("cover_url")
    @classmethod
    def _cover_is_https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("封面须为 https 地址")
        return value


class ArticleIn(_WithCover):
    title: str = Field(min_length=1, max_length=64)
    summary: str = Field("", max_length=120)
    body: str = Field(min_length=1, max_length=100_000, description="正文（HTML，保存时清理为安全的标签）")
    department: str = Field(pattern=CODE, description="部门编码")
    item_ids: list[str] = Field(default_factory=list, max_length=20, description="相关事项")

    model_config = Schema.model_config | {"json_schema_extra": {"examples": [{
        "title": "海淀区企业开办“一件事”办理指南", "summary": "营业执照、公章、发票一次办结",
        "body": "<p>在海淀区开办企业，可通过海淀通一次提交……</p>", "department": "HDSCJG"}]}}


class ArticlePatch(_WithCover):
    title: str | None = Field(None, min_length=1, max_length=64)
    summary: str | None = Field(None, max_length=120)
    body: str | None = Field(None, min_length=1, max_length=100_000)
    item_ids: list[str] | None = Field(None, max_length=20)


class ReviewIn(Schema):
    approve: bool
    note: str = Field("", max_length=256, description="退回时说明原因")


class PublishedArticleSummary(Schema):
    """An article as the mini-program and app list it."""

    id: str
    title: str
    summary: str
    cover_url: str | None
    department: DepartmentBrief
    item_ids: list[str]
    published_at: LocalDateTime | None
    wechat_url: str | None = Field(description="公众号文章链接")

    @classmethod
    def of(cls, article: Article, department: Department) -> PublishedArticleSummary:
        return cls(id=str(article.id), title=article.title, summary=article.summary,
                   cover_url=article.cover_url,
                   department=DepartmentBrief(id=str(department.id), code=department.code,
                                              name=department.name),
                   item_ids=article.item_ids, published_at=article.published_at,
                   wechat_url=article.wechat_url)


class PublishedArticle(PublishedArticleSummary):
    body: str

    @classmethod
    def of(cls, article: Article, department: Department) -> PublishedArticle:
        return cls(**dict(PublishedArticleSummary.of(article, department)), body=article.body)


class ArticleOut(PublishedArticle):
    """An article as its department's editors see it."""

    state: ArticleState
    version: int
    author_id: str
    reviewer_id: str | None
    review_note: str

    @classmethod
    def of(cls, article: Article, department: Department) -> ArticleOut:
        return cls(**dict(PublishedArticle.of(article, department)), state=article.state,
                   version=article.version, author_id=str(article.author_id),
                   reviewer_id=str(article.reviewer_id) if article.reviewer_id else None,
                   review_note=article.review_note)
