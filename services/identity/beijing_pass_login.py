"""Beijing Pass (北京通) login and binding: OAuth2 code flow with state and PKCE."""

from __future__ import annotations

from app.context import Runtime
from app.errors import AppError
from bjpass import client
from models.users import IdentityProvider
from services.identity import Claim, login_flows


class BeijingPassDenied(AppError):
    status, code, message = 400, "BEIJING_PASS_DENIED", "您已取消北京通授权"


async def authorize(*, rt: Runtime, return_url: str, link_ticket: str | None) -> tuple[str, str]:
    """The Beijing Pass authorize URL, and the browser nonce to set as a cookie."""
    verifier, challenge = client.new_pkce()
    state, nonce = await login_flows.begin(rt=rt, provider=IdentityProvider.BEIJING_PASS,
                                           return_url=return_url, link_ticket=link_ticket,
                                           code_verifier=verifier)
    return client.authorize_url(rt, state=state, code_challenge=challenge), nonce


async def callback(*, rt: Runtime, state: str, nonce: str | None, code: str | None,
                   error: str | None) -> str:
    """Finish a Beijing Pass login or binding; the URL to send the browser back to."""
    flow = await login_flows.finish(rt=rt, provider=IdentityProvider.BEIJING_PASS, state=state, nonce=nonce)
    if error or not code:
        raise BeijingPassDenied(details={"error": error or "missing_code"})
    access_token = await client.exchange_code(rt, code=code, code_verifier=flow.code_verifier or "")
    person = await client.fetch_person(rt, access_token=access_token)
    claim = Claim(provider=IdentityProvider.BEIJING_PASS, subject=person.subject,
                  profile={"realname_level": person.level}, person=person)
    return await login_flows.complete(rt=rt, flow=flow, claim=claim)
