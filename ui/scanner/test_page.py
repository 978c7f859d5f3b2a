"""Settings page for setting up a station's scanner: shows exactly what each scan delivered."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.rules.barcodes import describe_symbology, parse_scan, show_controls
from ui.scanner.keyboard import ScanCapture

#: The page is for trying a scanner, not a log: old rows go so it never grows without bound.
MAX_ROWS = 200

_FIELDS = ("serial", "gtin", "order_number", "batch", "production_date")


class ScannerTestPage(QWidget):
    """Scan here to see the raw text (control characters written out), what it parsed to, and
    the gaps between keys, so that the threshold and scanner settings can be checked.

    The page captures keyboard scans itself while it is visible (its own :class:`ScanCapture`
    unless one is given); serial or camera scanners are added with :meth:`add_source`.
    """

    def __init__(self, capture: ScanCapture | None = None, parent: QWidget | None = None) -> None:
        """Args:
            capture: The keyboard capture to show and tune; None creates one scoped to this page.
            parent: Parent widget.
        """
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scanner test"))
        if capture is None:
            capture = ScanCapture(self)
            capture.install()
            capture.set_scope(self)
        self.capture = capture
        self._pending_gaps: list[float] | None = None

        self.threshold = QSpinBox()
        self.threshold.setRange(5, 500)
        self.threshold.setSuffix(self.tr(" ms"))
        self.threshold.setValue(round(capture.threshold_ms))
        self.threshold.valueChanged.connect(self._set_threshold)
        self.hint = QLabel(self.tr("Scan a barcode. Each scan appears below as it arrived."))
        self.hint.setWordWrap(True)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(lambda: self.scans.clear())

        self.scans = QTreeWidget()
        self.scans.setRootIsDecorated(False)
        self.scans.setHeaderLabels([self.tr("Time"), self.tr("Source"), self.tr("Raw"),
                                    self.tr("Symbology"), self.tr("Kind"), self.tr("Fields"),
                                    self.tr("Key gaps")])

        form = QFormLayout()
        form.addRow(self.tr("Longest gap between scanner keys:"), self.threshold)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addStretch()
        top.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.scans)

        capture.key_gaps.connect(self._remember_gaps)
        capture.scanned.connect(lambda raw: self.record(raw, self.tr("keyboard")))

    def add_source(self, source: QObject, name: str) -> None:
        """Show the scans of another scanner (a ``SerialScanner``, a ``CameraScanner``)."""
        source.scanned.connect(lambda raw: self.record(raw, name))
        if hasattr(source, "error"):
            source.error.connect(self.hint.setText)

    def record(self, raw: str, source: str) -> QTreeWidgetItem:
        """Add one scan to the table and return its row."""
        gaps, self._pending_gaps = self._pending_gaps, None
        parsed = parse_scan(raw)
        fields = ", ".join(
            f"{name}={value}" for name in _FIELDS if (value := getattr(parsed, name)) is not None)
        if parsed.kind == "plain":
            fields = f"text={parsed.text}"
        item = QTreeWidgetItem([
            datetime.now().strftime("%H:%M:%S"),
            source,
            show_controls(parsed.raw),
            describe_symbology(parsed.symbology),
            parsed.kind,
            fields or "",
            _describe_gaps(gaps),
        ])
        if parsed.error:
            item.setToolTip(4, parsed.error)
            item.setToolTip(5, parsed.error)
            self.hint.setText(parsed.error)
        else:
            self.hint.setText(self._timing_advice(gaps))
        self.scans.insertTopLevelItem(0, item)
        while self.scans.topLevelItemCount() > MAX_ROWS:
            self.scans.takeTopLevelItem(MAX_ROWS)
        return item

    def _remember_gaps(self, gaps: list[float]) -> None:
        self._pending_gaps = list(gaps)

    def _set_threshold(self, value: int) -> None:
        self.capture.threshold_ms = value

    def _timing_advice(self, gaps: list[float] | None) -> str:
        if not gaps:
            return self.tr("Scan read.")
        slowest = max(gaps)
        if slowest > 0.7 * self.capture.threshold_ms:
            return self.tr("Scan read, but the slowest key gap (%1 ms) is close to the limit: "
                           "raise the limit or the scanner's transmit speed.").replace(
                               "%1", f"{slowest:.0f}")
        return self.tr("Scan read; keys were at most %1 ms apart.").replace("%1", f"{slowest:.0f}")


def _describe_gaps(gaps: list[float] | None) -> str:
    if not gaps:
        return "-"
    shown = " ".join(f"{gap:.0f}" for gap in gaps[:12])
    more = " ..." if len(gaps) > 12 else ""
    return QCoreApplication.translate("ScannerTestPage", "{0} ms (max {1})").format(
        shown + more, f"{max(gaps):.0f}")

