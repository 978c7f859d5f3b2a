"""The bundled CJK TrueType font, registered with reportlab once and on first use.

reportlab's built-in CJK fonts (`UnicodeCIDFont`) are not embedded, so Chinese shows blank on a
machine without CJK fonts; and reportlab cannot read CFF-based OpenType. WenQuanYi Micro Hei has
TrueType outlines, covers Latin and CJK, and reportlab embeds only the glyphs used (a subset).
Registering costs about 0.2 s (it reads the 5 MB file), so it happens lazily, once per process;
`reports.font_embedding` makes embedding the subset in each document cheap.
"""

from __future__ import annotations

import threading
from importlib.resources import as_file, files

from reportlab.pdfbase import pdfmetrics

from reports.font_embedding import EmbeddedTTFont

FONT_NAME = "RepairBenchCJK"
FONT_RESOURCE = ("resources", "fonts/wqy-microhei.ttc")

_lock = threading.Lock()
_registered = False


def font_path_context():  # type: ignore[no-untyped-def]
    """A context manager yielding a real file path of the bundled font (also for Pillow)."""
    package, name = FONT_RESOURCE
    return as_file(files(package).joinpath(name))


def cjk_font() -> str:
    """Register the bundled font if needed and return its reportlab name.

    Returns:
        The font name to pass to `setFont` or a `ParagraphStyle`.
    """
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if not _registered:
            with font_path_context() as path:
                # The font reads the whole file now, so the path may vanish after this block
                # (as_file extracts to a temporary file when the package is zipped).
                font = EmbeddedTTFont(FONT_NAME, str(path), subfontIndex=0)
            pdfmetrics.registerFont(font)
            # The face has no bold or italic; map them to itself so <b> in a Paragraph cannot fail.
            pdfmetrics.registerFontFamily(FONT_NAME, normal=FONT_NAME, bold=FONT_NAME,
                                          italic=FONT_NAME, boldItalic=FONT_NAME)
            _registered = True
    return FONT_NAME


def text_width(text: str, size: float) -> float:
    """Width of `text` in points in the bundled font at `size`."""
    return pdfmetrics.stringWidth(text, cjk_font(), size)
