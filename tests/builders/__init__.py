"""Builders for test data, each taking overrides; and helpers to log in as someone."""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

import httpx
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.ids import to_local, utcnow
from models.appointments import Appointment, AppointmentStatus, Slot
from models.catalog import GuideVersion, ServiceItem
from models.organization import Department, Hall
from models.prereview import Application, ApplicationState
from models.staff import StaffMember
from models.users import ExternalIdentity, IdentityProvider, RealNameLevel, User
from services import outbox
from services.events import EventType
from services.identity import sessions, staff
from services.identity.staff import RoleSpec

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


# Distinct by construction (2,000 random 8-digit serials collide once in about 50 runs), above
# the serials the tests write out (110108199003071234 …).
_ID_SERIALS = itertools.count(5 * 10**7 + secrets.randbelow(10**7))


def distinct_id_number() -> str:
    """An ID number no other resident made by this process has."""
    return "1101081990" + f"{next(_ID_SERIALS) % 10**8:08d}"


async def resident_session(rt: Runtime, *, realname: bool = True) -> LoggedIn:
    """A new resident (with a distinct ID number) and a live session."""
    id_number = distinct_id_number()
    return await login_resident(rt, await make_resident(rt, realname=realname, id_number=id_number))


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


_SHA = "ab" * 32
LEDGER_SAMPLES: dict[str, dict] = {
    "application_submitted": {"application_id": "app-1", "item_code": "11110108MB0000001", "form_sha256": _SHA,
                              "materials": [{"material_id": "mat-1", "sha256": "cd" * 32}]},
    "application_transition": {"application_id": "app-1", "from_state": "submitted", "to_state": "in_review",
                               "actor_id": "staff-1", "actor_role": "reviewer"},
    "approval_decision": {"application_id": "app-1", "decision": "approved", "decided_by": "staff-2",
                          "department_id": "dept-1", "decision_sha256": _SHA},
    "certificate_issued": {"certificate_id": "cert-1", "application_id": "app-1",
                           "certificate_type": "business_license", "document_sha256": _SHA, "issued_by": "staff-3"},
    "certificate_revoked": {"certificate_id": "cert-1", "reason_code": "issued_in_error", "revoked_by": "staff-3"},
    "document_issued": {"document_id": "doc-1", "kind": "decision-notice", "number": "XK20261205-0A1B2C3D",
                        "document_sha256": _SHA, "content_sha256": "cd" * 32, "application_id": "app-1"},
    "checkin": {"booking_id": "booking-1", "hall_id": "hall-1", "slot_id": "slot-1", "checked_in_by": "device-1"},
    "ticket_call": {"ticket_id": "ticket-1", "hall_id": "hall-1", "window_id": "window-1", "action": "called",
                    "actor_id": "staff-5"},
    "ticket_service": {"ticket_id": "ticket-1", "hall_id": "hall-1", "window_id": "window-1", "action": "ended",
                       "actor_id": "staff-5", "application_id": "app-1"},
    "calendar_notice": {"year": 2027, "content_sha256": _SHA, "loaded_by": "cli"},
    "staff_changed": {"staff_id": "staff-4", "action": "disabled", "roles_sha256": _SHA, "changed_by": "cli"},
    "company_registered": {"company_id": "company-1", "uscc": "91110108MA01HDT002", "representative_id": "user-1"},
    "company_authorisation": {"company_id": "company-1", "authorisation_id": "auth-1", "action": "granted",
                              "scope": ["SC001"], "valid_until": 1900000000, "by": "user-1"},
    "bundle_handover": {"bundle_application_id": "bundle-1", "application_id": "app-2", "department_id": "dept-2",
                        "from_application_id": "app-1", "fields": ["contract_filing_number"]},
    "payment_paid": {"order_id": "order-1", "application_id": "app-1", "amount_fen": 1500,
                     "transaction_id": "4200000001202612050000000001"},
    "payment_refunded": {"order_id": "order-1", "application_id": "app-1", "refund_id": "refund-1",
                         "amount_fen": 1500, "transaction_id": "4200000001202612050000000001",
                         "wechatpay_refund_id": "50000000000000000000000000000001"},
    "payment_reconciled": {"bill_date": "2026-12-04", "bill_sha256": _SHA, "bill_rows": 3, "matched": 3,
                           "mismatches": 0},
    "evaluation_step": {"evaluation_id": "evaluation-1", "department_id": "dept-1", "event": "decision",
                        "action": "routed", "actor_id": "user-1", "rectify_by": "2026-12-25",
                        "application_id": "app-1"},
    "appointment_draw": {"slot_id": "slot-1", "algorithm": "sha256-rank-v1", "seed": _SHA, "seats": 1,
                         "entrants": ["ab" * 32, "cd" * 32], "refused": [], "winners": ["cd" * 32]},
}


