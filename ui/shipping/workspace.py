"""The shipping clerk's screen: ready units by address and work order, parcels, labels, shipping.

All rules live in `core.services.shipping`; this widget only collects the clerk's choices, runs
each action in its own unit of work, and prints through `ui.printing` in the background.

Signals:
    shipped(int): a parcel (shipment id) was marked shipped.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError
from core.services import shipping
from core.unit_of_work import Actor, Database
from ui.i18n import error_text
from ui.scanner.keyboard import DEFAULT_THRESHOLD_MS, ScanCapture
from ui.shipping.dialogs import ShippingDialogs
from ui.shipping.print_panel import PrintPanel
from ui.shipping.returns_panel import ReturnsPanel
from ui.work_orders.states import state_text

PARCEL_COLUMNS = (QT_TRANSLATE_NOOP("ParcelColumns", "Parcel"),
                  QT_TRANSLATE_NOOP("ParcelColumns", "Carrier"),
                  QT_TRANSLATE_NOOP("ParcelColumns", "Tracking"),
                  QT_TRANSLATE_NOOP("ParcelColumns", "Payer"),
                  QT_TRANSLATE_NOOP("ParcelColumns", "COD"),
                  QT_TRANSLATE_NOOP("ParcelColumns", "Serials"),
                  QT_TRANSLATE_NOOP("ParcelColumns", "Label"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRINTED_ROLE = Qt.ItemDataRole.UserRole + 2  # on a parcel row: whether its label was printed


TRACKING_HINTS = {"SF Express": QT_TRANSLATE_NOOP("ShippingWorkspace", "SF and 12 to 15 digits")}


def tracking_patterns(settings: QSettings) -> dict[str, str]:
    """This station's own waybill patterns per carrier (settings shipping/tracking_pattern/NAME,
    a regular expression the whole number must match)."""
    settings.beginGroup("shipping/tracking_pattern")
    try:
        return {key: str(settings.value(key)) for key in settings.childKeys()
                if str(settings.value(key) or "").strip()}
    finally:
        settings.endGroup()


def carriers(settings: QSettings | None = None) -> list[str]:
    """SF Express, Deppon, KYE, then the center's own (setting shipping/carriers, comma-separated)."""
    extra = str((settings or QSettings()).value("shipping/carriers", "") or "")
    names = [*shipping.DEFAULT_CARRIERS, *(c.strip() for c in extra.split(","))]
    return [c for c in dict.fromkeys(names) if c]


