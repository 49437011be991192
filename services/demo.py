"""Demo data for development: the demo catalog, departments, halls and staff (idempotent)."""

from __future__ import annotations

from app.context import Runtime
from models.organization import Department, Hall
from models.staff import StaffMember
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
    ("reviewer-ga", "公安分局审批 李强", "reviewer-demo-pass", ["reviewer:HDGA"]),
    ("reviewer-scjg", "市场监管审批 赵静", "reviewer-demo-pass", ["reviewer:HDSCJG"]),
    ("manager", "大厅经理 陈刚", "manager-demo-pass", ["hall_manager@HD-CENTER"]),
]


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
    return created
