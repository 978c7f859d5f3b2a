"""The main window assembles one workspace per role and names the database and station."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from core.unit_of_work import SYSTEM, Actor, Database
from ui.app import register_workspaces
from ui.main_window import MainWindow


def test_main_window_has_a_workspace_per_role(qtbot, catalogue: Database, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    register_workspaces()
    window = MainWindow(catalogue, sqlite_url, Actor("ann", "bench-3", None, SYSTEM.roles),
                        ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Work orders" in titles and titles[-1] == "Admin"
    assert titles.index("Work orders") == len(titles) - 2
    assert "repairbench.db" in window.db_label.text()
    assert "bench-3" in window.station_label.text()
