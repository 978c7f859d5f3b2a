"""Drawing pieces every PDF document shares: fitted text, page numbers, styles, the page frame.

Barcodes are in `reports.pdf_barcodes`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
)

from reports.font_embedding import EmbeddedTTFont
from reports.fonts import cjk_font
from reports.pdf_barcodes import draw_code128
from reports.pdf_flowables import TextBlock, TextTable
from reports.pdf_text import wrap
from reports.wording import say

# Page streams stay binary (zlib only): ASCII85 on top makes them a quarter larger and costs a
# tenth of a label's time in reportlab's pure-Python encoder; every PDF reader takes binary.
rl_config.useA85 = 0

PageSize = tuple[float, float]
PAGE_SIZES: dict[str, PageSize] = {"a4": A4, "letter": LETTER, "label": (100 * mm, 150 * mm),
                                   "4x6": (4 * 72.0, 6 * 72.0), "a5": (148 * mm, 210 * mm)}

ELLIPSIS = "…"
PAGE_MARGIN = 15 * mm  # left and right of a flowing document's pages
CELL_SIZE, CELL_LEADING, CELL_PADDING = 7.5, 9.0, 3.0  # table text: points


def page_size_of(size: PageSize | str) -> PageSize:
    """A page size given as points or as a name ('A4', 'Letter', 'label', '4x6', 'A5')."""
    if isinstance(size, str):
        try:
            return PAGE_SIZES[size.lower()]
        except KeyError:
            raise ValueError(f"unknown page size {size!r}; use one of {sorted(PAGE_SIZES)}") from None
    return (float(size[0]), float(size[1]))


def finish(pdf: bytes, out: str | Path | None) -> bytes:
    """Write the document to `out` when given, and return its bytes either way."""
    if out is not None:
        Path(out).write_bytes(pdf)
    return pdf


# --- text -----------------------------------------------------------------------------------

def fit_lines(paragraphs: Sequence[str], width: float, height: float, max_size: float,
              min_size: float = 5.0, leading: float = 1.18) -> tuple[float, list[str]]:
    """The largest font size at which the paragraphs, wrapped, fit the box; and the lines.

    If even `min_size` does not fit, the lines are cut and the last one ends with an ellipsis:
    a label must never print over its neighbour block.
    """
    size = max_size
    while True:
        lines = [line for p in paragraphs if p.strip() for line in wrap(p, size, width)]
        if len(lines) * size * leading <= height or size <= min_size:
            break
        size = max(min_size, size - 0.5)
    room = max(1, int(height // (size * leading)))
    if len(lines) > room:
        last = lines[room - 1]
        font = cjk_font()
        while last and pdfmetrics.stringWidth(last + ELLIPSIS, font, size) > width:
            last = last[:-1]
        lines = lines[: room - 1] + [last + ELLIPSIS]
    return size, lines


def draw_lines(canvas: Canvas, x: float, top: float, lines: Sequence[str], size: float,
               leading: float = 1.18) -> float:
    """Draw lines downwards from `top` (the top of the first line); return the y below them."""
    canvas.setFont(cjk_font(), size)
    y = top
    for line in lines:
        y -= size * leading
        canvas.drawString(x, y + size * (leading - 1.0) + size * 0.12, line)
    return y


def draw_fitted(canvas: Canvas, x: float, top: float, width: float, height: float,
                paragraphs: Sequence[str], max_size: float, min_size: float = 5.0) -> float:
    """Wrap, shrink and draw paragraphs inside a box; return the size used."""
    size, lines = fit_lines(paragraphs, width, height, max_size, min_size)
    draw_lines(canvas, x, top, lines, size)
    return size


# --- flowing documents ----------------------------------------------------------------------

def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in the bundled font (Chinese, English and mixed text)."""
    font = cjk_font()
    base = ParagraphStyle("body", fontName=font, fontSize=9, leading=11.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9),
        "h1": ParagraphStyle("h1", parent=base, fontSize=15, leading=19, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11.5, leading=15, spaceBefore=8,
                             spaceAfter=3),
        "h3": ParagraphStyle("h3", parent=base, fontSize=9.5, leading=12.5, spaceBefore=5,
                             spaceAfter=2),
    }


def para(text: str, style: ParagraphStyle) -> TextBlock:
    """A block of plain text in `style`: newlines kept, nothing read as markup."""
    return TextBlock(text, style)


class NumberedCanvas(Canvas):
    """A canvas that knows the page count when it saves, to print "page n of m" on every page.

    Pages are kept as canvas states until `save`, then each gets its footer; this costs one pass,
    unlike `multiBuild`, which lays the whole document out twice.
    """

    footer_text: Callable[[int, int], str] = staticmethod(  # type: ignore[assignment]
        lambda n, m: say("doc.page", "en", n=n, m=m))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("invariant", 1)  # same input, same bytes: no timestamps or random ids
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            width = self._pagesize[0]
            self.setFont(cjk_font(), 7.5)
            self.drawRightString(width - PAGE_MARGIN, 8 * mm, self.footer_text(self._pageNumber, total))
            super().showPage()
        super().save()


