"""This computer at the bench: its name, language, idle lock, and the verdict sounds' volume."""

from __future__ import annotations

import socket

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from ui.i18n import configured_language
from ui.intake.sounds import VOLUME_KEY, VerdictSounds, configured_volume
from ui.settings.keys import LANGUAGE, LANGUAGES, STATION_NAME
from ui.settings.page import FieldError, SettingsPage
from ui.signin import IDLE_LOCK_KEY, idle_lock_minutes

#: The database keeps at most this many characters of a station's name with each record.
STATION_NAME_MAX = 64


class StationPage(SettingsPage):
    title = QT_TRANSLATE_NOOP("SettingsDialog", "Station")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = QSettings()
        self.station = QLineEdit(str(settings.value(STATION_NAME, "") or socket.gethostname()))
        self.station.setMaxLength(STATION_NAME_MAX * 2)  # longer is refused with a message
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        index = self.language.findData(configured_language(settings))
        self.language.setCurrentIndex(max(index, 0))
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setSpecialValueText(self.tr("never"))
        self.idle_lock.setValue(idle_lock_minutes(settings))
        form = QFormLayout(self)
        form.addRow(self.tr("Station name"), self.station)
        form.addRow("", QLabel(self.tr("Recorded with every scan and change made here; "
                                       "used from the next start.")))
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", QLabel(self.tr("The language applies the next time RepairBench "
                                       "starts.")))
        form.addRow(self.tr("Lock the station after"), self.idle_lock)

    def check(self) -> None:
        name = self.station.text().strip()
        if not name:
            raise FieldError(self.tr("Station name: a station needs a name; it is recorded with "
                                     "every scan."), self.station)
        if len(name) > STATION_NAME_MAX:
            raise FieldError(self.tr("Station name: at most {0} characters.").format(
                STATION_NAME_MAX), self.station)

    def store(self) -> None:
        settings = QSettings()
        settings.setValue(STATION_NAME, self.station.text().strip())
        settings.setValue(LANGUAGE, self.language.currentData())
        settings.setValue(IDLE_LOCK_KEY, self.idle_lock.value())


class SoundsPage(SettingsPage):
    title = QT_TRANSLATE_NOOP("SettingsDialog", "Sounds")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(configured_volume() * 100))
        shown = QLabel()
        self.volume.valueChanged.connect(
            lambda v: shown.setText(self.tr("muted") if v == 0 else self.tr("{0} %").format(v)))
        self.volume.valueChanged.emit(self.volume.value())
        self._sounds: VerdictSounds | None = None
        row = QHBoxLayout()
        row.addWidget(self.volume, 1)
        row.addWidget(shown)
        form = QFormLayout(self)
        form.addRow(self.tr("Verdict sound volume"), row)
        buttons = QHBoxLayout()
        for verdict, text in (("accepted", self.tr("Play ACCEPTED")),
                              ("rejected", self.tr("Play REJECTED"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, v=verdict: self.play(v))
            buttons.addWidget(button)
        form.addRow("", buttons)
        self.status = QLabel()
        form.addRow("", self.status)

    def play(self, verdict: str) -> None:
        """Play a verdict at the volume on the slider, so it can be tried before saving."""
        volume = self.volume.value() / 100
        if self._sounds is None or self._sounds.volume != volume:
            if self._sounds is not None:
                self._sounds.deleteLater()
            self._sounds = VerdictSounds(self, volume=volume)
        if not self._sounds.available:
            self.status.setText(self.tr("This computer has no working sound output."))
            return
        self._sounds.play(verdict)

    def store(self) -> None:
        QSettings().setValue(VOLUME_KEY, self.volume.value())
