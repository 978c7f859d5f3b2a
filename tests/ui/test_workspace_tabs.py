"""Workspaces are built when their tab is first opened, so the window shows without them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget

from tests.ui.test_shortcuts import window  # noqa: F401  (the shown main window)
from ui.main_window import MainWindow
from ui.work_orders.browser import WorkOrderBrowser
from ui.workspace_tabs import LazyWorkspaces


def test_only_the_tab_in_view_is_built_at_start(window: MainWindow) -> None:
    titles = list(window.workspaces)
    assert titles[0] == "Intake" and "Work orders" in titles and titles[-1] == "Admin"
    assert [t for t in titles if window.workspaces.is_built(t)] == ["Intake"]
    assert window.tabs.currentWidget() is window.workspaces["Intake"]


def test_opening_a_tab_builds_its_workspace_in_place(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    index = list(window.workspaces).index("Work orders")
    qtbot.keyClick(window, Qt.Key.Key_1 + index, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == index
    page = window.tabs.currentWidget()
    assert isinstance(page, WorkOrderBrowser) and page is window.browser
    assert page.isVisible() and page.search.isVisible()  # the real browser, not a stand-in
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == labels
    # Going back and forth keeps the same workspace (and what was typed in it).
    page.search.setText("SN-42")
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(index)
    assert window.tabs.currentWidget() is page and page.search.text() == "SN-42"
    assert not window.workspaces.is_built("Admin")


def test_asking_for_a_workspace_by_title_builds_it_without_switching(window: MainWindow) -> None:
    admin = window.workspaces["Admin"]
    assert window.workspaces.is_built("Admin")
    assert window.tabs.indexOf(admin) == window.tabs.count() - 1
    assert window.tabs.currentIndex() == 0
    with pytest.raises(KeyError):
        window.workspaces["Payroll"]


def test_settings_saved_touch_only_the_workspaces_already_open(window: MainWindow) -> None:
    window._settings_saved()
    assert [t for t in window.workspaces if window.workspaces.is_built(t)] == ["Intake"]


def test_a_workspace_that_fails_to_build_leaves_its_tab_to_try_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    workspaces = LazyWorkspaces(tabs)
    attempts: list[int] = []

    def flaky() -> QLabel:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("database unreachable")
        return QLabel("queue")

    workspaces.add("First", "First", lambda: QLabel("first"))
    workspaces.add("Queue", "Queue", flaky)
    with pytest.raises(RuntimeError):
        workspaces["Queue"]
    assert tabs.count() == 2 and not workspaces.is_built("Queue")
    page = workspaces["Queue"]
    assert isinstance(page, QLabel) and tabs.indexOf(page) == 1 and tabs.tabText(1) == "Queue"


def test_a_tab_whose_workspace_fails_says_why_and_opening_it_again_retries(qtbot) -> None:  # type: ignore[no-untyped-def]
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    workspaces = LazyWorkspaces(tabs)
    failures = ["database is locked"]

    def queue() -> QLabel:
        if failures:
            raise RuntimeError(failures.pop())
        return QLabel("the queue")

    workspaces.add("First", "First", lambda: QLabel("first"))
    workspaces.add("Queue", "Queue", queue)
    tabs.setCurrentIndex(1)  # no exception reaches the event loop
    message = tabs.widget(1).findChild(QLabel)
    assert message is not None and "database is locked" in message.text()
    assert "open the tab again" in message.text() and not workspaces.is_built("Queue")
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert workspaces.is_built("Queue") and tabs.currentWidget().text() == "the queue"
