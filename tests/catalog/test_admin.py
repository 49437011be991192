"""Admin API: role and department scope, versioned guide edits, publishing, audit trail."""

import asyncio

from models.catalog import GuideVersion
from tests.builders import (
    guide_spec,
    item_spec,
    login_resident,
    login_staff,
    make_resident,
    make_staff,
)
from tests.builders.catalog import item_id_of

ADMIN = "/api/v1/admin/catalog/items"


async def test_residents_clerks_and_anonymous_callers_are_refused(client, rt, synced):
    item_id = await item_id_of(client, "GA001")
    resident = await login_resident(rt, await make_resident(rt))
    clerk = await login_staff(rt, await make_staff(rt, roles=["clerk@HD-CENTER"]))

    anonymous = await client.post(f"{ADMIN}/{item_id}/unpublish")
    as_resident = await client.post(f"{ADMIN}/{item_id}/unpublish", headers=resident.headers)
    as_clerk = await client.post(f"{ADMIN}/{item_id}/unpublish", headers=clerk.headers)

    assert anonymous.status_code == 401
    assert (as_resident.status_code, as_clerk.status_code) == (403, 403)
    assert (await client.get(f"/api/v1/catalog/items/{item_id}")).status_code == 200


async def test_department_admin_edits_only_its_own_departments_items(client, police_admin):
    own = await client.patch(f"{ADMIN}/{await item_id_of(client, 'GA003')}",
                             headers=police_admin.headers, json={"promised_limit_days": 3})
    other = await client.patch(f"{ADMIN}/{await item_id_of(client, 'RS001')}",
                               headers=police_admin.headers, json={"promised_limit_days": 3})
    moved_out = await client.patch(f"{ADMIN}/{await item_id_of(client, 'GA002')}",
                                   headers=police_admin.headers, json={"department": "HDRS"})
    created_elsewhere = await client.post(ADMIN, headers=police_admin.headers,
                                          json=item_spec("RS777", "社保转移", department="HDRS"))

    assert own.status_code == 200 and own.json()["promised_limit_days"] == 3
    assert other.status_code == 403
    assert moved_out.status_code == 403
    assert created_elsewhere.status_code == 403


async def test_guide_edit_makes_a_new_version_residents_see_at_once(client, police_admin):
    item_id = await item_id_of(client, "GA001")
    before = (await client.get(f"/api/v1/catalog/items/{item_id}")).json()
    new_guide = guide_spec(materials=[{"name": "居民身份证", "original_required": True},
                                      {"name": "数码相片回执", "copies": 1}])

    edited = await client.put(f"{ADMIN}/{item_id}/guide", headers=police_admin.headers,
                              json={**new_guide, "change_note": "增加相片回执"})
    repeated = await client.put(f"{ADMIN}/{item_id}/guide", headers=police_admin.headers,
                                json={**new_guide, "change_note": "再次保存"})

    assert edited.status_code == 200 and edited.json()["guide"]["version"] == 2
    assert repeated.json()["guide"]["version"] == 2  # same content: no new version
    current = (await client.get(f"/api/v1/catalog/items/{item_id}")).json()
    assert [m["name"] for m in current["guide"]["materials"]] == ["居民身份证", "数码相片回执"]
    assert current["guide"]["change_note"] == "增加相片回执"
    old = (await client.get(f"/api/v1/catalog/guides/{before['guide']['id']}")).json()
    assert [m["name"] for m in old["materials"]] == ["居民身份证"]


async def test_concurrent_guide_edits_each_make_the_next_version(client, police_admin):
    item_id = await item_id_of(client, "GA001")
    edits = [{**guide_spec(fee_description=f"{i}元"), "change_note": f"第{i}次修改"} for i in range(6)]

    responses = await asyncio.gather(*(client.put(f"{ADMIN}/{item_id}/guide", headers=police_admin.headers,
                                                  json=edit) for edit in edits))

    assert [r.status_code for r in responses] == [200] * 6
    versions = await GuideVersion.filter(item_id=item_id).order_by("version").values_list("version", flat=True)
    assert versions == [1, 2, 3, 4, 5, 6, 7]
    current = (await client.get(f"/api/v1/catalog/items/{item_id}")).json()["guide"]
    assert current["version"] == 7


