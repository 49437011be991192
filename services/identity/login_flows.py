"""Browser login flows (OA H5, Beijing Pass): state bound to the browser, return URLs, tickets.

``begin`` remembers a flow in Redis under a random ``state`` and gives the browser a nonce cookie;
``finish_callback`` spends the state only with the same browser's nonce (CSRF), so a request
without the cookie (a link scanner, a preview) changes nothing. A finished login hands the front
end a one-time login ticket in the return URL, never tokens; a failed one sends the browser back
there with ``login_error=CODE``.
A finished *binding* hands back a one-time link token that the logged-in user must confirm with
their own access token, so a link ticket planted in someone else's browser binds nothing.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import orjson
import structlog

from app.context import Runtime
from app.errors import AppError
from app.origins import OriginPolicy
from app.redis import text
from bjpass.client import RealNamePerson
from config import Settings
from config.settings import normalise_origin
from models.users import ExternalIdentity, IdentityProvider
from services import companies, identity
from services.identity import Claim, sessions

log = structlog.get_logger("services.identity.login_flows")

NONCE_COOKIE = "hdt_login_nonce"
# The page a login returns to, kept by the browser for a late callback whose state has expired.
RETURN_COOKIE = "hdt_login_return"
RETURN_COOKIE_SECONDS = 24 * 3600
STATE_KEY = "login-state:{}"
LOGIN_TICKET_KEY = "login-ticket:{}"
LINK_TICKET_KEY = "link-ticket:{}"
PENDING_LINK_KEY = "pending-link:{}"
LOGIN_TICKET_TTL_SECONDS = 120
LINK_TICKET_TTL_SECONDS = 300


class ReturnUrlNotAllowed(AppError):
    status, code, message = 400, "RETURN_URL_NOT_ALLOWED", "回跳地址不在允许范围内"


class StateInvalid(AppError):
    status, code, message = 400, "LOGIN_STATE_INVALID", "登录请求已失效或不是从本浏览器发起的，请重新登录"


class TicketInvalid(AppError):
    status, code, message = 401, "LOGIN_TICKET_INVALID", "登录票据无效、已过期或已使用，请重新登录"


class LinkUserMismatch(AppError):
    status, code, message = 403, "LINK_USER_MISMATCH", "该绑定不是由当前账号发起的，已拒绝"


@dataclass(frozen=True)
class BrowserFlow:
    """What a login flow remembers between the authorize redirect and the callback."""

    provider: str
    nonce_hash: str
    return_url: str
    link_user_id: str | None = None
    scope: str = ""
    code_verifier: str | None = None
    min_level: int = 0  # the real-name level the provider must vouch for (a step-up)


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def check_return_url(settings: Settings, return_url: str) -> str:
    """An absolute URL on an allowed origin; a path is taken relative to our own site."""
    if "\\" in return_url or any(ord(c) < 0x21 for c in return_url):
        raise ReturnUrlNotAllowed()
    if return_url.startswith("/") and not return_url.startswith("//"):
        return urljoin(settings.public_base_url, return_url)
    policy = OriginPolicy.of(settings)
    try:
        parts = urlsplit(return_url)
        allowed = "@" not in parts.netloc and policy.may_return_to(
            normalise_origin(f"{parts.scheme}://{parts.netloc}"))
    except ValueError:
        allowed = False
    if not allowed:
        raise ReturnUrlNotAllowed(details={"allowed_origins": sorted(policy.login_return)})
    return return_url


async def issue_link_ticket(*, rt: Runtime, user_id: uuid.UUID) -> str:
    """A one-time ticket that lets a browser flow bind an identity to this logged-in user."""
    ticket = secrets.token_urlsafe(24)
    await rt.redis.set(LINK_TICKET_KEY.format(_digest(ticket)), str(user_id), ex=LINK_TICKET_TTL_SECONDS)
    return ticket


async def begin(*, rt: Runtime, provider: IdentityProvider, return_url: str,
                link_ticket: str | None, scope: str = "",
                code_verifier: str | None = None, min_level: int = 0) -> tuple[str, str]:
    """Remember a new flow; returns its ``state`` and the nonce to set as the browser's cookie."""
    target = check_return_url(rt.settings, return_url)
    link_user_id = None
    if link_ticket:
        linked = await rt.redis.getdel(LINK_TICKET_KEY.format(_digest(link_ticket)))
        link_user_id = text(linked) if linked is not None else None
        if link_user_id is None:
            raise TicketInvalid("绑定票据无效、已过期或已使用，请重新发起绑定", code="LINK_TICKET_INVALID")
    state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    flow = BrowserFlow(provider.value, _digest(nonce), target, link_user_id, scope, code_verifier,
                       min_level)
    await rt.redis.set(STATE_KEY.format(state), orjson.dumps(asdict(flow)),
                       ex=rt.settings.oauth_state_ttl_seconds)
    return state, nonce


@dataclass(frozen=True)
class CallbackOutcome:
    """Where a callback sends the browser, and whether the browser's login has ended there."""

    url: str
    ended: bool


