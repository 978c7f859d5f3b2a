"""Admin screens: the center's name and time zone, policies (view, add, assign), products."""

from __future__ import annotations

from pathlib import Path

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
from core.errors import UserError
from core.services import policies
from core.unit_of_work import Actor, Database
from ui.settings.center_form import CenterForm


class AdminWorkspace(QTabWidget):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.last_error = ""
        self.center_tab = CenterSettingsPage(self)
        self.policies_tab = PoliciesPage(self)
        self.addTab(self.center_tab, self.tr("Center"))
        self.addTab(self.policies_tab, self.tr("Policies and products"))
        from ui.admin.scanner_settings import ScannerSettingsPage

        self.scanner_tab = ScannerSettingsPage(self)
        self.addTab(self.scanner_tab, self.tr("Scanner"))

    def fail(self, error: UserError) -> None:
        # Non-modal, so a refused value never blocks the rest of the station's work.
        self.last_error = str(error)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), str(error),
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
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save)
        self.form.form.addRow(save, self.status)
        QVBoxLayout(self).addWidget(self.form)

    def save(self) -> bool:
        try:
            self.form.check()
            self.form.save()
        except UserError as exc:
            self.status.setText(str(exc))
            self.admin.fail(exc)
            return False
        self.status.setText(self.tr("Saved."))
        return True


class PoliciesPage(QWidget):
    def __init__(self, admin: AdminWorkspace) -> None:
        super().__init__()
        self.admin = admin
        self.list = QListWidget()
        self.document = QPlainTextEdit(readOnly=True)
        add = QPushButton(self.tr("Add a policy file…"))
        add.clicked.connect(self.add_from_file)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Policies")))
        left.addWidget(self.list)
        left.addWidget(add)
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
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Policy file"), "",
                                                  self.tr("Policy files (*.toml)"))
            if not path:
                return False
        try:
            text = Path(path).read_text(encoding="utf-8")
            with self.admin.database.uow(self.admin.actor) as uow:
                policies.save_policy(uow, text, Path(path).name)
        except (OSError, UnicodeDecodeError) as exc:
            self.admin.fail(UserError(self.tr("Cannot read {0}: {1}").format(path, exc)))
            return False
        except UserError as exc:
            self.admin.fail(exc)
            return False
        self.reload()
        return True

    def assign(self, model: str, code: str) -> None:
        try:
            with self.admin.database.uow(self.admin.actor) as uow:
                policies.assign_policy(uow, model, code)
        except UserError as exc:
            self.admin.fail(exc)
            self.reload()
