"""Printer profiles of this station, remembered in QSettings: where labels go and how.

A station usually has one label printer and one office printer; a profile names one of them with
the size, resolution and copies its labels need, so the clerk picks "Zebra at the bench" instead
of setting up the print each time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings

from core.errors import UserError
from ui.i18n import error_text

# Translated where shown (the settings page, in the context "PrintersPage").
KINDS: dict[str, str] = {
    "qt": QT_TRANSLATE_NOOP("PrintersPage",
                            "Printer on this computer (print dialog, PDF rendered)"),
    "raw_queue": QT_TRANSLATE_NOOP("PrintersPage", "Label printer queue (raw ZPL)"),
    "tcp9100": QT_TRANSLATE_NOOP("PrintersPage",
                                 "Label printer on the network, port 9100 (raw ZPL)"),
    "pdf_file": QT_TRANSLATE_NOOP("PrintersPage", "PDF files in a folder"),
}
DPIS = (203, 300)
_GROUP = "printing/profiles"
# A font stored in a Zebra-type printer: a drive (R: memory, E: flash, B: and A: cards, Z: the
# printer's own) and a name of up to 16 characters with a font extension, e.g. E:SIMSUN.TTF.
_PRINTER_FONT = re.compile(r"[REBAZ]:[A-Z0-9_-]{1,16}\.(TTF|TTE|FNT)")


def printer_font(value: str) -> str:
    """A CJK font resident in the label printer, as ZPL names it (upper case); "" for none.

    Raises:
        UserError: not a printer font path; the message gives an example to copy.
    """
    font = value.strip().upper()
    if font in ("", "NONE"):
        return ""
    if not _PRINTER_FONT.fullmatch(font):
        raise UserError(QCoreApplication.translate(
            "PrinterProfile", "{0} is not a font stored in the printer: write its drive (R:, E:, "
                              "B:, A: or Z:) and file name, e.g. E:SIMSUN.TTF, or leave it empty "
                              "to print Chinese as graphics.").format(repr(value.strip())))
    return font


@dataclass(frozen=True)
class PrinterProfile:
    """One printer as this station uses it.

    Attributes:
        kind: qt, raw_queue, tcp9100 or pdf_file (see KINDS).
        target: the Qt printer name (empty: ask with the print dialog), the queue name, host:port,
            or the folder PDF files are written to.
        cjk_font: a CJK font resident in a ZPL printer (e.g. E:SIMSUN.TTF): Chinese then prints
            as the printer's own text; empty: Chinese lines go as graphic fields.
    """

    name: str
    kind: str = "pdf_file"
    target: str = ""
    width_mm: float = 100.0
    height_mm: float = 150.0
    dpi: int = 203
    copies: int = 1
    cjk_font: str = ""

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
            raise UserError(QCoreApplication.translate(
                "PrinterProfile", "Printer profile {0}: {1} is not host:port.").format(
                self.name, repr(self.target))) from exc

    def _error(self, problem: str) -> UserError:
        return UserError(QCoreApplication.translate(
            "PrinterProfile", "Printer profile {0}: {1}").format(self.name, problem))

    def validate(self) -> PrinterProfile:
        """The profile itself, or a UserError that says what to fix."""
        if not self.name.strip():
            raise UserError(QCoreApplication.translate("PrinterProfile",
                                                       "A printer profile needs a name."))
        if self.kind not in KINDS:
            raise self._error(QCoreApplication.translate(
                "PrinterProfile", "unknown kind {0}.").format(repr(self.kind)))
        if self.kind in ("raw_queue", "tcp9100", "pdf_file") and not self.target.strip():
            what = {"raw_queue": QCoreApplication.translate("PrinterProfile", "a queue name"),
                    "tcp9100": QCoreApplication.translate("PrinterProfile", "host:port"),
                    "pdf_file": QCoreApplication.translate("PrinterProfile", "a folder")}[self.kind]
            raise UserError(QCoreApplication.translate(
                "PrinterProfile", "Printer profile {0} needs {1}.").format(self.name, what))
        if self.kind == "tcp9100":
            self.host_port()
        if self.dpi not in DPIS:
            raise self._error(QCoreApplication.translate(
                "PrinterProfile", "the resolution must be 203 or 300 dpi."))
        if not (20 <= self.width_mm <= 300 and 20 <= self.height_mm <= 400):
            raise self._error(QCoreApplication.translate(
                "PrinterProfile", "the label size is out of range."))
        if not 1 <= self.copies <= 20:
            raise self._error(QCoreApplication.translate(
                "PrinterProfile", "copies must be between 1 and 20."))
        try:
            font = printer_font(self.cjk_font)
        except UserError as exc:
            raise self._error(error_text(exc)) from exc
        return self if font == self.cjk_font else replace(self, cjk_font=font)


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
                cjk_font=str(settings.value("cjk_font", "") or ""),
            ).validate())
        except (UserError, TypeError, ValueError):
            continue
    settings.endArray()
    return profiles


def save_profiles(profiles: list[PrinterProfile], settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    profiles = [profile.validate() for profile in profiles]
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
