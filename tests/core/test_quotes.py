"""Quote arithmetic: half-up rounding per line, discounts, tax, totals, currency."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from core.errors import UserError
from core.quotes import Line, cents, decimal, totals


def test_half_up_rounding_not_bankers() -> None:
    assert cents(D("0.125")) == D("0.13")  # banker's rounding would give 0.12
    assert cents(D("2.675")) == D("2.68")
    assert cents(D("-0.125")) == D("-0.13")


def test_line_discount_then_tax_rounded_per_line() -> None:
    ln = Line("labour", "Bench hour", D("1.5"), D("33.33"), D("10"), D("13"))
    assert ln.gross == D("50.00")  # 49.995 rounds up
    assert ln.net == D("45.00")  # 44.9955 rounds up
    assert ln.tax == D("5.85")
    assert ln.total == D("50.85")


def test_totals_are_sums_of_rounded_lines() -> None:
    # Three lines of 0.005 tax each: rounding the sum (0.015 -> 0.02) would differ from the
    # printed lines (0.01 x 3 = 0.03); the total must match what the customer reads.
    lines = [Line("other", f"Item {i}", D(1), D("0.10"), D(0), D(5)) for i in range(3)]
    t = totals("CNY", lines)
    assert [ln.tax for ln in lines] == [D("0.01")] * 3
    assert (t.net, t.tax, t.total) == (D("0.30"), D("0.03"), D("0.33"))


def test_totals_with_parts_labour_freight() -> None:
    lines = [Line("part", "Hashboard", D(1), D("1200.00"), D("5"), D("13"), currency="CNY"),
             Line("labour", "Labour", D(2), D("80.00"), D(0), D("6")),
             Line("freight", "SF Express", D(1), D("45.50"))]
    t = totals("CNY", lines)
    assert t.gross == D("1405.50")
    assert t.discount == D("60.00")
    assert t.net == D("1345.50")
    assert t.tax == D("148.20") + D("9.60")
    assert t.total == D("1503.30")


def test_currency_must_match() -> None:
    with pytest.raises(UserError, match="priced in USD but the quote is in CNY"):
        totals("CNY", [Line("part", "Fan", D(1), D(10), currency="USD")])
    with pytest.raises(UserError, match="three-letter"):
        totals("yuan", [Line("part", "Fan", D(1), D(10))])


@pytest.mark.parametrize(("line", "message"), [
    (Line("gift", "x", D(1), D(1)), "kind"),
    (Line("part", " ", D(1), D(1)), "description"),
    (Line("part", "x", D(0), D(1)), "quantity"),
    (Line("part", "x", D(1), D(-1)), "negative"),
    (Line("part", "x", D(1), D(1), D(101)), "discount"),
    (Line("part", "x", D(1), D(1), D(0), D(-1)), "tax"),
])
def test_bad_lines_are_refused(line: Line, message: str) -> None:
    with pytest.raises(UserError, match=message):
        totals("CNY", [line])


def test_input_is_exact() -> None:
    assert decimal("1,200.50", "Unit price") == D("1200.50")
    with pytest.raises(UserError, match="not a float"):
        decimal(0.1, "Unit price")
    with pytest.raises(UserError, match="not a number"):
        decimal("abc", "Quantity")
    with pytest.raises(UserError, match="not a number"):
        decimal("NaN", "Quantity")


def test_refusals_read_in_chinese() -> None:
    with pytest.raises(UserError) as refused:
        totals("CNY", [Line("part", "Fan", D(1), D(10), currency="USD")])
    assert refused.value.in_language("zh_CN") == (
        "报价行 'Fan' 以 USD 计价，但报价单使用 CNY；请先换算价格。")
    assert refused.value.in_language("zh_TW") == (
        "報價行 'Fan' 以 USD 計價，但報價單使用 CNY；請先換算價格。")
    with pytest.raises(UserError) as refused:
        totals("CNY", [Line("part", "x", D(1), D(1), D(0), D(-1))])
    assert str(refused.value) == "Quote line 'x': the tax must be between 0 and 100 %."
    assert refused.value.in_language("zh_TW") == "報價行 'x'：稅率必須介於 0 到 100% 之間。"
