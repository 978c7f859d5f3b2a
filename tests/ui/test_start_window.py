"""The desk's first window: typing while the database opens, and a database that cannot open.

The opening job runs on a real worker thread here, as at a real start.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from core import db
from core.services import users
from core.services.setup import open_and_prepare
from core.unit_of_work import Database
from tests.ui.test_settings_dialog import station  # noqa: F401 (a fixture)
from ui import i18n
from ui.app import Desk
from ui.settings.database_page import DatabasePage
from ui.settings.keys import DATABASE_URL
from ui.signin import FirstAdminDialog
from ui.start import StartWindow

PASSWORD = "super strong 99"


pytestmark = pytest.mark.usefixtures("cheap_hashes")


@pytest.fixture
def url_with_admin(sqlite_url: str) -> str:
    database = Database(db.open_database(sqlite_url))
    with database.uow() as uow:
        users.create_first_admin(uow, "boss", PASSWORD)
    database.engine.dispose()
    return sqlite_url


def _desk(qtbot, open_database) -> Desk:  # type: ignore[no-untyped-def]
    desk = Desk(open_database, "bench-1")
    qtbot.addWidget(desk.start)
    return desk


def _close(desk: Desk) -> None:
    if desk.window is not None:
        desk.window.close()
        desk.window.deleteLater()


def test_a_password_typed_before_the_database_is_open_signs_in_when_it_opens(
        qtbot, url_with_admin: str) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def slow_open() -> tuple[Database, str]:
        release.wait(30)  # a distant server
        return open_and_prepare(url_with_admin), url_with_admin

    desk = _desk(qtbot, slow_open)
    start = desk.start
    assert start.isVisible() and start.user.isEnabled()
    qtbot.keyClicks(start.user, "boss")
    qtbot.keyClick(start.user, Qt.Key.Key_Return)
    qtbot.keyClicks(start.password, PASSWORD)
    qtbot.keyClick(start.password, Qt.Key.Key_Return)
    assert "still opening" in start.message.text()
    assert desk.window is None
    release.set()
    qtbot.waitUntil(lambda: desk.window is not None and desk.window.isVisible(), timeout=30_000)
    assert not start.isVisible()
    assert "User: boss" in desk.window.station_label.text()
    _close(desk)


def test_a_wrong_password_is_said_and_the_right_one_opens_the_desk(
        qtbot, url_with_admin: str) -> None:  # type: ignore[no-untyped-def]
    desk = _desk(qtbot, lambda: (open_and_prepare(url_with_admin), url_with_admin))
    start = desk.start
    qtbot.waitUntil(lambda: start.opened is not None, timeout=30_000)
    start.user.setText("boss")
    start.password.setText("wrong password")
    start.submit()
    assert desk.window is None
    assert start.message.text() and start.password.text() == ""
    start.password.setText(PASSWORD)
    start.submit()
    assert desk.window is not None and desk.window.isVisible()
    assert desk.exit_code == 0
    _close(desk)


def test_a_new_database_asks_for_its_first_administrator(qtbot, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    desk = _desk(qtbot, lambda: (open_and_prepare(sqlite_url), sqlite_url))
    qtbot.waitUntil(lambda: bool(desk.start.findChildren(FirstAdminDialog)), timeout=30_000)
    first = desk.start.findChildren(FirstAdminDialog)[0]
    first.user.setText("boss")
    first.password.setText(PASSWORD)
    first.repeat.setText(PASSWORD)
    first.try_create()
    assert desk.window is not None and desk.window.isVisible()
    _close(desk)


@pytest.mark.parametrize(("language", "words"), [
    ("en", "Cannot"), ("zh_CN", "数据库"), ("zh_TW", "資料庫")])
def test_an_unreachable_database_is_said_in_the_window_not_as_a_traceback(
        qtbot, tmp_path: Path, language: str, words: str) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    i18n.install(language, app=app)
    try:
        url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
        desk = _desk(qtbot, lambda: (open_and_prepare(url), url))
        start = desk.start
        qtbot.waitUntil(lambda: start.failure is not None, timeout=60_000)
        text = start.message.text()
        assert words in text and "Traceback" not in text, text
        assert "127.0.0.1" in text
        assert not start.user.isEnabled() and not start.sign_in_button.isEnabled()
        start.submit()  # Enter does nothing more
        assert desk.window is None
        assert desk.exit_code == 2  # and the reason printed for a console
        qtbot.mouseClick(start.quit_button, Qt.MouseButton.LeftButton)
        assert not start.isVisible()
    finally:
        i18n.install("en", app=app)


def test_a_database_made_by_a_newer_program_is_refused_in_the_window(
        qtbot, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    engine = db.open_database(sqlite_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    desk = _desk(qtbot, lambda: (open_and_prepare(sqlite_url), sqlite_url))
    qtbot.waitUntil(lambda: desk.start.failure is not None, timeout=30_000)
    assert "newer RepairBench" in desk.start.message.text()


def test_the_start_window_is_usable_before_the_database_layer_is_loaded(qtbot) -> None:  # type: ignore[no-untyped-def]
    # What the start window itself imports: nothing of SQLAlchemy (the opening job loads it).
    import ast

    import ui.start

    tree = ast.parse(Path(ui.start.__file__).read_text(encoding="utf-8"))
    top = {node.module for node in tree.body if isinstance(node, ast.ImportFrom)}
    assert not {name for name in top if name and ("sqlalchemy" in name or name.startswith(
        ("core.services", "core.db", "core.models", "core.unit_of_work")))}
    window = StartWindow("bench-1")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClicks(window.user, "ada")  # typing is taken at once
    assert window.user.text() == "ada"


def test_quitting_while_the_database_opens_signs_nobody_in(qtbot, url_with_admin: str) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def slow_open() -> tuple[Database, str]:
        release.wait(30)
        return open_and_prepare(url_with_admin), url_with_admin

    desk = _desk(qtbot, slow_open)
    with qtbot.waitSignal(desk.start.gave_up):
        qtbot.mouseClick(desk.start.quit_button, Qt.MouseButton.LeftButton)
    release.set()
    from ui.worker import wait_for_background_work

    assert wait_for_background_work(30_000)
    qtbot.wait(50)  # the job's report delivered
    assert desk.start.opened is None and desk.window is None


@pytest.mark.parametrize(("language", "refused"), [
    ("zh_CN", "用户名不存在或密码错误。"), ("zh_TW", "使用者名稱不存在或密碼錯誤。")])
def test_a_refused_sign_in_reads_in_the_screen_language(
        qtbot, url_with_admin: str, language: str, refused: str) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    i18n.install(language, app=app)
    try:
        desk = _desk(qtbot, lambda: (open_and_prepare(url_with_admin), url_with_admin))
        qtbot.waitUntil(lambda: desk.start.opened is not None, timeout=30_000)
        desk.start.user.setText("boss")
        desk.start.password.setText("not the password")
        desk.start.submit()
        assert desk.start.message.text() == refused
        assert desk.start.sign_in_button.text() == ("登录" if language == "zh_CN" else "登入")
    finally:
        i18n.install("en", app=app)


@pytest.mark.usefixtures("station")  # this station's settings in a temporary folder
def test_an_unreachable_database_can_be_given_a_new_address_from_the_window(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    desk = _desk(qtbot, lambda: (open_and_prepare(url), url))
    start = desk.start
    assert not start.settings_button.isVisible()  # only when the database failed
    qtbot.waitUntil(lambda: start.failure is not None, timeout=60_000)
    assert start.settings_button.isVisible()
    dialog = start.open_database_settings()
    page = dialog.findChild(DatabasePage)
    page.url.setText(str(tmp_path))  # a folder: refused, nothing stored
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "folder" in dialog.findChildren(QLabel)[-1].text()
    assert QSettings().value(DATABASE_URL) is None
    page.url.setText(str(tmp_path / "bench.db"))
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert QSettings().value(DATABASE_URL) == str(tmp_path / "bench.db")
    assert "Start RepairBench again" in start.message.text()
