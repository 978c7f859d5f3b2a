"""The repair report (A4 or Letter): what the center found, decided and did, unit by unit.

A flowing document (platypus): a work order of 50 units with 30 findings each simply runs over more
pages; tables repeat their header row on each page, and every page carries the center, the
work-order barcode and "page n of m".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from reports.data import ReportData, ReportUnit, format_money
from reports.pdf_common import (
    PageSize,
    body_width,
    build_document,
    finish,
    para,
    styles,
    text_table,
)
from reports.pdf_flowables import TextTable

FINDING_HEADER = ("测试 Test", "结果 Result", "数值 Value", "单位 Unit", "限值 Limits", "备注 Notes")
REPAIR_HEADER = ("维修操作 Action", "零件 Part", "数量 Qty", "旧序列号 Old serial",
                 "新序列号 New serial")
CHARGE_HEADER = ("序列号 Serial", "项目 Description", "数量 Qty", "单价 Unit price", "金额 Total")
WORDING = "".join((*FINDING_HEADER, *REPAIR_HEADER, *CHARGE_HEADER, "客户 Customer 回寄地址 Return address",
                   "设备 Unit 到货状况 Condition on arrival 原因 Cause 保修判定 Warranty decision",
                   "技术员 Technician 日期 Date 费用 Charges 合计 Total 无 none"))


def render_report_pdf(report: ReportData, *, page_size: PageSize | str = A4,
                      out: str | Path | None = None) -> bytes:
    """Render the repair report.

    Args:
        report: What to print.
        page_size: A4 (default), Letter, or any (w, h) in points.
        out: Optional file to write the PDF to.

    Returns:
        The PDF bytes.
    """
    st = styles()
    center = report.center
    width = body_width(page_size)
    story: list[Any] = [
        para(f"维修报告 Repair report  {report.work_order_number}", st["h1"]),
        _parties(report, st, width),
        Spacer(1, 3 * mm),
    ]
    for index, unit in enumerate(report.units, start=1):
        story += _unit_section(unit, index, len(report.units), st, width)
    if not report.units:
        story.append(para("本工单没有设备。 No units on this work order.", st["body"]))
    story += _charges(report, st, width)
    story += [
        Spacer(1, 6 * mm),
        para(f"技术员 Technician: {report.technician or '-'}     "
             f"日期 Date: {report.date.isoformat() if report.date else '-'}", st["body"]),
    ]
    pdf = build_document(
        story, page_size=page_size, title="维修报告 Repair report", center_name=center.name,
        center_lines=[*center.address.splitlines(), center.phone], barcode=report.work_order_number,
        wording=WORDING)
    return finish(pdf, out)


def _parties(report: ReportData, st: dict[str, Any], width: float) -> TextTable:
    """Customer and return address side by side."""
    customer = "\n".join(report.customer.all_lines()) or "-"
    address = "\n".join(report.return_address.all_lines()) or "-"
    small, body = st["small"], st["body"]
    return text_table([("客户 Customer", "回寄地址 Return address"), (customer, address)],
                      (0.5, 0.5), width,
                      sizes=[(small.fontSize, small.leading), (body.fontSize, body.leading)])


def _unit_section(unit: ReportUnit, index: int, count: int, st: dict[str, Any],
                  width: float) -> list[Any]:
    head = para(f"设备 Unit {index}/{count}: {unit.serial}  {unit.model}".rstrip(), st["h2"])
    head.keepWithNext = True
    parts: list[Any] = [head]
    if unit.intake_condition:
        parts.append(para(f"到货状况 Condition on arrival: {unit.intake_condition}", st["body"]))
    if unit.findings:
        rows = [FINDING_HEADER, *((f.test, f.result, f.value, f.unit, f.limits, f.notes)
                                  for f in unit.findings)]
        parts += [Spacer(1, 1.5 * mm),
                  text_table(rows, (0.22, 0.10, 0.12, 0.09, 0.17, 0.30), width)]
    else:
        parts.append(para("无测试记录 No test findings recorded.", st["body"]))
    parts += [Spacer(1, 1.5 * mm), para(f"原因 Cause: {unit.cause or '-'}", st["body"])]
    decision = unit.warranty_decision or "-"
    parts.append(para(f"保修判定 Warranty decision: {decision}", st["h3"]))
    if unit.warranty_explanation:
        parts.append(para(unit.warranty_explanation, st["body"]))
    if unit.repairs:
        rows = [REPAIR_HEADER, *((r.description, r.part, str(r.quantity), r.old_serial,
                                  r.new_serial) for r in unit.repairs)]
        parts += [Spacer(1, 1.5 * mm), text_table(rows, (0.34, 0.22, 0.08, 0.18, 0.18), width)]
    return parts


def _charges(report: ReportData, st: dict[str, Any], width: float) -> list[Any]:
    if not report.charges:
        return [para("费用 Charges: 无 none", st["h2"])]
    rows = [CHARGE_HEADER, *((line.serial, line.description, f"{line.quantity:g}",
                              format_money(line.unit_price, report.currency),
                              format_money(line.total, report.currency))
                             for line in report.charges)]
    rows.append(("", "合计 Total", "", "", format_money(report.charges_total, report.currency)))
    return [para("费用 Charges", st["h2"]),
            text_table(rows, (0.20, 0.38, 0.08, 0.17, 0.17), width)]
