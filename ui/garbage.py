"""Python's garbage collection, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is passed: a
background job (the database opening at start, a PDF batch) can then free a widget or another
Qt object left in a reference cycle by the screens, and Qt objects must be deleted on the thread
that owns them; doing it elsewhere crashes the program. So automatic collection is turned off and
a timer on the GUI thread collects instead, the generation Python itself would have chosen.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1_000


class MainThreadCollector(QObject):
    """Collects garbage on a timer of the thread it lives in (the GUI thread)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        gc.disable()
        self.timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; the objects freed."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Hand collection back to Python (when the application ends)."""
        self.timer.stop()
        gc.enable()


_collector: MainThreadCollector | None = None


def collect_on_main_thread(app: QObject) -> MainThreadCollector:
    """Turn automatic collection off for the life of `app`; once per application."""
    global _collector
    if _collector is None or _collector.parent() is not app:
        _collector = MainThreadCollector(app)
    return _collector
