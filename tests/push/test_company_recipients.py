"""Messages about a company's application reach whoever is entitled: its legal representative,
and the agent who filed it while their authorisation covers it — not after it is revoked."""

from __future__ import annotations

from models.push import Delivery
from tests.builders import make_department, make_prereview_item
from tests.builders.companies import AGENT_ID_NUMBER, AGENT_NAME, agent_session, grant_agent, representative
from tests.builders.prereview import reviewer_of, upload
from tests.builders.push import all_final
from tests.support.waiting import eventually


async def _recipients(kind: str) -> set[str]:
    return {str(user_id) for user_id in await Delivery.filter(event_type=kind).values_list("user_id", flat=True)}


async def test_the_representative_and_the_entitled_agent_are_told(rt, client, bjpass, push_worker):
    rep, company_id = await representative(client)
    department = await make_department()
    item = await make_prereview_item(department=department)
    granted = (await grant_agent(client, rep, company_id, scope=[item.code])).json()
    agent = await agent_session(rt)
    created = await client.post("/api/v1/applications", headers=agent.headers, json={
        "item_id": str(item.id), "company_id": company_id,
        "form_data": {"applicant_name": AGENT_NAME, "id_number": AGENT_ID_NUMBER}})
    assert created.status_code == 201, created.text
    application_id = created.json()["id"]
    for index in (0, 1):
        assert (await upload(client, agent, application_id, index)).status_code == 200
    submitted = await client.post(f"/api/v1/applications/{application_id}/submit", headers=agent.headers)
    assert submitted.status_code == 200, submitted.text

    await eventually(lambda: all_final(2), "the submission is told to both")
    assert await _recipients("prereview_submitted") == {rep.id, agent.id}

    # Revoked, the agent hears no more of the company's application; the representative does.
    assert (await client.post(f"/api/v1/companies/{company_id}/agents/{granted['id']}/revoke",
                              headers=rep.headers)).status_code == 200
    reviewer = await reviewer_of(rt, department)
    for action in ("claim", "pass"):
        moved = await client.post(f"/api/v1/review/applications/{application_id}/{action}",
                                  headers=reviewer.headers, json={"reason": "材料齐全"})
        assert moved.status_code == 200, moved.text
    await eventually(lambda: all_final(3), "the pre-review result is told")
    assert await _recipients("prereview_passed") == {rep.id}
