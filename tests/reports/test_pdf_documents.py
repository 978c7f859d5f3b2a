"""Repair report, quote and slips: text, font, page numbers, and every barcode on every page."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4, LETTER

from reports.pdf_quote import render_quote_pdf
from reports.pdf_report import render_report_pdf
from reports.pdf_slips import render_intake_slip_pdf, render_refusal_slip_pdf
from reports.wording import format_date, format_datetime, format_money, say
from tests.reports import samples
from tests.reports.pdftools import all_text, decoded_pages, embedded_fonts, page_texts, squash

WO = ("Code128", "RB-2025-000123")


def _assert_cjk_embedded(pdf: bytes) -> None:
    assert any("WenQuanYi" in name for name in embedded_fonts(pdf))


@pytest.mark.parametrize("lang", samples.LANGS)
def test_report_text_and_pages(lang: str, tmp_path: Path) -> None:
    report = samples.report(lang)
    out = tmp_path / "report.pdf"
    pdf = render_report_pdf(report, out=out)
    assert out.read_bytes() == pdf
    _assert_cjk_embedded(pdf)
    pages = page_texts(pdf)
    text = squash("".join(pages))
    for unit in report.units:
        assert squash(unit.serial) in text
        for finding in unit.findings:
            assert squash(finding.test) in text
    assert squash(report.units[0].warranty_explanation) in text
    assert squash(report.return_address.postal_lines()[0]) in text
    assert squash(format_money(report.charges_total, "CNY", report.language)) in text
    assert squash(say("doc.report.title", report.language)) in text and "王工" in text
    m = len(pages)
    for n, page in enumerate(pages, start=1):
        assert squash(say("doc.page", report.language, n=n, m=m)) in squash(page)
    if lang == "long":
        assert m > 10  # 50 units, one with 30 findings: many pages


@pytest.mark.parametrize("lang", samples.LANGS)
def test_report_barcode_on_every_page_decodes(lang: str, tmp_path: Path) -> None:
    pages = decoded_pages(render_report_pdf(samples.report(lang)), tmp_path)
    assert pages and all(page == Counter({WO: 1}) for page in pages)


def test_report_on_letter_paper(tmp_path: Path) -> None:
    pdf = render_report_pdf(samples.report("en"), page_size="Letter")
    box = pypdf.PdfReader(BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(map(round, LETTER))
    assert all(page == Counter({WO: 1}) for page in decoded_pages(pdf, tmp_path))
    assert tuple(map(round, A4)) != tuple(map(round, LETTER))


def test_report_without_findings_or_units() -> None:
    report = samples.report("en")
    bare = replace(report, units=(replace(report.units[0], findings=(), repairs=(), cause="",
                                          warranty_decision=""),), charges=())
    assert "Notestfindingsrecorded" in all_text(render_report_pdf(bare))
    assert "Nounits" in all_text(render_report_pdf(replace(report, units=())))


@pytest.mark.parametrize("lang", samples.LANGS)
def test_quote(lang: str, tmp_path: Path) -> None:
    quote = samples.quote(lang)
    pdf = render_quote_pdf(quote)
    _assert_cjk_embedded(pdf)
    text = all_text(pdf)
    for line in quote.lines:
        assert squash(line.description) in text
        assert squash(format_money(line.line_total, "CNY", quote.language)) in text
    for amount in (quote.subtotal, quote.tax, quote.total):
        assert squash(format_money(amount, "CNY", quote.language)) in text
    assert squash(format_date(quote.valid_until, quote.language)) in text and "(v2)" in text
    assert squash(say("doc.quote.signature", quote.language)) in text
    assert all(page == Counter({WO: 1}) for page in decoded_pages(pdf, tmp_path))


def test_quote_totals_are_exact() -> None:
    quote = samples.quote("en")
    # 2 x 99.90 less 10 % = 179.82; 3 x 99.90 = 299.70; 1 x 99.90 = 99.90. Tax 13 % rounded per
    # line, half up: 23.3766 -> 23.38, 38.961 -> 38.96, 12.987 -> 12.99.
    assert [line.line_total for line in quote.lines] == [
        Decimal("179.82"), Decimal("299.70"), Decimal("99.90")]
    assert quote.subtotal == Decimal("579.42")
    assert quote.tax == Decimal("75.33")
    assert quote.total == Decimal("654.75")


@pytest.mark.parametrize("lang", samples.LANGS)
def test_intake_slip(lang: str, tmp_path: Path) -> None:
    slip = samples.intake_slip(lang)
    pdf = render_intake_slip_pdf(slip)
    _assert_cjk_embedded(pdf)
    text = all_text(pdf)
    for unit in slip.units_received + slip.units_missing:
        assert unit.serial in text
    assert squash(format_datetime(slip.received_at, slip.language)) in text
    assert squash(slip.condition) in text
    missing = say("doc.intake.units_missing", slip.language, count=1, units="")
    assert squash(missing) in text
    assert decoded_pages(pdf, tmp_path) == [Counter({WO: 1})]


@pytest.mark.parametrize("lang", samples.LANGS)
def test_refusal_slip_says_why(lang: str, tmp_path: Path) -> None:
    slip = samples.refusal_slip(lang)
    pdf = render_refusal_slip_pdf(slip)
    _assert_cjk_embedded(pdf)
    text = all_text(pdf)
    for reason in slip.reasons:
        assert squash(reason) in text
    for scan in slip.scans:
        assert scan.raw in text
    assert squash(slip.sender.postal_lines()[0]) in text  # type: ignore[union-attr]
    assert squash(say("doc.refusal.title", slip.language)) in text
    pages = decoded_pages(pdf, tmp_path)
    assert all(page == Counter({("Code128", "ZT75123456789"): 1}) for page in pages)


def test_refusal_slip_with_unknown_sender() -> None:
    slip = replace(samples.refusal_slip("en"), sender=None, reasons=(), scans=())
    text = all_text(render_refusal_slip_pdf(slip))
    assert "Unknown" in text and "Noreasonwasrecorded" in text
