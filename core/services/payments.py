"""The customer's payment for a unit: the day it counts from (S1 out of warranty), audited.

A shipping clerk (who collects and checks payments before a parcel goes out) or a supervisor
records it. The unit keeps the day it was paid (`unit.paid_at`); the amount, the currency, the
channel and the reference are kept in the audit entry, which has them with who and when.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from core import audit, center
from core.audit import Change
from core.errors import UserError
from core.models import Quote, Unit, UnitStatus, utcnow
from core.permissions import Role, require
from core.quotes import decimal
from core.services.due_dates import refresh_due
from core.services.repair import get_unit
from core.services.work_orders import get_work_order
from core.unit_of_work import UnitOfWork

CHANNELS = ("bank_transfer", "cash", "card", "alipay", "wechat_pay", "cash_on_delivery", "other")
CENT = Decimal("0.01")
# More than any repair costs: a slipped key (an amount typed twice) is refused, not stored.
MAX_AMOUNT = Decimal("10000000")
_NOT_PAYABLE = (UnitStatus.CANCELLED, UnitStatus.REFUSED)
# A past day's payment is put at the center's noon: its local date is the day entered whatever
# the zone, which is all S1 reads.
_PAST_DAY_TIME = dt.time(12, 0)


@dataclass(frozen=True)
class Payment:
    """What was recorded, for the screen's and the command line's confirmation."""

    unit_id: int
    serial: str
    work_order: str
    amount: Decimal
    currency: str
    paid_on: dt.date
    channel: str


def parse_day(text: str) -> dt.date:
    """A payment day as the user typed it (YYYY-MM-DD)."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{text.strip() or 'An empty day'} is not a date: write the day the "
                        "customer paid as YYYY-MM-DD, e.g. 2026-06-05.") from None


def _amount(value: object) -> Decimal:
    amount = decimal(value, "The amount")
    if amount <= 0:
        raise UserError(f"The amount must be more than zero, not {value}.")
    if amount > MAX_AMOUNT:
        raise UserError(f"{amount} is more than any repair costs; check the amount.")
    if amount != amount.quantize(CENT):
        raise UserError(f"{amount} has more than two decimals; give the amount in cents.")
    return amount.quantize(CENT)


def _currency(uow: UnitOfWork, unit: Unit) -> str:
    """The currency of the quote the customer accepted, else the center's."""
    quoted = uow.session.scalar(select(Quote.currency).where(
        Quote.unit_id == unit.id, Quote.status.in_(("accepted", "paid")))
        .order_by(Quote.version.desc()).limit(1))
    return quoted or center.load(uow).get("center.currency")


def record_payment(uow: UnitOfWork, unit_id: int, amount: object, paid_on: dt.date,
                   channel: str, *, reference: str = "") -> Payment:
    """Record that the customer paid for the unit on `paid_on`; the unit's due dates follow
    (S1 out of warranty counts its working days from the payment).

    Raises:
        UserError: A bad amount, channel or day, a unit cancelled or refused, or one already
            recorded as paid (the message says on which day).
        NotAllowed: Neither a shipping clerk nor a supervisor.
    """
    require(uow.actor, Role.SHIPPING, action="record payments")
    if channel not in CHANNELS:
        raise UserError(f"Unknown payment channel {channel!r}; use one of {', '.join(CHANNELS)}.")
    value = _amount(amount)
    unit = get_unit(uow, unit_id)
    tz = center.load(uow).timezone
    now = utcnow()
    today = now.astimezone(tz).date()
    if paid_on > today:
        raise UserError(f"{paid_on} is in the future; record the payment once it is made.")
    submitted = unit.work_order.submitted_at
    if submitted is not None and paid_on < submitted.astimezone(tz).date():
        raise UserError(f"{paid_on} is before work order {unit.work_order.number} was submitted "
                        f"({submitted.astimezone(tz).date()}); check the day.")
    if unit.status in _NOT_PAYABLE:
        raise UserError(f"{unit.serial} is {unit.status.value}: there is nothing to pay for.")
    if unit.paid_at is not None:
        raise UserError(f"{unit.serial} was already recorded as paid on "
                        f"{unit.paid_at.astimezone(tz).date()}; a supervisor can see the "
                        "payment in the audit log.")
    currency = _currency(uow, unit)
    unit.paid_at = now if paid_on == today else dt.datetime.combine(
        paid_on, _PAST_DAY_TIME, tzinfo=tz)
    audit.record(uow, Change("unit.payment", "unit", str(unit.id), unit.work_order_id,
                             {"paid_at": None},
                             {"unit": unit.serial, "paid_on": paid_on.isoformat(),
                              "amount": str(value), "currency": currency, "channel": channel,
                              "reference": reference.strip()}))
    uow.session.flush()
    refresh_due(uow, unit.work_order)  # S1: out of warranty, the return-by clock starts now
    uow.commit()
    return Payment(unit.id, unit.serial, unit.work_order.number, value, currency, paid_on,
                   channel)


def unit_to_pay(uow: UnitOfWork, work_order: str, serial: str | None) -> int:
    """The unit a payment is for: `serial` on the work order (or its original order number),
    or its only unpaid unit."""
    wo = get_work_order(uow, work_order)
    if serial:
        unit = next((u for u in wo.units if u.serial == serial.strip()), None)
        if unit is None:
            raise UserError(f"Work order {wo.number} has no unit with serial {serial!r}.")
        return unit.id
    unpaid = [u for u in wo.units if u.paid_at is None and u.status not in _NOT_PAYABLE]
    if len(unpaid) != 1:
        serials = ", ".join(u.serial for u in unpaid) or "none"
        raise UserError(f"Work order {wo.number} has {len(unpaid)} unpaid units ({serials}); "
                        "name the serial the payment is for.")
    return unpaid[0].id
