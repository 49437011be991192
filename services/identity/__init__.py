"""One person, many identities: log in by an external identity, link, unlink, list.

An identity is (provider, subject): a mini-program openid, an OA openid, a WeChat unionid or a
Beijing Pass subject. The unionid row ties the openids of one WeChat account to one user. An
identity bound to one user is never silently moved to another.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, cast

import structlog
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError, Conflict, Forbidden, NotFoundError
from app.ids import utcnow
from bjpass.client import RealNamePerson
from models.users import ExternalIdentity, IdentityProvider, RealNameLevel, User
from services import outbox
from services.events import EventType

log = structlog.get_logger("services.identity")

LOGIN_PROVIDERS = (IdentityProvider.WECHAT_MINIPROGRAM, IdentityProvider.WECHAT_OA,
                   IdentityProvider.BEIJING_PASS)
WECHAT_PROVIDERS = (IdentityProvider.WECHAT_MINIPROGRAM, IdentityProvider.WECHAT_OA)
# Two racing first logins: the loser's insert hits the unique constraint, rolls back whole and
# looks again; a few rounds are plenty since each round either finds or creates the rows.
FIRST_LOGIN_ATTEMPTS = 3


class IdentityAlreadyBound(AppError):
    status, code, message = 409, "IDENTITY_ALREADY_BOUND", "该身份已绑定到其他账号，不能重复绑定"


class ProviderAlreadyBound(AppError):
    status, code, message = 409, "PROVIDER_ALREADY_BOUND", "当前账号已绑定另一个同类身份，请先解绑"


class RealNameIdInUse(AppError):
    status, code, message = 409, "REALNAME_ID_IN_USE", "该证件号已由其他账号完成实名，不能重复实名"


class LastLoginMethod(AppError):
    status, code, message = 409, "LAST_LOGIN_METHOD", "这是账号唯一的登录方式，不能解绑"


class AccountInactive(Forbidden):
    code, message = "ACCOUNT_DISABLED", "账号已停用，无法登录或绑定"


@dataclass(frozen=True)
class Claim:
    """An identity a provider has just vouched for, with what it told us about the person."""

    provider: IdentityProvider
    subject: str
    app_id: str = ""
    unionid: str | None = None
    secret: str | None = None  # e.g. the WeChat session_key; stored encrypted
    profile: dict[str, Any] = field(default_factory=dict)
    display_name: str = ""
    person: RealNamePerson | None = None


def _apply_person(rt: Runtime, user: User, person: RealNamePerson) -> None:
    """Copy a verified person's data onto the user: encrypted, with a blind index for lookups."""
    user.realname_level = RealNameLevel(max(RealNameLevel.BASIC, min(person.level, RealNameLevel.STRONG)))
    user.real_name_enc = rt.cipher.encrypt(person.name)
    user.id_number_enc = rt.cipher.encrypt(person.id_number)
    user.id_number_index = rt.cipher.blind_index(person.id_number)
    if person.phone and not user.phone_enc:
        user.phone_enc = rt.cipher.encrypt(person.phone)
        user.phone_index = rt.cipher.blind_index(person.phone)


async def _ensure_id_number_free(rt: Runtime, person: RealNamePerson, user_id: uuid.UUID | None) -> None:
    index = rt.cipher.blind_index(person.id_number)
    holder = await User.filter(id_number_index=index).first().values_list("id", flat=True)
    if holder is not None and holder != user_id:
        raise RealNameIdInUse()


def _identity_fields(rt: Runtime, claim: Claim) -> dict[str, Any]:
    profile = {**claim.profile, **({"unionid": claim.unionid} if claim.unionid else {})}
    return {"provider": claim.provider, "subject": claim.subject, "app_id": claim.app_id,
            "secret_enc": rt.cipher.encrypt(claim.secret) if claim.secret else None,
            "profile": profile}


async def login(*, rt: Runtime, claim: Claim) -> uuid.UUID:
    """The user behind a proven identity, created with it on first login (race-safe)."""
    for _ in range(FIRST_LOGIN_ATTEMPTS):
        known = await ExternalIdentity.filter(provider=claim.provider, subject=claim.subject).first(
        ).values("id", "user_id", "user__is_active", "profile", "secret_enc")
        if known is not None:
            if not known["user__is_active"]:
                raise AccountInactive()
            await _refresh(rt, known, claim)
            user_id: uuid.UUID = known["user_id"]
            return user_id
        try:
            return await _first_login(rt, claim)
        except IntegrityError:
            log.info("first_login_race", provider=claim.provider.value)
    raise Conflict("登录冲突，请重试", code="LOGIN_CONFLICT")


