"""The printing controls of the Shipping workspace: labels on the station's printer profile,
and any document of the work order through the print dialog, the preview or a PDF file.

Labels count as printed only once a printer accepted them (the profile's printer, the print
dialog's printer, or printing from the preview); saving a PDF is not printing.

Signals:
    said(str, bool): a sentence for the clerk, and whether it reports a problem.
    printed(): labels were marked printed (the parcel list should show it).
    busy_changed(bool): a print job started or ended.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from core.errors import UserError
from core.services import shipping
from core.unit_of_work import Actor, Database
from ui.i18n import error_text
from ui.printing import jobs, profiles
from ui.printing.profiles import PrinterProfile
from ui.shipping import documents
from ui.shipping.dialogs import ShippingDialogs
from ui.shipping.documents import TITLES, Document
from ui.shipping.print_run import LabelPrintRun, PrintRun, pdf_job

#: Always offered: the computer's own printers, chosen in the print dialog each time.
PRINT_DIALOG = PrinterProfile(QT_TRANSLATE_NOOP("PrintPanel", "Choose a printer (print dialog)"),
                              "qt", "")


class PrintPanel(QWidget):
    said = Signal(str, bool)
    printed = Signal()
    busy_changed = Signal(bool)

    def __init__(self, database: Database, actor: Actor, dialogs: ShippingDialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor, self.dialogs = database, actor, dialogs
        self.work_order = ""
        self._run: PrintRun | None = None

        self.profile = QComboBox()
        self.reload_profiles()
        self.print_button = QPushButton(self.tr("Print labels"))
        self.print_button.clicked.connect(self.print_labels)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.document = QComboBox()
        for kind, title in TITLES.items():
            self.document.addItem(QCoreApplication.translate("Documents", title), kind)
        self.print_document_button = QPushButton(self.tr("Print..."))
        self.print_document_button.clicked.connect(self.print_document)
        self.preview_button = QPushButton(self.tr("Preview..."))
        self.preview_button.clicked.connect(self.preview_document)
        self.save_button = QPushButton(self.tr("Save as PDF..."))
        self.save_button.clicked.connect(self.save_document)
        self.progress = QProgressBar()
        self.progress.setVisible(False)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Label printer")), 0, 0)
        grid.addWidget(self.profile, 0, 1)
        grid.addWidget(self.print_button, 0, 2)
        grid.addWidget(self.cancel_button, 0, 3)
        grid.addWidget(QLabel(self.tr("Document")), 1, 0)
        grid.addWidget(self.document, 1, 1)
        grid.addWidget(self.print_document_button, 1, 2)
        grid.addWidget(self.preview_button, 1, 3)
        grid.addWidget(self.save_button, 1, 4)
        grid.addWidget(self.progress, 2, 0, 1, 5)
        grid.setColumnStretch(1, 1)

    def reload_profiles(self) -> None:
        """This station's printer profiles, then the print dialog."""
        self.profile.clear()
        for profile in [*profiles.load_profiles(), PRINT_DIALOG]:
            name = self.tr(profile.name) if profile is PRINT_DIALOG else profile.name
            self.profile.addItem(name, profile)

    def current_profile(self) -> PrinterProfile:
        return self.profile.currentData() or PRINT_DIALOG

    def is_busy(self) -> bool:
        return self._run is not None

    # --- labels on the station's printer -----------------------------------------------------

    def print_labels(self) -> None:
        """Every open parcel's label on the chosen profile, in the background."""
        profile = self.current_profile()
        try:
            found = documents.open_labels(self.database, self.actor, self._need_work_order())
            documents.require_tracking(found)
        except UserError as exc:
            self.said.emit(error_text(exc), True)
            return
        printer = None
        if profile.kind == "qt" and not profile.target.strip():
            if (printer := self.dialogs.choose_printer(self)) is None:
                self.said.emit(self.tr("Printing cancelled; nothing was printed."), False)
                return
        self._start(LabelPrintRun(self.database, self.actor, profile, found.shipment_ids,
                                  found.labels, printer, self), len(found.labels))

    # --- any document through Qt -------------------------------------------------------------

    @staticmethod
    def _title(kind: Document) -> str:
        return QCoreApplication.translate("Documents", TITLES[kind])

    def _kind(self) -> Document:
        return Document(self.document.currentData())

    def _render(self) -> documents.RenderedDocument:
        return documents.render(self.database, self.actor, self._kind(), self._need_work_order(),
                                jobs.label_size(self.current_profile()))

    def print_document(self) -> None:
        """The chosen document through the print dialog; labels printed so are marked printed."""
        kind = self._kind()
        try:
            if kind is Document.LABELS:
                found = documents.open_labels(self.database, self.actor, self._need_work_order())
                documents.require_tracking(found)
            else:
                rendered = self._render()
        except UserError as exc:
            self.said.emit(error_text(exc), True)
            return
        if (printer := self.dialogs.choose_printer(self)) is None:
            self.said.emit(self.tr("Printing cancelled; nothing was printed."), False)
            return
        name = printer.printerName() or printer.outputFileName() or self.tr("the chosen printer")
        if kind is Document.LABELS:
            # The label size and copies of the chosen profile, on the dialog's printer.
            profile = replace(self.current_profile(), name=name, kind="qt", target="")
            run: PrintRun = LabelPrintRun(self.database, self.actor, profile,
                                          found.shipment_ids, found.labels, printer, self)
            self._start(run, len(found.labels))
        else:
            done = self.tr("{0} of {1} sent to {2}.").format(self._title(kind), self.work_order,
                                                             name)
            self._start(PrintRun(pdf_job(rendered.pdf, printer, done), self), 1)

    def preview_document(self) -> None:
        """The print preview; printing from it marks the labels in it printed."""
        try:
            rendered = self._render()
        except UserError as exc:
            self.said.emit(error_text(exc), True)
            return
        try:
            if not self.dialogs.preview(rendered.pdf, self):
                self.said.emit(self.tr("Preview closed; nothing was printed."), False)
                return
            for shipment_id in rendered.shipment_ids:
                with self.database.uow(self.actor) as uow:
                    shipping.mark_label_printed(uow, shipment_id)
        except UserError as exc:
            self.said.emit(self.tr("Not printed: {0}").format(exc), True)
            return
        self.said.emit(self.tr("{0} of {1} printed from the preview.").format(
            self._title(self._kind()), self.work_order), False)
        if rendered.shipment_ids:
            self.printed.emit()

    def save_document(self) -> None:
        """The chosen document as a PDF file (not printing: labels stay unprinted)."""
        try:
            rendered = self._render()
        except UserError as exc:
            self.said.emit(error_text(exc), True)
            return
        if not (path := self.dialogs.save_path(self, rendered.file_name)):
            return
        try:
            Path(path).write_bytes(rendered.pdf)
        except OSError as exc:
            self.said.emit(self.tr("{0} could not be saved: {1}.").format(
                path, exc.strerror or exc), True)
            return
        if rendered.shipment_ids:
            self.said.emit(self.tr("Saved {0}. Saving is not printing: the labels are not marked "
                                   "printed.").format(path), False)
        else:
            self.said.emit(self.tr("Saved {0}.").format(path), False)

    # --- the job -----------------------------------------------------------------------------

    def _need_work_order(self) -> str:
        if not self.work_order:
            raise UserError(self.tr("Select a work order first (click it or scan its barcode)."))
        return self.work_order

    def _start(self, run: PrintRun, total: int) -> None:
        self._run = run
        run.progressed.connect(self._progressed)
        run.finished.connect(self._finished)
        self._busy(True, total)
        run.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _finished(self, message: str, ok: bool) -> None:
        run, self._run = self._run, None
        self._busy(False)
        self.said.emit(message, not ok)
        if isinstance(run, LabelPrintRun):
            self.printed.emit()
        if run is not None:
            run.deleteLater()

    def _busy(self, busy: bool, total: int = 0) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(busy)
        for button in (self.print_button, self.print_document_button, self.preview_button,
                       self.save_button):
            button.setEnabled(not busy)
        self.busy_changed.emit(busy)

    def cancel(self) -> None:
        """Stop after the label being sent; those already sent stay marked printed."""
        if self._run is not None:
            self._run.cancel()
