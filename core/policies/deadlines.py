"""Deadlines, fees and thresholds of the vendor policies (R1-R3, D2-D5, S1, S2).

Every function takes plain dates/datetimes and a `Policy`, and returns a small frozen result
with the due date or time, the rule and an explanation {"en", "zh_CN"}. Working-day deadlines
count the center's calendar (make-up working days included) and raise `CalendarNotAnnounced`
for a year whose schedule is unknown; `all_deadlines` turns that into a visible item instead.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from core import messages
from core.errors import UserError
from core.policies.calendar import CalendarNotAnnounced, WorkingCalendar
from core.policies.explain import Message, exclusion_wording, render
from core.policies.schema import Policy
from core.policies.warranty import COVERED, NOT_COVERED, UnitFacts, add_months, warranty

messages.add({
    "deadline.no_terms": {
        "en": "policy {policy} has no {terms} terms",
        "zh_CN": "政策 {policy} 没有{terms}条款",
        "zh_TW": "政策 {policy} 沒有{terms}條款",
    },
    "deadline.no_send_back": {
        "en": "policy {policy} sets no send-back window",
        "zh_CN": "政策 {policy} 未规定寄回期限",
        "zh_TW": "政策 {policy} 未規定寄回期限",
    },
    "deadline.no_level": {
        "en": "policy {policy} has no service level {level!r}; known: {known}",
        "zh_CN": "政策 {policy} 没有服务等级 {level!r}；现有等级：{known}",
        "zh_TW": "政策 {policy} 沒有服務等級 {level!r}；現有等級：{known}",
    },
    # The policy's sections, as "has no ... terms" names them.
    "deadline.terms_returns": {"en": "return or replacement", "zh_CN": "退换货", "zh_TW": "退換貨"},
    "deadline.terms_spec_mismatch": {
        "en": "specification-mismatch", "zh_CN": "规格不符", "zh_TW": "規格不符"},
    "deadline.terms_return_shipping": {"en": "return-shipping", "zh_CN": "回寄", "zh_TW": "回寄"},
    "deadline.terms_repair": {"en": "repair-time", "zh_CN": "维修时限", "zh_TW": "維修時限"},
    "deadline.terms_advance_replacement": {
        "en": "advance-replacement", "zh_CN": "先行换货", "zh_TW": "先行換貨"},
    "deadline.terms_service_levels": {"en": "service-level", "zh_CN": "服务等级", "zh_TW": "服務等級"},
    "deadline.terms_service_credit": {
        "en": "service-credit", "zh_CN": "服务补偿", "zh_TW": "服務補償"},
    "deadline.terms_repeat_requests": {
        "en": "repeat-request", "zh_CN": "重复申请", "zh_TW": "重複申請"},
    "deadline.terms_freight": {"en": "freight", "zh_CN": "运费", "zh_TW": "運費"},
})

CENT = Decimal("0.01")
# Faults that are the vendor's, so a customised product may still be replaced (000: "unless it
# is JetHarness's fault").
_VENDOR_FAULT_REASONS = frozenset({"new_product_faulty", "performance_fault"})


@dataclass(frozen=True)
class Deadline:
    """One due date or time with its rule.

    Attributes:
        rule: Rule id (e.g. "S1").
        kind: What is due: "return_window", "send_back", "spec_mismatch", "return_by",
            "repair_by", "replacement_ship_by", "faulty_part_due", "service_level".
        due: The last day (date) or instant (aware datetime); None when it cannot be set yet.
        earliest: First day of a window (spec-mismatch replacement), else None.
        serial: The unit it concerns, or None for the whole work order.
        problem: "calendar_unknown" or "pending" when `due` is None.
        explanation: {"en": ..., "zh_CN": ...}.
    """

    rule: str
    kind: str
    due: dt.date | dt.datetime | None
    explanation: dict[str, str]
    earliest: dt.date | None = None
    serial: str | None = None
    problem: str | None = None
    messages: tuple[Message, ...] = field(default=(), repr=False)


def _deadline(rule: str, kind: str, due: dt.date | dt.datetime | None, msgs: list[Message], **kw: object) -> Deadline:
    return Deadline(rule=rule, kind=kind, due=due, explanation=render(msgs), messages=tuple(msgs), **kw)  # type: ignore[arg-type]


def _terms(policy: Policy, name: str):  # type: ignore[no-untyped-def]
    terms = getattr(policy, name)
    if terms is None:
        raise UserError.of("deadline.no_terms", policy=policy.code,
                           terms=messages.Phrase(f"deadline.terms_{name}"))
    return terms


def calendar_for(policy: Policy, settings: Mapping[str, str] | None = None) -> WorkingCalendar:
    """The working calendar of a policy with the center's settings applied."""
    return WorkingCalendar.from_terms(policy.calendar, settings)


