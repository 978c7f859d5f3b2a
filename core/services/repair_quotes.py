"""Repair quotes: drafting, sending (then frozen, a change makes version n+1), the customer's
answer (D1: repair starts only after acceptance; D2: the repair-by clock starts then)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select

from core import audit, center, messages, workflow
from core.audit import Change
from core.errors import UserError
from core.models import Part, Quote, QuoteLine, Unit, UnitStatus, utcnow
from core.permissions import Role, require
from core.quotes import (
    DISCOUNT,
    QUANTITY,
    TAX,
    UNIT_PRICE,
    Line,
    Totals,
    decimal,
    totals,
)
from core.services.repair import get_unit, move, workflow_facts
from core.unit_of_work import UnitOfWork

ANSWERS = ("accepted", "declined")
CHANNELS = ("phone", "email", "portal", "in_person", "chat", "letter")
DEFAULT_VALID_DAYS = 30
# Every state a quote row goes through (paid: see warranty_decisions.PAID_QUOTE_STATES).
QUOTE_STATES = ("draft", "sent", *ANSWERS, "superseded", "paid")

messages.add({
    "repair_quote.status.draft": {"en": "draft", "zh_CN": "草稿", "zh_TW": "草稿"},
    "repair_quote.status.sent": {"en": "sent", "zh_CN": "已发送", "zh_TW": "已送出"},
    "repair_quote.status.accepted": {"en": "accepted", "zh_CN": "已接受", "zh_TW": "已接受"},
    "repair_quote.status.declined": {"en": "declined", "zh_CN": "已拒绝", "zh_TW": "已拒絕"},
    "repair_quote.status.superseded": {"en": "superseded", "zh_CN": "已被新版本取代",
                                       "zh_TW": "已被新版本取代"},
    "repair_quote.status.paid": {"en": "paid", "zh_CN": "已付款", "zh_TW": "已付款"},
    "repair_quote.no_part": {
        "en": "Part {part!r} is not in the parts list.",
        "zh_CN": "配件 {part!r} 不在配件清单中。",
        "zh_TW": "零件 {part!r} 不在零件清單中。",
    },
    "repair_quote.not_quotable": {
        "en": "{serial} is {state}: quotes are made after the diagnosis and before the "
              "customer's acceptance.",
        "zh_CN": "{serial} 处于“{state}”状态：报价须在诊断之后、客户同意之前制作。",
        "zh_TW": "{serial} 處於「{state}」狀態：報價須在診斷之後、客戶同意之前製作。",
    },
    "repair_quote.diagnosis_first": {
        "en": "Record the diagnosis of {serial} before quoting.",
        "zh_CN": "请先记录 {serial} 的诊断，再报价。",
        "zh_TW": "請先記錄 {serial} 的診斷，再報價。",
    },
    "repair_quote.covered": {
        "en": "{serial} is covered by warranty: it is repaired without a quote.",
        "zh_CN": "{serial} 在保修范围内：无需报价，直接维修。",
        "zh_TW": "{serial} 在保固範圍內：無需報價，直接維修。",
    },
    "repair_quote.no_repair_offered": {
        "en": "The policy of {serial} offers no repair out of warranty (W1): recommend a "
              "replacement of the whole assembly instead of a quote.",
        "zh_CN": "{serial} 适用的政策不提供保修期外维修（规则 W1）：请建议整机更换，而不是报价。",
        "zh_TW": "{serial} 適用的政策不提供保固期外維修（規則 W1）：請建議整機更換，而不是報價。",
    },
    "repair_quote.no_lines": {
        "en": "A quote needs at least one line.",
        "zh_CN": "报价至少需要一行。",
        "zh_TW": "報價至少需要一行。",
    },
    "repair_quote.already_accepted": {
        "en": "The customer already accepted quote version {version}.",
        "zh_CN": "客户已接受第 {version} 版报价。",
        "zh_TW": "客戶已接受第 {version} 版報價。",
    },
    "repair_quote.already_declined": {
        "en": "The customer already declined quote version {version}.",
        "zh_CN": "客户已拒绝第 {version} 版报价。",
        "zh_TW": "客戶已拒絕第 {version} 版報價。",
    },
    "repair_quote.no_quote": {
        "en": "There is no quote {quote}.",
        "zh_CN": "没有报价 {quote}。",
        "zh_TW": "沒有報價 {quote}。",
    },
    "repair_quote.already_sent": {
        "en": "Quote version {version} was already sent; change it to make a new version.",
        "zh_CN": "第 {version} 版报价已发送；如需修改，请另建新版本。",
        "zh_TW": "第 {version} 版報價已送出；如需修改，請另建新版本。",
    },
    "repair_quote.bad_answer": {
        "en": "The answer is accepted or declined, not {answer!r}.",
        "zh_CN": "答复只能是 accepted（接受）或 declined（拒绝），不能是 {answer!r}。",
        "zh_TW": "答覆只能是 accepted（接受）或 declined（拒絕），不能是 {answer!r}。",
    },
    "repair_quote.bad_channel": {
        "en": "Unknown channel {channel!r}; use one of {channels}.",
        "zh_CN": "未知的答复渠道 {channel!r}；请使用以下之一：{channels}。",
        "zh_TW": "未知的答覆管道 {channel!r}；請使用以下之一：{channels}。",
    },
    "repair_quote.not_answerable": {
        "en": "Quote version {version} is {status}: only the quote that was sent last can be "
              "answered.",
        "zh_CN": "第 {version} 版报价为“{status}”：只有最后发送的报价才能答复。",
        "zh_TW": "第 {version} 版報價為「{status}」：只有最後送出的報價才能答覆。",
    },
    "repair_quote.naive_time": {
        "en": "The time of the answer needs its time zone.",
        "zh_CN": "答复时间须带时区。",
        "zh_TW": "答覆時間須帶時區。",
    },
    "repair_quote.expired": {
        "en": "Quote version {version} was valid until {valid_until}; send a new version before "
              "accepting.",
        "zh_CN": "第 {version} 版报价的有效期至 {valid_until}；请先发送新版本，再接受。",
        "zh_TW": "第 {version} 版報價的有效期限至 {valid_until}；請先送出新版本，再接受。",
    },
})


def status_phrase(status: str) -> messages.Phrase | str:
    """A quote's state in the language of the message it is put in (an unknown one as stored)."""
    return messages.Phrase(f"repair_quote.status.{status}") if status in QUOTE_STATES else status


