"""The center's own settings (name, address, time zone, calendar...): one form for every screen.

Shared by every station, so stored in the database through core.center, which checks the values,
the role and audits the change. Admin > Center and Edit > Settings both show this form.
"""

from __future__ import annotations

from zoneinfo import available_timezones

import holidays
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core import center
from core.errors import NotAllowed, UserError
from core.permissions import Role, require
from core.unit_of_work import Actor, Database
from ui.settings.keys import LANGUAGES
from ui.settings.page import FieldError, SettingsPage

CENTER_FIELDS = [
    ("center.name", QT_TRANSLATE_NOOP("CenterForm", "Center name")),
    ("center.address", QT_TRANSLATE_NOOP("CenterForm", "Address (one line each)")),
    ("center.phone", QT_TRANSLATE_NOOP("CenterForm", "Phone")),
    ("center.timezone", QT_TRANSLATE_NOOP("CenterForm", "Time zone")),
    ("center.country", QT_TRANSLATE_NOOP("CenterForm", "Calendar country")),
    ("center.currency", QT_TRANSLATE_NOOP("CenterForm", "Currency")),
    ("jasminer.warranty_months", QT_TRANSLATE_NOOP("CenterForm", "Jasminer warranty (months)")),
    ("jomplair.warranty_months", QT_TRANSLATE_NOOP("CenterForm", "Jomplair warranty (months)")),
]
MULTILINE = {"center.address"}
DOCUMENT_LANGUAGE = "center.document_language"
DOCUMENT_LANGUAGE_LABEL = QT_TRANSLATE_NOOP("CenterForm", "Printed documents' language")


def may_change_center(actor: Actor) -> bool:
    """Whether core will accept this person's change (the form is read-only otherwise)."""
    try:
        require(actor, Role.SUPERVISOR, Role.ADMINISTRATOR, action="change center settings")
    except NotAllowed:
        return False
    return True


class CenterForm(QWidget):
    """The fields of the center's settings; `check` then `save` store them in one transaction."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.form = QFormLayout(self)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.labels = dict(CENTER_FIELDS)
        for key, label in CENTER_FIELDS:
            edit: QLineEdit | QPlainTextEdit
            if key in MULTILINE:
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(4 * edit.fontMetrics().lineSpacing() + 12)
            else:
                edit = QLineEdit()
            self.fields[key] = edit
            self.form.addRow(self.tr(label), edit)
        # Labels, reports and slips of a customer without a language of their own; the languages
        # are named in themselves, as in the station's language setting.
        self.document_language = QComboBox()
        for code, name in LANGUAGES.items():
            self.document_language.addItem(name, code)
        self.labels[DOCUMENT_LANGUAGE] = DOCUMENT_LANGUAGE_LABEL
        self.form.addRow(self.tr(DOCUMENT_LANGUAGE_LABEL), self.document_language)
        self._complete(self.fields["center.timezone"], sorted(available_timezones()))
        self._complete(self.fields["center.country"], sorted(holidays.list_supported_countries()))
        self.loaded: dict[str, str] = {}
        self.load()

    @staticmethod
    def _complete(edit: QLineEdit | QPlainTextEdit, words: list[str]) -> None:
        if isinstance(edit, QLineEdit):
            completer = QCompleter(words, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)

    def load(self) -> None:
        with self.database.uow() as uow:
            settings = center.load(uow)
        for key, edit in self.fields.items():
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(settings.get(key))
            else:
                edit.setText(settings.get(key))
        self.document_language.setCurrentIndex(
            max(0, self.document_language.findData(settings.get(DOCUMENT_LANGUAGE))))
        self.loaded = self.values()

    def values(self) -> dict[str, str]:
        values = {key: (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text())
                  for key, edit in self.fields.items()}
        values["center.country"] = values["center.country"].strip().upper()
        values[DOCUMENT_LANGUAGE] = self.document_language.currentData()
        return values

    def changed(self) -> bool:
        return self.values() != self.loaded

    def check(self) -> None:
        """Refuse a bad value before anything is stored, naming its field."""
        for key, value in self.values().items():
            try:
                center.check({key: value})
            except UserError as exc:
                label = self.tr(self.labels[key])
                widget = self.fields.get(key) or self.document_language
                raise FieldError(self.tr("{0}: {1}").format(label, exc), widget) from exc

    def save(self) -> None:
        """Store the values (core checks the role and audits); raises UserError when refused."""
        with self.database.uow(self.actor) as uow:
            center.save(uow, self.values())
        self.loaded = self.values()


class CenterPage(SettingsPage):
    """The center form as a page of the settings dialog; read-only for who may not change it."""

    title = QT_TRANSLATE_NOOP("SettingsDialog", "Center")
    shared = True

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = CenterForm(database, actor)
        self.editable = may_change_center(actor)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr(
            "Shared by every station. Labels and reports print the name and address; deadlines "
            "count in the time zone and the country's calendar (open windows use a new time zone "
            "from their next start)."))
        if not self.editable:
            note.setText(self.tr("Only a supervisor or an administrator changes the center's "
                                 "settings; they are shown here for reference."))
            self.form.setEnabled(False)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addStretch(1)

    def check(self) -> None:
        if self.editable and self.form.changed():
            self.form.check()

    def store(self) -> None:
        if self.editable and self.form.changed():
            self.form.save()