async def _refresh(rt: Runtime, known: dict[str, Any], claim: Claim) -> None:
    """Keep what the provider said at this login: new session_key, unionid, real-name data."""
    changes: dict[str, Any] = {}
    # Most logins bring the session_key we already hold; skipping that write keeps login lean.
    if claim.secret and (not known["secret_enc"]
                         or rt.cipher.decrypt(known["secret_enc"]) != claim.secret):
        changes["secret_enc"] = rt.cipher.encrypt(claim.secret)
    if claim.unionid and known["profile"].get("unionid") != claim.unionid:
        changes["profile"] = {**known["profile"], **claim.profile, "unionid": claim.unionid}
        await _attach_union(known["user_id"], claim.unionid)
    if changes:
        await ExternalIdentity.filter(id=known["id"]).update(**changes, updated_at=utcnow())
    if claim.person is not None:
        await _ensure_id_number_free(rt, claim.person, known["user_id"])
        user = await User.get(id=known["user_id"])
        _apply_person(rt, user, claim.person)
        await user.save()


async def _attach_union(user_id: uuid.UUID, unionid: str) -> None:
    """Record a unionid learned after the first login, unless another user already holds it."""
    try:
        async with in_transaction():
            if not await ExternalIdentity.exists(provider=IdentityProvider.WECHAT_UNION, subject=unionid):
                await ExternalIdentity.create(user_id=user_id, provider=IdentityProvider.WECHAT_UNION,
                                              subject=unionid)
    except IntegrityError:
        log.info("unionid_attached_concurrently")


async def _first_login(rt: Runtime, claim: Claim) -> uuid.UUID:
    if claim.person is not None:
        await _ensure_id_number_free(rt, claim.person, None)
    async with in_transaction():
        union = None
        if claim.unionid:
            union = await ExternalIdentity.filter(provider=IdentityProvider.WECHAT_UNION,
                                                  subject=claim.unionid).first().values(
                "user_id", "user__is_active")
        if union is not None:
            if not union["user__is_active"]:
                raise AccountInactive()
            user_id: uuid.UUID = union["user_id"]
            event = EventType.IDENTITY_LINKED
        else:
            user = User(display_name=claim.display_name[:64])
            if claim.person is not None:
                _apply_person(rt, user, claim.person)
            await user.save()
            user_id = user.id
            event = EventType.IDENTITY_USER_CREATED
            if claim.unionid:
                await ExternalIdentity.create(user_id=user_id, provider=IdentityProvider.WECHAT_UNION,
                                              subject=claim.unionid)
        identity = await ExternalIdentity.create(user_id=user_id, **_identity_fields(rt, claim))
        await outbox.emit(event_type=event, aggregate_id=str(user_id),
                          payload={"user_id": str(user_id), "identity_id": str(identity.id),
                                   "provider": claim.provider.value})
    return user_id


async def link(*, rt: Runtime, user_id: uuid.UUID, claim: Claim) -> ExternalIdentity:
    """Bind a proven identity to a logged-in user; refuse one that belongs to someone else."""
    try:
        async with in_transaction():
            user = await User.select_for_update().get_or_none(id=user_id, is_active=True)
            if user is None:
                raise AccountInactive()
            existing = await ExternalIdentity.get_or_none(provider=claim.provider, subject=claim.subject)
            if existing is not None:
                if existing.user_id != user_id:
                    raise IdentityAlreadyBound(details={"provider": claim.provider.value})
                if claim.person is not None:
                    # Binding the same person again (a step-up): keep what the provider says now.
                    _apply_person(rt, user, claim.person)
                    await user.save()
                return existing
            if await ExternalIdentity.exists(user_id=user_id, provider=claim.provider, app_id=claim.app_id):
                raise ProviderAlreadyBound(details={"provider": claim.provider.value})
            if claim.unionid:
                await _link_union(user_id, claim.unionid)
            if claim.person is not None:
                await _ensure_id_number_free(rt, claim.person, user_id)
                _apply_person(rt, user, claim.person)
                await user.save()
            identity = await ExternalIdentity.create(user_id=user_id, **_identity_fields(rt, claim))
            await outbox.emit(event_type=EventType.IDENTITY_LINKED, aggregate_id=str(user_id),
                              payload={"user_id": str(user_id), "identity_id": str(identity.id),
                                       "provider": claim.provider.value})
            return identity
    except IntegrityError as exc:
        # Someone bound the same identity (or ID number) in the same instant.
        raise IdentityAlreadyBound(details={"provider": claim.provider.value}) from exc


