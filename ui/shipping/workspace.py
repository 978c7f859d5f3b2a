"""The shipping clerk's screen: ready units by address and work order, parcels, labels, shipping.

All rules live in `core.services.shipping`; this widget only collects the clerk's choices, runs
each action in its own unit of work, and prints through `ui.printing` in the background.

Signals:
    shipped(int): a parcel (shipment id) was marked shipped.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core import center
from core.errors import UserError
from core.services import shipping
from core.unit_of_work import Actor, Database
from reports.data import LabelData
from reports.from_models import center_info_from, label_data_for
from ui.printing import jobs, profiles
from ui.worker import CancelFlag, Cancelled, run_in_background

PARCEL_COLUMNS = ("Parcel", "Carrier", "Tracking", "Payer", "COD", "Serials", "Label")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def carriers(settings: QSettings | None = None) -> list[str]:
    """SF Express, Deppon, KYE, then the center's own (setting shipping/carriers, comma-separated)."""
    extra = str((settings or QSettings()).value("shipping/carriers", "") or "")
    names = [*shipping.DEFAULT_CARRIERS, *(c.strip() for c in extra.split(","))]
    return [c for c in dict.fromkeys(names) if c]


class ShippingWorkspace(QWidget):
    shipped = Signal(int)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.printed: set[int] = set()  # parcels whose label went out: only those may ship
        self._cancel: CancelFlag | None = None
        self._work_order = ""

        self.ready_model = QStandardItemModel(self)
        self.ready_model.setHorizontalHeaderLabels(["Address / work order / unit", "Status"])
        self.ready_view = QTreeView()
        self.ready_view.setModel(self.ready_model)
        self.ready_view.clicked.connect(self._on_ready_clicked)

        self.carrier = QComboBox()
        self.carrier.setEditable(True)  # a carrier the list does not know can be typed
        self.carrier.addItems(carriers())
        self.service = QLineEdit()
        self.service.setPlaceholderText("standard, express ...")
        self.batch = QSpinBox()
        self.batch.setRange(0, 999)
        self.batch.setSpecialValueText("all in one parcel")
        self.pack_button = QPushButton("Pack selected units")
        self.pack_button.clicked.connect(self.pack_selected)

        self.parcel_model = QStandardItemModel(self)
        self.parcel_model.setHorizontalHeaderLabels(list(PARCEL_COLUMNS))
        self.parcel_view = QTableView()
        self.parcel_view.setModel(self.parcel_model)
        self.parcel_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText("scan the carrier's waybill barcode for the selected parcel")
        self.tracking.returnPressed.connect(self.assign_scanned_tracking)

        self.profile = QComboBox()
        self.reload_profiles()
        self.print_button = QPushButton("Print labels")
        self.print_button.clicked.connect(self.print_labels)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_printing)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.ship_button = QPushButton("Ship selected parcel")
        self.ship_button.clicked.connect(self.ship_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self._layout()
        self.refresh()

    def _layout(self) -> None:
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.addWidget(self.ready_view)
        form = QFormLayout()
        form.addRow("Carrier", self.carrier)
        form.addRow("Service", self.service)
        form.addRow("Units per parcel", self.batch)
        left_box.addLayout(form)
        left_box.addWidget(self.pack_button)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.addWidget(self.parcel_view)
        right_box.addWidget(self.tracking)
        row = QHBoxLayout()
        for widget in (self.profile, self.print_button, self.cancel_button, self.ship_button):
            row.addWidget(widget)
        right_box.addLayout(row)
        right_box.addWidget(self.progress)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        box = QVBoxLayout(self)
        box.addWidget(splitter)
        box.addWidget(self.message)

    # --- data ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the ready units and the current work order's parcels."""
        with self.database.uow(self.actor) as uow:
            groups = shipping.ready_to_ship(uow)
        self.ready_model.removeRows(0, self.ready_model.rowCount())
        by_address: dict[str, QStandardItem] = {}
        for group in groups:
            address = by_address.get(group.address)
            if address is None:
                address = QStandardItem(group.address or "(no return address)")
                address.setEditable(False)
                by_address[group.address] = address
                self.ready_model.appendRow([address, QStandardItem()])
            order = QStandardItem(f"{group.work_order_number}  {group.customer}")
            order.setData(group.work_order_number, ID_ROLE)
            order.setEditable(False)
            for unit in group.units:
                item = QStandardItem(f"{unit.serial}  {unit.model}")
                item.setData(unit.unit_id, ID_ROLE)
                item.setEditable(False)
                packed = unit.shipment_id is not None
                item.setCheckable(not packed)
                state = f"parcel {unit.shipment_id}" if packed else unit.status
                order.appendRow([item, QStandardItem(state)])
            address.appendRow([order, QStandardItem(f"{len(group.units)} unit(s)")])
        self.ready_view.expandAll()
        self._load_parcels()

    def _load_parcels(self) -> None:
        self.parcel_model.removeRows(0, self.parcel_model.rowCount())
        if not self._work_order:
            return
        with self.database.uow(self.actor) as uow:
            parcels = [p for p in shipping.open_shipments(uow, self._work_order) if not p.shipped]
        for p in parcels:
            cells = [f"{p.parcel_no}/{p.parcel_count}", p.carrier, p.tracking_number,
                     p.freight_payer, f"{p.cod_amount} {p.currency}" if p.cod_amount else "",
                     ", ".join(p.serials), "printed" if p.shipment_id in self.printed else ""]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(p.shipment_id, ID_ROLE)
            for item in items:
                item.setEditable(False)
            self.parcel_model.appendRow(items)
        if parcels and not self.parcel_view.selectionModel().hasSelection():
            self.parcel_view.selectRow(0)

    def _on_ready_clicked(self, index) -> None:  # type: ignore[no-untyped-def]
        item = self.ready_model.itemFromIndex(index.siblingAtColumn(0))
        while item is not None and not isinstance(item.data(ID_ROLE), str):
            item = item.parent()
        if item is not None:
            self.select_work_order(item.data(ID_ROLE))

    def select_work_order(self, number: str) -> None:
        self._work_order = number
        self._load_parcels()

    def checked_units(self) -> tuple[str, list[int]]:
        """(work order, unit ids) of the checked units; all must belong to one work order."""
        found: dict[str, list[int]] = {}
        for a in range(self.ready_model.rowCount()):
            address = self.ready_model.item(a)
            for o in range(address.rowCount()):
                order = address.child(o)
                for u in range(order.rowCount()):
                    unit = order.child(u)
                    if unit.checkState() == Qt.CheckState.Checked:
                        found.setdefault(order.data(ID_ROLE), []).append(unit.data(ID_ROLE))
        if len(found) > 1:
            raise UserError("Pack one work order at a time: its units share one return address.")
        return next(iter(found.items()), ("", []))

    def selected_parcel(self) -> int | None:
        rows = self.parcel_view.selectionModel().selectedRows()
        return self.parcel_model.item(rows[0].row()).data(ID_ROLE) if rows else None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "")

    # --- actions ---------------------------------------------------------------------------

    def pack_selected(self) -> None:
        try:
            number, ids = self.checked_units()
            if not ids:
                raise UserError("Tick the units to pack first.")
            with self.database.uow(self.actor) as uow:
                parcels = shipping.create_shipments(uow, number, ids, self.carrier.currentText(),
                                                    self.service.text(), self.batch.value())
        except UserError as exc:
            self._say(str(exc), error=True)
            return
        self._say(f"{len(parcels)} parcel(s) packed for {number}. Scan each waybill.")
        self._work_order = number
        self.refresh()

    def assign_scanned_tracking(self) -> None:
        parcel = self.selected_parcel()
        scanned = self.tracking.text()
        self.tracking.clear()
        try:
            if parcel is None:
                raise UserError("Select the parcel whose waybill you scan.")
            with self.database.uow(self.actor) as uow:
                summary = shipping.assign_tracking(uow, parcel, scanned)
        except UserError as exc:
            self._say(str(exc), error=True)
            return
        self.printed.discard(parcel)  # a label printed without this number is no longer right
        self._say(f"Parcel {summary.parcel_no}/{summary.parcel_count}: {summary.tracking_number}.")
        self._load_parcels()

    def reload_profiles(self) -> None:
        self.profile.clear()
        for profile in profiles.load_profiles():
            self.profile.addItem(profile.name, profile)

    def labels_for_open_parcels(self) -> tuple[list[int], list[LabelData]]:
        with self.database.uow(self.actor) as uow:
            sender = center_info_from(center.load(uow))
            wo = shipping.find_work_order(uow, self._work_order)
            ids, labels = [], []
            for parcel in shipping.open_shipments(uow, wo):
                if parcel.shipped:
                    continue
                shipment = shipping.get_shipment(uow, parcel.shipment_id)
                ids.append(parcel.shipment_id)
                labels.append(label_data_for(wo, shipment, sender, serials=list(parcel.serials)))
        return ids, labels

    def print_labels(self) -> None:
        profile: profiles.PrinterProfile | None = self.profile.currentData()
        try:
            if profile is None:
                raise UserError("Set up a printer profile for this station first.")
            if not self._work_order:
                raise UserError("Select a work order.")
            ids, labels = self.labels_for_open_parcels()
            missing = [lab.parcel_no for lab in labels if not lab.tracking_number]
            if missing:
                raise UserError(f"Scan the waybill of parcel(s) {missing} before printing.")
        except UserError as exc:
            self._say(str(exc), error=True)
            return
        self._cancel = cancel = CancelFlag()
        self._busy(True, len(labels))

        def done(message: str) -> None:
            self.printed.update(ids)
            self._busy(False)
            self._say(message)
            self._load_parcels()

        def failed(exc: BaseException) -> None:
            self._busy(False)
            self._say("Printing cancelled; nothing is marked printed." if isinstance(exc, Cancelled)
                      else f"Not printed: {exc}", error=not isinstance(exc, Cancelled))

        # run_in_background hands back the thread-safe progress reporter only once started.
        reporter: list[jobs.Progress] = []

        def progress(count: int, total: int) -> None:
            if reporter:
                reporter[0](count, total)

        reporter.append(run_in_background(
            lambda: jobs.print_labels(profile, labels, progress=progress, cancel=cancel),
            done, failed, on_progress=self._progressed))

    def _progressed(self, count: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(count)

    def _busy(self, busy: bool, total: int = 0) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(busy)
        for button in (self.print_button, self.ship_button, self.pack_button):
            button.setEnabled(not busy)

    def cancel_printing(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def ship_selected(self) -> None:
        parcel = self.selected_parcel()
        try:
            if parcel is None:
                raise UserError("Select the parcel to ship.")
            if parcel not in self.printed:
                raise UserError("Print this parcel's label first; it cannot leave without one.")
            with self.database.uow(self.actor) as uow:
                summary = shipping.ship(uow, parcel)
        except UserError as exc:
            self._say(str(exc), error=True)
            self.refresh()
            return
        self._say(f"Parcel {summary.parcel_no}/{summary.parcel_count} of "
                  f"{summary.work_order_number} shipped with {summary.carrier} "
                  f"{summary.tracking_number}.")
        self.shipped.emit(parcel)
        self.refresh()
