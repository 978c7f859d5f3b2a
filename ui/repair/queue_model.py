"""A repair queue as a table model: a count, and rows fetched a block at a time (as the
work-order browser does), so a long queue opens at once."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from core import center
from core.services import repair_queues
from core.unit_of_work import Database
from ui.block_cache import BlockCache
from ui.work_orders.states import state_text

COLUMNS = (QT_TRANSLATE_NOOP("QueueModel", "Serial"), QT_TRANSLATE_NOOP("QueueModel", "Model"),
           QT_TRANSLATE_NOOP("QueueModel", "Work order"), QT_TRANSLATE_NOOP("QueueModel", "State"),
           QT_TRANSLATE_NOOP("QueueModel", "Received"), QT_TRANSLATE_NOOP("QueueModel", "Due"))
# Overdue red, due today amber; the Due column also says it in words (not by colour alone).
_DUE_COLOURS = {repair_queues.OVERDUE: QColor("#f8c4c4"), repair_queues.DUE_TODAY: QColor("#fde3a7")}
_DUE_WORDS = {repair_queues.OVERDUE: QT_TRANSLATE_NOOP("QueueModel", "OVERDUE"),
              repair_queues.DUE_TODAY: QT_TRANSLATE_NOOP("QueueModel", "TODAY")}
Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    """Units of one queue. Signals (inherited): modelReset after every `set_queue`."""

    def __init__(self, database: Database, timezone: ZoneInfo, user_id: int | None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._database, self._tz, self._user_id = database, timezone, user_id
        self.queue = "diagnosis"
        self._count = 0
        self._rows: BlockCache[repair_queues.QueueRow] = BlockCache(self._page, max_blocks=32)

    def set_queue(self, queue: str) -> None:
        self.beginResetModel()
        self.queue = queue
        self._rows.clear()
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

    def _page(self, offset: int, limit: int) -> list[repair_queues.QueueRow]:
        with self._database.uow() as uow:
            return repair_queues.page(uow, self.queue, offset, limit, self._user_id)

    def row_at(self, row: int) -> repair_queues.QueueRow | None:
        return self._rows.get(row) if 0 <= row < self._count else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if role == Qt.ItemDataRole.BackgroundRole and item.due_state in _DUE_COLOURS:
            return QBrush(_DUE_COLOURS[item.due_state])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (item.serial, item.model, item.work_order, state_text(item.status),
                  center.local_time(item.received_at, self._tz), self._due_text(item))
        return values[index.column()]

    def _due_text(self, item: repair_queues.QueueRow) -> str:
        if item.due_at is None:
            return ""
        text = f"{center.local_time(item.due_at, self._tz)} ({item.due_rule})"
        word = _DUE_WORDS.get(item.due_state or "")
        return f"{self.tr(word)} {text}" if word else text
