"""The bench's scan queue: take every scan at once, store them one after the other.

Scans arrive faster than a commit may take on a busy shared database, and the GUI thread must
never wait for one. Each scan is decided and stored by `core.services.intake.scan` in its own
unit of work in the background; the next one starts only when the previous one is back, because
it needs the parcel id that the previous one returned (the first scan of a parcel creates it).
A failure stops the queue with the failed scan still first in line, so nothing is lost or
reordered; `retry()` starts it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from core.services import intake
from core.services.intake import ScanOutcome
from core.unit_of_work import Actor, Database
from ui.worker import run_in_background


@dataclass(frozen=True)
class PendingScan:
    """One scan not stored yet, and where it came from (keyboard, manual, serial, camera)."""

    raw: str
    source: str


#: Decides and stores one scan: (raw, parcel id) -> outcome. Replaced in tests to fail on demand.
StoreScan = Callable[[str, "int | None"], ScanOutcome]


class ScanQueue(QObject):
    """Store scans in order in the background; report each outcome on the main thread.

    Signals:
        stored(object): A `ScanOutcome`, durable in the database, in the order scans came.
        failed(str, str): The raw scan that could not be stored and why; the queue stops.
        pending_changed(): The list of scans not stored yet changed.
    """

    stored = Signal(object)
    failed = Signal(str, str)
    pending_changed = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QObject | None = None,
                 store: StoreScan | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self._store = store or self._store_in_database
        self._pending: list[PendingScan] = []
        self._busy = False
        self._stopped = False
        self.intake_id: int | None = None

    # -- what the bench asks -------------------------------------------------------------------

    def submit(self, raw: str, source: str = "keyboard") -> None:
        """Queue one scan; it is stored after every scan queued before it."""
        self._pending.append(PendingScan(raw, source))
        self.pending_changed.emit()
        self._next()

    def retry(self) -> None:
        """Start again after a failure, with the scan that failed."""
        self._stopped = False
        self._next()

    def pending(self) -> list[PendingScan]:
        """Scans not stored yet, oldest first (the first may be being stored right now)."""
        return list(self._pending)

    @property
    def stopped(self) -> bool:
        """Whether the queue stopped on a failure and waits for `retry()`."""
        return self._stopped

    @property
    def idle(self) -> bool:
        """Nothing waiting and nothing being stored."""
        return not self._pending and not self._busy

    def start_new_parcel(self) -> None:
        """Forget the parcel: the next scan starts a new one."""
        self.intake_id = None

    # -- the work ------------------------------------------------------------------------------

    def _store_in_database(self, raw: str, intake_id: int | None) -> ScanOutcome:
        # Runs in a worker thread: plain data in, plain data out, no widgets.
        with self._database.uow(self._actor) as uow:
            return intake.scan(uow, raw, intake_id)

    def _next(self) -> None:
        if self._busy or self._stopped or not self._pending:
            return
        self._busy = True
        raw = self._pending[0].raw
        intake_id = self.intake_id
        run_in_background(lambda: self._store(raw, intake_id), self._on_stored, self._on_failed)

    def _on_stored(self, outcome: ScanOutcome) -> None:
        self._busy = False
        self._pending.pop(0)
        if outcome.intake_id is not None:
            self.intake_id = outcome.intake_id
        self.pending_changed.emit()
        self.stored.emit(outcome)
        self._next()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._stopped = True
        self.pending_changed.emit()
        self.failed.emit(self._pending[0].raw, _describe(exc))


def _describe(exc: BaseException) -> str:
    """The error in words for the bench; SQLAlchemy's own text is long and technical."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        original = getattr(exc, "orig", None) or exc
        return f"The database did not answer ({type(original).__name__}: {original})."
    return str(exc) or type(exc).__name__
