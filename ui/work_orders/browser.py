"""The Work orders workspace: search, filter by status, sort, open a service record."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.models import WorkOrderStatus
from core.services import browse
from core.unit_of_work import Database
from ui.work_orders.browser_model import WorkOrderTableModel
from ui.work_orders.service_record import ServiceRecordDialog
from ui.work_orders.states import state_text

SEARCH_DELAY_MS = 250


class WorkOrderBrowser(QWidget):
    """A table over all work orders with a search box and a status filter."""

    def __init__(self, database: Database, timezone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._tz = timezone
        self.model = WorkOrderTableModel(database, timezone, self)

        self.search = QLineEdit(placeholderText=self.tr(
            "Search work order, order number, serial, customer name or phone"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("All states"), None)
        for state in WorkOrderStatus:
            self.status.addItem(state_text(state), state)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addWidget(self.summary)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.model.modelReset.connect(self._update_summary)
        # Enabling sorting runs the first query at once (Qt sorts by the indicator, so it is set
        # first), with the empty search and filter: any other query at opening would count a
        # million work orders again.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(self._open_row)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)

        # Searching on every key press would query the database per letter typed.
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.status.currentIndexChanged.connect(self.apply_filters)
        # Wide enough for a Chinese date and time (2026/3/14 上午10:42).
        for column, width in enumerate((150, 130, 160, 130, 120, 130, 160, 60)):
            self.table.setColumnWidth(column, width)

    def apply_filters(self) -> None:
        self._search_timer.stop()
        q = self.model.query
        self.model.set_query(browse.BrowseQuery(self.status.currentData(), self.search.text(),
                                                q.sort_column, q.descending))

    def _update_summary(self) -> None:
        self.summary.setText(self.tr("%n work order(s)", "", self.model.rowCount()))

    def _open_row(self, index: QModelIndex) -> None:
        number = self.model.work_order_number(index.row())
        if number:
            self.open_service_record(number)

    def open_service_record(self, number: str) -> ServiceRecordDialog:
        dialog = ServiceRecordDialog(self._database, number, self._tz, self)
        dialog.show()
        return dialog
