"""Refused parcels going back to their sender (rule S3): the list, the slip, the waybill.

The clerk picks a parcel (the longest waiting comes first), prints its refusal slip, scans the
waybill of the carrier taking it back (or types it), and marks it returned; core records that in
one audited unit of work and refuses a parcel another clerk already sent.

Signals:
    said(str, bool): a sentence for the clerk, and whether it reports a problem.
    returned(int): a parcel (intake id) was recorded as returned to its sender.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import center
from core.errors import UserError
from core.services import parcel_returns
from core.services.parcel_returns import ReturnRefused, WaitingReturn
from core.unit_of_work import Actor, Database
from ui.i18n import error_text
from ui.printing import jobs, profiles
from ui.scanner.keyboard import ScanCapture
from ui.shipping.dialogs import ShippingDialogs
from ui.shipping.print_run import PrintRun, pdf_job
from ui.shipping.refusal_slip import render_refusal_slip, render_refusal_slip_zpl_for
from ui.shipping.returns_model import PARCEL_ROLE, WaitingReturnsModel
from ui.worker import CancelFlag


class ReturnsPanel(QWidget):
    said = Signal(str, bool)
    returned = Signal(int)

    def __init__(self, database: Database, actor: Actor, dialogs: ShippingDialogs,
                 carriers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor, self.dialogs = database, actor, dialogs
        self._run: PrintRun | None = None
        with database.read(actor) as uow:
            tz = center.load(uow).timezone
        self._keep: WaitingReturn | None = None
        self.model = WaitingReturnsModel(database, actor, tz, self)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(lambda text: self.said.emit(
            self.tr("The refused parcels could not be read: {0}").format(text), True))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.count = QLabel()

        self.address = QPlainTextEdit()
        self.address.setMaximumHeight(70)
        self.carrier = QComboBox()
        self.carrier.setEditable(True)  # a carrier the list does not know can be typed
        self.carrier.addItems(carriers)
        self.waybill = QLineEdit()
        self.waybill.setPlaceholderText(self.tr("scan the waybill of the carrier taking it back"))
        ScanCapture.prepare_scan_field(self.waybill)
        self.waybill.returnPressed.connect(self.mark_returned)
        self.print_button = QPushButton(self.tr("Print refusal slip..."))
        self.print_button.clicked.connect(self.print_slip)
        self.label_printer = QComboBox()
        for profile in profiles.load_profiles():
            if profile.is_zpl:
                self.label_printer.addItem(profile.name, profile)
        self.label_button = QPushButton(self.tr("Print slip on label printer"))
        self.label_button.clicked.connect(self.print_slip_on_label_printer)
        if not self.label_printer.count():
            self.label_button.setToolTip(self.tr(
                "This station has no ZPL label printer profile (Settings > Printers and labels)."))
        self.save_button = QPushButton(self.tr("Save refusal slip as PDF..."))
        self.save_button.clicked.connect(self.save_slip)
        self.return_button = QPushButton(self.tr("Mark returned to sender (Ctrl+Return)"))
        self.return_button.clicked.connect(self.mark_returned)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.mark_returned)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self._layout()
        self.refresh()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Return address"), self.address)
        form.addRow(self.tr("Carrier"), self.carrier)
        form.addRow(self.tr("Waybill"), self.waybill)
        form.addRow(self.tr("Label printer"), self.label_printer)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.label_button, self.save_button,
                       self.return_button, self.refresh_button):
            buttons.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(self.count)
        box.addWidget(self.view)
        box.addLayout(form)
        box.addLayout(buttons)

    # --- the list --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Find the waiting parcels again; the list fills when they are found."""
        self._keep = self.current()
        self.model.reload()

    def _loaded(self) -> None:
        self.count.setText(self.tr("%n refused parcel(s) waiting to go back to the sender.",
                                   "", self.model.rowCount()))
        keep, row = self._keep, 0
        if keep is not None:
            # Only the first block is searched: a refresh never reads the whole list.
            row = next((r for r in range(min(self.model.rowCount(), 100))
                        if (p := self.model.parcel(r)) and p.intake_id == keep.intake_id), 0)
        self.select_row(row)

    def select_row(self, row: int) -> None:
        if row >= self.model.rowCount():
            self._show_current()
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._show_current()

    def current(self) -> WaitingReturn | None:
        index = self.view.currentIndex()
        return self.model.data(index, PARCEL_ROLE) if index.isValid() else None  # type: ignore[return-value]

    def _show_current(self) -> None:
        parcel = self.current()
        known = bool(parcel and parcel.address)
        self.address.setPlainText(parcel.address if parcel and known else "")
        # A matched parcel goes to its work order's address (rule I3): only an unknown sender's
        # address is typed, from the label on the parcel.
        self.address.setReadOnly(known)
        self.address.setPlaceholderText(
            "" if known else self.tr("No work order matched: type the sender's address from "
                                     "the parcel's own label."))
        for widget in (self.print_button, self.save_button, self.return_button, self.waybill):
            widget.setEnabled(parcel is not None and self._run is None)
        self.label_button.setEnabled(parcel is not None and self._run is None
                                     and self.label_printer.count() > 0)

    # --- actions ---------------------------------------------------------------------------

    def take_scan(self, raw: str) -> None:
        """A scan while this list is shown is the waybill of the parcel going back."""
        self.waybill.setText(raw.strip())
        self.waybill.setFocus()
        if self.current() is None:
            self.said.emit(self.tr("No refused parcel is waiting to go back."), True)
            return
        self.said.emit(self.tr("Waybill {0} read: check the address and mark the parcel "
                               "returned.").format(raw.strip()), False)

    def _typed_address(self) -> str:
        parcel = self.current()
        return "" if parcel is None or parcel.address else self.address.toPlainText()

    def _slip(self) -> tuple[str, bytes] | None:
        parcel = self.current()
        if parcel is None:
            self.said.emit(self.tr("Select a refused parcel first."), True)
            return None
        return render_refusal_slip(self.database, self.actor, parcel.intake_id,
                                   self._typed_address())

    def print_slip(self) -> None:
        """The refusal slip through the print dialog, in the background."""
        if (slip := self._slip()) is None:
            return
        if (printer := self.dialogs.choose_printer(self)) is None:
            self.said.emit(self.tr("Printing cancelled; nothing was printed."), False)
            return
        name = printer.printerName() or printer.outputFileName() or self.tr("the chosen printer")
        parcel = self.current()
        done = self.tr("Refusal slip of parcel {0} sent to {1}.").format(
            parcel.intake_id if parcel else "", name)
        self._start(PrintRun(pdf_job(slip[1], printer, done), self))

    def print_slip_on_label_printer(self) -> None:
        """The refusal slip as ZPL on the chosen label printer, in the background."""
        parcel, profile = self.current(), self.label_printer.currentData()
        if parcel is None or profile is None:
            self.said.emit(self.tr("Select a refused parcel and a label printer first."), True)
            return
        zpl = render_refusal_slip_zpl_for(self.database, self.actor, parcel.intake_id,
                                          self._typed_address(), profile)
        done = self.tr("Refusal slip of parcel {0} sent to {1}.").format(parcel.intake_id,
                                                                         profile.name)
        title = f"refusal-slip-parcel-{parcel.intake_id}"

        def send(_progress: jobs.Progress, _cancel: CancelFlag) -> str:
            jobs.send_zpl(profile, zpl, title)
            return done

        self._start(PrintRun(send, self))

    def _start(self, run: PrintRun) -> None:
        self._run = run
        run.finished.connect(self._printed)
        self._show_current()
        run.start()

    def _printed(self, message: str, ok: bool) -> None:
        run, self._run = self._run, None
        if run is not None:
            run.deleteLater()
        self._show_current()
        self.said.emit(message, not ok)

    def save_slip(self) -> None:
        if (slip := self._slip()) is None:
            return
        if not (path := self.dialogs.save_path(self, slip[0])):
            return
        try:
            Path(path).write_bytes(slip[1])
        except OSError as exc:
            self.said.emit(self.tr("{0} could not be saved: {1}.").format(
                path, exc.strerror or exc), True)
            return
        self.said.emit(self.tr("Saved {0}.").format(path), False)

    def mark_returned(self) -> None:
        """Record the return in one unit of work; a refusal leaves everything as it was."""
        parcel = self.current()
        if parcel is None:
            self.said.emit(self.tr("Select a refused parcel first."), True)
            return
        try:
            with self.database.uow(self.actor) as uow:
                done = parcel_returns.return_to_sender(
                    uow, parcel.intake_id, self.carrier.currentText(), self.waybill.text(),
                    address=self._typed_address())
        except UserError as exc:
            self.said.emit(error_text(exc), True)
            if isinstance(exc, ReturnRefused) and exc.key in ("return.already", "return.raced"):
                self.refresh()
            return
        self.waybill.clear()
        self.said.emit(self.tr("Parcel {0} returned to its sender with {1} {2}, to {3}.").format(
            done.intake_id, done.carrier, done.tracking_number, done.address), False)
        self.returned.emit(done.intake_id)
        self.refresh()

