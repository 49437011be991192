"""The documents as a person or an archive sees them: Chinese text drawn from the embedded font
on a machine with no CJK font, extractable as text, PDF/A-2b basics in place."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from PIL import Image

from models.ledger import LedgerEntry
from models.users import User
from tests.builders import resident_session
from tests.builders.onewindow import (
    LEGAL_BASIS,
    OneWindow,
    accepted,
    checked_in_visit,
    desk_post,
    received_at_window,
)
from tests.builders.prereview import ReviewDesk, review, submitted
from tests.support.pdfs import difference, ink, pdfa_problems, render_band, text_of

DATA = Path(__file__).with_name("data")
TITLE_BAND = {"x": 230, "y": 62, "width": 136, "height": 30}  # points from the top left of page 1


async def _accepted(client, rt, window: OneWindow) -> tuple[object, dict]:
    resident = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    return resident, await accepted(client, window, visit.id)


async def test_the_receipt_is_drawn_and_read_in_chinese_without_any_font_installed(client, rt, window, tmp_path):
    resident, application = await _accepted(client, rt, window)
    receipt = await client.get(f"/api/v1/applications/{application['id']}/documents/acceptance-receipt",
                               headers=resident.headers)
    assert receipt.status_code == 200
    text = text_of(receipt.content, tmp_path)
    assert "受理回执" in text and "企业设立登记" in text and application["acceptance_number"] in text
    # The title's pixels match the stored rendering of 受理回执: glyphs, not empty boxes or blanks.
    title = render_band(receipt.content, tmp_path, **TITLE_BAND)
    reference = Image.open(DATA / "receipt-title.png").convert("L")
    assert ink(title) > ink(reference) // 2
    assert difference(title, reference) < 4
    assert pdfa_problems(receipt.content) == []


async def test_decision_and_certificate_embed_their_font_and_declare_pdfa(client, rt, window, tmp_path):
    resident, application = await _accepted(client, rt, window)
    path = f"applications/{application['id']}"
    for reviewer in (window.examiner, window.decider):
        assert (await desk_post(client, reviewer, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    assert (await desk_post(client, window.decider, f"{path}/certificate")).status_code == 200
    notice = await client.get(f"/api/v1/{path}/documents/decision-notice", headers=resident.headers)
    certificate = (await client.get("/api/v1/certificates", headers=resident.headers)).json()["items"][0]
    wallet_copy = await client.get(f"/api/v1/certificates/{certificate['id']}/document", headers=resident.headers)
    assert "准予行政许可决定书" in text_of(notice.content, tmp_path)
    assert certificate["number"] in text_of(wallet_copy.content, tmp_path)
    assert pdfa_problems(notice.content) == [] and pdfa_problems(wallet_copy.content) == []


def _flat(text: str) -> str:
    """pdftotext's text without line breaks and spaces (long lines wrap anywhere)."""
    return "".join(text.split())


async def _document(client, who, application_id: str, kind: str, tmp_path) -> str:
    response = await client.get(f"/api/v1/applications/{application_id}/documents/{kind}", headers=who.headers)
    assert response.status_code == 200, response.text
    assert pdfa_problems(response.content) == []
    return _flat(text_of(response.content, tmp_path))


def _names_issuer_and_seal(text: str, window: OneWindow) -> None:
    assert "张三" in text and "（印章）" in text and window.department.name in text


async def test_the_receipt_names_the_applicant_the_materials_received_and_the_promised_date(
        client, rt, window, tmp_path):
    resident, application = await _accepted(client, rt, window)
    text = await _document(client, resident, application["id"], "acceptance-receipt", tmp_path)
    _names_issuer_and_seal(text, window)
    assert application["acceptance_number"] in text and "承诺办结日期" in text
    due = application["due_date"].split("-")
    assert f"{due[0]}年{due[1]}月{due[2]}日" in text
    # The window checked the originals of materials 0 and 1 (tests.builders.onewindow).
    assert "1.居民身份证（原件已核验）" in text and "2.户口簿（原件已核验）" in text and "照片" not in text


