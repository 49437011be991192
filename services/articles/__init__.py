"""政务信息: a department's editors write articles, a second editor of the department reviews
each before it is published to the official account (WeChat's 发布能力), and the published ones
are listed and searched for the mini-program and app. Bodies are cleaned to safe HTML on save."""

from __future__ import annotations

from typing import Any

import nh3
from tortoise.expressions import F, Q

from app.auth import require_scope
from app.context import Runtime
from app.errors import AppError, Conflict, Forbidden, NotFoundError, ValidationFailed
from app.ids import utcnow
from app.shapes import Page, parse_id
from app.tokens import Principal
from models.articles import Article, ArticleState
from models.catalog import ServiceItem
from models.organization import Department
from models.staff import StaffRoleName
from services.articles.shapes import ArticleIn, ArticleOut, ArticlePatch, PublishedArticle, PublishedArticleSummary
from services.catalog.search import build_search_text, normalise
from services.paging import newest_first
from wechat import publishing
from wechat.api import WeChatAPIError

EDITOR = StaffRoleName.EDITOR
EDITABLE = (ArticleState.DRAFT, ArticleState.PUBLISH_FAILED)


class ArticleNotFound(NotFoundError):
    code, message = "ARTICLE_NOT_FOUND", "文章不存在"


class ArticleStateInvalid(Conflict):
    code, message = "ARTICLE_STATE_INVALID", "文章当前状态不允许此操作"


class SecondReviewerRequired(Forbidden):
    code, message = "ARTICLE_SECOND_REVIEWER_REQUIRED", "文章须由作者以外的另一位编辑审核后发布"


class ArticleChanged(Conflict):
    code, message = "ARTICLE_CHANGED", "文章已被他人修改，请刷新后重试"


def _clean(body: str) -> str:
    """Safe HTML: the tags and attributes an article needs, no scripts, handlers or styles."""
    return nh3.clean(body, link_rel="noopener noreferrer")


async def _items_exist(item_ids: list[str]) -> list[str]:
    parsed = [parse_id(i) for i in item_ids]
    found = {str(i) for i in await ServiceItem.filter(id__in=[p for p in parsed if p]).values_list("id", flat=True)}
    unknown = [i for i in item_ids if i not in found]
    if unknown:
        raise ValidationFailed("相关事项不存在", code="ITEM_NOT_FOUND", details={"item_ids": unknown})
    return item_ids


async def _editable_article(principal: Principal, article_id: str) -> tuple[Article, Department]:
    """An article of a department the caller edits for; others' are not found."""
    parsed = parse_id(article_id)
    article = await Article.get_or_none(id=parsed).select_related("department") if parsed else None
    if article is None or not principal.has_role(EDITOR, department_id=str(article.department_id)):
        raise ArticleNotFound(details={"article_id": article_id})
    return article, article.department


async def _save(article: Article, **changes: Any) -> None:
    """Write changes under the version the caller read; a concurrent edit is refused."""
    moved = await Article.filter(id=article.id, version=article.version).update(
        **changes, version=article.version + 1, updated_at=utcnow())
    if not moved:
        raise ArticleChanged()
    await article.refresh_from_db()


async def create(*, principal: Principal, draft: ArticleIn) -> ArticleOut:
    department = await Department.get_or_none(code=draft.department)
    if department is None:
        raise ValidationFailed(f"部门 {draft.department} 不存在", code="UNKNOWN_CODE",
                               details={"field": "department", "codes": [draft.department]})
    require_scope(principal, EDITOR, department_id=str(department.id))
    article = await Article.create(
        department=department, title=draft.title, summary=draft.summary, body=_clean(draft.body),
        cover_url=draft.cover_url, item_ids=await _items_exist(draft.item_ids),
        author_id=principal.subject_id, search_text=build_search_text(draft.title, [draft.summary]))
    return ArticleOut.of(article, department)


async def edit(*, principal: Principal, article_id: str, patch: ArticlePatch) -> ArticleOut:
    article, department = await _editable_article(principal, article_id)
    if article.state not in EDITABLE:
        raise ArticleStateInvalid(details={"state": article.state.value})
    changes = patch.model_dump(exclude_unset=True)
    if "body" in changes:
        changes["body"] = _clean(changes["body"])
    if "item_ids" in changes:
        changes["item_ids"] = await _items_exist(changes["item_ids"])
    title, summary = changes.get("title", article.title), changes.get("summary", article.summary)
    await _save(article, **changes, search_text=build_search_text(title, [summary]))
    return ArticleOut.of(article, department)


async def submit_for_review(*, principal: Principal, article_id: str) -> ArticleOut:
    article, department = await _editable_article(principal, article_id)
    if article.state not in EDITABLE:
        raise ArticleStateInvalid(details={"state": article.state.value})
    await _save(article, state=ArticleState.IN_REVIEW, review_note="")
    return ArticleOut.of(article, department)


