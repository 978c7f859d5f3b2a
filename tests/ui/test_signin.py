"""Sign-in, the first administrator and the idle lock, driven from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from core.services import users
from core.unit_of_work import Database
from ui.signin import FirstAdminDialog, IdleLock, SignInDialog, idle_lock_minutes

PASSWORD = "super strong 99"


pytestmark = pytest.mark.usefixtures("cheap_hashes")


@pytest.fixture
def with_admin(database: Database) -> Database:
    with database.uow() as uow:
        users.create_first_admin(uow, "boss", PASSWORD)
    return database


def test_first_admin_dialog_creates_the_administrator(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstAdminDialog(database, "bench-1")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.user, "boss")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.repeat, "something else")
    dialog.try_create()
    assert "differ" in dialog.message.text() and dialog.actor is None
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, PASSWORD)
    dialog.try_create()
    assert dialog.actor is not None and dialog.actor.holds("administrator")
    with database.uow() as uow:
        assert not users.first_admin_needed(uow)


def test_first_admin_dialog_shows_a_weak_password_reason(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstAdminDialog(database, "bench-1")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.user, "boss")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    dialog.try_create()
    assert "too short" in dialog.message.text() and dialog.actor is None


def test_sign_in_wrong_then_right(qtbot, with_admin: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(with_admin, "bench-1")
    qtbot.addWidget(dialog)
    dialog.show()  # Return presses the default button only in a shown dialog
    qtbot.keyClicks(dialog.user, "boss")
    qtbot.keyClicks(dialog.password, "not it at all")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.message.text() == users.SIGNIN_FAILED and dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.signed_in) as signal:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    actor = signal.args[0]
    assert (actor.username, actor.station) == ("boss", "bench-1") and actor.holds("administrator")
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_idle_lock_hides_the_window_and_asks_the_same_user(qtbot, with_admin: Database) -> None:  # type: ignore[no-untyped-def]
    with with_admin.uow() as uow:
        actor = users.authenticate(uow, "boss", PASSWORD, station="bench-1")
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, with_admin, actor, timeout_ms=50)
    with qtbot.waitSignal(lock.locked, timeout=2000):
        pass
    assert not window.isVisible() and lock.dialog is not None
    dialog = lock.dialog
    qtbot.addWidget(dialog)
    assert dialog.user.text() == "boss" and dialog.user.isReadOnly()
    qtbot.keyClicks(dialog.password, "wrong password")
    dialog.try_sign_in()
    assert not window.isVisible()
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=2000):
        dialog.try_sign_in()
    assert window.isVisible() and lock.timer.isActive()
    lock.timer.stop()


def test_idle_lock_minutes_from_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert idle_lock_minutes(settings) == 15
    settings.setValue("station/idle_lock_minutes", 5)
    assert idle_lock_minutes(settings) == 5
    settings.setValue("station/idle_lock_minutes", "nonsense")
    assert idle_lock_minutes(settings) == 15
