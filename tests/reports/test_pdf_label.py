"""Return label PDF: text, embedded font, fitting, and every code decoded from a 203 dpi raster."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from reports.data import LabelData
from reports.pdf_label import render_label_pdf, render_labels_pdf
from reports.wording import format_money, say
from tests.reports import samples
from tests.reports.pdftools import all_text, decoded_pages, embedded_fonts, rasterise, squash


@pytest.mark.parametrize("lang", samples.LANGS)
def test_label_text_is_all_there(lang: str) -> None:
    label = samples.label(lang)
    text = all_text(render_label_pdf(label))
    for line in label.recipient.all_lines() + label.sender.as_address().all_lines():
        assert squash(line) in text
    for expected in ("SF1402345678901", "RB-2025-000123", "2/3",
                     format_money(Decimal("1234.50"), "CNY", label.language),
                     say("doc.freight.split", label.language), "顺丰速运", *label.serials):
        assert squash(expected) in text
    assert "…" not in text  # the 200-character address fitted without being cut


@pytest.mark.parametrize("lang", samples.LANGS)
def test_every_code_on_the_label_decodes_to_its_value(lang: str, tmp_path: Path) -> None:
    label = samples.label(lang)
    (page,) = decoded_pages(render_label_pdf(label), tmp_path)
    assert page == Counter({("Code128", label.tracking_number): 1,
                            ("Code128", label.work_order_number): 1,
                            ("QRCode", label.qr_payload): 1})


def test_qr_payload_names_work_order_and_every_serial() -> None:
    label = samples.label("long")
    assert label.qr_payload == "WO:RB-2025-000123;SN:" + ",".join(label.serials)
    assert len(label.serials) == 50


def test_cjk_font_is_embedded_as_a_subset() -> None:
    fonts = embedded_fonts(render_label_pdf(samples.label("zh")))
    (name, size), = [(n, s) for n, s in fonts.items() if "WenQuanYi" in n]
    assert name[1:7].isupper() and name[7] == "+"  # "/ABCDEF+..." marks a subset
    assert size < 200_000  # the glyphs used, not the 5 MB file


@pytest.mark.parametrize("size", ["4x6", (100 * mm, 100 * mm), (4 * 72, 6 * 72)])
def test_other_page_sizes_keep_codes_readable(size: object, tmp_path: Path) -> None:
    label = samples.label("mixed")
    (page,) = decoded_pages(render_label_pdf(label, page_size=size), tmp_path)  # type: ignore[arg-type]
    assert {text for _, text in page} == {label.tracking_number, label.work_order_number,
                                          label.qr_payload}


@pytest.mark.parametrize("lang", ["long", "zh"])
def test_nothing_is_drawn_outside_the_margins(lang: str, tmp_path: Path) -> None:
    (image,) = rasterise(render_label_pdf(samples.label(lang)), tmp_path)
    edge = int(2.5 * 203 / 25.4)  # the label keeps 3 mm free on every side
    w, h = image.size
    for box in ((0, 0, edge, h), (w - edge, 0, w, h), (0, 0, w, edge), (0, h - edge, w, h)):
        assert image.crop(box).getextrema()[0] > 200, f"ink in the margin {box}"


def test_batch_of_labels_is_one_pdf_with_a_page_each(tmp_path: Path) -> None:
    labels = [samples.label("en", parcel_no=n, parcel_count=3, tracking_number=f"SF14023456789{n}")
              for n in (1, 2, 3)]
    out = tmp_path / "batch.pdf"
    pdf = render_labels_pdf(labels, out=out)
    assert out.read_bytes() == pdf
    pages = decoded_pages(pdf, tmp_path)
    assert [sorted(t for f, t in p if f == "Code128")[1] for p in pages] == \
        [f"SF14023456789{n}" for n in (1, 2, 3)]


def test_no_cod_and_receiver_pays() -> None:
    text = all_text(render_label_pdf(samples.label("en", cod_amount=None,
                                                   freight_payer="customer")))
    assert "NoCOD" in text and "Freight:Receiverpays" in text


def test_rendering_is_deterministic() -> None:
    assert render_label_pdf(samples.label("zh")) == render_label_pdf(samples.label("zh"))


@pytest.mark.parametrize("changes", [dict(parcel_no=4, parcel_count=3),
                                     dict(tracking_number="顺丰123")])
def test_impossible_labels_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        samples.label("en", **changes)


def test_label_without_tracking_number_still_renders(tmp_path: Path) -> None:
    label = samples.label("en", tracking_number="", cod_amount=Decimal("0"))
    assert isinstance(label, LabelData)
    (page,) = decoded_pages(render_label_pdf(label), tmp_path)
    assert {t for _, t in page} == {label.work_order_number, label.qr_payload}
