"""Edit > Settings: every page keeps what was set, bad values are refused by name and nothing is
saved half, the connection test answers without blocking the screen."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import main
from core import center
from core.unit_of_work import Actor, Database
from ui.printing.profiles import load_profiles
from ui.settings.center_form import CenterPage
from ui.settings.database_page import DatabasePage
from ui.settings.dialog import SettingsDialog
from ui.settings.keys import DATABASE_URL, LANGUAGE, STATION_NAME
from ui.settings.printers_page import PrintersPage
from ui.settings.scanner_page import ScannerPage
from ui.settings.station_page import SoundsPage, StationPage

ADMIN = Actor(username="ada", station="bench-1", roles=frozenset({"administrator"}))
CLERK = Actor(username="sam", station="bench-1", roles=frozenset({"shipping"}))


@pytest.fixture
def station(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """This station's QSettings in a temporary folder, named as the program names them."""
    folder = tmp_path / "settings"
    names = qapp.organizationName(), qapp.applicationName()
    qapp.setOrganizationName("RepairBench")
    qapp.setApplicationName("RepairBench")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    default = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, default)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, default)
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


def open_dialog(qtbot, database: Database, actor: Actor = ADMIN) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(database, actor, "sqlite:////srv/open-now.db")
    qtbot.addWidget(dialog)
    return dialog


def test_every_page_keeps_what_was_set(qtbot, station: Path, database: Database,  # type: ignore[no-untyped-def]
                                       sqlite_url: str, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, database)
    st = dialog.page(StationPage)
    st.station.setText("  bench-7 ")
    st.language.setCurrentIndex(st.language.findData("zh_TW"))
    st.idle_lock.setValue(30)
    form = dialog.page(CenterPage).form
    form.fields["center.name"].setText("九龙维修中心")
    form.fields["center.address"].setPlainText("九龙湾宏光道1号\nUnit 12")
    form.fields["center.timezone"].setText("Asia/Hong_Kong")
    form.fields["center.country"].setText("hk")
    scanner = dialog.page(ScannerPage).scanner
    scanner.serial_port.setText("/dev/ttyACM0")
    scanner.baud.setCurrentText("115200")
    scanner.camera.setChecked(True)
    scanner.test_page.threshold.setValue(40)
    printers = dialog.page(PrintersPage)
    printers.add_profile()
    printers.name.setText("Zebra at the bench")
    printers.kind.setCurrentIndex(printers.kind.findData("tcp9100"))
    printers.target.setEditText("10.0.0.5:9100")
    printers.dpi.setCurrentIndex(printers.dpi.findData(300))
    printers.copies.setValue(2)
    dialog.page(SoundsPage).volume.setValue(35)
    dialog.page(DatabasePage).url.setText(sqlite_url)
    dialog.accept()  # the center's values are stored in the background, then the dialog closes
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=10_000)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted, dialog.error.text()

    again = open_dialog(qtbot, database)
    st = again.page(StationPage)
    assert st.station.text() == "bench-7"
    assert st.language.currentData() == "zh_TW" and st.idle_lock.value() == 30
    assert QSettings().value(LANGUAGE) == "zh_TW"  # the key the translation loader reads
    form = again.page(CenterPage).form
    assert form.values()["center.address"] == "九龙湾宏光道1号\nUnit 12"
    assert form.fields["center.country"].text() == "HK"
    with database.uow() as uow:
        saved = center.load(uow)
    assert saved.get("center.name") == "九龙维修中心" and str(saved.timezone) == "Asia/Hong_Kong"
    scanner = again.page(ScannerPage).scanner
    assert scanner.serial_port.text() == "/dev/ttyACM0" and scanner.baud.currentText() == "115200"
    assert scanner.camera.isChecked()
    assert int(QSettings().value("scanner/threshold_ms")) == 40  # what the intake bench reads
    assert [(p.name, p.kind, p.target, p.dpi, p.copies) for p in load_profiles()] == [
        ("Zebra at the bench", "tcp9100", "10.0.0.5:9100", 300, 2)]
    assert again.page(PrintersPage).name.text() == "Zebra at the bench"
    assert again.page(SoundsPage).volume.value() == 35
    assert again.page(DatabasePage).url.text() == sqlite_url


