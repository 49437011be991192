"""The Beijing Pass (北京通) OAuth2 client: authorize URL with PKCE, code exchange, userinfo.
A legal-person login (法人登录, scope ``legal_person``) also yields the company the person logged
in as its legal representative.

Endpoints, client id and secret come from settings, so pointing at the real platform instead of
the emulator is a configuration change.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import orjson

from app.context import Runtime
from app.errors import AppError
from app.http import UpstreamError

CALLBACK_PATH = "/api/v1/auth/beijing-pass/callback"
LEGAL_PERSON_SCOPE = "legal_person"


class BeijingPassUnavailable(AppError):
    status, code, message = 502, "BEIJING_PASS_UNAVAILABLE", "北京通服务暂时不可用，请稍后再试"


class BeijingPassRejected(AppError):
    status, code, message = 401, "BEIJING_PASS_CODE_INVALID", "北京通授权码无效、已过期或已使用，请重新登录"


@dataclass(frozen=True)
class LegalPerson:
    """The company of a legal-person login; whoever logged in is its legal representative."""

    uscc: str
    name: str


@dataclass(frozen=True)
class RealNamePerson:
    """A real-name verified person as Beijing Pass describes them."""

    subject: str
    name: str
    id_number: str
    level: int
    phone: str | None
    company: LegalPerson | None = None


def new_pkce() -> tuple[str, str]:
    """A PKCE code verifier and its S256 challenge (RFC 7636)."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    return verifier, challenge


def callback_url(rt: Runtime) -> str:
    return rt.settings.public_base_url.rstrip("/") + CALLBACK_PATH


def authorize_url(rt: Runtime, *, state: str, code_challenge: str, min_level: int = 0,
                  legal_person: bool = False) -> str:
    """Where to send the browser to log in at Beijing Pass (``acr_values=L<n>`` asks for a
    real-name level: the platform runs its own check for a person below it; ``legal_person``
    asks for the legal-person login)."""
    scope = rt.settings.bjpass_scope + (f" {LEGAL_PERSON_SCOPE}" if legal_person else "")
    params = {"response_type": "code", "client_id": rt.settings.bjpass_client_id,
              "redirect_uri": callback_url(rt), "scope": scope,
              "state": state, "code_challenge": code_challenge, "code_challenge_method": "S256"}
    if min_level:
        params["acr_values"] = f"L{min_level}"
    query = urlencode(params)
    return f"{rt.settings.bjpass_authorize_url}?{query}"


async def _request(rt: Runtime, method: str, url: str, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    try:
        response = await rt.http.request(method, url, timeout=rt.settings.upstream_timeout_seconds,
                                         service="beijing_pass", **kwargs)
        answer = orjson.loads(response.content)
    except (UpstreamError, orjson.JSONDecodeError) as exc:
        raise BeijingPassUnavailable(details={"reason": type(exc).__name__}) from exc
    if not isinstance(answer, dict):
        raise BeijingPassUnavailable(details={"reason": "not_an_object"})
    return response.status, answer


async def exchange_code(rt: Runtime, *, code: str, code_verifier: str) -> str:
    """Trade an authorization code (with its PKCE verifier) for an access token."""
    settings = rt.settings
    status, answer = await _request(rt, "POST", settings.bjpass_token_url, data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": callback_url(rt),
        "client_id": settings.bjpass_client_id, "client_secret": settings.bjpass_client_secret,
        "code_verifier": code_verifier})
    if status == 400 and answer.get("error") == "invalid_grant":
        raise BeijingPassRejected(details={"error": "invalid_grant"})
    if status != 200 or not answer.get("access_token"):
        raise BeijingPassUnavailable(details={"http_status": status, "error": answer.get("error")})
    return str(answer["access_token"])


async def fetch_person(rt: Runtime, *, access_token: str) -> RealNamePerson:
    """The verified person behind an access token."""
    status, answer = await _request(rt, "GET", rt.settings.bjpass_userinfo_url,
                                    headers={"authorization": f"Bearer {access_token}"})
    try:
        if status != 200:
            raise ValueError(status)
        person = RealNamePerson(subject=str(answer["sub"]), name=str(answer["name"]),
                                id_number=str(answer["id_number"]).upper(),
                                level=int(answer["realname_level"]),
                                phone=answer.get("phone_number"), company=_legal_person(answer))
    except (KeyError, ValueError, TypeError) as exc:
        raise BeijingPassUnavailable(details={"http_status": status, "reason": "userinfo"}) from exc
    return person


def _legal_person(answer: dict[str, Any]) -> LegalPerson | None:
    """The company of a legal-person login; the platform vouches that the person who logged in is
    its legal representative, so the representative's ID number must be theirs."""
    if answer.get("user_type") != "legal_person":
        return None
    company = answer["legal_person"]
    if str(company["legal_representative_id_number"]).upper() != str(answer["id_number"]).upper():
        raise ValueError("legal representative is not the person")
    return LegalPerson(uscc=str(company["uscc"]).upper(), name=str(company["name"]))
