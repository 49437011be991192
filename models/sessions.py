"""Refresh tokens: stored hashed, rotated on use, revoked per family."""

from tortoise import fields

from models.base import Entity


class RefreshToken(Entity):
    """One refresh token of a login session (family); only its SHA-256 is stored."""

    family_id = fields.UUIDField(db_index=True)
    subject_kind = fields.CharField(max_length=16)  # "resident" or "staff"
    subject_id = fields.UUIDField(db_index=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    rotated_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "refresh_tokens"
