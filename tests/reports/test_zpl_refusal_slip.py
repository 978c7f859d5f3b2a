"""The refusal slip (rule S3) as ZPL for the label printer: why, to whom, the inbound waybill."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reports.data import Address
from reports.zpl import render_refusal_slip_zpl
from tests.reports import samples
from tests.reports.test_zpl import EVIL, commands, fields


@pytest.mark.parametrize("lang", samples.LANGS)
def test_refusal_slip_zpl_says_why_and_scans(lang: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    slip = replace(samples.refusal_slip(lang), reasons=("No work order matches this parcel.",))
    out = tmp_path / "refusal.zpl"
    zpl = render_refusal_slip_zpl(slip, dpi=300, out=out)
    assert out.read_bytes() == zpl and zpl.startswith(b"^XA^CI28^PW1181^LL1772")
    assert fields(zpl, "BC") == ["ZT75123456789"]  # the inbound waybill, exactly
    texts = " ".join(fields(zpl, "A0"))
    assert "1. No work order matches this parcel." in texts
    if slip.language == "en":
        assert "Parcel refused" in texts and "Why it was refused" in texts
    else:  # the customer's language: the fixed words are Chinese, drawn as bitmaps
        assert b"^GF" in zpl and "Parcel refused" not in texts
    for name, arg in commands(zpl):  # nothing leaves the 100x150 mm label
        if name == "FO":
            x, y = map(int, arg.split(","))
            assert 0 <= x < 1181 and 0 <= y < 1772


def test_refusal_slip_zpl_with_the_printers_font_prints_chinese_as_text() -> None:
    zpl = render_refusal_slip_zpl(samples.refusal_slip("zh"), printer_font="E:SIMSUN.TTF")
    assert b"^CW1,E:SIMSUN.TTF" in zpl and b"^GF" not in zpl
    assert "张三".encode() in zpl and "拒收".encode() in zpl


def test_refusal_slip_zpl_escapes_what_the_sender_wrote() -> None:
    slip = replace(samples.refusal_slip("en"), sender=Address(name=EVIL, lines=(EVIL,)),
                   reasons=(EVIL,), carrier=EVIL)
    zpl = render_refusal_slip_zpl(slip)
    commands(zpl)  # no ~ command, no unknown ^ command
    assert EVIL in " ".join(fields(zpl, "A0"))


def test_refusal_slip_zpl_without_sender_reason_or_waybill() -> None:
    slip = replace(samples.refusal_slip("en"), sender=None, reasons=(), inbound_tracking="")
    zpl = render_refusal_slip_zpl(slip)
    texts = " ".join(fields(zpl, "A0"))
    assert "Unknown" in texts and "No reason was recorded." in texts
    assert fields(zpl, "BC") == []