def line(kind: str, description: str, quantity: object, unit_price: object,
         discount_percent: object = 0, tax_percent: object = 0) -> Line:
    """A quote line from what the technician typed (text or Decimal, never float)."""
    return Line(kind, description, decimal(quantity, QUANTITY), decimal(unit_price, UNIT_PRICE),
                decimal(discount_percent, DISCOUNT), decimal(tax_percent, TAX))


def part_line(uow: UnitOfWork, part_number: str, quantity: object = 1,
              discount_percent: object = 0, tax_percent: object = 0) -> Line:
    """A line priced from the parts list, carrying the part's currency for the check."""
    part = uow.session.scalars(select(Part).where(Part.number == part_number)).first()
    if part is None:
        raise UserError.of("repair_quote.no_part", part=part_number)
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
        raise UserError.of("repair_quote.not_quotable", serial=unit.serial,
                           state=workflow.state_phrase(unit.status))
    facts = workflow_facts(uow, unit)
    if facts.decision is None:
        raise UserError.of("repair_quote.diagnosis_first", serial=unit.serial)
    if facts.decision == "covered":
        raise UserError.of("repair_quote.covered", serial=unit.serial)
    if facts.decision == "not_covered" and not facts.repair_offered:
        raise UserError.of("repair_quote.no_repair_offered", serial=unit.serial)


def save_quote(uow: UnitOfWork, unit_id: int, lines: Sequence[Line], *, currency: str | None = None,
               valid_until: dt.date | None = None) -> Quote:
    """Write the unit's draft quote; when the latest version was sent, make version n+1."""
    require(uow.actor, Role.REPAIR, action="make quotes")
    unit = get_unit(uow, unit_id)
    _check_may_quote(uow, unit)
    if not lines:
        raise UserError.of("repair_quote.no_lines")
    currency = currency or center.load(uow).get("center.currency")
    total = totals(currency, lines)  # validates every line and the currency
    quote = latest_quote(uow, unit.id)
    if quote is not None and quote.status != "draft":
        if quote.status == "accepted":
            raise UserError.of("repair_quote.already_accepted", version=quote.version)
        if quote.status == "declined":
            raise UserError.of("repair_quote.already_declined", version=quote.version)
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
        raise UserError.of("repair_quote.no_quote", quote=quote_id)
    if quote.status != "draft":
        raise UserError.of("repair_quote.already_sent", version=quote.version)
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
        raise UserError.of("repair_quote.bad_answer", answer=answer)
    if channel not in CHANNELS:
        raise UserError.of("repair_quote.bad_channel", channel=channel, channels=", ".join(CHANNELS))
    quote = uow.session.get(Quote, quote_id)
    if quote is None:
        raise UserError.of("repair_quote.no_quote", quote=quote_id)
    if quote.status != "sent":
        raise UserError.of("repair_quote.not_answerable", version=quote.version,
                           status=status_phrase(quote.status))
    when = answered_at or utcnow()
    if when.tzinfo is None:
        raise UserError.of("repair_quote.naive_time")
    tz = center.load(uow).timezone
    if answer == "accepted" and quote.valid_until and when.astimezone(tz).date() > quote.valid_until:
        raise UserError.of("repair_quote.expired", version=quote.version,
                           valid_until=quote.valid_until.isoformat())
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
