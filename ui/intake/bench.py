"""The intake bench: scan a parcel's paperwork and units, see the verdict from two metres.

Scans come from one :class:`ScanCapture` on the application, scoped to this workspace (and from a
serial-port or webcam scanner when the station has one). They go through a :class:`ScanQueue`:
taken at once, stored one after the other in the background, shown in order. Nothing here
decides anything; `core.services.intake` does.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QFont,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.services import intake
from core.services.intake import ParcelSummary, ScanOutcome
from core.unit_of_work import Actor, Database
from ui.i18n import current_language, error_text
from ui.intake.close_dialog import CloseParcelDialog
from ui.intake.scan_queue import ScanQueue
from ui.intake.slips import Slip, render_slip
from ui.intake.sounds import VerdictSounds
from ui.intake.verdict_panel import VerdictPanel, visible_raw
from ui.scanner.keyboard import DEFAULT_THRESHOLD_MS, ScanCapture
from ui.worker import run_in_background

log = logging.getLogger(__name__)

MARK = {"accepted": "✔", "rejected": "✖", "info": "ℹ"}
#: Item data of a checklist line: whether the unit is in.
RECEIVED_ROLE = Qt.ItemDataRole.UserRole + 1
#: Lines the scan log keeps, newest first: a whole shift's scans would make every insert slower.
LOG_LINES = 300
_JUST_RECEIVED = QColor("#d7f0dd")


class IntakeWorkspace(QWidget):
    """The intake technician's screen: verdict, customer, checklist, log, manual entry."""

    def __init__(self, database: Database, actor: Actor, timezone: dt.tzinfo | None = None,
                 parent: QWidget | None = None, *, capture: ScanCapture | None = None,
                 sounds: VerdictSounds | None = None, extra_sources: bool = True) -> None:
        """Args:
            database: Where scans are stored.
            actor: The technician at this station (needs the intake role).
            timezone: The center's time zone, for times on the slips.
            parent: Owning widget.
            capture: The keyboard scan capture; None creates one with the `scanner/threshold_ms`
                setting, installed on the application. Tests inject one with a fake clock.
            sounds: Verdict sounds; None loads the bundled ones.
            extra_sources: Open the serial / webcam scanner configured in the settings.
        """
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.timezone = timezone
        self.queue = ScanQueue(database, actor, self)
        self.queue.stored.connect(self._show_outcome)
        self.queue.failed.connect(self._show_failure)
        self.queue.pending_changed.connect(self._refresh_pending)
        self.sounds = sounds if sounds is not None else VerdictSounds(self)
        self.dialog: CloseParcelDialog | None = None
        self.last_closed: ParcelSummary | None = None
        self.last_slip_path: Path | None = None
        self._parcel_reasons: list[str] = []
        self._work_order: str | None = None
        self._sources: list[QObject] = []
        self._failure: tuple[str, str] | None = None  # the scan that failed and why
        # Counts down to the queue's next automatic retry on the verdict panel.
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._show_waiting)
        self._build()

        if capture is None:
            threshold = float(QSettings().value("scanner/threshold_ms", DEFAULT_THRESHOLD_MS))
            capture = ScanCapture(self, threshold_ms=threshold)
            capture.install()
        self.capture = capture
        capture.set_scope(self)
        capture.scanned.connect(self.take_scan)
        if extra_sources:
            self._open_configured_scanners()

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.panel = VerdictPanel()
        self.customer = QLabel(self.tr("Scan the work-order barcode to start a parcel."))
        font = QFont(self.customer.font())
        font.setPointSize(18)
        font.setBold(True)
        self.customer.setFont(font)
        self.customer.setWordWrap(True)
        self.checklist = QListWidget()
        big = QFont(self.checklist.font())
        big.setPointSize(15)
        self.checklist.setFont(big)
        self.checklist.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        expected = QGroupBox(self.tr("Expected units"))
        QVBoxLayout(expected).addWidget(self.checklist)

        self.log_list = QListWidget()
        self.log_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.log_list.setWordWrap(True)
        self.log_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        log_font = QFont(self.log_list.font())
        log_font.setPointSize(11)
        self.log_list.setFont(log_font)
        scans = QGroupBox(self.tr("Scans of this parcel (newest first)"))
        QVBoxLayout(scans).addWidget(self.log_list)

        self.pending_list = QListWidget()
        self.pending_list.setFixedHeight(90)
        self.retry_button = QPushButton(self.tr("Retry storing"))
        self.retry_button.clicked.connect(self.queue.retry)
        self.pending_box = QGroupBox(self.tr("Not stored yet"))
        self.pending_box.setStyleSheet("QGroupBox { color: #b3261e; font-weight: bold; }")
        pending_layout = QVBoxLayout(self.pending_box)
        pending_layout.addWidget(self.pending_list)
        pending_layout.addWidget(self.retry_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.pending_box.setVisible(False)

        self.manual = QLineEdit()
        self.manual.setPlaceholderText(self.tr("Type a smudged number and press Enter"))
        ScanCapture.prepare_scan_field(self.manual)
        self.manual.returnPressed.connect(self._submit_manual)
        self.close_button = QPushButton(self.tr("Close parcel (F9)"))
        self.close_button.clicked.connect(self.open_close_dialog)
        self.refuse_button = QPushButton(self.tr("Refuse parcel (F10)"))
        self.refuse_button.clicked.connect(self.open_refuse_dialog)
        self.slip_button = QPushButton(self.tr("Save slip (PDF)…"))
        self.slip_button.setEnabled(False)
        self.slip_button.clicked.connect(lambda: self.save_slip())
        for button in (self.close_button, self.refuse_button, self.slip_button):
            # A button must never take the focus: Space from a scan would press it.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for key, slot in (("F9", self.open_close_dialog), ("F10", self.open_refuse_dialog)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        entry = QHBoxLayout()
        entry.addWidget(QLabel(self.tr("Manual entry:")))
        entry.addWidget(self.manual, 1)
        entry.addWidget(self.close_button)
        entry.addWidget(self.refuse_button)
        entry.addWidget(self.slip_button)
        left = QVBoxLayout()
        left.addWidget(self.panel, 3)
        left.addWidget(self.customer)
        left.addWidget(expected, 2)
        right = QVBoxLayout()
        right.addWidget(scans, 1)
        right.addWidget(self.pending_box)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(entry)
        self.panel.show_state("idle", self.tr("READY"), self.tr("Scan a work order or a serial."))

    def _open_configured_scanners(self) -> None:
        settings = QSettings()
        port = str(settings.value("scanner/serial_port", "") or "")
        if port:
            from ui.scanner.serial import SerialScanner

            serial = SerialScanner(port, int(settings.value("scanner/baud", 9600)), self)
            serial.scanned.connect(lambda raw: self.take_scan(raw, "serial"))
            serial.error.connect(self._source_error)
            serial.open()
            self._sources.append(serial)
        if str(settings.value("scanner/camera", "") or "").lower() in ("1", "true", "yes", "on"):
            from ui.scanner.camera import CameraScanner

            camera = CameraScanner(self)
            camera.scanned.connect(lambda raw: self.take_scan(raw, "camera"))
            camera.error.connect(self._source_error)
            if camera.start():
                self._sources.append(camera)
                # The decoder thread must stop before Qt tears the objects down.
                QApplication.instance().aboutToQuit.connect(camera.shutdown)
            else:
                camera.shutdown()

    def _source_error(self, message: str) -> None:
        title = self.tr("⚠ SCANNER")
        if self.panel.state == "error" and self.panel.title.text() == title:
            message = f"{self.panel.message.text()}\n{message}"  # two sources may both fail
        self.panel.show_state("error", title, message)

    # -- scans ---------------------------------------------------------------------------------

    def take_scan(self, raw: str, source: str = "keyboard") -> None:
        """One scan from any scanner: the tracking number if a close dialog is open, else queued."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.take_scan(raw)
            return
        self.queue.submit(raw, source)

    def _submit_manual(self) -> None:
        text = self.manual.text().strip()
        self.manual.clear()
        if text:
            self.take_scan(text, "manual")

    def _show_outcome(self, outcome: ScanOutcome) -> None:
        titles = {"accepted": self.tr("ACCEPTED"), "rejected": self.tr("REJECTED"),
                  "info": self.tr("WORK ORDER")}
        # The reason in the station's language; the database keeps the English words.
        message = outcome.text(current_language())
        self.panel.show_state(outcome.verdict, f"{MARK.get(outcome.verdict, '')} "
                              f"{titles.get(outcome.verdict, outcome.verdict.upper())}",
                              message)
        self.sounds.play(outcome.verdict)
        if outcome.verdict == "rejected":
            self._parcel_reasons += [r for r in outcome.reasons if ":" not in r]
        if outcome.work_order and outcome.expected:
            self._work_order = outcome.work_order
            self.customer.setText(f"{outcome.work_order} · {outcome.customer}")
            self._fill_checklist(outcome.expected, outcome.serial)
        time = dt.datetime.now().strftime("%H:%M:%S")
        item = QListWidgetItem(f"{time}  {MARK.get(outcome.verdict, '?')}  "
                               f"{visible_raw(outcome.scan)}  —  {message}")
        item.setData(Qt.ItemDataRole.UserRole, outcome.as_dict())
        item.setForeground(VerdictPanel.colour(outcome.verdict))
        self._log(item)

    def _log(self, item: QListWidgetItem | str) -> None:
        """Put a line on top of the scan log, dropping the oldest beyond LOG_LINES."""
        self.log_list.insertItem(0, item)
        while self.log_list.count() > LOG_LINES:
            self.log_list.takeItem(self.log_list.count() - 1)

    def _fill_checklist(self, expected: list[dict[str, Any]], just_scanned: str | None) -> None:
        """Show the expected units; when they are the ones shown, only the lines that changed
        are touched, so that a burst of scans does not rebuild (and repaint) the whole list."""
        serials = [unit["serial"] for unit in expected]
        if serials != [self.checklist.item(i).data(Qt.ItemDataRole.UserRole)
                       for i in range(self.checklist.count())]:
            self.checklist.clear()
            for unit in expected:
                item = QListWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setData(Qt.ItemDataRole.UserRole, unit["serial"])
                self.checklist.addItem(item)
        for row, unit in enumerate(expected):
            item = self.checklist.item(row)
            done = bool(unit["received"])
            # A large text mark rather than a check box: readable from afar, never clickable.
            text = f"{'☑' if done else '☐'}  {unit['serial']}   {unit['model']}"
            if item.text() != text:
                item.setText(text)
            if item.data(RECEIVED_ROLE) != done:
                item.setData(RECEIVED_ROLE, done)
                item.setForeground(QBrush(VerdictPanel.colour("accepted")) if done else QBrush())
            highlight = unit["serial"] == just_scanned and done
            if (item.background().color() == _JUST_RECEIVED) != highlight:
                item.setBackground(QBrush(_JUST_RECEIVED) if highlight else QBrush())

    def _show_failure(self, raw: str, message: str) -> None:
        self._failure = (raw, message)
        if self.queue.failures == 1:  # one sound when it starts, not one per retry
            self.sounds.play("rejected")
        self._show_waiting()

    def _show_waiting(self) -> None:
        """The unsent scans on the verdict panel: how many, why, and when the next try comes."""
        queue = self.queue
        stuck = (queue.stopped or (queue.busy and queue.failures > 0)) and bool(queue.pending())
        if self._failure is None or not stuck:
            self._countdown.stop()
            return
        raw, message = self._failure
        wait = queue.seconds_until_retry()
        if wait is None and not queue.busy:  # retrying cannot help: a person must act
            self._countdown.stop()
            self.panel.show_state("error", self.tr("⚠ NOT STORED"), self.tr(
                "{0}\nThe scan {1} and those after it are kept below; press Retry.").format(
                    message, visible_raw(raw)))
            return
        if not self._countdown.isActive():
            self._countdown.start()
        count = len(queue.pending())
        waiting = (self.tr("1 scan waiting") if count == 1
                   else self.tr("{0} scans waiting").format(count))
        when = (self.tr("retrying now…") if wait is None
                else self.tr("retrying in {0} s").format(max(1, math.ceil(wait))))
        self.panel.show_state("error", self.tr("⚠ NOT STORED"), self.tr(
            "Database unreachable — {0}, {1}.\n{2}\nThey are kept below and stored in order "
            "as soon as the database answers; Retry tries at once.").format(waiting, when, message))

    def _refresh_pending(self) -> None:
        pending = self.queue.pending()
        # Shown only when something is stuck: a scan being stored for a few ms is not news,
        # and a list nobody sees need not be rebuilt twice per scan.
        stuck = self.queue.stopped or self.queue.failures > 0
        self.pending_box.setVisible(stuck and bool(pending))
        if not stuck:
            return
        sources = {"keyboard": self.tr("keyboard"), "manual": self.tr("manual"),
                   "serial": self.tr("serial port"), "camera": self.tr("camera")}
        self.pending_list.clear()
        for scan in pending:
            self.pending_list.addItem(
                f"{visible_raw(scan.raw)}   ({sources.get(scan.source, scan.source)})")
        self._show_waiting()

    # -- closing the parcel --------------------------------------------------------------------

    def _can_finish_parcel(self) -> bool:
        if not self.queue.idle:
            self.panel.show_state("error", self.tr("⚠ WAIT"), self.tr(
                "{0} scan(s) are not stored yet: retry them before closing the parcel.").format(
                    len(self.queue.pending())))
            return False
        return True

    def _missing(self) -> list[str]:
        return [self.checklist.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.checklist.count())
                if not self.checklist.item(i).data(RECEIVED_ROLE)]

    def open_close_dialog(self) -> CloseParcelDialog | None:
        """F9: record the parcel's condition and close it (non-modal open; returns the dialog)."""
        return self._open_dialog(refusing=False)

    def open_refuse_dialog(self) -> CloseParcelDialog | None:
        """F10: refuse the parcel (rule S3) with the reasons of its rejected scans."""
        return self._open_dialog(refusing=True)

    def _open_dialog(self, refusing: bool) -> CloseParcelDialog | None:
        if self.dialog is not None and self.dialog.isVisible():
            return self.dialog
        if not self._can_finish_parcel():
            return None
        if self.queue.intake_id is None and not refusing:
            self.panel.show_state("info", "ℹ " + self.tr("NO PARCEL"),
                                  self.tr("Nothing scanned yet: there is no parcel to close."))
            return None
        self.dialog = CloseParcelDialog(self, work_order=self._work_order, missing=self._missing(),
                                        refusing=refusing,
                                        reasons=list(dict.fromkeys(self._parcel_reasons)))
        self.dialog.accepted.connect(lambda d=self.dialog: self._finish_parcel(d))
        self.dialog.open()
        return self.dialog

    def _finish_parcel(self, dialog: CloseParcelDialog) -> None:
        values = dialog.closing()
        intake_id = self.queue.intake_id
        database, actor = self.database, self.actor
        # From now on scans belong to the next parcel, even before the close is stored.
        self.queue.start_new_parcel()
        previous = (self._parcel_reasons, self._work_order)
        self._parcel_reasons, self._work_order = [], None

        # refuse_parcel keeps notes only; the arrival details go into them (and on the slip).
        details = self.tr("Condition: {0}. Carrier: {1}. Tracking: {2}.").format(
            ", ".join(values.condition), values.carrier, values.tracking_number)

        def op() -> ParcelSummary:
            with database.uow(actor) as uow:
                if dialog.refusing:
                    return intake.refuse_parcel(uow, intake_id, values.reasons,
                                                f"{values.notes}\n{details}".strip())
                return intake.close_parcel(uow, intake_id or 0, condition=values.condition,
                                           carrier=values.carrier,
                                           tracking_number=values.tracking_number,
                                           notes=values.notes, photos=values.photos)

        run_in_background(op, self._parcel_finished,
                          lambda exc: self._parcel_failed(exc, intake_id, previous))

    def _parcel_finished(self, summary: ParcelSummary) -> None:
        self.last_closed = summary
        self.dialog = None
        refused = summary.verdict == "refused"
        slip = self.tr("refusal slip") if refused else self.tr("intake slip")
        missing = (self.tr(" Missing: {0}.").format(", ".join(summary.missing))
                   if summary.missing else "")
        self.panel.show_state(
            "rejected" if refused else "info",
            ("✖ " + self.tr("PARCEL REFUSED")) if refused else ("■ " + self.tr("PARCEL CLOSED")),
            self.tr("Parcel {0}{1}: {2} unit(s) received.{3} Save the {4} with the button "
                    "below.").format(summary.intake_id,
                                     f" ({summary.work_order})" if summary.work_order else "",
                                     len(summary.received), missing, slip))
        self.slip_button.setText(self.tr("Save {0} (PDF)…").format(slip))
        self.slip_button.setEnabled(True)
        if self.queue.intake_id is None:  # no scan of the next parcel came in meanwhile
            self.customer.setText(self.tr("Scan the work-order barcode to start the next parcel."))
            self.checklist.clear()
        verdict = self.tr("refused") if refused else self.tr("accepted")
        self._log(self.tr("{0}  ■  parcel {1} {2}").format(
            f"{dt.datetime.now():%H:%M:%S}", summary.intake_id, verdict))

    def _parcel_failed(self, exc: BaseException, intake_id: int | None,
                       previous: tuple[list[str], str | None]) -> None:
        self.dialog = None
        if self.queue.intake_id is None:  # still open: later scans go on with it
            self.queue.intake_id = intake_id
            self._parcel_reasons, self._work_order = previous
        self.panel.show_state("error", self.tr("⚠ NOT CLOSED"), self.tr(
            "{0}\nThe parcel is still open; close it again (F9).").format(exc))

    # -- slips ---------------------------------------------------------------------------------

    def save_slip(self, path: str | Path | None = None) -> None:
        """Render the last closed parcel's slip and save it to `path` (None: ask, then open it)."""
        if self.last_closed is None:
            return
        intake_id, database, actor, tz = (self.last_closed.intake_id, self.database, self.actor,
                                          self.timezone)
        run_in_background(lambda: render_slip(database, actor, intake_id, tz),
                          lambda slip: self._slip_ready(slip, path),
                          lambda exc: self.panel.show_state("error", self.tr("⚠ SLIP"), error_text(exc)))

    def _slip_ready(self, slip: Slip, path: str | Path | None) -> None:
        ask = path is None
        if ask:
            start = str(Path.home() / slip.file_name)
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save slip"), start,
                                                  self.tr("PDF (*.pdf)"))
            if not path:
                return
        target = Path(path)
        target.write_bytes(slip.pdf)
        self.last_slip_path = target
        if ask:  # the viewer prints it until the labels issue brings printers
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
