"""The repair quote for the customer's signature (rule D1: repair starts only after agreement)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from reports.data import QuoteData
from reports.pdf_common import (
    PageSize,
    body_width,
    build_document,
    finish,
    para,
    styles,
    text_table,
)
from reports.wording import fixed_wording, format_date, format_money, say

LINE_COLUMNS = ("doc.quote.kind", "doc.col.description", "doc.col.qty", "doc.col.unit_price",
                "doc.quote.discount", "doc.quote.tax_rate", "doc.col.amount")
KINDS = ("part", "labour", "freight", "other")  # QuoteLine.kind, worded as "doc.quote.kind.<kind>"


def render_quote_pdf(quote: QuoteData, *, page_size: PageSize | str = A4,
                     out: str | Path | None = None) -> bytes:
    """Render a quote in the customer's language (`QuoteData.language`).

    Args:
        quote: Lines, totals, validity and version.
        page_size: A4 (default), Letter, or any (w, h) in points.
        out: Optional file to write the PDF to.

    Returns:
        The PDF bytes.
    """
    st = styles()
    lang, cur = quote.language, quote.currency
    width = body_width(page_size)
    story: list[Any] = [
        para(say("doc.quote.heading", lang, number=quote.work_order_number,
                 version=quote.version), st["h1"]),
        para(say("doc.customer_line", lang,
                 customer=" / ".join(quote.customer.all_lines()) or "-"), st["body"]),
    ]
    if quote.serial or quote.model:
        story.append(para(say("doc.quote.unit", lang, serial=quote.serial,
                              model=quote.model).rstrip(), st["body"]))
    story.append(Spacer(1, 3 * mm))

    rows = [tuple(say(key, lang) for key in LINE_COLUMNS)]
    for line in quote.lines:
        kind = say(f"doc.quote.kind.{line.kind}", lang) if line.kind in KINDS else line.kind
        rows.append((kind, line.description, f"{line.quantity:g}",
                     format_money(line.unit_price, cur, lang), f"{line.discount_percent:g}",
                     f"{line.tax_percent:g}", format_money(line.line_total, cur, lang)))
    for key, amount in (("doc.quote.subtotal", quote.subtotal), ("doc.quote.tax", quote.tax),
                        ("doc.total", quote.total)):
        rows.append(("", say(key, lang), "", "", "", "", format_money(amount, cur, lang)))
    story.append(text_table(rows, (0.11, 0.35, 0.08, 0.13, 0.09, 0.09, 0.15), width))

    story += [
        Spacer(1, 3 * mm),
        para(say("doc.quote.valid_until", lang, date=format_date(quote.valid_until, lang)),
             st["body"]),
        para(say("doc.quote.terms", lang), st["body"]),
        Spacer(1, 8 * mm),
        _signature_block(quote, st),
    ]
    pdf = build_document(
        story, page_size=page_size, title=say("doc.quote.title", lang),
        center_name=quote.center.name,
        center_lines=[*quote.center.address.splitlines(), quote.center.phone],
        barcode=quote.work_order_number, language=lang,
        wording=fixed_wording(("doc.quote.", "doc.col.", "doc.customer_line", "doc.total",
                               "doc.page"), lang))
    return finish(pdf, out)


def _signature_block(quote: QuoteData, st: dict[str, Any]) -> KeepTogether:
    """Labelled blank lines for the customer to sign; kept on one page."""
    lang = quote.language
    rows = [[para(say(key, lang), st["body"]), ""]
            for key in ("doc.quote.signature", "doc.quote.name", "doc.quote.date")]
    table = Table(rows, colWidths=["35%", "65%"], rowHeights=[12 * mm] * len(rows))
    table.setStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, "black"),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    return KeepTogether([para(say("doc.quote.approval", lang), st["h2"]), table])
