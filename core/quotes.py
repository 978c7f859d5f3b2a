"""Quote arithmetic: lines, discounts, tax and totals in Decimal, rounded half up to the cent.

Pure: no database. Each line is rounded on its own (net after discount, then its tax), and the
totals are sums of rounded lines, so the printed lines always add up to the printed total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from core.errors import UserError

CENT = Decimal("0.01")
KINDS = ("part", "labour", "freight", "other")
HUNDRED = Decimal(100)


def cents(value: Decimal) -> Decimal:
    """Round to the cent, halves away from zero (commercial rounding, not banker's)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def decimal(value: object, what: str) -> Decimal:
    """A Decimal from user input; floats are refused because they are not exact."""
    if isinstance(value, float):
        raise UserError(f"{what} must be given as text or Decimal, not a float ({value!r}).")
    try:
        result = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError) as exc:
        raise UserError(f"{what} {value!r} is not a number.") from exc
    if not result.is_finite():
        raise UserError(f"{what} {value!r} is not a number.")
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
            raise UserError(f"Quote line {self.description!r}: kind {self.kind!r} is not one of "
                            f"{', '.join(KINDS)}.")
        if not self.description.strip():
            raise UserError("Every quote line needs a description.")
        if self.quantity <= 0:
            raise UserError(f"Quote line {self.description!r}: the quantity must be above 0.")
        if self.unit_price < 0:
            raise UserError(f"Quote line {self.description!r}: the unit price cannot be negative.")
        for name, pct in (("discount", self.discount_percent), ("tax", self.tax_percent)):
            if not 0 <= pct <= 100:
                raise UserError(f"Quote line {self.description!r}: the {name} must be between "
                                f"0 and 100 %.")

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
        raise UserError(f"Currency {currency!r} is not a three-letter code such as CNY.")
    for line in lines:
        if line.currency and line.currency != currency:
            raise UserError(f"Quote line {line.description!r} is priced in {line.currency} but "
                            f"the quote is in {currency}; convert the price first.")


def totals(currency: str, lines: Sequence[Line]) -> Totals:
    """Validate the lines and add them up."""
    check_currency(currency, lines)
    for line in lines:
        line.validate()
    gross = sum((ln.gross for ln in lines), Decimal("0.00"))
    net = sum((ln.net for ln in lines), Decimal("0.00"))
    tax = sum((ln.tax for ln in lines), Decimal("0.00"))
    return Totals(currency, gross, gross - net, net, tax, net + tax)
