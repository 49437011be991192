"""Beijing Pass (北京通) login and binding: OAuth2 code flow with state and PKCE."""

from __future__ import annotations

from app.context import Runtime
from app.errors import AppError, ValidationFailed
from bjpass import client
from models.users import IdentityProvider
from services.identity import Claim, login_flows
from services.identity.users import RealNameLevelTooLow


class BeijingPassDenied(AppError):
    status, code, message = 400, "BEIJING_PASS_DENIED", "您已取消北京通授权"


class LegalPersonNotLinkable(ValidationFailed):
    code, message = "LEGAL_PERSON_LOGIN_NOT_LINKABLE", "法人登录不能用于绑定或提升实名等级，请直接登录"


class LegalPersonMissing(AppError):
    status, code, message = 400, "BEIJING_PASS_NOT_LEGAL_PERSON", "北京通未返回法人信息，请选择以法人身份登录"


async def authorize(*, rt: Runtime, return_url: str, link_ticket: str | None,
                    min_level: int = 0, legal_person: bool = False) -> tuple[str, str]:
    """The Beijing Pass authorize URL, and the browser nonce to set as a cookie. ``min_level``
    asks Beijing Pass to take the person through its check up to that real-name level;
    ``legal_person`` asks for the legal-person login (法人登录), which also registers the company."""
    if legal_person and (link_ticket or min_level):
        raise LegalPersonNotLinkable()
    verifier, challenge = client.new_pkce()
    state, nonce = await login_flows.begin(rt=rt, provider=IdentityProvider.BEIJING_PASS,
                                           return_url=return_url, link_ticket=link_ticket,
                                           scope=client.LEGAL_PERSON_SCOPE if legal_person else "",
                                           code_verifier=verifier, min_level=min_level)
    return client.authorize_url(rt, state=state, code_challenge=challenge, min_level=min_level,
                                legal_person=legal_person), nonce


async def callback(*, rt: Runtime, state: str, nonce: str | None, returning_to: str | None,
                   code: str | None, error: str | None) -> login_flows.CallbackOutcome:
    """Finish a Beijing Pass login or binding; the URL to send the browser back to."""

    async def prove(flow: login_flows.BrowserFlow) -> Claim:
        if error or not code:
            raise BeijingPassDenied(details={"error": error or "missing_code"})
        access_token = await client.exchange_code(rt, code=code, code_verifier=flow.code_verifier or "")
        person = await client.fetch_person(rt, access_token=access_token)
        if flow.scope == client.LEGAL_PERSON_SCOPE and person.company is None:
            raise LegalPersonMissing()
        if person.level < flow.min_level:
            # The person consented without taking the check: nothing is bound or raised.
            raise RealNameLevelTooLow(details={"required_level": flow.min_level,
                                               "current_level": person.level})
        return Claim(provider=IdentityProvider.BEIJING_PASS, subject=person.subject,
                     profile={"realname_level": person.level}, person=person)

    return await login_flows.finish_callback(rt=rt, provider=IdentityProvider.BEIJING_PASS, state=state,
                                             nonce=nonce, returning_to=returning_to, prove=prove)
