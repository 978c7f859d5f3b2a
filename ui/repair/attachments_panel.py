"""Photos and logs of the unit on the page: the list, "Attach photo / log…" and "Open".

Each file is stored in its own unit of work, so a refused file (too large, gone) is reported and
the others are kept. Opening writes the stored copy to a temporary file for the system viewer.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import center
from core.errors import UserError
from core.services import attachments
from core.unit_of_work import Actor, Database
from ui.i18n import current_language, error_text

COLUMNS = (QT_TRANSLATE_NOOP("AttachmentsPanel", "File"),
           QT_TRANSLATE_NOOP("AttachmentsPanel", "Type"),
           QT_TRANSLATE_NOOP("AttachmentsPanel", "Size"),
           QT_TRANSLATE_NOOP("AttachmentsPanel", "Finding"),
           QT_TRANSLATE_NOOP("AttachmentsPanel", "Added by"),
           QT_TRANSLATE_NOOP("AttachmentsPanel", "Added"))
FILE_FILTER = QT_TRANSLATE_NOOP(
    "AttachmentsPanel", "Photos and logs (*.jpg *.jpeg *.png *.heic *.webp *.log *.txt *.csv "
    "*.json *.pdf *.zip);;All files (*)")
ATTACH_KEY, OPEN_KEY = "Ctrl+Shift+A", "Ctrl+Shift+O"


def _open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AttachmentsPanel(QWidget):
    """Signals: changed() after files were stored; message(str) for the page's message line.

    `parcel_only` lists the unit's own files and its parcel's (the intake tab); otherwise every
    file of the unit, with a chooser of the finding a new file belongs to (the findings tab). A
    file not added to a finding is filed with the unit.
    """

    changed = Signal()
    message = Signal(str)

    def __init__(self, database: Database, actor: Actor, *, parcel_only: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor, self._parcel_only = database, actor, parcel_only
        self.unit_id: int | None = None
        self.rows: list[attachments.AttachmentRow] = []
        self.open_file: Callable[[Path], bool] = _open_with_system  # tests look, not launch
        self.ask_paths: Callable[[], list[str]] = self._ask_paths  # tests answer without a dialog
        self._folder: Path | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.cellActivated.connect(lambda row, _col: self.open_row(row))
        self.finding = QComboBox()
        self.attach_button = self._button(self.tr("Attach photo / log…"), ATTACH_KEY,
                                          self.choose_files)
        self.open_button = self._button(self.tr("Open"), OPEN_KEY, lambda: self.open_row())
        bar = QHBoxLayout()
        if not parcel_only:
            bar.addWidget(QLabel(self.tr("For")))
            bar.addWidget(self.finding, 1)
        bar.addWidget(self.attach_button)
        bar.addWidget(self.open_button)
        if parcel_only:
            bar.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.table, 1)

    def _button(self, text: str, key: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setShortcut(QKeySequence(key))
        button.setToolTip(key)
        button.clicked.connect(slot)
        return button

    # --- showing ----------------------------------------------------------------------------

    def set_unit(self, unit_id: int) -> None:
        self.unit_id = unit_id
        chosen = self.finding.currentData()
        language = current_language()
        with self._db.uow() as uow:
            tz = center.load(uow).timezone
            self.rows = attachments.list_for_unit(uow, unit_id, parcel_only=self._parcel_only)
            findings = ([] if self._parcel_only
                        else attachments.findings_of(uow, unit_id, language))
            tests = {row.finding: attachments.test_name_in(uow, unit_id, row.finding, language)
                     for row in self.rows if row.finding}
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = (row.filename, row.media_type, attachments.size_text(row.size),
                      tests.get(row.finding) or (self.tr("unit") if row.on_unit
                                                 else self.tr("parcel")),
                      row.added_by or "-",
                      center.local_time(row.added_at, tz))
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.finding.clear()
        self.finding.addItem(self.tr("the whole unit"), None)
        for finding_id, text in findings:
            self.finding.addItem(text, finding_id)
        self.finding.setCurrentIndex(max(self.finding.findData(chosen), 0))

    def choose_finding(self, finding_id: int | None) -> None:
        self.finding.setCurrentIndex(max(self.finding.findData(finding_id), 0))

    # --- attaching --------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self.unit_id is None:
            self.message.emit(self.tr("Open a unit first."))
            return
        paths = self.ask_paths()
        if paths:
            self.attach_files(paths)

    def _ask_paths(self) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach photos or logs"), "",
                                                self.tr(FILE_FILTER))
        return paths

    def attach_files(self, paths: Iterable[str | Path]) -> int:
        """Store each file; say which were attached and why any was refused. Returns how many
        were stored."""
        if self.unit_id is None:
            self.message.emit(self.tr("Open a unit first."))
            return 0
        finding_id = None if self._parcel_only else self.finding.currentData()
        stored: list[str] = []
        refused: list[str] = []
        for path in paths:
            try:
                with self._db.uow(self._actor) as uow:
                    row = attachments.attach_file(uow, self.unit_id, path, finding_id=finding_id)
                stored.append(row.filename)
            except UserError as exc:
                refused.append(error_text(exc))
        if stored:
            self.set_unit(self.unit_id)
            self.changed.emit()
        words = [self.tr("Attached {0}.").format(", ".join(stored))] if stored else []
        self.message.emit(" ".join(words + refused))
        return len(stored)

    # --- opening ----------------------------------------------------------------------------

    def open_row(self, row: int | None = None) -> Path | None:
        """Write the stored file to a temporary folder and hand it to the system viewer."""
        row = self.table.currentRow() if row is None else row
        if not 0 <= row < len(self.rows):
            self.message.emit(self.tr("Choose a file in the list first."))
            return None
        try:
            with self._db.uow() as uow:
                name, _, content = attachments.content_of(uow, self.rows[row].id)
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="repairbench-"))
            path = self._folder / f"{self.rows[row].id}-{name}"
            path.write_bytes(content)
        except (UserError, OSError) as exc:
            self.message.emit(error_text(exc))
            return None
        if not self.open_file(path):
            self.message.emit(self.tr("No program opens {0}; it is saved at {1}.").format(
                name, path))
        return path