def ledger_data(record_type: str = "application_transition", **overrides: object) -> dict:
    """Valid data for a ledger record of ``record_type``, with overrides."""
    return {**LEDGER_SAMPLES[record_type], **overrides}


async def append_ledger(count: int = 1, *, record_type: str = "application_transition",
                        **overrides: object) -> list:
    """Append ``count`` valid records one after another; returns the entries."""
    from services import ledger

    return [await ledger.append(record_type=record_type, data=ledger_data(record_type, **overrides))
            for _ in range(count)]


# --- residents who log in through the real emulator flows --------------------------------------


@dataclass
class WeChatResident(LoggedIn):
    """A resident logged in from the mini-program through the WeChat emulator."""

    user_key: str
    openid: str
    unionid: str | None


async def wechat_login_code(wechat: httpx.AsyncClient, *, user: str | None = None, **overrides) -> dict:
    """Mint a ``wx.login`` code at the WeChat emulator for test user ``user`` (a new one by default)."""
    response = await wechat.post("/_emulator/miniprogram/login-code",
                                 json={"user": user or f"resident-{secrets.token_hex(4)}", **overrides})
    assert response.status_code == 200, response.text
    return response.json()


async def login_wechat_resident(client: httpx.AsyncClient, wechat: httpx.AsyncClient, *,
                                user: str | None = None, **overrides) -> WeChatResident:
    """Log in from the mini-program as a test WeChat user (created on first login)."""
    minted = await wechat_login_code(wechat, user=user, **overrides)
    response = await client.post("/api/v1/auth/wechat/miniprogram", json={"code": minted["code"]})
    assert response.status_code == 200, response.text
    tokens = response.json()
    return WeChatResident(tokens["subject_id"], tokens["access_token"], tokens["refresh_token"],
                          minted["user"], minted["openid"], minted["unionid"])


def _with_params(url: str, **params: str) -> str:
    base, _, _fragment = url.partition("#")  # browsers never send the fragment
    return base + ("&" if "?" in base else "?") + urlencode(params)


async def oa_browser_flow(client: httpx.AsyncClient, *, user: str, return_url: str = "/h5/home",
                          scope: str = "snsapi_base", link_ticket: str | None = None) -> httpx.Response:
    """Walk the OA H5 login as a browser: our authorize -> WeChat -> our callback.

    Returns the callback's answer (a redirect to ``return_url`` on success). ``client`` keeps the
    cookie our authorize set, as a browser would.
    """
    params = {"return_url": return_url, "scope": scope, **({"link_ticket": link_ticket} if link_ticket else {})}
    start = await client.get("/api/v1/auth/wechat/oa/authorize", params=params)
    assert start.status_code == 302, start.text
    at_wechat = await client.get(_with_params(start.headers["location"], emulator_user=user))
    assert at_wechat.status_code == 302, at_wechat.text
    return await client.get(at_wechat.headers["location"])


async def beijing_pass_browser_flow(client: httpx.AsyncClient, *, identity: str,
                                    return_url: str = "/h5/home", link_ticket: str | None = None,
                                    min_level: int | None = None, step_up: bool = False) -> httpx.Response:
    """Walk the Beijing Pass login as a browser, choosing ``identity`` on the consent page (and
    taking the platform's check up to ``min_level`` there when ``step_up``)."""
    params = {"return_url": return_url, **({"link_ticket": link_ticket} if link_ticket else {}),
              **({"min_level": str(min_level)} if min_level else {})}
    start = await client.get("/api/v1/auth/beijing-pass/authorize", params=params)
    assert start.status_code == 302, start.text
    consent_url = httpx.URL(start.headers["location"])
    consented = await client.post(str(consent_url.copy_with(query=None)),
                                  data={**dict(consent_url.params), "identity": identity,
                                        **({"step_up": "1"} if step_up else {})})
    assert consented.status_code == 302, consented.text
    return await client.get(consented.headers["location"])


