"""What the OA admin API accepts and answers: reply contents, menus, scene codes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from app.shapes import LocalDateTime, Schema

TAG_PATTERN = r"^(hall|item|window|campaign):[A-Za-z0-9_.-]{1,64}$"


class ReplyContent(Schema):
    """A reply: ``text``; ``image`` (a permanent material's ``media_id``); or ``news``, a card
    that opens an H5 page (``url``) or a page of our mini-program (``miniprogram_path``)."""

    type: Literal["text", "image", "news"]
    text: str | None = Field(None, min_length=1, max_length=600)
    media_id: str | None = Field(None, min_length=1, max_length=128)
    title: str | None = Field(None, min_length=1, max_length=64)
    description: str | None = Field(None, max_length=120)
    picurl: str | None = Field(None, max_length=1024)
    url: str | None = Field(None, max_length=1024)
    miniprogram_path: str | None = Field(None, min_length=1, max_length=255)

    @model_validator(mode="after")
    def has_what_its_type_needs(self) -> ReplyContent:
        needed = {"text": ("text",), "image": ("media_id",), "news": ("title",)}[self.type]
        missing = [name for name in needed if getattr(self, name) is None]
        if missing:
            raise ValueError(f"a {self.type} reply needs {', '.join(missing)}")
        return self


class ReplyOut(Schema):
    id: str
    trigger: str
    key: str
    tag: str | None
    content: ReplyContent
    updated_by: str
    updated_at: LocalDateTime


class MenuVersionOut(Schema):
    number: int
    note: str
    menu: dict[str, Any]
    created_by: str
    created_at: LocalDateTime
    published_at: LocalDateTime | None


class MenuPreviewOut(Schema):
    """Exactly what WeChat gets: the ``menu/create`` body and one ``menu/addconditional`` body per tag."""

    create: dict[str, Any]
    conditional: list[dict[str, Any]]


class SceneCodeOut(Schema):
    id: str
    scene: str
    kind: str
    hall_code: str | None
    tag: str
    ticket: str
    url: str
    qr_image_url: str
    expires_at: datetime | None
    permanent: bool


class SceneDayCount(Schema):
    day: date
    scans: int
    new_followers: int


class SceneStatsOut(Schema):
    scene: str
    scans: int
    new_followers: int
    days: list[SceneDayCount]


class SubButton(Schema):
    """A button: ``click`` (key), ``view`` (url) or ``miniprogram`` (pagepath, url for old
    clients). Limits are WeChat's, checked in services/oa/menu.py."""

    name: str = Field(min_length=1)
    type: Literal["click", "view", "miniprogram"] | None = None
    key: str | None = None
    url: str | None = None
    pagepath: str | None = None


class MenuButton(SubButton):
    """A top button: an action, or a group with ``sub_button`` and no type (two levels only)."""

    sub_button: list[SubButton] | None = None


class ConditionalMenu(Schema):
    tag: str = Field(pattern=TAG_PATTERN, description="这些关注者看到此菜单（如 hall:H01）")
    button: list[MenuButton]


class MenuIn(Schema):
    button: list[MenuButton]
    conditional: list[ConditionalMenu] = Field(default_factory=list, max_length=20)
    note: str = Field("", max_length=200)

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "button": [{"name": "办事指南", "type": "view", "url": "https://www.haidian.gov.cn/zwfw"},
                   {"name": "我的", "sub_button": [{"name": "办件查询", "type": "click", "key": "MY_CASES"}]}],
        "note": "冬季版菜单"}]})


class MenuVersionList(Schema):
    items: list[MenuVersionOut]


class LiveMenuOut(Schema):
    live: MenuVersionOut | None


class ReplyList(Schema):
    items: list[ReplyOut]
