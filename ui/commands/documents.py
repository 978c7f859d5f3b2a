"""Document commands: a work order's return label (PDF or ZPL) and its repair report (PDF)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ui.commands import add_user_option, command, database, sign_in


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    label = sub.add_parser("label", help="write a work order's return label (its latest parcel)")
    label.add_argument("work_order")
    label.add_argument("--format", choices=("pdf", "zpl"), default="pdf")
    label.add_argument("--dpi", type=int, choices=(203, 300), default=203,
                       help="the label printer's resolution (ZPL only)")
    label.add_argument("--out", required=True, metavar="FILE")
    _add_language_option(label)
    add_user_option(label)
    report = sub.add_parser("report", help="write a work order's repair report as PDF")
    report.add_argument("work_order")
    report.add_argument("--page", choices=("A4", "Letter"), default="A4")
    report.add_argument("--out", required=True, metavar="FILE.pdf")
    _add_language_option(report)
    add_user_option(report)


def _add_language_option(parser: argparse.ArgumentParser) -> None:
    from core.messages import LANGUAGES

    parser.add_argument("--language", choices=LANGUAGES,
                        help="print in this language instead of the customer's (else the "
                             "center's document language)")


@command("label")
def cmd_label(args: argparse.Namespace) -> int:
    """The latest parcel's label; a provisional one (no tracking number) if nothing is packed."""
    from core import center
    from core.services import shipping
    from reports.from_models import center_info_from, document_language_for, label_data_for
    from reports.pdf_label import render_label_pdf
    from reports.zpl import render_label_zpl

    store = database(args)
    with store.uow(sign_in(args, store)) as uow:
        wo = shipping.find_work_order(uow, args.work_order)
        settings = center.load(uow)
        sender = center_info_from(settings)
        language = args.language or document_language_for(wo.customer, settings)
        shipment = shipping.latest_shipment(uow, wo)
        if shipment is not None:
            serials = [u.serial for u in shipping.shipment_units(uow, shipment.id)]
            note = f"parcel {shipment.batch_no} of {shipment.batch_count}"
        else:
            shipment, serials = shipping.provisional_shipment(uow, wo)
            note = "provisional: nothing is packed yet, so there is no tracking number"
        label = label_data_for(wo, shipment, sender, serials=serials, language=language)
    if args.format == "zpl":
        render_label_zpl(label, dpi=args.dpi, out=args.out)
    else:
        render_label_pdf(label, out=args.out)
    print(f"Label of {label.work_order_number} ({note}) written to {Path(args.out)}.")
    return 0


@command("report")
def cmd_report(args: argparse.Namespace) -> int:
    from core import center
    from core.services import shipping
    from reports.from_models import center_info_from, document_language_for, report_data_for
    from reports.pdf_report import render_report_pdf

    store = database(args)
    with store.uow(sign_in(args, store)) as uow:
        wo = shipping.find_work_order(uow, args.work_order)
        settings = center.load(uow)
        rows = shipping.report_rows(uow, wo)
        report = report_data_for(
            wo, center_info_from(settings), findings=rows.findings, diagnoses=rows.diagnoses,
            repairs=rows.repairs, quotes=rows.quotes, intakes=rows.intakes,
            date=_today(settings.timezone),
            language=args.language or document_language_for(wo.customer, settings))
    render_report_pdf(report, page_size=args.page, out=args.out)
    print(f"Repair report of {report.work_order_number} ({len(report.units)} unit(s)) "
          f"written to {Path(args.out)}.")
    return 0


def _today(tz: dt.tzinfo) -> dt.date:
    """The date at the center (the report is dated in its time zone, not UTC)."""
    return dt.datetime.now(tz).date()
