"""Work-order and unit states and service types as the screens name them, in their language.

Core stores codes (`awaiting_parcel`); English shows them with spaces, as before translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "States"

# Work-order and unit states share their words where they share their codes.
_STATES = {
    "awaiting_parcel": QT_TRANSLATE_NOOP("States", "awaiting parcel"),
    "partly_received": QT_TRANSLATE_NOOP("States", "partly received"),
    "received": QT_TRANSLATE_NOOP("States", "received"),
    "in_progress": QT_TRANSLATE_NOOP("States", "in progress"),
    "partly_shipped": QT_TRANSLATE_NOOP("States", "partly shipped"),
    "shipped": QT_TRANSLATE_NOOP("States", "shipped"),
    "closed": QT_TRANSLATE_NOOP("States", "closed"),
    "refused": QT_TRANSLATE_NOOP("States", "refused"),
    "cancelled": QT_TRANSLATE_NOOP("States", "cancelled"),
    "in_diagnosis": QT_TRANSLATE_NOOP("States", "in diagnosis"),
    "quote_sent": QT_TRANSLATE_NOOP("States", "quote sent"),
    "quote_accepted": QT_TRANSLATE_NOOP("States", "quote accepted"),
    "in_repair": QT_TRANSLATE_NOOP("States", "in repair"),
    "return_unrepaired": QT_TRANSLATE_NOOP("States", "return unrepaired"),
    "replacement": QT_TRANSLATE_NOOP("States", "replacement"),
    "return_refund": QT_TRANSLATE_NOOP("States", "return refund"),
    "testing": QT_TRANSLATE_NOOP("States", "testing"),
    "ready_to_ship": QT_TRANSLATE_NOOP("States", "ready to ship"),
}
_SERVICES = {
    "repair": QT_TRANSLATE_NOOP("Service types", "repair"),
    "return": QT_TRANSLATE_NOOP("Service types", "return"),
    "replacement": QT_TRANSLATE_NOOP("Service types", "replacement"),
    "advance_replacement": QT_TRANSLATE_NOOP("Service types", "advance replacement"),
}


def _name(context: str, names: dict[str, str], code: object) -> str:
    code = str(code) if code is not None else ""
    label = names.get(code)
    return QCoreApplication.translate(context, label) if label else code.replace("_", " ")


def state_text(code: object) -> str:
    """A work-order or unit state (`awaiting_parcel`) in the screen's language."""
    return _name(_CONTEXT, _STATES, code)


def service_text(code: object) -> str:
    """A service type (`advance_replacement`) in the screen's language."""
    return _name("Service types", _SERVICES, code)
