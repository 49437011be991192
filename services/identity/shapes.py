"""Response shapes of identity: tokens, the signed-in user, linked identities, staff accounts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from pydantic import Field

from app.crypto import mask_id_number, mask_name, mask_phone
from app.shapes import LocalDateTime, Schema
from app.tokens import PrincipalKind, RoleGrant
from models.staff import StaffMember, StaffRole
from models.users import ExternalIdentity, IdentityProvider, User
from services.identity import users
from services.identity.sessions import TokenPair


class TokenOut(Schema):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int
    subject_kind: PrincipalKind
    subject_id: str

    @classmethod
    def of(cls, pair: TokenPair) -> TokenOut:
        return cls(access_token=pair.access_token, refresh_token=pair.refresh_token,
                   expires_in=pair.expires_in, subject_kind=pair.principal.kind,
                   subject_id=str(pair.principal.subject_id))


class LoggedOut(Schema):
    status: str = "logged_out"


class MeOut(Schema):
    id: str
    display_name: str
    realname_level: int
    realname_verified: bool
    real_name_masked: str | None
    id_number_masked: str | None
    phone_masked: str | None
    created_at: LocalDateTime

    @classmethod
    def of(cls, user: User, decrypt: Callable[[str], str]) -> MeOut:
        def shown(value: str | None, mask: Callable[[str], str]) -> str | None:
            return mask(decrypt(value)) if value else None

        return cls(
            id=str(user.id), display_name=user.display_name, realname_level=int(user.realname_level),
            realname_verified=users.is_real_name_verified(user),
            real_name_masked=shown(user.real_name_enc, mask_name),
            id_number_masked=shown(user.id_number_enc, mask_id_number),
            phone_masked=shown(user.phone_enc, mask_phone), created_at=user.created_at,
        )


class RoleOut(Schema):
    role: str
    department_id: str | None
    hall_id: str | None


class StaffMeOut(Schema):
    id: str
    username: str
    display_name: str
    roles: list[RoleOut]

    @classmethod
    def of(cls, staff: StaffMember, roles: Iterable[RoleGrant]) -> StaffMeOut:
        return cls(id=str(staff.id), username=staff.username, display_name=staff.display_name,
                   roles=[RoleOut(role=g.role, department_id=g.department_id, hall_id=g.hall_id)
                          for g in roles])


class IdentityOut(Schema):
    id: str
    provider: IdentityProvider
    app_id: str
    subject_masked: str
    nickname: str | None
    created_at: LocalDateTime

    @classmethod
    def of(cls, row: ExternalIdentity) -> IdentityOut:
        subject = row.subject
        return cls(id=str(row.id), provider=row.provider, app_id=row.app_id,
                   subject_masked=subject[:4] + "****" + subject[-4:],
                   nickname=row.profile.get("nickname"), created_at=row.created_at)


class IdentityList(Schema):
    items: list[IdentityOut]


class LinkTicketOut(Schema):
    link_ticket: str
    expires_in: int


class Unlinked(Schema):
    status: str = "unlinked"


class RealNameOut(Schema):
    realname_level: int
    real_name_masked: str
    id_number_masked: str


class StaffRoleOut(Schema):
    role: str
    department_id: str | None
    department_code: str | None
    hall_id: str | None
    hall_code: str | None

    @classmethod
    def of(cls, row: StaffRole) -> StaffRoleOut:
        department, hall = row.department, row.hall
        return cls(role=str(row.role), department_id=str(department.id) if department else None,
                   department_code=department.code if department else None,
                   hall_id=str(hall.id) if hall else None, hall_code=hall.code if hall else None)


class StaffOut(Schema):
    id: str
    username: str
    display_name: str
    is_active: bool
    totp_enrolled: bool
    roles: list[StaffRoleOut]
    created_at: LocalDateTime

    @classmethod
    def of(cls, member: StaffMember, roles: list[StaffRole]) -> StaffOut:
        return cls(id=str(member.id), username=member.username, display_name=member.display_name,
                   is_active=member.is_active, totp_enrolled=member.totp_secret_enc is not None,
                   roles=[StaffRoleOut.of(row) for row in roles], created_at=member.created_at)


class EnrolmentOut(Schema):
    staff: StaffOut
    totp_uri: str | None = Field(description="otpauth:// 链接（仅此一次返回），用身份验证器扫码绑定")
