"""Signed QR tokens for bookings (EdDSA JWT with ``kid``) and their PNG/SVG rendering."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M

from app.context import Runtime
from app.errors import AppError
from app.ids import utcnow
from models.appointments import Appointment

ISSUER = "haidiantong-qr"


class QrRefused(AppError):
    """A scanned code that cannot be used; ``code`` says why."""

    status, code, message = 400, "QR_FORGED", "二维码无效（签名校验失败）"


@dataclass(frozen=True)
class QrClaims:
    """What a verified code says: which booking, at which hall, for which window."""

    appointment_id: uuid.UUID
    hall_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def issue(*, rt: Runtime, appointment: Appointment) -> str:
    """The booking's token: no personal data, valid until the check-in window closes.

    It carries no issue time, so the same booking under the same key always gives the same
    token (Ed25519 signatures are deterministic) and its rendered image can be cached.
    """
    expires = appointment.ends_at + timedelta(minutes=rt.settings.checkin_late_minutes)
    return sign(rt=rt, claims={"iss": ISSUER, "sub": str(appointment.id), "hall": str(appointment.hall_id),
                               "win": [_epoch(appointment.starts_at), _epoch(appointment.ends_at)],
                               "exp": _epoch(expires)})


def sign(*, rt: Runtime, claims: dict[str, Any]) -> str:
    """A compact EdDSA token of ``claims`` under the QR key ring's signing key (with its ``kid``)."""
    signing = rt.keyrings["qr"].signing
    return jwt.encode(claims, signing.private_key, algorithm="EdDSA", headers={"kid": signing.kid})


def decode(*, rt: Runtime, token: str, issuer: str, require: list[str]) -> dict[str, Any]:
    """The claims of a token signed by any key still in the QR ring, expiry not yet checked;
    QrRefused (QR_MALFORMED or QR_FORGED) otherwise."""
    if token.count(".") != 2:
        raise QrRefused("无法识别的二维码", code="QR_MALFORMED")
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except jwt.InvalidTokenError as exc:
        # Shaped like our code but damaged: treat as forged, never as a softer failure.
        raise QrRefused(details={"reason": "damaged"}) from exc
    key = rt.keyrings["qr"].public_key(kid) if isinstance(kid, str) else None
    if key is None:
        raise QrRefused(details={"reason": "unknown_key"})
    try:
        claims: dict[str, Any] = jwt.decode(token, key, algorithms=["EdDSA"], issuer=issuer,
                                            options={"verify_exp": False, "require": require})
    except jwt.InvalidSignatureError as exc:
        raise QrRefused(details={"reason": "bad_signature"}) from exc
    except jwt.InvalidTokenError as exc:
        raise QrRefused(details={"reason": "malformed_claims"}) from exc
    return claims


def verify(*, rt: Runtime, token: str) -> QrClaims:
    """Check the signature (any key still in the ring) and expiry; raise QrRefused otherwise."""
    ring = rt.keyrings["qr"]
    cached: QrClaims | None = ring.verified.get(token)
    if cached is not None:
        return cached
    claims = decode(rt=rt, token=token, issuer=ISSUER, require=["exp", "sub", "hall", "win"])
    try:
        start, end = claims["win"]
        parsed = QrClaims(uuid.UUID(claims["sub"]), uuid.UUID(claims["hall"]),
                          datetime.fromtimestamp(start, UTC),
                          datetime.fromtimestamp(end, UTC))
        expires = int(claims["exp"])
    except (ValueError, TypeError, OverflowError) as exc:
        raise QrRefused(details={"reason": "malformed_claims"}) from exc
    if expires <= _epoch(utcnow()):
        raise QrRefused("二维码已过期", code="QR_EXPIRED", status=410)
    ring.verified.remember(token, parsed, expires_at=expires)
    return parsed


def _code(token: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=8, border=2)
    code.add_data(token)
    code.make(fit=True)
    return code


def render_png(token: str) -> bytes:
    """The token as a PNG QR code."""
    buffer = io.BytesIO()
    _code(token).make_image().save(buffer)
    return buffer.getvalue()


def render_svg(token: str) -> bytes:
    """The token as an SVG QR code (one path, scales without blur)."""
    buffer = io.BytesIO()
    _code(token).make_image(image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return buffer.getvalue()
