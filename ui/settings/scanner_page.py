"""The scanner page: Admin's scanner settings and live test page, saved with the dialog's OK."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.admin.scanner_settings import ScannerSettingsPage, port_problem
from ui.settings.page import FieldError, SettingsPage


class ScannerPage(SettingsPage):
    title = QT_TRANSLATE_NOOP("SettingsDialog", "Scanner")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scanner = ScannerSettingsPage(self)
        self.scanner.save_button.hide()  # the dialog's OK saves every page at once
        QVBoxLayout(self).addWidget(self.scanner)

    def check(self) -> None:
        problem = port_problem(self.scanner.serial_port.text().strip())
        if problem:
            raise FieldError(self.tr("Serial-port scanner: ") + problem, self.scanner.serial_port)
        gap = self.scanner.test_page.threshold
        if not gap.hasAcceptableInput():
            raise FieldError(self.tr("Key gap: give the longest gap between scanner keys in "
                                     "milliseconds, from {0} to {1}.").format(
                                         gap.minimum(), gap.maximum()), gap)

    def store(self) -> None:
        self.scanner.save()
