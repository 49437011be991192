"""Legal persons over HTTP: Beijing Pass legal-person login, agents granted and revoked, acting
for a company within scope only, every grant and revocation in the ledger."""

from __future__ import annotations

import json
from datetime import timedelta

from app.ids import utcnow
from models.companies import AgentAuthorisation
from models.ledger import LedgerEntry
from services.companies.uscc import uscc_problem
from tests.builders import login_error_of, make_prereview_item, resident_session
from tests.builders.companies import (
    AGENT_ID_NUMBER,
    AGENT_NAME,
    COMPANY_USCC,
    agent_session,
    grant_agent,
    legal_person_flow,
    representative,
)


async def _records(record_type: str) -> list[dict]:
    leaves = await LedgerEntry.filter(record_type=record_type).order_by("seq").values_list("leaf", flat=True)
    return [json.loads(leaf)["data"] for leaf in leaves]


def test_the_check_character_of_the_unified_social_credit_code() -> None:
    assert uscc_problem(COMPANY_USCC) is None
    assert uscc_problem("91110108MA01HDT003") == "统一社会信用代码校验位不正确"
    assert uscc_problem("91110108MA01HDTOO2") is not None  # O is not in the alphabet
    assert uscc_problem("9111") is not None


async def test_a_legal_person_login_registers_the_company_with_its_representative(client, bjpass):
    rep, company_id = await representative(client)
    listed = (await client.get("/api/v1/companies", headers=rep.headers)).json()["items"]
    assert listed == [{"id": company_id, "uscc": COMPANY_USCC, "name": "北京海淀通测试科技有限公司",
                       "role": "legal_representative", "authorisation": None}]
    me = (await client.get("/api/v1/me", headers=rep.headers)).json()
    assert me["real_name_masked"] == "李*"  # the representative's own account
    assert await _records("company_registered") == [
        {"company_id": company_id, "uscc": COMPANY_USCC, "representative_id": rep.id}]
    again, same_id = await representative(client)
    assert (again.id, same_id) == (rep.id, company_id)
    assert len(await _records("company_registered")) == 1  # nothing changed, nothing recorded


async def test_a_company_with_a_wrong_check_character_is_refused_at_login(client, bjpass):
    added = await bjpass.post("/_emulator/companies", json={
        "key": "bad", "uscc": "91110108MA01HDT003", "name": "校验位错误公司", "representative": "lisi"})
    assert added.status_code == 201
    assert login_error_of(await legal_person_flow(client, company="bad")) == "BEIJING_PASS_UNAVAILABLE"


async def test_a_legal_person_login_cannot_bind(client):
    response = await client.get("/api/v1/auth/beijing-pass/authorize",
                                params={"return_url": "/h5/", "legal_person": "true", "link_ticket": "x" * 20})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "LEGAL_PERSON_LOGIN_NOT_LINKABLE"