# --- R1, R2: return or replacement instead of repair -------------------------------------------


@dataclass(frozen=True)
class ReturnDecision:
    """Whether a return or replacement may be requested (R1, R2).

    `eligible` is None when a date is missing (listed in `missing`); `refusals` holds the
    reasons ("customised", "reason", "needs_proof", "damage", "too_late").
    """

    rule: str
    kind: str
    eligible: bool | None
    window_end: dt.date | None
    refusals: tuple[str, ...]
    missing: tuple[str, ...]
    explanation: dict[str, str]


def return_eligibility(policy: Policy, facts: UnitFacts, reason: str) -> ReturnDecision:
    """Decide a return (R1) or replacement (R2) request.

    Args:
        policy: The unit's policy; must have `[returns]` terms.
        facts: The unit; `delivered_date` is the customer's receipt, `requested_on` the request.
            "customised" in `facts.exclusions` marks a customised product.
        reason: "complete_unused", "performance_fault" or "new_product_faulty".

    Raises:
        UserError: The policy has no return terms.
    """
    t = _terms(policy, "returns")
    kind = Message(f"kind.{t.kind}")
    base = {"kind": kind, "rule": t.rule}
    refusals: list[str] = []
    msgs: list[Message] = []
    if "customised" in facts.exclusions and t.customised_refused and reason not in _VENDOR_FAULT_REASONS:
        refusals.append("customised")  # rule R2: customised products cannot be returned
        msgs.append(Message("return.customised", base))
    if reason not in t.reasons:
        refusals.append("reason")
        msgs.append(Message("return.reason_not_allowed", base))
    if t.needs_proof and not facts.proof_of_purchase:
        refusals.append("needs_proof")  # 004 refusal 3
        msgs.append(Message("return.needs_proof", base))
    own = {x.code: x for x in policy.warranty.exclusions}
    damage = sorted(c for c in facts.exclusions if c in own or c == "logistics_damage")
    if damage:
        refusals.append("damage")  # rule R1: damaged, man-made faults refuse a return
        words = [exclusion_wording(c, own[c].wording if c in own else None) for c in damage]
        msgs.append(Message("return.damaged", {**base, "reasons": words}))
    missing = [f for f in ("delivered_date", "requested_on") if getattr(facts, f) is None]
    end = facts.delivered_date + dt.timedelta(days=t.days) if facts.delivered_date else None
    if end and facts.requested_on:
        params = {**base, "end": end, "days": t.days, "delivered": facts.delivered_date}
        if facts.requested_on > end:
            refusals.append("too_late")
            msgs.append(Message("return.too_late", {**params, "requested": facts.requested_on}))
        elif not refusals:
            msgs.append(Message("return.allowed", params))
    if missing and not refusals:
        msgs.append(Message("return.missing", {**base, "missing": [Message(f"date.{m}") for m in missing]}))
    eligible = False if refusals else (None if missing else True)
    return ReturnDecision(t.rule, t.kind, eligible, end, tuple(refusals), tuple(missing), render(msgs))


def send_back_by(policy: Policy, confirmed_on: dt.date) -> Deadline:
    """Last day to send the product after the return was confirmed (R1, 004 refusal 7)."""
    t = _terms(policy, "returns")
    if t.send_within_days is None:
        raise UserError.of("deadline.no_send_back", policy=policy.code)
    due = confirmed_on + dt.timedelta(days=t.send_within_days)
    return _deadline(t.rule, "send_back", due, [Message("return.send_by", {"due": due, "days": t.send_within_days, "rule": t.rule})])


