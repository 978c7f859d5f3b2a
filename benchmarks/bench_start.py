"""Cold start and memory of the desk, each in a fresh process beside a bare PySide6 window.

The desk runs the program's own path, `main.main(["--db", URL, "run"])`: command line, logging,
database check, sign-in (the demo administrator's password checked as the dialog would, only
the typing is skipped), main window, event loop. The figure is taken once the loop is idle with
the window shown. Bare and desk processes alternate, so both see the same machine load. Both
run with compiled bytecode, as an installed program does (pip compiles it; a checkout writes it
at its first run): a cache folder of their own, whatever PYTHONDONTWRITEBYTECODE says.

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
import os, resource, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1]); w = QMainWindow(); w.show(); app.processEvents()
with open(sys.argv[1], "w") as out:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=out)
os._exit(0)
"""

DESK = """
import os, resource, sys
out_file, url, browse = sys.argv[1], sys.argv[2], len(sys.argv) > 3
import ui.signin

def record() -> None:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    app.processEvents()  # what the first turn of the loop left: the window painted
    if browse:  # the work-order browser shown and its first rows in
        from PySide6.QtTest import QTest
        from ui.main_window import MainWindow
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        window.tabs.setCurrentWidget(window.browser)
        QTest.qWait(1500)
    with open(out_file, "w") as out:
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=out)
    os._exit(0)  # the figure is taken; the quitting path is tested on its own

def signed_in(database, station):
    from PySide6.QtCore import QTimer
    from core.services import users
    with database.uow() as uow:
        users.first_admin_needed(uow)
    with database.uow() as uow:
        actor = users.authenticate(uow, "ada", "demo-admin-1", station)
        uow.commit()
    QTimer.singleShot(0, record)  # runs once the window is shown and the loop turns
    return actor

ui.signin.sign_in = signed_in
import main
sys.exit(main.main(["--db", url, "run"]))
"""


def environment() -> dict[str, str]:
    """Offscreen, with compiled bytecode kept in the benchmarks' cache (see the module doc)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(PYCACHE))
    return env


def _run(code: str, *args: str) -> tuple[float, float]:
    """Seconds the process took, and its peak resident memory in MB."""
    out = Path(tempfile.mkdtemp()) / "rss.txt"
    env = environment()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(out), *args], check=True, cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = float(out.read_text())
    out.unlink()
    out.parent.rmdir()
    return seconds, peak


def starts(db: Path, runs: int) -> tuple[list[float], list[float]]:
    """(desk seconds, bare-window seconds), alternated, after one warming run of each."""
    url = f"sqlite:///{db}"
    _run(BARE), _run(DESK, url)  # the file cache warm for both
    desk: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        bare.append(_run(BARE)[0])
        desk.append(_run(DESK, url)[0])
    return desk, bare


def memory(db: Path, runs: int) -> tuple[list[float], list[float]]:
    """(desk peak MB with the browser open, bare-window peak MB)."""
    desk: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        desk.append(_run(DESK, f"sqlite:///{db}", "browse")[1])
        bare.append(_run(BARE)[1])
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
