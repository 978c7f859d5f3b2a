"""Switching the screen language: the dashboard, repair and shipping screens speak Chinese.

Each test switches the station's language as the program does at start (`ui.i18n.install`),
builds the real screen on a real database and reads what a person sees: titles, buttons, column
headers, chart legends. The figures themselves must not change with the language.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from core.services import dashboard
from core.unit_of_work import Database
from pathlib import Path

from core.models import UnitStatus
from tests.core.test_dashboard import NOW, SUPERVISOR, build_center
from tests.ui.test_repair_workspace import TECH, _received, _status
from tests.core.test_shipping import stock
from tests.ui.test_dashboard import by_category, series_values, show_period
from tests.ui.test_dashboard import immediate  # noqa: F401  (fixture: work runs at once)
from tests.ui.test_shipping_workspace import closed_port, column, make_desk, pack, states
from tests.ui.test_translations import HAN, language  # noqa: F401  (fixture)
from ui import i18n
from ui.dashboard.workspace import DashboardWorkspace, RoleRequiredPage
from ui.printing.profiles import PrinterProfile
from ui.repair.workspace import RepairWorkspace
from ui.shipping.workspace import ShippingWorkspace


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


def _shipping_desk(qtbot, database: Database, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                   tmp_path: Path) -> ShippingWorkspace:
    stock(database, {"WO-1": [("SN-1", "JM-X16-Q"), ("SN-2", "JM-X16-Q"), ("SN-3", "JM-X16-Q")]})
    station = [PrinterProfile("Dead Zebra", "tcp9100", f"127.0.0.1:{closed_port()}")]
    desk, _answers = make_desk(database, qtbot, monkeypatch, tmp_path, station)
    return desk


@pytest.mark.parametrize(("code", "ready", "pack_text", "packed", "not_printed", "unreachable"), [
    ("zh_CN", "待发货", "打包所选设备", "已为 WO-1 打包 2 个包裹。请扫描每个运单。", "未打印",
     "无法连接位于 127.0.0.1:"),
    ("zh_TW", "待出貨", "打包所選設備", "已為 WO-1 打包 2 個包裹。請掃描每張託運單。", "未列印",
     "無法連線位於 127.0.0.1:"),
])
def test_shipping_speaks_the_language(qtbot, catalogue: Database, language,  # type: ignore[no-untyped-def]
                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: str,
                                      ready: str, pack_text: str, packed: str, not_printed: str,
                                      unreachable: str) -> None:
    language(code)
    desk = _shipping_desk(qtbot, catalogue, monkeypatch, tmp_path)
    assert desk.pages.tabText(0) == ready and HAN.search(desk.pages.tabText(1))
    assert desk.pack_button.text() == pack_text and HAN.search(desk.ship_button.text())
    headers = [desk.parcel_model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(desk.parcel_model.columnCount())]
    assert all(HAN.search(h) for h in headers), headers
    pack(desk, 2)
    assert desk.message.text() == packed
    assert column(desk, 6) == [not_printed] * 2
    desk.take_scan("SF1000000000001")
    desk.take_scan("SF1000000000002")
    assert column(desk, 2) == ["SF1000000000001", "SF1000000000002"]
    # A label printer that is switched off: said in the language, and nothing marked printed.
    desk.print_button.click()
    assert unreachable in desk.message.text(), desk.message.text()
    assert column(desk, 6) == [not_printed] * 2
    # A scan that is neither a work order nor a waybill: refused in words, nothing changes.
    desk.take_scan("?!#")
    assert HAN.search(desk.message.text()) and "?!#" in desk.message.text()
    assert set(states(catalogue).values()) == {UnitStatus.READY_TO_SHIP}


@pytest.mark.parametrize(("code", "waiting", "tabs", "start", "started", "no_unit"), [
    ("zh_CN", "等待检测（1）", ["收货", "检测结果", "诊断", "报价", "维修", "退货与换货", "历史记录"],
     "开始检测", "已开始检测。", "没有序列号为 NOPE 的设备。"),
    ("zh_TW", "等待檢測（1）", ["收貨", "檢測結果", "診斷", "報價", "維修", "退貨與換貨", "歷程紀錄"],
     "開始檢測", "已開始檢測。", "沒有序號為 NOPE 的設備。"),
])
def test_repair_speaks_the_language(qtbot, catalogue: Database, language,  # type: ignore[no-untyped-def]
                                    code: str, waiting: str, tabs: list[str], start: str,
                                    started: str, no_unit: str) -> None:
    uid = _received(catalogue)
    language(code)
    ws = RepairWorkspace(catalogue, TECH, dt.UTC, capture_scans=False)
    qtbot.addWidget(ws)
    ws.show()
    assert ws.queues.item(1).text() == waiting
    assert all(HAN.search(ws.queues.item(row).text()) for row in range(ws.queues.count()))
    headers = [ws.model.headerData(c, Qt.Orientation.Horizontal) for c in range(ws.model.columnCount())]
    assert all(HAN.search(h) for h in headers), headers
    # The unit's state in the queue is in words of the language too.
    assert HAN.search(ws.model.data(ws.model.index(0, 3)))
    # A serial nobody knows: said in the language, the page stays empty.
    assert not ws.open_serial("NOPE")
    assert ws.page.message.text() == no_unit and ws.page.unit_id is None
    assert ws.open_serial("JM-1")
    page = ws.page
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == tabs
    button = next(b for b in page.findChildren(QPushButton) if b.text() == start)
    button.click()
    assert page.message.text() == started
    assert _status(catalogue, uid) == UnitStatus.IN_DIAGNOSIS