def spec_mismatch_window(policy: Policy, confirmed_on: dt.date, settings: Mapping[str, str] | None = None) -> Deadline:
    """When a product differing from its recorded specification is replaced (R2: 7-14 working days)."""
    t = _terms(policy, "spec_mismatch")
    cal = calendar_for(policy, settings)
    earliest = cal.add_working_days(confirmed_on, t.min_working_days)
    latest = cal.add_working_days(confirmed_on, t.max_working_days)
    msg = Message("spec_mismatch.window", {"earliest": earliest, "latest": latest, "min": t.min_working_days,
                                           "max": t.max_working_days, "start": confirmed_on, "rule": t.rule})
    return _deadline(t.rule, "spec_mismatch", latest, [msg], earliest=earliest)


# --- S1, D2: working-day promises --------------------------------------------------------------


def return_by(
    policy: Policy,
    *,
    received_on: dt.date,
    in_warranty: bool,
    paid_on: dt.date | None = None,
    settings: Mapping[str, str] | None = None,
) -> Deadline:
    """When the unit must be shipped back (S1): N working days from receipt, or from payment.

    Out of warranty and not yet paid, `due` is None and `problem` is "pending".
    """
    t = _terms(policy, "return_shipping")
    params: dict[str, object] = {"days": t.working_days, "rule": t.rule}
    if in_warranty:
        start, msg_id = received_on, "return_by.warranty"
    elif paid_on is not None:
        start, msg_id = paid_on, "return_by.paid"
    else:
        return _deadline(t.rule, "return_by", None, [Message("return_by.awaiting_payment", params)], problem="pending")
    due = calendar_for(policy, settings).add_working_days(start, t.working_days)
    return _deadline(t.rule, "return_by", due, [Message(msg_id, {**params, "due": due, "start": start})])


def repair_by(policy: Policy, agreed_on: dt.date, settings: Mapping[str, str] | None = None) -> Deadline:
    """Repair due date (D2): N working days after the customer agreed to the quote."""
    t = _terms(policy, "repair")
    due = calendar_for(policy, settings).add_working_days(agreed_on, t.working_days)
    return _deadline(t.rule, "repair_by", due, [Message("repair_by.due", {"due": due, "days": t.working_days,
                                                                           "start": agreed_on, "rule": t.rule})])


# --- R3: advance replacement -------------------------------------------------------------------


def replacement_ship_by(policy: Policy, approved_on: dt.date, settings: Mapping[str, str] | None = None) -> Deadline:
    """Last day the vendor ships the advance replacement (R3: 2 business days after approval)."""
    t = _terms(policy, "advance_replacement")
    due = calendar_for(policy, settings).add_business_days(approved_on, t.ship_within_business_days)
    msg = Message("advance.ship_by", {"due": due, "days": t.ship_within_business_days, "start": approved_on, "rule": t.rule})
    return _deadline(t.rule, "replacement_ship_by", due, [msg])


