"""Builders for test data, each taking overrides; and helpers to log in as someone."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx

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
                                    return_url: str = "/h5/home",
                                    link_ticket: str | None = None) -> httpx.Response:
    """Walk the Beijing Pass login as a browser, choosing ``identity`` on the consent page."""
    params = {"return_url": return_url, **({"link_ticket": link_ticket} if link_ticket else {})}
    start = await client.get("/api/v1/auth/beijing-pass/authorize", params=params)
    assert start.status_code == 302, start.text
    consent_url = httpx.URL(start.headers["location"])
    consented = await client.post(str(consent_url.copy_with(query=None)),
                                  data={**dict(consent_url.params), "identity": identity})
    assert consented.status_code == 302, consented.text
    return await client.get(consented.headers["location"])


def ticket_of(response: httpx.Response) -> str:
    """The one-time login ticket a successful browser flow appends to the return URL."""
    assert response.status_code == 302, response.text
    return dict(httpx.URL(response.headers["location"]).params)["login_ticket"]


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


async def confirm_link(client: httpx.AsyncClient, resident: LoggedIn, finished: httpx.Response) -> httpx.Response:
    """Confirm, as ``resident``, the binding a browser flow brought back (its ``link_token``)."""
    assert finished.status_code == 302, finished.text
    token = dict(httpx.URL(finished.headers["location"]).params)["link_token"]
    return await client.post("/api/v1/auth/link-confirmations", json={"link_token": token},
                             headers=resident.headers)
