"""The first window of the desk: who is at the station, while the database opens behind it.

Opening the database means loading SQLAlchemy and the models, checking the schema (perhaps
upgrading it) and the policy presets: most of a second, more on a slow disk or a distant server.
The window asks for the user name and password at once and that work runs in the background
meanwhile, so the person types while the program loads. A sign-in submitted before the database is
open waits for it; a database that cannot be opened is said here, in the screen's language, with
what to do, never as a traceback.

This module loads nothing heavy: core's database modules are imported by the opening job.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError
from ui.i18n import error_text
from ui.worker import run_in_background

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from core.unit_of_work import Actor, Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Opened:
    """What the opening job hands the window: the database and what the sign-in needs of it."""

    database: Database
    url: str
    timezone: ZoneInfo
    first_admin_needed: bool


def open_for_desk(open_database: Callable[[], tuple[Database, str]],
                  warm: Iterable[str] = ()) -> Opened:
    """Open the database and read what the sign-in needs; runs off the GUI thread.

    `warm` names modules the signed-in desk will need (its window and workspaces): importing
    them here spares the person the wait after the password.
    """
    from core import center
    from core.services import users

    database, url = open_database()
    with database.read() as uow:
        timezone = center.load(uow).timezone
        needed = users.first_admin_needed(uow)
    for name in warm:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a workspace this installation does not have
            if exc.name != name:
                raise
    return Opened(database, url, timezone, needed)


class StartWindow(QWidget):
    """User name and password, shown before the database is open.

    Signals:
        signed_in(Opened, Actor): the password was right (or the first administrator was made).
        gave_up(): the person quit, or the database could not be opened and they closed the window.
    """

    signed_in = Signal(object, object)
    gave_up = Signal()

    def __init__(self, station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self.opened: Opened | None = None
        self.failure: BaseException | None = None
        self._submitted = False
        self._done = False
        self._closed = False
        self.setWindowTitle(self.tr("RepairBench: sign in"))
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.status = QLabel(self.tr("Opening the database…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("Quit"))
        # Shown when the database cannot be opened: its address is fixed here, without a terminal.
        self.settings_button = QPushButton(self.tr("Database settings…"))
        self.settings_button.hide()
        self.settings_button.clicked.connect(self.open_database_settings)
        form = QFormLayout()
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.settings_button)
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.sign_in_button.clicked.connect(self.submit)
        self.user.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.quit_button.clicked.connect(self.close)
        self.user.setFocus()

    # The opening job reports here, on the GUI thread.

    def database_opened(self, opened: Opened) -> None:
        if self._closed:  # quit while it opened: nobody to sign in
            return
        self.opened = opened
        self.status.clear()
        if opened.first_admin_needed:
            self._create_first_admin(opened)
        elif self._submitted:
            self._check_password()

    def database_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self.failure = error
        if not isinstance(error, UserError):
            log.error("the database could not be opened", exc_info=error)
        what = error_text(error) if isinstance(error, UserError) else self.tr(
            "The database could not be opened ({0}).").format(
                f"{type(error).__name__}: {error}")
        self.status.clear()
        self.message.setText(what + "\n\n" + self.tr(
            "Check the database address (--db, the REPAIRBENCH_DB variable or Edit > Settings > "
            "Database) and that its server is running, then start RepairBench again."))
        for widget in (self.user, self.password, self.sign_in_button):
            widget.setEnabled(False)
        self.settings_button.show()
        self.quit_button.setDefault(True)
        self.quit_button.setFocus()

    def open_database_settings(self) -> QDialog:
        """This station's database address, with its connection test (Edit > Settings >
        Database, which cannot be reached without a database)."""
        from ui.settings.database_page import DatabasePage

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Database settings"))
        page = DatabasePage(parent=dialog)
        error = QLabel()
        error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(dialog)
        layout.addWidget(page)
        layout.addWidget(error)
        layout.addWidget(buttons)

        def save() -> None:
            try:
                page.check()
                page.store()
            except UserError as exc:  # the field says what is wrong; nothing is stored
                error.setText(error_text(exc))
                return
            dialog.accept()
            self.message.setText(self.tr(
                "The database address is saved. Start RepairBench again to open it."))

        buttons.accepted.connect(save)
        buttons.rejected.connect(dialog.reject)
        dialog.open()
        return dialog

    # The person's side.

    def submit(self) -> None:
        """Check the password now, or as soon as the database is open."""
        if self.failure is not None or self._done:
            return
        if self.opened is None:
            self._submitted = True
            self.message.setText(self.tr(
                "The database is still opening; you are signed in as soon as it is ready."))
            return
        self._check_password()

    def _check_password(self) -> None:
        from ui.signin import check_password

        assert self.opened is not None
        self._submitted = False
        actor = check_password(self.opened.database, self._station, self.user, self.password,
                               self.message)
        if actor is not None:
            self._finish(actor)

    def _create_first_admin(self, opened: Opened) -> None:
        from ui.signin import FirstAdminDialog

        dialog = FirstAdminDialog(opened.database, self._station, parent=self)
        dialog.accepted.connect(lambda: self._finish(dialog.actor))
        dialog.rejected.connect(self.close)
        dialog.open()

    def _finish(self, actor: Actor | None) -> None:
        if actor is None or self.opened is None:
            return
        self._done = True
        self.signed_in.emit(self.opened, actor)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        self._closed = True
        if not self._done:
            self.gave_up.emit()
        super().closeEvent(event)


def open_in_background(window: StartWindow, open_database: Callable[[], tuple[Database, str]],
                       warm: Iterable[str] = (),
                       before_sign_in: Callable[[], None] | None = None) -> None:
    """Run the opening job; its result (or failure) goes to `window` on the GUI thread.

    `before_sign_in` runs on the GUI thread once the database is open, before the window is told
    (the workspaces register themselves with the main window there).
    """
    names = tuple(warm)

    def opened(result: Opened) -> None:
        if before_sign_in is not None:
            before_sign_in()
        window.database_opened(result)

    run_in_background(lambda: open_for_desk(open_database, names), opened,
                      window.database_failed)

