"""The bench's scan queue: take every scan at once, store them one after the other.

Scans arrive faster than a commit may take on a busy shared database, and the GUI thread must
never wait for one. Each scan is decided and stored by `core.services.intake.scan` in its own
unit of work in the background; the next one starts only when the previous one is back, because
it needs the parcel id that the previous one returned (the first scan of a parcel creates it).
A failure stops the queue with the failed scan still first in line, so nothing is lost or
reordered. When the database did not answer (locked, unreachable, a dropped connection), the queue
tries again by itself after a pause that grows along `backoff` (1 s, 2 s, 5 s, then every 10 s);
`retry()` tries at once. A refusal that retrying cannot cure (a missing role) waits for `retry()`.
Each scan gets its id (a uuid4) when it is taken and keeps it on every attempt: when a commit
went through but its acknowledgement was lost, the retry gets the verdict already stored.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from core.errors import UserError
from core.services import intake
from core.services.intake import ScanOutcome
from core.unit_of_work import Actor, Database
from ui.i18n import error_text
from ui.worker import run_in_background


@dataclass(frozen=True)
class PendingScan:
    """One scan not stored yet, where it came from (keyboard, manual, serial, camera), and the
    id that names it in the database on every attempt."""

    raw: str
    source: str
    client_id: str = field(default_factory=lambda: str(uuid.uuid4()))


#: Decides and stores one scan: (raw, parcel id, client id) -> outcome.
StoreScan = Callable[[str, "int | None", str], ScanOutcome]
#: Seconds before each automatic retry after consecutive failures; the last repeats forever.
DEFAULT_BACKOFF: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0)


class ScanQueue(QObject):
    """Store scans in order in the background; report each outcome on the main thread.

    Signals:
        stored(object): A `ScanOutcome`, durable in the database, in the order scans came.
        failed(str, str): The raw scan that could not be stored and why; the queue stops, and
            `seconds_until_retry()` says when it tries again by itself (None: only on `retry()`).
        pending_changed(): The list of scans not stored yet changed.
    """

    stored = Signal(object)
    failed = Signal(str, str)
    pending_changed = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QObject | None = None,
                 store: StoreScan | None = None,
                 backoff: Sequence[float] = DEFAULT_BACKOFF) -> None:
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self._store = store or self._store_in_database
        self._pending: list[PendingScan] = []
        self._busy = False
        self._stopped = False
        #: Pauses between automatic retries, in seconds (tests shorten them).
        self.backoff: Sequence[float] = tuple(backoff) or DEFAULT_BACKOFF
        self._failures = 0
        self._retry_at: float | None = None
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self.retry)
        self.intake_id: int | None = None

    # -- what the bench asks -------------------------------------------------------------------

    def submit(self, raw: str, source: str = "keyboard") -> None:
        """Queue one scan; it is stored after every scan queued before it."""
        self._pending.append(PendingScan(raw, source))
        self.pending_changed.emit()
        self._next()

    def retry(self) -> None:
        """Start again after a failure, with the scan that failed (now, whatever the timer says)."""
        self._retry_timer.stop()
        self._retry_at = None
        self._stopped = False
        self._next()

    def pending(self) -> list[PendingScan]:
        """Scans not stored yet, oldest first (the first may be being stored right now)."""
        return list(self._pending)

    @property
    def stopped(self) -> bool:
        """Whether the queue stopped on a failure and waits for `retry()` (its timer's or a
        person's)."""
        return self._stopped

    @property
    def failures(self) -> int:
        """Failed attempts in a row on the first scan in line (0 once it is stored)."""
        return self._failures

    @property
    def busy(self) -> bool:
        """A scan is being stored right now (after a failure: the retry is under way)."""
        return self._busy

    def seconds_until_retry(self) -> float | None:
        """Seconds until the automatic retry; None when none is planned."""
        if self._retry_at is None:
            return None
        return max(0.0, self._retry_at - time.monotonic())

    @property
    def idle(self) -> bool:
        """Nothing waiting and nothing being stored."""
        return not self._pending and not self._busy

    def start_new_parcel(self) -> None:
        """Forget the parcel: the next scan starts a new one."""
        self.intake_id = None

    # -- the work ------------------------------------------------------------------------------

    def _store_in_database(self, raw: str, intake_id: int | None, client_id: str) -> ScanOutcome:
        # Runs in a worker thread: plain data in, plain data out, no widgets.
        with self._database.uow(self._actor) as uow:
            return intake.scan(uow, raw, intake_id, client_scan_id=client_id)

    def _next(self) -> None:
        if self._busy or self._stopped or not self._pending:
            return
        self._busy = True
        first = self._pending[0]
        intake_id = self.intake_id
        run_in_background(lambda: self._store(first.raw, intake_id, first.client_id),
                          self._on_stored, self._on_failed)

    def _on_stored(self, outcome: ScanOutcome) -> None:
        self._busy = False
        self._failures = 0
        self._pending.pop(0)
        if outcome.intake_id is not None:
            self.intake_id = outcome.intake_id
        self.pending_changed.emit()
        self.stored.emit(outcome)
        self._next()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._stopped = True
        self._failures += 1
        if not isinstance(exc, UserError):
            # The database did not answer: it usually comes back (a lock released, a server
            # restarted), so try again by itself, ever less often, rather than wait for a person.
            delay = self.backoff[min(self._failures, len(self.backoff)) - 1]
            self._retry_at = time.monotonic() + delay
            self._retry_timer.start(max(1, round(delay * 1000)))
        self.pending_changed.emit()
        self.failed.emit(self._pending[0].raw, _describe(exc))


def _describe(exc: BaseException) -> str:
    """The error in words for the bench; SQLAlchemy's own text is long and technical."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        original = getattr(exc, "orig", None) or exc
        return QCoreApplication.translate(
            "ScanQueue", "The database did not answer ({0}: {1}).").format(
                type(original).__name__, original)
    return error_text(exc) or type(exc).__name__
