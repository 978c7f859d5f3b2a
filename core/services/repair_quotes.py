"""Repair quotes: drafting, sending (then frozen, a change makes version n+1), the customer's
answer (D1: repair starts only after acceptance; D2: the repair-by clock starts then)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select

from core import audit, center
from core.audit import Change
from core.errors import UserError
from core.models import Part, Quote, QuoteLine, Unit, UnitStatus, utcnow
from core.permissions import Role, require
from core.quotes import Line, Totals, decimal, totals
from core.services.repair import get_unit, move, workflow_facts
from core.unit_of_work import UnitOfWork

ANSWERS = ("accepted", "declined")
CHANNELS = ("phone", "email", "portal", "in_person", "chat", "letter")
DEFAULT_VALID_DAYS = 30


def line(kind: str, description: str, quantity: object, unit_price: object,
         discount_percent: object = 0, tax_percent: object = 0) -> Line:
    """A quote line from what the technician typed (text or Decimal, never float)."""
    return Line(kind, description, decimal(quantity, "Quantity"), decimal(unit_price, "Unit price"),
                decimal(discount_percent, "Discount"), decimal(tax_percent, "Tax"))


def part_line(uow: UnitOfWork, part_number: str, quantity: object = 1,
              discount_percent: object = 0, tax_percent: object = 0) -> Line:
    """A line priced from the parts list, carrying the part's currency for the check."""
    part = uow.session.scalars(select(Part).where(Part.number == part_number)).first()
    if part is None:
        raise UserError(f"Part {part_number!r} is not in the parts list.")
    base = line("part", f"{part.number} {part.name}", quantity, part.price, discount_percent,
                tax_percent)
    return Line(**{**base.__dict__, "currency": part.currency})


def quote_totals(quote: Quote) -> Totals:
    return totals(quote.currency, [to_line(ln) for ln in quote.lines])


def to_line(row: QuoteLine) -> Line:
    return Line(row.kind, row.description, row.quantity, row.unit_price,
                row.discount_percent or 0, row.tax_percent or 0)


def latest_quote(uow: UnitOfWork, unit_id: int) -> Quote | None:
    return uow.session.scalars(select(Quote).where(Quote.unit_id == unit_id)
                               .order_by(Quote.version.desc()).limit(1)).first()


def _check_may_quote(uow: UnitOfWork, unit: Unit) -> None:
    if unit.status not in (UnitStatus.IN_DIAGNOSIS, UnitStatus.QUOTE_SENT):
        raise UserError(f"{unit.serial} is {unit.status.value.replace('_', ' ')}: quotes are made "
                        "after the diagnosis and before the customer's acceptance.")
    facts = workflow_facts(uow, unit)
    if facts.decision is None:
        raise UserError(f"Record the diagnosis of {unit.serial} before quoting.")
    if facts.decision == "covered":
        raise UserError(f"{unit.serial} is covered by warranty: it is repaired without a quote.")
    if facts.decision == "not_covered" and not facts.repair_offered:
        raise UserError(f"The policy of {unit.serial} offers no repair out of warranty (W1): "
                        "recommend a replacement of the whole assembly instead of a quote.")


def save_quote(uow: UnitOfWork, unit_id: int, lines: Sequence[Line], *, currency: str | None = None,
               valid_until: dt.date | None = None) -> Quote:
    """Write the unit's draft quote; when the latest version was sent, make version n+1."""
    require(uow.actor, Role.REPAIR, action="make quotes")
    unit = get_unit(uow, unit_id)
    _check_may_quote(uow, unit)
    if not lines:
        raise UserError("A quote needs at least one line.")
    currency = currency or center.load(uow).get("center.currency")
    total = totals(currency, lines)  # validates every line and the currency
    quote = latest_quote(uow, unit.id)
    if quote is not None and quote.status != "draft":
        if quote.status in ANSWERS:
            raise UserError(f"The customer already {quote.status} quote version {quote.version}.")
        quote = None  # a sent quote is frozen
    before = None
    if quote is None:
        version = (uow.session.scalar(select(func.max(Quote.version))
                                      .where(Quote.unit_id == unit.id)) or 0) + 1
        quote = Quote(unit_id=unit.id, version=version, status="draft",
                      created_by=uow.actor.user_id, created_at=utcnow())
        uow.session.add(quote)
    else:
        before = {"total": str(quote_totals(quote).total), "lines": len(quote.lines)}
        quote.lines.clear()
        uow.session.flush()
    quote.currency, quote.valid_until = currency, valid_until
    for i, ln in enumerate(lines, 1):
        quote.lines.append(QuoteLine(position=i, kind=ln.kind, description=ln.description,
                                     quantity=ln.quantity, unit_price=ln.unit_price,
                                     discount_percent=ln.discount_percent,
                                     tax_percent=ln.tax_percent))
    uow.session.flush()
    audit.record(uow, Change("quote.save", "quote", str(quote.id), unit.work_order_id, before,
                             {"unit": unit.serial, "version": quote.version, "currency": currency,
                              "total": str(total.total), "lines": len(lines)}))
    uow.commit()
    return quote


