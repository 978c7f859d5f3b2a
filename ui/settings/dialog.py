"""Edit > Settings: one dialog for the station's and the center's settings.

OK checks every page first and stores only when all are right: the center's values (one database
transaction, which may still be refused) go first, then this station's QSettings, so a refusal
never leaves half the settings saved.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError
from core.unit_of_work import Actor, Database
from ui.settings.center_form import CenterPage
from ui.settings.database_page import DatabasePage
from ui.settings.page import FieldError, SettingsPage
from ui.settings.printers_page import PrintersPage
from ui.settings.scanner_page import ScannerPage
from ui.settings.station_page import SoundsPage, StationPage


class SettingsDialog(QDialog):
    """Every setting by page; `error` shows why OK was refused (and the field gets the focus)."""

    def __init__(self, database: Database, actor: Actor, current_url: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.resize(860, 560)
        self.pages: list[SettingsPage] = [
            StationPage(), CenterPage(database, actor), ScannerPage(), PrintersPage(),
            SoundsPage(), DatabasePage(current_url)]
        self.index = QListWidget()
        self.index.setMaximumWidth(180)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.index.addItem(self.tr(page.title))
            self.stack.addWidget(page)
        self.index.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.index.setCurrentRow(0)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.index)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def page(self, kind: type[SettingsPage]) -> SettingsPage:
        return next(p for p in self.pages if isinstance(p, kind))

    def show_page(self, page: SettingsPage) -> None:
        self.index.setCurrentRow(self.pages.index(page))

    def apply(self) -> bool:
        """Check every page, then store them all; False (with the reason shown) when refused."""
        for page in self.pages:
            try:
                page.check()
            except FieldError as exc:
                self._refuse(page, exc, exc.field)
                return False
        ordered = sorted(self.pages, key=lambda p: not p.shared)
        for page in ordered:
            try:
                page.store()
            except UserError as exc:
                # Only a shared page can be refused here, and those are stored first.
                self._refuse(page, exc, None)
                return False
        QSettings().sync()
        self.error.clear()
        return True

    def _refuse(self, page: SettingsPage, error: UserError, field: QWidget | None) -> None:
        self.error.setText(str(error))
        self.show_page(page)
        if field is not None:
            field.setFocus()

    def accept(self) -> None:
        if self.apply():
            super().accept()
