"""Core's catalogue of words: every message in English, Simplified and Traditional Chinese."""

from __future__ import annotations

import datetime as dt

import pytest

from core import messages
from core.errors import UserError
from core.intake_rules import REASON_TEXT, Reason, reason_text
from core.policies import explain
from core.policies import parse_policy
from tests.core.policies.test_schema import MINIMAL

CATALOGUE = messages.catalogue()
# Characters only Simplified Chinese uses, for the most common words of this program (warranty,
# work order, serial, repair, the center...): a zh_TW text containing one was not localised.
SIMPLIFIED_ONLY = set("单号维内规则设备货运费请须为该这时间条码库")
TRADITIONAL_ONLY = set("單號維規則設備貨運費請須為該這時間條碼庫")


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_all_three_languages_with_the_same_fields(key: str) -> None:
    texts = CATALOGUE[key]
    assert set(texts) == set(messages.LANGUAGES), key
    assert all(texts[lang].strip() for lang in messages.LANGUAGES), key
    fields = {lang: messages.placeholders(texts[lang]) for lang in messages.LANGUAGES}
    assert fields["zh_CN"] == fields["en"] == fields["zh_TW"], (key, fields)


def test_traditional_chinese_is_not_simplified() -> None:
    for key, texts in CATALOGUE.items():
        assert not SIMPLIFIED_ONLY & set(texts["zh_TW"]), (key, texts["zh_TW"])
        assert not TRADITIONAL_ONLY & set(texts["zh_CN"]), (key, texts["zh_CN"])
    # Taiwan's own words, not a character-by-character conversion of the mainland's.
    assert "保固" in CATALOGUE["warranty.covered"]["zh_TW"]
    assert "序號" in CATALOGUE["reason.wrong_model"]["zh_TW"]
    assert "工單" in CATALOGUE["reason.work_order_closed"]["zh_TW"]


def test_the_catalogue_gathers_policy_and_intake_wording() -> None:
    assert set(explain.MESSAGES) <= set(CATALOGUE)
    assert {f"reason.{r.value}" for r in Reason} <= set(CATALOGUE)
    assert explain.LANGUAGES == messages.LANGUAGES


def test_text_fills_fields_in_the_language_asked() -> None:
    assert messages.text("reason.parcel_open", "en", number="RMA-7") == (
        "A parcel for RMA-7 is still open: close it (F9) before starting another.")
    assert messages.text("reason.parcel_open", "zh_CN", number="RMA-7").startswith("RMA-7 的包裹尚未关闭")
    assert messages.text("reason.parcel_open", "zh_TW", number="RMA-7").startswith("RMA-7 的包裹尚未關閉")
    # An unknown or missing language is English, never an error.
    assert messages.text("verdict.accepted", "fr") == messages.text("verdict.accepted", None) == "ACCEPTED"


def test_unknown_key_and_twice_defined_key_are_refused() -> None:
    with pytest.raises(KeyError):
        messages.text("no.such.message", "en")
    with pytest.raises(ValueError, match="defined twice"):
        messages.add({"verdict.accepted": {"en": "OK", "zh_CN": "好", "zh_TW": "好"}})
    assert messages.text("verdict.accepted", "en") == "ACCEPTED"


def test_placeholders_are_parsed_not_guessed() -> None:
    assert messages.placeholders("{a} and {b!r} at {c:>3} {{not}} {d.x} {e[0]}") == {
        "a", "b", "c", "d", "e"}
    assert messages.placeholders("plain") == set()


def test_intake_reasons_in_every_language_and_english_is_what_is_stored() -> None:
    details = {"serial": "SN1", "scanned": "JH-100", "expected": "JH-200"}
    assert REASON_TEXT[Reason.WRONG_MODEL].format(**details) == reason_text(
        Reason.WRONG_MODEL, "en", **details)
    assert reason_text("wrong_model", "zh_CN", **details) == (
        "序列号 SN1 是 JH-100，但工单要求的是 JH-200（规则 I7）。")
    assert reason_text("wrong_model", "zh_TW", **details) == (
        "序號 SN1 是 JH-100，但工單要求的是 JH-200（規則 I7）。")
    with pytest.raises(ValueError):
        reason_text("not_a_reason", "en")


def test_warranty_explanation_renders_in_traditional_chinese_with_chinese_dates() -> None:
    message = explain.Message("warranty.covered", {
        "start": dt.date(2025, 1, 2), "end": dt.date(2025, 6, 30), "judged": dt.date(2025, 3, 1),
        "judged_what": explain.Message("date.received_on"), "rule": "W4"})
    rendered = explain.render([message, explain.Message("warranty.quote")])
    assert set(rendered) == {"en", "zh_CN", "zh_TW"}
    assert rendered["zh_TW"] == (
        "在保固期內：保固期為2025年1月2日至2025年6月30日，判定日期為2025年3月1日（維修中心收貨日期）"
        "（規則 W4）。我們將依設備狀況報價，經您同意後才開始維修（規則 D1）。")
    assert "2025-06-30" in rendered["en"] and "保修期" in rendered["zh_CN"]


def test_policy_file_wording_in_traditional_or_else_simplified() -> None:
    wording = explain.exclusion_wording("gremlins", {"en": "gremlins inside", "zh_CN": "有小精灵"})
    assert wording == {"en": "gremlins inside", "zh_CN": "有小精灵", "zh_TW": "有小精灵"}
    policy = parse_policy(MINIMAL + '[[warranty.exclusions]]\ncode = "gremlins"\nen = "g"\n'
                          'zh_CN = "有小精灵"\nzh_TW = "有小精靈"\n', "acme.toml")
    own = explain.exclusion_wording("gremlins", policy.warranty.exclusions[0].wording)
    assert own["zh_TW"] == "有小精靈"
    with pytest.raises(UserError, match="give both en and zh_CN"):
        parse_policy(MINIMAL + '[[warranty.exclusions]]\ncode = "gremlins"\nen = "g"\n'
                     'zh_TW = "有小精靈"\n', "acme.toml")
