"""The documents as a person or an archive sees them: Chinese text drawn from the embedded font
on a machine with no CJK font, extractable as text, PDF/A-2b basics in place."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from models.users import User
from tests.builders import resident_session
from tests.builders.onewindow import OneWindow, accepted, checked_in_visit, desk_post
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
    assert "准予许可决定书" in text_of(notice.content, tmp_path)
    assert certificate["number"] in text_of(wallet_copy.content, tmp_path)
    assert pdfa_problems(notice.content) == [] and pdfa_problems(wallet_copy.content) == []
