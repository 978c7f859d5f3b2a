"""The work-order table model: a count, and rows fetched a block at a time as they are shown.

Holding only the blocks in view is what lets a million work orders open at once; reading each
block by a seek (`SeekingBlocks`) is what lets them scroll to any position at once.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from core.services import browse
from core.unit_of_work import Database
from ui import i18n
from ui.work_orders.browse_blocks import SeekingBlocks
from ui.work_orders.states import service_text, state_text

Index = QModelIndex | QPersistentModelIndex

# The headers of core's browse.COLUMNS, named here so that lupdate finds them.
HEADERS = (QT_TRANSLATE_NOOP("WorkOrderColumns", "Work order"),
           QT_TRANSLATE_NOOP("WorkOrderColumns", "Order number"),
           QT_TRANSLATE_NOOP("WorkOrderColumns", "Customer"),
           QT_TRANSLATE_NOOP("WorkOrderColumns", "Phone"),
           QT_TRANSLATE_NOOP("WorkOrderColumns", "Status"),
           QT_TRANSLATE_NOOP("WorkOrderColumns", "Service"),
           QT_TRANSLATE_NOOP("WorkOrderColumns", "Submitted"),
           QT_TRANSLATE_NOOP("WorkOrderColumns", "Units"))
STATUS, SERVICE, SUBMITTED, UNITS = 4, 5, 6, 7
# Once the user has settled on a sort or filter, the positions of a long list are read in the
# background, so that the first far jump finds them ready.
KEYS_DELAY_MS = 500


class WorkOrderTableModel(QAbstractTableModel):
    """Rows of `core.services.browse`, cached by block.

    Signals (inherited): modelReset after every new query; dataChanged over every row when the
    positions of a long list have been read, for rows left empty until then.
    """

    def __init__(self, database: Database, timezone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._database = database
        self._tz = timezone
        self._query = browse.BrowseQuery()
        self._count = 0
        self._rows = SeekingBlocks(database, self._keys_arrived)
        self._queries = 0
        self._read_keys = QTimer(self, singleShot=True, interval=KEYS_DELAY_MS)
        self._read_keys.timeout.connect(self._rows.prefetch_keys)

    @property
    def query(self) -> browse.BrowseQuery:
        return self._query

    def set_query(self, query: browse.BrowseQuery) -> None:
        self.beginResetModel()
        self._query = query
        with self._database.uow() as uow:
            self._count = browse.count(uow, query)
        self._rows.reset(query, self._count)
        self.endResetModel()
        # Not for the query the browser opens with: a desk opens without a second of work.
        if self._queries:
            self._read_keys.start()
        self._queries += 1

    def refresh(self) -> None:
        self.set_query(self._query)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(browse.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("WorkOrderColumns", browse.COLUMNS[section][0])
        return None

    @property
    def queries_run(self) -> int:
        return self._rows.fetches

    @property
    def keys_ready(self) -> bool:
        return self._rows.keys_ready

    def _keys_arrived(self) -> None:
        # The browser may be closed by the time they come.
        if shiboken6.isValid(self):
            # Later, not inside the data() call that may have asked for them: rows left empty
            # while the keys were read are shown now.
            QTimer.singleShot(0, self, self._show_again)

    def _show_again(self) -> None:
        if self._count:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._count - 1, len(browse.COLUMNS) - 1))

    def row_at(self, row: int) -> browse.Row | None:
        return self._rows.get(row) if 0 <= row < self._count else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                                Qt.ItemDataRole.UserRole):
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        column = index.column()
        value = item.cell(column)
        if column == SUBMITTED:
            return i18n.date_time_text(value, self._tz)
        if column == STATUS:
            return state_text(value)
        if column == SERVICE:
            return service_text(value)
        if column == UNITS and isinstance(value, int):
            return i18n.number_text(value)
        return str(value) if value is not None else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if browse.COLUMNS[column][1] is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        q = self._query
        self.set_query(browse.BrowseQuery(q.status, q.search, column, descending))

    def work_order_number(self, row: int) -> str | None:
        item = self.row_at(row)
        return item.number if item else None
