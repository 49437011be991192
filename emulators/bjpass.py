"""A local Beijing Pass (北京通) identity provider: OAuth2 authorization code with PKCE (S256).

Endpoints: ``GET/POST /oauth2/authorize`` (an HTML consent page listing test identities, or the
test companies when the scope asks for ``legal_person``: 法人登录 by the legal representative),
``POST /oauth2/token``, ``GET /oauth2/userinfo``; controls under ``/_emulator/`` (identities,
companies, faults, clock, reset). Start it with ``python -m app emulators`` (port 9002).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from pydantic import BaseModel, Field, ValidationError
from sanic import Request, Sanic
from sanic.response import HTTPResponse, json, redirect

from app.crypto import mask_id_number
from bjpass.client import CALLBACK_PATH
from config import Settings
from emulators.common import (
    EmulatorClock,
    FaultPlan,
    emulator_page,
    install_controls,
    new_emulator_app,
    parse_control,
)

CODE_TTL_SECONDS = 300
TOKEN_TTL_SECONDS = 3600
LEVEL_NAMES = {1: "L1 基础实名", 2: "L2 人脸核验", 3: "L3 证件核验"}


class TestIdentity(BaseModel):
    """A person registered on the emulated platform."""

    key: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = Field(min_length=1, max_length=64)
    id_number: str = Field(pattern=r"^\d{17}[\dX]$")
    level: int = Field(2, ge=1, le=3)
    phone: str | None = Field(None, pattern=r"^1\d{10}$")

    @property
    def sub(self) -> str:
        """The platform's stable subject id for this person."""
        return "bjt_" + hashlib.sha256(f"sub:{self.key}".encode()).hexdigest()[:24]


class TestCompany(BaseModel):
    """A legal person (法人) registered on the emulated platform, with its legal representative."""

    key: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    uscc: str = Field(pattern=r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$",
                      description="统一社会信用代码")
    name: str = Field(min_length=1, max_length=128)
    representative: str = Field(description="法定代表人的测试身份 key")


LEGAL_PERSON_SCOPE = "legal_person"

DEFAULT_IDENTITIES = (
    TestIdentity(key="zhangsan", name="张三", id_number="110108199003071238", level=2, phone="13800138001"),
    TestIdentity(key="lisi", name="李四", id_number="110102198506124562", level=3, phone="13800138002"),
    TestIdentity(key="wangwu", name="王五", id_number="110105197811207895", level=1),
)


DEFAULT_COMPANIES = (
    TestCompany(key="hdtech", uscc="91110108MA01HDT002", name="北京海淀通测试科技有限公司",
                representative="lisi"),
)


@dataclass(frozen=True)
class RegisteredClient:
    client_id: str
    client_secret: str
    redirect_uris: tuple[str, ...]


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    identity_key: str
    code_challenge: str
    issued_at: float
    company_key: str | None = None  # a legal-person login: the company the person acts as


@dataclass(frozen=True)
class IssuedToken:
    identity_key: str
    expires_at: float
    company_key: str | None


@dataclass
class BeijingPassState:
    clients: dict[str, RegisteredClient]
    clock: EmulatorClock = field(default_factory=EmulatorClock)
    identities: dict[str, TestIdentity] = field(default_factory=dict)
    companies: dict[str, TestCompany] = field(default_factory=dict)
    codes: dict[str, Grant] = field(default_factory=dict)
    tokens: dict[str, IssuedToken] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.identities = {i.key: i.model_copy() for i in DEFAULT_IDENTITIES}
        self.companies = {c.key: c.model_copy() for c in DEFAULT_COMPANIES}
        self.codes.clear()
        self.tokens.clear()


def state_from_settings(settings: Settings) -> BeijingPassState:
    """Register the client configured in ``settings`` with its callback as redirect URI."""
    client = RegisteredClient(settings.bjpass_client_id, settings.bjpass_client_secret,
                              (settings.public_base_url.rstrip("/") + CALLBACK_PATH,))
    return BeijingPassState({client.client_id: client})


def s256(verifier: str) -> str:
    """The PKCE S256 challenge of a code verifier (RFC 7636)."""
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _oauth_error(error: str, description: str, status: int = 400) -> HTTPResponse:
    return json({"error": error, "error_description": description}, status=status)


def _refused(problem: str) -> HTTPResponse:
    return emulator_page("授权请求有误", f"<p>{html.escape(problem)}</p>", status=400)


def _new_identity(form: dict[str, str]) -> TestIdentity:
    """A person the developer makes up on the consent page; the ID number is the key."""
    return TestIdentity(key=f"id{form.get('id_number', '')}", name=form.get("name", "").strip(),
                        id_number=form.get("id_number", "").upper(), level=int(form.get("level") or 2),
                        phone=form.get("phone") or None)


