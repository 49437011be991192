"""Materials once for a bundle over HTTP: each material asked for once at the bundle (none that an
earlier step's result stands for), submission refused while one is missing, and each
department's step receiving only the files its own guide declares, stored once."""

from __future__ import annotations

import hashlib
import json

from models.bundles import BundleMaterial
from models.ledger import LedgerEntry
from models.prereview import ApplicationMaterial
from tests.builders.bundles import decide_step, make_desk, material_file, sync_demo, upload_materials
from tests.builders.companies import representative
from tests.builders.prereview import stored_files
from tests.bundles.test_company_registration import CREDIT_CODE, FORM

REGISTRATION_MATERIALS = ["公司章程（组织章程）", "法定代表人身份证件", "住所（经营场所）使用证明", "申请表"]


def _hash(name: str) -> str:
    return hashlib.sha256(material_file(name)).hexdigest()


async def test_materials_uploaded_once_reach_only_the_steps_that_declare_them(client, bjpass, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDSCJG", "HDGA", "HDSW", "HDRS"])
    rep, company_id = await representative(client)
    created = await client.post("/api/v1/bundle-applications", headers=rep.headers, json={
        "bundle_code": "QYKB", "hall_id": desk.hall_id, "form_data": FORM, "company_id": company_id})
    assert created.status_code == 201, created.text
    draft = created.json()
    # 法定代表人身份证件 is asked once for the three steps that list it; 营业执照, which the seal,
    # tax, invoice and social-insurance guides list, is the registration's result and not asked.
    assert [(m["name"], m["steps"], m["uploaded"]) for m in draft["materials"]] == [
        ("公司章程（组织章程）", ["registration"], None),
        ("法定代表人身份证件", ["registration", "seal", "social_insurance"], None),
        ("住所（经营场所）使用证明", ["registration"], None),
        ("申请表", ["registration"], None)]
    url = f"/api/v1/bundle-applications/{draft['id']}"
    early = await client.post(f"{url}/submit", headers=rep.headers)
    assert early.status_code == 422 and early.json()["error"]["code"] == "MATERIALS_MISSING"
    assert [m["name"] for m in early.json()["error"]["details"]["materials"]] == REGISTRATION_MATERIALS
    unknown = await client.put(f"{url}/materials/4", content=material_file("x"),
                               headers={**rep.headers, "content-type": "application/pdf"})
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "MATERIAL_NOT_IN_GUIDE"

    files = stored_files(rt)
    bundle = await upload_materials(client, rep, draft)
    assert [m["uploaded"]["sha256"] for m in bundle["materials"]] == [_hash(n) for n in REGISTRATION_MATERIALS]
    assert len(stored_files(rt)) == len(files) + len(REGISTRATION_MATERIALS)
    submitted = await client.post(f"{url}/submit", headers=rep.headers)
    assert submitted.status_code == 200, submitted.text
    late = await client.put(f"{url}/materials/0", content=material_file("late"),
                            headers={**rep.headers, "content-type": "application/pdf"})
    assert late.status_code == 409 and late.json()["error"]["code"] == "BUNDLE_STATE_INVALID"

    steps = {s["key"]: s["application_id"] for s in submitted.json()["steps"]}

    async def received(step: str, department: str) -> dict[str, str]:
        shown = await client.get(f"/api/v1/review/applications/{steps[step]}",
                                 headers=desk.reviewers[department][0].headers)
        assert shown.status_code == 200, shown.text
        return {m["material_name"]: m["sha256"] for m in shown.json()["materials"]}

    assert await received("registration", "HDSCJG") == {n: _hash(n) for n in REGISTRATION_MATERIALS}
    await decide_step(client, desk, "HDSCJG", steps["registration"], outputs={"credit_code": CREDIT_CODE},
                      certificate=False)
    # Started after the registration, each step holds only what its own guide declares.
    identity = {"法定代表人身份证件": _hash("法定代表人身份证件")}
    assert await received("seal", "HDGA") == identity
    assert await received("social_insurance", "HDRS") == identity
    assert await received("tax", "HDSW") == {}
    # The steps share the bundle's stored files, never copies.
    bundle_files = set(await BundleMaterial.all().values_list("storage_key", flat=True))
    assert set(await ApplicationMaterial.all().values_list("storage_key", flat=True)) == bundle_files

    # The seal step's submission in the ledger names the one file it received, by hash.
    leaves = await LedgerEntry.filter(record_type="application_submitted").values_list("leaf", flat=True)
    records = {r["application_id"]: r for r in (json.loads(leaf)["data"] for leaf in leaves)}
    assert [m["sha256"] for m in records[steps["seal"]]["materials"]] == [_hash("法定代表人身份证件")]
