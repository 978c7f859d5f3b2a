"""Presets load; bad policy files are refused naming the file, the key and the problem."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.errors import UserError
from core.policies import list_presets, load_preset, parse_policy
from core.policies.explain import LANGUAGES, MESSAGES

MINIMAL = """
code = "acme"
name = "Acme"
[warranty]
rule = "W9"
period = { starts_from = "purchase", length = 90, unit = "days" }
last_day_counts = true
judged_on = "received"
out_of_warranty_repair = true
"""


def test_presets_ship_for_the_four_seed_vendors() -> None:
    assert list_presets() == ["changkong", "jasminer", "jetharness", "jomplair"]


def test_preset_numbers() -> None:
    ck, jo = load_preset("changkong"), load_preset("jomplair")
    assert (ck.warranty.period.length, ck.warranty.period_without_proof.length, ck.warranty.extension_days) == (180, 240, 60)  # type: ignore[union-attr]
    assert ck.returns.days == 7 and ck.repair.working_days == 3  # type: ignore[union-attr]
    ar = jo.advance_replacement
    assert ar and (ar.ship_within_business_days, ar.return_due_days) == (2, 15)
    assert [(t.from_day, t.to_day, t.rate) for t in ar.fee_tiers] == [(16, 30, Decimal("0.50")), (31, None, Decimal("0.80"))]
    assert {k: v.hours for k, v in jo.service_levels.levels.items()} == {"P1": 4, "P2": 8, "P3": 24}  # type: ignore[union-attr]
    assert jo.service_credit.daily_rate == Decimal("0.001") and jo.service_credit.cap_rate == Decimal("0.05")  # type: ignore[union-attr]
    assert load_preset("jasminer").return_shipping.working_days == 5  # type: ignore[union-attr]
    assert load_preset("jasminer").settings_keys == ("jasminer.warranty_months",)
    assert load_preset("jetharness").spec_mismatch.max_working_days == 14  # type: ignore[union-attr]


def test_unknown_preset() -> None:
    with pytest.raises(UserError, match="no policy preset 'nope'"):
        load_preset("nope")


def test_center_policy_file_parses() -> None:
    p = parse_policy(MINIMAL, "center policy acme")
    assert p.code == "acme" and p.returns is None and p.calendar.country == "CN"


def _replace(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new)


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ("code = [", "not valid TOML", ""),
        (_replace('name = "Acme"\n', ""), "key name", "required but missing"),
        (_replace("length = 90", "length = -5"), "key warranty.period.length", "at least 1"),
        (_replace("length = 90", 'length = "90"'), "key warranty.period.length", "whole number"),
        (_replace("length = 90", "length = true"), "key warranty.period.length", "whole number"),
        (_replace("length = 90, ", ""), "key warranty.period.length", "length_setting"),
        (_replace('unit = "days"', 'unit = "weeks"'), "key warranty.period.unit", "one of days, months"),
        (_replace('judged_on = "received"', 'judged_on = "today"'), "key warranty.judged_on", "one of"),
        (_replace("last_day_counts = true", "last_day_count = true"), "key warranty.last_day_counts", "found 'last_day_count': misspelt?"),
        (_replace('code = "acme"', 'code = "Acme Ltd"'), "key code", "lower-case"),
        (MINIMAL + '[calendar]\ntimezone = "Mars/Base"\n', "key calendar.timezone", "zone"),
        (MINIMAL + '[calendar]\nbusiness_start = "9 am"\n', "key calendar.business_start", "time like 09:00"),
        (MINIMAL + '[calendar]\nbusiness_start = "18:00"\nbusiness_end = "09:00"\n', "key calendar.business_end", "later"),
        (MINIMAL + '[[warranty.exclusions]]\ncode = "gremlins"\n', "key warranty.exclusions[0].code", "no standard wording"),
        (MINIMAL + '[[warranty.exclusions]]\ncode = "water"\n[[warranty.exclusions]]\ncode = "water"\n',
         "key warranty.exclusions", "same code twice"),
        (MINIMAL + '[service_credit]\nrule = "D5"\ndaily_rate = "a lot"\ncap_rate = 0.05\n',
         "key service_credit.daily_rate", "non-negative number"),
        (MINIMAL + '[service_credit]\nrule = "D5"\ndaily_rate = 0.001\n', "key service_credit.cap_rate", "missing"),
        (MINIMAL + '[advance_replacement]\nrule = "R3"\nship_within_business_days = 2\nreturn_due_days = 15\n'
         'fee_tiers = [{ from_day = 16, to_day = 30, rate = 0.5 }, { from_day = 35, rate = 0.8 }]\n',
         "key advance_replacement.fee_tiers", "without gaps"),
        (MINIMAL + '[returns]\nrule = "R1"\nkind = "return"\ndays = 7\nreasons = ["bored"]\nneeds_proof = true\n'
         "customised_refused = false\n", "key returns.reasons", "'bored'"),
        (MINIMAL + '[spec_mismatch]\nrule = "R2"\nmin_working_days = 14\nmax_working_days = 7\n',
         "key spec_mismatch.max_working_days", "not be less"),
        (MINIMAL + '[service_levels]\nrule = "D3"\nclock = "business_hours"\n'
         'levels = [{ code = "P1", hours = 4, evidence = "vibes" }]\n', "key service_levels.levels[0].evidence", "evidence code"),
        (MINIMAL + '[repair]\nrule = "D2"\nworking_days = 3\nweekends = false\n', "key repair.weekends", "not a known key"),
        (MINIMAL + "warranty = 3\n", "", ""),  # duplicate key: TOML error
    ],
)
def test_bad_policy_files_are_refused(text: str, key: str, problem: str) -> None:
    with pytest.raises(UserError) as err:
        parse_policy(text, "acme.toml")
    message = str(err.value)
    assert "acme.toml" in message and key in message and problem in message


def test_a_refused_policy_file_reads_in_the_screen_language() -> None:
    with pytest.raises(UserError) as err:
        parse_policy(_replace("length = 90", 'length = "90"'), "acme.toml")
    assert err.value.in_language("zh_CN") == (
        "政策文件 acme.toml：键 warranty.period.length：必须是整数，实际为 '90'")
    assert err.value.in_language("zh_TW") == (
        "政策檔案 acme.toml：鍵 warranty.period.length：必須是整數，實際為 '90'")
    # A misspelt key keeps its hint; a bad zone keeps the calendar's own words.
    with pytest.raises(UserError) as err:
        parse_policy(_replace("last_day_counts = true", "last_day_count = true"), "acme.toml")
    assert err.value.in_language("zh_TW").endswith(
        "鍵 warranty.last_day_counts：為必填項目，但缺少（找到了 'last_day_count'：是否拼錯？）")
    with pytest.raises(UserError) as err:
        parse_policy(MINIMAL + '[calendar]\ntimezone = "Mars/Base"\n', "acme.toml")
    assert err.value.in_language("zh_CN") == (
        "政策文件 acme.toml：键 calendar.timezone：时区 'Mars/Base' 既不是 +08:00 "
        "这样的偏移量，也不是时区名称")


def test_an_unknown_preset_reads_in_the_screen_language() -> None:
    with pytest.raises(UserError) as err:
        load_preset("nope")
    assert err.value.in_language("zh_CN") == (
        "没有政策预设 'nope'；现有预设：changkong, jasminer, jetharness, jomplair")
    assert err.value.in_language("zh_TW").startswith("沒有政策預設 'nope'；現有預設：")


def test_own_wording_for_a_new_exclusion_code() -> None:
    p = parse_policy(MINIMAL + '[[warranty.exclusions]]\ncode = "gremlins"\nen = "gremlins inside"\nzh_CN = "有小精灵"\n', "x")
    assert p.warranty.exclusions[0].wording == {"en": "gremlins inside", "zh_CN": "有小精灵"}


def test_catalogue_is_complete_in_every_language() -> None:
    # A later translation issue adds zh_TW here; every message must exist in every language.
    for message_id, texts in MESSAGES.items():
        assert set(LANGUAGES) <= set(texts), message_id
