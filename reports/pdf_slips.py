"""Slips from the intake bench: the intake slip for the box and the refusal slip (rule S3).

Both in the customer's language (`language` of their data; wording in `reports.wording`).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer

from reports.data import IntakeSlipData, RefusalSlipData, is_barcode_text
from reports.fonts import cjk_font
from reports.pdf_barcodes import draw_code128
from reports.pdf_common import (
    PageSize,
    body_width,
    build_document,
    draw_fitted,
    finish,
    page_size_of,
    para,
    styles,
    text_table,
)
from reports.wording import fixed_wording, format_datetime, intake_facts, intake_units, say

SLIP_SIZE: PageSize = (100 * mm, 150 * mm)


def render_intake_slip_pdf(slip: IntakeSlipData, *, page_size: PageSize | str = SLIP_SIZE,
                           out: str | Path | None = None) -> bytes:
    """Render the intake slip: a label-sized page whose work-order barcode finds the box later.

    Args:
        slip: What arrived, when, where and in what condition; what is still missing.
        page_size: 100x150 mm by default (the bench's label printer), or any size.
        out: Optional file to write the PDF to.

    Returns:
        The PDF bytes.
    """
    width, height = page_size_of(page_size)
    buf = BytesIO()
    canvas = Canvas(buf, pagesize=(width, height), invariant=1, pageCompression=1)
    lang = slip.language
    canvas.setTitle(say("doc.intake.title", lang))
    font = cjk_font()
    margin = min(4 * mm, width * 0.04)
    inner = width - 2 * margin
    top = height - margin
    unit = (height - 2 * margin) / 100  # section heights in hundredths of the printable height

    draw_fitted(canvas, margin, top, inner, 6 * unit, [slip.center.name], max_size=11)
    canvas.setFont(font, min(14.0, 5 * unit))
    canvas.drawString(margin, top - 11 * unit, say("doc.intake.title", lang))
    canvas.setLineWidth(0.8)
    canvas.line(margin, top - 13 * unit, width - margin, top - 13 * unit)
    draw_code128(canvas, slip.work_order_number, margin, top - 36 * unit, inner, 15 * unit,
                 caption_size=min(12.0, 4 * unit))
    canvas.line(margin, top - 38 * unit, width - margin, top - 38 * unit)

    draw_fitted(canvas, margin, top - 39.5 * unit, inner, 24 * unit, intake_facts(slip), max_size=9,
                min_size=4.5)
    canvas.line(margin, top - 65 * unit, width - margin, top - 65 * unit)

    draw_fitted(canvas, margin, top - 66.5 * unit, inner, 33 * unit, intake_units(slip), max_size=9,
                min_size=4.0)
    canvas.showPage()
    canvas.save()
    return finish(buf.getvalue(), out)


def render_refusal_slip_pdf(slip: RefusalSlipData, *, page_size: PageSize | str = A4,
                            out: str | Path | None = None) -> bytes:
    """Render the refusal slip that goes back with a parcel refused at intake (rule S3).

    Args:
        slip: Who sent it, when it arrived, why it was refused, and every scan made on it.
        page_size: A4 (default), Letter, A5, or any (w, h) in points.
        out: Optional file to write the PDF to.

    Returns:
        The PDF bytes.
    """
    st = styles()
    lang = slip.language
    width = body_width(page_size)
    story: list[Any] = [
        para(say("doc.refusal.title", lang), st["h1"]),
        para(say("doc.refusal.intro", lang), st["body"]),
        Spacer(1, 3 * mm),
    ]
    sender = "\n".join(slip.sender.all_lines()) if slip.sender and not slip.sender.is_empty \
        else say("doc.unknown", lang)
    facts = [("doc.refusal.sender", sender),
             ("doc.refusal.received", format_datetime(slip.received_at, lang)),
             ("doc.refusal.station", slip.station or "-"),
             ("doc.refusal.carrier", slip.carrier or "-"),
             ("doc.refusal.inbound", slip.inbound_tracking or "-"),
             ("doc.refusal.condition", slip.condition or "-")]
    small, body = st["small"], st["body"]
    story += [text_table([(say(key, lang), value) for key, value in facts], (0.28, 0.72), width,
                         header_rows=0, sizes=[(body.fontSize, body.leading)] * len(facts)),
              para(say("doc.refusal.why", lang), st["h2"])]
    reasons = slip.reasons or (say("doc.refusal.no_reason", lang),)
    story += [para(f"{i}. {reason}", st["body"]) for i, reason in enumerate(reasons, start=1)]
    if slip.scans:
        rows = [tuple(say(key, lang) for key in ("doc.refusal.scanned", "doc.refusal.verdict",
                                                 "doc.refusal.reason")),
                *((s.raw, s.verdict, s.reason) for s in slip.scans)]
        story += [para(say("doc.refusal.scans", lang), st["h2"]),
                  text_table(rows, (0.38, 0.14, 0.48), width)]
    story += [Spacer(1, 4 * mm), para(say("doc.refusal.advice", lang), small)]
    pdf = build_document(
        story, page_size=page_size, title=say("doc.refusal.title", lang),
        center_name=slip.center.name,
        center_lines=[*slip.center.address.splitlines(), slip.center.phone],
        barcode=slip.inbound_tracking if _scannable(slip.inbound_tracking) else "",
        language=lang, wording=fixed_wording(("doc.refusal.", "doc.page", "doc.unknown"), lang))
    return finish(pdf, out)


def _scannable(value: str) -> bool:
    return is_barcode_text(value) and len(value) <= 30  # longer would not fit the header
