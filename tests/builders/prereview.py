"""Builders of the prereview tests (their fixtures are in tests/prereview/conftest.py)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from models.catalog import ServiceItem
from models.organization import Department
from tests.builders import (
    LoggedIn,
    login_staff,
    make_staff,
)

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + b"0" * 2048 + b"\n%%EOF\n"


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64


def zip_of(entries: dict[str, str]) -> bytes:
    """A ZIP archive of these entries (name -> text), deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return buffer.getvalue()


# An OFD (GB/T 33190) as its producers write one: the root OFD.xml naming its one document.
OFD = zip_of({
    "OFD.xml": '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" '
               'Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>licence</ofd:DocID>'
               '</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
    "Doc_0/Document.xml": '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd='
                          '"http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID>'
                          '</ofd:CommonData></ofd:Document>'})


# A form whose applicant name and ID number are bound to the identity (services/applications/applicant.py).
BOUND_TEMPLATE = {"fields": [
    {"name": "applicant_name", "label": "申请人姓名", "type": "string", "required": True,
     "applicant": "name"},
    {"name": "id_number", "label": "公民身份号码", "type": "id_number", "required": True,
     "applicant": "id_number"},
    {"name": "phone", "label": "手机号码", "type": "phone", "applicant": "phone"},
    {"name": "reason", "label": "迁移原因", "type": "string"},
]}


VALID_FORM = {"applicant_name": "张三", "id_number": "110108199003071238", "phone": "13800138000"}


@dataclass
class ReviewDesk:
    """A department with one pre-review item and a logged-in reviewer."""

    department: Department
    item: ServiceItem
    reviewer: LoggedIn


async def reviewer_of(rt, department: Department) -> LoggedIn:
    member = await make_staff(rt, roles=[f"reviewer:{department.code}"])
    return await login_staff(rt, member)




async def create(client, who: LoggedIn, item_id, form: dict | None = None) -> dict:
    response = await client.post("/api/v1/applications", headers=who.headers,
                                 json={"item_id": str(item_id), "form_data": form or VALID_FORM})
    assert response.status_code == 201, response.text
    return response.json()


async def upload(client, who: LoggedIn, application_id: str, index: int, content: bytes = PDF,
                 *, filename: str = "scan.pdf", content_type: str = "application/pdf"):
    return await client.put(f"/api/v1/applications/{application_id}/materials/{index}",
                            params={"filename": filename}, content=content,
                            headers={**who.headers, "content-type": content_type})


async def ready_to_submit(client, who: LoggedIn, item_id) -> dict:
    """A draft with valid form data and both required materials uploaded."""
    application = await create(client, who, item_id)
    for index in (0, 1):
        response = await upload(client, who, application["id"], index)
        assert response.status_code == 200, response.text
    return application


async def submitted(client, who: LoggedIn, item_id) -> dict:
    application = await ready_to_submit(client, who, item_id)
    response = await client.post(f"/api/v1/applications/{application['id']}/submit", headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def review(client, desk: ReviewDesk, application_id: str, action: str, json: dict | None = None,
                 reviewer: LoggedIn | None = None):
    who = reviewer or desk.reviewer
    return await client.post(f"/api/v1/review/applications/{application_id}/{action}",
                             headers=who.headers, json=json if json is not None else {})


def stored_files(rt) -> list:
    """Every file in material storage, temporary ones included."""
    return sorted(p for p in rt.settings.storage_dir.rglob("*") if p.is_file())
