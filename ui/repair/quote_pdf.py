"""The latest quote of a unit as a PDF for the customer: rendered off the GUI thread, saved where
the technician chooses, then offered for opening."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from core import center
from core.errors import UserError
from core.services import repair_quotes
from core.services.repair import get_unit
from core.unit_of_work import Actor, Database
from reports.data import format_money
from reports.from_models import center_info_from, document_language_for, quote_data_for
from reports.pdf_quote import render_quote_pdf
from ui.i18n import error_text
from ui.worker import run_in_background

SAVE_KEY, OPEN_KEY = "Ctrl+P", "Ctrl+Shift+P"


class NoQuote(LookupError):
    """The unit has no saved quote to print."""


@dataclass(frozen=True)
class QuoteDocument:
    file_name: str
    pdf: bytes
    version: int
    total: str


def render_latest_quote(database: Database, actor: Actor, unit_id: int) -> QuoteDocument:
    """Plain data in, PDF bytes out: safe to run in a worker thread."""
    with database.uow(actor) as uow:
        unit = get_unit(uow, unit_id)
        quote = repair_quotes.latest_quote(uow, unit_id)
        if quote is None:
            raise NoQuote(f"{unit.serial} has no quote yet: enter its lines and save the quote "
                          "(Ctrl+S) first.")
        settings = center.load(uow)
        data = quote_data_for(quote, unit, center_info_from(settings),
                              language=document_language_for(unit.work_order.customer, settings))
        name = f"quote-{unit.work_order.number}-{unit.serial}-v{quote.version}.pdf"
    return QuoteDocument(name, render_quote_pdf(data), data.version,
                         format_money(data.total, data.currency))


def _open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class QuotePdfBar(QWidget):
    """"Save quote PDF…" and "Open PDF".

    Signals: message(str) for the page's message line; saved(object) with the file's Path.
    `unsaved()` says whether the quote on screen differs from the stored one.
    """

    message = Signal(str)
    saved = Signal(object)

    def __init__(self, database: Database, actor: Actor, unsaved: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor, self._unsaved = database, actor, unsaved
        self.unit_id: int | None = None
        self.last_path: Path | None = None
        self.open_file: Callable[[Path], bool] = _open_with_system  # tests look, not launch
        self.ask_path: Callable[[str], str] = self._ask_path  # tests answer without a dialog
        self.save_button = QPushButton(self.tr("Save quote PDF…"))
        self.open_button = QPushButton(self.tr("Open PDF"))
        for button, key, slot in ((self.save_button, SAVE_KEY, lambda: self.save()),
                                  (self.open_button, OPEN_KEY, self.open_last)):
            button.setShortcut(QKeySequence(key))
            button.setToolTip(key)
            button.clicked.connect(slot)
        self.open_button.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.save_button)
        row.addWidget(self.open_button)

    def set_unit(self, unit_id: int) -> None:
        if unit_id != self.unit_id:
            self.last_path = None
            self.open_button.setEnabled(False)
        self.unit_id = unit_id

    def save(self, path: str | Path | None = None) -> None:
        """Render the latest saved quote and write it to `path` (None: ask where)."""
        if self.unit_id is None:
            self.message.emit(self.tr("Open a unit first."))
            return
        if self._unsaved():
            self.message.emit(self.tr("The quote on screen is not saved: save it (Ctrl+S) "
                                      "first, so the PDF shows what the customer is asked."))
            return
        self.save_button.setEnabled(False)
        self.message.emit(self.tr("Rendering the quote…"))
        database, actor, unit_id = self._db, self._actor, self.unit_id
        run_in_background(lambda: render_latest_quote(database, actor, unit_id),
                          lambda doc: self._rendered(doc, path), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.emit(error_text(exc) if isinstance(exc, LookupError | UserError) else
                          self.tr("The quote could not be rendered: {0}").format(exc))

    def _rendered(self, doc: QuoteDocument, path: str | Path | None) -> None:
        self.save_button.setEnabled(True)
        if path is None:
            path = self.ask_path(doc.file_name)
            if not path:
                self.message.emit(self.tr("Quote PDF not saved."))
                return
        target = Path(path)
        try:
            target.write_bytes(doc.pdf)
        except OSError as exc:
            self.message.emit(self.tr("Could not save {0}: {1}").format(
                target, exc.strerror or exc))
            return
        self.last_path = target
        self.open_button.setEnabled(True)
        self.message.emit(self.tr("Quote v{0} ({1}) saved to {2}. Open it with “Open PDF” "
                                  "({3}).").format(doc.version, doc.total, target, OPEN_KEY))
        self.saved.emit(target)

    def _ask_path(self, file_name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save quote"),
                                              str(Path.home() / file_name), self.tr("PDF (*.pdf)"))
        return path

    def open_last(self) -> None:
        if self.last_path is None:
            self.message.emit(self.tr("Save the quote PDF first."))
            return
        if not self.open_file(self.last_path):
            self.message.emit(self.tr("No program opens PDFs here; the file is {0}.").format(
                self.last_path))