async def test_guide_edit_breaking_the_data_template_is_refused(client, police_admin):
    item_id = await item_id_of(client, "GA001")
    bad_fields = [
        [{"name": "reason", "label": "原因", "type": "choice"}],
        [{"name": "Reason", "label": "原因", "type": "string"}],
        [{"name": "code", "label": "编号", "type": "string", "pattern": "([a-z"}],
        [{"name": "a", "label": "甲", "type": "string"}, {"name": "a", "label": "乙", "type": "string"}],
    ]
    for fields in bad_fields:
        response = await client.put(f"{ADMIN}/{item_id}/guide", headers=police_admin.headers,
                                    json=guide_spec(data_template={"fields": fields}))
        assert response.status_code == 422, fields
        assert response.json()["error"]["details"]["fields"][0]["field"].startswith("data_template")

    detail = (await client.get(f"/api/v1/catalog/items/{item_id}")).json()
    assert detail["guide"]["version"] == 1


async def test_unpublished_items_disappear_for_residents_until_republished(client, police_admin):
    item_id = await item_id_of(client, "GA002")

    await client.post(f"{ADMIN}/{item_id}/unpublish", headers=police_admin.headers)
    hidden = await client.get(f"/api/v1/catalog/items/{item_id}")
    search = (await client.get("/api/v1/catalog/search", params={"q": "补领"})).json()["items"]
    admin_view = await client.get(f"{ADMIN}/{item_id}", headers=police_admin.headers)
    await client.post(f"{ADMIN}/{item_id}/publish", headers=police_admin.headers)
    shown = await client.get(f"/api/v1/catalog/items/{item_id}")

    assert hidden.status_code == 404 and search == []
    assert admin_view.status_code == 200
    assert shown.status_code == 200


async def test_every_change_is_audited_with_who_and_what(client, police_admin):
    item_id = await item_id_of(client, "GA003")
    await client.patch(f"{ADMIN}/{item_id}", headers=police_admin.headers,
                       json={"name": "户口迁移（市内）", "halls": ["HD-CENTER"]})
    await client.post(f"{ADMIN}/{item_id}/unpublish", headers=police_admin.headers)

    trail = (await client.get(f"{ADMIN}/{item_id}/audit", headers=police_admin.headers)).json()["items"]

    assert [e["action"] for e in trail] == ["unpublish", "update", "sync_create"]
    assert trail[0]["actor"] == f"staff:{police_admin.id}"
    assert trail[1]["changes"] == {"name": ["户口迁移", "户口迁移（市内）"],
                                   "halls": [["HD-CENTER", "HD-ZGC"], ["HD-CENTER"]]}
    assert trail[1]["at"].endswith("+08:00")
    assert trail[2]["actor"] == "sync"


async def test_create_refuses_unknown_codes_and_duplicates(client, global_admin):
    unknown = await client.post(ADMIN, headers=global_admin.headers,
                                json=item_spec("NEW001", "新事项", life_events=["moon_landing"]))
    duplicate = await client.post(ADMIN, headers=global_admin.headers,
                                  json=item_spec("GA001", "重复的编码"))
    inconsistent = await client.post(ADMIN, headers=global_admin.headers,
                                     json=item_spec("NEW002", "新事项", modes=["one_window"]))

    assert unknown.status_code == 422
    assert unknown.json()["error"]["details"] == {"field": "life_events", "codes": ["moon_landing"]}
    assert duplicate.status_code == 409 and duplicate.json()["error"]["code"] == "ITEM_CODE_EXISTS"
    assert inconsistent.status_code == 422


async def test_the_same_new_code_sent_twice_at_once_is_created_once(client, global_admin):
    responses = await asyncio.gather(*(client.post(ADMIN, headers=global_admin.headers,
                                                   json=item_spec("NEW009", "新事项")) for _ in range(2)))

    assert sorted(r.status_code for r in responses) == [201, 409]
    assert [r.json()["error"]["code"] for r in responses if r.status_code == 409] == ["ITEM_CODE_EXISTS"]


async def test_renamed_item_is_found_by_its_new_name_and_pinyin(client, police_admin):
    item_id = await item_id_of(client, "GA003")
    await client.patch(f"{ADMIN}/{item_id}", headers=police_admin.headers, json={"name": "户籍迁移"})

    found = (await client.get("/api/v1/catalog/search", params={"q": "hjqy"})).json()["items"]

    assert [i["id"] for i in found] == [item_id]


async def test_an_admin_sets_the_real_name_level_an_item_needs(client, police_admin):
    item_id = await item_id_of(client, "GA003")

    raised = await client.patch(f"{ADMIN}/{item_id}", headers=police_admin.headers,
                                json={"min_realname_level": 3})
    without_real_name = await client.patch(f"{ADMIN}/{item_id}", headers=police_admin.headers,
                                           json={"requires_realname": False})

    assert raised.status_code == 200 and raised.json()["min_realname_level"] == 3
    detail = await client.get(f"/api/v1/catalog/items/{item_id}")
    assert detail.json()["min_realname_level"] == 3
    assert without_real_name.status_code == 422
