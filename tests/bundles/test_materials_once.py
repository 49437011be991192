"""Materials once: the same file (same SHA-256) for a reusable material is reused, not stored
again; the guide's reusable flag is honoured; "my materials" offers earlier uploads, a company's
only while one may still act for it."""

from __future__ import annotations

from tests.builders import make_prereview_item, resident_session
from tests.builders.companies import AGENT_ID_NUMBER, AGENT_NAME, agent_session, grant_agent, representative
from tests.builders.prereview import PDF, create, stored_files, upload

COMPANY_FILE = PDF.replace(b"0" * 16, b"1" * 16, 1)  # the company's own scan, unlike anyone else's


async def test_an_identical_file_for_a_reusable_material_is_not_stored_again(client, rt):
    item = await make_prereview_item()
    resident = await resident_session(rt)
    first = (await create(client, resident, item.id))["id"]
    id_card = (await upload(client, resident, first, 0)).json()
    second = (await create(client, resident, item.id))["id"]
    files = stored_files(rt)

    again = await upload(client, resident, second, 0, filename="again.pdf")
    assert again.status_code == 200, again.text
    assert again.json()["reused_from_id"] == id_card["id"] and again.json()["sha256"] == id_card["sha256"]
    assert stored_files(rt) == files
    url = (await client.get(f"/api/v1/applications/{second}/materials/0/download-url",
                            headers=resident.headers)).json()["url"]
    assert (await client.get(url)).content == PDF

    # 户口簿 is not reusable: the same bytes are stored for it, and it cannot be reused by reference.
    household = await upload(client, resident, second, 1)
    assert household.json()["reused_from_id"] is None
    assert len(stored_files(rt)) == len(files) + 1
    earlier_household = (await upload(client, resident, first, 1)).json()
    refused = await client.put(f"/api/v1/applications/{second}/materials/1/reuse", headers=resident.headers,
                               json={"material_id": earlier_household["id"]})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "MATERIAL_NOT_REUSABLE"

    # Someone else's identical file is never reused.
    stranger = await resident_session(rt)
    theirs = (await create(client, stranger, item.id))["id"]
    assert (await upload(client, stranger, theirs, 0)).json()["reused_from_id"] is None

    mine = (await client.get("/api/v1/materials", headers=resident.headers)).json()
    assert [m["sha256"] for m in mine["uploads"]] == [id_card["sha256"]]  # one file, listed once
    assert mine["uploads"][0]["application_id"] in {first, second}
    assert mine["certificates"] == []


async def test_a_revoked_agent_keeps_none_of_the_companys_files(client, bjpass, rt):
    rep, company_id = await representative(client)
    item = await make_prereview_item()
    granted = await grant_agent(client, rep, company_id, scope=[item.code])
    agent = await agent_session(rt)
    form = {"applicant_name": AGENT_NAME, "id_number": AGENT_ID_NUMBER}
    filed = await client.post("/api/v1/applications", headers=agent.headers, json={
        "item_id": str(item.id), "form_data": form, "company_id": company_id})
    assert filed.status_code == 201, filed.text
    company_file = (await upload(client, agent, filed.json()["id"], 0, COMPANY_FILE)).json()
    personal = (await create(client, agent, item.id, form))["id"]
    listed = (await client.get("/api/v1/materials", headers=agent.headers)).json()["uploads"]
    assert [m["id"] for m in listed] == [company_file["id"]]  # while authorised, offered

    revoked = await client.post(f"/api/v1/companies/{company_id}/agents/{granted.json()['id']}/revoke",
                                headers=rep.headers)
    assert revoked.status_code == 200, revoked.text
    assert (await client.get("/api/v1/materials", headers=agent.headers)).json()["uploads"] == []
    reused = await client.put(f"/api/v1/applications/{personal}/materials/0/reuse", headers=agent.headers,
                              json={"material_id": company_file["id"]})
    assert reused.status_code == 404 and reused.json()["error"]["code"] == "MATERIAL_NOT_FOUND"
    download = await client.get(f"/api/v1/applications/{personal}/materials/0/download-url", headers=agent.headers)
    assert download.status_code == 404
    # The same bytes uploaded again are the agent's own copy, not a reference to the company's file.
    again = await upload(client, agent, personal, 0, COMPANY_FILE)
    assert again.status_code == 200 and again.json()["reused_from_id"] is None
