"""Plain, frozen data the document renderers take.

The renderers never see a database session or an ORM object: `reports.from_models` turns
`core.models` rows into these dataclasses, so a document can be rendered (and tested) from literals.
Money is always `Decimal`; dates are `datetime.date` / aware `datetime.datetime` or None when unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")

# Who pays the return freight (Shipment.freight_payer), as the document-wording key printed on
# labels (rules S1, S2; see reports.wording).
FREIGHT_PAYER_KEY: dict[str, str] = {
    "center": "doc.freight.sender",
    "sender": "doc.freight.sender",
    "customer": "doc.freight.receiver",
    "receiver": "doc.freight.receiver",
    "split": "doc.freight.split",
}


def money(amount: Decimal) -> Decimal:
    """Round to cents the way an invoice does (half up, not banker's rounding)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(amount: Decimal, currency: str) -> str:
    """`CNY 1,234.50`: thousands separators, always two decimals."""
    return f"{currency} {money(amount):,.2f}".strip()


def is_barcode_text(value: str) -> bool:
    """Whether Code 128 can carry `value` (printable ASCII only)."""
    return bool(value) and all(32 <= ord(ch) < 127 for ch in value)


@dataclass(frozen=True)
class Address:
    """A postal address with the person to hand it to."""

    name: str = ""
    company: str = ""
    phone: str = ""
    lines: tuple[str, ...] = ()
    city: str = ""
    province: str = ""
    postal_code: str = ""
    country: str = ""

    @property
    def locality(self) -> str:
        """City, province and postal code on one line, skipping the empty ones."""
        return " ".join(p for p in (self.city, self.province, self.postal_code) if p.strip())

    def postal_lines(self) -> list[str]:
        """Street lines, locality and country: what goes under the name on a label."""
        out = [line for line in self.lines if line.strip()]
        out += [p for p in (self.locality, self.country) if p.strip()]
        return out

    def person_lines(self) -> list[str]:
        """Name (with company) and phone, skipping what is unknown."""
        out = [" ".join(p for p in (self.name, self.company) if p.strip())]
        if self.phone.strip():
            out.append(self.phone)
        return [line for line in out if line.strip()]

    def all_lines(self) -> list[str]:
        return self.person_lines() + self.postal_lines()

    @property
    def is_empty(self) -> bool:
        return not any(line.strip() for line in self.all_lines())


@dataclass(frozen=True)
class CenterInfo:
    """The repair center as it appears on documents (from the `center.*` settings)."""

    name: str
    address: str = ""  # free text, lines separated by newlines
    phone: str = ""

    def as_address(self) -> Address:
        return Address(name=self.name, phone=self.phone,
                       lines=tuple(line for line in self.address.splitlines() if line.strip()))


@dataclass(frozen=True)
class LabelData:
    """One parcel's return label (rules S1, S2)."""

    sender: CenterInfo
    recipient: Address
    carrier: str
    service: str
    tracking_number: str
    work_order_number: str
    parcel_no: int = 1
    parcel_count: int = 1
    cod_amount: Decimal | None = None
    currency: str = "CNY"
    freight_payer: str = "center"
    serials: tuple[str, ...] = ()
    language: str = "en"  # the customer's document language (reports.wording)

    def __post_init__(self) -> None:
        # Fail before printing: a label whose barcode cannot carry the value is worse than none.
        if not 1 <= self.parcel_no <= max(self.parcel_count, 1):
            raise ValueError(f"parcel {self.parcel_no} of {self.parcel_count} is impossible")
        for what, value in (("tracking number", self.tracking_number),
                            ("work order number", self.work_order_number)):
            if value and not is_barcode_text(value):
                raise ValueError(f"{what} {value!r} cannot be a Code 128 barcode (ASCII only)")

    @property
    def has_cod(self) -> bool:
        return self.cod_amount is not None and self.cod_amount > 0


    @property
    def qr_payload(self) -> str:
        """What the label's QR code carries: the work order and the serials in this parcel.

        No newlines, so the same text survives ZPL (which drops CR/LF inside field data).
        """
        payload = f"WO:{self.work_order_number}"
        if self.serials:
            payload += ";SN:" + ",".join(self.serials)
        return payload


@dataclass(frozen=True)
class FindingRow:
    """One test result as printed in the report's findings table."""

    test: str
    result: str
    value: str = ""
    unit: str = ""
    limits: str = ""
    notes: str = ""


@dataclass(frozen=True)
class RepairLine:
    """One repair action, with the part used if any."""

    description: str
    part: str = ""
    quantity: int = 1
    old_serial: str = ""
    new_serial: str = ""


@dataclass(frozen=True)
class ChargeLine:
    """One charged line; `total` includes tax."""

    description: str
    quantity: Decimal
    unit_price: Decimal
    total: Decimal
    serial: str = ""


@dataclass(frozen=True)
class ReportUnit:
    """One unit's part of the repair report."""

    serial: str
    model: str = ""
    intake_condition: str = ""
    findings: tuple[FindingRow, ...] = ()
    cause: str = ""
    warranty_decision: str = ""
    warranty_explanation: str = ""
    repairs: tuple[RepairLine, ...] = ()


@dataclass(frozen=True)
class ReportData:
    """The repair report the customer receives with the units."""

    center: CenterInfo
    work_order_number: str
    customer: Address
    return_address: Address
    units: tuple[ReportUnit, ...] = ()
    charges: tuple[ChargeLine, ...] = ()
    currency: str = "CNY"
    technician: str = ""
    date: dt.date | None = None
    language: str = "en"

    @property
    def charges_total(self) -> Decimal:
        return money(sum((line.total for line in self.charges), Decimal("0")))


@dataclass(frozen=True)
class QuoteLineData:
    """One priced line; `line_total` is after discount, before tax."""

    kind: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal = Decimal("0")
    tax_percent: Decimal = Decimal("0")
    line_total: Decimal = Decimal("0")

    @property
    def tax(self) -> Decimal:
        return money(self.line_total * self.tax_percent / 100)


def quote_line(kind: str, description: str, quantity: Decimal, unit_price: Decimal,
               discount_percent: Decimal = Decimal("0"),
               tax_percent: Decimal = Decimal("0")) -> QuoteLineData:
    """A quote line with its total computed (rounded per line, as the customer can check it)."""
    total = money(quantity * unit_price * (100 - discount_percent) / 100)
    return QuoteLineData(kind, description, quantity, unit_price, discount_percent, tax_percent,
                         total)


@dataclass(frozen=True)
class QuoteData:
    """A repair quote for the customer's signature (rule D1)."""

    center: CenterInfo
    work_order_number: str
    customer: Address
    lines: tuple[QuoteLineData, ...]
    currency: str = "CNY"
    valid_until: dt.date | None = None
    version: int = 1
    serial: str = ""
    model: str = ""
    language: str = "en"

    @property
    def subtotal(self) -> Decimal:
        return money(sum((line.line_total for line in self.lines), Decimal("0")))

    @property
    def tax(self) -> Decimal:
        return money(sum((line.tax for line in self.lines), Decimal("0")))

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.tax


@dataclass(frozen=True)
class UnitLine:
    """A unit named on a slip."""

    serial: str
    model: str = ""


@dataclass(frozen=True)
class IntakeSlipData:
    """The slip that goes into the box at the intake bench."""

    center: CenterInfo
    work_order_number: str
    customer: Address
    received_at: dt.datetime | None = None
    station: str = ""
    condition: str = ""
    units_received: tuple[UnitLine, ...] = ()
    units_missing: tuple[UnitLine, ...] = ()
    inbound_tracking: str = ""
    language: str = "en"

    def __post_init__(self) -> None:
        if not is_barcode_text(self.work_order_number):
            raise ValueError(f"work order number {self.work_order_number!r} cannot be a barcode")


@dataclass(frozen=True)
class RefusedScan:
    """One scan made on a refused parcel, with its reason in plain words."""

    raw: str
    verdict: str = ""
    reason: str = ""


@dataclass(frozen=True)
class RefusalSlipData:
    """The slip that goes back with a refused parcel and says why (rule S3)."""

    center: CenterInfo
    sender: Address | None = None
    received_at: dt.datetime | None = None
    station: str = ""
    carrier: str = ""
    inbound_tracking: str = ""
    condition: str = ""
    reasons: tuple[str, ...] = ()
    scans: tuple[RefusedScan, ...] = field(default_factory=tuple)
    language: str = "en"
