"""Short-lived JWT access tokens signed with Ed25519 (EdDSA), verifiable by anyone via JWKS."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Literal

import jwt

from app.errors import TokenInvalid
from app.ids import utcnow
from app.keys import KeyRing

ISSUER = "haidiantong"
PrincipalKind = Literal["resident", "staff"]


@dataclass(frozen=True)
class RoleGrant:
    """A staff role; ``None`` in a scope dimension means not restricted in it."""

    role: str
    department_id: str | None = None
    hall_id: str | None = None

    def covers(self, role: str, department_id: str | None, hall_id: str | None) -> bool:
        """True when this grant allows ``role`` on an object in that department and hall."""
        return (self.role == role
                and self.department_id in (None, department_id)
                and self.hall_id in (None, hall_id))


@dataclass(frozen=True)
class Principal:
    """Who is calling, as proven by the access token."""

    kind: PrincipalKind
    subject_id: uuid.UUID
    session_id: uuid.UUID
    roles: tuple[RoleGrant, ...] = field(default=())

    def has_role(self, role: str, *, department_id: str | None = None,
                 hall_id: str | None = None) -> bool:
        return self.kind == "staff" and any(
            g.covers(role, department_id, hall_id) for g in self.roles)


class AccessTokens:
    """Issues and verifies access tokens with the ``access`` key ring."""

    def __init__(self, keyring: KeyRing, ttl_seconds: int) -> None:
        self.keyring = keyring
        self.ttl_seconds = ttl_seconds

    def issue(self, principal: Principal) -> str:
        now = int(utcnow().timestamp())
        claims = {
            "iss": ISSUER, "sub": str(principal.subject_id), "typ": principal.kind,
            "sid": str(principal.session_id), "iat": now, "exp": now + self.ttl_seconds,
        }
        if principal.roles:
            claims["roles"] = [[g.role, g.department_id, g.hall_id] for g in principal.roles]
        signing = self.keyring.signing
        return jwt.encode(claims, signing.private_key, algorithm="EdDSA", headers={"kid": signing.kid})

    def verify(self, token: str) -> Principal:
        """Check signature, issuer and expiry; raise TOKEN_INVALID otherwise."""
        cached: Principal | None = self.keyring.verified.get(token)
        if cached is not None:
            return cached
        principal, expires_at = self._verify_signed(token)
        self.keyring.verified.remember(token, principal, expires_at=expires_at)
        return principal

    def _verify_signed(self, token: str) -> tuple[Principal, int]:
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            key = self.keyring.public_key(kid) if isinstance(kid, str) else None
            if key is None:
                raise TokenInvalid(details={"reason": "unknown_key"})
            claims = jwt.decode(token, key, algorithms=["EdDSA"], issuer=ISSUER,
                                options={"require": ["exp", "sub", "sid", "typ"]})
            kind = claims["typ"]
            if kind not in ("resident", "staff"):
                raise TokenInvalid(details={"reason": "wrong_type"})
            principal = Principal(
                kind=kind, subject_id=uuid.UUID(claims["sub"]), session_id=uuid.UUID(claims["sid"]),
                roles=tuple(RoleGrant(*grant) for grant in claims.get("roles", ())),
            )
            return principal, int(claims["exp"])
        except jwt.ExpiredSignatureError as exc:
            raise TokenInvalid(code="TOKEN_EXPIRED", message="登录已过期，请刷新或重新登录") from exc
        except (jwt.InvalidTokenError, ValueError, TypeError) as exc:
            raise TokenInvalid(details={"reason": "malformed"}) from exc
