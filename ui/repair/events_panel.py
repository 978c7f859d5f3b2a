"""The "Returns & replacement" tab: the dates that start the R1-R3 clocks, and the due dates
they give.

A date is recorded on the unit's work order (every unit of it shares the clock); the tab then
shows the work order's deadlines again, so the technician sees at once what the date changed.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from core import center
from core.errors import UserError
from core.policies.deadlines import Deadline, deadline_state
from core.policies.explain import render
from core.services import work_order_events
from core.services.repair import get_unit
from core.services.warranty_decisions import deadlines_for
from core.unit_of_work import Actor, Database
from ui import i18n
from ui.i18n import error_text
from ui.repair.words import DEADLINE_KINDS, PROBLEMS, word

RECORD_KEY = "Ctrl+E"
KIND_TEXT = {
    "return_requested": QT_TRANSLATE_NOOP("EventsPanel", "Return requested"),
    "return_confirmed": QT_TRANSLATE_NOOP("EventsPanel", "Return confirmed"),
    "spec_mismatch_confirmed": QT_TRANSLATE_NOOP("EventsPanel",
                                                 "Specification mismatch confirmed"),
    "replacement_approved": QT_TRANSLATE_NOOP("EventsPanel", "Replacement approved"),
    "replacement_delivered": QT_TRANSLATE_NOOP("EventsPanel", "Replacement delivered"),
}
STATE_STYLE = {"overdue": "color: #a00000; font-weight: bold;", "due_today": "color: #a06000;"}


def deadline_line(d: Deadline) -> str:
    """One due date as the tab lists it, its explanation in the screen's language."""
    due = d.due.isoformat(sep=" ", timespec="minutes") if isinstance(d.due, dt.datetime) else (
        d.due.isoformat() if d.due is not None else f"({word(PROBLEMS, d.problem)})")
    unit = f" {d.serial}" if d.serial else ""
    language = i18n.current_language()
    why = render(d.messages, [language])[language] if d.messages else d.explanation["en"]
    return QCoreApplication.translate("EventsPanel", "{0}  {1} {2}{3}: {4}").format(
        due, d.rule, word(DEADLINE_KINDS, d.kind), unit, why)


class EventsPanel(QWidget):
    """Signals: recorded() after a date was stored; message(str) for the page's message line."""

    recorded = Signal()
    message = Signal(str)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor = database, actor
        self.unit_id: int | None = None
        self.work_order_id: int | None = None
        self.kind = QComboBox()
        for kind in work_order_events.EVENT_KINDS:
            self.kind.addItem(self.tr(KIND_TEXT.get(kind, kind)), kind)
        self.date = QDateEdit(calendarPopup=True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.reason = QComboBox()  # the reasons the work order's policies take (R1, R2)
        self.record_button = QPushButton(self.tr("Record date"))
        self.record_button.setShortcut(QKeySequence(RECORD_KEY))
        self.record_button.setToolTip(RECORD_KEY)
        self.record_button.clicked.connect(lambda: self.record())
        self.recorded_label = QLabel()
        self.deadlines_label = QLabel()
        for label in (self.recorded_label, self.deadlines_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        form.addRow(self.tr("Event"), self.kind)
        form.addRow(self.tr("On"), self.date)
        form.addRow(self.tr("Reason (return)"), self.reason)
        form.addRow("", self.record_button)
        form.addRow(self.tr("Recorded"), self.recorded_label)
        form.addRow(self.tr("Due dates"), self.deadlines_label)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.reason.setEnabled(self.kind.currentData() == "return_requested"
                               and self.reason.count() > 0)

    def set_unit(self, unit_id: int) -> list[Deadline]:
        """Show the work order's recorded dates and due dates; returns the due dates."""
        with self._db.uow() as uow:
            unit = get_unit(uow, unit_id)
            today = dt.datetime.now(center.load(uow).timezone).date()
            if unit_id != self.unit_id:
                self.date.setDate(QDate(today.year, today.month, today.day))
            self.unit_id, self.work_order_id = unit_id, unit.work_order_id
            events = work_order_events.events_of(uow, unit.work_order_id)
            reasons = work_order_events.return_reasons(uow, unit.work_order_id)
            deadlines = deadlines_for(uow, unit.work_order.number)
        self.reason.clear()
        self.reason.addItems(list(reasons))
        self._kind_changed()
        lines = [self.tr("{0}: {1}").format(self.tr(KIND_TEXT.get(kind, kind)), day.isoformat())
                 for kind, day in events.dates.items() if day is not None]
        if events.return_reason:
            lines.append(self.tr("Reason: {0}").format(events.return_reason))
        self.recorded_label.setText("\n".join(lines) or self.tr("Nothing recorded yet."))
        self.deadlines_label.setText("<br>".join(
            f'<span style="{STATE_STYLE.get(deadline_state(d, today), "")}">'
            f"{html.escape(deadline_line(d))}</span>" for d in deadlines)
            or self.tr("No clock has started yet."))
        return deadlines

    def record(self, kind: str | None = None, on: dt.date | None = None,
               reason: str | None = None) -> bool:
        """Store the date shown (or the one given); say what was refused."""
        if self.work_order_id is None or self.unit_id is None:
            self.message.emit(self.tr("Open a unit first."))
            return False
        kind = kind or str(self.kind.currentData())
        on = on or self.date.date().toPython()
        if kind == "return_requested":
            reason = reason or self.reason.currentText()
        work_order_id: int = self.work_order_id
        try:
            with self._db.uow(self._actor) as uow:
                work_order_events.record_event(uow, work_order_id, kind, on, reason)
        except UserError as exc:
            self.message.emit(error_text(exc))
            return False
        self.set_unit(self.unit_id)
        self.message.emit(self.tr("{0} on {1} recorded.").format(
            self.tr(KIND_TEXT.get(kind, kind)), on.isoformat()))
        self.recorded.emit()
        return True

