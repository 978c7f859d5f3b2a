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
from reportlab.platypus import Spacer, Table

from reports.data import ReportData, ReportUnit, format_money
from reports.pdf_common import PageSize, build_document, finish, para, styles, table_style

FINDING_HEADER = ("测试 Test", "结果 Result", "数值 Value", "单位 Unit", "限值 Limits", "备注 Notes")
REPAIR_HEADER = ("维修操作 Action", "零件 Part", "数量 Qty", "旧序列号 Old serial",
                 "新序列号 New serial")
CHARGE_HEADER = ("序列号 Serial", "项目 Description", "数量 Qty", "单价 Unit price", "金额 Total")


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
    story: list[Any] = [
        para(f"维修报告 Repair report  {report.work_order_number}", st["h1"]),
        _parties(report, st),
        Spacer(1, 3 * mm),
    ]
    for index, unit in enumerate(report.units, start=1):
        story += _unit_section(unit, index, len(report.units), st)
    if not report.units:
        story.append(para("本工单没有设备。 No units on this work order.", st["body"]))
    story += _charges(report, st)
    story += [
        Spacer(1, 6 * mm),
        para(f"技术员 Technician: {report.technician or '-'}     "
             f"日期 Date: {report.date.isoformat() if report.date else '-'}", st["body"]),
    ]
    pdf = build_document(
        story, page_size=page_size, title="维修报告 Repair report", center_name=center.name,
        center_lines=[*center.address.splitlines(), center.phone], barcode=report.work_order_number)
    return finish(pdf, out)


def _parties(report: ReportData, st: dict[str, Any]) -> Table:
    """Customer and return address side by side."""
    customer = "\n".join(report.customer.all_lines()) or "-"
    address = "\n".join(report.return_address.all_lines()) or "-"
    table = Table(
        [[para("客户 Customer", st["small"]), para("回寄地址 Return address", st["small"])],
         [para(customer, st["body"]), para(address, st["body"])]],
        colWidths=["50%", "50%"])
    table.setStyle(table_style())
    return table


def _unit_section(unit: ReportUnit, index: int, count: int, st: dict[str, Any]) -> list[Any]:
    head = para(f"设备 Unit {index}/{count}: {unit.serial}  {unit.model}".rstrip(), st["h2"])
    head.keepWithNext = True
    parts: list[Any] = [head]
    if unit.intake_condition:
        parts.append(para(f"到货状况 Condition on arrival: {unit.intake_condition}", st["body"]))
    if unit.findings:
        rows = [[para(h, st["cell"]) for h in FINDING_HEADER]]
        rows += [[para(text, st["cell"]) for text in
                  (f.test, f.result, f.value, f.unit, f.limits, f.notes)] for f in unit.findings]
        table = Table(rows, colWidths=["22%", "10%", "12%", "9%", "17%", "30%"], repeatRows=1)
        table.setStyle(table_style())
        parts += [Spacer(1, 1.5 * mm), table]
    else:
        parts.append(para("无测试记录 No test findings recorded.", st["body"]))
    parts += [Spacer(1, 1.5 * mm), para(f"原因 Cause: {unit.cause or '-'}", st["body"])]
    decision = unit.warranty_decision or "-"
    parts.append(para(f"保修判定 Warranty decision: {decision}", st["h3"]))
    if unit.warranty_explanation:
        parts.append(para(unit.warranty_explanation, st["body"]))
    if unit.repairs:
        rows = [[para(h, st["cell"]) for h in REPAIR_HEADER]]
        rows += [[para(text, st["cell"]) for text in
                  (r.description, r.part, str(r.quantity), r.old_serial, r.new_serial)]
                 for r in unit.repairs]
        table = Table(rows, colWidths=["34%", "22%", "8%", "18%", "18%"], repeatRows=1)
        table.setStyle(table_style())
        parts += [Spacer(1, 1.5 * mm), table]
    return parts


def _charges(report: ReportData, st: dict[str, Any]) -> list[Any]:
    if not report.charges:
        return [para("费用 Charges: 无 none", st["h2"])]
    rows = [[para(h, st["cell"]) for h in CHARGE_HEADER]]
    for line in report.charges:
        rows.append([para(line.serial, st["cell"]), para(line.description, st["cell"]),
                     para(f"{line.quantity:g}", st["cell"]),
                     para(format_money(line.unit_price, report.currency), st["cell"]),
                     para(format_money(line.total, report.currency), st["cell"])])
    rows.append(["", para("合计 Total", st["cell"]), "", "",
                 para(format_money(report.charges_total, report.currency), st["cell"])])
    table = Table(rows, colWidths=["20%", "38%", "8%", "17%", "17%"], repeatRows=1)
    table.setStyle(table_style())
    return [para("费用 Charges", st["h2"]), table]
