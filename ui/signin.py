"""The first administrator of a new database, and the idle lock's sign-in.

The start of a shift is signed in by the start window (ui.start), shown while the database opens.

The dialogs only collect what the person types; checking passwords and roles is done by
`core.services.users`, so nothing here decides who may do what.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError
from core.services import users
from core.unit_of_work import Actor, Database
from ui.i18n import error_text

IDLE_LOCK_KEY = "station/idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 15
# Input that proves someone is at the station (a barcode scanner types keys too).
_ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin)


def check_password(database: Database, station: str, user: QLineEdit, password: QLineEdit,
                   message: QLabel) -> Actor | None:
    """Who signed in, from the fields; or None, the reason said in `message` and the password
    cleared for another try."""
    try:
        with database.uow() as uow:
            return users.authenticate(uow, user.text(), password.text(), station=station)
    except UserError as exc:
        message.setText(error_text(exc))
        password.clear()
        password.setFocus()
        return None


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class SignInDialog(QDialog):
    """User name and password; `actor` holds who signed in once the dialog is accepted.

    With `locked_user` it is the idle lock: only that user's password unlocks the station.

    Signals:
        signed_in(Actor): the password was right; emitted before the dialog closes.
    """

    signed_in = Signal(object)

    def __init__(self, database: Database, station: str, locked_user: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database, self._station, self._locked_user = database, station, locked_user
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("RepairBench: station locked") if locked_user
                            else self.tr("RepairBench: sign in"))
        self.user = QLineEdit(locked_user or "")
        self.user.setReadOnly(locked_user is not None)
        self.password = _password_field()
        self.message = QLabel("" if locked_user is None else self.tr(
            "The station was locked after a pause. {0}, enter your password to go on.").format(
                locked_user))
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Unlock") if locked_user else self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password if locked_user else self.user).setFocus()

    def try_sign_in(self) -> None:
        """Check the password with core; accept, or say why not and clear the password."""
        actor = check_password(self._database, self._station, self.user, self.password,
                               self.message)
        if actor is None:
            return
        if self._locked_user is not None and actor.username != self._locked_user:
            self.message.setText(self.tr("Only {0} can unlock this station.").format(
                self._locked_user))
            return
        self.actor = actor
        self.signed_in.emit(actor)
        self.accept()


class FirstAdminDialog(QDialog):
    """A new database has no users: create the administrator who will add everyone else."""

    def __init__(self, database: Database, station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database, self._station = database, station
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("RepairBench: create the administrator"))
        self.user = QLineEdit()
        self.display_name = QLineEdit()
        self.password = _password_field()
        self.repeat = _password_field()
        self.message = QLabel(self.tr(
            "This database has no users yet. Create the administrator, who then adds the others. "
            "Passwords need at least {0} characters.").format(users.MIN_PASSWORD_LENGTH))
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Full name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create administrator"))
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def try_create(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            with self._database.uow() as uow:
                self.actor = users.create_first_admin(
                    uow, self.user.text(), self.password.text(), self.display_name.text())
        except UserError as exc:
            self.message.setText(error_text(exc))
            return
        self.accept()


def idle_lock_minutes(settings: QSettings | None = None) -> int:
    """Minutes without input before the station locks; 0 turns the lock off."""
    value = (settings or QSettings()).value(IDLE_LOCK_KEY, DEFAULT_IDLE_LOCK_MINUTES)
    try:
        return max(0, int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_IDLE_LOCK_MINUTES


class IdleLock(QObject):
    """Hides `window` after a pause without input and asks the same user's password again.

    Signals:
        locked(): the pause was reached and the window hidden.
        unlocked(): the user gave the password; the window is back.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, database: Database, actor: Actor,
                 timeout_ms: int | None = None) -> None:
        super().__init__(window)
        self._window, self._database, self._actor = window, database, actor
        self.dialog: SignInDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        ms = timeout_ms if timeout_ms is not None else idle_lock_minutes() * 60_000
        if ms > 0:
            self.timer.setInterval(ms)
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _ACTIVITY and self.dialog is None:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.dialog is not None:
            return
        # Hidden, not just covered: the work orders on screen are not for a passer-by.
        self._window.hide()
        self.dialog = SignInDialog(self._database, self._actor.station,
                                   locked_user=self._actor.username)
        self.dialog.accepted.connect(self._unlock)
        self.dialog.rejected.connect(self._give_up)
        self.locked.emit()
        self.dialog.open()

    def _unlock(self) -> None:
        self.dialog = None
        self._window.show()
        self.timer.start()
        self.unlocked.emit()

    def _give_up(self) -> None:
        # Cancelling the lock ends the session; the next person starts with a fresh sign-in.
        self.dialog = None
        self._window.close()

