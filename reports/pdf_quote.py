"""The repair quote for the customer's signature (rule D1: repair starts only after agreement)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from reports.data import QuoteData, format_money
from reports.pdf_common import PageSize, build_document, finish, para, styles, table_style

LINE_HEADER = ("类别 Kind", "项目 Description", "数量 Qty", "单价 Unit price", "折扣 Disc. %",
               "税率 Tax %", "金额 Amount")
KIND_TEXT = {"part": "零件 Part", "labour": "工时 Labour", "freight": "运费 Freight",
             "other": "其他 Other"}


def render_quote_pdf(quote: QuoteData, *, page_size: PageSize | str = A4,
                     out: str | Path | None = None) -> bytes:
    """Render a quote.

    Args:
        quote: Lines, totals, validity and version.
        page_size: A4 (default), Letter, or any (w, h) in points.
        out: Optional file to write the PDF to.

    Returns:
        The PDF bytes.
    """
    st = styles()
    cur = quote.currency
    story: list[Any] = [
        para(f"维修报价单 Repair quote  {quote.work_order_number}  (v{quote.version})", st["h1"]),
        para("客户 Customer: " + (" / ".join(quote.customer.all_lines()) or "-"), st["body"]),
    ]
    if quote.serial or quote.model:
        story.append(para(f"设备 Unit: {quote.serial}  {quote.model}".rstrip(), st["body"]))
    story.append(Spacer(1, 3 * mm))

    rows = [[para(h, st["cell"]) for h in LINE_HEADER]]
    for line in quote.lines:
        rows.append([para(text, st["cell"]) for text in (
            KIND_TEXT.get(line.kind, line.kind), line.description, f"{line.quantity:g}",
            format_money(line.unit_price, cur), f"{line.discount_percent:g}",
            f"{line.tax_percent:g}", format_money(line.line_total, cur))])
    for label, amount in (("小计 Subtotal", quote.subtotal), ("税 Tax", quote.tax),
                          ("合计 Total", quote.total)):
        rows.append(["", para(label, st["cell"]), "", "", "", "",
                     para(format_money(amount, cur), st["cell"])])
    table = Table(rows, colWidths=["11%", "35%", "8%", "13%", "9%", "9%", "15%"], repeatRows=1)
    table.setStyle(table_style())
    story.append(table)

    valid = quote.valid_until.isoformat() if quote.valid_until else "-"
    story += [
        Spacer(1, 3 * mm),
        para(f"报价有效期至 Valid until: {valid}", st["body"]),
        para("维修将在您确认同意后开始；如不同意，设备将按原样退回。"
             " Repair starts only after you agree to this quote; if you decline, the unit is"
             " returned as it is.", st["body"]),
        Spacer(1, 8 * mm),
        _signature_block(quote, st),
    ]
    pdf = build_document(
        story, page_size=page_size, title="维修报价单 Repair quote", center_name=quote.center.name,
        center_lines=[*quote.center.address.splitlines(), quote.center.phone],
        barcode=quote.work_order_number)
    return finish(pdf, out)


def _signature_block(quote: QuoteData, st: dict[str, Any]) -> KeepTogether:
    """Labelled blank lines for the customer to sign; kept on one page."""
    rows = [[para(label, st["body"]), ""] for label in quote.signature_lines]
    table = Table(rows, colWidths=["35%", "65%"], rowHeights=[12 * mm] * len(rows))
    table.setStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, "black"),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    return KeepTogether([para("客户确认 Customer approval", st["h2"]), table])
