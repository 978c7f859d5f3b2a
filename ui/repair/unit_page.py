"""One unit on the repair bench: tabs for intake, findings, diagnosis, quote, repair, history.

The page holds no business logic: every button calls a core service with the signed-in actor;
a refusal (`UserError`) is shown in the message line and nothing is changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import center
from core.errors import UserError
from core.findings import TestSpec, template_for
from core.models import UnitStatus
from core.policies.deadlines import Deadline
from core.services import payments, repair, repair_queues, repair_quotes
from core.unit_of_work import Actor, Database
from ui.i18n import current_language, error_text
from ui.repair.attachments_panel import AttachmentsPanel
from ui.repair.events_panel import EventsPanel
from ui.repair.quote_pdf import QuotePdfBar
from ui.repair.words import (
    ANSWER_CHANNELS,
    CAUSES,
    DEADLINE_KINDS,
    DECISIONS,
    PAYMENT_CHANNELS,
    QUOTE_STATES,
    fill,
    word,
)
from ui.work_orders.states import state_text

OUT_OF_LIMIT = "background: #ffd6d6; color: #a00000;"
# Quote lines on screen; the rows scroll, and the taller the window the more of them show.
LINE_ROWS = 20
PAY_KEY = "Ctrl+Shift+M"
# Keys of the page's buttons; a button's key works while its tab is shown, so tabs may share one.
KEYS = {
    QT_TRANSLATE_NOOP("UnitPage", "Save findings"): "Ctrl+S",
    QT_TRANSLATE_NOOP("UnitPage", "Start diagnosis"): "Ctrl+Shift+D",
    QT_TRANSLATE_NOOP("UnitPage", "Record diagnosis"): "Ctrl+D",
    QT_TRANSLATE_NOOP("UnitPage", "Override"): "Ctrl+Shift+V",
    QT_TRANSLATE_NOOP("UnitPage", "Save quote"): "Ctrl+S",
    QT_TRANSLATE_NOOP("UnitPage", "Send quote"): "Ctrl+Shift+S",
    QT_TRANSLATE_NOOP("UnitPage", "Accepted"): "Ctrl+Shift+Y",
    QT_TRANSLATE_NOOP("UnitPage", "Declined"): "Ctrl+Shift+N",
    QT_TRANSLATE_NOOP("UnitPage", "Start repair"): "Ctrl+Shift+R",
    QT_TRANSLATE_NOOP("UnitPage", "Record action"): "Ctrl+R",
    QT_TRANSLATE_NOOP("UnitPage", "Finish repair"): "Ctrl+Shift+F",
    QT_TRANSLATE_NOOP("UnitPage", "Final test passed"): "Ctrl+Shift+T",
}
TABS = (QT_TRANSLATE_NOOP("UnitPage", "Intake"), QT_TRANSLATE_NOOP("UnitPage", "Findings"),
        QT_TRANSLATE_NOOP("UnitPage", "Diagnosis"), QT_TRANSLATE_NOOP("UnitPage", "Quote"),
        QT_TRANSLATE_NOOP("UnitPage", "Repair"),
        QT_TRANSLATE_NOOP("UnitPage", "Returns && replacement"),
        QT_TRANSLATE_NOOP("UnitPage", "History"))
REPAIR_FIELDS = (QT_TRANSLATE_NOOP("UnitPage", "Action"), QT_TRANSLATE_NOOP("UnitPage", "Part"),
                 QT_TRANSLATE_NOOP("UnitPage", "Old serial"),
                 QT_TRANSLATE_NOOP("UnitPage", "New serial"))


class UnitPage(QWidget):
    """Signals: changed(int) after a service changed the unit (the queues recount)."""

    changed = Signal(int)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor = database, actor
        self.unit_id: int | None = None
        self.title = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.intake_label = QLabel()
        self.intake_files = self._attachments(parcel_only=True)
        self.findings = QWidget()
        self.findings_grid = QGridLayout(self.findings)
        # English test name (what a finding stores) -> its entry: a line, or a list of choices
        self.value_edits: dict[str, QLineEdit | QComboBox] = {}
        self.finding_files = self._attachments(parcel_only=False)
        self._build_diagnosis()
        self._build_quote()
        self._build_repair()
        self.events = EventsPanel(self._db, self._actor)
        self.events.message.connect(self.message.setText)
        self.events.recorded.connect(self._events_recorded)
        self.history = QPlainTextEdit(readOnly=True)
        pages = (self._stack(self.intake_label, self.intake_files),
                 self._stack(self.findings, self.finding_files), self.diagnosis_tab,
                 self.quote_tab, self.repair_tab, self.events, self.history)
        for number, (title, widget) in enumerate(zip(TABS, pages, strict=True), 1):
            self.tabs.addTab(widget, self.tr(title))
            # Alt+number shows a tab (Ctrl+number already switches workspaces), wherever the
            # focus is in the window while the page is shown: after a scan it is on the queue.
            key = QShortcut(QKeySequence(f"Alt+{number}"), self)
            key.activated.connect(lambda i=number - 1: self.show_tab(i))

    # --- building ---------------------------------------------------------------------------

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self.tr(text))
        button.clicked.connect(slot)
        if text in KEYS:
            button.setShortcut(QKeySequence(KEYS[text]))
            button.setToolTip(KEYS[text])
        return button

    def _attachments(self, *, parcel_only: bool) -> AttachmentsPanel:
        panel = AttachmentsPanel(self._db, self._actor, parcel_only=parcel_only)
        panel.message.connect(self.message.setText)
        panel.changed.connect(self._files_changed)
        return panel

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        tab = QWidget()
        box = QVBoxLayout(tab)
        for widget in widgets:
            box.addWidget(widget)
        return tab

    def show_tab(self, index: int) -> None:
        """Show a tab and put the cursor in its first field, ready for typing."""
        self.tabs.setCurrentIndex(index)
        first = {1: next(iter(self.value_edits.values()), None), 2: self.cause,
                 3: self.line_edits[0][0], 4: self.action_text, 5: self.events.kind}.get(index)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _build_diagnosis(self) -> None:
        self.diagnosis_tab = QWidget()
        form = QFormLayout(self.diagnosis_tab)
        self.cause = QComboBox()
        fill(self.cause, CAUSES, repair.CAUSES)
        self.exclusions = QLineEdit(placeholderText=self.tr("water, drop, torn_label ..."))
        self.irreparable = QCheckBox(self.tr("Irreparable"))
        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)
        self.override_choice = QComboBox()
        fill(self.override_choice, DECISIONS, repair.DECISIONS)
        self.override_reason = QLineEdit(placeholderText=self.tr("Reason (supervisor)"))
        form.addRow(self.tr("Cause"), self.cause)
        form.addRow(self.tr("Exclusions"), self.exclusions)
        form.addRow("", self.irreparable)
        form.addRow(self._button("Start diagnosis", self.start_diagnosis),
                    self._button("Record diagnosis", self.record_diagnosis))
        form.addRow(self.tr("Decision"), self.decision_label)
        form.addRow(self.tr("Override"), self.override_choice)
        form.addRow(self.override_reason, self._button("Override", self.override))

    def _build_quote(self) -> None:
        self.quote_tab = QWidget()
        box = QVBoxLayout(self.quote_tab)
        self.lines_area = self._quote_lines()
        box.addWidget(self.lines_area, 1)  # the lines take the height the buttons leave
        self.quote_label = QLabel()
        box.addWidget(self.quote_label)
        self.channel = QComboBox()
        fill(self.channel, ANSWER_CHANNELS, repair_quotes.CHANNELS)
        answers = QHBoxLayout()
        for widget in (self._button("Save quote", self.save_quote),
                       self._button("Send quote", self.send_quote), self.channel,
                       self._button("Accepted", lambda: self.answer("accepted")),
                       self._button("Declined", lambda: self.answer("declined"))):
            answers.addWidget(widget)
        answers.addStretch(1)
        box.addLayout(answers)
        box.addLayout(self._payment_row())
        self.quote_pdf = QuotePdfBar(self._db, self._actor, self.quote_unsaved)
        self.quote_pdf.message.connect(self.message.setText)
        box.addWidget(self.quote_pdf)
        self._quote_shown: tuple[object, ...] | None = None
        self._quote_texts: list[list[str]] = self._edit_texts()

    def _quote_lines(self) -> QScrollArea:
        lines = QWidget()
        grid = QGridLayout(lines)
        grid.setVerticalSpacing(2)
        heads = (self.tr("Kind"), self.tr("Description"), self.tr("Qty"), self.tr("Unit price"),
                 self.tr("Disc. %"), self.tr("Tax %"))
        for col, head in enumerate(heads):
            grid.addWidget(QLabel(head), 0, col)
        grid.setColumnStretch(1, 4)  # the description gets the width
        self.line_edits: list[list[QLineEdit]] = []
        for row in range(LINE_ROWS):
            edits = [QLineEdit() for _ in range(6)]
            for col, edit in enumerate(edits):
                grid.addWidget(edit, row + 1, col)
            self.line_edits.append(edits)
        grid.setRowStretch(LINE_ROWS + 1, 1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(lines)
        return area

    def _payment_row(self) -> QHBoxLayout:
        """The customer's payment: amount, day and channel (S1 counts from it out of warranty)."""
        self.pay_amount = QLineEdit(placeholderText=self.tr("Amount paid"))
        self.pay_day = QLineEdit(placeholderText=self.tr("YYYY-MM-DD"))
        self.pay_day.setToolTip(self.tr("The day the customer paid"))
        self.pay_channel = QComboBox()
        fill(self.pay_channel, PAYMENT_CHANNELS, payments.CHANNELS)
        self.pay_button = QPushButton(self.tr("Record payment"))
        self.pay_button.setShortcut(QKeySequence(PAY_KEY))
        self.pay_button.setToolTip(PAY_KEY)
        self.pay_button.clicked.connect(self.record_payment)
        self.payment_label = QLabel()
        row = QHBoxLayout()
        for widget in (QLabel(self.tr("Payment")), self.pay_amount, self.pay_day,
                       self.pay_channel, self.pay_button, self.payment_label):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _build_repair(self) -> None:
        self.repair_tab = QWidget()
        form = QFormLayout(self.repair_tab)
        self.action_text = QLineEdit()
        self.part_number = QLineEdit()
        self.old_serial = QLineEdit()
        self.new_serial = QLineEdit()
        self.actions_label = QLabel()
        form.addRow(self._button("Start repair", self.start_repair), QLabel())
        edits = (self.action_text, self.part_number, self.old_serial, self.new_serial)
        for label, edit in zip(REPAIR_FIELDS, edits, strict=True):
            form.addRow(self.tr(label), edit)
        form.addRow(self._button("Record action", self.record_action), self.actions_label)
        form.addRow(self._button("Finish repair", self.finish_repair),
                    self._button("Final test passed", self.test_passed))

    # --- showing ----------------------------------------------------------------------------

    def show_unit(self, unit_id: int) -> None:
        self.unit_id = unit_id
        with self._db.uow() as uow:
            view = repair_queues.unit_view(uow, unit_id)
        self.view = view
        deadlines = self.events.set_unit(unit_id)
        self.title.setText(f"<b>{view.serial}</b>  {view.model}  ·  {view.work_order}  ·  "
                           f"{state_text(view.status)}{self._next_due(deadlines, view.serial)}")
        self.intake_label.setText(self.tr("Condition on arrival: {0}\nPhotos: {1}").format(
            view.condition or "-", view.photos))
        self._fill_findings(view)
        self.intake_files.set_unit(unit_id)
        self.finding_files.set_unit(unit_id)
        self.quote_pdf.set_unit(unit_id)
        d = view.diagnosis
        self.decision_label.setText("" if d is None else (
            self.tr("{0} (rule {1}, {2} .. {3})").format(
                word(DECISIONS, d["effective"]), d["rule"], d["start"] or "?", d["end"] or "?")
            + (self.tr(" — override: {0}").format(d["override_reason"])
               if d["override_reason"] else "")
            + f"\n{d['explanation']}"))
        self.payment_label.setText(
            "" if view.paid_on is None else self.tr("Paid on {0}.").format(view.paid_on))
        if not self.pay_day.text().strip():
            self.pay_day.setText(self._today().isoformat())
        q = view.quote
        self.quote_label.setText("" if q is None else self.tr(
            "v{0} {1}: {2} {3}, valid until {4}").format(
                q["version"], word(QUOTE_STATES, q["status"]), q["total"], q["currency"],
                q["valid_until"] or "-"))
        self._fill_quote_lines(unit_id, q)
        self.actions_label.setText("\n".join(view.actions))
        self.history.setPlainText("\n".join(view.history))

    def _fill_findings(self, view: repair_queues.UnitView) -> None:
        while self.findings_grid.count():
            item = self.findings_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.value_edits.clear()
        entered = {name: value for name, value, _, _ in view.findings}
        language = current_language()
        previous: QWidget | None = None
        for row, spec in enumerate(template_for(view.category)):
            edit = self._value_entry(spec, entered.get(spec.name, ""), language)
            edit.setObjectName(f"finding:{spec.name}")
            self.findings_grid.addWidget(QLabel(spec.name_in(language)), row, 0)
            self.findings_grid.addWidget(edit, row, 1)
            self.findings_grid.addWidget(QLabel(spec.limits_text(language)), row, 2)
            if previous is not None:
                QWidget.setTabOrder(previous, edit)  # Tab goes from value to value
            previous = edit
            self.value_edits[spec.name] = edit
        save = self._button("Save findings", self.save_findings)
        self.findings_grid.addWidget(save, len(self.value_edits), 1)
        if previous is not None:
            QWidget.setTabOrder(previous, save)

    def _fill_quote_lines(self, unit_id: int, quote: dict[str, object] | None) -> None:
        """Show the stored quote's lines when another unit or quote version comes up; lines
        typed but not saved stay while the technician works on other tabs."""
        shown = (unit_id, None if quote is None else (quote["id"], quote["total"]))
        if shown == self._quote_shown:
            return
        self._quote_shown = shown
        stored: list[list[str]] = []
        if quote is not None:
            with self._db.uow() as uow:
                row = repair_quotes.latest_quote(uow, unit_id)
                stored = [[ln.kind, ln.description, *map(_plain, (
                    ln.quantity, ln.unit_price, ln.discount_percent or 0, ln.tax_percent or 0))]
                    for ln in (row.lines if row else [])]
        for r, edits in enumerate(self.line_edits):
            for c, edit in enumerate(edits):
                edit.setText(stored[r][c] if r < len(stored) else "")
        self._quote_texts = self._edit_texts()

    def _edit_texts(self) -> list[list[str]]:
        return [[e.text().strip() for e in edits] for edits in self.line_edits]

    def quote_unsaved(self) -> bool:
        return self._edit_texts() != self._quote_texts

    def _events_recorded(self) -> None:
        if self.unit_id is not None:
            text = self.message.text()
            self.show_unit(self.unit_id)
            self.changed.emit(self.unit_id)  # the due queue may change
            self.message.setText(text)

    def _files_changed(self) -> None:
        if self.unit_id is not None:
            self.show_unit(self.unit_id)

    def _value_entry(self, spec: TestSpec, value: str,
                     language: str) -> QLineEdit | QComboBox:
        """A measured test's line, or a choice test's list: the choices shown in `language`,
        each carrying its English value, which is what gets saved."""
        if not spec.choices:
            line = QLineEdit(value)
            line.textChanged.connect(lambda text, e=line, s=spec: self._mark(e, s, text))
            self._mark(line, spec, value)
            return line
        box = QComboBox()
        box.addItem("", "")  # nothing entered yet
        for choice in spec.choices:
            box.addItem(spec.choice_in(choice, language), choice)
        if value and box.findData(value) < 0:
            box.addItem(value, value)  # stored before the template changed: shown as stored
        box.setCurrentIndex(max(box.findData(value), 0))
        box.currentIndexChanged.connect(
            lambda _, e=box, s=spec: self._mark(e, s, _entry(e)))
        self._mark(box, spec, value)
        return box

    @staticmethod
    def _mark(edit: QLineEdit | QComboBox, spec: TestSpec, text: str) -> None:
        try:
            bad = bool(text.strip()) and spec.evaluate(text) == "fail"
        except UserError:
            bad = True
        edit.setStyleSheet(OUT_OF_LIMIT if bad else "")
        edit.setProperty("out_of_limit", bad)

    # --- actions ----------------------------------------------------------------------------

    def _run(self, action: Callable[[Any], object], done: str) -> bool:
        """Run one service; `done` (already in the screen's language) says it worked."""
        if self.unit_id is None:
            return False
        try:
            with self._db.uow(self._actor) as uow:
                action(uow)
        except UserError as exc:
            self.message.setText(error_text(exc))
            return False
        self.message.setText(done)
        self.show_unit(self.unit_id)
        self.changed.emit(self.unit_id)
        return True

    def start_diagnosis(self) -> None:
        self._run(lambda uow: repair.start_diagnosis(uow, self.unit_id),
                  self.tr("Diagnosis started."))

    def save_findings(self) -> None:
        entered = {n: v for n, v, _, _ in self.view.findings}
        todo = [(n, _entry(e)) for n, e in self.value_edits.items()
                if _entry(e) and entered.get(n) != _entry(e)]
        for name, value in todo:
            if not self._run(lambda uow, n=name, v=value: repair.record_finding(uow, self.unit_id, n, v),
                             self.tr("Findings saved.")):
                return

    def record_diagnosis(self) -> None:
        codes = [c.strip() for c in self.exclusions.text().split(",") if c.strip()]
        self._run(lambda uow: repair.record_diagnosis(
            uow, self.unit_id, str(self.cause.currentData()), codes,
            irreparable=self.irreparable.isChecked()), self.tr("Diagnosis recorded."))

    def override(self) -> None:
        self._run(lambda uow: repair.override_decision(
            uow, self.unit_id, str(self.override_choice.currentData()),
            self.override_reason.text()), self.tr("Decision overridden."))

    def _lines(self) -> list[Any]:
        lines = []
        for edits in self.line_edits:
            kind, desc, qty, price, disc, tax = (e.text().strip() for e in edits)
            if desc:
                lines.append(repair_quotes.line(kind or "other", desc, qty or "1", price or "0",
                                                disc or "0", tax or "0"))
        return lines

    def save_quote(self) -> None:
        try:
            lines = self._lines()
        except UserError as exc:
            self.message.setText(error_text(exc))
            return
        if self._run(lambda uow: repair_quotes.save_quote(uow, self.unit_id, lines),
                     self.tr("Quote saved.")):
            self._quote_shown = None  # show the lines as stored (same total, other lines)
            self._fill_quote_lines(self.unit_id, self.view.quote)

    def send_quote(self) -> None:
        quote = self.view.quote
        if quote is None:
            self.message.setText(self.tr("Save a quote first."))
            return
        self._run(lambda uow: repair_quotes.send_quote(uow, int(quote["id"])),
                  self.tr("Quote sent."))

    def answer(self, answer: str) -> None:
        quote = self.view.quote
        if quote is None:
            self.message.setText(self.tr("There is no quote to answer."))
            return
        done = self.tr("Customer accepted.") if answer == "accepted" else self.tr(
            "Customer declined.")
        self._run(lambda uow: repair_quotes.record_customer_answer(
            uow, int(quote["id"]), answer, channel=str(self.channel.currentData())), done)

    def record_payment(self) -> None:
        """Record the customer's payment from the quote tab; a bad value is said, not stored."""
        try:
            day = payments.parse_day(self.pay_day.text())
        except UserError as exc:
            self.message.setText(error_text(exc))
            return
        amount, channel = self.pay_amount.text(), str(self.pay_channel.currentData())
        if self._run(lambda uow: payments.record_payment(uow, self.unit_id, amount, day, channel),
                     self.tr("Payment recorded.")):
            self.pay_amount.clear()

    def _today(self) -> dt.date:
        with self._db.read() as uow:
            return dt.datetime.now(center.load(uow).timezone).date()

    def start_repair(self) -> None:
        self._run(lambda uow: repair.start_repair(uow, self.unit_id), self.tr("Repair started."))

    def record_action(self) -> None:
        self._run(lambda uow: repair.record_repair_action(
            uow, self.unit_id, self.action_text.text(),
            part_number=self.part_number.text().strip() or None,
            old_serial=self.old_serial.text(), new_serial=self.new_serial.text()),
            self.tr("Repair action recorded."))

    def finish_repair(self) -> None:
        self._run(lambda uow: repair.finish_repair(uow, self.unit_id),
                  self.tr("Repair finished; testing."))

    def test_passed(self) -> None:
        self._run(lambda uow: repair.finish_testing(uow, self.unit_id), self.tr("Ready to ship."))

    def _next_due(self, deadlines: list[Deadline], serial: str) -> str:
        """The unit's first dated deadline for the title line ("" when none has started)."""
        mine = [d for d in deadlines if d.due is not None and d.serial in (None, serial)
                and d.problem is None]
        if not mine:
            return ""
        d = mine[0]  # deadlines come sorted, earliest first
        due = d.due.date() if isinstance(d.due, dt.datetime) else d.due
        return self.tr("  ·  next due {0} ({1} {2})").format(due, d.rule,
                                                              word(DEADLINE_KINDS, d.kind))

    @property
    def status(self) -> UnitStatus | None:
        return UnitStatus(self.view.status) if self.unit_id is not None else None


def _entry(edit: QLineEdit | QComboBox) -> str:
    """What a finding's entry saves: the typed text, or the chosen choice's English value."""
    if isinstance(edit, QComboBox):
        return str(edit.currentData() or "")
    return edit.text().strip()


def _plain(value: object) -> str:
    """A stored number as the technician would type it: 1200, 2.5 (no trailing zeros)."""
    return format(Decimal(str(value)).normalize(), "f")


