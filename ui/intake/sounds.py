"""Verdict sounds of the intake bench: one for accepted, one for rejected.

The technician hardly looks at the screen, so the ear gets the verdict first. A station without
audio (no sound card, no PulseAudio, QtMultimedia missing its libraries) must keep working: every
failure here is swallowed and the bench simply stays silent.
"""

from __future__ import annotations

import logging
from importlib import resources
from typing import Any

from PySide6.QtCore import QObject, QSettings, QUrl

log = logging.getLogger(__name__)

VOLUME_KEY = "sounds/volume"
DEFAULT_VOLUME = 80


def sound_path(name: str) -> str:
    """The file system path of a bundled sound (`accept` or `reject`)."""
    return str(resources.files("resources") / "sounds" / f"{name}.wav")


def configured_volume() -> float:
    """The `sounds/volume` setting (0-100) as a 0.0-1.0 factor."""
    try:
        value = int(QSettings().value(VOLUME_KEY, DEFAULT_VOLUME))
    except (TypeError, ValueError):
        value = DEFAULT_VOLUME
    return max(0, min(100, value)) / 100.0


class VerdictSounds(QObject):
    """Plays the accept or reject sound for a verdict; silent when audio is unavailable."""

    def __init__(self, parent: QObject | None = None, volume: float | None = None) -> None:
        """Load both sounds at once so the first verdict is not late.

        Args:
            parent: Owning object.
            volume: 0.0-1.0; None reads the `sounds/volume` setting.
        """
        super().__init__(parent)
        self._effects: dict[str, Any] = {}
        self.volume = configured_volume() if volume is None else volume
        try:
            # Imported here: QtMultimedia needs system libraries (libpulse) that a bare station
            # may lack; the import failing must not stop the bench.
            from PySide6.QtMultimedia import QSoundEffect

            for name in ("accept", "reject"):
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(sound_path(name)))
                effect.setVolume(self.volume)
                self._effects[name] = effect
        except Exception:  # noqa: BLE001 - no audio is a normal station, not an error
            log.info("verdict sounds unavailable", exc_info=True)
            self._effects = {}

    @property
    def available(self) -> bool:
        """Whether sounds could be loaded at all."""
        return bool(self._effects)

    def play(self, verdict: str) -> None:
        """Play the sound of `verdict` (`accepted` / `rejected`); other verdicts are silent."""
        name = {"accepted": "accept", "rejected": "reject"}.get(verdict)
        effect = self._effects.get(name or "")
        if effect is None or self.volume <= 0:
            return
        try:
            effect.stop()  # a new verdict cuts the previous sound short instead of queueing
            effect.play()
        except Exception:  # noqa: BLE001 - a sound must never cost a scan
            log.info("could not play %s", name, exc_info=True)