async def _link_union(user_id: uuid.UUID, unionid: str) -> None:
    """The unionid must be this user's or nobody's; a user has one WeChat account."""
    union = await ExternalIdentity.get_or_none(provider=IdentityProvider.WECHAT_UNION, subject=unionid)
    if union is not None:
        if union.user_id != user_id:
            raise IdentityAlreadyBound(details={"provider": IdentityProvider.WECHAT_UNION.value})
        return
    if await ExternalIdentity.exists(user_id=user_id, provider=IdentityProvider.WECHAT_UNION):
        raise ProviderAlreadyBound(details={"provider": IdentityProvider.WECHAT_UNION.value})
    await ExternalIdentity.create(user_id=user_id, provider=IdentityProvider.WECHAT_UNION, subject=unionid)


async def list_login_identities(*, user_id: uuid.UUID) -> list[ExternalIdentity]:
    """The ways this user can log in, oldest first."""
    return await ExternalIdentity.filter(user_id=user_id, provider__in=LOGIN_PROVIDERS).order_by("created_at")


async def unlink(*, user_id: uuid.UUID, identity_id: uuid.UUID) -> None:
    """Remove a login identity, keeping at least one; unbinding Beijing Pass drops the real name."""
    async with in_transaction():
        user = await User.select_for_update().get(id=user_id)
        identity = await ExternalIdentity.get_or_none(id=identity_id, user_id=user_id,
                                                      provider__in=LOGIN_PROVIDERS)
        if identity is None:
            raise NotFoundError(code="IDENTITY_NOT_FOUND", message="该登录方式不存在")
        others = cast(list[IdentityProvider], await ExternalIdentity.filter(
            user_id=user_id, provider__in=LOGIN_PROVIDERS).exclude(id=identity_id).values_list("provider", flat=True))
        if not others:
            raise LastLoginMethod()
        await identity.delete()
        if identity.provider == IdentityProvider.BEIJING_PASS:
            user.realname_level = RealNameLevel.NONE
            user.real_name_enc = user.id_number_enc = user.id_number_index = None
            await user.save()
        elif not any(p in WECHAT_PROVIDERS for p in others):
            # No WeChat identity is left, so the unionid no longer ties anything to this user.
            await ExternalIdentity.filter(user_id=user_id, provider=IdentityProvider.WECHAT_UNION).delete()
        await outbox.emit(event_type=EventType.IDENTITY_UNLINKED, aggregate_id=str(user_id),
                          payload={"user_id": str(user_id), "identity_id": str(identity_id),
                                   "provider": identity.provider.value})


async def session_key_of(*, rt: Runtime, user_id: uuid.UUID) -> str:
    """The user's current mini-program session_key (decrypted); never leaves the server."""
    sealed = await ExternalIdentity.filter(
        user_id=user_id, provider=IdentityProvider.WECHAT_MINIPROGRAM,
        app_id=rt.settings.wechat_miniprogram_app_id).first().values_list("secret_enc", flat=True)
    if not sealed:
        raise AppError("请先在小程序内用微信登录", code="WECHAT_SESSION_MISSING", status=409)
    return rt.cipher.decrypt(cast(str, sealed))


async def set_phone(*, rt: Runtime, user_id: uuid.UUID, phone: str) -> User:
    """Store a phone number WeChat vouched for (encrypted, with a blind index)."""
    async with in_transaction():
        user = await User.select_for_update().get(id=user_id)
        user.phone_enc = rt.cipher.encrypt(phone)
        user.phone_index = rt.cipher.blind_index(phone)
        await user.save()
        await outbox.emit(event_type=EventType.IDENTITY_PHONE_VERIFIED, aggregate_id=str(user_id),
                          payload={"user_id": str(user_id)})
    return user


async def set_display_name(*, user_id: uuid.UUID, display_name: str) -> User:
    """Use the WeChat nickname as display name."""
    user = await User.get(id=user_id)
    user.display_name = display_name[:64]
    await user.save(update_fields=["display_name", "updated_at"])
    return user