async def finish_callback(*, rt: Runtime, provider: IdentityProvider, state: str, nonce: str | None,
                          returning_to: str | None,
                          prove: Callable[[BrowserFlow], Awaitable[Claim]]) -> CallbackOutcome:
    """Back to the flow's page with a login ticket or link token, or with ``login_error=CODE``
    when anything failed; the login ends only if this browser spent the state.

    ``prove`` turns the provider's answer into a claim. ``returning_to`` (the return cookie) is
    the page for a state we no longer know; without it such a failure is raised as is."""
    stored = await rt.redis.get(STATE_KEY.format(state))
    flow = BrowserFlow(**orjson.loads(stored)) if stored is not None else None
    back_to = flow.return_url if flow is not None else _still_allowed(rt.settings, returning_to)
    spent = None
    try:
        spent = await _spend(rt, provider=provider, state=state, flow=flow, nonce=nonce)
        return CallbackOutcome(await complete(rt=rt, flow=spent, claim=await prove(spent)), ended=True)
    except AppError as exc:
        if back_to is None:
            raise
        log.info("browser_login_failed", provider=provider.value, code=exc.code, details=exc.details)
        return CallbackOutcome(_append(back_to, {"login_error": exc.code}), ended=spent is not None)


async def _spend(rt: Runtime, *, provider: IdentityProvider, state: str, flow: BrowserFlow | None,
                 nonce: str | None) -> BrowserFlow:
    """Use the state once, and only from the browser that started the flow."""
    if flow is None:
        raise StateInvalid(details={"reason": "unknown_or_used_state"})
    if flow.provider != provider.value:
        raise StateInvalid(details={"reason": "wrong_provider"})
    if not nonce:
        raise StateInvalid(details={"reason": "no_login_cookie"})
    if not secrets.compare_digest(_digest(nonce), flow.nonce_hash):
        raise StateInvalid(details={"reason": "browser_mismatch"})
    # Two requests of the same browser: only the one that deletes the state goes on.
    if not await rt.redis.delete(STATE_KEY.format(state)):
        raise StateInvalid(details={"reason": "unknown_or_used_state"})
    return flow


def _still_allowed(settings: Settings, return_url: str | None) -> str | None:
    """A return URL the browser kept, if it is still one we may send a browser to."""
    if not return_url:
        return None
    try:
        return check_return_url(settings, return_url)
    except ReturnUrlNotAllowed:
        return None


def _append(url: str, params: dict[str, str]) -> str:
    base, _, fragment = url.partition("#")
    joined = base + ("&" if "?" in base else "?") + urlencode(params)
    return f"{joined}#{fragment}" if fragment else joined


def _pack_claim(claim: Claim) -> dict[str, Any]:
    return {**asdict(claim), "provider": claim.provider.value}


def _unpack_claim(data: dict[str, Any]) -> Claim:
    person = data.pop("person")
    return Claim(**{**data, "provider": IdentityProvider(data["provider"]),
                    "person": RealNamePerson(**person) if person else None})


async def complete(*, rt: Runtime, flow: BrowserFlow, claim: Claim) -> str:
    """Log in, or hold a binding for confirmation; the URL to send the browser back to."""
    token = secrets.token_urlsafe(24)
    if flow.link_user_id:
        # The claim may carry an ID number: it waits in Redis encrypted, for minutes at most.
        pending = orjson.dumps({"user_id": flow.link_user_id, "claim": _pack_claim(claim)})
        await rt.redis.set(PENDING_LINK_KEY.format(_digest(token)), rt.cipher.encrypt(pending.decode()),
                           ex=LINK_TICKET_TTL_SECONDS)
        return _append(flow.return_url, {"link_token": token, "provider": claim.provider.value})
    user_id = await identity.login(rt=rt, claim=claim)
    if claim.person is not None and claim.person.company is not None:
        await companies.register_from_login(user_id=user_id, company=claim.person.company)
    await rt.redis.set(LOGIN_TICKET_KEY.format(_digest(token)), str(user_id), ex=LOGIN_TICKET_TTL_SECONDS)
    return _append(flow.return_url, {"login_ticket": token})


async def confirm_link(*, rt: Runtime, user_id: uuid.UUID, link_token: str) -> ExternalIdentity:
    """Bind the identity a browser flow proved, if this user is the one who asked for it."""
    sealed = await rt.redis.getdel(PENDING_LINK_KEY.format(_digest(link_token)))
    if sealed is None:
        raise TicketInvalid("绑定凭证无效、已过期或已使用，请重新发起绑定", code="LINK_TOKEN_INVALID")
    pending = orjson.loads(rt.cipher.decrypt(text(sealed)))
    if pending["user_id"] != str(user_id):
        raise LinkUserMismatch()
    return await identity.link(rt=rt, user_id=user_id, claim=_unpack_claim(pending["claim"]))


async def redeem_login_ticket(*, rt: Runtime, ticket: str) -> sessions.TokenPair:
    """Exchange a one-time login ticket (from a browser flow) for our tokens."""
    user_id = await rt.redis.getdel(LOGIN_TICKET_KEY.format(_digest(ticket)))
    if user_id is None:
        raise TicketInvalid()
    return await sessions.start(rt=rt, kind="resident", subject_id=uuid.UUID(text(user_id)))
