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

from core import audit, center, messages
from core.audit import Change
from core.errors import UserError
from core.models import Quote, Unit, UnitStatus, utcnow
from core.permissions import Role, require
from core.quotes import decimal
from core.services.due_dates import refresh_due
from core.services.repair import get_unit
from core.services.work_orders import get_work_order
from core.unit_of_work import UnitOfWork
from core.workflow import state_phrase

CHANNELS = ("bank_transfer", "cash", "card", "alipay", "wechat_pay", "cash_on_delivery", "other")
CENT = Decimal("0.01")
# More than any repair costs: a slipped key (an amount typed twice) is refused, not stored.
MAX_AMOUNT = Decimal("10000000")
_NOT_PAYABLE = (UnitStatus.CANCELLED, UnitStatus.REFUSED)
# A past day's payment is put at the center's noon: its local date is the day entered whatever
# the zone, which is all S1 reads.
_PAST_DAY_TIME = dt.time(12, 0)

messages.add({
    "payment.word.amount": {"en": "The amount", "zh_CN": "金额", "zh_TW": "金額"},
    "payment.word.none": {"en": "none", "zh_CN": "无", "zh_TW": "無"},
    "payment.bad_day": {
        "en": "{day} is not a date: write the day the customer paid as YYYY-MM-DD, "
              "e.g. 2026-06-05.",
        "zh_CN": "{day} 不是日期：请按 YYYY-MM-DD 格式填写客户付款的日期，例如 2026-06-05。",
        "zh_TW": "{day} 不是日期：請依 YYYY-MM-DD 格式填寫客戶付款的日期，例如 2026-06-05。",
    },
    "payment.empty_day": {
        "en": "An empty day is not a date: write the day the customer paid as YYYY-MM-DD, "
              "e.g. 2026-06-05.",
        "zh_CN": "日期为空：请按 YYYY-MM-DD 格式填写客户付款的日期，例如 2026-06-05。",
        "zh_TW": "日期空白：請依 YYYY-MM-DD 格式填寫客戶付款的日期，例如 2026-06-05。",
    },
    "payment.not_positive": {
        "en": "The amount must be more than zero, not {amount}.",
        "zh_CN": "金额必须大于零，不能是 {amount}。",
        "zh_TW": "金額必須大於零，不能是 {amount}。",
    },
    "payment.too_much": {
        "en": "{amount} is more than any repair costs; check the amount.",
        "zh_CN": "{amount} 超过任何维修的费用；请核对金额。",
        "zh_TW": "{amount} 超過任何維修的費用；請核對金額。",
    },
    "payment.cents": {
        "en": "{amount} has more than two decimals; give the amount in cents.",
        "zh_CN": "{amount} 超过两位小数；金额请精确到分。",
        "zh_TW": "{amount} 超過兩位小數；金額請精確到分。",
    },
    "payment.unknown_channel": {
        "en": "Unknown payment channel {channel!r}; use one of {channels}.",
        "zh_CN": "未知的付款方式 {channel!r}；请使用以下方式之一：{channels}。",
        "zh_TW": "未知的付款方式 {channel!r}；請使用下列方式之一：{channels}。",
    },
    "payment.future": {
        "en": "{day} is in the future; record the payment once it is made.",
        "zh_CN": "{day} 是未来的日期；请在付款完成后再记录。",
        "zh_TW": "{day} 是未來的日期；請在付款完成後再記錄。",
    },
    "payment.before_submitted": {
        "en": "{day} is before work order {number} was submitted ({submitted}); check the day.",
        "zh_CN": "{day} 早于工单 {number} 的提交日期（{submitted}）；请核对日期。",
        "zh_TW": "{day} 早於工單 {number} 的送出日期（{submitted}）；請核對日期。",
    },
    "payment.nothing_to_pay": {
        "en": "{serial} is {state}: there is nothing to pay for.",
        "zh_CN": "{serial} 处于“{state}”状态：没有需要付款的项目。",
        "zh_TW": "{serial} 目前為「{state}」：沒有需要付款的項目。",
    },
    "payment.already_paid": {
        "en": "{serial} was already recorded as paid on {day}; a supervisor can see the "
              "payment in the audit log.",
        "zh_CN": "{serial} 已于 {day} 记录为已付款；主管可在审计日志中查看该笔付款。",
        "zh_TW": "{serial} 已於 {day} 記錄為已付款；主管可在稽核日誌中查看這筆付款。",
    },
    "payment.no_such_serial": {
        "en": "Work order {number} has no unit with serial {serial!r}.",
        "zh_CN": "工单 {number} 中没有序列号为 {serial!r} 的设备。",
        "zh_TW": "工單 {number} 中沒有序號為 {serial!r} 的設備。",
    },
    "payment.which_unit": {
        "en": "Work order {number} has {count} unpaid units ({serials}); "
              "name the serial the payment is for.",
        "zh_CN": "工单 {number} 有 {count} 台未付款的设备（{serials}）；请指明这笔付款对应的序列号。",
        "zh_TW": "工單 {number} 有 {count} 台未付款的設備（{serials}）；請指明這筆付款對應的序號。",
    },
})


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
        if not text.strip():
            raise UserError.of("payment.empty_day") from None
        raise UserError.of("payment.bad_day", day=text.strip()) from None


def _amount(value: object) -> Decimal:
    amount = decimal(value, messages.Phrase("payment.word.amount"))
    if amount <= 0:
        raise UserError.of("payment.not_positive", amount=value)
    if amount > MAX_AMOUNT:
        raise UserError.of("payment.too_much", amount=amount)
    if amount != amount.quantize(CENT):
        raise UserError.of("payment.cents", amount=amount)
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
        # The channels as the command line takes them; the screen offers a list instead.
        raise UserError.of("payment.unknown_channel", channel=channel,
                           channels=", ".join(CHANNELS))
    value = _amount(amount)
    unit = get_unit(uow, unit_id)
    tz = center.load(uow).timezone
    now = utcnow()
    today = now.astimezone(tz).date()
    if paid_on > today:
        raise UserError.of("payment.future", day=paid_on.isoformat())
    submitted = unit.work_order.submitted_at
    if submitted is not None and paid_on < submitted.astimezone(tz).date():
        raise UserError.of("payment.before_submitted", day=paid_on.isoformat(),
                           number=unit.work_order.number,
                           submitted=submitted.astimezone(tz).date().isoformat())
    if unit.status in _NOT_PAYABLE:
        raise UserError.of("payment.nothing_to_pay", serial=unit.serial,
                           state=state_phrase(unit.status))
    if unit.paid_at is not None:
        raise UserError.of("payment.already_paid", serial=unit.serial,
                           day=unit.paid_at.astimezone(tz).date().isoformat())
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
            raise UserError.of("payment.no_such_serial", number=wo.number, serial=serial)
        return unit.id
    unpaid = [u for u in wo.units if u.paid_at is None and u.status not in _NOT_PAYABLE]
    if len(unpaid) != 1:
        serials = ", ".join(u.serial for u in unpaid) or messages.Phrase("payment.word.none")
        raise UserError.of("payment.which_unit", number=wo.number, count=len(unpaid),
                           serials=serials)
    return unpaid[0].id
