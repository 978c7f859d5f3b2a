"""Switching the screen language: the dashboard, repair and shipping screens speak Chinese.

Each test switches the station's language as the program does at start (`ui.i18n.install`),
builds the real screen on a real database and reads what a person sees: titles, buttons, column
headers, chart legends. The figures themselves must not change with the language.
"""

from __future__ import annotations

import re

import pytest

from core.services import dashboard
from core.unit_of_work import Database
from tests.core.test_dashboard import NOW, SUPERVISOR, build_center
from tests.ui.test_dashboard import by_category, series_values, show_period
from tests.ui.test_dashboard import immediate  # noqa: F401  (fixture: work runs at once)
from tests.ui.test_translations import HAN, language  # noqa: F401  (fixture)
from ui import i18n
from ui.dashboard.workspace import DashboardWorkspace, RoleRequiredPage


@pytest.fixture
def center(database: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    build_center(database)
    real_load = dashboard.load
    # The figures are judged at the test's fixed "now", so due today and pending stay put.
    monkeypatch.setattr(dashboard, "load", lambda uow, flt, now=None: real_load(uow, flt, now=NOW))
    return database


def _dashboard(qtbot, database: Database) -> DashboardWorkspace:  # type: ignore[no-untyped-def]
    page = DashboardWorkspace(database, SUPERVISOR)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    show_period(page)
    page.refresh()
    assert page.board is not None and not page.last_error
    return page


@pytest.mark.parametrize(("code", "refresh", "received", "units", "title"), [
    ("zh_CN", "刷新", "已接收", "设备数", "每日包裹"),
    ("zh_TW", "重新整理", "已接收", "設備數", "每日包裹"),
])
def test_dashboard_speaks_the_language_with_the_same_figures(  # type: ignore[no-untyped-def]
        qtbot, center: Database, language, code: str, refresh: str, received: str, units: str,
        title: str) -> None:
    english = _dashboard(qtbot, center)
    english_parcels = series_values(english.views["parcels"])
    english_states = list(by_category(english.views["states"], "units").values())

    language(code)
    page = _dashboard(qtbot, center)
    assert page.refresh_button.text() == refresh
    assert page.policy.itemText(0) == "全部政策"
    charts = {name: view.chart() for name, view in page.views.items()}
    assert charts["parcels"].title().startswith(title)
    for name, chart in charts.items():
        assert HAN.search(chart.title()), (name, chart.title())
    # Every legend and every state is in Chinese; the numbers are those of the English screen.
    parcels = series_values(page.views["parcels"])
    assert parcels[received] == english_parcels["received"]
    assert len(parcels) == len(english_parcels)
    assert all(HAN.search(label) for label in parcels), list(parcels)
    states = by_category(page.views["states"], units)
    assert all(HAN.search(state) for state in states), list(states)
    assert list(states.values()) == english_states
    for name in ("turnaround", "due", "service_levels"):
        assert all(HAN.search(label) for label in series_values(page.views[name])), name
    # The period in the locale's dates (2026/3/1), the counts in words.
    assert re.match(r"2026/3/1 至 2026/3/20：", page.status.text()), page.status.text()


def test_dashboard_export_error_speaks_the_language(qtbot, center: Database, language,  # type: ignore[no-untyped-def]
                                                    tmp_path) -> None:
    language("zh_CN")
    page = _dashboard(qtbot, center)
    # A folder where a file should go: refused with a message in Chinese, nothing written.
    folder = tmp_path / "exports"
    folder.mkdir()
    assert not page.export_csv(folder)
    assert page.last_error.startswith("无法写入") and "请选择" in page.last_error
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(("code", "words"), [("zh_CN", "仪表盘需要主管"), ("zh_TW", "儀表板需要主管")])
def test_role_required_page_speaks_the_language(qtbot, language, code: str, words: str) -> None:  # type: ignore[no-untyped-def]
    language(code)
    page = RoleRequiredPage()
    qtbot.addWidget(page)
    assert page.text().startswith(words)
    assert i18n.current_language() == code
