"""Builders of the OA admin tests: editors and menus."""

from __future__ import annotations

from app.context import Runtime
from tests.builders import LoggedIn, login_staff, make_staff


async def oa_editor(rt: Runtime, *roles: str) -> LoggedIn:
    """A staff member holding ``roles`` (a global admin by default), logged in."""
    return await login_staff(rt, await make_staff(rt, roles=list(roles or ["admin"])))


def menu_spec(**overrides: object) -> dict:
    """A menu within WeChat's limits: a click, an H5 page and a mini-program group."""
    return {"button": [
        {"type": "click", "name": "办事热线", "key": "MENU_HOTLINE"},
        {"type": "view", "name": "办事指南", "url": "https://h5.haidian.example/guide"},
        {"name": "小程序", "sub_button": [
            {"type": "miniprogram", "name": "网上预约", "pagepath": "pages/appointments/index",
             "url": "https://h5.haidian.example/appointments"}]},
    ], **overrides}
