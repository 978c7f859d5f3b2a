"""The Dashboard workspace shows the figures of a known center, exports them, and is for
supervisors only."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QChartView
from PySide6.QtCore import QDate
from PySide6.QtGui import QImage

from core.services import dashboard
from core.unit_of_work import Actor, Database
from tests.core.test_dashboard import ADMIN, CLERK, NOW, PERIOD, SUPERVISOR, TZ, build_center, expected
from ui import worker
from ui.app import register_workspaces
from ui.dashboard.workspace import DashboardWorkspace, RoleRequiredPage, dashboard_for
from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def immediate() -> Iterator[None]:
    worker.set_pool(worker.ImmediatePool())
    yield
    worker.set_pool(None)


def series_values(view: QChartView) -> dict[str, list[float]]:
    """{bar set name: values} of the chart on screen."""
    out: dict[str, list[float]] = {}
    for series in view.chart().series():
        assert isinstance(series, QAbstractBarSeries)
        for bar_set in series.barSets():
            out[bar_set.label()] = [bar_set.at(i) for i in range(bar_set.count())]
    return out


def by_category(view: QChartView, bar_set: str) -> dict[str, float]:
    """{category label: value} of one bar set of the chart on screen."""
    axis = next(a for a in view.chart().axes() if isinstance(a, QBarCategoryAxis))
    return dict(zip(axis.categories(), series_values(view)[bar_set]))


def show_period(workspace: DashboardWorkspace) -> None:
    workspace.start.setDate(QDate(PERIOD.start.year, PERIOD.start.month, PERIOD.start.day))
    workspace.end.setDate(QDate(PERIOD.end.year, PERIOD.end.month, PERIOD.end.day))


@pytest.fixture
def workspace(qtbot, database: Database, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    rows = build_center(database)
    real_load = dashboard.load
    # The figures are judged at the test's fixed "now", so due today and pending stay put.
    monkeypatch.setattr(dashboard, "load", lambda uow, flt, now=None: real_load(uow, flt, now=NOW))
    page = DashboardWorkspace(database, SUPERVISOR)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    show_period(page)
    page.refresh()
    return page, rows


def test_charts_show_the_figures_of_the_rows(workspace) -> None:  # type: ignore[no-untyped-def]
    page, rows = workspace
    want = expected(rows)
    assert page.board is not None and not page.last_error
    parcels = series_values(page.views["parcels"])
    days = PERIOD.days
    assert parcels["received"] == [want["received"].get(d, 0) for d in days]  # type: ignore[attr-defined]
    for reason in page.board.refusal_reasons:
        label = reason.replace("_", " ")
        assert parcels[label] == [want["refused"].get(d, {}).get(reason, 0) for d in days]  # type: ignore[attr-defined]
    assert by_category(page.views["states"], "units") == \
        {s.replace("_", " "): n for s, n in want["states"].items()}  # type: ignore[attr-defined]
    turnaround = series_values(page.views["turnaround"])
    assert turnaround["median"] == [round(m, 1) for _, (_, m, _) in sorted(want["turnaround"].items())]  # type: ignore[attr-defined]
    due = series_values(page.views["due"])
    assert list(zip(due["due today"], due["overdue"])) == [v for _, v in sorted(want["due"].items())]  # type: ignore[attr-defined]
    levels = series_values(page.views["service_levels"])
    assert levels["met"] == [want["levels"][lv].get("met", 0) for lv in sorted(want["levels"])]  # type: ignore[index]
    assert "met" in page.views["service_levels"].chart().title()
    assert "received" in page.status.text()


def test_csv_and_png_exports(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, rows = workspace
    want = expected(rows)
    target = tmp_path / "figures.csv"
    assert page.export_csv(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    value = {(r["figure"], r["category"], r["series"]): r["value"] for r in table}
    for day in PERIOD.days:
        assert value[("parcels", day.isoformat(), "received")] == str(want["received"].get(day, 0))  # type: ignore[attr-defined]
    for state, count in want["states"].items():  # type: ignore[attr-defined]
        assert value[("units_by_state", state, "units")] == str(count)
    for rule, (today, overdue) in want["due"].items():  # type: ignore[attr-defined]
        assert (value[("due", rule, "due_today")], value[("due", rule, "overdue")]) == (str(today), str(overdue))
    assert value[("period", "", "first_day")] == PERIOD.start.isoformat()
    assert not page.export_csv(tmp_path)  # a folder, not a file
    assert "Cannot write" in page.last_error

    for chart, name in ((None, "all.png"), ("parcels", "parcels.png")):
        picture = tmp_path / name
        assert page.save_picture(picture, chart=chart)
        image = QImage(str(picture))
        assert not image.isNull() and image.width() > 300 and image.height() > 200
        assert picture.read_bytes().startswith(b"\x89PNG")
    bad = tmp_path / "no-such-folder" / "x.png"
    assert not page.save_picture(bad)
    assert "Cannot save the picture" in page.last_error


def test_bad_period_is_said_and_nothing_changes(workspace) -> None:  # type: ignore[no-untyped-def]
    page, _ = workspace
    before = page.board
    page.start.setDate(QDate(2026, 3, 25))
    page.end.setDate(QDate(2026, 3, 1))
    page.refresh()
    assert "before it starts" in page.status.text()
    assert page.board is before and page.refresh_button.isEnabled()


def test_policy_filter_from_the_combo(workspace) -> None:  # type: ignore[no-untyped-def]
    page, rows = workspace
    page.policy.setCurrentIndex(page.policy.findData("jomplair"))
    page.refresh()
    assert page.board.filter.policy == "jomplair"
    want = expected(rows, dashboard.DashboardFilter(PERIOD.start, PERIOD.end, "jomplair"))
    assert by_category(page.views["states"], "units") == \
        {s.replace("_", " "): n for s, n in want["states"].items()}  # type: ignore[attr-defined]


def test_only_supervisors_and_administrators_see_it(qtbot, database: Database, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    register_workspaces()
    window = MainWindow(database, sqlite_url, CLERK, ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(window)
    page = window.workspaces["Dashboard"]
    assert isinstance(page, RoleRequiredPage) and "needs the supervisor role" in page.text()
    for actor in (SUPERVISOR, ADMIN):
        board = dashboard_for(database, actor)
        qtbot.addWidget(board)
        assert isinstance(board, DashboardWorkspace)
    # The role is checked in core too, whatever the screen.
    refused = DashboardWorkspace(database, Actor("sam", roles=frozenset({"shipping"})))
    qtbot.addWidget(refused)
    refused.refresh()
    assert "may not see the dashboard" in refused.last_error and refused.board is None


def test_first_look_loads_the_last_30_days(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    page = DashboardWorkspace(database, SUPERVISOR)
    qtbot.addWidget(page)
    assert page.board is None and not page.csv_button.isEnabled()
    page.show()
    qtbot.waitUntil(lambda: page.board is not None)
    today = dt.datetime.now(TZ).date()
    assert (page.board.filter.start, page.board.filter.end) == (today - dt.timedelta(days=29), today)
    assert page.csv_button.isEnabled()
