"""代办: a resident filing for someone else declares whom and how; the applicant fields then hold
that person, the authorisation is one more material, and staff see the declaration."""

from __future__ import annotations

import pytest

from tests.builders import PREREVIEW_MATERIALS, login_resident, make_department, make_prereview_item, make_resident
from tests.builders.prereview import BOUND_TEMPLATE, reviewer_of, upload

AGENT_ID = "110108199003071238"
FATHER = {"name": "李四", "id_number": "110102198506124562", "relation": "family"}
AUTHORISATION = len(PREREVIEW_MATERIALS)  # the slot after the guide's materials


@pytest.fixture
async def desk(rt):
    department = await make_department()
    item = await make_prereview_item(department=department, data_template=BOUND_TEMPLATE)
    agent = await login_resident(rt, await make_resident(rt, realname=True, real_name="张三",
                                                         id_number=AGENT_ID))
    return item, agent, await reviewer_of(rt, department)


async def _create(client, who, item, **body):
    return await client.post("/api/v1/applications", headers=who.headers,
                             json={"item_id": str(item.id), "form_data": {}, **body})


async def test_a_filing_for_a_family_member_names_them_and_needs_the_authorisation(client, desk) -> None:
    item, agent, reviewer = desk

    created = await _create(client, agent, item, represented=FATHER)

    assert created.status_code == 201, created.text
    draft = created.json()
    assert draft["form_data"] == {"applicant_name": "李四", "id_number": "110102198506124562"}
    assert draft["represented"] == {"relation": "family", "name_masked": "李*",
                                    "id_number_masked": "1101**********4562",
                                    "authorisation_material_index": AUTHORISATION}
    for index in (0, 1):
        assert (await upload(client, agent, draft["id"], index)).status_code == 200
    submit = f"/api/v1/applications/{draft['id']}/submit"

    missing = await client.post(submit, headers=agent.headers)
    assert missing.json()["error"]["code"] == "MATERIALS_MISSING"
    assert missing.json()["error"]["details"]["materials"] == [
        {"material_index": AUTHORISATION, "name": "授权委托书（代办）"}]

    assert (await upload(client, agent, draft["id"], AUTHORISATION)).status_code == 200
    assert (await client.post(submit, headers=agent.headers)).status_code == 200
    seen = await client.get(f"/api/v1/review/applications/{draft['id']}", headers=reviewer.headers)
    assert seen.json()["represented"]["relation"] == "family"


async def test_the_agents_own_name_in_the_applicant_field_is_refused(client, desk) -> None:
    item, agent, _ = desk

    response = await _create(client, agent, item, represented=FATHER,
                             form_data={"applicant_name": "张三"})

    assert response.status_code == 422 and response.json()["error"]["code"] == "APPLICANT_MISMATCH"


async def test_one_cannot_file_for_oneself_as_an_agent(client, desk) -> None:
    item, agent, _ = desk

    response = await _create(client, agent, item,
                             represented={**FATHER, "name": "张三", "id_number": AGENT_ID.lower()})

    assert response.status_code == 422 and response.json()["error"]["code"] == "REPRESENTED_IS_SELF"


@pytest.mark.parametrize("represented", [
    {**FATHER, "id_number": "110102198506124561"},  # wrong check digit
    {**FATHER, "relation": "neighbour"},
    {**FATHER, "name": ""},
])
async def test_a_declaration_that_does_not_hold_is_refused(client, desk, represented) -> None:
    item, agent, _ = desk

    response = await _create(client, agent, item, represented=represented)

    assert response.status_code == 422 and response.json()["error"]["code"] == "VALIDATION_FAILED"


async def test_a_resident_filing_for_themselves_has_no_authorisation_slot(client, desk) -> None:
    item, agent, _ = desk
    draft = (await _create(client, agent, item)).json()

    response = await upload(client, agent, draft["id"], AUTHORISATION)

    assert draft["represented"] is None
    assert response.status_code == 422 and response.json()["error"]["code"] == "MATERIAL_NOT_IN_GUIDE"
