"""Builders for test data, each taking overrides; and helpers to log in as someone."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from app.context import Runtime
from models.organization import Department, Hall
from models.staff import StaffMember
from models.users import RealNameLevel, User
from services import sessions, staff
from services.staff import RoleSpec

DEFAULT_PASSWORD = "correct-horse-battery"


@dataclass
class LoggedIn:
    """An account with live tokens; ``headers`` authorises requests as it."""

    id: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.access_token}"}


async def make_department(*, code: str | None = None, name: str = "测试部门") -> Department:
    return await Department.create(code=code or f"D{secrets.token_hex(3)}", name=name)


async def make_hall(*, code: str | None = None, name: str = "测试大厅") -> Hall:
    return await Hall.create(code=code or f"H{secrets.token_hex(3)}", name=name)


async def make_resident(rt: Runtime, *, realname: bool = False, display_name: str = "测试居民",
                        id_number: str = "110108199003071234", real_name: str = "张三") -> User:
    fields: dict = {"display_name": display_name}
    if realname:
        fields.update(realname_level=RealNameLevel.VERIFIED, real_name_enc=rt.cipher.encrypt(real_name),
                      id_number_enc=rt.cipher.encrypt(id_number),
                      id_number_index=rt.cipher.blind_index(id_number))
    return await User.create(**fields)


async def login_resident(rt: Runtime, user: User) -> LoggedIn:
    pair = await sessions.start(rt=rt, kind="resident", subject_id=user.id)
    return LoggedIn(str(user.id), pair.access_token, pair.refresh_token)


async def make_staff(rt: Runtime, *, roles: list[str], username: str | None = None,
                     password: str = DEFAULT_PASSWORD, totp_secret: str | None = None) -> StaffMember:
    return await staff.create(username=username or f"staff-{secrets.token_hex(3)}",
                              display_name="测试工作人员", password=password,
                              roles=[RoleSpec.parse(r) for r in roles], totp_secret=totp_secret, rt=rt)


async def login_staff(rt: Runtime, member: StaffMember) -> LoggedIn:
    pair = await sessions.start(rt=rt, kind="staff", subject_id=member.id)
    return LoggedIn(str(member.id), pair.access_token, pair.refresh_token)


def guide_spec(**overrides) -> dict:
    """A valid guide in the sync/admin format."""
    guide = {
        "conditions": "本人申请",
        "legal_basis": "《中华人民共和国居民身份证法》",
        "fee_description": "不收费",
        "materials": [{"name": "居民身份证", "original_required": True, "from_e_certificate": True}],
        "steps": [{"name": "申请", "limit_days": 0}, {"name": "受理", "limit_days": 0},
                  {"name": "审查", "limit_days": 5}, {"name": "决定", "limit_days": 1}],
        "data_template": {"fields": [
            {"name": "applicant_name", "label": "申请人姓名", "type": "string", "required": True},
            {"name": "reason", "label": "申请原因", "type": "choice", "options": ["到期换领", "损坏换领"]},
        ]},
    }
    return guide | overrides


def item_spec(code: str, name: str, *, department: str = "HDGA", **overrides) -> dict:
    """A valid catalog item in the sync/admin format."""
    item = {"code": code, "name": name, "department": department, "level": "district",
            "modes": ["online_prereview", "appointment", "one_window"], "legal_limit_days": 60,
            "promised_limit_days": 15, "fee_fen": 0, "appointment_group": "HUZHENG",
            "popularity": 100, "aliases": [], "life_events": [], "halls": ["HD-CENTER"],
            "guide": guide_spec()}
    return item | overrides


def catalog_document(items: list[dict], **overrides) -> dict:
    """A catalog export with the departments, life events and hall the specs above use."""
    document = {
        "format": "hdt-catalog/1",
        "departments": [{"code": "HDGA", "name": "海淀区公安分局"},
                        {"code": "HDRS", "name": "海淀区人力资源和社会保障局"},
                        {"code": "HDSCJG", "name": "海淀区市场监督管理局"}],
        "life_events": [{"code": "birth", "name": "出生"}, {"code": "business", "name": "开办企业"}],
        "halls": [{"code": "HD-CENTER", "name": "海淀区政务服务中心", "hall_type": "district",
                   "opening_hours": {"working_days": [["09:00", "17:00"]]}},
                  {"code": "HD-ZGC", "name": "中关村街道政务服务中心"}],
        "items": items,
    }
    return document | overrides


async def sync_catalog(rt: Runtime, document: dict, *, dry_run: bool = False):
    """Run catalog sync in-process (so the server's cache sees the invalidation)."""
    import orjson

    from services import catalog_sync

    catalog = catalog_sync.parse_catalog(orjson.dumps(document))
    return await catalog_sync.sync(rt=rt, catalog=catalog, dry_run=dry_run)
