"""Scanner bursts into the real intake bench: time from each scan's Enter to its verdict painted.

Run: `python -m benchmarks.bench_burst`. The intake workspace (`ui.intake.bench`) runs offscreen
on a copy of the demo database with its real `ScanCapture` (application event filter, real
clock) and its `ScanQueue` storing in the background. Each burst is 20 scans typed as key
events 5 ms apart, as a keyboard-wedge scanner types them, each ended by Enter, one scan right
after the other. A scan's time runs from its Enter key to the first paint of the verdict panel
after the bench showed that scan's verdict. Lost scans: scans typed whose verdict never came
back or came back for other text (must be 0). Baseline: the same bursts typed into a bare
QLineEdit, from Enter to the paint of a label showing the text. Sounds are a silent stand-in
(no audio device offscreen).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget  # noqa: E402

from benchmarks.bench_scan import plan_scans  # noqa: E402
from benchmarks.common import CACHE, median_ms, million_db, p99_ms  # noqa: E402

BURSTS = int(os.environ.get("REPAIRBENCH_BENCH_BURSTS", 5))
BURST = 20
KEY_GAP_MS = 5


class _Silent:
    def play(self, _verdict: str) -> None:
        pass


class _PaintClock(QObject):
    """Notes the time of each paint of the watched widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.waiting: list[int] = []  # scans whose verdict is shown but not yet painted
        self.painted: dict[int, float] = {}
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and self.waiting:
            now = time.perf_counter()
            for index in self.waiting:
                self.painted[index] = now
            self.waiting.clear()
        return False


def _wait(ms: int) -> None:
    """Run the event loop for `ms` as the application's own loop does.

    Not QTest.qWait: it keeps Python's GIL while it waits, so the bench's background thread,
    which stores the scans, could only run between two keys, which no real station does.
    """
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _type(window: QWidget, text: str) -> float:
    """Type `text` and Enter, keys KEY_GAP_MS apart; the moment Enter was pressed."""
    handle = window.windowHandle()
    for char in text:
        QTest.keyClick(handle, char)
        _wait(KEY_GAP_MS)
    pressed = time.perf_counter()
    QTest.keyClick(handle, Qt.Key.Key_Return)
    _wait(KEY_GAP_MS)
    return pressed


def _settle(done: callable, seconds: float = 30.0) -> None:  # type: ignore[valid-type]
    deadline = time.perf_counter() + seconds
    while not done() and time.perf_counter() < deadline:
        _wait(2)


@dataclass
class BurstRun:
    bench: list[float]
    bare: list[float]
    lost: int
    scans: int


def run(source: Path, bursts: int = BURSTS) -> BurstRun:
    from core.services.setup import open_and_prepare
    from core.unit_of_work import Actor
    from ui.app import application
    from ui.intake.bench import IntakeWorkspace
    from ui.scanner.keyboard import ScanCapture

    app = application()
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="bench-burst-") as tmp:
        path = Path(tmp) / "burst.db"
        shutil.copyfile(source, path)
        with sqlite3.connect(path) as conn:
            plan = [raw for raw, _new in plan_scans(conn, bursts * BURST)]
        database = open_and_prepare(f"sqlite:///{path}")
        capture = ScanCapture()
        capture.install(app)
        bench = IntakeWorkspace(database, Actor(username="bench", station="burst-1",
                                                roles=frozenset({"intake"})),
                                capture=capture, sounds=_Silent(), extra_sources=False)
        bench.resize(1200, 760)
        bench.show()
        QTest.qWaitForWindowExposed(bench)
        clock = _PaintClock(bench.panel)
        stored: list[str] = []

        def shown(outcome: object) -> None:  # connected after the bench's own slot
            stored.append(getattr(outcome, "scan", ""))
            clock.waiting.append(len(stored) - 1)

        bench.queue.stored.connect(shown)
        entered: list[float] = []
        for b in range(bursts):
            for raw in plan[b * BURST:(b + 1) * BURST]:
                entered.append(_type(bench, raw))
            _settle(lambda: len(clock.painted) >= len(entered) or bench.queue.stopped)
        typed = plan[:len(entered)]
        lost = sum(1 for i, raw in enumerate(typed) if i >= len(stored) or stored[i] != raw
                   or i not in clock.painted)
        times = [clock.painted[i] - entered[i] for i in range(len(entered)) if i in clock.painted]
        capture.uninstall(app)
        bench.close()
        bench.deleteLater()
        database.engine.dispose()

    bare = QWidget()
    field, label = QLineEdit(), QLabel()
    layout = QVBoxLayout(bare)
    layout.addWidget(field)
    layout.addWidget(label)
    bare.resize(600, 200)
    bare.show()
    QTest.qWaitForWindowExposed(bare)
    field.setFocus()
    bare_clock = _PaintClock(label)
    seen: list[str] = []

    def echo() -> None:
        seen.append(field.text())
        label.setText(field.text())
        field.clear()
        bare_clock.waiting.append(len(seen) - 1)

    field.returnPressed.connect(echo)
    bare_entered = [_type(bare, raw) for raw in typed]
    _settle(lambda: len(bare_clock.painted) >= len(bare_entered))
    bare_times = [bare_clock.painted[i] - bare_entered[i] for i in range(len(bare_entered))
                  if i in bare_clock.painted]
    bare.close()
    return BurstRun(times, bare_times, lost, len(typed))


def main(argv: list[str]) -> int:
    result = run(million_db())
    if "--json" in argv:  # for the suite, which runs this in a process of its own
        print(json.dumps(asdict(result)), flush=True)
        return 0
    print(f"{result.scans} scans in bursts of {BURST}, keys {KEY_GAP_MS} ms apart; "
          f"lost scans: {result.lost}")
    for name, times in (("intake bench, Enter to verdict painted", result.bench),
                        ("bare QLineEdit, Enter to label painted", result.bare)):
        print(f"{name:<44} p50 {median_ms(times):7.1f} ms   p99 {p99_ms(times):7.1f} ms")
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    # PySide 6.12 can abort in the interpreter's final garbage collection ("bool_dealloc");
    # the figures are out by then, so leave without it.
    os._exit(code)
