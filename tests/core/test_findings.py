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