def build_document(story: list[Any], *, page_size: PageSize | str, title: str, center_name: str,
                   center_lines: Sequence[str] = (), barcode: str = "", language: str = "en",
                   wording: str = "") -> bytes:
    """Lay out a flowing document with a header on every page and "page n of m" footers.

    Args:
        story: The flowables.
        page_size: Points or a name ('A4', 'Letter').
        title: Document title, printed in the header and stored as PDF metadata.
        center_name: The repair center, top left of every page.
        center_lines: Its address and phone, under the name.
        barcode: A value printed as Code 128 top right of every page (the work order), or ''.
        language: The document's language, for "page n of m".
        wording: The document's fixed text in its language (headings, table headers): it
            gets a font subset of its own, the same in every such document, so kept and not
            built again (`EmbeddedTTFont.reserve`).
    """
    size = page_size_of(page_size)
    width, height = size
    margin = PAGE_MARGIN
    header_h = 24 * mm
    font = cjk_font()

    def header(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        top = height - 10 * mm
        canvas.setFont(font, 11)
        canvas.drawString(margin, top - 11, center_name)
        canvas.setFont(font, 7)
        y = top - 20
        for line in list(center_lines)[:3]:
            canvas.drawString(margin, y, line)
            y -= 8.5
        canvas.setFont(font, 13)
        canvas.drawString(margin, top - header_h + 6 * mm, title)
        if barcode:
            draw_code128(canvas, barcode, width - margin - 70 * mm, top - 16 * mm, 70 * mm,
                         11 * mm, caption_size=8, max_dots=2)
        canvas.setLineWidth(0.6)
        canvas.line(margin, height - 10 * mm - header_h, width - margin, height - 10 * mm - header_h)
        canvas.restoreState()

    buf = BytesIO()
    doc = BaseDocTemplate(buf, pagesize=size, leftMargin=margin, rightMargin=margin,
                          topMargin=10 * mm + header_h + 3 * mm, bottomMargin=16 * mm,
                          title=title, author=center_name, creator="RepairBench")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=header)])
    fixed = "".join((title, center_name, *center_lines, wording))

    def canvas_with_wording(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, **kwargs)
        canvas.footer_text = lambda n, m: say("doc.page", language, n=n, m=m)  # type: ignore[method-assign]
        embedded = pdfmetrics.getFont(font)
        if isinstance(embedded, EmbeddedTTFont):
            embedded.reserve(canvas._doc, fixed)
        return canvas

    doc.build(story, canvasmaker=canvas_with_wording)
    return buf.getvalue()


def body_width(page_size: PageSize | str) -> float:
    """Width of the text column of a flowing document (`build_document`) on this page size."""
    return page_size_of(page_size)[0] - 2 * PAGE_MARGIN


def text_table(rows: Sequence[Sequence[str]], fractions: Sequence[float], width: float,
               header_rows: int = 1,
               sizes: Sequence[tuple[float, float]] | None = None) -> TextTable:
    """A table of plain text, each cell wrapped here to its column, header rows repeated.

    Not reportlab's `Table`: its style lookups and one text object per cell line were a third
    of a repair report's time (see `reports.pdf_flowables`). Thin grey grid, shaded header
    row(s), the bundled font: the house look of every table.

    Args:
        rows: The cells' text, row by row; newlines are kept.
        fractions: Each column's share of `width`.
        width: The table's width in points.
        header_rows: How many leading rows are headers (shaded, repeated on every page).
        sizes: Each row's (font size, leading); the table text size when not given.
    """
    widths = [width * f for f in fractions]
    sizes = list(sizes) if sizes is not None else [(CELL_SIZE, CELL_LEADING)] * len(rows)
    cells = [[tuple(cell_lines(text, w - 2 * CELL_PADDING, size))
              for text, w in zip(row, widths, strict=True)]
             for row, (size, _) in zip(rows, sizes, strict=True)]
    return TextTable(cells, widths, header_rows=header_rows, sizes=sizes, padding=CELL_PADDING)


def cell_lines(text: str, width: float, size: float = CELL_SIZE) -> list[str]:
    """`text` broken into lines that fit `width` points at `size` (the table text size)."""
    return [line for paragraph in text.split("\n") for line in wrap(paragraph, size, width)]


def cell_text(text: str, width: float) -> str:
    """`text` broken into lines that fit `width` points at the table text size, one string."""
    return "\n".join(cell_lines(text, width))
