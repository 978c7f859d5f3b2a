"""The desk shows its window without loading what only later screens need.

PDF making, migrations, charts and the camera decoder each cost a good part of a second at
start; they load when first used. This guards the cold start against a stray top-level import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LATER = {"reportlab", "alembic", "zxingcpp", "PIL", "mako", "PySide6.QtCharts",
         "PySide6.QtPdf", "PySide6.QtPrintSupport"}

DESK = """
import json, os, sys
import ui.start

def report() -> None:
    names = {m for m in sys.modules} | {m.split(".")[0] for m in sys.modules}
    from PySide6.QtWidgets import QApplication
    from ui.main_window import MainWindow
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    built = [t for t in window.workspaces if window.workspaces.is_built(t)]
    print(json.dumps({"loaded": sorted(names & set(sys.argv[2:])), "built": built,
                      "shown": window.isVisible()}), flush=True)
    os._exit(0)

def opened(start, result):  # the password typed and right: only the typing is skipped
    from PySide6.QtCore import QTimer
    from core.unit_of_work import SYSTEM, Actor
    start.opened = result
    QTimer.singleShot(0, report)
    start._finish(Actor("ada", start._station, None, SYSTEM.roles))

ui.start.StartWindow.database_opened = opened
import main
sys.exit(main.main(["--db", sys.argv[1], "run"]))
"""


def test_the_window_shows_with_its_first_workspace_and_nothing_heavy(sqlite_url: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", DESK, sqlite_url, *sorted(LATER)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"loaded": [], "built": ["Intake"], "shown": True}
