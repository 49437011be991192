"""Catalog sync: idempotent, versioned, dry-run diff, malformed files refused whole."""

import subprocess
import sys
from pathlib import Path

import orjson

from models.catalog import CatalogAuditEntry, GuideVersion, ServiceItem
from tests.builders import catalog_document, guide_spec, item_spec, sync_catalog
from tests.builders.catalog import item_id_of
from tests.support.server import command_env

ROOT = Path(__file__).resolve().parents[2]


def run_cli(app, tmp_path: Path, document: dict | bytes, *args: str) -> subprocess.CompletedProcess:
    """`python -m app sync-catalog` in a separate process against the test database."""
    path = tmp_path / "catalog.json"
    path.write_bytes(document if isinstance(document, bytes) else orjson.dumps(document))
    env = command_env(app.ctx.settings)
    return subprocess.run([sys.executable, "-m", "app", "sync-catalog", str(path), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


async def test_second_import_of_the_same_file_changes_nothing(rt, synced):
    counts = (await ServiceItem.all().count(), await GuideVersion.all().count(),
              await CatalogAuditEntry.all().count())

    diff = await sync_catalog(rt, synced)

    assert diff.is_empty
    assert diff.unchanged_items == len(synced["items"])
    assert counts == (await ServiceItem.all().count(), await GuideVersion.all().count(),
                      await CatalogAuditEntry.all().count())


async def test_changed_guide_gets_a_new_version_and_the_old_one_stays_readable(client, rt, synced):
    item_id = await item_id_of(client, "GA001")
    before = (await client.get(f"/api/v1/catalog/items/{item_id}")).json()["guide"]
    changed = dict(synced)
    changed["items"] = [dict(i) for i in synced["items"]]
    changed["items"][0]["guide"] = guide_spec(fee_description="20元")

    diff = await sync_catalog(rt, changed)

    assert diff.updated == {"items": {"GA001": ["guide"]}}
    after = (await client.get(f"/api/v1/catalog/items/{item_id}")).json()["guide"]
    assert (before["version"], after["version"]) == (1, 2)
    assert after["fee_description"] == "20元"
    old = await client.get(f"/api/v1/catalog/guides/{before['id']}")
    assert old.status_code == 200
    assert (old.json()["version"], old.json()["fee_description"]) == (1, "不收费")
    versions = (await client.get(f"/api/v1/catalog/items/{item_id}/guides")).json()["items"]
    assert [v["version"] for v in versions] == [2, 1]


async def test_attribute_change_updates_without_a_new_guide_version(client, rt, synced):
    changed = dict(synced)
    changed["items"] = [dict(i) for i in synced["items"]]
    changed["items"][2]["promised_limit_days"] = 5

    diff = await sync_catalog(rt, changed)

    assert diff.updated == {"items": {"GA003": ["promised_limit_days"]}}
    detail = (await client.get(f"/api/v1/catalog/items/{await item_id_of(client, 'GA003')}")).json()
    assert (detail["promised_limit_days"], detail["guide"]["version"]) == (5, 1)


async def test_dry_run_prints_the_diff_and_writes_nothing(app, client, tmp_path, synced):
    changed = dict(synced)
    changed["items"] = [dict(i) for i in synced["items"]]
    changed["items"][0]["name"] = "居民身份证换领（到期）"
    changed["items"].append(item_spec("GA099", "临时居民身份证申领"))

    result = run_cli(app, tmp_path, changed, "--dry-run")

    assert result.returncode == 0, result.stderr
    assert "~ items GA001: name" in result.stdout
    assert "+ items GA099" in result.stdout
    assert "dry run: nothing was written" in result.stdout
    assert not await ServiceItem.exists(code="GA099")
    assert await ServiceItem.exists(code="GA001", name="居民身份证换领")


async def test_cli_import_writes_and_is_idempotent(app, tmp_path):
    document = catalog_document([item_spec("GA001", "居民身份证换领")])

    first = run_cli(app, tmp_path, document)
    second = run_cli(app, tmp_path, document)

    assert first.returncode == 0, first.stderr
    assert "+ items GA001" in first.stdout
    assert second.stdout.startswith("= 1 items unchanged")
    assert await GuideVersion.filter(item__code="GA001").count() == 1


async def test_file_that_is_not_json_is_refused_with_line_and_column(app, tmp_path):
    raw = b'{"format": "hdt-catalog/1",\n "items": [\n  {"code": "GA001",, }\n ]}'

    result = run_cli(app, tmp_path, raw)

    assert result.returncode != 0
    assert "line 3, column" in result.stderr
    assert "nothing was written" in result.stderr


async def test_unknown_department_refuses_the_whole_file(app, tmp_path):
    document = catalog_document([item_spec("GA001", "居民身份证换领"),
                                 item_spec("XX001", "无主事项", department="NOPE")])

    result = run_cli(app, tmp_path, document)

    assert result.returncode != 0
    assert "items[1].department" in result.stderr
    assert "NOPE" in result.stderr
    assert await ServiceItem.all().count() == 0


async def test_missing_field_and_broken_template_are_reported_by_path(app, tmp_path):
    broken_template = guide_spec(data_template={"fields": [
        {"name": "reason", "label": "原因", "type": "choice"}]})
    missing_name = item_spec("GA002", "x")
    del missing_name["name"]
    document = catalog_document([item_spec("GA001", "居民身份证换领", guide=broken_template),
                                 missing_name])

    result = run_cli(app, tmp_path, document)

    assert result.returncode != 0
    assert "items[0].guide.data_template.fields[0]" in result.stderr
    assert "items[1].name: Field required" in result.stderr
    assert await ServiceItem.all().count() == 0


async def test_items_absent_from_the_file_are_kept(client, rt, synced, global_admin):
    created = await client.post("/api/v1/admin/catalog/items", headers=global_admin.headers,
                                json=item_spec("DIST001", "海淀区人才公寓申请", department="HDRS",
                                               appointment_group=None, modes=["fully_online"]))
    assert created.status_code == 201, created.text

    diff = await sync_catalog(rt, synced)

    assert diff.is_empty and diff.kept_items == 1
    detail = await client.get(f"/api/v1/catalog/items/{created.json()['id']}")
    assert detail.status_code == 200


async def test_department_and_hall_changes_are_applied_and_shown(client, rt, synced):
    changed = dict(synced)
    changed["departments"] = [{**synced["departments"][0], "name": "北京市公安局海淀分局"},
                              *synced["departments"][1:]]
    changed["halls"] = [{**synced["halls"][0], "address": "北京市海淀区丰智东路13号"},
                        *synced["halls"][1:]]
    await client.get("/api/v1/catalog/departments")  # cached before the change

    diff = await sync_catalog(rt, changed)

    assert diff.updated == {"departments": {"HDGA": ["name"]}, "halls": {"HD-CENTER": ["address"]}}
    departments = (await client.get("/api/v1/catalog/departments")).json()["items"]
    halls = (await client.get("/api/v1/catalog/halls")).json()["items"]
    assert {d["code"]: d["name"] for d in departments}["HDGA"] == "北京市公安局海淀分局"
    assert {h["code"]: h["address"] for h in halls}["HD-CENTER"] == "北京市海淀区丰智东路13号"
