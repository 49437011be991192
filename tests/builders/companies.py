"""Builders of the legal-person tests: the Beijing Pass legal-person login and agent grants."""

from __future__ import annotations

from datetime import timedelta

import httpx

from app.ids import to_local, utcnow
from tests.builders import LoggedIn, exchange_ticket, login_resident, make_resident, ticket_of

# The emulator's default company (emulators/bjpass.py): 李四 is its legal representative.
COMPANY_KEY, COMPANY_USCC = "hdtech", "91110108MA01HDT002"
AGENT_NAME, AGENT_ID_NUMBER = "王五", "110105197811207895"


async def agent_session(rt, *, name: str = AGENT_NAME, id_number: str = AGENT_ID_NUMBER) -> LoggedIn:
    """A real-name resident with a valid ID number, to be named in authorisations."""
    return await login_resident(rt, await make_resident(rt, realname=True, real_name=name, id_number=id_number))


async def legal_person_flow(client: httpx.AsyncClient, *, company: str = COMPANY_KEY) -> httpx.Response:
    """Walk the Beijing Pass legal-person login as a browser, choosing ``company``."""
    start = await client.get("/api/v1/auth/beijing-pass/authorize",
                             params={"return_url": "/h5/home", "legal_person": "true"})
    assert start.status_code == 302, start.text
    consent_url = httpx.URL(start.headers["location"])
    consented = await client.post(str(consent_url.copy_with(query=None)),
                                  data={**dict(consent_url.params), "company": company})
    assert consented.status_code == 302, consented.text
    return await client.get(consented.headers["location"])


async def representative(client: httpx.AsyncClient, *, company: str = COMPANY_KEY) -> tuple[LoggedIn, str]:
    """The legal representative logged in by a legal-person login, and the company's id."""
    rep = await exchange_ticket(client, ticket_of(await legal_person_flow(client, company=company)))
    listed = await client.get("/api/v1/companies", headers=rep.headers)
    assert listed.status_code == 200, listed.text
    return rep, listed.json()["items"][0]["id"]


async def grant_agent(client: httpx.AsyncClient, rep: LoggedIn, company_id: str, *, scope: list[str],
                      id_number: str = AGENT_ID_NUMBER, days: int = 30, name: str = AGENT_NAME) -> httpx.Response:
    return await client.post(f"/api/v1/companies/{company_id}/agents", headers=rep.headers, json={
        "agent_name": name, "agent_id_number": id_number, "scope": scope,
        "valid_until": to_local(utcnow() + timedelta(days=days)).isoformat()})
