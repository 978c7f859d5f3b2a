"""Wrapping and shrinking text so that no block can overflow its box."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics

from reports.fonts import FONT_NAME, cjk_font
from reports.pdf_common import fit_lines, wrap
from tests.reports.samples import LONG_ADDRESS


def test_font_registers_once_and_is_a_subset_capable_ttf() -> None:
    assert cjk_font() == cjk_font() == FONT_NAME
    font = pdfmetrics.getFont(FONT_NAME)
    assert font.face.name.startswith(b"WenQuanYi") or "WenQuanYi" in str(font.face.name)


def test_long_chinese_address_wraps_inside_the_width() -> None:
    lines = wrap(LONG_ADDRESS, 10, 200)
    assert len(LONG_ADDRESS) == 200 and len(lines) > 3
    assert all(pdfmetrics.stringWidth(line, cjk_font(), 10) <= 200 for line in lines)
    assert "".join("".join(lines).split()) == "".join(LONG_ADDRESS.split())


def test_fit_shrinks_then_cuts_with_an_ellipsis() -> None:
    size, lines = fit_lines([LONG_ADDRESS], 250, 60, max_size=14, min_size=5)
    assert size < 14 and len(lines) * size * 1.18 <= 60
    size, lines = fit_lines([LONG_ADDRESS * 5], 100, 20, max_size=14, min_size=5)
    assert size == 5 and lines[-1].endswith("…") and len(lines) * 5 * 1.18 <= 20


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("深圳市南山区 abcXYZ-12,#"), max_size=300),
       st.floats(min_value=20, max_value=300), st.floats(min_value=5, max_value=120))
def test_fitted_text_never_exceeds_its_box(text: str, width: float, height: float) -> None:
    size, lines = fit_lines([text], width, height, max_size=14, min_size=4)
    assert all(pdfmetrics.stringWidth(line, cjk_font(), size) <= width + 1e-6 for line in lines)
    assert len(lines) <= max(1, int(height // (size * 1.18)))
