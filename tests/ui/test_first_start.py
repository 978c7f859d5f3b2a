"""`make run`'s first start: an empty database filled with the demo behind the sign-in window,
then the demo administrator signs in with the README's password."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DESK = """
import json, os, sys
import ui.start

def shown(start) -> None:
    from PySide6.QtCore import QTimer
    start.user.setText("ada")  # typed before the database is open: the sign-in waits for it
    start.password.setText("demo-admin-1")
    start.submit()
    waiting = start.message.text()
    poll = QTimer(start)
    poll.timeout.connect(lambda: entered(poll, waiting))
    poll.start(20)
    QTimer.singleShot(60_000, lambda: os._exit(3))  # never signed in: fail, do not hang

def entered(poll, waiting) -> None:
    window_class = getattr(sys.modules.get("ui.main_window"), "MainWindow", None)
    from PySide6.QtWidgets import QApplication
    windows = [w for w in QApplication.topLevelWidgets()
               if window_class is not None and isinstance(w, window_class) and w.isVisible()]
    if windows:
        poll.stop()
        print(json.dumps({"waiting": waiting, "user": windows[0].station_label.text()}),
              flush=True)
        os._exit(0)

show = ui.start.StartWindow.show
def showing(self) -> None:
    from PySide6.QtCore import QTimer
    show(self)
    QTimer.singleShot(0, lambda: shown(self))

ui.start.StartWindow.show = showing
import main
sys.exit(main.main(["--db", sys.argv[1], "run", "--demo-if-empty"]))
"""


def test_the_first_start_fills_the_demo_behind_the_sign_in_and_signs_in(tmp_path: Path) -> None:
    path = tmp_path / "first.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", DESK, f"sqlite:///{path}"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "still opening" in result["waiting"]  # Enter came before the database was ready
    assert "User: ada" in result["user"]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM work_order").fetchone() == (2000,)
        assert {name for (name,) in conn.execute("SELECT username FROM app_user")} == {
            "ada", "ivy", "ray", "sam", "sue"}
    finally:
        conn.close()
