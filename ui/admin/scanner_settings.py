"""This station's scanner: how scans arrive (keyboard, serial port, camera) and a live test page.

Stored per station with QSettings, under the keys the intake bench reads at start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.scanner.test_page import ScannerTestPage

BAUD_RATES = ("9600", "19200", "38400", "57600", "115200")


def port_problem(port: str) -> str:
    """Why `port` cannot name a serial port, or "" when it can."""
    if any(c.isspace() for c in port):
        return QCoreApplication.translate(
            "ScannerSettingsPage", "A port name has no spaces (e.g. /dev/ttyACM0 or COM3).")
    return ""


class ScannerSettingsPage(QWidget):
    """Scanner choice for this station, with the test page that shows each raw scan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = QSettings()
        self.serial_port = QLineEdit(str(settings.value("scanner/serial_port", "") or ""))
        self.serial_port.setPlaceholderText(self.tr("none (keyboard scanner); e.g. /dev/ttyACM0 or COM3"))
        self.baud = QComboBox()
        self.baud.addItems(BAUD_RATES)
        self.baud.setCurrentText(str(settings.value("scanner/baud", "9600")))
        self.camera = QCheckBox(self.tr("Scan with the webcam"))
        self.camera.setChecked(str(settings.value("scanner/camera", "")).lower()
                               in ("1", "true", "yes", "on"))
        self.status = QLabel()
        self.save_button = save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("Serial-port scanner"), self.serial_port)
        form.addRow(self.tr("Baud rate"), self.baud)
        form.addRow("", self.camera)
        form.addRow(save, self.status)
        self.test_page = ScannerTestPage(parent=self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Test: scan here to see exactly what the scanner sends.")))
        layout.addWidget(self.test_page, 1)

    def save(self) -> bool:
        port = self.serial_port.text().strip()
        if port_problem(port):
            self.status.setText(port_problem(port))
            return False
        settings = QSettings()
        settings.setValue("scanner/serial_port", port)
        settings.setValue("scanner/baud", int(self.baud.currentText()))
        settings.setValue("scanner/camera", "on" if self.camera.isChecked() else "")
        settings.setValue("scanner/threshold_ms", self.test_page.threshold.value())
        self.status.setText(self.tr("Saved. The intake bench uses it from its next start."))
        return True
