"""Text as `^GFA` bitmaps for printers without a CJK font, drawn from cached glyphs.

Rasterising a whole line with FreeType costs about 1 ms, and a label has eight or so such lines.
Here each glyph is rasterised once per height and kept as a black-and-white stamp; a line is then
a blank image with stamps pasted at their pen positions (about a tenth of the time), and whole
lines that repeat from label to label (the sender, headings) are kept ready as ZPL.

Glyph positions are rounded to whole dots, so a line may differ from FreeType's own layout by
half a dot per glyph: invisible at the 2-5 mm text heights of a label.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from reports.fonts import font_path_context

LINE_CACHE_SIZE = 512  # lines of ZPL kept; a line at 203 dpi is a few kilobytes of hex
_INK = 128  # grey level from which an anti-aliased pixel prints black


@lru_cache(maxsize=1)
def _font_bytes() -> bytes:
    with font_path_context() as path:
        return Path(path).read_bytes()


@lru_cache(maxsize=32)
def _pil_font(height: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(BytesIO(_font_bytes()), size=height, index=0)


class _Glyph:
    """One character at one height: its advance and its inked pixels as a 1-bit stamp."""

    __slots__ = ("advance", "stamp", "dx")

    def __init__(self, advance: float, stamp: Image.Image | None, dx: int) -> None:
        self.advance = advance
        self.stamp = stamp  # mode "1" image of the inked box, None for a blank glyph
        self.dx = dx  # left edge of the stamp relative to the pen position


@lru_cache(maxsize=8192)
def _glyph(ch: str, height: int) -> _Glyph:
    font = _pil_font(height)
    advance = font.getlength(ch)
    pad = height  # room for a glyph that reaches left of its pen position
    canvas = Image.new("L", (math.ceil(advance) + 2 * pad, line_rows(height)), 0)
    ImageDraw.Draw(canvas).text((pad, 0), ch, font=font, fill=255)
    inked = canvas.point(lambda v: 255 if v >= _INK else 0).convert("1", dither=Image.Dither.NONE)
    box = inked.getbbox()
    if box is None:
        return _Glyph(advance, None, 0)
    # The stamp keeps full rows so it pastes at y = 0 like the line it belongs to.
    stamp = inked.crop((box[0], 0, box[2], inked.height))
    return _Glyph(advance, stamp, box[0] - pad)


def line_rows(height: int) -> int:
    """Rows of the bitmap for text `height` dots tall (room for descenders)."""
    return math.ceil(height * 1.2)


def render_line(text: str, height: int) -> tuple[int, int, bytes]:
    """`text` drawn `height` dots tall: (width, rows, packed 1-bit rows with ink as 1)."""
    glyphs = [_glyph(ch, height) for ch in text]
    placed: list[tuple[int, Image.Image]] = []
    pen = 0.0
    right = 0
    for glyph in glyphs:
        if glyph.stamp is not None:
            x = max(0, round(pen) + glyph.dx)
            placed.append((x, glyph.stamp))
            right = max(right, x + glyph.stamp.width)
        pen += glyph.advance
    width = max(8, math.ceil(pen), right)
    image = Image.new("1", (width, line_rows(height)), 0)
    for x, stamp in placed:
        image.paste(1, (x, 0), stamp)  # the stamp is its own mask: blank pixels stay blank
    return width, image.height, image.tobytes()


def graphic_field(text: str, height: int) -> str:
    """`^GFA...^FS` for `text` drawn `height` dots tall with the bundled font."""
    key = (text, height)
    with _lock:
        cached = _lines.get(key)
        if cached is not None:
            _lines.move_to_end(key)
            return cached
    width, _, raw = render_line(text, height)
    row = math.ceil(width / 8)
    field = f"^GFA,{len(raw)},{len(raw)},{row},{raw.hex().upper()}^FS"
    with _lock:
        _lines[key] = field
        if len(_lines) > LINE_CACHE_SIZE:
            _lines.popitem(last=False)
    return field


_lock = threading.Lock()
_lines: OrderedDict[tuple[str, int], str] = OrderedDict()
