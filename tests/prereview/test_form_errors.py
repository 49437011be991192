"""Form data is checked against the item's data template on every save of a draft (the problems
come back with the saved draft) and again at submit (where they refuse it)."""

from __future__ import annotations

from tests.builders.prereview import VALID_FORM, create


async def test_every_save_returns_the_form_errors_and_keeps_the_draft_until_submit_refuses_it(
        client, review_desk, resident):
    draft = await create(client, resident, review_desk.item.id,
                         {"applicant_name": "张三", "id_number": "110108199003071234", "nickname": "三"})
    assert draft["state"] == "draft"
    assert draft["form_errors"] == [{"field": "id_number", "message": "校验位不正确"},
                                    {"field": "nickname", "message": "未知字段"}]

    saved = await client.put(f"/api/v1/applications/{draft['id']}/form", headers=resident.headers,
                             json={"form_data": {"applicant_name": "", "phone": "12800138000"}})
    assert saved.status_code == 200, saved.text
    assert saved.json()["form_data"] == {"applicant_name": "", "phone": "12800138000"}
    errors = [{"field": "applicant_name", "message": "必填"}, {"field": "id_number", "message": "必填"},
              {"field": "phone", "message": "格式不正确"}]
    assert saved.json()["form_errors"] == errors
    fetched = await client.get(f"/api/v1/applications/{draft['id']}", headers=resident.headers)
    assert fetched.json()["form_errors"] == errors

    refused = await client.post(f"/api/v1/applications/{draft['id']}/submit", headers=resident.headers)
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "FORM_DATA_INVALID"
    assert refused.json()["error"]["details"]["fields"] == errors

    fixed = await client.put(f"/api/v1/applications/{draft['id']}/form", headers=resident.headers,
                             json={"form_data": VALID_FORM})
    assert fixed.json()["form_errors"] == []