def test_bad_values_are_refused_by_name_and_nothing_is_saved(qtbot, station: Path,  # type: ignore[no-untyped-def]
                                                             database: Database,
                                                             tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, database)
    dialog.show()
    st, form = dialog.page(StationPage), dialog.page(CenterPage).form
    st.station.setText("bench-9")  # a good value on one page...
    cases = [
        (lambda: form.fields["center.timezone"].setText("Mars/Olympus"), "Time zone",
         form.fields["center.timezone"]),
        (lambda: form.fields["center.country"].setText("XX"), "Calendar country",
         form.fields["center.country"]),
        (lambda: form.fields["center.name"].setText("   "), "Center name",
         form.fields["center.name"]),
        (lambda: dialog.page(ScannerPage).scanner.serial_port.setText("COM 3"),
         "Serial-port scanner", dialog.page(ScannerPage).scanner.serial_port),
        (lambda: dialog.page(ScannerPage).scanner.test_page.threshold.lineEdit().setText(""),
         "Key gap", dialog.page(ScannerPage).scanner.test_page.threshold),
        (lambda: dialog.page(DatabasePage).url.setText("postgresql://u@host:notaport/db"),
         "Database URL", dialog.page(DatabasePage).url),
        (lambda: dialog.page(DatabasePage).url.setText("oracle://scott@db/orcl"),
         "Database URL", dialog.page(DatabasePage).url),
        (lambda: dialog.page(DatabasePage).url.setText(str(tmp_path)), "Database URL",
         dialog.page(DatabasePage).url),
    ]
    for spoil, field_name, widget in cases:
        form.load()
        dialog.page(ScannerPage).scanner.serial_port.setText("")
        dialog.page(ScannerPage).scanner.test_page.threshold.setValue(50)
        dialog.page(DatabasePage).url.setText("")
        spoil()
        assert not dialog.apply()
        assert dialog.error.text().startswith(field_name), dialog.error.text()
        assert dialog.stack.currentWidget().isAncestorOf(widget)  # the page with the field shows
        assert dialog.isVisible()
    # ...was not saved either: OK stores all pages or none.
    assert QSettings().value(STATION_NAME) is None
    assert load_profiles() == []
    with database.uow() as uow:
        assert center.load(uow).get("center.timezone") == "Asia/Shanghai"

    form.load()
    dialog.page(ScannerPage).scanner.serial_port.setText("")
    dialog.page(ScannerPage).scanner.test_page.threshold.setValue(50)
    dialog.page(DatabasePage).url.setText("")
    st.station.setText("   ")
    assert not dialog.apply() and dialog.error.text().startswith("Station name")
    st.station.setText("x" * 65)
    assert not dialog.apply() and dialog.error.text().startswith("Station name")
    printers = dialog.page(PrintersPage)
    st.station.setText("bench-9")
    printers.add_profile()
    printers.kind.setCurrentIndex(printers.kind.findData("raw_queue"))  # but no queue named
    assert not dialog.apply() and "needs a queue name" in dialog.error.text()
    printers.target.setEditText("zebra")
    printers.add_profile()
    printers.kind.setCurrentIndex(printers.kind.findData("raw_queue"))
    printers.target.setEditText("zebra2")
    printers.name.setText("Printer 1")
    assert not dialog.apply() and "Two printer profiles" in dialog.error.text()
    printers.remove_profile()
    assert dialog.apply(), dialog.error.text()
    assert QSettings().value(STATION_NAME) == "bench-9"


def test_center_page_is_read_only_for_who_may_not_change_it(qtbot, station: Path,  # type: ignore[no-untyped-def]
                                                            database: Database) -> None:
    dialog = open_dialog(qtbot, database, CLERK)
    page = dialog.page(CenterPage)
    assert not page.form.isEnabled()
    dialog.page(StationPage).station.setText("shipping-2")
    assert dialog.apply(), dialog.error.text()  # the station's own values still save
    assert QSettings().value(STATION_NAME) == "shipping-2"


def test_connection_test_answers_without_blocking(qtbot, station: Path, database: Database,  # type: ignore[no-untyped-def]
                                                  sqlite_url: str) -> None:
    dialog = open_dialog(qtbot, database)
    page = dialog.page(DatabasePage)
    page.url.setText(sqlite_url)
    page.test_button.click()
    assert page.result.text() == "Testing the connection…"  # back at once, the test runs behind
    assert not page.test_button.isEnabled()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10_000)
    assert page.result.text().startswith("Connected to ")
    assert "repairbench.db" in page.result.text()

    page.url.setText("postgresql+psycopg://nobody@127.0.0.1:1/none")
    page.test_button.click()
    assert page.result.text() == "Testing the connection…"
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=15_000)
    text = page.result.text()
    assert text.startswith("Not connected: Cannot reach the database") and "\n" not in text

    page.url.setText("mysql://u@h:port/db")
    page.test_button.click()
    assert page.result.text().startswith("Database URL:")  # refused before any connection


def test_missing_sqlite_file_is_not_created_by_the_test(qtbot, station: Path,  # type: ignore[no-untyped-def]
                                                        database: Database, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, database)
    page = dialog.page(DatabasePage)
    target = tmp_path / "later" / "bench.db"
    page.url.setText(str(target))
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10_000)
    assert "created at the next start" in page.result.text()
    assert not target.exists()


def test_next_start_uses_the_saved_database_and_station(station: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    QSettings().setValue(DATABASE_URL, "postgresql+psycopg://repair@dbserver/repairbench")
    QSettings().setValue(STATION_NAME, "bench-4")
    QSettings().sync()
    monkeypatch.delenv("REPAIRBENCH_DB", raising=False)
    args = argparse.Namespace(db=None, station=None)
    main.station_defaults(args)
    assert (args.db, args.station) == ("postgresql+psycopg://repair@dbserver/repairbench", "bench-4")
    # The command line and the environment still come first.
    args = argparse.Namespace(db="/srv/other.db", station="bench-1")
    main.station_defaults(args)
    assert (args.db, args.station) == ("/srv/other.db", "bench-1")
    monkeypatch.setenv("REPAIRBENCH_DB", "sqlite:////srv/env.db")
    args = argparse.Namespace(db=None, station=None)
    main.station_defaults(args)
    assert args.db is None  # core.db.resolve_url then takes the environment variable
