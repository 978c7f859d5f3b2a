"""What documents keep between renders (font subsets, glyph bitmaps, encoded codes) never shows
on the wrong document, and the fast paths print the same thing as the slow ones did."""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageDraw, ImageFont
from reportlab.graphics.barcode.code128 import Code128
from reportlab.pdfbase import pdfmetrics

from reports.code128 import code128_bars
from reports.data import Address
from reports.fonts import cjk_font, font_path_context
from reports.pdf_common import CELL_SIZE, cell_text
from reports.pdf_label import render_label_pdf
from reports.pdf_report import render_report_pdf
from reports.qr import byte_mode_side, qr_matrix
from reports.zpl import render_label_zpl
from reports.zpl_bitmaps import graphic_field, render_line
from tests.reports import samples
from tests.reports.pdftools import all_text, decoded_pages, squash

OTHER = Address("王小明 Wang Xiaoming", "杭州矿机维修服务部", "139 1234 5678",
                ("西湖区文三路 259 号昌地火炬大厦 1 号楼 1203 室",), "杭州", "浙江", "310012", "中国")


def _other_label() -> object:
    return samples.label("zh", recipient=OTHER, tracking_number="SF1409999999999",
                         work_order_number="RB-2025-000999", serials=("JM99999999",))


def test_two_different_labels_in_a_row_each_carry_only_their_own_data(tmp_path: Path) -> None:
    first, second = samples.label("zh"), _other_label()
    pdfs = [render_label_pdf(first), render_label_pdf(second), render_label_pdf(first)]
    assert pdfs[0] == pdfs[2]  # the kept subset gives the same bytes as building it afresh
    texts = [all_text(pdf) for pdf in pdfs[:2]]
    assert squash(first.recipient.all_lines()[0]) in texts[0]
    assert "王小明" in texts[1] and "张三" not in texts[1] and "王小明" not in texts[0]
    for label, pdf, directory in ((first, pdfs[0], tmp_path / "a"), (second, pdfs[1],
                                                                    tmp_path / "b")):
        directory.mkdir()
        (page,) = decoded_pages(pdf, directory)
        assert page == Counter({("Code128", label.tracking_number): 1,
                                ("Code128", label.work_order_number): 1,
                                ("QRCode", label.qr_payload): 1})


def _font_program_and_subset(pdf: bytes) -> tuple[bytes, list[int]]:
    """The embedded CJK font program and the characters of its subset, from the ToUnicode map."""
    page = pypdf.PdfReader(BytesIO(pdf)).pages[0]
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        if "WenQuanYi" in str(font["/BaseFont"]):
            program = font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            cmap = font["/ToUnicode"].get_object().get_data().decode()
            chars = [int(u, 16) for u in re.findall(r"<[0-9A-F]{2}> <([0-9A-F]{4})>", cmap)]
            return program, chars
    raise AssertionError("no embedded CJK font")


@pytest.mark.parametrize("lang", ["zh", "mixed"])
def test_embedded_font_program_is_reportlabs_own_subset(lang: str) -> None:
    pdf = render_label_pdf(samples.label(lang))
    program, chars = _font_program_and_subset(pdf)
    face = pdfmetrics.getFont(cjk_font()).face
    assert program == face.makeSubset(chars)  # reportlab's own subset, built afresh
    for ch in "".join(samples.label(lang).recipient.all_lines()):
        assert ord(ch) in chars or ch.isspace()


def test_kept_subsets_are_per_document() -> None:
    # The second label needs characters the first did not: its subset must have them.
    _, first = _font_program_and_subset(render_label_pdf(samples.label("zh")))
    _, second = _font_program_and_subset(render_label_pdf(_other_label()))
    assert ord("杭") in second and ord("杭") not in first
    assert ord("张") in first and ord("张") not in second


def _bitmaps(zpl: bytes) -> list[Image.Image]:
    out = []
    for total, row, data in re.findall(rb"\^GFA,(\d+),\d+,(\d+),([0-9A-F]+)\^FS", zpl):
        width, rows = int(row) * 8, int(total) // int(row)
        out.append(Image.frombytes("1", (width, rows), bytes.fromhex(data.decode())))
    return out


def _freetype_line(text: str, height: int) -> Image.Image:
    """The line as FreeType lays it out whole: what the bitmap printed before glyphs were kept."""
    with font_path_context() as path:
        font = ImageFont.truetype(str(path), size=height, index=0)
    image = Image.new("L", (max(8, math.ceil(font.getlength(text))), math.ceil(height * 1.2)), 0)
    ImageDraw.Draw(image).text((0, 0), text, font=font, fill=255)
    return image.point(lambda v: 255 if v >= 128 else 0).convert("1")


@pytest.mark.parametrize("text,height", [("南山区科技园南区 R2-B 栋 5 楼 Room 501", 36),
                                         ("华南维修中心 South China Repair Center", 22),
                                         ("欧阳娜娜 Nana Ouyang-Featherstonehaugh", 53)])
