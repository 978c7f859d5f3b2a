"""Which database this station opens, with a connection test that never blocks the screen.

Stored per station; main.py reads it at the next start when neither --db nor REPAIRBENCH_DB is
given.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from core import db
from core.errors import UserError
from ui.i18n import error_text
from ui.settings.keys import DATABASE_URL
from ui.settings.page import FieldError, SettingsPage
from ui.worker import run_in_background

BACKENDS = ("sqlite", "postgresql", "mysql", "mariadb")


def checked_url(text: str) -> str:
    """The URL to store for what was typed ("" for the default); UserError says what is wrong.

    A plain path is a SQLite file, kept absolute so that the next start finds it from anywhere.
    """
    text = text.strip()
    if not text:
        return ""
    if "://" not in text:
        path = Path(text).expanduser()
        if path.is_dir():
            raise UserError(QCoreApplication.translate(
                "DatabasePage", "{0} is a folder; give the database file's name inside it.").format(
                    text))
        return str(path.resolve())
    try:
        backend = make_url(text).get_backend_name()
    except (ArgumentError, ValueError) as exc:
        raise UserError(QCoreApplication.translate(
            "DatabasePage", "{0} is not a database URL ({1}).").format(repr(text), exc)) from exc
    if backend not in BACKENDS:
        raise UserError(QCoreApplication.translate(
            "DatabasePage", "{0} is not a database RepairBench works with; use sqlite, postgresql "
            "or mysql.").format(repr(backend)))
    return text


def try_connection(url: str) -> str:
    """Connect without changing anything; what was found, in one sentence.

    Raises:
        UserError: The database cannot be reached or is too new, in one sentence.
    """
    resolved = db.resolve_url(url)
    parsed = make_url(resolved)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        # Connecting would create an empty file just for a test.
        return QCoreApplication.translate(
            "DatabasePage", "No database file at {0} yet; it is created at the next start.").format(
                db.describe(resolved))
    engine = db.open_database(resolved, migrate=False)
    engine.dispose()
    return QCoreApplication.translate("DatabasePage", "Connected to {0}.").format(
        db.describe(resolved))


class DatabasePage(SettingsPage):
    title = QT_TRANSLATE_NOOP("SettingsDialog", "Database")

    def __init__(self, current_url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = QLineEdit(str(QSettings().value(DATABASE_URL, "") or ""))
        self.url.setPlaceholderText(self.tr("empty: $REPAIRBENCH_DB, else the file in your data "
                                            "folder; e.g. postgresql+psycopg://repair@dbserver/repairbench"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel()
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.test_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Database URL"), row)
        form.addRow("", self.result)
        if current_url:
            form.addRow(self.tr("Open now"), QLabel(db.describe(current_url)))
        form.addRow("", QLabel(self.tr("A new database is used from the next start; --db and "
                                       "REPAIRBENCH_DB still take precedence.")))

    def check(self) -> None:
        try:
            checked_url(self.url.text())
        except UserError as exc:
            raise FieldError(self.tr("Database URL: ") + error_text(exc), self.url) from exc

    def test_connection(self) -> None:
        """Try the typed database in the background; the answer replaces 'Testing…'."""
        try:
            url = checked_url(self.url.text())
        except UserError as exc:
            self.result.setText(self.tr("Database URL: ") + error_text(exc))
            return
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Testing the connection…"))
        run_in_background(lambda: try_connection(url), self._connected, self._failed)

    def _connected(self, sentence: str) -> None:
        if shiboken6.isValid(self):  # the dialog may be gone by the time the server answers
            self.test_button.setEnabled(True)
            self.result.setText(sentence)

    def _failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self.test_button.setEnabled(True)
            text = error_text(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
            self.result.setText(self.tr("Not connected: ") + " ".join(text.split()))

    def store(self) -> None:
        QSettings().setValue(DATABASE_URL, checked_url(self.url.text()))
