"""Slips from the intake bench: the intake slip for the box and the refusal slip (rule S3)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer, Table

from reports.data import IntakeSlipData, RefusalSlipData, is_barcode_text
from reports.fonts import cjk_font
from reports.pdf_barcodes import draw_code128
from reports.pdf_common import (
    PageSize,
    build_document,
    draw_fitted,
    finish,
    page_size_of,
    para,
    styles,
    table_style,
)

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
    canvas.setTitle("收货单 Intake slip")
    font = cjk_font()
    margin = min(4 * mm, width * 0.04)
    inner = width - 2 * margin
    top = height - margin
    unit = (height - 2 * margin) / 100  # section heights in hundredths of the printable height

    draw_fitted(canvas, margin, top, inner, 6 * unit, [slip.center.name], max_size=11)
    canvas.setFont(font, min(14.0, 5 * unit))
    canvas.drawString(margin, top - 11 * unit, "收货单 Intake slip")
    canvas.setLineWidth(0.8)
    canvas.line(margin, top - 13 * unit, width - margin, top - 13 * unit)
    draw_code128(canvas, slip.work_order_number, margin, top - 36 * unit, inner, 15 * unit,
                 caption_size=min(12.0, 4 * unit))
    canvas.line(margin, top - 38 * unit, width - margin, top - 38 * unit)

    received = slip.received_at.strftime("%Y-%m-%d %H:%M") if slip.received_at else "-"
    facts = [
        "客户 Customer: " + (" ".join(slip.customer.person_lines()) or "-"),
        f"收货时间 Received: {received}",
        f"工位 Station: {slip.station or '-'}",
        f"到货状况 Condition: {slip.condition or '-'}",
    ]
    if slip.inbound_tracking:
        facts.append(f"来件运单 Inbound tracking: {slip.inbound_tracking}")
    draw_fitted(canvas, margin, top - 39.5 * unit, inner, 24 * unit, facts, max_size=9,
                min_size=4.5)
    canvas.line(margin, top - 65 * unit, width - margin, top - 65 * unit)

    units = [f"已收 Received {len(slip.units_received)}: "
             + ", ".join(_unit_text(u.serial, u.model) for u in slip.units_received)]
    if slip.units_missing:
        units.append(f"缺少 MISSING {len(slip.units_missing)}: "
                     + ", ".join(_unit_text(u.serial, u.model) for u in slip.units_missing))
    draw_fitted(canvas, margin, top - 66.5 * unit, inner, 33 * unit, units, max_size=9,
                min_size=4.0)
    canvas.showPage()
    canvas.save()
    return finish(buf.getvalue(), out)


def _unit_text(serial: str, model: str) -> str:
    return f"{serial} ({model})" if model else serial


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
    received = slip.received_at.strftime("%Y-%m-%d %H:%M") if slip.received_at else "-"
    story: list[Any] = [
        para("拒收说明 Parcel refused", st["h1"]),
        para("我们无法接收此包裹，现将其退回寄件人。原因如下。"
             " We could not accept this parcel and are returning it to the sender,"
             " for the reasons below.", st["body"]),
        Spacer(1, 3 * mm),
    ]
    sender = "\n".join(slip.sender.all_lines()) if slip.sender and not slip.sender.is_empty \
        else "未知 Unknown"
    facts = [("寄件人 Sender", sender), ("收到时间 Received", received),
             ("工位 Station", slip.station or "-"),
             ("承运商 Carrier", slip.carrier or "-"),
             ("来件运单 Inbound tracking", slip.inbound_tracking or "-"),
             ("到货状况 Condition", slip.condition or "-")]
    table = Table([[para(k, st["small"]), para(v, st["body"])] for k, v in facts],
                  colWidths=["28%", "72%"])
    table.setStyle(table_style(header_rows=0))
    story += [table, para("拒收原因 Why it was refused", st["h2"])]
    reasons = slip.reasons or ("未说明原因 No reason was recorded.",)
    story += [para(f"{i}. {reason}", st["body"]) for i, reason in enumerate(reasons, start=1)]
    if slip.scans:
        rows = [[para(h, st["cell"]) for h in ("扫描内容 Scanned", "结果 Verdict", "说明 Reason")]]
        rows += [[para(s.raw, st["cell"]), para(s.verdict, st["cell"]), para(s.reason, st["cell"])]
                 for s in slip.scans]
        scans = Table(rows, colWidths=["38%", "14%", "48%"], repeatRows=1)
        scans.setStyle(table_style())
        story += [para("扫描记录 Scans made on this parcel", st["h2"]), scans]
    story += [
        Spacer(1, 4 * mm),
        para("如有疑问，请先在售后平台创建或更正工单，然后再寄回。"
             " If you have questions, please create or correct the work order on the after-sales"
             " portal before sending the parcel again.", st["small"]),
    ]
    pdf = build_document(
        story, page_size=page_size, title="拒收说明 Parcel refused", center_name=slip.center.name,
        center_lines=[*slip.center.address.splitlines(), slip.center.phone],
        barcode=slip.inbound_tracking if _scannable(slip.inbound_tracking) else "")
    return finish(pdf, out)


def _scannable(value: str) -> bool:
    return is_barcode_text(value) and len(value) <= 30  # longer would not fit the header
