"""The custom menu (自定义菜单) as versioned data: saved, checked against WeChat's limits,
previewed as the exact bodies WeChat gets, published, and rolled back by publishing an earlier
version. Click keys must have a reply (managed or seed) before a version is published."""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError
from app.ids import utcnow
from models.oa import OAMenuVersion, OAReply, ReplyTrigger
from services.oa import links
from services.oa.shapes import MenuButton, MenuIn, MenuPreviewOut, MenuVersionOut, SubButton
from wechat import oa_admin

# WeChat's limits (menu/create): 1–3 top buttons of at most 16 bytes (UTF-8), 1–5 sub-buttons
# of at most 60 bytes, a click key of at most 128 bytes, a URL of at most 1024 bytes.
MAX_TOP, MAX_SUB = 3, 5
TOP_NAME_BYTES, SUB_NAME_BYTES, KEY_BYTES, URL_BYTES = 16, 60, 128, 1024


class MenuInvalid(AppError):
    status, code, message = 422, "OA_MENU_INVALID", "菜单不符合微信的限制"


class MenuVersionNotFound(AppError):
    status, code, message = 404, "OA_MENU_VERSION_NOT_FOUND", "菜单版本不存在"


class MenuKeyUnanswered(AppError):
    status, code, message = 422, "OA_MENU_KEY_UNANSWERED", "菜单按钮的 key 没有对应的自动回复"


def _bytes(text: str) -> int:
    return len(text.encode())


def _problems(rt: Runtime, buttons: list[MenuButton], where: str) -> list[str]:
    found: list[str] = []
    if not 1 <= len(buttons) <= MAX_TOP:
        found.append(f"{where}: {len(buttons)} top buttons (1–{MAX_TOP})")
    for i, top in enumerate(buttons):
        here = f"{where}.button[{i}]"
        if _bytes(top.name) > TOP_NAME_BYTES:
            found.append(f"{here}.name: {_bytes(top.name)} bytes (at most {TOP_NAME_BYTES})")
        if top.sub_button is not None:
            if top.type is not None:
                found.append(f"{here}: a group has sub_button and no type")
            if not 1 <= len(top.sub_button) <= MAX_SUB:
                found.append(f"{here}: {len(top.sub_button)} sub-buttons (1–{MAX_SUB})")
            for j, sub in enumerate(top.sub_button):
                if _bytes(sub.name) > SUB_NAME_BYTES:
                    found.append(f"{here}.sub_button[{j}].name: {_bytes(sub.name)} bytes "
                                 f"(at most {SUB_NAME_BYTES})")
                found += _action_problems(rt, sub, f"{here}.sub_button[{j}]")
        else:
            found += _action_problems(rt, top, here)
    return found


def _action_problems(rt: Runtime, button: SubButton, here: str) -> list[str]:
    if button.type == "click":
        if not button.key or _bytes(button.key) > KEY_BYTES:
            return [f"{here}.key: 1–{KEY_BYTES} bytes required for a click button"]
    elif button.type == "view":
        if not button.url or _bytes(button.url) > URL_BYTES:
            return [f"{here}.url: 1–{URL_BYTES} bytes required for a view button"]
        links.check_h5_url(rt.settings, button.url)
    elif button.type == "miniprogram":
        if not button.pagepath or not button.url:
            return [f"{here}: a miniprogram button needs pagepath and url (for old clients)"]
        links.check_h5_url(rt.settings, button.url)
    else:
        return [f"{here}.type: click, view or miniprogram (or sub_button for a group)"]
    return []


def check(rt: Runtime, menu: MenuIn) -> None:
    """Refuse a menu WeChat would refuse, listing every problem (``details.problems``)."""
    problems = _problems(rt, menu.button, "button")
    for n, conditional in enumerate(menu.conditional):
        problems += _problems(rt, conditional.button, f"conditional[{n}]")
    if problems:
        raise MenuInvalid(details={"problems": problems})


def _out(row: OAMenuVersion) -> MenuVersionOut:
    return MenuVersionOut(number=row.number, note=row.note, menu=row.menu, created_by=row.created_by,
                          created_at=row.created_at, published_at=row.published_at)


