"""Quitting the desk: work in progress finishes, the process exits 0 and prints nothing alarming."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The desk as `python main.py run` starts it; only the person's typing at the sign-in is skipped.
DESK = """
import sys, time
from pathlib import Path
import ui.start

url, done_file, every_tab = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "all"

def slow_job() -> str:
    time.sleep(1.5)  # still running when the person quits
    done_file.write_text("stored")
    return "stored"

def quit_soon() -> None:
    from PySide6.QtWidgets import QApplication
    from ui.main_window import MainWindow
    from ui.worker import run_in_background
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    if every_tab:
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
    run_in_background(slow_job, lambda _: None, lambda _: None)
    window.close()  # File > Quit does the same

def opened(start, result):  # the password typed and right: only the typing is skipped
    from PySide6.QtCore import QTimer
    from core.unit_of_work import SYSTEM, Actor
    start.opened = result
    QTimer.singleShot(100, quit_soon)
    start._finish(Actor("ada", start._station, None, SYSTEM.roles))

ui.start.StartWindow.database_opened = opened
import main
sys.exit(main.main(["--db", url, "run"]))
"""
ALARMS = ("Traceback", "Error calling", "Fatal", "Abort", "Segmentation", "RuntimeError")


def quit_desk(url: str, tmp_path: Path, tabs: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    done = tmp_path / f"job-{tabs}.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", DESK, url, str(done), tabs], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=180)
    return result, done


def test_quitting_with_work_in_progress_exits_cleanly_after_it(sqlite_url: str,
                                                               tmp_path: Path) -> None:
    result, done = quit_desk(sqlite_url, tmp_path, "first")
    assert result.returncode == 0, result.stderr[-2000:]
    assert not [alarm for alarm in ALARMS if alarm in result.stderr], result.stderr[-2000:]
    assert done.read_text() == "stored"  # the job was let finish, not cut off


def test_quitting_after_opening_every_workspace_exits_cleanly(sqlite_url: str,
                                                              tmp_path: Path) -> None:
    result, done = quit_desk(sqlite_url, tmp_path, "all")
    assert result.returncode == 0, result.stderr[-2000:]
    assert not [alarm for alarm in ALARMS if alarm in result.stderr], result.stderr[-2000:]
    assert done.read_text() == "stored"
