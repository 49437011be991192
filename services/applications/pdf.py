"""The one layout every government document is printed with, as an archivable PDF.

The text is set in a CJK font that ships with the service (``fonts/``, SIL OFL) and is embedded
in each PDF as a subset of the glyphs it uses, so a machine without Chinese fonts shows it and
archives keep it. The finished file declares PDF/A-2b (XMP identification, an sRGB output
intent); docs/documents.md says which of its rules the tests check. Rendering is deterministic:
the same content and date give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import qrcode
from PIL import ImageCms
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from app.ids import to_local

FONT = "HDTDocumentKai"
FONT_FILE = Path(__file__).with_name("fonts") / "HDTDocumentKai-Regular.ttf"
pdfmetrics.registerFont(TTFont(FONT, FONT_FILE))

_WIDTH, _HEIGHT = A4
_LEFT, _RIGHT = 25 * mm, _WIDTH - 25 * mm
_QR_SIZE = 30 * mm
_FOOT = 80 * mm  # the band at the bottom of the last page: QR code, seal area, date
_BODY_SIZE, _LEADING = 12, 7.5 * mm
_NO_LINE_START = set("，。、；：？！）》」』”’")  # closing punctuation stays at the end of a line


def _srgb_profile() -> bytes:
    """An sRGB ICC profile for the output intent, made by LittleCMS with its creation date and
    profile id zeroed so that the documents stay byte-for-byte reproducible."""
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    profile[24:36] = bytes(12)
    profile[84:100] = bytes(16)
    return bytes(profile)


_SRGB = _srgb_profile()


@dataclass(frozen=True)
class Layout:
    """What a document prints, top to bottom: title, number, addressee, labelled fields, body
    paragraphs, then the issuer's seal area with the date and the verification QR code."""

    title: str
    number: str
    issuer: str
    issued_at: datetime
    qr_payload: str = ""
    addressee: str | None = None
    fields: Sequence[tuple[str, str]] = ()
    paragraphs: Sequence[str] = ()
    footnote: str = "扫描左侧二维码核验本文书真伪"


def content_sha256(layout: Layout) -> str:
    """SHA-256 of what the document states (everything but its QR code, which carries this hash):
    canonical JSON, keys sorted, compact UTF-8."""
    content = {"title": layout.title, "number": layout.number, "issuer": layout.issuer,
               "issued_at": layout.issued_at.astimezone(UTC).isoformat(), "addressee": layout.addressee,
               "fields": [list(pair) for pair in layout.fields], "paragraphs": list(layout.paragraphs)}
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True,
                                     separators=(",", ":")).encode()).hexdigest()


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (CJK text breaks between any two
    characters; explicit newlines are kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for char in paragraph:
            if current and char not in _NO_LINE_START and pdfmetrics.stringWidth(current + char, FONT, size) > width:
                lines.append(current)
                current = char
            else:
                current += char
        lines.append(current)
    return lines


class _Writer:
    """A cursor down the page that starts a new page when the body would reach the foot band."""

    def __init__(self, page: canvas.Canvas) -> None:
        self.page = page
        self.y = _HEIGHT - 30 * mm

    def line(self, text: str, *, x: float = _LEFT, size: float = _BODY_SIZE) -> None:
        if self.y < _FOOT:
            self.page.showPage()
            self.y = _HEIGHT - 25 * mm
        self.page.setFont(FONT, size)
        self.page.drawString(x, self.y, text)
        self.y -= _LEADING

    def block(self, text: str, *, indent: float = 0) -> None:
        for number, line in enumerate(wrap(text, _RIGHT - _LEFT - indent, _BODY_SIZE)):
            self.line(line, x=_LEFT + (indent if number else 0))


def _qr(page: canvas.Canvas, payload: str, *, x: float, y: float) -> None:
    """The QR code drawn as filled squares (ReportLab's QR widget sets an unembedded font)."""
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    matrix = code.get_matrix()
    cell = _QR_SIZE / len(matrix)
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            if dark:
                page.rect(x + column * cell, y + _QR_SIZE - (row + 1) * cell, cell, cell, stroke=0, fill=1)


def _seal_and_qr(page: canvas.Canvas, layout: Layout) -> None:
    """The foot of the last page: a dashed circle where the seal goes, the issuer and date
    under it on the right; the QR code on the left."""
    centre_x, centre_y, radius = _RIGHT - 30 * mm, 52 * mm, 20 * mm
    page.setDash(3, 2)
    page.circle(centre_x, centre_y, radius)
    page.setDash()
    page.setFont(FONT, 9)
    page.drawCentredString(centre_x, centre_y - 1.5 * mm, "（印章）")
    page.setFont(FONT, _BODY_SIZE)
    page.drawCentredString(centre_x, centre_y - radius - 7 * mm, layout.issuer)
    page.drawCentredString(centre_x, centre_y - radius - 14 * mm, f"{to_local(layout.issued_at):%Y年%m月%d日}")
    _qr(page, layout.qr_payload, x=_LEFT, y=30 * mm)
    page.setFont(FONT, 9)
    page.drawString(_LEFT, 24 * mm, layout.footnote)


def _pages(layout: Layout) -> bytes:
    buffer = io.BytesIO()
    # The initial font is ours: the default (Helvetica) would be listed unembedded.
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1, initialFontName=FONT)
    writer = _Writer(page)
    page.setFont(FONT, 20)
    page.drawCentredString(_WIDTH / 2, writer.y, layout.title)
    writer.y -= 10 * mm
    page.setFont(FONT, _BODY_SIZE)
    page.drawCentredString(_WIDTH / 2, writer.y, layout.number)
    writer.y -= 14 * mm
    if layout.addressee:
        writer.line(f"{layout.addressee}：")
    for label, value in layout.fields:
        writer.block(f"{label}：{value}", indent=pdfmetrics.stringWidth(f"{label}：", FONT, _BODY_SIZE))
    for paragraph in layout.paragraphs:
        writer.y -= 2 * mm
        writer.block(f"　　{paragraph}")
    if writer.y < _FOOT + 10 * mm:
        page.showPage()
    _seal_and_qr(page, layout)
    page.showPage()
    page.save()
    return buffer.getvalue()


def _pdf_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def render(layout: Layout) -> bytes:
    """The document as PDF/A-2b bytes."""
    with pikepdf.open(io.BytesIO(_pages(layout))) as pdf:
        # Document information and XMP must agree (PDF/A): both say exactly these.
        pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(
            Title=layout.title, Producer="海淀通", CreationDate=_pdf_date(layout.issued_at),
            ModDate=_pdf_date(layout.issued_at)))
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(pdf.docinfo)
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
        pdf.Root.OutputIntents = pikepdf.Array([pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier="sRGB IEC61966-2.1", Info="sRGB IEC61966-2.1",
            DestOutputProfile=pdf.make_stream(_SRGB, N=3))])
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return out.getvalue()
