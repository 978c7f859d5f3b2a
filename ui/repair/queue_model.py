"""A repair queue as a table model: a count, and rows fetched a block at a time (as the
work-order browser does), so a long queue opens at once."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core import center
from core.services import repair_queues
from core.unit_of_work import Database

BLOCK = 200
MAX_BLOCKS = 32
COLUMNS = ("Serial", "Model", "Work order", "State", "Received")
Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    """Units of one queue. Signals (inherited): modelReset after every `set_queue`."""

    def __init__(self, database: Database, timezone: ZoneInfo, user_id: int | None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._database, self._tz, self._user_id = database, timezone, user_id
        self.queue = "diagnosis"
        self._count = 0
        self._blocks: OrderedDict[int, list[repair_queues.QueueRow]] = OrderedDict()

    def set_queue(self, queue: str) -> None:
        self.beginResetModel()
        self.queue = queue
        self._blocks.clear()
        with self._database.uow() as uow:
            self._count = repair_queues.count(uow, queue, self._user_id)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def row_at(self, row: int) -> repair_queues.QueueRow | None:
        if not 0 <= row < self._count:
            return None
        number = row // BLOCK
        block = self._blocks.get(number)
        if block is None:
            with self._database.uow() as uow:
                block = repair_queues.page(uow, self.queue, number * BLOCK, BLOCK, self._user_id)
            self._blocks[number] = block
            if len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        offset = row - number * BLOCK
        return block[offset] if offset < len(block) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (item.serial, item.model, item.work_order, item.status.replace("_", " "),
                  center.local_time(item.received_at, self._tz))
        return values[index.column()]
