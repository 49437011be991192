"""Material uploads: sniffed by content, size limits, nothing left behind; reuse by reference."""

from __future__ import annotations

import asyncio
import hashlib
import json
from datetime import date

import pytest

from app.ids import to_local, utcnow
from models.prereview import Application, ApplicationMaterial, ApplicationState
from services.applications import materials, prereview
from services.applications.lifecycle import IllegalTransition
from services.applications.prereview import prereview_deadline
from services.calendar import is_working_day
from tests.builders import resident_session
from tests.builders.prereview import (
    OFD,
    PDF,
    PNG,
    create,
    ready_to_submit,
    review,
    stored_files,
    submitted,
    upload,
    zip_of,
)


async def test_uploads_that_lie_are_empty_or_too_large_leave_nothing_stored(client, rt, review_desk, resident):
    app_id = (await create(client, resident, review_desk.item.id))["id"]
    before = stored_files(rt)
    limit = rt.settings.upload_max_bytes

    text_as_pdf = await upload(client, resident, app_id, 0, b"just some text, not a PDF at all")
    png_as_pdf = await upload(client, resident, app_id, 0, PNG)
    empty = await upload(client, resident, app_id, 0, b"")
    oversize = await upload(client, resident, app_id, 0, PDF + b"0" * (limit - len(PDF) + 1))

    assert (text_as_pdf.status_code, text_as_pdf.json()["error"]["code"]) == (415, "MATERIAL_TYPE_NOT_ALLOWED")
    assert (png_as_pdf.status_code, png_as_pdf.json()["error"]["code"]) == (415, "MATERIAL_TYPE_MISMATCH")
    assert (empty.status_code, empty.json()["error"]["code"]) == (422, "MATERIAL_EMPTY")
    assert (oversize.status_code, oversize.json()["error"]["code"]) == (413, "MATERIAL_TOO_LARGE")
    assert stored_files(rt) == before
    detail = await client.get(f"/api/v1/applications/{app_id}", headers=resident.headers)
    assert detail.json()["materials"] == []


async def test_an_upload_records_hash_size_and_sniffed_type(client, review_desk, resident):
    app_id = (await create(client, resident, review_desk.item.id))["id"]

    response = await upload(client, resident, app_id, 2, PNG, filename="photo.png",
                            content_type="application/octet-stream")
    outside = await upload(client, resident, app_id, 7)

    assert response.status_code == 200
    assert response.json() | {"id": None} == {
        "id": None, "material_index": 2, "material_name": "照片", "sha256": hashlib.sha256(PNG).hexdigest(),
        "size": len(PNG), "content_type": "image/png", "original_filename": "photo.png",
        "status": "uploaded", "reused_from_id": None, "certificate_id": None}
    assert outside.json()["error"]["code"] == "MATERIAL_NOT_IN_GUIDE"


async def test_an_ofd_is_recognised_by_its_content_and_served_back_as_it_came(client, review_desk, resident):
    """OFD (版式文档), the format of e-certificates and e-invoices: a ZIP whose root OFD.xml is an
    ofd:OFD document, uploaded as a browser or wx.uploadFile sends an unknown extension."""
    app_id = (await create(client, resident, review_desk.item.id))["id"]

    response = await upload(client, resident, app_id, 0, OFD, filename="营业执照.ofd",
                            content_type="application/octet-stream")
    declared = await upload(client, resident, app_id, 1, OFD, filename="licence.ofd", content_type="application/ofd")
    minted = await client.get(f"/api/v1/applications/{app_id}/materials/0/download-url", headers=resident.headers)
    fetched = await client.get(minted.json()["url"])

    assert response.status_code == 200, response.text
    assert (response.json()["content_type"], response.json()["size"]) == ("application/ofd", len(OFD))
    assert declared.status_code == 200 and declared.json()["content_type"] == "application/ofd"
    assert fetched.content == OFD and fetched.headers["content-type"] == "application/ofd"


