"""The repair report (A4 or Letter): what the center found, decided and did, unit by unit.

Printed in the customer's language (`ReportData.language`, wording in `reports.wording`). A
flowing document (platypus): a work order of 50 units with 30 findings each simply runs over more
pages; tables repeat their header row on each page, and every page carries the center, the
work-order barcode and "page n of m".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from reports.data import ReportData, ReportUnit
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
from reports.wording import fixed_wording, format_date, format_money, say

FINDING_COLUMNS = ("doc.col.test", "doc.col.result", "doc.col.value", "doc.col.unit",
                   "doc.col.limits", "doc.col.notes")
REPAIR_COLUMNS = ("doc.col.action", "doc.col.part", "doc.col.qty", "doc.col.old_serial",
                  "doc.col.new_serial")
CHARGE_COLUMNS = ("doc.col.serial", "doc.col.description", "doc.col.qty", "doc.col.unit_price",
                  "doc.col.amount")
# What every report prints, whoever it is for: its font subset is built once per language.
WORDING_KEYS = ("doc.report.", "doc.col.", "doc.result.", "doc.customer", "doc.return_address",
                "doc.total", "doc.decision.", "doc.page")


def render_report_pdf(report: ReportData, *, page_size: PageSize | str = A4,
                      out: str | Path | None = None) -> bytes:
    """Render the repair report in the report's language (`ReportData.language`).

    Args:
        report: What to print.
        page_size: A4 (default), Letter, or any (w, h) in points.
        out: Optional file to write the PDF to.

    Returns:
        The PDF bytes.
    """
    st = styles()
    lang = report.language
    center = report.center
    width = body_width(page_size)
    story: list[Any] = [
        para(say("doc.report.heading", lang, number=report.work_order_number), st["h1"]),
        _parties(report, st, width),
        Spacer(1, 3 * mm),
    ]
    for index, unit in enumerate(report.units, start=1):
        story += _unit_section(unit, index, len(report.units), st, width, lang)
    if not report.units:
        story.append(para(say("doc.report.no_units", lang), st["body"]))
    story += _charges(report, st, width)
    story += [
        Spacer(1, 6 * mm),
        para(say("doc.report.signed", lang, technician=report.technician or "-",
                 date=format_date(report.date, lang)), st["body"]),
    ]
    pdf = build_document(
        story, page_size=page_size, title=say("doc.report.title", lang), center_name=center.name,
        center_lines=[*center.address.splitlines(), center.phone], barcode=report.work_order_number,
        language=lang, wording=fixed_wording(WORDING_KEYS, lang))
    return finish(pdf, out)


def _parties(report: ReportData, st: dict[str, Any], width: float) -> TextTable:
    """Customer and return address side by side."""
    lang = report.language
    customer = "\n".join(report.customer.all_lines()) or "-"
    address = "\n".join(report.return_address.all_lines()) or "-"
    small, body = st["small"], st["body"]
    return text_table([(say("doc.customer", lang), say("doc.return_address", lang)),
                       (customer, address)], (0.5, 0.5), width,
                      sizes=[(small.fontSize, small.leading), (body.fontSize, body.leading)])


def _unit_section(unit: ReportUnit, index: int, count: int, st: dict[str, Any],
                  width: float, lang: str) -> list[Any]:
    head = para(say("doc.report.unit", lang, index=index, count=count, serial=unit.serial,
                    model=unit.model).rstrip(), st["h2"])
    head.keepWithNext = True
    parts: list[Any] = [head]
    if unit.intake_condition:
        parts.append(para(say("doc.report.condition", lang, condition=unit.intake_condition),
                          st["body"]))
    if unit.findings:
        rows = [_header(FINDING_COLUMNS, lang),
                *((f.test, f.result, f.value, f.unit, f.limits, f.notes) for f in unit.findings)]
        parts += [Spacer(1, 1.5 * mm),
                  text_table(rows, (0.22, 0.10, 0.12, 0.09, 0.17, 0.30), width)]
    else:
        parts.append(para(say("doc.report.no_findings", lang), st["body"]))
    parts += [Spacer(1, 1.5 * mm),
              para(say("doc.report.cause", lang, cause=unit.cause or "-"), st["body"])]
    parts.append(para(say("doc.report.decision", lang, decision=unit.warranty_decision or "-"),
                      st["h3"]))
    if unit.warranty_explanation:
        parts.append(para(unit.warranty_explanation, st["body"]))
    if unit.repairs:
        rows = [_header(REPAIR_COLUMNS, lang),
                *((r.description, r.part, str(r.quantity), r.old_serial, r.new_serial)
                  for r in unit.repairs)]
        parts += [Spacer(1, 1.5 * mm), text_table(rows, (0.34, 0.22, 0.08, 0.18, 0.18), width)]
    return parts


def _header(keys: tuple[str, ...], lang: str) -> tuple[str, ...]:
    return tuple(say(key, lang) for key in keys)


def _charges(report: ReportData, st: dict[str, Any], width: float) -> list[Any]:
    lang, currency = report.language, report.currency
    if not report.charges:
        return [para(say("doc.report.no_charges", lang), st["h2"])]
    rows = [_header(CHARGE_COLUMNS, lang),
            *((line.serial, line.description, f"{line.quantity:g}",
               format_money(line.unit_price, currency, lang),
               format_money(line.total, currency, lang))
              for line in report.charges)]
    rows.append(("", say("doc.total", lang), "", "",
                 format_money(report.charges_total, currency, lang)))
    return [para(say("doc.report.charges", lang), st["h2"]),
            text_table(rows, (0.20, 0.38, 0.08, 0.17, 0.17), width)]
