"""The plain-text tables and text blocks of flowing documents: nothing lost, none too large."""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO

import pypdf

from reports.data import FindingRow
from reports.pdf_report import render_report_pdf
from tests.reports import samples
from tests.reports.pdftools import all_text, page_texts, squash


def _one_unit_report(**finding: str) -> object:
    report = samples.report("mixed")
    unit = replace(report.units[0], findings=(FindingRow(**{"test": "风扇 Fan", "result": "fail",
                                                            **finding}),))
    return replace(report, units=(unit,), language="en")


def test_a_table_cell_longer_than_a_page_runs_over_pages_without_losing_text() -> None:
    # A technician pasted a whole log into a finding's notes: 400 numbered lines.
    log = "\n".join(f"日志 line {n:03d} 风扇转速过低 fan speed low" for n in range(400))
    pdf = render_report_pdf(_one_unit_report(notes=log))
    pages = page_texts(pdf)
    assert len(pages) > 3
    text = all_text(pdf)
    for n in (0, 137, 399):
        assert squash(f"日志 line {n:03d} 风扇转速过低 fan speed low") in text
    # Each continued page repeats the table's header row above the rest of the cell.
    continued = [page for page in pages[1:] if "line" in page]
    assert continued and all("Notes" in page for page in continued)


def test_a_paragraph_longer_than_a_page_runs_over_pages() -> None:
    report = samples.report("mixed")
    explanation = " ".join(f"第{n}条 clause {n} applies." for n in range(900))
    unit = replace(report.units[0], warranty_explanation=explanation)
    pdf = render_report_pdf(replace(report, units=(unit,)))
    text = all_text(pdf)
    assert squash("第0条 clause 0 applies.") in text and squash("第899条 clause 899 applies.") in text


def test_empty_and_markup_like_cells_print_as_typed() -> None:
    pdf = render_report_pdf(_one_unit_report(value="", unit="", limits="<b>&amp; (x)</b> \\ ^~",
                                             notes="\n\n"))
    assert squash("<b>&amp; (x)</b> \\ ^~") in all_text(pdf)


def test_fixed_wording_subset_is_shared_and_customer_text_still_embedded() -> None:
    first = samples.report("zh")
    second = replace(first, customer=replace(first.customer, name="欧阳娜娜"),
                     return_address=replace(first.return_address, name="欧阳娜娜"))
    pdfs = [render_report_pdf(report) for report in (first, second)]
    assert "欧阳娜娜" in "".join(page_texts(pdfs[1])) and "张三" in "".join(page_texts(pdfs[0]))
    first_programs, second_programs = (_programs(pdf) for pdf in pdfs)
    assert len(first_programs) >= 2  # the fixed wording's subset, then the customer's
    # The headings' subset is the same font program in both; the customer's differs.
    assert first_programs[0] == second_programs[0]
    assert first_programs[1:] != second_programs[1:]


def _programs(pdf: bytes) -> list[bytes]:
    """The embedded CJK font programs of the first page, by subset name (AAAAAA+, AAAAAB+, ...)."""
    page = pypdf.PdfReader(BytesIO(pdf)).pages[0]
    found = {}
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        name = str(font["/BaseFont"])
        if re.match(r"/?[A-Z]{6}\+WenQuanYi", name):
            found[name] = font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
    return [found[name] for name in sorted(found)]