NEW_IDENTITY_FIELDS = (
    '<label>姓名<input name=name required maxlength=64 placeholder="赵六"></label>'
    '<label>身份证号<input name=id_number required pattern="\\d{17}[\\dXx]" '
    'placeholder="110108199001011234"></label>'
    '<label>手机号（可不填）<input name=phone pattern="1\\d{10}" inputmode=numeric></label>'
    '<label>实名等级<select name=level>'
    + "".join(f"<option value={level}{' selected' if level == 2 else ''}>{name}</option>"
              for level, name in LEVEL_NAMES.items())
    + "</select></label>"
)


AUTHORIZE_PARAMS = ("response_type", "client_id", "redirect_uri", "scope", "state",
                    "code_challenge", "code_challenge_method", "acr_values")


def requested_level(params: dict[str, str]) -> int:
    """The real-name level the service asks for (``acr_values=L3``); 0 when it asks for none."""
    match = re.fullmatch(r"L([1-3])", params.get("acr_values", ""))
    return int(match.group(1)) if match else 0


def deny_form(hidden: str) -> str:
    """The consent page's refusal button."""
    return (f'<h2>不同意</h2><form method=post>{hidden}<input type=hidden name=deny value=1>'
            f'<button class=deny>拒绝授权</button></form>')


def _company_choice(company: TestCompany, state: BeijingPassState, hidden: str) -> str:
    representative = state.identities.get(company.representative)
    who = html.escape(representative.name) if representative else "（法定代表人未登记）"
    return (f"<li>{html.escape(company.name)} · {company.uscc} · 法定代表人 {who}<form method=post>{hidden}"
            f"<input type=hidden name=company value=\"{html.escape(company.key)}\"><button>以法人身份授权</button>"
            "</form></li>")


