"""Keyboard shortcuts: the F1 list shows the keys the window really has, and the keys work."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from core.unit_of_work import SYSTEM, Actor, Database
from ui.app import register_workspaces
from ui.main_window import MainWindow
from ui.settings.dialog import SettingsDialog
from ui.shortcuts import EVERYWHERE, collect
from ui.signin import IdleLock


@pytest.fixture
def window(qtbot, catalogue: Database, sqlite_url: str) -> MainWindow:  # type: ignore[no-untyped-def]
    register_workspaces()
    window = MainWindow(catalogue, sqlite_url, Actor("ada", "bench-1", None, SYSTEM.roles),
                        ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def key(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def test_overlay_lists_the_keys_the_window_has(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    rows = set(window.show_shortcuts().rows())
    for index, title in enumerate(titles):
        assert (EVERYWHERE, key(f"Ctrl+{index + 1}"), f"Go to {title}") in rows
    for keys, words in (("F1", "Keyboard shortcuts"), ("Ctrl+/", "Keyboard shortcuts"),
                        ("Ctrl+,", "Settings"), ("Ctrl+L", "Lock station"),
                        ("Ctrl+F", "Find a work order")):
        assert (EVERYWHERE, key(keys), words) in rows
    # The workspaces' own keys, found by walking their widgets (named by the button they press).
    assert ("Intake", key("F9"), "Close parcel") in rows
    assert ("Intake", key("F10"), "Refuse parcel") in rows
    assert ("Repair", key("Ctrl+Shift+S"), "Send quote") in rows

    # A key added later shows the next time the list opens: nothing is kept by hand.
    extra = QShortcut(QKeySequence("Ctrl+Shift+K"), window.workspaces["Intake"])
    extra.setWhatsThis("Weigh the parcel")
    later = QAction("Print &everything", window)
    later.setShortcut(QKeySequence("Ctrl+Alt+P"))
    window.addAction(later)
    overlay = window.show_shortcuts()
    rows = set(overlay.rows())
    assert ("Intake", key("Ctrl+Shift+K"), "Weigh the parcel") in rows
    assert (EVERYWHERE, key("Ctrl+Alt+P"), "Print everything") in rows
    overlay.filter.setText("parcel")
    assert {words for _, _, words in overlay.rows()} >= {"Close parcel", "Weigh the parcel"}
    assert all("parcel" in f"{k} {w}".lower() for _, k, w in overlay.rows())


def test_window_keys_do_not_collide_with_workspace_keys(window: MainWindow) -> None:
    found = collect(window, window.tabs)
    everywhere = [s.keys for s in found if s.area == EVERYWHERE]
    assert len(everywhere) == len(set(everywhere))
    in_workspaces = {s.keys for s in found if s.area != EVERYWHERE}
    assert set(everywhere) & in_workspaces == set()


def test_keys_switch_workspace_open_settings_help_and_search(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.browser
    assert window.focusWidget() is window.browser.search

    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.overlay is not None and window.overlay.isVisible()
    window.overlay.close()

    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_lock_station_key_hides_the_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = window.findChild(IdleLock)
    assert lock is not None and lock.dialog is not None
    assert not window.isVisible()  # hidden, not just covered
    lock.dialog.reject()