def test_zpl_text_bitmap_matches_freetypes_own_line(text: str, height: int) -> None:
    width, rows, raw = render_line(text, height)
    ours = Image.frombytes("1", (width, rows), raw)
    theirs = _freetype_line(text, height)
    assert abs(ours.width - theirs.width) <= 2 and ours.height == theirs.height
    canvas = Image.new("1", (max(ours.width, theirs.width), rows))
    a, b = canvas.copy(), canvas.copy()
    a.paste(ours, (0, 0))
    b.paste(theirs, (0, 0))
    ink = sum(a.convert("L").histogram()[255:])
    differ = sum(ImageChops.logical_xor(a, b).convert("L").histogram()[255:])
    assert ink > 500 and differ <= ink * 0.02


def test_zpl_labels_in_a_row_keep_their_own_text_bitmaps() -> None:
    first, second = samples.label("zh"), _other_label()
    a, b, again = (render_label_zpl(label) for label in (first, second, first))
    assert a == again
    shown_a = {img.tobytes() for img in _bitmaps(a)}
    shown_b = {img.tobytes() for img in _bitmaps(b)}
    assert shown_a != shown_b
    # The sender is the same on both labels: the same bitmaps; the recipients differ.
    sender = _bitmaps(render_label_zpl(samples.label("zh", recipient=OTHER)))
    assert {img.tobytes() for img in sender} & shown_a
    assert graphic_field("张三 深圳市某某科技有限公司", 36) != graphic_field("王小明 杭州矿机维修服务部", 36)
    assert graphic_field("张三", 36) == graphic_field("张三", 36)
    assert graphic_field("张三", 36) != graphic_field("张三", 37)


@pytest.mark.parametrize("payload", ["WO:RB-2025-000123;SN:JM00000001,JM00000002",
                                     "WO:RB-2025-000123", "工单 RB-2025-000123 设备 3 台",
                                     "x" * 300])
def test_qr_matrix_decodes_to_its_payload(payload: str) -> None:
    matrix = qr_matrix(payload)
    side, scale, border = len(matrix), 4, 4
    image = Image.new("L", ((side + 2 * border) * scale,) * 2, 255)
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                x, y = (c + border) * scale, (r + border) * scale
                draw.rectangle((x, y, x + scale - 1, y + scale - 1), fill=0)
    (found,) = zxingcpp.read_barcodes(image)
    assert found.text == payload and found.format == zxingcpp.BarcodeFormat.QRCode
    assert found.ec_level == "M"


def test_qr_size_for_zpl_is_never_smaller_than_the_encoders() -> None:
    for length in (1, 10, 14, 15, 50, 106, 107, 300, 1000, 2331):
        for payload in ("a" * length, "A" * length, "7" * length):
            encoded = len(qr_matrix(payload))
            assert byte_mode_side(payload) >= encoded
            if payload[0] == "a":  # lowercase is byte mode for every encoder: exactly its size
                assert byte_mode_side(payload) == encoded
    with pytest.raises(ValueError, match="do not fit"):
        byte_mode_side("a" * 2332)
    with pytest.raises(ValueError, match="level"):
        qr_matrix("x", "Z")


@pytest.mark.parametrize("value", ["SF1402345678901", "RB-2025-000123", "A", "a^b~c 12"])
def test_code128_bars_are_reportlabs_symbol(value: str) -> None:
    modules, bars = code128_bars(value)
    assert modules == Code128(value, barWidth=1, quiet=0, humanReadable=0).width
    ends = [start + width for start, width in bars]
    assert bars[0][0] == 0 and ends[-1] == modules
    assert all(end < start for end, (start, _) in zip(ends, bars[1:], strict=False))


def test_table_cells_wrap_inside_their_columns() -> None:
    text = samples.LONG_ADDRESS + "\n第二行 second line"
    lines = cell_text(text, 120).split("\n")
    assert len(lines) > 5 and lines[-1] == "第二行 second line"
    assert all(pdfmetrics.stringWidth(line, cjk_font(), CELL_SIZE) <= 120 for line in lines)
    assert squash("".join(lines)) == squash(text)
    assert cell_text("", 120) == ""


def test_report_with_an_unbreakable_note_keeps_all_of_it() -> None:
    report = samples.report("zh")
    unit = report.units[0]
    note = "温度过高导致算力板焊点开裂更换算力板并重新校准" * 6
    finding = replace(unit.findings[0], notes=note)
    report = replace(report, units=(replace(unit, findings=(finding,)),))
    text = all_text(render_report_pdf(report))
    assert squash(note) in text
    assert len(pypdf.PdfReader(BytesIO(render_report_pdf(report))).pages) == 1


def test_label_pdf_streams_are_binary_and_compressed() -> None:
    pdf = render_label_pdf(samples.label("zh"))
    assert b"/ASCII85Decode" not in pdf and b"/FlateDecode" in pdf
    program, _ = _font_program_and_subset(pdf)
    assert len(zlib.compress(program)) < len(program)
