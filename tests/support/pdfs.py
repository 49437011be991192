"""Looking at a PDF as a machine without Chinese fonts would, and checking its PDF/A-2b basics."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pikepdf
from PIL import Image, ImageChops, ImageStat

NO_FONTS_CONFIG = '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n'


def _no_cjk_fonts_env(tmp: Path) -> dict[str, str]:
    """An environment whose fontconfig knows no font at all, so poppler can only use what the
    PDF embeds (a missing font would be substituted by nothing and show empty boxes or blanks)."""
    config = tmp / "fonts.conf"
    config.write_text(NO_FONTS_CONFIG)
    return {"FONTCONFIG_FILE": str(config), "PATH": "/usr/bin:/bin", "HOME": str(tmp)}


def text_of(document: bytes, tmp: Path) -> str:
    """pdftotext's reading of the document."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=document, capture_output=True,
                          check=True, env=_no_cjk_fonts_env(tmp)).stdout.decode()


def render_band(document: bytes, tmp: Path, *, x: int, y: int, width: int, height: int) -> Image.Image:
    """One rectangle of the first page rendered by pdftoppm at 72 dpi in grey, in points from the top left."""
    png = subprocess.run(["pdftoppm", "-r", "72", "-gray", "-png", "-f", "1", "-l", "1", "-x", str(x), "-y", str(y),
                          "-W", str(width), "-H", str(height), "-"], input=document, capture_output=True,
                         check=True, env=_no_cjk_fonts_env(tmp)).stdout
    return Image.open(io.BytesIO(png)).convert("L")


def ink(image: Image.Image) -> int:
    """How many pixels are dark."""
    return sum(image.point(lambda value: 255 if value < 128 else 0).histogram()[255:])


def difference(image: Image.Image, reference: Image.Image) -> float:
    """Mean absolute difference of two same-sized grey images (0 identical … 255 inverted)."""
    return ImageStat.Stat(ImageChops.difference(image, reference)).mean[0]


def pdfa_problems(document: bytes) -> list[str]:
    """What this document breaks of the PDF/A-2b rules we check (see docs/documents.md): every
    font embedded, XMP metadata identifying PDF/A-2B and agreeing with the document information,
    an output intent with an ICC profile, a file identifier, no encryption, no JavaScript."""
    problems: list[str] = []
    with pikepdf.open(io.BytesIO(document)) as pdf:
        if pdf.is_encrypted:
            problems.append("encrypted")
        if "/ID" not in pdf.trailer:
            problems.append("no file identifier")
        for page in pdf.pages:
            for name, font in page.Resources.get("/Font", {}).items():
                descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
                if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    problems.append(f"font {name} ({font.BaseFont}) not embedded")
        meta = pdf.open_metadata()
        if (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) != ("2", "B"):
            problems.append("XMP does not identify PDF/A-2B")
        if meta.get("dc:title") != str(pdf.docinfo.get("/Title")):
            problems.append("XMP title differs from the document information")
        intents = pdf.Root.get("/OutputIntents", [])
        if not any(i.S == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents):
            problems.append("no PDF/A output intent with an ICC profile")
        if "/Names" in pdf.Root and "/JavaScript" in pdf.Root.Names:
            problems.append("JavaScript")
    return problems
