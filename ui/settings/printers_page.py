"""This station's printer profiles: where labels and reports go, at which size and resolution.

The profiles are kept by ui.printing.profiles; this page only edits the list.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError
from ui.i18n import error_text
from ui.printing.profiles import (
    DPIS,
    KINDS,
    PrinterProfile,
    load_profiles,
    printer_font,
    save_profiles,
)
from ui.settings.page import FieldError, SettingsPage


class PrintersPage(SettingsPage):
    title = QT_TRANSLATE_NOOP("SettingsDialog", "Printers and labels")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profiles: list[PrinterProfile] = load_profiles()
        self._filling = False
        self.list = QListWidget()
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add_profile)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_profile)

        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind, text in KINDS.items():
            self.kind.addItem(self.tr(text), kind)  # KINDS marks them in this context
        self.target = QComboBox()
        self.target.setEditable(True)
        self.target.addItems(QPrinterInfo.availablePrinterNames())
        self.width = QDoubleSpinBox(suffix=self.tr(" mm"), decimals=1, minimum=20, maximum=300)
        self.height = QDoubleSpinBox(suffix=self.tr(" mm"), decimals=1, minimum=20, maximum=400)
        self.dpi = QComboBox()
        for dpi in DPIS:
            self.dpi.addItem(self.tr("{0} dpi").format(dpi), dpi)
        self.copies = QSpinBox(minimum=1, maximum=20)
        self.cjk_font = QLineEdit()
        self.cjk_font.setPlaceholderText(self.tr("none: Chinese prints as graphics"))
        self.cjk_font.setToolTip(self.tr(
            "A Chinese font stored in the label printer, e.g. E:SIMSUN.TTF: Chinese text then "
            "prints in the printer's own font, sharper and faster than graphics."))

        form = QFormLayout()
        form.addRow(self.tr("Profile name"), self.name)
        form.addRow(self.tr("Printer kind"), self.kind)
        form.addRow(self.tr("Printer, queue, host:port or folder"), self.target)
        form.addRow(self.tr("Label width"), self.width)
        form.addRow(self.tr("Label height"), self.height)
        form.addRow(self.tr("Resolution (ZPL)"), self.dpi)
        form.addRow(self.tr("Copies"), self.copies)
        form.addRow(self.tr("Printer's Chinese font (ZPL)"), self.cjk_font)
        self.editor = QWidget()
        self.editor.setLayout(form)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.editor, 2)

        self.list.currentRowChanged.connect(self._show)
        self.name.textChanged.connect(self._edited)
        self.target.editTextChanged.connect(self._edited)
        self.cjk_font.textChanged.connect(self._edited)
        for combo in (self.kind, self.dpi):
            combo.currentIndexChanged.connect(self._edited)
        for spin in (self.width, self.height, self.copies):
            spin.valueChanged.connect(self._edited)
        for profile in self.profiles:
            self.list.addItem(profile.name)
        self.list.setCurrentRow(0 if self.profiles else -1)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        self.editor.setEnabled(row >= 0)
        self.remove_button.setEnabled(row >= 0)
        if row < 0:
            return
        profile = self.profiles[row]
        self._filling = True
        self.name.setText(profile.name)
        self.kind.setCurrentIndex(max(self.kind.findData(profile.kind), 0))
        self.target.setEditText(profile.target)
        self.width.setValue(profile.width_mm)
        self.height.setValue(profile.height_mm)
        self.dpi.setCurrentIndex(max(self.dpi.findData(profile.dpi), 0))
        self.copies.setValue(profile.copies)
        self.cjk_font.setText(profile.cjk_font)
        self._filling = False

    def _edited(self) -> None:
        row = self.list.currentRow()
        if self._filling or row < 0:
            return
        self.profiles[row] = PrinterProfile(
            name=self.name.text().strip(), kind=self.kind.currentData(),
            target=self.target.currentText().strip(), width_mm=self.width.value(),
            height_mm=self.height.value(), dpi=self.dpi.currentData(), copies=self.copies.value(),
            cjk_font=self.cjk_font.text().strip())
        self.list.item(row).setText(self.profiles[row].name or self.tr("(no name)"))

    def add_profile(self) -> None:
        taken = {p.name for p in self.profiles}
        names = (self.tr("Printer {0}").format(n) for n in range(1, len(taken) + 2))
        name = next(n for n in names if n not in taken)
        self.profiles.append(PrinterProfile(name))
        self.list.addItem(name)
        self.list.setCurrentRow(len(self.profiles) - 1)
        self.name.setFocus()

    def remove_profile(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            del self.profiles[row]
            self.list.takeItem(row)
            self._show(self.list.currentRow())

    def check(self) -> None:
        seen: set[str] = set()
        for row, profile in enumerate(self.profiles):
            try:
                printer_font(profile.cjk_font)
            except UserError as exc:
                self.list.setCurrentRow(row)
                raise FieldError(self.tr("Printer profile {0}: {1}").format(profile.name, exc),
                                 self.cjk_font) from exc
            try:
                profile.validate()
                if profile.name in seen:
                    raise UserError(self.tr("Two printer profiles are named {0}.").format(
                        repr(profile.name)))
            except UserError as exc:
                self.list.setCurrentRow(row)
                raise FieldError(error_text(exc), self.name) from exc
            seen.add(profile.name)

    def store(self) -> None:
        save_profiles(self.profiles)
