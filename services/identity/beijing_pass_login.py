"""Beijing Pass (北京通) login and binding: OAuth2 code flow with state and PKCE."""

from __future__ import annotations

from app.context import Runtime
from app.errors import AppError
from bjpass import client
from models.users import IdentityProvider
from services.identity import Claim, login_flows
from services.identity.users import RealNameLevelTooLow


class BeijingPassDenied(AppError):
    status, code, message = 400, "BEIJING_PASS_DENIED", "您已取消北京通授权"


async def authorize(*, rt: Runtime, return_url: str, link_ticket: str | None,
                    min_level: int = 0) -> tuple[str, str]:
    """The Beijing Pass authorize URL, and the browser nonce to set as a cookie. ``min_level``
    asks Beijing Pass to take the person through its check up to that real-name level."""
    verifier, challenge = client.new_pkce()
    state, nonce = await login_flows.begin(rt=rt, provider=IdentityProvider.BEIJING_PASS,
                                           return_url=return_url, link_ticket=link_ticket,
                                           code_verifier=verifier, min_level=min_level)
    return client.authorize_url(rt, state=state, code_challenge=challenge, min_level=min_level), nonce


async def callback(*, rt: Runtime, state: str, nonce: str | None, returning_to: str | None,
                   code: str | None, error: str | None) -> login_flows.CallbackOutcome:
    """Finish a Beijing Pass login or binding; the URL to send the browser back to."""

    async def prove(flow: login_flows.BrowserFlow) -> Claim:
        if error or not code:
            raise BeijingPassDenied(details={"error": error or "missing_code"})
        access_token = await client.exchange_code(rt, code=code, code_verifier=flow.code_verifier or "")
        person = await client.fetch_person(rt, access_token=access_token)
        if person.level < flow.min_level:
            # The person consented without taking the check: nothing is bound or raised.
            raise RealNameLevelTooLow(details={"required_level": flow.min_level,
                                               "current_level": person.level})
        return Claim(provider=IdentityProvider.BEIJING_PASS, subject=person.subject,
                     profile={"realname_level": person.level}, person=person)

    return await login_flows.finish_callback(rt=rt, provider=IdentityProvider.BEIJING_PASS, state=state,
                                             nonce=nonce, returning_to=returning_to, prove=prove)
