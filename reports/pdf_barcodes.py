"""Code 128 and QR codes drawn into PDFs, sized in whole dots of the label printer.

A thermal printer has whole dots (203 or 300 per inch), so bar widths are whole dots at 203 dpi
(which also land on whole dots at 300 dpi within a third of a dot), with the 10-module quiet zone
Code 128 requires and a 4-module border on QR codes.

Both are drawn as one filled path written in module units under a scaling transform: the numbers
are small integers, so the path is one string built at once, not a `rect` call per bar or per run
of dark modules, each formatting four floats (that was most of a label's drawing time).
"""

from __future__ import annotations

import itertools

from reportlab.pdfgen.canvas import Canvas

from reports.code128 import QUIET_MODULES, code128_bars
from reports.fonts import cjk_font
from reports.qr import qr_matrix

PRINTER_DPI = 203.2  # a "203 dpi" thermal head has 8 dots per mm
DOT = 72.0 / PRINTER_DPI  # one printer dot in points
QR_BORDER = 4  # QR quiet zone, in modules


def code128_bar_width(value: str, max_width: float, max_dots: int = 3) -> float:
    """The widest bar (module) width in whole printer dots at which the symbol, quiet zones
    included, fits `max_width` points.

    Falls back to thinner-than-a-dot bars only when even one dot per module does not fit; the
    caller chose a box too small for the value.
    """
    modules = code128_bars(value)[0] + 2 * QUIET_MODULES
    for dots in range(max_dots, 0, -1):
        if modules * dots * DOT <= max_width:
            return dots * DOT
    return max_width / modules


def draw_code128(canvas: Canvas, value: str, x: float, y: float, width: float, bar_height: float,
                 caption: bool = True, caption_size: float = 9.0, max_dots: int = 3) -> float:
    """Draw a Code 128 centred in `width` with its value printed beneath; return the total height."""
    modules, bars = code128_bars(value)
    bar = code128_bar_width(value, width, max_dots)
    text_h = caption_size * 1.25 if caption else 0.0
    left = x + (width - (modules + 2 * QUIET_MODULES) * bar) / 2 + QUIET_MODULES * bar
    _fill_modules(canvas, [f"{start} 0 {w} 1 re" for start, w in bars], bar, bar_height, left,
                  y + text_h)
    if caption:
        canvas.setFont(cjk_font(), caption_size)
        canvas.drawCentredString(x + width / 2, y + caption_size * 0.3, value)
    return bar_height + text_h


def draw_qr(canvas: Canvas, value: str, x: float, y: float, max_side: float,
            level: str = "M") -> float:
    """Draw a QR code (quiet zone included) with its bottom-left at (x, y); return its side.

    Modules are a whole number of printer dots when the box allows.
    """
    matrix = qr_matrix(value, level)
    total = len(matrix) + 2 * QR_BORDER
    dots = int(max_side / total / DOT)
    module = dots * DOT if dots >= 1 else max_side / total
    runs: list[str] = []
    for r, row in enumerate(matrix):
        bottom = total - QR_BORDER - r - 1
        c = QR_BORDER
        for dark, run in itertools.groupby(row):
            count = len(tuple(run))
            if dark:
                runs.append(f"{c} {bottom} {count} 1 re")
            c += count
    _fill_modules(canvas, runs, module, module, x, y)
    return module * total


def _fill_modules(canvas: Canvas, rects: list[str], sx: float, sy: float, x: float,
                  y: float) -> None:
    """Fill black the rectangles given in module units, one module being sx by sy points."""
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.transform(sx, 0, 0, sy, x, y)
    canvas.addLiteral("\n".join(rects) + "\nf")
    canvas.restoreState()
