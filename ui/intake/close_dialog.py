"""Closing or refusing a parcel: its condition on arrival (rule I4), carrier, tracking, photos.

The dialog opens over the bench, so the bench's scan capture stays active: a scan while it is
open fills the tracking number (the carrier's barcode on the box) and its Enter suffix never
presses the default button.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.services.intake import CONDITIONS
from ui import i18n
from ui.scanner.keyboard import ScanCapture

CARRIERS = ("SF Express", "Deppon", "KYE", QT_TRANSLATE_NOOP("CloseParcelDialog", "other"))
CONDITION_LABELS = {
    "intact": QT_TRANSLATE_NOOP("CloseParcelDialog", "Intact"),
    "damaged_box": QT_TRANSLATE_NOOP("CloseParcelDialog", "Damaged box"),
    "damaged_unit": QT_TRANSLATE_NOOP("CloseParcelDialog", "Damaged unit"),
    "wet": QT_TRANSLATE_NOOP("CloseParcelDialog", "Wet"),
    "opened": QT_TRANSLATE_NOOP("CloseParcelDialog", "Opened before arrival"),
}
PHOTO_FILTER = QT_TRANSLATE_NOOP("CloseParcelDialog", "Photos (*.jpg *.jpeg *.png);;All files (*)")


@dataclass
class ParcelClosing:
    """What the technician recorded in the dialog; plain data for `intake.close_parcel`."""

    condition: list[str]
    carrier: str
    tracking_number: str
    notes: str
    photos: list[tuple[str, bytes]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # refusing only


class CloseParcelDialog(QDialog):
    """Record the parcel's arrival and close it (or refuse it, with `refusing=True`).

    Read the result with :meth:`closing` once the dialog is accepted.
    """

    def __init__(self, parent: QWidget, *, work_order: str | None, missing: list[str],
                 refusing: bool = False, reasons: list[str] | None = None) -> None:
        """Args:
            parent: The bench; the dialog must be its child so the scan capture covers it.
            work_order: The parcel's work order number, if one matched.
            missing: Serials of the work order still expected (shown, not edited).
            refusing: Refuse the parcel (rule S3) instead of closing it.
            reasons: Reason codes of the parcel's rejected scans, proposed for a refusal.
        """
        super().__init__(parent)
        self.refusing = refusing
        self.setWindowTitle(self.tr("Refuse parcel") if refusing else self.tr("Close parcel"))
        self.setMinimumWidth(520)
        self._photos: list[tuple[str, bytes]] = []
        self._reasons = list(reasons or [])

        form = QFormLayout()
        form.addRow(self.tr("Work order:"), QLabel(work_order or self.tr("none matched")))
        conditions = QHBoxLayout()
        self.condition_boxes: dict[str, QCheckBox] = {}
        for code in CONDITIONS:
            box = QCheckBox(self.tr(CONDITION_LABELS.get(code, code)))
            box.setChecked(code == "intact")
            box.toggled.connect(lambda on, c=code: self._condition_toggled(c, on))
            self.condition_boxes[code] = box
            conditions.addWidget(box)
        form.addRow(self.tr("Condition (I4):"), conditions)
        self.carrier = QComboBox()
        self.carrier.setEditable(True)
        self.carrier.addItems([self.tr(carrier) for carrier in CARRIERS])
        self.carrier.setCurrentIndex(0)
        form.addRow(self.tr("Inbound carrier:"), self.carrier)
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(self.tr("scan the carrier's barcode or type it"))
        ScanCapture.prepare_scan_field(self.tracking)
        form.addRow(self.tr("Tracking number:"), self.tracking)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        form.addRow(self.tr("Notes:"), self.notes)

        photos = QVBoxLayout()
        self.photo_list = QListWidget()
        self.photo_list.setFixedHeight(70)
        add_photos = QPushButton(self.tr("Add photos…"))
        add_photos.setAutoDefault(False)
        add_photos.clicked.connect(self._choose_photos)
        photos.addWidget(self.photo_list)
        photos.addWidget(add_photos, alignment=Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Photos:"), photos)

        self.missing_label = QLabel(", ".join(missing) if missing else self.tr("none"))
        self.missing_label.setWordWrap(True)
        if missing:
            self.missing_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        form.addRow(self.tr("Units still missing:"), self.missing_label)
        if refusing:
            self.reasons_label = QLabel(", ".join(self._reasons) or self.tr("refused by technician"))
            form.addRow(self.tr("Reasons:"), self.reasons_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(
            self.tr("Refuse parcel") if refusing else self.tr("Close parcel"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    # -- scans and photos ----------------------------------------------------------------------

    def take_scan(self, raw: str) -> None:
        """A scan while the dialog is open is the carrier's tracking number."""
        self.tracking.setText("".join(ch for ch in raw if ch.isprintable()).strip())

    def add_photo_files(self, paths: list[str]) -> None:
        """Attach these image files (read now, so a moved file later does not matter)."""
        for name in paths:
            path = Path(name)
            try:
                content = path.read_bytes()
            except OSError as exc:
                self.photo_list.addItem(self.tr("could not read {0}: {1}").format(path.name, exc))
                continue
            self._photos.append((path.name, content))
            self.photo_list.addItem(self.tr("{0} ({1} KB)").format(
                path.name, i18n.number_text(len(content) // 1024 + 1)))

    def _choose_photos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos of the parcel"), "",
                                                self.tr(PHOTO_FILTER))
        self.add_photo_files(paths)

    def _condition_toggled(self, code: str, on: bool) -> None:
        # "Intact" and any damage exclude each other; nothing ticked would record nothing (I4).
        if on and code == "intact":
            for other, box in self.condition_boxes.items():
                if other != "intact":
                    box.setChecked(False)
        elif on:
            self.condition_boxes["intact"].setChecked(False)
        elif not any(box.isChecked() for box in self.condition_boxes.values()):
            self.condition_boxes["intact"].setChecked(True)

    # -- the result ----------------------------------------------------------------------------

    def closing(self) -> ParcelClosing:
        """What was entered, as plain data."""
        return ParcelClosing(
            condition=[c for c, box in self.condition_boxes.items() if box.isChecked()],
            carrier=self.carrier.currentText().strip(),
            tracking_number=self.tracking.text().strip(),
            notes=self.notes.toPlainText().strip(),
            photos=list(self._photos),
            reasons=list(self._reasons),
        )
