"""ZPL: the commands, their values, escaping of user text, and 300 dpi scaling."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from reports.data import Address
from reports.zpl import field_data, render_intake_slip_zpl, render_label_zpl
from tests.reports import samples

ALLOWED = {"XA", "CI", "PW", "LL", "LH", "CW", "FO", "A0", "A1", "FH", "FD", "FS", "GB", "BY",
           "BC", "BQ", "GF", "XZ"}
EVIL = "Evil^XZ~JA_x\\^FO0,0"


def commands(zpl: bytes) -> list[tuple[str, str]]:
    """(command, argument) pairs; a `~` command or an unknown `^` one fails the test."""
    text = zpl.decode("utf-8")
    assert "~" not in text, "a tilde starts a printer control command"
    out = []
    for chunk in text.replace("\n", "").split("^")[1:]:
        name = "A0" if chunk.startswith("A0") else "A1" if chunk.startswith("A1") else chunk[:2]
        assert name in ALLOWED, name
        out.append((name, chunk[len(name):]))
    return out


def unescape(data: str) -> str:
    return re.sub(r"_([0-9A-F]{2})", lambda m: chr(int(m.group(1), 16)), data)


def fields(zpl: bytes, kind: str) -> list[str]:
    """The unescaped ^FD values of fields of one kind ('BC', 'BQ', 'A0', 'A1')."""
    cmds = commands(zpl)
    values = []
    for i, (name, _) in enumerate(cmds):
        if name == kind:
            j = i + 1
            assert cmds[j][0] == "FH", "every field with user data is hex-escaped"
            assert cmds[j + 1][0] == "FD"
            values.append(unescape(cmds[j + 1][1]))
    return values


@pytest.mark.parametrize("dpi,width,length", [(203, 800, 1200), (300, 1181, 1772)])
def test_label_header_and_size(dpi: int, width: int, length: int) -> None:
    zpl = render_label_zpl(samples.label("en"), dpi=dpi)
    assert zpl.startswith(f"^XA^CI28^PW{width}^LL{length}".encode())
    assert zpl.rstrip().endswith(b"^XZ")
    assert zpl.count(b"^XA") == 1 and zpl.count(b"^XZ") == 1


@pytest.mark.parametrize("lang", samples.LANGS)
def test_label_barcodes_carry_the_exact_values(lang: str) -> None:
    label = samples.label(lang)
    zpl = render_label_zpl(label)
    assert fields(zpl, "BC") == [label.tracking_number, label.work_order_number]
    assert fields(zpl, "BQ") == ["MA," + label.qr_payload]
    texts = fields(zpl, "A0")
    assert label.tracking_number in texts and label.work_order_number in texts
    for name, arg in commands(zpl):
        if name == "BY":
            assert int(arg.split(",")[0]) >= 2  # at least two dots per module: scannable


def test_user_text_cannot_inject_commands() -> None:
    recipient = Address(EVIL, "ACME~DG", "1^2", ("Street _5E", "~JR ^XZ"), "Town", "", "1", "US")
    label = samples.label("en", recipient=recipient, serials=("SN^1", "SN~2"))
    zpl = render_label_zpl(label)
    commands(zpl)  # only the commands we wrote
    assert zpl.count(b"^XZ") == 1
    assert b"Evil_5EXZ_7EJA_5Fx_5C_5EFO0,0" in zpl
    texts = fields(zpl, "A0")
    joined = " ".join(texts)
    for value in ("1^2", "Street _5E", "~JR ^XZ"):
        assert value in joined
    assert EVIL in joined
    assert fields(zpl, "BQ") == ["MA,WO:RB-2025-000123;SN:SN^1,SN~2"]


def test_escape_round_trip() -> None:
    for text in (EVIL, "__", "_5E", "中文 ^ ~ _", "a\nb\tc"):
        escaped = field_data(text)
        inner = escaped.removeprefix("^FH^FD").removesuffix("^FS")
        assert "^" not in inner and "~" not in inner
        assert unescape(inner) == text.replace("\n", " ").replace("\t", " ")


def test_chinese_without_printer_font_is_a_bitmap() -> None:
    zpl = render_label_zpl(samples.label("zh"))
    assert "深圳".encode() not in zpl
    bitmaps = [arg for name, arg in commands(zpl) if name == "GF"]
    assert len(bitmaps) >= 4
    for arg in bitmaps:
        _, total, count, row, data = arg.split(",")
        assert int(total) == int(count) == len(data) // 2
        assert int(total) % int(row) == 0 and set(data) - set("0123456789ABCDEF") == set()
        assert set(data) != {"0"}  # some ink


def test_chinese_with_printer_font_is_utf8_text() -> None:
    label = samples.label("zh")
    zpl = render_label_zpl(label, printer_font="E:SIMSUN.TTF")
    assert b"^CW1,E:SIMSUN.TTF" in zpl and b"^GF" not in zpl
    texts = " ".join(fields(zpl, "A1"))
    assert "南山区科技园南区" in texts and "张三" in texts


def _barcode_origins(zpl: bytes) -> list[tuple[int, int]]:
    cmds = commands(zpl)
    return [tuple(map(int, cmds[i - 2][1].split(","))) for i, (n, _) in enumerate(cmds)
            if n == "BC"]  # ^FOx,y ^BY.. ^BC..


def test_300_dpi_scales_positions_and_modules() -> None:
    label = samples.label("mixed")
    low, high = render_label_zpl(label, dpi=203), render_label_zpl(label, dpi=300)
    ratio = 300 / 203.2
    for (_, y1), (_, y2) in zip(_barcode_origins(low), _barcode_origins(high), strict=True):
        assert abs(y2 / y1 - ratio) < 0.02
    modules = [[int(a.split(",")[0]) for n, a in commands(z) if n == "BY"] for z in (low, high)]
    assert all(h >= lo for lo, h in zip(*modules, strict=True))
    heights = [[int(a.split(",")[1]) for n, a in commands(z) if n == "A0"] for z in (low, high)]
    assert max(heights[1]) / max(heights[0]) == pytest.approx(ratio, rel=0.03)
    with pytest.raises(ValueError):
        render_label_zpl(label, dpi=600)


@pytest.mark.parametrize("lang", samples.LANGS)
def test_intake_slip_zpl(lang: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    slip = samples.intake_slip(lang)
    out = tmp_path / "slip.zpl"
    zpl = render_intake_slip_zpl(slip, dpi=300, out=out)
    assert out.read_bytes() == zpl
    assert zpl.startswith(b"^XA^CI28^PW1181^LL1772")
    assert fields(zpl, "BC") == [slip.work_order_number]
    texts = " ".join(fields(zpl, "A0"))
    if slip.language == "en":
        assert slip.units_received[0].serial in texts
        assert "MISSING 1" in texts
    else:  # the customer's Chinese lines print as bitmaps: no English wording left
        assert b"^GF" in zpl and "MISSING" not in texts and "Received" not in texts


def test_nothing_leaves_the_label() -> None:
    zpl = render_label_zpl(samples.label("long"))
    for name, arg in commands(zpl):
        if name == "FO":
            x, y = map(int, arg.split(","))
            assert 0 <= x < 800 and 0 <= y < 1200
    fresh = replace(samples.label("long"), serials=())
    assert fields(render_label_zpl(fresh), "BQ") == ["MA,WO:RB-2025-000123"]
