"""Slow work off the GUI thread: one helper for every background operation.

`run_in_background(op, on_success, on_failure)` runs `op` in a thread pool and calls the callbacks
on the main thread. `op` must not touch widgets: it gets plain data in and gives plain data back.
Tests inject a pool that runs the operation at once (`set_pool(ImmediatePool())`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside an operation that saw its cancel flag set."""


class CancelFlag:
    """Checked by long operations between steps; set from the GUI by a Cancel button."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class _Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class ImmediatePool:
    """Runs each operation at once in the calling thread (for tests)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


class _Relay(QObject):
    """Carries the result back to the thread that owns it (the main thread).

    Signals:
        succeeded(object): the operation's return value.
        failed(object): the exception it raised.
        progressed(int, int): done, total.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, op: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._op = op
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._op()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


_pool: _Pool | None = None
_live: set[_Relay] = set()


def set_pool(pool: _Pool | None) -> None:
    global _pool
    _pool = pool


def wait_for_background_work(timeout_ms: int) -> bool:
    """Let started operations finish (at quit); False if some still run after `timeout_ms`.

    Their results are not delivered: the screens they were for are closing.
    """
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def run_in_background(op: Callable[[], Any], on_success: Callable[[Any], None],
                      on_failure: Callable[[BaseException], None],
                      on_progress: Callable[[int, int], None] | None = None,
                      ) -> Callable[[int, int], None]:
    """Start `op`; returns a thread-safe `report(done, total)` for the op to call."""
    relay = _Relay()
    _live.add(relay)

    def finish_ok(result: Any) -> None:
        _live.discard(relay)
        on_success(result)

    def finish_err(exc: BaseException) -> None:
        _live.discard(relay)
        if not isinstance(exc, Cancelled):
            log.error("background operation failed", exc_info=exc)
        on_failure(exc)

    relay.succeeded.connect(finish_ok)
    relay.failed.connect(finish_err)
    if on_progress is not None:
        relay.progressed.connect(on_progress)
    (_pool or QThreadPool.globalInstance()).start(_Job(op, relay))
    return relay.progressed.emit
