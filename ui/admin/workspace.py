"""Admin screens: the center's name and time zone, policies (view, add, assign), products.

Saves that move stored due dates run in the background (`ui.admin.save_progress`), one at a
time; the bar beside the tabs shows their progress.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import center
from core.errors import UserError
from core.services import policies
from core.unit_of_work import Actor, Database
from ui.admin.save_progress import Report, SaveProgress
from ui.i18n import error_text
from ui.settings.center_form import CenterForm


class AdminWorkspace(QTabWidget):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.last_error = ""
        self.saving = SaveProgress()
        self.setCornerWidget(self.saving, Qt.Corner.TopRightCorner)
        self.center_tab = CenterSettingsPage(self)
        self.policies_tab = PoliciesPage(self)
        self.addTab(self.center_tab, self.tr("Center"))
        self.addTab(self.policies_tab, self.tr("Policies and products"))
        from ui.admin.scanner_settings import ScannerSettingsPage

        self.scanner_tab = ScannerSettingsPage(self)
        self.addTab(self.scanner_tab, self.tr("Scanner"))

    def fail(self, error: UserError) -> None:
        # Non-modal, so a refused value never blocks the rest of the station's work.
        self.last_error = error_text(error)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), error_text(error),
                          QMessageBox.StandardButton.Ok, self)
        box.open()


class CenterSettingsPage(QWidget):
    """The center form (shared with Edit > Settings) with its own Save button."""

    def __init__(self, admin: AdminWorkspace) -> None:
        super().__init__()
        self.admin = admin
        self.form = CenterForm(admin.database, admin.actor)
        self.fields = self.form.fields
        self.status = QLabel()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.form.form.addRow(self.save_button, self.status)
        QVBoxLayout(self).addWidget(self.form)

    def save(self) -> bool:
        """Check the values, then store them in the background (a setting a policy reads moves
        due dates); True once the save started. The outcome shows in the status line."""
        try:
            self.form.check()
        except UserError as exc:
            self._refused(exc)
            return False
        values = self.form.values()
        database, actor = self.admin.database, self.admin.actor

        def work(report: Report) -> None:
            with database.uow(actor) as uow:
                center.save(uow, values, report)

        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        started = self.admin.saving.run(self.tr("Saving the center's settings…"), work,
                                        lambda _: self._saved(values), self._refused)
        if not started:
            self.save_button.setEnabled(True)
        return started

    def _saved(self, values: dict[str, str]) -> None:
        self.form.loaded = values
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Saved."))

    def _refused(self, error: UserError) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(error_text(error))
        self.admin.fail(error)


class PoliciesPage(QWidget):
    def __init__(self, admin: AdminWorkspace) -> None:
        super().__init__()
        self.admin = admin
        self.list = QListWidget()
        self.document = QPlainTextEdit(readOnly=True)
        self.add_button = QPushButton(self.tr("Add a policy file…"))
        self.add_button.clicked.connect(self.add_from_file)
        self.status = QLabel()
        self.status.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Policies")))
        left.addWidget(self.list)
        left.addWidget(self.add_button)
        left.addWidget(self.status)
        self.products = QTableWidget(0, 4)
        self.products.setHorizontalHeaderLabels(
            [self.tr("Model"), self.tr("Name"), self.tr("Brand"), self.tr("Policy")])
        right = QVBoxLayout()
        right.addWidget(self.document, 1)
        right.addWidget(QLabel(self.tr("Products and their policy")))
        right.addWidget(self.products, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)
        self.list.currentItemChanged.connect(self._show)
        self.reload()

    def reload(self) -> None:
        with self.admin.database.uow() as uow:
            rows = policies.list_policies(uow)
            products = policies.catalogue(uow)
        self.list.clear()
        codes = []
        for code, name, preset, document in rows:
            item = QListWidgetItem(f"{name} ({code})" + ("" if preset else " *"))
            item.setData(256, document)
            self.list.addItem(item)
            codes.append(code)
        self.products.setRowCount(len(products))
        for r, (model, name, brand, code) in enumerate(products):
            for c, value in enumerate((model, name, brand)):
                self.products.setItem(r, c, QTableWidgetItem(value))
            combo = QComboBox()
            combo.addItems(codes)
            combo.setCurrentText(code)
            combo.currentTextChanged.connect(lambda new, m=model: self.assign(m, new))
            self.products.setCellWidget(r, 3, combo)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None) -> None:
        self.document.setPlainText(item.data(256) if item else "")

    def add_from_file(self, path: str | None = None) -> bool:
        """Read the file, then validate and store it in the background (replacing a policy
        recomputes its units' due dates); True once the save started."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Policy file"), "",
                                                  self.tr("Policy files (*.toml)"))
            if not path:
                return False
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.admin.fail(UserError(self.tr("Cannot read {0}: {1}").format(path, exc)))
            return False
        name = Path(path).name
        try:
            policies.check_policy(text, name)  # a bad file is refused at once, naming the key
        except UserError as exc:
            self.admin.fail(exc)
            return False
        return self._in_background(
            self.tr("Saving policy {0}…").format(name),
            lambda uow, report: policies.save_policy(uow, text, name, report),
            self.tr("Policy {0} saved.").format(name))

    def assign(self, model: str, code: str) -> bool:
        """Assign in the background (the model's units' due dates follow); True once started."""
        return self._in_background(
            self.tr("Assigning {0} to {1}…").format(code, model),
            lambda uow, report: policies.assign_policy(uow, model, code, report),
            self.tr("{0} now follows {1}.").format(model, code))

    def _in_background(self, what: str, action: Any, done: str) -> bool:
        database, actor = self.admin.database, self.admin.actor

        def work(report: Report) -> None:
            with database.uow(actor) as uow:
                action(uow, report)

        self._enable(False)
        self.status.setText(what)
        started = self.admin.saving.run(what, work, lambda _: self._saved(done), self._refused)
        if not started:
            self._enable(True)
        return started

    def _enable(self, enabled: bool) -> None:
        # Nothing else on this page may write while a save recomputes due dates.
        self.add_button.setEnabled(enabled)
        self.products.setEnabled(enabled)

    def _saved(self, done: str) -> None:
        self._enable(True)
        self.reload()
        self.status.setText(done)

    def _refused(self, error: UserError) -> None:
        self._enable(True)
        self.status.setText(error_text(error))
        self.admin.fail(error)
        self.reload()  # a combo shows the policy still assigned
