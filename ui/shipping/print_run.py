"""One print job running in the background, with progress, Cancel and a sentence at the end.

`LabelPrintRun` prints a batch of return labels and marks each parcel's label printed in the
database the moment the printer accepted it, so a batch cancelled or failing half-way leaves
exactly the labels that went out marked printed, and a printer that took nothing marks nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter

from core.services import shipping
from core.unit_of_work import Actor, Database
from reports.data import LabelData
from ui.printing import jobs, qt_print
from ui.printing.profiles import PrinterProfile
from ui.worker import CancelFlag, Cancelled, run_in_background

#: A print job: gets the progress reporter and the cancel flag, returns what it did in one line.
Job = Callable[[jobs.Progress, CancelFlag], str]


class PrintRun(QObject):
    """Runs `job` through `ui.worker.run_in_background`.

    Signals:
        progressed(int, int): pages or labels done, total.
        finished(str, bool): the sentence for the clerk, and whether everything printed.
    """

    progressed = Signal(int, int)
    finished = Signal(str, bool)

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._flag = CancelFlag()

    def start(self) -> None:
        # Emitting from the worker thread is safe: Qt queues it to this object's (GUI) thread.
        run_in_background(lambda: self._job(self.progressed.emit, self._flag),
                          lambda message: self.finished.emit(message, True),
                          lambda exc: self.finished.emit(self.failure_text(exc), False))

    def cancel(self) -> None:
        self._flag.cancel()

    def failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, Cancelled):
            return self.tr("Printing cancelled; nothing was printed.")
        return self.tr("Not printed: {0}").format(exc)


def pdf_job(pdf: bytes, printer: QPrinter, done_text: str) -> Job:
    """Print a finished PDF (a report, a slip) on a printer chosen in the print dialog."""
    def job(progress: jobs.Progress, cancel: CancelFlag) -> str:
        qt_print.print_pdf(pdf, printer, progress=progress, cancel=cancel)
        return done_text
    return job


class LabelPrintRun(PrintRun):
    """Labels through the station's printer profile; each accepted label is marked printed."""

    def __init__(self, database: Database, actor: Actor, profile: PrinterProfile,
                 shipment_ids: Sequence[int], labels: Sequence[LabelData],
                 printer: QPrinter | None = None, parent: QObject | None = None) -> None:
        super().__init__(self._print, parent)
        self._database, self._actor = database, actor
        self._profile, self._printer = profile, printer
        self._ids, self._labels = list(shipment_ids), list(labels)
        # Written only by the job's thread; read once its result has come back.
        self.marked = 0

    def _print(self, progress: jobs.Progress, cancel: CancelFlag) -> str:
        def accepted(index: int) -> None:
            with self._database.uow(self._actor) as uow:
                shipping.mark_label_printed(uow, self._ids[index])
            self.marked += 1

        return jobs.print_labels(self._profile, self._labels, progress=progress, cancel=cancel,
                                 on_printed=accepted, printer=self._printer)

    def failure_text(self, exc: BaseException) -> str:
        total, done = len(self._labels), self.marked
        went_out = (self.tr("{0} of %n label(s) went out and are marked printed; the other {1} "
                            "are not.", "", total).format(done, total - done) if done
                    else self.tr("No label is marked printed."))
        if isinstance(exc, Cancelled):
            return self.tr("Printing cancelled: {0}").format(went_out)
        return self.tr("Not printed: {0} {1}").format(exc, went_out)
