"""Print a batch of labels on a profile's printer, label by label, with progress and Cancel.

`print_labels` touches no widget, so it runs in `ui.worker.run_in_background`. It calls
`on_printed(i)` for each label the printer accepted, at the moment it accepted it, so a failure
or a Cancel half-way leaves exactly the labels that went out marked printed; any failure raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter

from reports.data import LabelData
from reports.pdf_common import page_size_of
from reports.pdf_label import render_label_pdf, render_labels_pdf
from reports.zpl import render_label_zpl
from ui.printing import raw
from ui.printing.profiles import PrinterProfile
from ui.worker import CancelFlag

Progress = Callable[[int, int], None]
Printed = Callable[[int], None]


def label_size(profile: PrinterProfile) -> tuple[float, float]:
    return page_size_of((profile.width_mm * 72 / 25.4, profile.height_mm * 72 / 25.4))


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "label"


def print_labels(profile: PrinterProfile, labels: Sequence[LabelData], *,
                 progress: Progress | None = None, cancel: CancelFlag | None = None,
                 on_printed: Printed | None = None, printer: QPrinter | None = None) -> str:
    """Send the labels to the profile's printer; returns what happened, in one line.

    Args:
        on_printed: Called with a label's index once the printer accepted it.
        printer: For a "qt" profile, the printer the clerk chose in the print dialog (the
            dialog itself must run on the GUI thread); None uses the profile's named printer.

    Raises:
        raw.PrintFailed: the printer is missing or refused a label.
        ui.worker.Cancelled: the clerk cancelled; labels already sent stay sent.
    """
    profile = profile.validate()
    total = len(labels)
    if not total:
        raise raw.PrintFailed(QCoreApplication.translate("LabelPrinting",
                                                         "There are no labels to print."))
    report = progress or (lambda done, all_: None)
    accepted = on_printed or (lambda index: None)
    if profile.kind == "qt":
        message = _print_qt(profile, labels, report, cancel, printer)
        for index in range(total):  # one job: the printer accepted all pages or none
            accepted(index)
        return message
    sent: list[str] = []
    for done, label in enumerate(labels, start=1):
        if cancel is not None:
            cancel.check()
        name = f"{_safe(label.work_order_number)}-{label.parcel_no}of{label.parcel_count}"
        if profile.kind == "pdf_file":
            folder = Path(profile.target).expanduser()
            try:
                folder.mkdir(parents=True, exist_ok=True)
                render_label_pdf(label, page_size=label_size(profile), out=folder / f"{name}.pdf")
            except OSError as exc:
                raise raw.PrintFailed(QCoreApplication.translate(
                    "LabelPrinting", "The label could not be written to {0}: {1}").format(
                    folder, exc.strerror or exc)) from exc
            sent.append(name)
        else:
            zpl = render_label_zpl(label, dpi=profile.dpi,
                                   size_mm=(profile.width_mm, profile.height_mm),
                                   printer_font=profile.cjk_font or None)
            sent.append(send_zpl(profile, zpl, name))
        accepted(done - 1)
        report(done, total)
    return QCoreApplication.translate("LabelPrinting", "%n label(s) sent to {0}.", "",
                                      total).format(profile.name)


def send_zpl(profile: PrinterProfile, zpl: bytes, title: str) -> str:
    """Raw ZPL to the profile's queue or host:port, as many copies as the profile says.

    Raises:
        raw.PrintFailed: the profile is not a ZPL printer, or the printer did not take the job.
    """
    if profile.kind == "raw_queue":
        return raw.send_raw(zpl, queue=profile.target, copies=profile.copies, title=title)
    if profile.kind == "tcp9100":
        host, port = profile.host_port()
        return raw.send_to_socket(zpl * profile.copies, host, port)
    return raw.send_raw(zpl)  # neither a queue nor host:port: refused with that message


def _print_qt(profile: PrinterProfile, labels: Sequence[LabelData], report: Progress,
              cancel: CancelFlag | None, printer: QPrinter | None) -> str:
    from ui.printing import qt_print

    # One job for the batch: a print dialog's printer prints it as one document with n pages.
    pdf = render_labels_pdf(labels, page_size=label_size(profile))
    if printer is None:
        if not profile.target.strip():
            raise raw.PrintFailed(QCoreApplication.translate(
                "LabelPrinting", "Printer profile {0} names no printer; choose one in the print "
                                 "dialog.").format(profile.name))
        printer = qt_print.printer_named(profile.target, resolution=profile.dpi)
    qt_print.set_page_size_mm(printer, profile.width_mm, profile.height_mm)
    pages = qt_print.print_pdf(pdf, printer, progress=report, cancel=cancel,
                               copies=profile.copies)
    return QCoreApplication.translate("LabelPrinting", "%n label(s) sent to {0}.", "",
                                      pages).format(profile.name)