async def test_a_zip_that_is_not_an_ofd_is_refused_and_nothing_is_stored(client, rt, review_desk, resident):
    app_id = (await create(client, resident, review_desk.item.id))["id"]
    before = stored_files(rt)
    word = zip_of({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    not_ofd_root = zip_of({"OFD.xml": '<html xmlns="http://www.ofdspec.org/2016"><OFDX/></html>'})

    refused = [await upload(client, resident, app_id, 0, content, content_type="application/octet-stream")
               for content in (word, not_ofd_root, OFD[:len(OFD) // 2])]
    ofd_as_pdf = await upload(client, resident, app_id, 0, OFD)

    assert [(r.status_code, r.json()["error"]["code"], r.json()["error"]["details"]["detected"])
            for r in refused] == [(415, "MATERIAL_TYPE_NOT_ALLOWED", "application/zip")] * 3
    assert (ofd_as_pdf.status_code, ofd_as_pdf.json()["error"]["code"]) == (415, "MATERIAL_TYPE_MISMATCH")
    assert stored_files(rt) == before


async def test_replacing_a_material_deletes_the_old_file(client, rt, review_desk, resident):
    app_id = (await create(client, resident, review_desk.item.id))["id"]
    before = stored_files(rt)
    await upload(client, resident, app_id, 0)
    await upload(client, resident, app_id, 0, PNG, content_type="image/png")
    assert len(stored_files(rt)) == len(before) + 1


async def test_concurrent_uploads_to_one_material_keep_the_last_file_and_no_other(client, rt, review_desk,
                                                                                 resident):
    app_id = (await create(client, resident, review_desk.item.id))["id"]
    before = stored_files(rt)

    responses = await asyncio.gather(*(upload(client, resident, app_id, 0, PDF + bytes([i]) * 10)
                                       for i in range(4)))

    assert [r.status_code for r in responses] == [200] * 4
    kept = await ApplicationMaterial.get(application_id=app_id, material_index=0)
    assert len(stored_files(rt)) == len(before) + 1
    url = (await client.get(f"/api/v1/applications/{app_id}/materials/0/download-url",
                            headers=resident.headers)).json()["url"]
    assert hashlib.sha256((await client.get(url)).content).hexdigest() == kept.sha256


async def test_a_material_cannot_change_once_the_application_is_submitted_during_its_upload(
        client, rt, review_desk, resident):
    draft = await ready_to_submit(client, resident, review_desk.item.id)
    files = stored_files(rt)

    async def submitted_while_streaming():
        # The resident submits from another tab while this upload is still arriving.
        await prereview.submit(rt=rt, resident_id=resident.id, application_id=draft["id"])
        yield PNG

    with pytest.raises(IllegalTransition):
        await materials.upload_material(rt=rt, resident_id=resident.id, application_id=draft["id"],
                                        material_index=0, chunks=submitted_while_streaming(),
                                        filename="late.png", declared_type="image/png")

    application = await client.get(f"/api/v1/applications/{draft['id']}", headers=resident.headers)
    assert application.json()["state"] == ApplicationState.SUBMITTED
    assert {m["material_index"]: m["sha256"] for m in application.json()["materials"]}[0] == \
        hashlib.sha256(PDF).hexdigest()
    assert stored_files(rt) == files


async def test_an_application_whose_materials_fill_its_budget_takes_no_more_but_can_replace_one(
        client, rt, review_desk, resident):
    app_id = (await ready_to_submit(client, resident, review_desk.item.id))["id"]
    # As two scanned booklets of half the per-application budget each would leave it.
    await ApplicationMaterial.filter(application_id=app_id).update(size=rt.settings.application_max_bytes // 2)
    files = stored_files(rt)

    photo = await upload(client, resident, app_id, 2, PNG, filename="photo.png", content_type="image/png")
    assert (photo.status_code, photo.json()["error"]["code"]) == (413, "APPLICATION_MATERIALS_TOO_LARGE")
    assert photo.json()["error"]["details"] == {"max_bytes": rt.settings.application_max_bytes}
    assert stored_files(rt) == files
    # Replacing one of the two is still possible: its own size does not count against it.
    replaced = await upload(client, resident, app_id, 1, PNG, filename="hukou.png", content_type="image/png")
    assert replaced.status_code == 200, replaced.text


async def test_a_material_from_an_earlier_application_is_reused_by_reference(client, rt, review_desk, resident):
    earlier = await submitted(client, resident, review_desk.item.id)
    id_card = next(m for m in earlier["materials"] if m["material_index"] == 0)
    later = (await create(client, resident, review_desk.item.id))["id"]
    files = stored_files(rt)

    reused = await client.put(f"/api/v1/applications/{later}/materials/0/reuse", headers=resident.headers,
                              json={"material_id": id_card["id"]})
    wrong_type = await client.put(f"/api/v1/applications/{later}/materials/1/reuse", headers=resident.headers,
                                  json={"material_id": id_card["id"]})
    stranger = await resident_session(rt)
    stranger_app = (await create(client, stranger, review_desk.item.id))["id"]
    not_theirs = await client.put(f"/api/v1/applications/{stranger_app}/materials/0/reuse",
                                  headers=stranger.headers, json={"material_id": id_card["id"]})

    assert reused.status_code == 200
    assert reused.json()["reused_from_id"] == id_card["id"] and reused.json()["sha256"] == id_card["sha256"]
    assert stored_files(rt) == files
    assert wrong_type.json()["error"]["code"] == "MATERIAL_NOT_REUSABLE"
    assert (not_theirs.status_code, not_theirs.json()["error"]["code"]) == (404, "MATERIAL_NOT_FOUND")
    url = (await client.get(f"/api/v1/applications/{later}/materials/0/download-url",
                            headers=resident.headers)).json()["url"]
    assert (await client.get(url)).content == PDF


async def test_deadline_counts_working_days_and_skips_national_day(client, rt, review_desk, resident):
    application = await submitted(client, resident, review_desk.item.id)
    deadline = date.fromisoformat(application["deadline"])
    assert await is_working_day(day=deadline)

    # Submitted on 30 September 2026 with a 3-working-day pre-review: 1-7 October are the
    # National Day holiday, so the days are 8, 9 and 10 October (a make-up working Saturday).
    stored = await Application.get(id=application["id"]).prefetch_related("guide")
    due = await prereview_deadline(application=stored, submitted_on=date(2026, 9, 30), rt=rt)
    assert (due.day, due.provisional) == (date(2026, 10, 10), False)


async def test_overdue_and_due_soon_lists(client, rt, review_desk, resident):
    late = (await submitted(client, resident, review_desk.item.id))["id"]
    soon = (await submitted(client, resident, review_desk.item.id))["id"]
    later = (await submitted(client, resident, review_desk.item.id))["id"]
    # Deadlines come from the real clock; move them as the passing of time would.
    await Application.filter(id=late).update(deadline=date(2026, 1, 5))
    await Application.filter(id=soon).update(deadline=to_local(utcnow()).date())
    await Application.filter(id=later).update(deadline=date(2099, 1, 5))
    await review(client, review_desk, soon, "claim")

    overdue = await client.get("/api/v1/review/applications/overdue", headers=review_desk.reviewer.headers)
    due_soon = await client.get("/api/v1/review/applications/due-soon", headers=review_desk.reviewer.headers)

    assert [a["id"] for a in overdue.json()["items"]] == [late]
    assert [a["id"] for a in due_soon.json()["items"]] == [soon]


def _multipart(parts: list[tuple[str, str | None, str | None, bytes]], boundary: str = "wxBoundary7MA4YWxk"):
    """A multipart/form-data body as ``wx.uploadFile`` builds it: (name, filename, type, bytes)."""
    body = b""
    for name, filename, content_type, data in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode()
        if content_type:
            body += f"Content-Type: {content_type}\r\n".encode()
        body += b"\r\n" + data + b"\r\n"
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


async def test_a_multipart_upload_like_wx_upload_file_is_streamed_and_sniffed(client, rt, review_desk, resident):
    app_id = (await create(client, resident, review_desk.item.id))["id"]
    body, content_type = _multipart([("note", None, None, "身份证正反面".encode()),
                                     ("file", "wxfile_tmp_3a9.pdf", "application/pdf", PDF),
                                     ("trailer", None, None, b"ignored")])
    response = await client.post(f"/api/v1/applications/{app_id}/materials/0", content=body,
                                 headers={**resident.headers, "content-type": content_type})
    assert response.status_code == 200, response.text
    assert response.json()["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert response.json()["original_filename"] == "wxfile_tmp_3a9.pdf"
    # Control characters in a filename are dropped (U+0000 cannot even be stored).
    named, named_type = _multipart([("file", "身份证\x00正面\t.pdf", "application/pdf", PDF)])
    renamed = await client.post(f"/api/v1/applications/{app_id}/materials/0", content=named,
                                headers={**resident.headers, "content-type": named_type})
    assert renamed.json()["original_filename"] == "身份证正面.pdf", renamed.text

    before = stored_files(rt)
    lying, lying_type = _multipart([("file", "photo.jpg", "image/jpeg", PNG)])
    refused = await client.post(f"/api/v1/applications/{app_id}/materials/1", content=lying,
                                headers={**resident.headers, "content-type": lying_type})
    assert (refused.status_code, refused.json()["error"]["code"]) == (415, "MATERIAL_TYPE_MISMATCH")
    no_file, no_file_type = _multipart([("note", None, None, b"only text")])
    missing = await client.post(f"/api/v1/applications/{app_id}/materials/1", content=no_file,
                                headers={**resident.headers, "content-type": no_file_type})
    assert (missing.status_code, missing.json()["error"]["code"]) == (422, "MULTIPART_NO_FILE")
    broken = await client.post(f"/api/v1/applications/{app_id}/materials/1", content=b"--x\r\nnonsense",
                               headers={**resident.headers, "content-type": "multipart/form-data"})
    assert (broken.status_code, broken.json()["error"]["code"]) == (400, "MULTIPART_INVALID")
    # A boundary past the parser's 256 bytes (RFC 2046 allows 70) is refused when the parser is made.
    long, long_type = _multipart([("file", "a.pdf", "application/pdf", PDF)], boundary="b" * 300)
    too_long = await client.post(f"/api/v1/applications/{app_id}/materials/1", content=long,
                                 headers={**resident.headers, "content-type": long_type})
    assert (too_long.status_code, too_long.json()["error"]["code"]) == (400, "MULTIPART_INVALID")
    assert stored_files(rt) == before


async def _raw_upload(app, who, path: str, content_type: str, body: bytes, *,
                      content_length: int | None = None) -> tuple[int, dict]:
    """POST over a plain socket. With ``content_length`` above the body's length the client
    stops sending and closes its side, as a dropped upload does, and no answer is expected."""
    host, port = app.ctx.base_url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    head = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: {who.headers['authorization']}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {content_length if content_length is not None else len(body)}\r\n"
            "Connection: close\r\n\r\n")
    writer.write(head.encode() + body)
    await writer.drain()
    if content_length is not None:
        writer.write_eof()
    response = await reader.read()
    writer.close()
    if not response:
        return 0, {}
    status_line, _, rest = response.partition(b"\r\n")
    payload = rest.partition(b"\r\n\r\n")[2]
    return int(status_line.split()[1]), json.loads(payload) if payload else {}


async def test_a_truncated_multipart_upload_is_refused_and_nothing_is_stored(app, client, rt, review_desk,
                                                                              resident):
    app_id = (await create(client, resident, review_desk.item.id))["id"]
    path = f"/api/v1/applications/{app_id}/materials/0"
    whole, content_type = _multipart([("file", "营业执照.pdf", "application/pdf", PDF)])
    before = stored_files(rt)

    # The closing boundary never came (the client stopped after the file's bytes).
    without_end = whole[:whole.rindex(b"\r\n--")]
    status, body = await _raw_upload(app, resident, path, content_type, without_end)
    assert (status, body["error"]["code"]) == (400, "MULTIPART_TRUNCATED")
    assert body["error"]["details"] == {"reason": "no_closing_boundary"}

    # The part states its length (RFC 7578 allows it) and carries fewer bytes.
    boundary = content_type.partition("boundary=")[2]
    short = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
             f"Content-Type: application/pdf\r\nContent-Length: {len(PDF) + 100}\r\n\r\n").encode() + PDF + (
        f"\r\n--{boundary}--\r\n").encode()
    status, body = await _raw_upload(app, resident, path, content_type, short)
    assert (status, body["error"]["code"]) == (400, "MULTIPART_TRUNCATED")
    assert body["error"]["details"]["reason"] == "part_length"

    # The connection closed before the declared Content-Length: nothing is kept.
    status, _ = await _raw_upload(app, resident, path, content_type, whole[: len(whole) // 2],
                                  content_length=len(whole))
    assert status in (0, 400)

    application = await client.get(f"/api/v1/applications/{app_id}", headers=resident.headers)
    assert [m for m in application.json()["materials"] if m.get("sha256")] == []
    assert stored_files(rt) == before
    # The same file sent whole is accepted.
    accepted = await client.post(path, content=whole, headers={**resident.headers, "content-type": content_type})
    assert accepted.status_code == 200, accepted.text