def ticket_of(response: httpx.Response) -> str:
    """The one-time login ticket a successful browser flow appends to the return URL."""
    assert response.status_code == 302, response.text
    return dict(httpx.URL(response.headers["location"]).params)["login_ticket"]


def login_error_of(response: httpx.Response) -> str:
    """The error code a failed browser login appends to the return URL."""
    assert response.status_code == 302, response.text
    return dict(httpx.URL(response.headers["location"]).params)["login_error"]


async def exchange_ticket(client: httpx.AsyncClient, ticket: str) -> LoggedIn:
    response = await client.post("/api/v1/auth/login-tickets/exchange", json={"ticket": ticket})
    assert response.status_code == 200, response.text
    tokens = response.json()
    return LoggedIn(tokens["subject_id"], tokens["access_token"], tokens["refresh_token"])


async def add_beijing_pass_identity(bjpass: httpx.AsyncClient, **overrides) -> dict:
    """Register a test person at the Beijing Pass emulator (a new one by default)."""
    serial = secrets.randbelow(10**3)
    person = {"key": f"person-{secrets.token_hex(4)}", "name": "赵六",
              "id_number": f"11010819900101{serial:03d}X", "level": 2,
              **overrides}
    response = await bjpass.post("/_emulator/identities", json=person)
    assert response.status_code == 201, response.text
    return response.json()


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

    from services.catalog import sync as catalog_sync

    catalog = catalog_sync.parse_catalog(orjson.dumps(document))
    return await catalog_sync.sync(rt=rt, catalog=catalog, dry_run=dry_run)


async def confirm_link(client: httpx.AsyncClient, resident: LoggedIn, finished: httpx.Response) -> httpx.Response:
    """Confirm, as ``resident``, the binding a browser flow brought back (its ``link_token``)."""
    assert finished.status_code == 302, finished.text
    token = dict(httpx.URL(finished.headers["location"]).params)["link_token"]
    return await client.post("/api/v1/auth/link-confirmations", json={"link_token": token},
                             headers=resident.headers)
async def make_service_item(*, department: Department | None = None, code: str | None = None,
                            name: str = "测试事项", appointment_group: str | None = "G1",
                            requires_realname: bool = True, is_published: bool = True) -> ServiceItem:
    return await ServiceItem.create(
        code=code or f"I{secrets.token_hex(4)}", name=name,
        department=department or await make_department(), appointment_group=appointment_group,
        requires_realname=requires_realname, is_published=is_published)


async def make_slot(*, hall: Hall, appointment_group: str = "G1",
                    starts_in: timedelta = timedelta(hours=3),
                    duration: timedelta = timedelta(minutes=30), capacity: int = 5, booked: int = 0,
                    is_closed: bool = False, opens_in: timedelta | None = None,
                    draw_closes_in: timedelta | None = None) -> Slot:
    """A slot placed relative to the real current time (whole minutes, like published ones);
    with ``opens_in`` it is released that long from now (negative: released already), with
    ``draw_closes_in`` its seats are drawn among those entered until then."""
    starts_at = (utcnow() + starts_in).replace(second=0, microsecond=0)
    return await Slot.create(hall=hall, appointment_group=appointment_group,
                             day=to_local(starts_at).date(), starts_at=starts_at,
                             ends_at=starts_at + duration, capacity=capacity, booked=booked,
                             is_closed=is_closed,
                             opens_at=(utcnow() + opens_in).replace(microsecond=0)
                             if opens_in is not None else None,
                             draw_closes_at=utcnow() + draw_closes_in if draw_closes_in is not None else None)


async def make_appointment(*, resident: User, item: ServiceItem, slot: Slot,
                           status: AppointmentStatus = AppointmentStatus.BOOKED,
                           take_seat: bool = True) -> Appointment:
    """An appointment written straight to the database (e.g. in a slot already past)."""
    active = status is AppointmentStatus.BOOKED  # check-in releases the one-active-booking place
    if take_seat:
        slot.booked += 1
        await slot.save(update_fields=["booked"])
    return await Appointment.create(
        resident=resident, item=item, slot=slot, hall_id=slot.hall_id,
        appointment_group=slot.appointment_group, day=slot.day, starts_at=slot.starts_at,
        ends_at=slot.ends_at, status=status, active_marker="active" if active else None,
        idempotency_key=secrets.token_hex(8))
