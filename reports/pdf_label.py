"""The return label as PDF: 100x150 mm (4x6 in) by default, any page size on request.

Layout, top to bottom, as fractions of the page height so other sizes keep their proportions:
carrier and parcel n of m; the tracking number as Code 128; the recipient (largest text, shrunk
until it fits); the sender; cash on delivery and who pays freight (rules S1, S2); and at the
bottom the work-order Code 128 beside a QR code with the work order and the parcel's serials.
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports.data import LabelData
from reports.fonts import cjk_font
from reports.pdf_barcodes import draw_code128, draw_qr
from reports.pdf_common import (
    PageSize,
    draw_fitted,
    finish,
    page_size_of,
)
from reports.wording import cod_text, freight_text, say

LABEL_SIZE: PageSize = (100 * mm, 150 * mm)

# Section heights as fractions of the printable height (they sum to 1).
_SECTIONS = (("header", 0.075), ("tracking", 0.165), ("recipient", 0.27), ("sender", 0.12),
             ("payment", 0.06), ("bottom", 0.31))


def render_label_pdf(label: LabelData, *, page_size: PageSize | str = LABEL_SIZE,
                     out: str | Path | None = None) -> bytes:
    """Render one return label.

    Args:
        label: What to print.
        page_size: Points (w, h) or a name such as 'label' (100x150 mm) or '4x6'.
        out: Optional file to write the PDF to.

    Returns:
        The PDF bytes.
    """
    return render_labels_pdf([label], page_size=page_size, out=out)


def render_labels_pdf(labels: Iterable[LabelData], *, page_size: PageSize | str = LABEL_SIZE,
                      out: str | Path | None = None) -> bytes:
    """Render many labels as one PDF, a page each (one print job for a batch of parcels)."""
    size = page_size_of(page_size)
    buf = BytesIO()
    canvas = Canvas(buf, pagesize=size, invariant=1, pageCompression=1)
    canvas.setTitle("Return label")  # metadata; a batch may mix languages
    count = 0
    for label in labels:
        draw_label(canvas, label, size)
        canvas.showPage()
        count += 1
    if count == 0:
        raise ValueError("no labels to render")
    canvas.save()
    return finish(buf.getvalue(), out)


def draw_label(canvas: Canvas, label: LabelData, size: PageSize) -> None:
    """Draw one label on the current page of `canvas`."""
    font = cjk_font()
    lang = label.language
    width, height = size
    margin = min(3 * mm, width * 0.03)
    inner_w = width - 2 * margin
    top = height - margin
    boxes: dict[str, tuple[float, float]] = {}  # name -> (top, height)
    for name, fraction in _SECTIONS:
        h = (height - 2 * margin) * fraction
        boxes[name] = (top, h)
        top -= h
    canvas.setLineWidth(0.8)
    for box_top, _ in list(boxes.values())[1:]:
        canvas.line(margin, box_top, width - margin, box_top)
    pad = 1.2 * mm

    # Header: carrier and service left, parcel n of m right (it decides which box goes first).
    box_top, box_h = boxes["header"]
    parcel = f"{label.parcel_no}/{label.parcel_count}"
    parcel_size = min(box_h * 0.55, 20.0)
    canvas.setFont(font, parcel_size)
    parcel_w = canvas.stringWidth(parcel, font, parcel_size)
    canvas.drawRightString(width - margin, box_top - box_h * 0.62, parcel)
    canvas.setFont(font, min(6.0, box_h * 0.2))
    canvas.drawRightString(width - margin, box_top - box_h * 0.92, say("doc.label.parcel", lang))
    draw_fitted(canvas, margin, box_top - pad * 0.5, inner_w - parcel_w - 3 * mm, box_h - pad,
                [f"{label.carrier} {label.service}".strip()], max_size=min(15.0, box_h * 0.45))

    # Tracking number: the carrier's scanners read it, so it gets the most width.
    box_top, box_h = boxes["tracking"]
    caption = min(6.5, box_h * 0.12)
    canvas.setFont(font, caption)
    canvas.drawString(margin, box_top - caption * 1.2, say("doc.label.tracking", lang))
    if label.tracking_number:
        bars = box_h - caption * 1.4 - min(10.0, box_h * 0.2) * 1.25 - pad
        draw_code128(canvas, label.tracking_number, margin, box_top - box_h + pad * 0.5, inner_w,
                     bars, caption_size=min(10.0, box_h * 0.2))

    _address_block(canvas, boxes["recipient"], margin, inner_w, say("doc.label.to", lang),
                   label.recipient.all_lines(), max_size=14.0)
    _address_block(canvas, boxes["sender"], margin, inner_w, say("doc.label.from", lang),
                   label.sender.as_address().all_lines(), max_size=8.5)

    box_top, box_h = boxes["payment"]
    cod = cod_text(label)
    draw_fitted(canvas, margin, box_top - pad * 0.4, inner_w * 0.55, box_h - pad * 0.8, [cod],
                max_size=min(11.0, box_h * 0.5))
    draw_fitted(canvas, margin + inner_w * 0.57, box_top - pad * 0.4, inner_w * 0.43,
                box_h - pad * 0.8, [freight_text(label)],
                max_size=min(9.0, box_h * 0.45))

    _bottom_block(canvas, label, boxes["bottom"], margin, inner_w)


def _address_block(canvas: Canvas, box: tuple[float, float], x: float, width: float,
                   heading: str, lines: list[str], max_size: float) -> None:
    box_top, box_h = box
    heading_size = min(6.5, box_h * 0.12)
    canvas.setFont(cjk_font(), heading_size)
    canvas.drawString(x, box_top - heading_size * 1.2, heading)
    body_top = box_top - heading_size * 1.45
    draw_fitted(canvas, x + 2 * mm, body_top, width - 2 * mm, body_top - (box_top - box_h) - 0.8 * mm,
                lines, max_size=max_size, min_size=4.5)


def _bottom_block(canvas: Canvas, label: LabelData, box: tuple[float, float], x: float,
                  width: float) -> None:
    """Work-order barcode and units on the left, QR code with work order and serials on the right."""
    box_top, box_h = box
    pad = 1.2 * mm
    qr_side = min(box_h - pad, width * 0.45)
    side = draw_qr(canvas, label.qr_payload, x + width - qr_side,
                   box_top - pad * 0.5 - qr_side, qr_side)
    left_w = width - side - 1.5 * mm
    font = cjk_font()
    caption = min(6.5, box_h * 0.08)
    canvas.setFont(font, caption)
    canvas.drawString(x, box_top - caption * 1.2, say("doc.work_order", label.language))
    text_size = min(9.0, box_h * 0.1)
    bar_h = min(box_h * 0.36, 14 * mm)
    bar_bottom = box_top - caption * 1.4 - bar_h - text_size * 1.25
    draw_code128(canvas, label.work_order_number, x, bar_bottom, left_w, bar_h,
                 caption_size=text_size)
    units = say("doc.label.units", label.language, count=len(label.serials),
                serials=", ".join(label.serials))
    draw_fitted(canvas, x, bar_bottom - pad * 0.5, left_w, bar_bottom - (box_top - box_h) - pad,
                [units], max_size=7.0, min_size=4.0)
