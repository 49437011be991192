"""申请人本人信息: the applicant's own fields hold the verified identity, filled in when left empty;
another person's name or ID number is refused at every save and again at submit."""

from __future__ import annotations

import pytest

from models.users import User
from services.catalog.guide import DataTemplate
from tests.builders import login_resident, make_prereview_item, make_resident
from tests.builders.prereview import BOUND_TEMPLATE, upload

ID_NUMBER = "11010819900307123X"  # a valid check digit X
OTHER_ID_NUMBER = "110108199003071238"


@pytest.fixture
async def setup(rt):
    item = await make_prereview_item(data_template=BOUND_TEMPLATE)
    user = await make_resident(rt, realname=True, real_name="张三", id_number=ID_NUMBER)
    return item, user, await login_resident(rt, user)


async def _create(client, who, item, form: dict):
    return await client.post("/api/v1/applications", headers=who.headers,
                             json={"item_id": str(item.id), "form_data": form})


async def test_empty_applicant_fields_are_filled_from_the_verified_identity(client, setup) -> None:
    item, _, resident = setup

    response = await _create(client, resident, item, {"reason": "工作调动"})

    assert response.status_code == 201, response.text
    assert response.json()["form_data"] == {"applicant_name": "张三", "id_number": ID_NUMBER,
                                            "reason": "工作调动"}


async def test_the_same_identity_typed_by_hand_is_accepted(client, setup) -> None:
    item, _, resident = setup

    response = await _create(client, resident, item, {"applicant_name": " 张三 ",
                                                      "id_number": ID_NUMBER.lower()})

    assert response.status_code == 201, response.text


@pytest.mark.parametrize("form, field", [
    ({"applicant_name": "李四"}, "applicant_name"),
    ({"id_number": OTHER_ID_NUMBER}, "id_number"),
    ({"applicant_name": ["张三"]}, "applicant_name"),
])
async def test_another_persons_details_are_refused_without_revealing_the_identity(
        client, setup, form: dict, field: str) -> None:
    item, _, resident = setup

    response = await _create(client, resident, item, form)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "APPLICANT_MISMATCH"
    assert error["details"]["fields"] == [{"field": field, "applicant": field.replace("applicant_", "")}]
    assert ID_NUMBER not in response.text and "张三" not in response.text


async def test_a_save_cannot_change_the_applicant(client, setup) -> None:
    item, _, resident = setup
    draft = (await _create(client, resident, item, {})).json()

    response = await client.put(f"/api/v1/applications/{draft['id']}/form", headers=resident.headers,
                                json={"form_data": {"applicant_name": "李四", "id_number": ID_NUMBER}})

    assert response.status_code == 422 and response.json()["error"]["code"] == "APPLICANT_MISMATCH"
    stored = await client.get(f"/api/v1/applications/{draft['id']}", headers=resident.headers)
    assert stored.json()["form_data"]["applicant_name"] == "张三"


async def test_without_a_bound_phone_the_phone_field_is_the_residents_to_fill(client, setup) -> None:
    item, _, resident = setup

    response = await _create(client, resident, item, {"phone": "13900139000"})

    assert response.status_code == 201 and response.json()["form_data"]["phone"] == "13900139000"


async def test_submit_checks_again_against_the_identity_as_it_is_now(client, rt, setup) -> None:
    item, user, resident = setup
    draft = (await _create(client, resident, item, {})).json()
    for index in (0, 1):
        assert (await upload(client, resident, draft["id"], index)).status_code == 200
    # The account's real-name identity changed after the draft (Beijing Pass bound to another person).
    await User.filter(id=user.id).update(real_name_enc=rt.cipher.encrypt("王五"),
                                         id_number_enc=rt.cipher.encrypt(OTHER_ID_NUMBER))

    response = await client.post(f"/api/v1/applications/{draft['id']}/submit", headers=resident.headers)

    assert response.status_code == 422 and response.json()["error"]["code"] == "APPLICANT_MISMATCH"
    after = await client.get(f"/api/v1/applications/{draft['id']}", headers=resident.headers)
    assert after.json()["state"] == "draft"


@pytest.mark.parametrize("fields, message", [
    ([{"name": "n", "label": "姓名", "type": "date", "applicant": "name"}], "类型须为 string"),
    ([{"name": "a", "label": "号码", "type": "id_number", "applicant": "id_number"},
      {"name": "b", "label": "号码", "type": "id_number", "applicant": "id_number"}], "只能由一个字段"),
])
def test_a_template_binds_each_attribute_once_to_a_field_that_can_hold_it(fields, message) -> None:
    with pytest.raises(ValueError, match=message):
        DataTemplate.model_validate({"fields": fields})
