"""Quote arithmetic: lines, discounts, tax and totals in Decimal, rounded half up to the cent.

Pure: no database. Each line is rounded on its own (net after discount, then its tax), and the
totals are sums of rounded lines, so the printed lines always add up to the printed total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from core import messages
from core.errors import UserError

CENT = Decimal("0.01")
KINDS = ("part", "labour", "freight", "other")
HUNDRED = Decimal(100)

messages.add({
    "quote.float": {
        "en": "{what} must be given as text or Decimal, not a float ({value!r}).",
        "zh_CN": "{what}须以文本或 Decimal 给出，不能是浮点数（{value!r}）。",
        "zh_TW": "{what}須以文字或 Decimal 提供，不能是浮點數（{value!r}）。",
    },
    "quote.not_a_number": {
        "en": "{what} {value!r} is not a number.",
        "zh_CN": "{what} {value!r} 不是数字。",
        "zh_TW": "{what} {value!r} 不是數字。",
    },
    # What a number typed on a quote line is; `decimal` names it in its refusal.
    "quote.word.quantity": {"en": "Quantity", "zh_CN": "数量", "zh_TW": "數量"},
    "quote.word.unit_price": {"en": "Unit price", "zh_CN": "单价", "zh_TW": "單價"},
    "quote.word.discount": {"en": "Discount", "zh_CN": "折扣", "zh_TW": "折扣"},
    "quote.word.tax": {"en": "Tax", "zh_CN": "税率", "zh_TW": "稅率"},
    "quote.bad_kind": {
        "en": "Quote line {description!r}: kind {kind!r} is not one of {kinds}.",
        "zh_CN": "报价行 {description!r}：类型 {kind!r} 不是 {kinds} 之一。",
        "zh_TW": "報價行 {description!r}：類型 {kind!r} 不是 {kinds} 之一。",
    },
    "quote.no_description": {
        "en": "Every quote line needs a description.",
        "zh_CN": "每个报价行都需要填写说明。",
        "zh_TW": "每個報價行都需要填寫說明。",
    },
    "quote.no_quantity": {
        "en": "Quote line {description!r}: the quantity must be above 0.",
        "zh_CN": "报价行 {description!r}：数量必须大于 0。",
        "zh_TW": "報價行 {description!r}：數量必須大於 0。",
    },
    "quote.negative_price": {
        "en": "Quote line {description!r}: the unit price cannot be negative.",
        "zh_CN": "报价行 {description!r}：单价不能为负数。",
        "zh_TW": "報價行 {description!r}：單價不能是負數。",
    },
    "quote.discount_range": {
        "en": "Quote line {description!r}: the discount must be between 0 and 100 %.",
        "zh_CN": "报价行 {description!r}：折扣必须在 0 到 100% 之间。",
        "zh_TW": "報價行 {description!r}：折扣必須介於 0 到 100% 之間。",
    },
    "quote.tax_range": {
        "en": "Quote line {description!r}: the tax must be between 0 and 100 %.",
        "zh_CN": "报价行 {description!r}：税率必须在 0 到 100% 之间。",
        "zh_TW": "報價行 {description!r}：稅率必須介於 0 到 100% 之間。",
    },
    "quote.bad_currency": {
        "en": "Currency {currency!r} is not a three-letter code such as CNY.",
        "zh_CN": "币种 {currency!r} 不是三个字母的代码（如 CNY）。",
        "zh_TW": "幣別 {currency!r} 不是三個字母的代碼（例如 CNY）。",
    },
    "quote.other_currency": {
        "en": "Quote line {description!r} is priced in {line_currency} but the quote is in "
              "{currency}; convert the price first.",
        "zh_CN": "报价行 {description!r} 以 {line_currency} 计价，但报价单使用 {currency}；"
                 "请先换算价格。",
        "zh_TW": "報價行 {description!r} 以 {line_currency} 計價，但報價單使用 {currency}；"
                 "請先換算價格。",
    },
})


QUANTITY = messages.Phrase("quote.word.quantity")
UNIT_PRICE = messages.Phrase("quote.word.unit_price")
DISCOUNT = messages.Phrase("quote.word.discount")
TAX = messages.Phrase("quote.word.tax")


def cents(value: Decimal) -> Decimal:
    """Round to the cent, halves away from zero (commercial rounding, not banker's)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def decimal(value: object, what: str | messages.Phrase) -> Decimal:
    """A Decimal from user input; floats are refused because they are not exact.

    `what` names the number in the refusal: a Phrase (e.g. `QUANTITY`) reads in the screen's
    language, a plain string reads the same in every language.
    """
    if isinstance(value, float):
        raise UserError.of("quote.float", what=what, value=value)
    try:
        result = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError) as exc:
        raise UserError.of("quote.not_a_number", what=what, value=value) from exc
    if not result.is_finite():
        raise UserError.of("quote.not_a_number", what=what, value=value)
    return result


@dataclass(frozen=True)
class Line:
    """One priced line of a quote."""

    kind: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal = Decimal(0)
    tax_percent: Decimal = Decimal(0)
    currency: str | None = None  # a part's price currency, checked against the quote's

    def validate(self) -> None:
        """Raise `UserError` naming the line's first problem."""
        if self.kind not in KINDS:
            raise UserError.of("quote.bad_kind", description=self.description, kind=self.kind,
                               kinds=", ".join(KINDS))
        if not self.description.strip():
            raise UserError.of("quote.no_description")
        if self.quantity <= 0:
            raise UserError.of("quote.no_quantity", description=self.description)
        if self.unit_price < 0:
            raise UserError.of("quote.negative_price", description=self.description)
        if not 0 <= self.discount_percent <= 100:
            raise UserError.of("quote.discount_range", description=self.description)
        if not 0 <= self.tax_percent <= 100:
            raise UserError.of("quote.tax_range", description=self.description)

    @property
    def gross(self) -> Decimal:
        """Quantity times unit price, before discount, rounded to the cent."""
        return cents(self.quantity * self.unit_price)

    @property
    def net(self) -> Decimal:
        """The line after its discount, rounded to the cent."""
        return cents(self.quantity * self.unit_price * (HUNDRED - self.discount_percent) / HUNDRED)

    @property
    def tax(self) -> Decimal:
        return cents(self.net * self.tax_percent / HUNDRED)

    @property
    def total(self) -> Decimal:
        return self.net + self.tax


@dataclass(frozen=True)
class Totals:
    """A quote's sums; `discount` is what the discounts took off."""

    currency: str
    gross: Decimal
    discount: Decimal
    net: Decimal
    tax: Decimal
    total: Decimal


def check_currency(currency: str, lines: Iterable[Line]) -> None:
    """Every line's own currency (a part's price) must be the quote's: no silent conversion."""
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise UserError.of("quote.bad_currency", currency=currency)
    for line in lines:
        if line.currency and line.currency != currency:
            raise UserError.of("quote.other_currency", description=line.description,
                               line_currency=line.currency, currency=currency)


def totals(currency: str, lines: Sequence[Line]) -> Totals:
    """Validate the lines and add them up."""
    check_currency(currency, lines)
    for line in lines:
        line.validate()
    gross = sum((ln.gross for ln in lines), Decimal("0.00"))
    net = sum((ln.net for ln in lines), Decimal("0.00"))
    tax = sum((ln.tax for ln in lines), Decimal("0.00"))
    return Totals(currency, gross, gross - net, net, tax, net + tax)
