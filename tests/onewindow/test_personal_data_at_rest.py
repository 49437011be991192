"""Personal data at rest: the database and the storage folder, read raw, hold no form field, no
material and no certificate in clear; downloads give back the uploaded bytes; the data key rotates
and old data still opens; the ledger's form commitment opens only with the receipt's salt."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import os
import sys
import uuid
from pathlib import Path

import orjson
from tortoise import Tortoise, connections

from app.envelope import LocalKeyWrapper, key_id_of
from app.storage import LocalStorage, read_opened
from models.onewindow import ECertificate
from models.prereview import Application, ApplicationMaterial, ApplicationState
from models.users import User
from services.applications import forms
from tests.builders import make_application, make_prereview_item, resident_session
from tests.builders.onewindow import OneWindow, accepted, checked_in_visit, desk_post
from tests.builders.prereview import PDF, VALID_FORM, reviewer_of, stored_files, upload

SCAN = PDF + "居民身份证 张三 110108199003071238 正反面扫描".encode()
REPO = Path(__file__).resolve().parents[2]


def _spellings(value: str) -> list[bytes]:
    """A value as it could sit in a raw column or file: UTF-8, or escaped inside JSON."""
    return [value.encode(), json.dumps(value).strip('"').encode()]


async def _database_dump() -> bytes:
    """Every row of every table, as the database returns it."""
    conn = connections.get("default")
    rows = []
    for model in Tortoise.apps["models"].values():
        rows += await conn.execute_query_dict(f'SELECT * FROM "{model._meta.db_table}"')
    return "\n".join(repr(row) for row in rows).encode()


async def _filed_with_certificate(client, rt, window: OneWindow) -> dict:
    """A submitted pre-review application with two scans, and a licence issued at the window."""
    resident = await resident_session(rt)
    item = await make_prereview_item(department=window.department)
    created = await client.post("/api/v1/applications", headers=resident.headers,
                                json={"item_id": str(item.id), "form_data": VALID_FORM})
    application_id = created.json()["id"]
    for index in (0, 1):
        assert (await upload(client, resident, application_id, index, SCAN)).status_code == 200
    submitted = await client.post(f"/api/v1/applications/{application_id}/submit", headers=resident.headers)
    assert submitted.status_code == 200, submitted.text

    visit = await checked_in_visit(window, await User.get(id=resident.id))
    licensed = await accepted(client, window, visit.id)
    path = f"applications/{licensed['id']}"
    for reviewer in (window.examiner, window.decider):
        assert (await desk_post(client, reviewer, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    assert (await desk_post(client, window.decider, f"{path}/certificate")).status_code == 200
    certificate = (await client.get("/api/v1/certificates", headers=resident.headers)).json()["items"][0]
    document = await client.get(f"/api/v1/certificates/{certificate['id']}/document", headers=resident.headers)
    assert document.status_code == 200 and document.content.startswith(b"%PDF")
    return {"resident": resident, "application": submitted.json(), "document": document.content}


async def test_a_raw_read_finds_no_personal_data_and_downloads_give_the_uploaded_bytes(client, rt, window):
    filed = await _filed_with_certificate(client, rt, window)
    resident, application = filed["resident"], filed["application"]
    assert application["form_data"] == VALID_FORM  # the owner reads the form as typed

    dump = await _database_dump()
    # The search does find clear text: the item's name is stored as it is.
    assert any(spelling in dump for spelling in _spellings("户口迁移预审"))
    for value in VALID_FORM.values():
        assert not any(spelling in dump for spelling in _spellings(value)), value
    stored = [path.read_bytes() for path in stored_files(rt)]
    document = filed["document"]
    for plaintext in (SCAN, PDF[:40], "正反面扫描".encode(), document, document[:64], document[-64:]):
        assert not any(plaintext in content for content in stored)

    url = (await client.get(f"/api/v1/applications/{application['id']}/materials/0/download-url",
                            headers=resident.headers)).json()["url"]
    assert (await client.get(url)).content == SCAN
    reviewer = await reviewer_of(rt, window.department)
    staff_url = (await client.get(f"/api/v1/review/applications/{application['id']}/materials/1/download-url",
                                  headers=reviewer.headers)).json()["url"]
    assert (await client.get(staff_url)).content == SCAN


async def test_the_ledger_commits_to_the_form_with_the_receipts_salt_and_not_its_plain_hash(client, rt, window):
    filed = await _filed_with_certificate(client, rt, window)
    application = filed["application"]
    salt = application["form_commitment_salt"]
    assert len(salt) == 64
    record = (await client.get(f"/api/v1/ledger/applications/{application['id']}")).json()
    submitted = [orjson.loads(e["entry"]["leaf"])["data"] for e in record["entries"]
                 if e["entry"]["record_type"] == "application_submitted"]
    canonical = orjson.dumps(VALID_FORM, option=orjson.OPT_SORT_KEYS)
    assert submitted == [{**submitted[0], "form_commitment": hmac.new(
        bytes.fromhex(salt), canonical, hashlib.sha256).hexdigest()}]
    # Whoever guesses the form without the salt has nothing to compare it with.
    assert "form_sha256" not in submitted[0]
    assert hashlib.sha256(canonical).hexdigest() not in json.dumps(record)


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


async def _rotate_data_key(rt, new_key: bytes) -> str:
    """Run ``python -m app rotate-data-key`` with a new HDT_DATA_KEY, the old one as previous."""
    old_key = (rt.settings.keys_dir / "data.key").read_bytes()
    settings = rt.settings
    env = {**os.environ, "HDT_ENV": "test", "HDT_DATABASE_URL": settings.database_url,
           "HDT_KEYS_DIR": str(settings.keys_dir), "HDT_STORAGE_DIR": str(settings.storage_dir),
           "HDT_DATA_KEY": _b64url(new_key), "HDT_DATA_KEY_PREVIOUS": json.dumps([_b64url(old_key)])}
    if settings.redis_url:
        env["HDT_REDIS_URL"] = settings.redis_url
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "rotate-data-key", cwd=REPO, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    return out.decode()


async def _legacy_application(rt, window: OneWindow, resident) -> tuple[Application, bytes]:
    """An application and a scan as a release before encryption at rest stored them: in clear."""
    item = await make_prereview_item(department=window.department)
    legacy = await make_application(resident=await User.get(id=resident.id), item=item,
                                    state=ApplicationState.DRAFT)
    await Application.filter(id=legacy.id).update(form_data={**VALID_FORM, "applicant_name": "李四"})
    scan = PDF + b"legacy scan kept in clear"
    key = uuid.uuid4().hex + ".pdf"
    (rt.settings.storage_dir / key[:2]).mkdir(exist_ok=True)
    (rt.settings.storage_dir / key[:2] / key).write_bytes(scan)
    await ApplicationMaterial.create(application_id=legacy.id, material_index=0, material_name="居民身份证",
                                     storage_key=key, sha256=hashlib.sha256(scan).hexdigest(),
                                     size=len(scan), content_type="application/pdf",
                                     original_filename="old.pdf")
    return legacy, scan


async def test_the_data_key_rotates_old_data_still_opens_and_clear_rows_are_sealed(client, rt, window):
    filed = await _filed_with_certificate(client, rt, window)
    resident = filed["resident"]
    legacy, legacy_scan = await _legacy_application(rt, window, resident)
    # Until the command runs, rows of the earlier release are read as they are.
    shown = await client.get(f"/api/v1/applications/{legacy.id}", headers=resident.headers)
    assert shown.json()["form_data"]["applicant_name"] == "李四"
    url = (await client.get(f"/api/v1/applications/{legacy.id}/materials/0/download-url",
                            headers=resident.headers)).json()["url"]
    assert (await client.get(url)).content == legacy_scan
    legacy_key = (await ApplicationMaterial.get(application_id=legacy.id)).storage_key

    new_key = os.urandom(32)
    printed = await _rotate_data_key(rt, new_key)
    assert "clear forms sealed: 1; clear files sealed: 1" in printed

    # The new key alone opens everything: each data key was re-wrapped, no file rewritten for it.
    only_new = LocalKeyWrapper(new_key)
    storage = LocalStorage(rt.settings.storage_dir)
    wrapped = [*await Application.all().values_list("data_key", flat=True),
               *await ApplicationMaterial.all().values_list("data_key", flat=True),
               *await ECertificate.all().values_list("data_key", flat=True)]
    assert wrapped and {key_id_of(w) for w in wrapped} == {only_new.key_id}
    for application in await Application.all():
        assert application.form_data == {}
        form = forms.open_form(wrapper=only_new, application=application).data
        assert form["id_number"] == VALID_FORM["id_number"]
    for material in await ApplicationMaterial.all():
        opened = b"".join([c async for c in read_opened(storage, only_new, material.storage_key,
                                                         material.data_key)])
        assert opened == (legacy_scan if material.application_id == legacy.id else SCAN)
    certificate = await ECertificate.get()
    opened = b"".join([c async for c in read_opened(storage, only_new, certificate.storage_key,
                                                     certificate.data_key)])
    assert opened == filed["document"]
    # The clear copy is gone; nothing in storage holds the legacy scan or form in clear.
    assert not (rt.settings.storage_dir / legacy_key[:2] / legacy_key).exists()
    assert not any(legacy_scan in path.read_bytes() for path in stored_files(rt))
    dump = await _database_dump()
    assert not any(spelling in dump for spelling in _spellings("李四"))