def _offset_text(moment: dt.datetime) -> str:
    minutes = int((moment.utcoffset() or dt.timedelta()).total_seconds() // 60)
    sign, minutes = ("+" if minutes >= 0 else "-"), abs(minutes)
    return f"{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def faulty_part_due(policy: Policy, delivered_on: dt.date, settings: Mapping[str, str] | None = None) -> Deadline:
    """When the customer must have shipped the faulty part (R3: 23:59 UTC+8, day 15 after delivery).

    `due` is the aware instant of the due minute (e.g. 2025-03-16 23:59+08:00); a pickup any time
    within that minute is on time, 00:00 the next day is late (see `overdue_fee`).
    """
    t = _terms(policy, "advance_replacement")
    cal = calendar_for(policy, settings)
    due = cal.at(delivered_on + dt.timedelta(days=t.return_due_days), t.return_due_time)
    msg = Message("advance.return_due", {"due": due, "offset": _offset_text(due), "days": t.return_due_days,
                                         "start": delivered_on, "rule": t.rule})
    return _deadline(t.rule, "faulty_part_due", due, [msg])


@dataclass(frozen=True)
class OverdueFee:
    """Result of `overdue_fee` (R3): the pickup's day after delivery, the rate and the fee."""

    rule: str
    on_time: bool
    day: int
    rate: Decimal
    fee: Decimal
    due: dt.datetime
    explanation: dict[str, str]


def overdue_fee(
    policy: Policy,
    delivered_on: dt.date,
    picked_up_at: dt.datetime,
    list_price: Decimal,
    settings: Mapping[str, str] | None = None,
) -> OverdueFee:
    """The fee for a faulty part picked up late (R3): 16-30 days 50%, over 30 days 80%.

    Args:
        delivered_on: Local date the replacement's delivery was confirmed.
        picked_up_at: The carrier's digital pickup timestamp (aware; only that counts, 003).
        list_price: The official list price, in the price's currency.
    """
    t = _terms(policy, "advance_replacement")
    cal = calendar_for(policy, settings)
    due = faulty_part_due(policy, delivered_on, settings).due
    assert isinstance(due, dt.datetime)
    # The due minute itself counts: 23:59:59 is on time, 00:00:00 the next day is late.
    on_time = cal.local(picked_up_at) < due + dt.timedelta(minutes=1)
    day = (cal.local_date(picked_up_at) - delivered_on).days
    rate = Decimal(0)
    if not on_time:
        for tier in t.fee_tiers:
            if day >= tier.from_day and (tier.to_day is None or day <= tier.to_day):
                rate = tier.rate
    fee = (list_price * rate).quantize(CENT, rounding=ROUND_HALF_UP)
    pickup = cal.local(picked_up_at)
    if on_time:
        msg = Message("advance.on_time", {"pickup": pickup, "rule": t.rule})
    else:
        msg = Message("advance.overdue", {"pickup": pickup, "day": day, "percent": (rate * 100).normalize(),
                                          "fee": fee, "rule": t.rule})
    return OverdueFee(t.rule, on_time, day, rate, fee, due, render([msg]))


# --- D3, D5: service levels and service credit -------------------------------------------------


def service_level_due(
    policy: Policy, level: str, requested_at: dt.datetime, settings: Mapping[str, str] | None = None
) -> Deadline:
    """When remote diagnosis is due for a request of priority `level` (D3).

    Jomplair counts the 4/8/24 hours in support hours (Mon-Fri 9:00-18:00 UTC+8, on the center's
    working days): a promise of "4-hour remote diagnosis" is only kept by staff who are on duty.

    Raises:
        UserError: The policy has no such level.
    """
    t = _terms(policy, "service_levels")
    if level not in t.levels:
        raise UserError.of("deadline.no_level", policy=policy.code, level=level,
                           known=", ".join(t.levels))
    sl = t.levels[level]
    cal = calendar_for(policy, settings)
    if t.clock == "business_hours":
        due = cal.add_business_hours(requested_at, sl.hours)
    else:
        due = cal.local(requested_at) + dt.timedelta(hours=sl.hours)
    msg = Message("sla.due", {"level": level, "due": due, "hours": sl.hours, "clock": Message(f"clock.{t.clock}"),
                              "start": cal.local(requested_at), "evidence": Message(f"evidence.{sl.evidence}"), "rule": t.rule})
    return _deadline(t.rule, "service_level", due, [msg])


def days_late(due: dt.datetime, done: dt.datetime) -> int:
    """Whole days of delay for a service credit (D5): every started 24 hours counts as a day.

    Both times must be aware; done on or before `due` is 0 days late.
    """
    late = done - due
    return 0 if late <= dt.timedelta(0) else math.ceil(late / dt.timedelta(days=1))


@dataclass(frozen=True)
class ServiceCredit:
    """Result of `service_credit` (D5)."""

    rule: str
    days_late: int
    amount: Decimal
    capped: bool
    explanation: dict[str, str]


def service_credit(policy: Policy, contract_value: Decimal, late_days: int) -> ServiceCredit:
    """Service credit when a committed time is missed (D5): days x 0.1% of the contract, max 5%.

    The amount is rounded to cents, half up, after the cap is applied.
    """
    t = _terms(policy, "service_credit")
    if contract_value < 0 or late_days < 0:
        raise ValueError("contract value and days late must not be negative")
    raw = contract_value * t.daily_rate * late_days
    cap = contract_value * t.cap_rate
    capped = raw > cap
    amount = min(raw, cap).quantize(CENT, rounding=ROUND_HALF_UP)
    capped_msg = Message("credit.capped", {"cap": (t.cap_rate * 100).normalize()}) if capped else ""
    msg = Message("credit.amount", {"days": late_days, "daily": (t.daily_rate * 100).normalize(),
                                    "value": contract_value, "amount": amount, "capped": capped_msg, "rule": t.rule})
    return ServiceCredit(t.rule, late_days, amount, capped, render([msg]))


# --- D4: repeat requests -----------------------------------------------------------------------


@dataclass(frozen=True)
class RepeatCheck:
    """Result of `repeat_request_check` (D4)."""

    rule: str
    report_required: bool
    requests_in_year: int
    explanation: dict[str, str]


def repeat_request_check(
    policy: Policy,
    *,
    on: dt.date,
    earlier_requests: Sequence[dt.date],
    requested_units: int,
    purchased_units: int,
) -> RepeatCheck:
    """Whether an operating-environment report is required before service (D4).

    Args:
        on: Date of the new request.
        earlier_requests: Dates of earlier requests for the same device (any age).
        requested_units: Units requested so far by the customer, this request included.
        purchased_units: Units the customer purchased.
    """
    t = _terms(policy, "repeat_requests")
    year_ago = add_months(on, -12)
    count = 1 + sum(1 for d in earlier_requests if year_ago < d <= on)  # this request counts too
    reasons: list[Message] = []
    if count > t.max_per_device_per_year:
        reasons.append(Message("repeat.too_many", {"count": count, "max": t.max_per_device_per_year}))
    if Decimal(requested_units) > Decimal(purchased_units) * t.max_quantity_ratio:
        reasons.append(Message("repeat.quantity", {"requested": requested_units, "purchased": purchased_units,
                                                   "ratio": (t.max_quantity_ratio * 100).normalize()}))
    if reasons:
        msg = Message("repeat.required", {"why": reasons, "rule": t.rule})
    else:
        msg = Message("repeat.not_required", {"count": count, "requested": requested_units,
                                              "purchased": purchased_units, "rule": t.rule})
    return RepeatCheck(t.rule, bool(reasons), count, render([msg]))


# --- S1, S2: freight -------------------------------------------------------------------------


@dataclass(frozen=True)
class FreightDecision:
    """Who pays the freight back: "customer", "vendor" or "split" (S1, S2)."""

    rule: str
    payer: str
    both_ways: bool
    cash_on_delivery: bool
    carriers: tuple[str, ...]
    explanation: dict[str, str]


def freight_payer(policy: Policy, *, product_defect: bool, software_upgrade_on_request: bool = False) -> FreightDecision:
    """Decide who pays the return freight.

    Args:
        product_defect: The diagnosis found a defect of the product itself.
        software_upgrade_on_request: The customer asked for a software upgrade (S2: both ways).
    """
    t = _terms(policy, "freight")
    both_ways = False
    if software_upgrade_on_request and t.customer_pays_software_upgrade:
        payer, both_ways, msg_id = "customer", True, "freight.customer_upgrade"
    elif not product_defect and t.customer_pays_when_not_defect:
        payer, msg_id = "customer", "freight.customer_not_defect"
    else:
        payer = t.default_payer
        msg_id = f"freight.{payer}"
    msgs = [Message(msg_id, {"rule": t.rule})]
    return FreightDecision(t.rule, payer, both_ways, t.cash_on_delivery, t.carriers, render(msgs))


# --- every due date of a work order --------------------------------------------------------------


@dataclass(frozen=True)
class WorkOrderEvents:
    """Dates recorded on a work order that start policy clocks; all optional.

    Attributes:
        paid_on: Customer paid the repair (S1 out of warranty).
        agreed_on: Customer agreed to the quote (D2).
        return_reason: Reason of a return/replacement request (R1, R2), if one was made.
        return_confirmed_on: After-sales confirmed the return (R1 send-back window).
        spec_mismatch_confirmed_on: Vendor confirmed a specification mismatch (R2).
        replacement_approved_on: Advance replacement approved (R3 ship-by).
        replacement_delivered_on: Advance replacement delivered (R3 faulty part due).
        service_requests: (priority, aware request time) pairs (D3).
    """

    paid_on: dt.date | None = None
    agreed_on: dt.date | None = None
    return_reason: str | None = None
    return_confirmed_on: dt.date | None = None
    spec_mismatch_confirmed_on: dt.date | None = None
    replacement_approved_on: dt.date | None = None
    replacement_delivered_on: dt.date | None = None
    service_requests: tuple[tuple[str, dt.datetime], ...] = ()


def _guarded(rule: str, kind: str, serial: str | None, compute: object) -> Deadline:
    try:
        d: Deadline = compute()  # type: ignore[operator]
    except CalendarNotAnnounced as exc:
        # Time rules: a year whose holidays are not announced is reported, never guessed.
        return _deadline(rule, kind, None, [Message("calendar.unknown", {"year": exc.year, "rule": rule})],
                         serial=serial, problem="calendar_unknown")
    return d if serial is None else Deadline(**{**d.__dict__, "serial": serial})


def all_deadlines(
    policy: Policy,
    units: Sequence[UnitFacts],
    events: WorkOrderEvents,
    settings: Mapping[str, str] | None = None,
) -> list[Deadline]:
    """Every due date of a work order that the policy defines, each with its rule.

    Per unit: return/replacement window (R1, R2) and return-by date (S1, from the unit's
    warranty decision). Per work order: send-back (R1), spec-mismatch replacement (R2),
    repair-by (D2), advance replacement ship-by and faulty-part due (R3), service levels (D3).
    Items whose clock has not started are left out; undated items (awaiting payment, unknown
    calendar year) come last with `problem` set.
    """
    out: list[Deadline] = []
    s = settings or {}
    for u in units:
        if policy.returns and events.return_reason and u.delivered_date:
            end = u.delivered_date + dt.timedelta(days=policy.returns.days)
            decision = return_eligibility(policy, u, events.return_reason)
            out.append(Deadline(policy.returns.rule, "return_window", end, decision.explanation, serial=u.serial,
                                problem=None if decision.eligible else "refused"))
        if policy.return_shipping and u.received_on:
            # W5: a supervisor's override decides whether S1 counts from receipt or payment.
            status = u.decision_override or warranty(policy, u, s).status
            if status in (COVERED, NOT_COVERED):
                received = u.received_on
                out.append(_guarded(policy.return_shipping.rule, "return_by", u.serial, lambda r=received, st=status:
                                    return_by(policy, received_on=r, in_warranty=st == COVERED, paid_on=events.paid_on, settings=s)))
            else:
                rule = policy.return_shipping.rule
                out.append(_deadline(rule, "return_by", None, [Message("return_by.undecided", {"rule": rule})],
                                     serial=u.serial, problem="pending"))
    plan = [
        (policy.returns and policy.returns.send_within_days and events.return_confirmed_on, "send_back",
         lambda: send_back_by(policy, events.return_confirmed_on)),  # type: ignore[arg-type]
        (policy.spec_mismatch and events.spec_mismatch_confirmed_on, "spec_mismatch",
         lambda: spec_mismatch_window(policy, events.spec_mismatch_confirmed_on, s)),  # type: ignore[arg-type]
        (policy.repair and events.agreed_on, "repair_by", lambda: repair_by(policy, events.agreed_on, s)),  # type: ignore[arg-type]
        (policy.advance_replacement and events.replacement_approved_on, "replacement_ship_by",
         lambda: replacement_ship_by(policy, events.replacement_approved_on, s)),  # type: ignore[arg-type]
        (policy.advance_replacement and events.replacement_delivered_on, "faulty_part_due",
         lambda: faulty_part_due(policy, events.replacement_delivered_on, s)),  # type: ignore[arg-type]
    ]
    rules = {"send_back": "returns", "spec_mismatch": "spec_mismatch", "repair_by": "repair",
             "replacement_ship_by": "advance_replacement", "faulty_part_due": "advance_replacement"}
    for wanted, kind, compute in plan:
        if wanted:
            out.append(_guarded(getattr(policy, rules[kind]).rule, kind, None, compute))
    if policy.service_levels:
        for level, at in events.service_requests:
            out.append(_guarded(policy.service_levels.rule, "service_level", None,
                                lambda lv=level, t=at: service_level_due(policy, lv, t, s)))
    cal = calendar_for(policy, s)

    def sort_key(d: Deadline) -> tuple[int, dt.datetime]:
        if d.due is None:
            return (1, dt.datetime.max.replace(tzinfo=dt.UTC))
        # A date-only deadline lasts all its local day, so it sorts as that day's 23:59.
        due = d.due if isinstance(d.due, dt.datetime) else cal.at(d.due, dt.time(23, 59))
        return (0, due.astimezone(dt.UTC))

    return sorted(out, key=sort_key)


def deadline_state(deadline: Deadline, today: dt.date) -> str:
    """"overdue", "due_today", "upcoming" or "unknown" on the center's local `today`."""
    if deadline.due is None:
        return "unknown"
    day = deadline.due.date() if isinstance(deadline.due, dt.datetime) else deadline.due
    return "overdue" if day < today else "due_today" if day == today else "upcoming"
