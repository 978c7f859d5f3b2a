"""A repair report's findings in the customer's language: a template test's name and choice are
printed in Chinese, while the stored finding keeps its English words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core.models import Finding, Product
from reports.from_models import report_data_for
from reports.pdf_report import render_report_pdf
from tests.reports.pdftools import all_text, squash
from tests.reports.test_from_models import CENTER, work_order


def _findings() -> list[Finding]:
    return [Finding(test_name="Hashboard 1 chips detected", result="fail", value="120",
                    measure_unit="chips", lower_limit=Decimal("126"), upper_limit=Decimal("126")),
            Finding(test_name="Fan test", result="fail", value="noisy"),
            # A test the template no longer has prints as stored.
            Finding(test_name="Old hashboard probe", result="info", value="seen")]


def _miner_order() -> object:
    wo = work_order()
    miner = Product(id=2, model="X16-Q", name="Miner", brand="Jasminer", policy_code="jasminer",
                    category="miner")
    for unit in wo.units:
        unit.product = miner
    return wo


@pytest.mark.parametrize(("language", "chips", "fan", "noisy"), [
    ("zh_CN", "1号算力板芯片数", "风扇测试", "异响"),
    ("zh_TW", "1號算力板晶片數", "風扇測試", "異音"),
    ("en", "Hashboard 1 chips detected", "Fan test", "noisy"),
])
def test_report_prints_template_tests_in_the_customers_language(
        language: str, chips: str, fan: str, noisy: str) -> None:
    findings = _findings()
    report = report_data_for(_miner_order(), CENTER, findings={1: findings},  # type: ignore[arg-type]
                             date=dt.date(2026, 12, 3), language=language)
    rows = report.units[0].findings
    assert [(r.test, r.value) for r in rows] == [
        (chips, "120"), (fan, noisy), ("Old hashboard probe", "seen")]
    text = all_text(render_report_pdf(report))
    assert squash(chips) in text and squash(fan) in text and noisy in text
    assert "Oldhashboardprobe" in text
    # The rows stay as recorded: the English name and choice are the key.
    assert findings[0].test_name == "Hashboard 1 chips detected" and findings[1].value == "noisy"


def test_a_unit_without_a_category_prints_findings_as_stored() -> None:
    report = report_data_for(work_order(), CENTER, findings={1: _findings()}, language="zh_CN")
    assert [r.test for r in report.units[0].findings] == [
        "Hashboard 1 chips detected", "Fan test", "Old hashboard probe"]
