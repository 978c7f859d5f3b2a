"""Text in the bundled font for PDFs: line breaking by its glyph widths, and text operators.

Shared by the fitted boxes of labels and slips (`reports.pdf_common`) and the plain-text
flowables of the flowing documents (`reports.pdf_flowables`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics

from reports.fonts import cjk_font
from reports.text_wrap import Token, wrap_measured

# One breakable token: a whitespace run, a single CJK/full-width character, or a run of other text.
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_TOKEN = re.compile(rf"\s+|[{_CJK}]|[^\s{_CJK}]+")


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break `text` into lines no wider than `width` points at `size`.

    Breaks at spaces and between CJK characters; a word wider than the line is cut where it must
    be, so nothing can overflow (a long address has no spaces in Chinese).
    """
    # 0.001 * size turns font units into points, as reportlab's stringWidth does.
    return wrap_measured(_measured_tokens(text), 0.001 * size, width, _char_widths)


@lru_cache(maxsize=2048)
def _measured_tokens(text: str) -> tuple[Token, ...]:
    """(token, width in font units, is whitespace) for each breakable token of `text`."""
    return tuple((token, sum(_char_widths(token)), token.isspace())
                 for token in _TOKEN.findall(text.replace("\n", " ")))


def _char_widths(text: str) -> list[float]:
    face = pdfmetrics.getFont(cjk_font()).face
    get, default = face.charWidths.get, face.defaultWidth
    return [get(ord(ch), default) for ch in text]


def ascent(size: float) -> float:
    """How far the bundled font's tallest glyphs rise above the baseline at `size`, in points."""
    return size * pdfmetrics.getFont(cjk_font()).face.ascent / 1000.0


def text_operators(canvas: Any, lines: Sequence[tuple[float, float, str]], size: float) -> str:
    """One black PDF text object (BT..ET) drawing each (x, y, text) in the bundled font.

    The font's subsets for the canvas's document grow exactly as reportlab's own `drawString`
    grows them, so the subset embedded when the document is saved has these characters too.
    Wrap the result in q..Q: the font it sets outlives ET.
    """
    font = pdfmetrics.getFont(cjk_font())
    doc = canvas._doc
    # A text's codes never change within a document (its subsets only grow), and a report
    # repeats many cells ("pass", a unit, the same limits): each text is encoded once.
    encoded: dict[str, list[tuple[int, str]]] = canvas.__dict__.setdefault("_encoded_texts", {})
    size_op = f" {fp_str(size)} Tf"
    out = ["BT 0 g"]
    current = -1
    for x, y, text in lines:
        if not text:
            continue
        out.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        chunks = encoded.get(text)
        if chunks is None:
            chunks = encoded[text] = [(subset, f"({canvas._escape(chunk)}) Tj")
                                      for subset, chunk in font.splitString(text, doc)]
        for subset, shown in chunks:
            if subset != current:
                out.append(font.getSubsetInternalName(subset, doc) + size_op)
                current = subset
            out.append(shown)
    out.append("ET")
    return "\n".join(out)
