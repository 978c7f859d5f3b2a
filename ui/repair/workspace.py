"""The repair workspace: queues with counts on the left, the unit page on the right.

A serial scanned anywhere in the workspace opens that unit (ScanCapture scoped to it).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QSplitter, QTableView, QVBoxLayout, QWidget

from core.services import repair_queues
from core.unit_of_work import Actor, Database
from ui.repair.queue_model import QueueModel
from ui.repair.unit_page import UnitPage
from ui.scanner.keyboard import ScanCapture

# The queues' titles (core names them in English, by key).
QUEUE_TITLES = {
    "mine": QT_TRANSLATE_NOOP("RepairWorkspace", "My units"),
    "diagnosis": QT_TRANSLATE_NOOP("RepairWorkspace", "Waiting for diagnosis"),
    "customer": QT_TRANSLATE_NOOP("RepairWorkspace", "Waiting for customer"),
    "repair": QT_TRANSLATE_NOOP("RepairWorkspace", "In repair"),
    "due": QT_TRANSLATE_NOOP("RepairWorkspace", "Due today / overdue"),
}


class RepairWorkspace(QWidget):
    def __init__(self, database: Database, actor: Actor, timezone: ZoneInfo,
                 parent: QWidget | None = None, *, capture_scans: bool = True) -> None:
        super().__init__(parent)
        self._db, self._actor = database, actor
        self.queues = QListWidget()
        self.model = QueueModel(database, timezone, actor.user_id, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.page = UnitPage(database, actor)
        left = QWidget()
        box = QVBoxLayout(left)
        box.addWidget(self.queues)
        box.addWidget(self.table, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.page)
        split.setStretchFactor(1, 2)
        split.setSizes([440, 900])  # the queue table shows serial, model and work order
        QHBoxLayout(self).addWidget(split)
        self.queues.currentRowChanged.connect(self._queue_chosen)
        self.table.activated.connect(self._open_row)
        self.table.clicked.connect(self._open_row)
        self.page.changed.connect(lambda _id: self.refresh_counts())
        self.refresh_counts()
        self.queues.setCurrentRow(1)
        rows = self.queues.count()
        self.queues.setMaximumHeight(self.queues.sizeHintForRow(0) * rows
                                     + 2 * self.queues.frameWidth() + 4)
        self.capture: ScanCapture | None = None
        if capture_scans:
            self.capture = ScanCapture(self)
            self.capture.set_scope(self)
            self.capture.scanned.connect(self.open_serial)
            self.capture.install()

    def refresh_counts(self) -> None:
        row = max(self.queues.currentRow(), 0)
        self.queues.blockSignals(True)
        self.queues.clear()
        with self._db.uow() as uow:
            for key, title in repair_queues.QUEUES.items():
                n = repair_queues.count(uow, key, self._actor.user_id)
                self.queues.addItem(self.tr("{0} ({1})").format(
                    self.tr(QUEUE_TITLES.get(key, title)), n))
        self.queues.setCurrentRow(row)
        self.queues.blockSignals(False)
        self.model.set_queue(list(repair_queues.QUEUES)[row])

    def _queue_chosen(self, row: int) -> None:
        if row >= 0:
            self.model.set_queue(list(repair_queues.QUEUES)[row])

    def _open_row(self, index: QModelIndex) -> None:
        unit_id = self.model.data(index.siblingAtColumn(0), 256)  # Qt.UserRole
        if unit_id is not None:
            self.page.show_unit(int(unit_id))

    def open_serial(self, serial: str) -> bool:
        """Open the unit with this serial; say so when none is known."""
        with self._db.uow() as uow:
            unit_id = repair_queues.find_by_serial(uow, serial.strip())
        if unit_id is None:
            self.page.message.setText(self.tr("No unit with serial {0}.").format(serial))
            return False
        self.page.show_unit(unit_id)
        return True
