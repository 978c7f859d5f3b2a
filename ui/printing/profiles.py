"""Printer profiles of this station, remembered in QSettings: where labels go and how.

A station usually has one label printer and one office printer; a profile names one of them with
the size, resolution and copies its labels need, so the clerk picks "Zebra at the bench" instead
of setting up the print each time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

from core.errors import UserError

KINDS: dict[str, str] = {
    "qt": "Printer on this computer (print dialog, PDF rendered)",
    "raw_queue": "Label printer queue (raw ZPL)",
    "tcp9100": "Label printer on the network, port 9100 (raw ZPL)",
    "pdf_file": "PDF files in a folder",
}
DPIS = (203, 300)
_GROUP = "printing/profiles"


@dataclass(frozen=True)
class PrinterProfile:
    """One printer as this station uses it.

    Attributes:
        kind: qt, raw_queue, tcp9100 or pdf_file (see KINDS).
        target: the Qt printer name (empty: ask with the print dialog), the queue name, host:port,
            or the folder PDF files are written to.
    """

    name: str
    kind: str = "pdf_file"
    target: str = ""
    width_mm: float = 100.0
    height_mm: float = 150.0
    dpi: int = 203
    copies: int = 1

    @property
    def is_zpl(self) -> bool:
        return self.kind in ("raw_queue", "tcp9100")

    def host_port(self) -> tuple[str, int]:
        host, _, port = self.target.rpartition(":")
        if not host:
            return self.target, 9100
        try:
            return host, int(port)
        except ValueError as exc:
            raise UserError(f"Printer profile {self.name}: {self.target!r} is not host:port.") from exc

    def validate(self) -> PrinterProfile:
        """The profile itself, or a UserError that says what to fix."""
        if not self.name.strip():
            raise UserError("A printer profile needs a name.")
        if self.kind not in KINDS:
            raise UserError(f"Printer profile {self.name}: unknown kind {self.kind!r}.")
        if self.kind in ("raw_queue", "tcp9100", "pdf_file") and not self.target.strip():
            what = {"raw_queue": "a queue name", "tcp9100": "host:port",
                    "pdf_file": "a folder"}[self.kind]
            raise UserError(f"Printer profile {self.name} needs {what}.")
        if self.kind == "tcp9100":
            self.host_port()
        if self.dpi not in DPIS:
            raise UserError(f"Printer profile {self.name}: the resolution must be 203 or 300 dpi.")
        if not (20 <= self.width_mm <= 300 and 20 <= self.height_mm <= 400):
            raise UserError(f"Printer profile {self.name}: the label size is out of range.")
        if not 1 <= self.copies <= 20:
            raise UserError(f"Printer profile {self.name}: copies must be between 1 and 20.")
        return self


def load_profiles(settings: QSettings | None = None) -> list[PrinterProfile]:
    """This station's profiles; unreadable entries are skipped rather than stopping the desk."""
    settings = settings or QSettings()
    profiles: list[PrinterProfile] = []
    count = settings.beginReadArray(_GROUP)
    for index in range(count):
        settings.setArrayIndex(index)
        try:
            profiles.append(PrinterProfile(
                name=str(settings.value("name", "")), kind=str(settings.value("kind", "pdf_file")),
                target=str(settings.value("target", "")),
                width_mm=float(settings.value("width_mm", 100.0)),  # type: ignore[arg-type]
                height_mm=float(settings.value("height_mm", 150.0)),  # type: ignore[arg-type]
                dpi=int(settings.value("dpi", 203)),  # type: ignore[call-overload]
                copies=int(settings.value("copies", 1)),  # type: ignore[call-overload]
            ).validate())
        except (UserError, TypeError, ValueError):
            continue
    settings.endArray()
    return profiles


def save_profiles(profiles: list[PrinterProfile], settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    for profile in profiles:
        profile.validate()
    settings.remove(_GROUP)
    settings.beginWriteArray(_GROUP, len(profiles))
    for index, profile in enumerate(profiles):
        settings.setArrayIndex(index)
        for key, value in profile.__dict__.items():
            settings.setValue(key, value)
    settings.endArray()
    settings.sync()


def upsert(profile: PrinterProfile, settings: QSettings | None = None) -> list[PrinterProfile]:
    """Add the profile or replace the one with its name; returns the new list."""
    profiles = [p for p in load_profiles(settings) if p.name != profile.name]
    profiles.append(replace(profile).validate())
    save_profiles(profiles, settings)
    return profiles