def send_quote(uow: UnitOfWork, quote_id: int, *, valid_days: int = DEFAULT_VALID_DAYS) -> Quote:
    """Freeze the draft and send it; earlier sent versions are superseded."""
    require(uow.actor, Role.REPAIR, action="send quotes")
    quote = uow.session.get(Quote, quote_id)
    if quote is None:
        raise UserError(f"There is no quote {quote_id}.")
    if quote.status != "draft":
        raise UserError(f"Quote version {quote.version} was already sent; change it to make a "
                        "new version.")
    unit = get_unit(uow, quote.unit_id)
    _check_may_quote(uow, unit)
    total = quote_totals(quote)
    now = utcnow()
    if quote.valid_until is None:
        today = now.astimezone(center.load(uow).timezone).date()
        quote.valid_until = today + dt.timedelta(days=valid_days)
    for older in uow.session.scalars(select(Quote).where(
            Quote.unit_id == unit.id, Quote.id != quote.id, Quote.status == "sent")):
        older.status = "superseded"
    quote.status, quote.sent_at = "sent", now
    if unit.status == UnitStatus.IN_DIAGNOSIS:
        move(uow, unit, UnitStatus.QUOTE_SENT, f"quote v{quote.version} sent")
    audit.record(uow, Change("quote.send", "quote", str(quote.id), unit.work_order_id, None,
                             {"unit": unit.serial, "version": quote.version,
                              "total": str(total.total), "currency": quote.currency,
                              "valid_until": quote.valid_until.isoformat()}))
    uow.commit()
    return quote


def record_customer_answer(uow: UnitOfWork, quote_id: int, answer: str, *, channel: str,
                           answered_at: dt.datetime | None = None) -> Quote:
    """The customer's answer to the sent quote: accepted moves the unit on (D1) and starts the
    repair-by clock (D2); declined sends it back unrepaired."""
    require(uow.actor, Role.REPAIR, action="record customer answers")
    if answer not in ANSWERS:
        raise UserError(f"The answer is {' or '.join(ANSWERS)}, not {answer!r}.")
    if channel not in CHANNELS:
        raise UserError(f"Unknown channel {channel!r}; use one of {', '.join(CHANNELS)}.")
    quote = uow.session.get(Quote, quote_id)
    if quote is None:
        raise UserError(f"There is no quote {quote_id}.")
    if quote.status != "sent":
        raise UserError(f"Quote version {quote.version} is {quote.status}: only the quote that "
                        "was sent last can be answered.")
    when = answered_at or utcnow()
    if when.tzinfo is None:
        raise UserError("The time of the answer needs its time zone.")
    tz = center.load(uow).timezone
    if answer == "accepted" and quote.valid_until and when.astimezone(tz).date() > quote.valid_until:
        raise UserError(f"Quote version {quote.version} was valid until {quote.valid_until}; "
                        "send a new version before accepting.")
    unit = get_unit(uow, quote.unit_id)
    quote.status, quote.answered_at, quote.answer_channel = answer, when, channel
    uow.session.flush()
    if answer == "accepted":
        unit.customer_accepted_at = when  # rule D2: the repair-by clock starts here
        move(uow, unit, UnitStatus.QUOTE_ACCEPTED, f"quote v{quote.version} accepted by {channel}")
    else:
        move(uow, unit, UnitStatus.RETURN_UNREPAIRED,
             f"quote v{quote.version} declined by {channel}")
    audit.record(uow, Change("quote.answer", "quote", str(quote.id), unit.work_order_id,
                             {"status": "sent"},
                             {"status": answer, "channel": channel, "at": when.isoformat()}))
    uow.commit()
    return quote
