"""Looking inside rendered PDFs: text, fonts, and every barcode on every page."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from io import BytesIO
from pathlib import Path

import pypdf
import zxingcpp
from PIL import Image

RASTER_DPI = 203  # the label printer's resolution: what decodes here decodes from the printer


def squash(text: str) -> str:
    """Text without whitespace, to compare wrapped lines with the original."""
    return "".join(text.split())


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages]


def all_text(pdf: bytes) -> str:
    return squash("".join(page_texts(pdf)))


def embedded_fonts(pdf: bytes) -> dict[str, int]:
    """BaseFont name -> length of its embedded font program, for every font that embeds one."""
    found: dict[str, int] = {}
    for page in pypdf.PdfReader(BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:
                continue
            for key in ("/FontFile2", "/FontFile", "/FontFile3"):
                stream = descriptor.get_object().get(key)
                if stream is not None:
                    found[str(font["/BaseFont"])] = len(stream.get_object().get_data())
    return found


def rasterise(pdf: bytes, directory: Path, dpi: int = RASTER_DPI) -> list[Image.Image]:
    """Render every page with poppler's pdftoppm at the printer's resolution."""
    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) is required"
    source = directory / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(directory / "page")],
                   check=True)
    return [Image.open(p).convert("L") for p in sorted(directory.glob("page-*.png"))]


def decode(image: Image.Image) -> Counter[tuple[str, str]]:
    """Every code zxing-cpp finds on a page, as (format name, text)."""
    return Counter((r.format.name, r.text) for r in zxingcpp.read_barcodes(image))


def decoded_pages(pdf: bytes, directory: Path) -> list[Counter[tuple[str, str]]]:
    return [decode(image) for image in rasterise(pdf, directory)]
