"""What every page of the settings dialog does: check everything first, then store.

The dialog calls `check()` on every page before it calls `store()` on any, so a refused value
leaves every setting as it was.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core.errors import UserError


class FieldError(UserError):
    """A refused value; `field` is the widget to put the focus on so it can be corrected."""

    def __init__(self, message: str, field: QWidget | None = None) -> None:
        super().__init__(message)
        self.field = field


class SettingsPage(QWidget):
    """One page of the dialog. Subclasses set `title` and override `check` and `store`.

    `title` is English, marked with QT_TRANSLATE_NOOP("SettingsDialog", ...); the dialog's index
    shows it translated.
    """

    title = ""
    #: Stored in the shared database (one transaction that may still be refused) rather than
    #: in this station's QSettings; the dialog stores such pages first.
    shared = False

    def check(self) -> None:
        """Raise FieldError (naming the field) when a value cannot be stored."""

    def store(self) -> None:
        """Store the page's values; only called after every page passed `check`."""
