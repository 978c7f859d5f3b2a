"""Plain-text flowables for the flowing documents: a text block and a text table.

reportlab's `Paragraph` parses its text as markup and its `Table` formats every cell line as a
text object of its own, with a style lookup per cell; together they were two thirds of a repair
report's time. Every text of ours is plain (no markup), set in the one bundled font, so these
two wrap it with `reports.pdf_text.wrap` and write each table's text as a single PDF text
object and its grid as a single path. They look like what they replace: same font, sizes,
leading, padding, grid and shading.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from reports.pdf_text import ascent, text_operators, wrap

GRID_GREY = 0.5  # reportlab's colors.grey, as the grid was drawn before
HEADER_SHADE = 0.9

Cell = tuple[str, ...]  # a cell's lines, already wrapped to its column


class TextBlock(Flowable):
    """Plain text in a paragraph style (font size, leading, space before and after).

    Newlines are kept; lines break at spaces and between CJK characters, as `Paragraph` does.
    Splits between lines across pages.
    """

    def __init__(self, text: str, style: ParagraphStyle,
                 lines: Sequence[str] | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._lines: list[str] | None = list(lines) if lines is not None else None
        self._wrapped_at: float | None = None

    def _wrap_lines(self, width: float) -> list[str]:
        if self._lines is None or self._wrapped_at != width:
            size = self.style.fontSize
            self._lines = [line for paragraph in self.text.split("\n")
                           for line in (wrap(paragraph, size, width) or [""])]
            self._wrapped_at = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = len(self._wrap_lines(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        lines = self._wrap_lines(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit < 1 or fit >= len(lines):
            return [] if fit < 1 else [self]
        first = TextBlock("\n".join(lines[:fit]), self.style, lines[:fit])
        rest = TextBlock("\n".join(lines[fit:]), self.style, lines[fit:])
        for part in (first, rest):
            part._wrapped_at = availWidth
        rest.spaceBefore = 0  # the continuation starts the next frame flush
        first.spaceAfter = 0
        return [first, rest]

    def draw(self) -> None:
        style = self.style
        lines = self._lines or []
        y = self.height - ascent(style.fontSize)
        placed = []
        for line in lines:
            placed.append((0.0, y, line))
            y -= style.leading
        self.canv.addLiteral("q " + text_operators(self.canv, placed, style.fontSize) + " Q")


class TextTable(Flowable):
    """A table of plain text: thin grey grid, shaded header rows repeated on every page.

    Cells arrive wrapped to their column (see `reports.pdf_common.text_table`); each row has its
    own font size and leading. A row splits between lines when not even one whole row fits the
    rest of the page, so nothing is too large to print.
    """

    def __init__(self, rows: Sequence[Sequence[Cell]], col_widths: Sequence[float], *,
                 header_rows: int, sizes: Sequence[tuple[float, float]], padding: float,
                 v_padding: float = 2.0) -> None:
        """`sizes` is each row's (font size, leading) in points."""
        super().__init__()
        self.rows = [tuple(row) for row in rows]
        self.sizes = list(sizes)
        if len(self.sizes) != len(self.rows):
            raise ValueError("a text table needs one (size, leading) per row")
        self.col_widths = list(col_widths)
        self.header_rows = min(header_rows, len(self.rows))
        self.padding, self.v_padding = padding, v_padding
        # An empty cell still holds a line, as in reportlab's tables.
        self.row_heights = [max([1, *(len(cell) for cell in row)]) * leading + 2 * v_padding
                            for row, (_, leading) in zip(self.rows, self.sizes, strict=True)]

    def _with_rows(self, body: Sequence[Sequence[Cell]],
                   body_sizes: Sequence[tuple[float, float]]) -> TextTable:
        head = self.header_rows
        return TextTable([*self.rows[:head], *body], self.col_widths, header_rows=head,
                         sizes=[*self.sizes[:head], *body_sizes], padding=self.padding,
                         v_padding=self.v_padding)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = sum(self.col_widths), sum(self.row_heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        head = self.header_rows
        room = availHeight - sum(self.row_heights[:head])
        body, sizes = self.rows[head:], self.sizes[head:]
        fit, used = 0, 0.0
        for height in self.row_heights[head:]:
            if used + height > room:
                break
            used += height
            fit += 1
        if fit == len(body):
            return [self]
        if fit:
            return [self._with_rows(body[:fit], sizes[:fit]),
                    self._with_rows(body[fit:], sizes[fit:])]
        if not body:
            return []
        lines = int((room - 2 * self.v_padding) // sizes[0][1])
        if lines < 1:
            return []  # not even a line here: the frame moves on and the table starts anew
        row = body[0]
        return [self._with_rows([tuple(cell[:lines] for cell in row)], sizes[:1]),
                self._with_rows([tuple(cell[lines:] for cell in row), *body[1:]], sizes)]

    def draw(self) -> None:
        canvas = self.canv
        width, height = sum(self.col_widths), sum(self.row_heights)
        ops = ["q"]
        header_h = sum(self.row_heights[: self.header_rows])
        if header_h:
            shade = fp_str(height - header_h, width, header_h)
            ops.append(f"{fp_str(HEADER_SHADE)} g 0 {shade} re f")
        # The grid: one line under every row and beside every column, stroked as one path.
        ops.append(f"{fp_str(GRID_GREY)} G 0.4 w")
        y = height
        ops.append(f"0 {fp_str(y)} m {fp_str(width, y)} l")
        for row_h in self.row_heights:
            y -= row_h
            ops.append(f"0 {fp_str(y)} m {fp_str(width, y)} l")
        x = 0.0
        ops.append(f"0 0 m 0 {fp_str(height)} l")
        for col_w in self.col_widths:
            x += col_w
            ops.append(f"{fp_str(x)} 0 m {fp_str(x, height)} l")
        ops.append("S")
        top = height
        by_size: dict[float, list[tuple[float, float, str]]] = {}
        for row, row_h, (size, leading) in zip(self.rows, self.row_heights, self.sizes,
                                               strict=True):
            placed = by_size.setdefault(size, [])
            x = 0.0
            for cell, col_w in zip(row, self.col_widths, strict=True):
                y = top - self.v_padding - size
                for line in cell:
                    placed.append((x + self.padding, y, line))
                    y -= leading
                x += col_w
            top -= row_h
        ops += [text_operators(canvas, placed, size) for size, placed in by_size.items()]
        ops.append("Q")
        canvas.addLiteral("\n".join(ops))