async def test_an_agent_acts_within_scope_until_revoked(client, bjpass, rt):
    rep, company_id = await representative(client)
    item = await make_prereview_item()
    other = await make_prereview_item()
    agent = await agent_session(rt)
    granted = await grant_agent(client, rep, company_id, scope=[item.code])
    assert granted.status_code == 201, granted.text
    grant = granted.json()
    assert grant["status"] == "active" and grant["scope"] == [item.code]
    assert AGENT_ID_NUMBER not in granted.text

    mine = (await client.get("/api/v1/companies", headers=agent.headers)).json()["items"]
    assert [(c["id"], c["role"]) for c in mine] == [(company_id, "agent")]

    form = {"applicant_name": AGENT_NAME, "id_number": AGENT_ID_NUMBER}
    created = await client.post("/api/v1/applications", headers=agent.headers, json={
        "item_id": str(item.id), "form_data": form, "company_id": company_id})
    assert created.status_code == 201, created.text
    assert created.json()["on_behalf_of"] == {"company_id": company_id, "uscc": COMPANY_USCC,
                                              "name": "北京海淀通测试科技有限公司", "acting_as": "agent"}
    outside = await client.post("/api/v1/applications", headers=agent.headers, json={
        "item_id": str(other.id), "form_data": form, "company_id": company_id})
    assert outside.status_code == 403
    assert outside.json()["error"]["code"] == "COMPANY_AUTHORISATION_SCOPE"

    # The representative sees what the agent filed for the company; the agent's own personal
    # application stays the agent's alone.
    filed = created.json()["id"]
    personal = await client.post("/api/v1/applications", headers=agent.headers, json={
        "item_id": str(other.id), "form_data": form})
    assert personal.status_code == 201, personal.text
    by_rep = await client.get(f"/api/v1/applications/{filed}", headers=rep.headers)
    assert by_rep.status_code == 200 and by_rep.json()["on_behalf_of"]["acting_as"] == "agent"
    assert [a["id"] for a in (await client.get("/api/v1/applications", headers=rep.headers)).json()["items"]] == [filed]
    assert (await client.get(f"/api/v1/applications/{personal.json()['id']}", headers=rep.headers)).status_code == 404

    revoked = await client.post(f"/api/v1/companies/{company_id}/agents/{grant['id']}/revoke",
                                headers=rep.headers)
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    after = await client.put(f"/api/v1/applications/{filed}/form", headers=agent.headers,
                             json={"form_data": form})
    assert after.status_code == 403
    assert after.json()["error"]["code"] == "COMPANY_AUTHORISATION_REVOKED"
    # Revoked, the agent no longer sees the company's application; their personal one stays.
    listed = (await client.get("/api/v1/applications", headers=agent.headers)).json()["items"]
    assert [a["id"] for a in listed] == [personal.json()["id"]]
    gone = await client.get(f"/api/v1/applications/{filed}", headers=agent.headers)
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "APPLICATION_NOT_FOUND"
    assert (await client.get(f"/api/v1/applications/{filed}", headers=rep.headers)).status_code == 200

    assert [(r["action"], r["authorisation_id"]) for r in await _records("company_authorisation")] == [
        ("granted", grant["id"]), ("revoked", grant["id"])]


async def test_an_expired_authorisation_and_a_stranger_are_refused(client, bjpass, rt):
    rep, company_id = await representative(client)
    item = await make_prereview_item()
    agent = await agent_session(rt)
    granted = await grant_agent(client, rep, company_id, scope=[item.code])
    await AgentAuthorisation.filter(id=granted.json()["id"]).update(valid_until=utcnow() - timedelta(seconds=1))
    body = {"item_id": str(item.id), "form_data": {}, "company_id": company_id}
    expired = await client.post("/api/v1/applications", headers=agent.headers, json=body)
    assert expired.json()["error"]["code"] == "COMPANY_AUTHORISATION_EXPIRED"
    stranger = await resident_session(rt)
    refused = await client.post("/api/v1/applications", headers=stranger.headers, json=body)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "COMPANY_AUTHORISATION_MISSING"
    # Only the representative manages agents; a stranger does not even learn the company exists.
    by_agent = await grant_agent(client, agent, company_id, id_number="110108199003071238", scope=[item.code])
    assert by_agent.json()["error"]["code"] == "COMPANY_REPRESENTATIVE_ONLY"
    by_stranger = await client.get(f"/api/v1/companies/{company_id}/agents", headers=stranger.headers)
    assert by_stranger.status_code == 404


async def test_bad_grants_are_refused_and_write_nothing(client, bjpass, rt):
    rep, company_id = await representative(client)
    item = await make_prereview_item()
    unknown = await grant_agent(client, rep, company_id, scope=["NOPE"])
    assert unknown.json()["error"]["code"] == "AUTHORISATION_SCOPE_UNKNOWN"
    too_long = await grant_agent(client, rep, company_id, id_number="110105197811207895",
                                 scope=[item.code], days=400)
    assert too_long.json()["error"]["code"] == "AUTHORISATION_PERIOD_INVALID"
    self_grant = await grant_agent(client, rep, company_id, id_number="110102198506124562", scope=[item.code])
    assert self_grant.json()["error"]["code"] == "AGENT_IS_REPRESENTATIVE"
    bad_id = await grant_agent(client, rep, company_id, id_number="110105197811207890", scope=[item.code])
    assert bad_id.status_code == 422
    assert await AgentAuthorisation.all().count() == 0
    assert await _records("company_authorisation") == []

