"""Printed documents in the customer's language: English, Simplified and Traditional Chinese."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal

import pytest

from core.messages import LANGUAGES, placeholders, template
from reports.data import CenterInfo
from reports.from_models import explanation_in
from reports.pdf_label import render_label_pdf
from reports.pdf_quote import render_quote_pdf
from reports.pdf_report import render_report_pdf
from reports.pdf_slips import render_intake_slip_pdf, render_refusal_slip_pdf
from reports.wording import WORDING, document_language, format_date, format_money
from reports.zpl import render_intake_slip_zpl, render_label_zpl
from tests.reports import samples
from tests.reports.pdftools import all_text

HAN = re.compile(r"[\u4e00-\u9fff]")

# Headings a reader of each language must find, document by document.
HEADINGS = {
    "zh_CN": {"report": ("维修报告", "回寄地址", "测试", "保修判定", "费用", "第1/"),
              "label": ("运单号", "收件人", "寄件人", "工单", "代收货款"),
              "quote": ("维修报价单", "单价", "客户确认", "报价有效期至"),
              "intake": ("收货单", "收货时间", "到货状况"),
              "refusal": ("拒收说明", "拒收原因", "扫描记录")},
    "zh_TW": {"report": ("維修報告", "回寄地址", "測試", "保固判定", "費用", "第1/"),
              "label": ("運單號", "收件人", "寄件人", "工單", "代收貨款"),
              "quote": ("維修報價單", "單價", "客戶確認", "報價有效期至"),
              "intake": ("收貨單", "收貨時間", "到貨狀況"),
              "refusal": ("拒收說明", "拒收原因", "掃描記錄")},
    "en": {"report": ("Repair report", "Return address", "Test", "Warranty decision", "Charges",
                      "Page1of"),
           "label": ("Tracking", "To", "From", "Work order", "COD"),
           "quote": ("Repair quote", "Unit price", "Customer approval", "Valid until"),
           "intake": ("Intake slip", "Received:", "Condition:"),
           "refusal": ("Parcel refused", "Why it was refused", "Scans made on this parcel")},
}


def _documents(language: str, lang: str = "mixed") -> dict[str, bytes]:
    return {
        "report": render_report_pdf(replace(samples.report(lang), language=language)),
        "label": render_label_pdf(replace(samples.label(lang), language=language)),
        "quote": render_quote_pdf(replace(samples.quote(lang), language=language)),
        "intake": render_intake_slip_pdf(replace(samples.intake_slip(lang), language=language)),
        "refusal": render_refusal_slip_pdf(replace(samples.refusal_slip(lang), language=language)),
    }


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_chinese_customers_documents_carry_their_headings(language: str) -> None:
    other = "zh_TW" if language == "zh_CN" else "zh_CN"
    for name, pdf in _documents(language).items():
        text = all_text(pdf)
        for heading in HEADINGS[language][name]:
            assert heading in text, (name, heading)
        # Not the other script's headings, and no English headings beside them.
        assert HEADINGS[other][name][0] not in text, name
        assert "Repair report" not in text and "Tracking" not in text


def test_english_customers_documents_have_no_chinese_wording() -> None:
    # An all-English customer and center: any Han character would come from fixed wording.
    report = samples.report("en")
    english = replace(report, center=CenterInfo("Acme Repair"), technician="Wang Gong",
                      charges=(), units=tuple(replace(u, warranty_decision="Covered", repairs=())
                                              for u in report.units))
    text = all_text(render_report_pdf(english))
    assert not HAN.search(text) and "Charges:none" in text
    for name, pdf in _documents("en").items():
        for heading in HEADINGS["en"][name]:
            assert heading.replace(" ", "") in all_text(pdf), (name, heading)


def test_dates_and_money_follow_the_document_language() -> None:
    report = replace(samples.report("mixed"), language="zh_CN")
    text = all_text(render_report_pdf(report))
    assert "2025年10月9日" in text and "¥237.30" in text and "CNY" not in text
    text = all_text(render_report_pdf(replace(report, language="en")))
    assert "9Oct2025" in text and "CNY237.30" in text
    assert format_date(dt.date(2026, 1, 2), "zh_TW") == "2026年1月2日"
    assert format_date(None, "en") == "-"
    assert format_money(Decimal("1234.5"), "TWD", "zh_TW") == "NT$1,234.50"
    assert format_money(Decimal("-3"), "CNY", "zh_CN") == "-¥3.00"
    assert format_money(Decimal("1234.5"), "USD", "zh_CN") == "USD 1,234.50"


def test_zpl_label_and_slip_captions_follow_the_language() -> None:
    english = render_label_zpl(replace(samples.label("mixed"), language="en"))
    chinese = render_label_zpl(replace(samples.label("mixed"), language="zh_TW"))
    assert b"Tracking" in english and b"Work order" in english
    # Chinese captions print as bitmaps (no CJK font on the printer): no English left.
    assert b"Tracking" not in chinese and b"Work order" not in chinese
    assert chinese.count(b"^GF") > english.count(b"^GF")
    slip = render_intake_slip_zpl(replace(samples.intake_slip("mixed"), language="zh_CN"))
    assert b"Intake slip" not in slip and b"MISSING" not in slip


def test_every_document_text_exists_in_every_language_with_the_same_fields() -> None:
    for key, texts in WORDING.items():
        assert set(texts) == set(LANGUAGES), key
        fields = placeholders(texts["en"])
        for language in LANGUAGES:
            assert placeholders(template(key, language)) == fields, (key, language)
            assert template(key, language).strip(), (key, language)


@pytest.mark.parametrize(("customer", "center", "printed"), [
    ("zh_TW", "zh_CN", "zh_TW"),  # the customer's own language first
    (None, "zh_CN", "zh_CN"),  # else the center's document language
    (None, None, "en"),
    ("fr", "xx", "en"),  # a value no document speaks never reaches the printer
])
def test_document_language_choice(customer: str | None, center: str | None, printed: str) -> None:
    assert document_language(customer, center) == printed


@pytest.mark.parametrize(("language", "shown", "hidden"), [
    ("en", "Within warranty until 1 Mar 2027.", "保修期至"),
    ("zh_CN", "保修期至 2027年3月1日。", "Within warranty"),
    ("zh_TW", "保修期至 2027年3月1日。", "Within warranty"),  # recorded before zh_TW was kept
])
def test_recorded_two_language_explanation_prints_in_the_customers(language: str, shown: str,
                                                                   hidden: str) -> None:
    recorded = "Within warranty until 1 Mar 2027.\n保修期至 2027年3月1日。"
    assert explanation_in(recorded, language) == shown
    assert hidden not in explanation_in(recorded, language)


@pytest.mark.parametrize(("language", "shown"), [
    ("en", "Within warranty until 1 Mar 2027."),
    ("zh_CN", "保修期至 2027年3月1日。"),
    ("zh_TW", "保固期至 2027年3月1日。"),
])
def test_recorded_three_language_explanation_prints_in_the_customers(language: str,
                                                                     shown: str) -> None:
    recorded = "Within warranty until 1 Mar 2027.\n保修期至 2027年3月1日。\n保固期至 2027年3月1日。"
    assert explanation_in(recorded, language) == shown


def test_explanation_typed_by_hand_prints_as_typed() -> None:
    for typed in ("超过保修期 Expired on 2025-01-01", "Line one\nline two", "a\nb\n保修"):
        assert explanation_in(typed, "zh_CN") == typed and explanation_in(typed, "en") == typed
