"""Admin saves that recompute stored due dates, run off the GUI thread with their progress shown.

Saving a policy, assigning one or changing a setting a policy reads recomputes the due date of
every unit it concerns in the same transaction (seconds at a million work orders). The save goes
through `ui.worker.run_in_background`, so the window keeps answering; this bar says what runs and
how far it is, and the result or the reason for a refusal comes back on the main thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget
from sqlalchemy.exc import SQLAlchemyError

from core.errors import UserError
from ui.worker import run_in_background

Report = Callable[[int, int], None]


class SaveProgress(QWidget):
    """One save at a time: `run` refuses a second while the first works.

    Signals:
        progressed(int, int): work orders done and in all; emitted from the worker thread and
            delivered on the main thread (the widget lives there).
        finished(bool): the save ended, stored (True) or not.
    """

    progressed = Signal(int, int)
    finished = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.bar, 1)
        self.bar.hide()
        self.progressed.connect(self._progress)

    def run(self, what: str, op: Callable[[Report], Any], on_done: Callable[[Any], None],
            on_error: Callable[[UserError], None]) -> bool:
        """Start `op(report)` in the background; False (and nothing started) while busy.

        `on_done(result)` or `on_error(error)` is called on the main thread; an unexpected
        failure (the database gone, a lock not granted) reaches `on_error` as a `UserError`
        that says nothing was saved.
        """
        if self.busy:
            on_error(UserError(self.tr("Another save is still recomputing due dates; wait for "
                                       "it to finish, then save again.")))
            return False
        self.busy = True
        self.label.setText(what)
        self.bar.setRange(0, 0)  # busy until the refresh counts its work orders
        self.bar.show()
        run_in_background(lambda: op(self.progressed.emit),
                          lambda result: self._end(True, lambda: on_done(result)),
                          lambda exc: self._end(False, lambda: on_error(self._user_error(exc))))
        return True

    def _progress(self, done: int, total: int) -> None:
        if not self.busy:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(self.tr("due dates: %v of %m work orders"))

    def _end(self, stored: bool, then: Callable[[], None]) -> None:
        self.busy = False
        self.bar.hide()
        self.label.clear()
        then()
        self.finished.emit(stored)

    def _user_error(self, exc: BaseException) -> UserError:
        if isinstance(exc, UserError):
            return exc
        if isinstance(exc, SQLAlchemyError):
            return UserError(self.tr("Not saved: the database did not answer ({0}). Nothing was "
                                     "changed; try again.").format(type(exc).__name__))
        return UserError(self.tr("Not saved: {0}. Nothing was changed; try again.").format(exc))
