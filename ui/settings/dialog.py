"""Edit > Settings: one dialog for the station's and the center's settings.

OK checks every page first and stores only when all are right: the center's values (one database
transaction, which may still be refused) go first, then this station's QSettings, so a refusal
never leaves half the settings saved. The center's transaction runs in the background
(`ui.admin.save_progress`): a warranty length, the time zone or the calendar recomputes the
stored due dates, which takes seconds on a large database; the dialog shows its progress.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
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

from core import center
from core.errors import UserError
from core.unit_of_work import Actor, Database
from ui.admin.save_progress import Report, SaveProgress
from ui.i18n import error_text
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
        self._database, self._actor = database, actor
        self.saving = SaveProgress()
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.index)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.saving)
        layout.addWidget(buttons)

    def page(self, kind: type[SettingsPage]) -> SettingsPage:
        return next(p for p in self.pages if isinstance(p, kind))

    def show_page(self, page: SettingsPage) -> None:
        self.index.setCurrentRow(self.pages.index(page))

    def apply(self) -> bool:
        """Check every page, then store them all; False (with the reason shown) when refused."""
        return self._checked() and self._store(sorted(self.pages, key=lambda p: not p.shared))

    def _checked(self) -> bool:
        for page in self.pages:
            try:
                page.check()
            except FieldError as exc:
                self._refuse(page, exc, exc.field)
                return False
        return True

    def _store(self, pages: list[SettingsPage]) -> bool:
        for page in pages:
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
        self.error.setText(error_text(error))
        self.show_page(page)
        if field is not None:
            field.setFocus()

    def accept(self) -> None:
        """Check every page; store the center's changes in the background, then the station's
        and close. A refusal keeps the dialog open with the reason and nothing stored."""
        if self.saving.busy or not self._checked():
            return
        page = self.page(CenterPage)
        assert isinstance(page, CenterPage)
        if not (page.editable and page.form.changed()):
            if self._store(self.pages):
                super().accept()
            return
        values = page.form.values()
        database, actor = self._database, self._actor

        def work(report: Report) -> None:
            with database.uow(actor) as uow:
                center.save(uow, values, report)

        self.buttons.setEnabled(False)
        # The Admin workspace's words for the same save (one translation for both).
        what = QCoreApplication.translate("CenterSettingsPage", "Saving the center's settings…")
        self.saving.run(what, work,
                        lambda _: self._center_saved(page, values),
                        lambda exc: self._center_refused(page, exc))

    def reject(self) -> None:
        # Cancel cannot take back a transaction under way; its outcome is shown here shortly.
        if not self.saving.busy:
            super().reject()

    def _center_saved(self, page: CenterPage, values: dict[str, str]) -> None:
        self.buttons.setEnabled(True)
        page.form.loaded = values
        if self._store([p for p in self.pages if not p.shared]):
            super().accept()

    def _center_refused(self, page: CenterPage, error: UserError) -> None:
        self.buttons.setEnabled(True)
        self._refuse(page, error, None)
