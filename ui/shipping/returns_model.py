"""The refused parcels waiting to go back to their sender, as a lazy table (rule S3).

Finding the waiting parcels reads the whole parcel table once (a quarter of a second at a million
parcels), so it runs in the background and the list fills when it is done; the model then holds
their ids and fetches the rows a block at a time when they are shown, by primary key.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from core.services import parcel_returns
from core.services.parcel_returns import WaitingReturn
from core.unit_of_work import Actor, Database
from reports.from_models import reason_text
from ui.block_cache import BlockCache
from ui.i18n import date_time_text, error_text
from ui.worker import run_in_background

HEADERS = (QT_TRANSLATE_NOOP("ReturnColumns", "Parcel"),
           QT_TRANSLATE_NOOP("ReturnColumns", "Arrived"),
           QT_TRANSLATE_NOOP("ReturnColumns", "Work order"),
           QT_TRANSLATE_NOOP("ReturnColumns", "Customer"),
           QT_TRANSLATE_NOOP("ReturnColumns", "Return address"),
           QT_TRANSLATE_NOOP("ReturnColumns", "Why refused"),
           QT_TRANSLATE_NOOP("ReturnColumns", "Came with"))
PARCEL_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class WaitingReturnsModel(QAbstractTableModel):
    """Refused parcels not yet returned, the longest waiting first; `PARCEL_ROLE` gives the
    `WaitingReturn` of a row.

    Signals:
        loaded(): the list was (re)loaded; `failed(str)`: it could not be read.
    """

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, database: Database, actor: Actor, tz: dt.tzinfo,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor, self.tz = database, actor, tz
        self._ids: list[int] = []
        self.rows: BlockCache[WaitingReturn] = BlockCache(self._fetch, block=100)

    def _fetch(self, offset: int, limit: int) -> list[WaitingReturn]:
        with self.database.read(self.actor) as uow:
            return parcel_returns.waiting_returns(uow, self._ids[offset:offset + limit])

    def reload(self) -> None:
        """Find the waiting parcels again in the background (another station may have returned
        some); the rows shown until then stay."""
        database, actor = self.database, self.actor

        def find() -> list[int]:
            with database.read(actor) as uow:
                return parcel_returns.waiting_ids(uow)

        run_in_background(find, self._found, lambda exc: self.failed.emit(error_text(exc)))

    def _found(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self.rows.clear()
        self.endResetModel()
        self.loaded.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReturnColumns", HEADERS[section])
        return None

    def parcel(self, row: int) -> WaitingReturn | None:
        return self.rows.get(row) if 0 <= row < len(self._ids) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        parcel = self.parcel(index.row()) if index.isValid() else None
        if parcel is None:
            return None
        if role == PARCEL_ROLE:
            return parcel
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        unknown = QCoreApplication.translate("ReturnColumns", "(none matched)")
        cells = (str(parcel.intake_id), date_time_text(parcel.opened_at, self.tz),
                 parcel.work_order_number or unknown, parcel.customer,
                 parcel.address or QCoreApplication.translate("ReturnColumns",
                                                              "(type it from the parcel)"),
                 "; ".join(reason_text(r) for r in parcel.reasons),
                 " ".join(p for p in (parcel.carrier, parcel.tracking_number) if p))
        return cells[index.column()]
