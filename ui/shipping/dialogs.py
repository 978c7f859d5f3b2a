"""The questions the Shipping workspace asks the clerk in modal dialogs.

Grouped so that tests hand the workspace their own answers (a PDF-file printer, a path, yes or
no) and no dialog ever blocks a test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.printing import qt_print


def choose_printer(parent: QWidget) -> QPrinter | None:
    """The print dialog on a fresh printer; None when the clerk closes it."""
    return qt_print.choose_printer(parent)


def preview(pdf: bytes, parent: QWidget) -> bool:
    """The print preview; True when the clerk printed from it and the printer took the job."""
    return qt_print.preview(pdf, parent)


def save_path(parent: QWidget, suggested: str) -> str:
    """Where to save a PDF; empty when the clerk cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ShippingDialogs", "Save as PDF"), suggested,
        QCoreApplication.translate("ShippingDialogs", "PDF (*.pdf)"))
    return path


def confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, QCoreApplication.translate("ShippingDialogs",
                                                                     "Shipping"), question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


@dataclass
class ShippingDialogs:
    choose_printer: Callable[[QWidget], QPrinter | None] = choose_printer
    preview: Callable[[bytes, QWidget], bool] = preview
    save_path: Callable[[QWidget, str], str] = save_path
    confirm: Callable[[QWidget, str], bool] = confirm
