"""Printing a finished PDF through Qt: the print dialog, a preview, and any Qt printer.

Qt cannot print a PDF file as such, so the pages are rasterised at the printer's resolution and
painted. QtPdf's `QPdfDocument` does it in process where the QtPdf module is installed (it is
its own wheel, not part of PySide6-Addons 6.12); otherwise poppler's `pdftoppm` does it.
Painting on a `QPrinter` is allowed outside the GUI thread, so `print_pdf` may run in
`ui.worker.run_in_background`; the dialogs must be opened on the GUI thread.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from ui.printing.raw import PrintFailed
from ui.worker import CancelFlag

Progress = Callable[[int, int], None]
# Finer rasters only cost memory (an A4 page at 300 dpi is 35 MB): printers print 203-300 dpi
# labels and 300 dpi reports alike, so a 1200 dpi printer gets 300 dpi pages scaled up.
MAX_RASTER_DPI = 300


def has_qtpdf() -> bool:
    try:
        import PySide6.QtPdf  # noqa: F401
    except ImportError:
        return False
    return True


def page_count(pdf: bytes) -> int:
    """Pages in the PDF (counted without rasterising)."""
    import pypdf
    from io import BytesIO

    return len(pypdf.PdfReader(BytesIO(pdf)).pages)


def rasterise(pdf: bytes, dpi: int, cancel: CancelFlag | None = None) -> Iterator[QImage]:
    """Each page as an opaque image at `dpi`, one at a time (a batch of labels stays small)."""
    if has_qtpdf():
        yield from _rasterise_qtpdf(pdf, dpi, cancel)
    else:
        yield from _rasterise_poppler(pdf, dpi, cancel)


def _rasterise_qtpdf(pdf: bytes, dpi: int, cancel: CancelFlag | None) -> Iterator[QImage]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintFailed(QCoreApplication.translate(
            "QtPrinting", "The document to print could not be read as a PDF."))
    for page in range(document.pageCount()):
        if cancel is not None:
            cancel.check()
        points = document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        # QPdfDocument.render gives a transparent background: flatten it on white paper.
        yield _on_white(document.render(page, size))


def _rasterise_poppler(pdf: bytes, dpi: int, cancel: CancelFlag | None) -> Iterator[QImage]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PrintFailed(QCoreApplication.translate(
            "QtPrinting", "Printing a PDF through the print dialog needs QtPdf or poppler's "
                          "pdftoppm (package poppler-utils); neither is installed."))
    with tempfile.TemporaryDirectory(prefix="rb-print-") as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(pdf)
        for page in range(1, page_count(pdf) + 1):
            if cancel is not None:
                cancel.check()
            stem = Path(folder) / f"p{page}"
            done = subprocess.run([tool, "-r", str(dpi), "-png", "-singlefile", "-f", str(page),
                                   "-l", str(page), str(source), str(stem)],
                                  capture_output=True, check=False, timeout=120)
            image = QImage(str(stem.with_suffix(".png")))
            if done.returncode != 0 or image.isNull():
                raise PrintFailed(QCoreApplication.translate(
                    "QtPrinting", "Page {0} could not be prepared for printing: {1}").format(
                    page, done.stderr.decode("utf-8", "replace").strip()
                    or QCoreApplication.translate("QtPrinting", "pdftoppm failed")))
            yield image


def _on_white(image: QImage) -> QImage:
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def printer_named(name: str, resolution: int = 300) -> QPrinter:
    """A printer for a queue Qt knows (through CUPS or Windows); fails clearly when missing."""
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        known = ", ".join(QPrinterInfo.availablePrinterNames()) or QCoreApplication.translate(
            "QtPrinting", "none")
        raise PrintFailed(QCoreApplication.translate(
            "QtPrinting", "There is no printer {0} on this computer (printers: {1}).").format(
            repr(name), known))
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setResolution(resolution)
    return printer


def pdf_file_printer(path: str | Path, resolution: int = 300) -> QPrinter:
    """A Qt printer that writes a PDF file (works headless; used for tests and 'print to file')."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(resolution)
    return printer


def set_page_size_mm(printer: QPrinter, width_mm: float, height_mm: float) -> None:
    size = QPageSize(QSize(round(width_mm * 72 / 25.4), round(height_mm * 72 / 25.4)),
                     "RepairBench label", QPageSize.SizeMatchPolicy.ExactMatch)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                      printer.pageLayout().margins()))
    printer.setFullPage(True)


def print_pdf(pdf: bytes, printer: QPrinter, *, progress: Progress | None = None,
              cancel: CancelFlag | None = None, copies: int = 1) -> int:
    """Paint every page of `pdf` on `printer`, fitted to the page; returns the pages printed.

    Raises:
        PrintFailed: the printer could not be opened or a page not rendered.
        ui.worker.Cancelled: the cancel flag was set; the job is aborted, not half sent.
    """
    total = page_count(pdf)
    printer.setCopyCount(max(1, copies))
    dpi = min(printer.resolution(), MAX_RASTER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(QCoreApplication.translate(
            "QtPrinting", "The printer {0} could not be opened; check that it exists and is "
                          "switched on.").format(printer.printerName() or printer.outputFileName()))
    done = 0
    try:
        for image in rasterise(pdf, dpi, cancel):
            if done:
                printer.newPage()
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
            done += 1
            if progress is not None:
                progress(done, total)
    except BaseException:
        printer.abort()
        painter.end()
        raise
    if not painter.end():
        raise PrintFailed(QCoreApplication.translate("QtPrinting",
                                                     "The printer did not accept the job."))
    return done


def choose_printer(parent: QWidget | None, printer: QPrinter | None = None) -> QPrinter | None:
    """The print dialog; None when the clerk cancels it."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def preview_dialog(pdf: bytes, parent: QWidget | None, printer: QPrinter | None = None,
                   failures: list[BaseException] | None = None) -> QPrintPreviewDialog:
    """A print preview of `pdf` (not yet shown); its Print button prints the same pages.

    Args:
        failures: Collects what went wrong while painting: a slot cannot raise to the caller,
            and a failed print must not count as printed.
    """
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    # The dialog only points at the printer: without this reference Python would free it.
    dialog.printer_ref = printer  # type: ignore[attr-defined]

    def paint(target: QPrinter) -> None:
        try:
            print_pdf(pdf, target)
        except PrintFailed as exc:
            if failures is not None:
                failures.append(exc)

    dialog.paintRequested.connect(paint)
    return dialog


def preview(pdf: bytes, parent: QWidget | None, printer: QPrinter | None = None) -> bool:
    """Show the print preview; True when the clerk printed from it and the printer took the job.

    Raises:
        PrintFailed: the pages could not be painted or the printer refused them.
    """
    failures: list[BaseException] = []
    dialog = preview_dialog(pdf, parent, printer, failures)
    accepted = dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted
    if failures:
        raise failures[-1]
    return accepted
