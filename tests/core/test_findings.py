"""Test templates: pass/fail from limits and choices, and bad template files."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from core.errors import UserError
from core.findings import parse_templates, spec_named, template_for


@pytest.mark.parametrize(("value", "result"), [
    ("11.6", "pass"), ("12.6", "pass"), ("11.59", "fail"), ("12.61", "fail"), ("12,1", "pass")])
def test_psu_voltage_against_its_limits(value: str, result: str) -> None:
    spec = spec_named("miner", "PSU output voltage")
    assert spec is not None and spec.lower == D("11.6")
    assert spec.evaluate(value) == result


def test_open_limits_and_choices() -> None:
    pin = spec_named("cable", "Continuity pin 1")
    assert pin and pin.evaluate("0") == "pass" and pin.evaluate("1.01") == "fail"
    assert pin.limits_text() == "<= 1.0 ohm"
    insulation = spec_named("cable", "Insulation resistance")
    assert insulation and insulation.evaluate("99.9") == "fail"
    fan = spec_named("miner", "Fan test")
    assert fan and fan.evaluate("ok") == "pass" and fan.evaluate("stalled") == "fail"
    with pytest.raises(UserError, match="not one of"):
        fan.evaluate("broken")
    with pytest.raises(UserError, match="not a number"):
        pin.evaluate("low")


def test_every_category_of_the_catalogue_has_a_template() -> None:
    for category in ("miner", "cable", "optical_module", "switch", "computer", "panel"):
        assert template_for(category), category
    assert [t.name for t in template_for("optical_module")] == ["Tx power", "Rx power",
                                                                "DDM readout"]
    assert template_for("toaster") == ()


@pytest.mark.parametrize(("text", "message"), [
    ("[[miner]]\nunit = 'V'\n", "miner test 1: every test needs a name"),
    ("[[miner]]\nname = 'x'\nlower = 2\nupper = 1\n", "lower limit 2 is above upper 1"),
    ("[[miner]]\nname = 'x'\nchoices = ['a']\npassing = ['b']\n", "among the choices"),
    ("miner = 3\n", "must be a list"),
    ("[[miner]\n", "t.toml"),
])
def test_bad_template_files_say_where(text: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        parse_templates(text, "t.toml")


def test_refusals_read_in_chinese() -> None:
    fan = spec_named("miner", "Fan test")
    assert fan is not None
    with pytest.raises(UserError) as refused:
        fan.evaluate("broken")
    assert refused.value.in_language("zh_CN").startswith("Fan test：'broken' 不是可选值（")
    assert refused.value.in_language("zh_TW").startswith("Fan test：'broken' 不是可選值（")
    with pytest.raises(UserError) as refused:
        parse_templates("[[miner]]\nname = 'x'\nlower = 2\nupper = 1\n", "t.toml")
    assert refused.value.in_language("zh_CN") == "t.toml：miner 第 1 项测试：下限 2 高于上限 1。"
    assert refused.value.in_language("zh_TW") == "t.toml：miner 第 1 項測試：下限 2 高於上限 1。"


def test_tests_and_choices_speak_chinese_and_keep_english_as_the_key() -> None:
    fan = spec_named("miner", "Fan test")
    assert fan is not None and fan.name == "Fan test"
    assert fan.name_in("zh_CN") == "风扇测试" and fan.name_in("zh_TW") == "風扇測試"
    assert fan.name_in("en") == fan.name_in(None) == fan.name_in("fr") == "Fan test"
    assert fan.choice_in("noisy", "zh_CN") == "异响" and fan.choice_in("noisy", "zh_TW") == "異音"
    assert fan.choice_in("noisy", "en") == "noisy"
    assert fan.choice_in("on fire", "zh_CN") == "on fire"  # not a choice: as given
    assert fan.limits_text("zh_CN") == "正常 / 异响 / 停转 / 缺失"
    assert fan.limits_text() == "ok / noisy / stalled / missing"
    assert fan.evaluate("ok") == "pass"  # entries stay the English values
    chips = spec_named("miner", "Hashboard 1 chips detected")
    assert chips and chips.name_in("zh_CN") == "1号算力板芯片数"
    assert chips.name_in("zh_TW") == "1號算力板晶片數"


def test_every_shipped_test_has_both_chinese_names_and_choices() -> None:
    for category in ("miner", "cable", "optical_module", "switch", "computer", "panel"):
        for spec in template_for(category):
            assert spec.name_zh_CN and spec.name_zh_TW, (category, spec.name)
            if spec.choices:
                assert len(spec.choices_zh_CN) == len(spec.choices_zh_TW) == len(spec.choices)


def test_traditional_falls_back_to_simplified_then_english() -> None:
    specs = parse_templates(
        "[[miner]]\nname = 'Fan test'\nzh_CN = '风扇测试'\nchoices = ['ok', 'noisy']\n"
        "choices_zh_CN = ['正常', '异响']\npassing = ['ok']\n"
        "[[miner]]\nname = 'Hum'\nunit = 'dB'\n", "t.toml")["miner"]
    fan, hum = specs
    assert fan.name_in("zh_TW") == "风扇测试" and fan.choice_in("noisy", "zh_TW") == "异响"
    # A center's own file without translations: English everywhere.
    assert hum.name_in("zh_CN") == hum.name_in("zh_TW") == "Hum"
    assert hum.choices_zh_CN == () and hum.name_zh_CN == ""


@pytest.mark.parametrize(("text", "message"), [
    ("[[miner]]\nname = 'x'\nchoices = ['a', 'b']\nchoices_zh_CN = ['甲']\n",
     "miner test 1: choices_zh_CN must give one text per choice \\(2\\)"),
    ("[[miner]]\nname = 'x'\nchoices = ['a']\nchoices_zh_TW = ['甲', '乙']\n",
     "choices_zh_TW must give one text per choice \\(1\\)"),
    ("[[miner]]\nname = 'x'\nchoices = ['a']\nchoices_zh_CN = [1]\n", "choices_zh_CN must be text"),
    ("[[miner]]\nname = 'x'\nchoices = ['a']\nchoices_zh_CN = '甲'\n", "choices_zh_CN must be text"),
    ("[[miner]]\nname = 'x'\nzh_TW = 3\n", "miner test 1: zh_TW must be text"),
])
def test_bad_translations_are_refused(text: str, message: str) -> None:
    with pytest.raises(UserError, match=message) as refused:
        parse_templates(text, "t.toml")
    assert refused.value.in_language("zh_CN").startswith("t.toml：miner 第 1 项测试：")