async def test_a_refusal_to_accept_needs_a_reason_and_issues_its_notice_with_what_is_missing(
        client, rt, window, tmp_path):
    resident = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    application = await received_at_window(client, window, visit.id)
    path = f"applications/{application['id']}/not-accept"
    missing_reason = await desk_post(client, window.clerk, path, {"reason": " ", "missing_materials": [1]})
    assert missing_reason.status_code == 422 and missing_reason.json()["error"]["code"] == "REASON_REQUIRED"
    unknown = await desk_post(client, window.clerk, path, {"reason": "材料不齐", "missing_materials": [9]})
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "MATERIAL_NOT_IN_GUIDE"
    assert (await client.get(f"/api/v1/applications/{application['id']}/documents/non-acceptance-notice",
                             headers=resident.headers)).status_code == 404
    refused = await desk_post(client, window.clerk, path, {
        "reason": "申请材料不齐全", "missing_materials": [1], "missing_conditions": ["经营场所使用证明"]})
    assert refused.status_code == 200 and refused.json()["application"]["state"] == "not_accepted"
    text = await _document(client, resident, application["id"], "non-acceptance-notice", tmp_path)
    _names_issuer_and_seal(text, window)
    assert "不予受理通知书" in text and "理由：申请材料不齐全" in text
    assert "1.户口簿" in text and "2.经营场所使用证明" in text
    assert "六十日内向北京市海淀区人民政府申请行政复议" in text and "六个月内向北京市海淀区人民法院提起行政诉讼" in text


async def test_a_denial_needs_reasons_and_its_decision_states_them_with_the_basis_and_remedies(
        client, rt, window, tmp_path):
    resident, application = await _accepted(client, rt, window)
    path = f"applications/{application['id']}/approvals"
    bare = await desk_post(client, window.examiner, path, {"opinion": "deny"})
    assert bare.status_code == 422 and bare.json()["error"]["code"] == "REASON_REQUIRED"
    denied = await desk_post(client, window.examiner, path, {"opinion": "deny", "comment": "经营场所不符合规划用途"})
    assert denied.status_code == 200 and denied.json()["application"]["state"] == "denied"
    text = await _document(client, resident, application["id"], "decision-notice", tmp_path)
    _names_issuer_and_seal(text, window)
    assert "不予行政许可决定书" in text and application["acceptance_number"] in text
    assert "理由：经营场所不符合规划用途" in text and f"依据：{LEGAL_BASIS}" in text
    assert "六十日内向北京市海淀区人民政府申请行政复议" in text and "六个月内向北京市海淀区人民法院提起行政诉讼" in text
    staff_copy = await client.get(f"/api/v1/desk/applications/{application['id']}/documents/decision-notice",
                                  headers=window.examiner.headers)
    mine = await client.get(f"/api/v1/applications/{application['id']}/documents/decision-notice",
                            headers=resident.headers)
    assert staff_copy.content == mine.content  # served as issued, not re-rendered