async def review(*, rt: Runtime, principal: Principal, article_id: str, approve: bool,
                 note: str) -> ArticleOut:
    """A second editor of the department approves (the article is published to the account)
    or sends it back to draft with a note."""
    article, department = await _editable_article(principal, article_id)
    if article.state is not ArticleState.IN_REVIEW:
        raise ArticleStateInvalid(details={"state": article.state.value})
    if article.author_id == principal.subject_id:
        raise SecondReviewerRequired()
    if not approve:
        await _save(article, state=ArticleState.DRAFT, reviewer_id=principal.subject_id, review_note=note)
        return ArticleOut.of(article, department)
    # Claimed for publishing first, so two reviewers approving at once publish it once.
    await _save(article, state=ArticleState.PUBLISHING, reviewer_id=principal.subject_id, review_note=note)
    try:
        submitted = await publishing.publish(rt, title=article.title, digest=article.summary,
                                              content=article.body, source_url=None)
    except WeChatAPIError as exc:
        await _save(article, state=ArticleState.PUBLISH_FAILED,
                    review_note=f"微信拒绝发布（{exc.errcode} {exc.errmsg}）")
        return ArticleOut.of(article, department)
    except AppError:
        # WeChat unreachable: nothing was published; the article goes back to review.
        await _save(article, state=ArticleState.IN_REVIEW)
        raise
    await _save(article, publish_id=submitted.publish_id, wechat_media_id=submitted.media_id)
    await _follow_publication(rt, article)
    return ArticleOut.of(article, department)


async def _follow_publication(rt: Runtime, article: Article) -> None:
    """Ask WeChat for the outcome of a submitted publication, and record it when it is known."""
    if article.state is not ArticleState.PUBLISHING or not article.publish_id:
        return
    await record_publication(publish_id=article.publish_id,
                             outcome=await publishing.outcome(rt, publish_id=article.publish_id))
    await article.refresh_from_db()


async def record_publication(*, publish_id: str, outcome: publishing.Publication) -> None:
    """Record WeChat's outcome of the publication ``publish_id`` once: whichever learns it first,
    WeChat's PUBLISHJOBFINISH event or an editor reading the article, moves it out of publishing."""
    if outcome.status == publishing.PUBLISHING:
        return
    changes: dict[str, Any] = (
        {"state": ArticleState.PUBLISHED, "published_at": utcnow(), "wechat_article_id": outcome.article_id,
         "wechat_url": outcome.url} if outcome.status == publishing.PUBLISHED
        else {"state": ArticleState.PUBLISH_FAILED, "review_note": f"微信发布失败（publish_status={outcome.status}）"})
    await Article.filter(publish_id=publish_id, state=ArticleState.PUBLISHING).update(
        **changes, version=F("version") + 1, updated_at=utcnow())


async def get_for_editor(*, rt: Runtime, principal: Principal, article_id: str) -> ArticleOut:
    article, department = await _editable_article(principal, article_id)
    await _follow_publication(rt, article)
    return ArticleOut.of(article, department)


async def list_for_editor(*, principal: Principal, state: ArticleState | None, cursor: str | None,
                          limit: int) -> Page[ArticleOut]:
    departments = [g.department_id for g in principal.roles if g.role == EDITOR]
    scope = (Article.all() if None in departments
             else Article.filter(department_id__in=[d for d in departments if d]))
    if state:
        scope = scope.filter(state=state)
    rows, next_cursor = await newest_first(scope.select_related("department"), cursor=cursor, limit=limit)
    return Page[ArticleOut](items=[ArticleOut.of(a, a.department) for a in rows], next_cursor=next_cursor)


async def list_published(*, q: str | None, department: str | None, cursor: str | None,
                         limit: int) -> Page[PublishedArticleSummary]:
    """Published articles, newest first; ``q`` matches the title and summary as catalog search
    does (letters and digits, full pinyin or initials)."""
    scope = Article.filter(state=ArticleState.PUBLISHED)
    if department:
        scope = scope.filter(department__code=department)
    if q:
        needle = normalise(q)
        if not needle:
            raise ValidationFailed("搜索词须包含文字或数字", code="SEARCH_QUERY_EMPTY")
        scope = scope.filter(Q(search_text__contains=needle))
    rows, next_cursor = await newest_first(scope.select_related("department"), cursor=cursor, limit=limit)
    return Page[PublishedArticleSummary](items=[PublishedArticleSummary.of(a, a.department) for a in rows],
                                         next_cursor=next_cursor)


async def get_published(*, article_id: str) -> PublishedArticle:
    parsed = parse_id(article_id)
    article = (await Article.get_or_none(id=parsed, state=ArticleState.PUBLISHED).select_related("department")
               if parsed else None)
    if article is None:
        raise ArticleNotFound(details={"article_id": article_id})
    return PublishedArticle.of(article, article.department)