async def save(*, rt: Runtime, staff_id: str, menu: MenuIn) -> MenuVersionOut:
    """Save the menu as the next version (not yet published)."""
    check(rt, menu)
    stored = menu.model_dump(mode="json", exclude_none=True, exclude={"note"})
    async with in_transaction():
        last = await OAMenuVersion.all().order_by("-number").select_for_update().first()
        row = await OAMenuVersion.create(number=(last.number if last else 0) + 1, menu=stored,
                                         note=menu.note, created_by=staff_id)
    return _out(row)


async def versions() -> list[MenuVersionOut]:
    """Every saved version, newest first."""
    return [_out(row) for row in await OAMenuVersion.all().order_by("-number")]


async def _version(number: int) -> OAMenuVersion:
    row = await OAMenuVersion.get_or_none(number=number)
    if row is None:
        raise MenuVersionNotFound(details={"number": number})
    return row


def _wechat_buttons(rt: Runtime, buttons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Buttons as WeChat takes them: mini-program buttons carry our mini-program's appid."""
    out = []
    for button in buttons:
        shaped = {k: v for k, v in button.items() if k != "sub_button"}
        if button.get("type") == "miniprogram":
            shaped["appid"] = rt.settings.wechat_miniprogram_app_id
        if "sub_button" in button:
            shaped["sub_button"] = _wechat_buttons(rt, button["sub_button"])
        out.append(shaped)
    return out


async def preview(*, rt: Runtime, number: int) -> MenuPreviewOut:
    """The exact ``menu/create`` and ``menu/addconditional`` bodies a publish would send."""
    row = await _version(number)
    conditional = []
    for menu in row.menu.get("conditional", []):
        tag_id = await oa_admin.ensure_tag(rt, menu["tag"])
        conditional.append({"button": _wechat_buttons(rt, menu["button"]),
                            "matchrule": {"tag_id": str(tag_id)}})
    return MenuPreviewOut(create={"button": _wechat_buttons(rt, row.menu["button"])},
                          conditional=conditional)


def _click_keys(buttons: list[dict[str, Any]]) -> set[str]:
    keys = set()
    for button in buttons:
        if button.get("type") == "click":
            keys.add(str(button["key"]).strip().lower())
        keys |= _click_keys(button.get("sub_button", []))
    return keys


async def publish(*, rt: Runtime, number: int) -> MenuVersionOut:
    """Make ``number`` the live menu (a later or an earlier version: the latter is a rollback)."""
    row = await _version(number)
    keys = _click_keys(row.menu["button"])
    for menu in row.menu.get("conditional", []):
        keys |= _click_keys(menu["button"])
    answered = {str(key) for key in await OAReply.filter(trigger=ReplyTrigger.CLICK, key__in=keys)
                .values_list("key", flat=True)}
    answered |= {key.lower() for key in rt.settings.oa_auto_replies}
    if keys - answered:
        raise MenuKeyUnanswered(details={"keys": sorted(keys - answered)})
    bodies = await preview(rt=rt, number=number)
    # Each WeChat call's effect is recorded as soon as it succeeds, so a publish that fails midway
    # (WeChat refusing or not answering) is finished by publishing again, this version or another.
    await oa_admin.create_menu(rt, bodies.create)
    await _delete_conditional_menus(rt)
    row.conditional_menu_ids = []
    for body in bodies.conditional:
        row.conditional_menu_ids.append(await oa_admin.add_conditional_menu(rt, body))
        await OAMenuVersion.filter(id=row.id).update(conditional_menu_ids=row.conditional_menu_ids)
    row.published_at = utcnow()
    await row.save(update_fields=["published_at", "updated_at"])
    return _out(row)


async def _delete_conditional_menus(rt: Runtime) -> None:
    """Delete every conditional menu a version still records: the live version's, and those an
    unfinished publish added. Each menuid is struck off once WeChat no longer has it."""
    for version in await OAMenuVersion.all().order_by("number"):
        remaining = list(version.conditional_menu_ids)
        while remaining:
            await oa_admin.delete_conditional_menu(rt, remaining[0])
            remaining = remaining[1:]
            await OAMenuVersion.filter(id=version.id).update(conditional_menu_ids=remaining)


async def live() -> MenuVersionOut | None:
    """The version published last, if any."""
    row = await OAMenuVersion.filter(published_at__isnull=False).order_by("-published_at").first()
    return _out(row) if row else None