async def test_an_approval_and_its_certificate_name_the_holder_number_and_validity(client, rt, window, tmp_path):
    resident, application = await _accepted(client, rt, window)
    path = f"applications/{application['id']}"
    for reviewer in (window.examiner, window.decider):
        assert (await desk_post(client, reviewer, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    text = await _document(client, resident, application["id"], "decision-notice", tmp_path)
    _names_issuer_and_seal(text, window)
    assert "准予行政许可决定书" in text and "颁发营业执照" in text
    assert (await desk_post(client, window.decider, f"{path}/certificate")).status_code == 200
    certificate = (await client.get("/api/v1/certificates", headers=resident.headers)).json()["items"][0]
    document = await client.get(f"/api/v1/certificates/{certificate['id']}/document", headers=resident.headers)
    printed = _flat(text_of(document.content, tmp_path))
    valid_until = certificate["valid_until"].split("-")
    assert "持证人：张三" in printed and f"证照编号：{certificate['number']}" in printed
    assert f"有效期至：{valid_until[0]}年{valid_until[1]}月{valid_until[2]}日" in printed


async def test_a_correction_notice_lists_everything_to_correct_at_once(client, rt, tmp_path):
    from tests.builders import make_department, make_prereview_item
    from tests.builders.prereview import reviewer_of

    department = await make_department()
    desk = ReviewDesk(department, await make_prereview_item(department=department),
                      await reviewer_of(rt, department))
    resident = await resident_session(rt)
    application = await submitted(client, resident, desk.item.id)
    assert (await review(client, desk, application["id"], "claim")).status_code == 200
    for remark in ({"message": "照片不清晰", "material_index": 0}, {"message": "缺少户主页", "material_index": 1},
                   {"message": "与身份证不一致", "field_name": "applicant_name"}):
        assert (await review(client, desk, application["id"], "comments", remark)).status_code == 201
    sent_back = await review(client, desk, application["id"], "request-correction", {"reason": "请一并补正"})
    assert sent_back.status_code == 200, sent_back.text
    text = await _document(client, resident, application["id"], "correction-notice", tmp_path)
    assert "补正材料告知书" in text and "一次告知需要补正的全部内容" in text and department.name in text
    assert ("1.居民身份证：照片不清晰" in text and "2.户口簿：缺少户主页" in text
            and "3.申请人姓名：与身份证不一致" in text and "4.请一并补正" in text)


async def _issued(client, resident, application_id: str, kind: str) -> dict:
    listed = await client.get(f"/api/v1/applications/{application_id}/documents", headers=resident.headers)
    assert listed.status_code == 200
    return next(d for d in listed.json()["items"] if d["kind"] == kind)


async def _upload(client, document_id: str, body: bytes, accept: str = "application/json",
                  content_type: str = "application/pdf"):
    return await client.post(f"/api/v1/documents/{document_id}/verification", content=body,
                             headers={"content-type": content_type, "accept": accept})


async def test_a_document_is_bound_to_its_bytes_and_a_one_byte_edit_fails_verification(client, rt, window):
    resident, application = await _accepted(client, rt, window)
    receipt = (await client.get(f"/api/v1/applications/{application['id']}/documents/acceptance-receipt",
                                headers=resident.headers)).content
    issued = await _issued(client, resident, application["id"], "acceptance-receipt")
    assert issued["sha256"] == hashlib.sha256(receipt).hexdigest()
    ledgered = await LedgerEntry.filter(record_type="document_issued").values_list("record_type", flat=True)
    assert ledgered

    original = await _upload(client, issued["id"], receipt)
    assert original.status_code == 200 and original.json()["valid"] and original.json()["file_matches"]
    assert original.json()["number"] == application["acceptance_number"]
    assert original.json()["status"] == "valid" and "张三" not in original.text  # nothing personal
    untyped = await _upload(client, issued["id"], receipt, content_type="application/octet-stream")
    assert untyped.status_code == 200 and untyped.json()["file_matches"]  # a file saved without its type

    edited = bytearray(receipt)
    edited[len(edited) // 2] ^= 0x01
    forged = await _upload(client, issued["id"], bytes(edited))
    assert forged.status_code == 200 and not forged.json()["valid"] and forged.json()["file_matches"] is False
    assert "已被修改" in forged.json()["message"]
    page = await _upload(client, issued["id"], bytes(edited), accept="text/html,application/xhtml+xml")
    assert page.headers["content-type"].startswith("text/html") and "核验未通过" in page.text

    by_hash = await client.get(f"/api/v1/documents/{issued['id']}/verification",
                               params={"sha256": issued["sha256"]}, headers={"accept": "text/html"})
    assert "核验通过" in by_hash.text and application["acceptance_number"] in by_hash.text
    wrong_qr = await client.get(f"/api/v1/documents/{issued['id']}/verification", params={"content": "0" * 64})
    assert not wrong_qr.json()["valid"] and wrong_qr.json()["content_matches"] is False
    unknown = await client.get(f"/api/v1/documents/{uuid.uuid4()}/verification")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "DOCUMENT_NOT_AVAILABLE"


async def test_a_revoked_certificate_and_its_approval_verify_as_revoked(client, rt, window):
    resident, application = await _accepted(client, rt, window)
    path = f"applications/{application['id']}"
    for reviewer in (window.examiner, window.decider):
        assert (await desk_post(client, reviewer, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    assert (await desk_post(client, window.decider, f"{path}/certificate")).status_code == 200
    certificate = (await client.get("/api/v1/certificates", headers=resident.headers)).json()["items"][0]
    printed = await _issued(client, resident, application["id"], "certificate")
    decision = await _issued(client, resident, application["id"], "decision-notice")
    assert printed["sha256"] == certificate["sha256"] and printed["number"] == certificate["number"]
    assert (await client.get(f"/api/v1/documents/{printed['id']}/verification")).json()["valid"]
    assert (await desk_post(client, window.decider, f"certificates/{certificate['id']}/revoke",
                            {"reason_code": "issued_in_error", "reason": "信息有误"})).status_code == 200
    for document in (printed, decision):
        check = (await client.get(f"/api/v1/documents/{document['id']}/verification")).json()
        assert check["status"] == "revoked" and not check["valid"] and "撤销" in check["message"]