class ShippingWorkspace(QWidget):
    shipped = Signal(int)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None, *,
                 capture: ScanCapture | None = None, dialogs: ShippingDialogs | None = None,
                 settings: QSettings | None = None) -> None:
        """Args:
            database: The shared database.
            actor: The clerk at this station (shipping clerk or supervisor).
            parent: Owning widget.
            capture: The keyboard scan capture; None creates one with the `scanner/threshold_ms`
                setting, installed on the application. Tests inject one with a fake clock.
            dialogs: The modal questions (print dialog, preview, save path, confirmation);
                tests inject answers.
            settings: This station's settings (carriers, tracking-number patterns).
        """
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.dialogs = dialogs or ShippingDialogs()
        settings = settings or QSettings()
        self.tracking_patterns = tracking_patterns(settings)
        self._work_order = ""
        self._orders: dict[str, QStandardItem] = {}  # work-order number -> its row in the tree
        self._serials: dict[str, str] = {}  # serial of a ready unit -> its work order

        self.ready_model = QStandardItemModel(self)
        self.ready_model.setHorizontalHeaderLabels([self.tr("Address / work order / unit"),
                                                    self.tr("Status")])
        self.ready_view = QTreeView()
        self.ready_view.setModel(self.ready_model)
        self.ready_view.clicked.connect(self._on_ready_clicked)

        self.carrier = QComboBox()
        self.carrier.setEditable(True)  # a carrier the list does not know can be typed
        self.carrier.addItems(carriers(settings))
        self.service = QLineEdit()
        self.service.setPlaceholderText(self.tr("standard, express ..."))
        self.batch = QSpinBox()
        self.batch.setRange(0, 999)
        self.batch.setSpecialValueText(self.tr("all in one parcel"))
        self.pack_button = QPushButton(self.tr("Pack selected units"))
        self.pack_button.clicked.connect(self.pack_selected)

        self.parcel_model = QStandardItemModel(self)
        self.parcel_model.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ParcelColumns", name) for name in PARCEL_COLUMNS])
        self.parcel_view = QTableView()
        self.parcel_view.setModel(self.parcel_model)
        self.parcel_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.parcel_view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(
            self.tr("scan the carrier's waybill barcode for the selected parcel"))
        ScanCapture.prepare_scan_field(self.tracking)
        self.tracking.returnPressed.connect(self._typed_tracking)

        self.printing = PrintPanel(database, actor, self.dialogs)
        self.printing.said.connect(self._say)
        self.printing.printed.connect(self._load_parcels)
        self.printing.busy_changed.connect(self._busy)
        self.ship_button = QPushButton(self.tr("Ship selected parcels"))
        self.ship_button.clicked.connect(self.ship_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.returns = ReturnsPanel(database, actor, self.dialogs, carriers(settings))
        self.returns.said.connect(self._say)

        self._layout()
        self.refresh()

        if capture is None:
            threshold = float(settings.value("scanner/threshold_ms", DEFAULT_THRESHOLD_MS))
            capture = ScanCapture(self, threshold_ms=threshold)
            capture.install()
        self.capture = capture
        capture.set_scope(self)
        capture.scanned.connect(self.take_scan)

    # The printing controls, under the names the rest of the screen and its tests use.
    @property
    def profile(self) -> QComboBox:
        return self.printing.profile

    @property
    def print_button(self) -> QPushButton:
        return self.printing.print_button

    @property
    def cancel_button(self) -> QPushButton:
        return self.printing.cancel_button

    @property
    def progress(self) -> QProgressBar:
        return self.printing.progress

    def _layout(self) -> None:
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.addWidget(self.ready_view)
        form = QFormLayout()
        form.addRow(self.tr("Carrier"), self.carrier)
        form.addRow(self.tr("Service"), self.service)
        form.addRow(self.tr("Units per parcel"), self.batch)
        left_box.addLayout(form)
        left_box.addWidget(self.pack_button)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.addWidget(self.parcel_view)
        right_box.addWidget(self.tracking)
        right_box.addWidget(self.printing)
        right_box.addWidget(self.ship_button)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        self.pages = QTabWidget()
        self.pages.addTab(splitter, self.tr("Ready to ship"))
        # Rule S3: refused parcels leave from the same table, with their refusal slip.
        self.pages.addTab(self.returns, self.tr("Refused parcels to return"))
        box = QVBoxLayout(self)
        box.addWidget(self.pages)
        box.addWidget(self.message)

    # --- data ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the ready units and the current work order's parcels."""
        with self.database.uow(self.actor) as uow:
            groups = shipping.ready_to_ship(uow)
        self.ready_model.removeRows(0, self.ready_model.rowCount())
        self._orders.clear()
        self._serials.clear()
        by_address: dict[str, QStandardItem] = {}
        for group in groups:
            address = by_address.get(group.address)
            if address is None:
                address = QStandardItem(group.address or self.tr("(no return address)"))
                address.setEditable(False)
                by_address[group.address] = address
                self.ready_model.appendRow([address, QStandardItem()])
            order = QStandardItem(f"{group.work_order_number}  {group.customer}")
            order.setData(group.work_order_number, ID_ROLE)
            order.setEditable(False)
            self._orders[group.work_order_number] = order
            for unit in group.units:
                item = QStandardItem(f"{unit.serial}  {unit.model}")
                item.setData(unit.unit_id, ID_ROLE)
                item.setEditable(False)
                packed = unit.shipment_id is not None
                item.setCheckable(not packed)
                state = (self.tr("parcel {0}").format(unit.shipment_id) if packed
                         else state_text(unit.status))
                order.appendRow([item, QStandardItem(state)])
                self._serials[unit.serial] = group.work_order_number
            address.appendRow([order, QStandardItem(self.tr("%n unit(s)", "", len(group.units)))])
        self.ready_view.expandAll()
        if self._work_order in self._orders:
            self.ready_view.setCurrentIndex(self._orders[self._work_order].index())
        self._load_parcels()

    def _load_parcels(self) -> None:
        keep = self.selected_parcels()
        self.parcel_model.removeRows(0, self.parcel_model.rowCount())
        if not self._work_order:
            return
        with self.database.uow(self.actor) as uow:
            parcels = [p for p in shipping.open_shipments(uow, self._work_order) if not p.shipped]
        for p in parcels:
            cells = [f"{p.parcel_no}/{p.parcel_count}", p.carrier, p.tracking_number,
                     p.freight_payer, f"{p.cod_amount} {p.currency}" if p.cod_amount else "",
                     ", ".join(p.serials),
                     self.tr("printed") if p.label_printed else self.tr("not printed")]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(p.shipment_id, ID_ROLE)
            items[0].setData(p.label_printed, PRINTED_ROLE)
            for item in items:
                item.setEditable(False)
            self.parcel_model.appendRow(items)
        rows = [r for r in range(len(parcels)) if parcels[r].shipment_id in keep] or \
            ([0] if parcels else [])
        for row in rows:
            self._select_row(row, clear=row == rows[0])

    def _select_row(self, row: int, clear: bool = True) -> None:
        flags = QItemSelectionModel.SelectionFlag.Rows | QItemSelectionModel.SelectionFlag.Select
        if clear:
            flags |= QItemSelectionModel.SelectionFlag.Clear
            self.parcel_view.setCurrentIndex(self.parcel_model.index(row, 0))
        self.parcel_view.selectionModel().select(self.parcel_model.index(row, 0), flags)

    def _on_ready_clicked(self, index) -> None:  # type: ignore[no-untyped-def]
        item = self.ready_model.itemFromIndex(index.siblingAtColumn(0))
        while item is not None and not isinstance(item.data(ID_ROLE), str):
            item = item.parent()
        if item is not None:
            self.select_work_order(item.data(ID_ROLE))

    def select_work_order(self, number: str) -> None:
        """Show the work order's parcels and mark its group in the list of ready units."""
        if number != self._work_order:
            self.parcel_model.removeRows(0, self.parcel_model.rowCount())
        self._work_order = number
        self.printing.work_order = number
        if number in self._orders:
            index = self._orders[number].index()
            self.ready_view.setCurrentIndex(index)
            self.ready_view.scrollTo(index)
        self._load_parcels()

    def checked_units(self) -> tuple[str, list[int]]:
        """(work order, unit ids) of the checked units; all must belong to one work order."""
        found: dict[str, list[int]] = {}
        for number, order in self._orders.items():
            for u in range(order.rowCount()):
                unit = order.child(u)
                if unit.checkState() == Qt.CheckState.Checked:
                    found.setdefault(number, []).append(unit.data(ID_ROLE))
        if len(found) > 1:
            raise UserError(self.tr("Pack one work order at a time: its units share one return "
                                    "address."))
        return next(iter(found.items()), ("", []))

    def selected_parcels(self) -> list[int]:
        """Shipment ids of the selected parcel rows, top to bottom."""
        rows = sorted(i.row() for i in self.parcel_view.selectionModel().selectedRows())
        return [self.parcel_model.item(r).data(ID_ROLE) for r in rows]

    def current_parcel(self) -> int | None:
        """The parcel a scanned waybill goes to: the current row, else the first selected."""
        index = self.parcel_view.currentIndex()
        if index.isValid() and self.parcel_view.selectionModel().isRowSelected(index.row()):
            return self.parcel_model.item(index.row()).data(ID_ROLE)
        selected = self.selected_parcels()
        return selected[0] if selected else None

    def _row_of(self, shipment_id: int) -> int:
        return next(r for r in range(self.parcel_model.rowCount())
                    if self.parcel_model.item(r).data(ID_ROLE) == shipment_id)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "")

    def _busy(self, busy: bool) -> None:
        for widget in (self.ship_button, self.pack_button, self.tracking):
            widget.setEnabled(not busy)

    # --- actions ---------------------------------------------------------------------------

    def pack_selected(self) -> None:
        try:
            number, ids = self.checked_units()
            if not ids:
                raise UserError(self.tr("Tick the units to pack first."))
            with self.database.uow(self.actor) as uow:
                parcels = shipping.create_shipments(uow, number, ids, self.carrier.currentText(),
                                                    self.service.text(), self.batch.value())
        except UserError as exc:
            self._say(error_text(exc), error=True)
            return
        self._say(self.tr("%n parcel(s) packed for {0}. Scan each waybill.", "",
                          len(parcels)).format(number))
        self._work_order = number
        self.printing.work_order = number
        self.refresh()
        self._select_row(0)

    def take_scan(self, raw: str) -> None:
        """A scan anywhere in the workspace: a work order's barcode (or one of its ready units)
        selects that work order; a carrier's waybill goes to the selected parcel."""
        if self.printing.is_busy():
            self._say(self.tr("Wait for the printing to finish (or cancel it), then scan again."),
                      True)
            return
        if self.pages.currentWidget() is self.returns:
            self.returns.take_scan(raw)
            return
        text = raw.strip()
        number = self._serials.get(text) or (text if text in self._orders else None)
        if number is None:
            with self.database.uow(self.actor) as uow:
                number = shipping.work_order_for_scan(uow, text)
            if number is not None and number not in self._orders:
                self._say(self.tr("Work order {0} has no units ready to ship.").format(number),
                          True)
                return
        if number is None:
            self.assign_tracking(text)
            return
        self.select_work_order(number)
        count = self.parcel_model.rowCount()
        self._say(self.tr("Work order {0}: %n open parcel(s); scan each waybill.", "", count)
                  .format(number) if count else
                  self.tr("Work order {0}: tick its units and pack them.").format(number))

    def _typed_tracking(self) -> None:
        text = self.tracking.text()
        self.tracking.clear()
        self.assign_tracking(text)

    def assign_tracking(self, scanned: str) -> None:
        """Put a waybill number on the selected parcel, then select the next one without one."""
        parcel = self.current_parcel()
        try:
            if parcel is None:
                raise UserError(self.tr("Scan the work order first, then select the parcel whose "
                                        "waybill you scan.") if not self._work_order else
                                self.tr("Select the parcel whose waybill you scan."))
            carrier = self.parcel_model.item(self._row_of(parcel), 1).text()
            if not shipping.looks_like_tracking(carrier, scanned, self.tracking_patterns):
                raise UserError(self.tr("{0} is neither a work order nor a {1} tracking number "
                                        "({2}).").format(repr(scanned.strip()), carrier,
                                                         self._tracking_hint(carrier)))
            with self.database.uow(self.actor) as uow:
                summary = shipping.assign_tracking(uow, parcel, scanned)
        except UserError as exc:
            self._say(error_text(exc), error=True)
            return
        self._say(self.tr("Parcel {0}/{1}: {2}.").format(summary.parcel_no, summary.parcel_count,
                                                         summary.tracking_number))
        self._load_parcels()
        self._select_next_without_tracking(self._row_of(parcel))

    def _tracking_hint(self, carrier: str) -> str:
        if carrier in self.tracking_patterns:
            return self.tr("the pattern {0}").format(self.tracking_patterns[carrier])
        if carrier in TRACKING_HINTS:
            return self.tr(TRACKING_HINTS[carrier])
        return self.tr("8 to 30 letters and digits")

    def _select_next_without_tracking(self, row: int) -> None:
        count = self.parcel_model.rowCount()
        for step in range(1, count):
            candidate = (row + step) % count
            if not self.parcel_model.item(candidate, 2).text():
                self._select_row(candidate)
                return

    def ship_selected(self) -> None:
        """Ship the selected parcels, after a warning when a label was not printed."""
        parcels = self.selected_parcels()
        if not parcels:
            self._say(self.tr("Select the parcels to ship."), error=True)
            return
        rows = [self.parcel_model.item(self._row_of(p)) for p in parcels]
        unprinted = [row.text() for row in rows if not row.data(PRINTED_ROLE)]
        if unprinted and not self.dialogs.confirm(
                self, self.tr("The label of parcel(s) {0} of {1} has not been printed. Ship "
                              "without a printed label?").format(", ".join(unprinted),
                                                                 self._work_order)):
            self._say(self.tr("Nothing shipped: print the labels first."))
            return
        done: list[shipping.ShipmentSummary] = []
        problems: list[str] = []
        for parcel in parcels:
            try:
                with self.database.uow(self.actor) as uow:
                    done.append(shipping.ship(uow, parcel))
            except UserError as exc:
                problems.append(error_text(exc))
                continue
            self.shipped.emit(parcel)
        if len(done) == 1:
            summary = done[0]
            text = self.tr("Parcel {0}/{1} of {2} shipped with {3} {4}.").format(
                summary.parcel_no, summary.parcel_count, summary.work_order_number,
                summary.carrier, summary.tracking_number)
        else:
            text = self.tr("%n parcel(s) of {0} shipped.", "", len(done)).format(
                self._work_order) if done else ""
        self._say(" ".join([text, *problems]).strip(), error=bool(problems))
        self.refresh()
