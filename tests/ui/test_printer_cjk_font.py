"""A printer profile may name a CJK font resident in the label printer (ZPL ^CW / ^A1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from core.errors import UserError
from core.unit_of_work import Database
from tests.reports import samples
from tests.ui.test_printing_cups import FilePrinter
from tests.ui.test_settings_dialog import open_dialog, station
from ui.printing import jobs
from ui.printing.profiles import PrinterProfile, load_profiles, printer_font, save_profiles
from ui.settings.printers_page import PrintersPage

__all__ = ["station"]  # the settings dialog's fixture: this station's QSettings in tmp_path


@pytest.fixture
def zebra(tmp_path: Path):  # type: ignore[no-untyped-def]
    printer = FilePrinter(tmp_path)
    yield printer
    printer.close()


def printed_zpl(zebra: FilePrinter, font: str) -> bytes:
    profile = PrinterProfile("Zebra", "tcp9100", f"127.0.0.1:{zebra.port}", cjk_font=font)
    jobs.print_labels(profile, [samples.label("zh")])
    (job,) = zebra.wait_for_jobs(1)
    return job


def test_with_a_printer_font_chinese_prints_as_native_text(zebra: FilePrinter) -> None:
    zpl = printed_zpl(zebra, "E:SIMSUN.TTF")
    assert zpl.startswith(b"^XA^CI28") and b"^CW1,E:SIMSUN.TTF" in zpl
    assert "^A1N".encode() in zpl and "张三".encode() in zpl and "深圳".encode() in zpl
    assert b"^GFA" not in zpl  # no graphic fields: the printer draws every character itself
    assert b"^FDSF1402345678901^FS" in zpl  # the waybill barcode is unchanged


def test_without_a_printer_font_chinese_goes_as_graphics(zebra: FilePrinter) -> None:
    zpl = printed_zpl(zebra, "")
    assert b"^CW" not in zpl and b"^A1N" not in zpl
    assert b"^GFA" in zpl and "张三".encode() not in zpl


@pytest.mark.parametrize("typed, stored", [
    ("E:SIMSUN.TTF", "E:SIMSUN.TTF"), (" e:simsun.ttf ", "E:SIMSUN.TTF"),
    ("R:MSYH_GB.TTE", "R:MSYH_GB.TTE"), ("", ""), ("none", ""), ("None", ""),
])
def test_printer_font_names_are_kept_as_zpl_spells_them(typed: str, stored: str) -> None:
    assert printer_font(typed) == stored


@pytest.mark.parametrize("typed", [
    "X:NAME.TTF",            # no such printer drive
    "SIMSUN.TTF",            # no drive
    "E:SIMSUN",              # no font extension
    "E:SIMSUN.OTF",          # not a font the printer takes
    "E:SIM SUN.TTF",         # a space
    "E:^XA~JR.TTF",          # ZPL commands, not a name
    "E:ABCDEFGHIJKLMNOPQ.TTF",  # 17 characters: longer than the printer keeps
    "C:\\Windows\\Fonts\\simsun.ttc",  # a font of this computer, not of the printer
])
def test_bad_printer_fonts_are_refused_with_an_example(typed: str) -> None:
    with pytest.raises(UserError, match=r"not a font stored in the printer.*E:SIMSUN\.TTF"):
        printer_font(typed)
    with pytest.raises(UserError, match="Printer profile Zebra"):
        PrinterProfile("Zebra", "tcp9100", "10.0.0.5:9100", cjk_font=typed).validate()


def test_the_font_round_trips_through_the_station_settings(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    save_profiles([PrinterProfile("Zebra", "tcp9100", "10.0.0.5:9100", cjk_font="e:simsun.ttf"),
                   PrinterProfile("Office", "pdf_file", str(tmp_path))], settings)
    again = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    assert [(p.name, p.cjk_font) for p in load_profiles(again)] == [
        ("Zebra", "E:SIMSUN.TTF"), ("Office", "")]
    with pytest.raises(UserError, match="X:NAME.TTF"):
        save_profiles([PrinterProfile("Zebra", "tcp9100", "h:9100", cjk_font="X:NAME.TTF")],
                      again)
    assert [p.cjk_font for p in load_profiles(again)] == ["E:SIMSUN.TTF", ""]  # nothing lost


def test_settings_page_keeps_the_font_and_refuses_a_bad_one(qtbot, station: Path,  # type: ignore[no-untyped-def]
                                                          database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    dialog.show()
    qtbot.waitActive(dialog)
    printers = dialog.page(PrintersPage)
    printers.add_profile()
    printers.name.setText("Zebra")
    printers.kind.setCurrentIndex(printers.kind.findData("tcp9100"))
    printers.target.setEditText("10.0.0.5:9100")
    printers.cjk_font.setText("X:NAME.TTF")
    assert not dialog.apply()
    assert "'X:NAME.TTF' is not a font stored in the printer" in dialog.error.text()
    assert dialog.focusWidget() is printers.cjk_font and load_profiles() == []
    printers.cjk_font.setText("E:SIMSUN.TTF")
    assert dialog.apply(), dialog.error.text()
    assert [(p.name, p.cjk_font) for p in load_profiles()] == [("Zebra", "E:SIMSUN.TTF")]
    again = open_dialog(qtbot, database)
    assert again.page(PrintersPage).cjk_font.text() == "E:SIMSUN.TTF"


def test_zpl_to_a_profile_that_is_not_a_zpl_printer_is_refused(tmp_path: Path) -> None:
    from ui.printing.raw import PrintFailed

    with pytest.raises(PrintFailed, match="neither a queue nor a host:port"):
        jobs.send_zpl(PrinterProfile("Office PDFs", "pdf_file", str(tmp_path)), b"^XA^XZ", "t")
    assert not list(tmp_path.iterdir())  # nothing written anywhere
