"""Cold start and memory of the desk, each in a fresh process beside a bare PySide6 window.

The desk runs the program's own path, `main.main(["--db", URL, "run"])`: command line, logging,
settings, the start window (sign-in) shown while the database opens behind it, the password
typed at once (the demo administrator's), the check of that password, the main window. Two marks
are taken, each once the event loop is idle: the start window shown and taking typing (`usable`),
and the signed-in main window shown (`desk`). A bare window's mark is its window shown. Marks are
wall-clock seconds from the launch of the process. Bare and desk processes alternate, so both see
the same machine load. Both run with compiled bytecode, as an installed program does (pip
compiles it; a checkout writes it at its first run): a cache folder of their own, whatever
PYTHONDONTWRITEBYTECODE says.

    python -m benchmarks.bench_start DB [--runs N] [--memory]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYCACHE = ROOT / "benchmarks" / ".cache" / "pycache"

BARE = """
import json, os, resource, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1]); w = QMainWindow(); w.show(); app.processEvents()
with open(sys.argv[1], "w") as out:
    json.dump({"usable": time.time(),
               "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, out)
os._exit(0)
"""

DESK = """
import json, os, resource, sys, time
out_file, url, browse = sys.argv[1], sys.argv[2], len(sys.argv) > 3
marks = {}
import ui.start

def usable(start) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    QApplication.instance().processEvents()  # the window painted, the loop idle
    marks["usable"] = time.time()
    start.user.setText("ada")  # the person types at once; Enter
    start.password.setText("demo-admin-1")
    start.submit()
    poll = QTimer(start.parent() or QApplication.instance())
    poll.timeout.connect(lambda: desk_shown(poll))
    poll.start(2)

def desk_shown(poll) -> None:
    # The opening job imports the module in the background: it may be there half made.
    window_class = getattr(sys.modules.get("ui.main_window"), "MainWindow", None)
    if window_class is None:
        return
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, window_class) and w.isVisible()]
    if not windows:
        return
    poll.stop()
    app.processEvents()  # what the first turn of the loop left: the window painted
    marks["desk"] = time.time()
    if browse:  # the work-order browser shown and its first rows in
        from PySide6.QtTest import QTest
        windows[0].tabs.setCurrentWidget(windows[0].browser)
        QTest.qWait(1500)
    marks["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open(out_file, "w") as out:
        json.dump(marks, out)
    os._exit(0)  # the figures are taken; the quitting path is tested on its own

shown = ui.start.StartWindow.show
def show(self) -> None:
    from PySide6.QtCore import QTimer
    shown(self)
    QTimer.singleShot(0, lambda: usable(self))

ui.start.StartWindow.show = show
import main
sys.exit(main.main(["--db", url, "run"]))
"""


def environment() -> dict[str, str]:
    """Offscreen, with compiled bytecode kept in the benchmarks' cache (see the module doc)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(PYCACHE))
    return env


def marks(code: str, *args: str) -> dict[str, float]:
    """Seconds from the launch of a process running `code` to each of its marks, and its peak
    resident memory in MB ("rss")."""
    out = Path(tempfile.mkdtemp()) / "marks.json"
    launched = time.time()
    done = subprocess.run([sys.executable, "-c", code, str(out), *args], cwd=ROOT,
                          env=environment(), capture_output=True, text=True)
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"exit {done.returncode}: {done.stderr.strip()[-600:]}")
    found = json.loads(out.read_text())
    out.unlink()
    out.parent.rmdir()
    return {k: v if k == "rss" else v - launched for k, v in found.items()}


def starts(db: Path, runs: int) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """(desk marks, bare-window marks), alternated, after one warming run of each."""
    url = f"sqlite:///{db}"
    marks(BARE), marks(DESK, url)  # the file cache warm for both
    desk: list[dict[str, float]] = []
    bare: list[dict[str, float]] = []
    for _ in range(runs):
        bare.append(marks(BARE))
        desk.append(marks(DESK, url))
    return desk, bare


def memory(db: Path, runs: int) -> tuple[list[float], list[float]]:
    """(desk peak MB with the browser open, bare-window peak MB)."""
    desk: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        desk.append(marks(DESK, f"sqlite:///{db}", "browse")["rss"])
        bare.append(marks(BARE)["rss"])
    return desk, bare


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args()
    desk, bare = (memory if args.memory else starts)(args.db.resolve(), args.runs)
    print(json.dumps({"desk": desk, "bare": bare}))


if __name__ == "__main__":
    main()