def emulated_openid(app_id: str, user_key: str) -> str:
    """The openid the WeChat emulator gives test user ``user_key`` in app ``app_id``."""
    from emulators.wechat_state import TestUser

    return TestUser(user_key, "", "").openid(app_id)


async def make_wechat_resident(rt: Runtime, *, user_key: str, oa: bool = True,
                               miniprogram: bool = False, realname: bool = False) -> User:
    """A resident with the WeChat identities (OA and/or mini-program openid) of an emulator user."""
    id_number = distinct_id_number()
    user = await make_resident(rt, display_name=user_key, realname=realname, id_number=id_number)
    for wanted, provider, app_id in ((oa, IdentityProvider.WECHAT_OA, rt.settings.wechat_oa_app_id),
                                     (miniprogram, IdentityProvider.WECHAT_MINIPROGRAM,
                                      rt.settings.wechat_miniprogram_app_id)):
        if wanted:
            await ExternalIdentity.create(user=user, provider=provider, app_id=app_id,
                                          subject=emulated_openid(app_id, user_key))
    return user


async def follow_oa(wechat: httpx.AsyncClient, user_key: str) -> dict:
    """The emulator user follows the OA; the emulator POSTs the signed subscribe event to us."""
    response = await wechat.post("/_emulator/oa/follow", json={"user": user_key})
    assert response.status_code == 200, response.text
    assert response.json()["callback_status"] == 200, response.text
    return response.json()


async def emit_push_event(event_type: EventType, **payload: object) -> str:
    """Write a push event to the outbox as a domain service would; returns its id."""
    async with in_transaction():
        event = await outbox.emit(event_type=event_type, aggregate_id=str(payload.get("user_id", "")),
                                  payload=payload)
    return str(event.id)


async def make_application(*, resident: User, item: ServiceItem,
                           state: ApplicationState = ApplicationState.PASSED) -> Application:
    """An application of ``item`` (a make_prereview_item) written straight to the database."""
    guide = await GuideVersion.get(item_id=item.id, version=item.current_version)
    return await Application.create(resident=resident, item=item, guide=guide,
                                    department_id=item.department_id, state=state)


PREREVIEW_MATERIALS = [{"name": "居民身份证", "reusable": True}, {"name": "户口簿"},
                       {"name": "照片", "required": False}]
PREREVIEW_TEMPLATE = {"fields": [
    {"name": "applicant_name", "label": "申请人姓名", "type": "string", "required": True},
    {"name": "id_number", "label": "公民身份号码", "type": "id_number", "required": True},
    {"name": "phone", "label": "手机号码", "type": "phone"},
]}


async def make_prereview_item(*, department: Department | None = None, prereview_days: int | None = 3,
                              materials: list[dict] | None = None, modes: list[str] | None = None,
                              name: str = "户口迁移预审", approval_steps: list[dict] | None = None,
                              result: dict | None = None, promised_limit_days: int = 0,
                              appointment_group: str | None = None,
                              data_template: dict | None = None, legal_basis: str = "") -> ServiceItem:
    """A published item with online pre-review and a guide (version 1) with materials and a form."""
    modes = modes if modes is not None else ["online_prereview", "one_window"]
    item = await ServiceItem.create(
        code=f"I{secrets.token_hex(4)}", name=name, department=department or await make_department(),
        modes=modes, mode_flags="|" + "|".join(modes) + "|", current_version=1,
        promised_limit_days=promised_limit_days, appointment_group=appointment_group)
    steps = [{"name": "申请", "limit_days": 0}]
    if prereview_days is not None:
        steps.append({"name": "预审", "limit_days": prereview_days})
    await GuideVersion.create(item=item, version=1, content_hash="0" * 64,
                              materials=materials if materials is not None else PREREVIEW_MATERIALS,
                              steps=steps + (approval_steps or []),
                              data_template=data_template or PREREVIEW_TEMPLATE,
                              result=result, legal_basis=legal_basis, created_by="test")
    return item
