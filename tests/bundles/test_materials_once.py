"""Materials once: the same file (same SHA-256) for a reusable material is reused, not stored
again; the guide's reusable flag is honoured; "my materials" offers earlier uploads."""

from __future__ import annotations

from tests.builders import make_prereview_item, resident_session
from tests.builders.prereview import PDF, create, stored_files, upload


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