def create_bjpass_emulator(state: BeijingPassState, *, name: str = "bjpass_emulator") -> Sanic:
    """The emulator app over ``state``."""
    app = new_emulator_app(name)
    app.ctx.state = state
    install_controls(app, clock=state.clock, faults=FaultPlan(), reset=state.reset)

    def check_request(params: dict[str, str]) -> str | None:
        """Why an authorization request is refused before any redirect (RFC 6749 §4.1.2.1)."""
        client = state.clients.get(params.get("client_id", ""))
        if client is None:
            return "未知的 client_id"
        if params.get("redirect_uri") not in client.redirect_uris:
            return "redirect_uri 未登记"
        if params.get("response_type") != "code":
            return "response_type 必须为 code"
        if params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
            return "须使用 PKCE（code_challenge_method=S256）"
        return None

    @app.get("/oauth2/authorize")
    async def consent_page(request: Request) -> HTTPResponse:
        params = {k: request.args.get(k, "") for k in AUTHORIZE_PARAMS}
        problem = check_request(params)
        if problem:
            return _refused(problem)
        hidden = "".join(f'<input type=hidden name="{k}" value="{html.escape(v)}">'
                         for k, v in params.items())
        if LEGAL_PERSON_SCOPE in params["scope"].split():
            choices = "".join(_company_choice(c, state, hidden) for c in state.companies.values())
            return emulator_page("北京通法人登录（模拟）", "<p>海淀通申请获取法人信息。选择以法定代表人身份登录的单位："
                                 f"</p><ul>{choices}</ul>{deny_form(hidden)}")
        wanted = requested_level(params)

        def choose(i: TestIdentity, *, step_up: bool) -> str:
            label = f"完成{LEVEL_NAMES[wanted]}并授权" if step_up else "授权"
            return (f"<form method=post>{hidden}<input type=hidden name=identity value=\"{html.escape(i.key)}\">"
                    + ("<input type=hidden name=step_up value=1>" if step_up else "")
                    + f"<button{' class=step-up' if step_up else ''}>{label}</button></form>")

        # A person below the level asked for can take the platform's check (face, credential)
        # here and consent at the new level, or consent at the level they have.
        rows = "".join(
            f"<li>{html.escape(i.name)} · {mask_id_number(i.id_number)} · {LEVEL_NAMES[i.level]}"
            + (choose(i, step_up=True) if i.level < wanted else "") + choose(i, step_up=False)
            + "</li>" for i in state.identities.values())
        new = (f"<h2>新建测试身份并授权</h2><form method=post>{hidden}<input type=hidden name=new value=1>"
               f"{NEW_IDENTITY_FIELDS}<button>新建并授权</button></form>")
        return emulator_page("北京通统一身份认证（模拟）",
                             f"<p>海淀通申请获取您的实名信息。选择登录身份：</p><ul>{rows}</ul>{new}{deny_form(hidden)}")

    @app.post("/oauth2/authorize")
    async def consent(request: Request) -> HTTPResponse:
        params = {k: request.form.get(k, "") for k in AUTHORIZE_PARAMS}
        problem = check_request(params)
        if problem:
            return _refused(problem)
        back = params["redirect_uri"] + ("&" if "?" in params["redirect_uri"] else "?")
        if request.form.get("deny"):
            return redirect(back + urlencode({"error": "access_denied", "state": params["state"]}))
        company_key = None
        if LEGAL_PERSON_SCOPE in params["scope"].split():
            company = state.companies.get(request.form.get("company", ""))
            if company is None or company.representative not in state.identities:
                return _refused("未知单位")
            company_key, identity = company.key, state.identities[company.representative]
        elif request.form.get("new"):
            try:
                identity = _new_identity({k: request.form.get(k, "") for k in
                                          ("name", "id_number", "phone", "level")})
            except (ValidationError, ValueError):
                return _refused("姓名、18 位身份证号或 11 位手机号有误")
            state.identities[identity.key] = identity
        else:
            chosen = state.identities.get(request.form.get("identity", ""))
            if chosen is None:
                return _refused("未知身份")
            identity = chosen
            if request.form.get("step_up") and identity.level < requested_level(params):
                identity = identity.model_copy(update={"level": requested_level(params)})
                state.identities[identity.key] = identity
        code = secrets.token_urlsafe(24)
        state.codes[code] = Grant(params["client_id"], params["redirect_uri"], identity.key,
                                  params["code_challenge"], state.clock.now(), company_key)
        return redirect(back + urlencode({"code": code, "state": params["state"]}))

    @app.post("/oauth2/token")
    async def token(request: Request) -> HTTPResponse:
        form = {k: request.form.get(k, "") for k in ("grant_type", "code", "redirect_uri",
                                                      "client_id", "client_secret", "code_verifier")}
        client = state.clients.get(form["client_id"])
        if client is None or not secrets.compare_digest(form["client_secret"], client.client_secret):
            return _oauth_error("invalid_client", "client authentication failed", 401)
        if form["grant_type"] != "authorization_code":
            return _oauth_error("unsupported_grant_type", "only authorization_code is supported")
        grant = state.codes.pop(form["code"], None)  # single use, even when the rest is wrong
        if (grant is None or grant.client_id != client.client_id
                or state.clock.now() - grant.issued_at > CODE_TTL_SECONDS):
            return _oauth_error("invalid_grant", "code is invalid, expired or used")
        if grant.redirect_uri != form["redirect_uri"]:
            return _oauth_error("invalid_grant", "redirect_uri does not match")
        if not form["code_verifier"] or not secrets.compare_digest(s256(form["code_verifier"]),
                                                                   grant.code_challenge):
            return _oauth_error("invalid_grant", "PKCE verification failed")
        access_token = secrets.token_urlsafe(32)
        state.tokens[access_token] = IssuedToken(grant.identity_key, state.clock.now() + TOKEN_TTL_SECONDS,
                                                 grant.company_key)
        scope = "openid profile idcard" + (f" {LEGAL_PERSON_SCOPE}" if grant.company_key else "")
        return json({"access_token": access_token, "token_type": "Bearer",
                     "expires_in": TOKEN_TTL_SECONDS, "scope": scope})

    @app.get("/oauth2/userinfo")
    async def userinfo(request: Request) -> HTTPResponse:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        held = state.tokens.get(value.strip()) if scheme.lower() == "bearer" else None
        if held is None or state.clock.now() >= held.expires_at:
            return _oauth_error("invalid_token", "access token is invalid or expired", 401)
        identity = state.identities[held.identity_key]
        answer: dict[str, Any] = {"sub": identity.sub, "name": identity.name,
                                  "id_type": "ID_CARD", "id_number": identity.id_number,
                                  "realname_level": identity.level}
        if identity.phone:
            answer["phone_number"] = identity.phone
        company = state.companies.get(held.company_key or "")
        if company is not None:
            # 法人登录: who logged in is the legal representative, acting as the company.
            answer["user_type"] = "legal_person"
            answer["legal_person"] = {"uscc": company.uscc, "name": company.name,
                                      "legal_representative_name": identity.name,
                                      "legal_representative_id_number": identity.id_number}
        return json(answer, ensure_ascii=False)

    @app.get("/_emulator/identities")
    async def list_identities(request: Request) -> HTTPResponse:
        return json({"identities": [{**i.model_dump(), "sub": i.sub} for i in state.identities.values()]},
                    ensure_ascii=False)

    @app.post("/_emulator/identities")
    async def add_identity(request: Request) -> HTTPResponse:
        identity = parse_control(TestIdentity, request)
        state.identities[identity.key] = identity
        return json({**identity.model_dump(), "sub": identity.sub}, status=201, ensure_ascii=False)

    @app.post("/_emulator/companies")
    async def add_company(request: Request) -> HTTPResponse:
        company = parse_control(TestCompany, request)
        if company.representative not in state.identities:
            return json({"error": "unknown representative"}, status=400)
        state.companies[company.key] = company
        return json(company.model_dump(), status=201, ensure_ascii=False)

    return app
