"""Demo data for development: the demo catalog, departments, halls and staff, weekly slot
templates on every hall and a session starting now (idempotent)."""

from __future__ import annotations

from datetime import timedelta

from app.context import Runtime
from app.ids import to_local, utcnow
from models.appointments import SlotException, SlotExceptionKind, SlotTemplate
from models.catalog import ServiceItem
from models.organization import Department, Hall
from models.staff import StaffMember
from services.appointments import slots
from services.catalog import sync as catalog_sync
from services.catalog.generator import DEMO_CATALOG
from services.identity import staff
from services.identity.staff import RoleSpec

DEMO_DEPARTMENTS = [
    ("HDGA", "海淀区公安分局"),
    ("HDSCJG", "海淀区市场监督管理局"),
    ("HDRS", "海淀区人力资源和社会保障局"),
]
DEMO_HALLS = [
    ("HD-CENTER", "海淀区政务服务中心"),
    ("HD-ZGC", "中关村街道政务服务中心"),
]
# Development-only passwords, printed by `seed-demo` and listed in README.md.
DEMO_STAFF = [
    ("admin", "目录管理员", "admin-demo-pass", ["admin"]),
    ("admin-ga", "公安分局目录管理员 孙悦", "admin-demo-pass", ["admin:HDGA"]),
    ("clerk", "综合窗口 王敏", "clerk-demo-pass", ["clerk@HD-CENTER"]),
    # Two reviewers per department: one application's examination and decision steps must be
    # signed by different reviewers (APPROVAL_SAME_REVIEWER).
    ("reviewer-ga", "公安分局审批 李强", "reviewer-demo-pass", ["reviewer:HDGA"]),
    ("reviewer-ga-2", "公安分局审批 周敏", "reviewer-demo-pass", ["reviewer:HDGA"]),
    ("reviewer-scjg", "市场监管审批 赵静", "reviewer-demo-pass", ["reviewer:HDSCJG"]),
    ("reviewer-scjg-2", "市场监管审批 吴磊", "reviewer-demo-pass", ["reviewer:HDSCJG"]),
    ("reviewer-rs", "人社局审批 郑洁", "reviewer-demo-pass", ["reviewer:HDRS"]),
    ("reviewer-rs-2", "人社局审批 冯涛", "reviewer-demo-pass", ["reviewer:HDRS"]),
    ("manager", "大厅经理 陈刚", "manager-demo-pass", ["hall_manager@HD-CENTER"]),
]
# Weekly windows (Beijing minutes after midnight) published on every working day at every hall,
# for every appointment group served there.
DEMO_WINDOWS = [(9 * 60, 10 * 60 + 30), (10 * 60 + 30, 12 * 60), (13 * 60 + 30, 15 * 60),
                (15 * 60, 16 * 60 + 30)]
DEMO_CAPACITY = 20
# The session opened at each start, at the hall of the demo clerk: it starts at the first
# 5-minute mark at least this far ahead, so it can still be booked once the server is up, and
# check-in (open HDT_CHECKIN_EARLY_MINUTES, 30, before the start) can be tried at once.
SESSION_HALL = "HD-CENTER"
SESSION_LEAD = timedelta(minutes=10)
SESSION_LENGTH_MINUTES = 60


async def seed(*, rt: Runtime) -> list[str]:
    """Create whatever demo rows are missing and say what was created."""
    created = []
    # The demo catalog (services/data/demo_catalog.json) carries the departments and halls
    # below too, with full details; syncing it again changes nothing.
    diff = await catalog_sync.sync(rt=rt, catalog=catalog_sync.parse_catalog(DEMO_CATALOG.read_bytes()),
                                   dry_run=False)
    if not diff.is_empty:
        created.append(f"catalog {diff.summary()}")
    for code, name in DEMO_DEPARTMENTS:
        if not await Department.exists(code=code):
            await Department.create(code=code, name=name)
            created.append(f"department {code}")
    for code, name in DEMO_HALLS:
        if not await Hall.exists(code=code):
            await Hall.create(code=code, name=name)
            created.append(f"hall {code}")
    for username, display_name, password, roles in DEMO_STAFF:
        if not await StaffMember.exists(username=username):
            await staff.create(username=username, display_name=display_name, password=password,
                               roles=[RoleSpec.parse(r) for r in roles], rt=rt)
            created.append(f"staff {username} / {password}")
    templates = await add_slot_templates()
    if templates:
        created.append(f"slot templates {templates}")
    created.append(await open_session_now())
    published = await slots.materialize(horizon_days=rt.settings.appointment_horizon_days)
    if published:
        created.append(f"slots {published}")
    return created


async def _groups_by_hall() -> dict[Hall, list[str]]:
    """Every hall and the appointment groups of the items served there."""
    groups: dict[Hall, list[str]] = {}
    for hall in await Hall.all().order_by("code"):
        served = await ServiceItem.filter(halls=hall, appointment_group__isnull=False).values_list(
            "appointment_group", flat=True)
        groups[hall] = sorted({str(group) for group in served})
    return groups


async def add_slot_templates() -> int:
    """Weekday templates for every group at every hall that has none yet; returns how many."""
    templates = [
        SlotTemplate(hall_id=hall.id, appointment_group=group, weekday=weekday, start_minute=start,
                     end_minute=end, capacity=DEMO_CAPACITY)
        for hall, groups in (await _groups_by_hall()).items()
        if not await SlotTemplate.exists(hall_id=hall.id)
        for group in groups for weekday in range(1, 6) for start, end in DEMO_WINDOWS]
    await SlotTemplate.bulk_create(templates)
    return len(templates)


async def open_session_now() -> str:
    """An extra session at SESSION_HALL for each of its groups, starting within minutes."""
    hall = await Hall.get(code=SESSION_HALL)
    groups = (await _groups_by_hall())[hall]
    ahead = to_local(utcnow() + SESSION_LEAD)
    starts = ahead.replace(second=0, microsecond=0) + timedelta(minutes=-ahead.minute % 5)
    start_minute = starts.hour * 60 + starts.minute
    end_minute = min(start_minute + SESSION_LENGTH_MINUTES, 24 * 60)
    for group in groups:
        await SlotException.get_or_create(
            hall_id=hall.id, appointment_group=group, day=starts.date(), kind=SlotExceptionKind.EXTRA,
            start_minute=start_minute, defaults={"end_minute": end_minute, "capacity": DEMO_CAPACITY,
                                                 "reason": "开发演示：即将开始的场次"})
    await slots.materialize(horizon_days=1, hall_id=hall.id, start=starts.date())
    return (f"session now {SESSION_HALL} {starts:%Y-%m-%d %H:%M}-{end_minute // 60:02d}:"
            f"{end_minute % 60:02d} for {len(groups)} appointment groups")
