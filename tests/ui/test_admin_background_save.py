"""Admin saves that recompute due dates run in the background: the window answers meanwhile, the
progress shows, the due dates change once the work is done, and a failure stores nothing."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy.exc import OperationalError

from core import center
from core.models import Unit
from core.services import due_dates
from core.unit_of_work import Actor, Database
from tests.core.test_due_dates import dues, s1_due
from tests.core.test_repair import received
from tests.core.test_due_date_triggers import RECEIVED_ON
from tests.ui.test_settings_dialog import station  # noqa: F401 (a station's own QSettings)
from ui.admin.workspace import AdminWorkspace
from ui.settings.center_form import CenterPage
from ui.settings.dialog import SettingsDialog
from ui.settings.keys import STATION_NAME
from ui.settings.station_page import StationPage

BOSS = Actor(username="sue", station="office", roles=frozenset({"supervisor"}))
ADMIN = Actor(username="ada", station="office", roles=frozenset({"administrator"}))
TECH = Actor(username="ray", station="bench-1", roles=frozenset({"repair"}))


def _gate(monkeypatch: pytest.MonkeyPatch, name: str) -> tuple[threading.Event, threading.Event]:
    """Hold `due_dates.<name>` until the test opens the gate, like a refresh of a million
    work orders would take its seconds."""
    entered, gate = threading.Event(), threading.Event()
    real: Callable[..., int] = getattr(due_dates, name)

    def slow(*args: object, **kwargs: object) -> int:
        entered.set()
        assert gate.wait(20), "the test never opened the gate"
        return real(*args, **kwargs)

    monkeypatch.setattr(due_dates, name, slow)
    return entered, gate


def _setting(database: Database, key: str) -> str:
    with database.uow() as uow:
        return center.load(uow).get(key)


def test_a_setting_save_returns_at_once_and_the_due_dates_follow(  # type: ignore[no-untyped-def]
        qtbot, catalogue: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    uid = received(catalogue, model="JM-X16-Q")  # Jasminer's warranty length is open: no S1
    entered, gate = _gate(monkeypatch, "refresh_for_settings")
    admin = AdminWorkspace(catalogue, BOSS)
    qtbot.addWidget(admin)
    admin.resize(1280, 800)
    admin.show()
    page = admin.center_tab
    page.fields["jasminer.warranty_months"].setText("120")
    started = time.monotonic()
    assert page.save()
    assert time.monotonic() - started < 0.5  # back to the event loop, the refresh still runs
    qtbot.waitUntil(entered.is_set, timeout=10_000)
    ticks: list[int] = []
    qtbot.wait(50)  # the event loop turns while the refresh works
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=2000)
    assert admin.saving.busy and admin.saving.bar.isVisible()
    assert "center's settings" in admin.saving.label.text()
    assert not page.save_button.isEnabled()
    with catalogue.read() as uow:  # readers are not held up by the save's write lock
        assert uow.session.get(Unit, uid).due_at is None  # not stored yet
    assert not page.save()  # a second save waits for the first
    assert "still recomputing" in admin.last_error
    gate.set()
    qtbot.waitUntil(lambda: not admin.saving.busy, timeout=20_000)
    assert page.status.text() == "Saved." and page.save_button.isEnabled()
    assert not admin.saving.bar.isVisible()
    assert _setting(catalogue, "jasminer.warranty_months") == "120"
    assert dues(catalogue)["S1"] == (s1_due(catalogue, RECEIVED_ON), "S1")


def test_an_assignment_shows_its_progress_and_frees_the_page(  # type: ignore[no-untyped-def]
        qtbot, catalogue: Database) -> None:
    with catalogue.uow() as uow:
        center.store(uow, "jasminer.warranty_months", "120")
        uow.commit()
    received(catalogue, model="JM-X16-Q")  # stored behind the services' back: no due date yet
    admin = AdminWorkspace(catalogue, ADMIN)
    qtbot.addWidget(admin)
    page = admin.policies_tab
    seen: list[tuple[int, int]] = []
    admin.saving.progressed.connect(lambda done, total: seen.append((done, total)))
    assert page.assign("JM-X16-Q", "jasminer")
    assert not page.products.isEnabled() and not page.add_button.isEnabled()
    qtbot.waitUntil(lambda: not admin.saving.busy, timeout=20_000)
    assert seen[0] == (0, 1) and seen[-1] == (1, 1)  # one work order to recompute
    assert page.products.isEnabled() and page.add_button.isEnabled()
    assert page.status.text() == "JM-X16-Q now follows jasminer."
    assert dues(catalogue)["S1"] == (s1_due(catalogue, RECEIVED_ON), "S1")


def test_a_refused_save_says_why_and_stores_nothing(  # type: ignore[no-untyped-def]
        qtbot, catalogue: Database) -> None:
    admin = AdminWorkspace(catalogue, BOSS)
    qtbot.addWidget(admin)
    page = admin.center_tab
    page.fields["jasminer.warranty_months"].setText("twelve")
    assert not page.save()  # refused before anything runs, naming the field
    assert "Jasminer warranty (months)" in page.status.text() and "whole" in page.status.text()
    tech = AdminWorkspace(catalogue, TECH)  # the role is checked in core, in the background
    qtbot.addWidget(tech)
    tech.center_tab.fields["center.name"].setText("Mine now")
    assert tech.center_tab.save()
    qtbot.waitUntil(lambda: not tech.saving.busy, timeout=10_000)
    assert "may not change center settings" in tech.last_error
    assert tech.center_tab.save_button.isEnabled()
    assert _setting(catalogue, "center.name") != "Mine now"


def test_a_database_failure_during_the_refresh_keeps_the_old_values(  # type: ignore[no-untyped-def]
        qtbot, catalogue: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def gone(*_args: object, **_kwargs: object) -> int:
        raise OperationalError("UPDATE unit", {}, Exception("server closed the connection"))

    monkeypatch.setattr(due_dates, "refresh_for_settings", gone)
    admin = AdminWorkspace(catalogue, BOSS)
    qtbot.addWidget(admin)
    page = admin.center_tab
    page.fields["jasminer.warranty_months"].setText("24")
    assert page.save()
    qtbot.waitUntil(lambda: not admin.saving.busy, timeout=10_000)
    assert "did not answer" in admin.last_error and "Nothing was changed" in admin.last_error
    assert page.save_button.isEnabled()
    assert _setting(catalogue, "jasminer.warranty_months") == ""


def test_the_settings_dialog_stores_the_center_in_the_background(  # type: ignore[no-untyped-def]
        qtbot, catalogue: Database, station, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    uid = received(catalogue, model="JM-X16-Q")
    entered, gate = _gate(monkeypatch, "refresh_for_settings")
    dialog = SettingsDialog(catalogue, BOSS, "")
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.page(CenterPage).form
    form.fields["jasminer.warranty_months"].setText("120")
    dialog.page(StationPage).station.setText("office-2")
    started = time.monotonic()
    dialog.accept()
    assert time.monotonic() - started < 0.5
    qtbot.waitUntil(entered.is_set, timeout=10_000)
    assert dialog.isVisible() and dialog.saving.bar.isVisible()
    assert not dialog.buttons.isEnabled()
    assert QSettings().value(STATION_NAME) is None  # the station's values wait for the center's
    dialog.reject()  # Escape cannot take back the transaction under way
    assert dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=20_000)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted, dialog.error.text()
    assert QSettings().value(STATION_NAME) == "office-2"
    with catalogue.read() as uow:
        assert uow.session.get(Unit, uid).due_rule == "S1"


def test_a_refused_center_in_the_settings_dialog_keeps_it_open_and_stores_nothing(  # type: ignore[no-untyped-def]
        qtbot, catalogue: Database, station, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    def gone(*_args: object, **_kwargs: object) -> int:
        raise OperationalError("UPDATE unit", {}, Exception("server closed the connection"))

    monkeypatch.setattr(due_dates, "refresh_for_settings", gone)
    dialog = SettingsDialog(catalogue, BOSS, "")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.page(CenterPage).form.fields["jasminer.warranty_months"].setText("24")
    dialog.page(StationPage).station.setText("office-3")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=10_000)
    assert dialog.result() != SettingsDialog.DialogCode.Accepted and dialog.isVisible()
    assert "did not answer" in dialog.error.text() and dialog.buttons.isEnabled()
    assert QSettings().value(STATION_NAME) is None  # all or nothing
    assert _setting(catalogue, "jasminer.warranty_months") == ""
