"""Scene QR codes (带参数二维码): created at WeChat, scanned to follow, tag and answer.

A hall or window code tags its scanners ``hall:<code>``, the audience of the hall's notices; a
campaign code tags them ``campaign:<name>``. Global admins manage every code; a hall manager
manages the codes of their own hall (campaign codes are the admins').
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import structlog
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError, Forbidden
from app.ids import local_today, to_local, utcnow
from app.tokens import Principal
from models.oa import OAFollowerTag, OASceneCode, OASceneScan, SceneKind
from models.organization import Hall
from services.appointments.qr import render_png
from services.oa.shapes import SceneCodeOut, SceneDayCount, SceneStatsOut
from wechat import oa_admin

log = structlog.get_logger("services.oa.scenes")


class SceneNotFound(AppError):
    status, code, message = 404, "OA_SCENE_NOT_FOUND", "场景二维码不存在"


class SceneExpired(AppError):
    status, code, message = 410, "OA_SCENE_EXPIRED", "场景二维码已过期"


class SceneExists(AppError):
    status, code, message = 409, "OA_SCENE_EXISTS", "该场景已有有效的二维码"


class SceneHallUnknown(AppError):
    status, code, message = 422, "OA_SCENE_HALL_UNKNOWN", "大厅不存在"


def _require_editor(principal: Principal, hall_id: uuid.UUID | None) -> None:
    if principal.has_role("admin"):
        return
    if hall_id is not None and principal.has_role("hall_manager", hall_id=str(hall_id)):
        return
    raise Forbidden(details={"required_role": "admin, or hall_manager of the scene's hall"})


def _out(rt: Runtime, row: OASceneCode, hall_code: str | None) -> SceneCodeOut:
    return SceneCodeOut(id=str(row.id), scene=row.scene, kind=str(row.kind), hall_code=hall_code,
                        tag=row.tag, ticket=row.ticket, url=row.url,
                        qr_image_url=oa_admin.showqrcode_url(rt, row.ticket),
                        expires_at=to_local(row.expires_at) if row.expires_at else None,
                        permanent=row.expires_at is None)


def _scene_and_tag(kind: SceneKind, hall: Hall | None, window: str | None,
                   campaign: str | None) -> tuple[str, str]:
    if kind == SceneKind.CAMPAIGN:
        return f"campaign:{campaign}", f"campaign:{campaign}"
    assert hall is not None
    scene = f"hall:{hall.code}" if kind == SceneKind.HALL else f"window:{hall.code}-{window}"
    return scene, f"hall:{hall.code}"


async def create(*, rt: Runtime, principal: Principal, kind: SceneKind, hall_code: str | None,
                 window: str | None, campaign: str | None,
                 expire_seconds: int | None) -> SceneCodeOut:
    """Create the code at WeChat (temporary when ``expire_seconds`` is given, else permanent)."""
    hall = None
    if kind != SceneKind.CAMPAIGN:
        hall = await Hall.get_or_none(code=hall_code or "")
        if hall is None:
            raise SceneHallUnknown(details={"hall_code": hall_code})
    _require_editor(principal, hall.id if hall else None)
    scene, tag = _scene_and_tag(kind, hall, window, campaign)
    existing = await OASceneCode.get_or_none(scene=scene)
    if existing is not None and not _expired(existing):
        raise SceneExists(details={"scene": scene, "id": str(existing.id)})
    # The tag and the code live at WeChat first; only then is the code ours to hand out.
    wechat_tag_id = await oa_admin.ensure_tag(rt, tag)
    ticket = await oa_admin.create_scene_qrcode(rt, scene=scene, expire_seconds=expire_seconds)
    expires_at = (utcnow() + timedelta(seconds=ticket.expire_seconds)
                  if ticket.expire_seconds is not None else None)
    async with in_transaction():
        if existing is not None:
            await existing.delete()
        row = await OASceneCode.create(scene=scene, kind=kind, hall=hall, tag=tag,
                                       wechat_tag_id=wechat_tag_id, ticket=ticket.ticket,
                                       url=ticket.url, expires_at=expires_at,
                                       created_by=str(principal.subject_id))
    return _out(rt, row, hall.code if hall else None)


def _expired(row: OASceneCode) -> bool:
    return row.expires_at is not None and row.expires_at <= utcnow()


async def _get(principal: Principal, scene_id: uuid.UUID) -> OASceneCode:
    row = await OASceneCode.get_or_none(id=scene_id).prefetch_related("hall")
    if row is None:
        raise SceneNotFound()
    _require_editor(principal, row.hall_id)
    return row


async def get(*, rt: Runtime, principal: Principal, scene_id: uuid.UUID) -> SceneCodeOut:
    """One code, as its editor sees it."""
    row = await _get(principal, scene_id)
    return _out(rt, row, row.hall.code if row.hall else None)


async def png(*, principal: Principal, scene_id: uuid.UUID) -> bytes:
    """The code as a PNG to print; an expired temporary code is refused."""
    row = await _get(principal, scene_id)
    if _expired(row):
        raise SceneExpired(details={"scene": row.scene})
    return render_png(row.url)


async def stats(*, principal: Principal, scene_id: uuid.UUID) -> SceneStatsOut:
    """Scans and new followers of a code, in all and per day (Beijing time)."""
    row = await _get(principal, scene_id)
    async def per_day(**only: bool) -> dict[date, int]:
        rows = await (OASceneScan.filter(scene_code_id=row.id, **only).group_by("day")
                      .annotate(n=Count("id")).values("day", "n"))
        return {r["day"]: r["n"] for r in rows}

    scans, new = await per_day(), await per_day(new_follower=True)
    counts = [SceneDayCount(day=day, scans=n, new_followers=new.get(day, 0))
              for day, n in sorted(scans.items())]
    return SceneStatsOut(scene=row.scene, scans=sum(c.scans for c in counts),
                         new_followers=sum(c.new_followers for c in counts), days=counts)


async def record_scan(*, rt: Runtime, openid: str, scene: str, new_follower: bool) -> bool:
    """A follower scanned ``scene``: tag them (at WeChat and here) and count the scan.

    Returns False for an unknown or expired scene, which changes nothing."""
    row = await OASceneCode.get_or_none(scene=scene)
    if row is None or _expired(row):
        log.info("oa_scene_refused", scene=scene, reason="unknown" if row is None else "expired")
        return False
    await oa_admin.tag_followers(rt, tag_id=row.wechat_tag_id, openids=[openid])
    async with in_transaction():
        await OAFollowerTag.get_or_create(openid=openid, tag=row.tag)
        await OASceneScan.create(scene_code=row, openid=openid, new_follower=new_follower,
                                 day=local_today())
    return True
