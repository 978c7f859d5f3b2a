"""Warranty decisions (rules W1-W5, I4, I5): covered, not covered or cannot tell, with reasons.

The engine never guesses "covered": a missing date, a missing proof of purchase or a warranty
length the vendor left open (and no supervisor has set yet) gives "cannot tell" and names what is
missing. Every decision carries the dates used, the rule, the exclusions found and an explanation
a customer can read (rule W5).
"""

from __future__ import annotations

import calendar as _month_calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from core.policies.explain import Message, exclusion_wording, render
from core.policies.schema import Period, Policy

COVERED, NOT_COVERED, CANNOT_TELL = "covered", "not_covered", "cannot_tell"

_START_FIELD = {"purchase": "purchase_date", "factory": "factory_date", "delivery": "delivered_date"}


@dataclass(frozen=True)
class UnitFacts:
    """What is known about one unit when its warranty is decided.

    Attributes:
        serial: The unit's serial number.
        model: Its product model.
        policy_code: The policy assigned to the model.
        purchase_date: Purchase date on the proof of purchase, if recorded.
        proof_of_purchase: Whether a valid proof of purchase was provided.
        factory_date: Factory release / shipment date, if recorded.
        delivered_date: Date the carrier confirmed delivery to the customer, if recorded.
        received_on: Date the parcel was received at the repair center.
        requested_on: Date the work order was submitted.
        exclusions: Codes found at intake or diagnosis (water, drop, logistics_damage, ...).
        has_order_number: False when the unit has no order number (rule I5).
        serial_matches_product: False when the production serial does not match (rule I5).
        extended_until: Last day of an extended warranty after an earlier paid repair (rule W4),
            see `extension_after_paid_repair`.
        carrier_delay_days: International shipping delay proven by the carrier (rule W3).
        decision_override: A supervisor's decision replacing the computed one (rule W5);
            `warranty()` ignores it, the deadlines that depend on the decision follow it.
    """

    serial: str
    model: str
    policy_code: str
    purchase_date: dt.date | None = None
    proof_of_purchase: bool = False
    factory_date: dt.date | None = None
    delivered_date: dt.date | None = None
    received_on: dt.date | None = None
    requested_on: dt.date | None = None
    exclusions: frozenset[str] = frozenset()
    has_order_number: bool = True
    serial_matches_product: bool = True
    extended_until: dt.date | None = None
    carrier_delay_days: int = 0
    decision_override: str | None = None


@dataclass(frozen=True)
class AppliedExclusion:
    """An exclusion that voids the warranty, with the rule and the customer's wording."""

    code: str
    rule: str
    wording: Mapping[str, str]


@dataclass(frozen=True)
class WarrantyDecision:
    """The outcome of `warranty()`.

    Attributes:
        status: "covered", "not_covered" or "cannot_tell".
        rule: The rule that decided (e.g. "W4", "I5").
        start: First day of the warranty, when it could be computed.
        end: Last covered day (inclusive), when it could be computed.
        judged_on: The date the unit was judged on (receipt at the center or request date).
        exclusions: Exclusions that apply.
        missing: What is missing when status is "cannot_tell" (field names, or
            "setting:KEY" for an open warranty length).
        repair_offered: False when the policy offers no repair (JetHarness out of warranty, W1).
        explanation: {"en": ..., "zh_CN": ...} for the repair report.
        messages: The explanation as catalogue messages, for re-rendering in other languages.
        ignored_findings: Codes found that this policy does not treat as exclusions.
    """

    status: str
    rule: str
    start: dt.date | None
    end: dt.date | None
    judged_on: dt.date | None
    exclusions: tuple[AppliedExclusion, ...]
    missing: tuple[str, ...]
    repair_offered: bool
    explanation: dict[str, str]
    messages: tuple[Message, ...] = field(repr=False, default=())
    ignored_findings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO text) for the CLI and the audit log."""
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "status": self.status,
            "rule": self.rule,
            "start": iso(self.start),
            "end": iso(self.end),
            "judged_on": iso(self.judged_on),
            "exclusions": [
                {"code": x.code, "rule": x.rule, "wording": dict(x.wording)} for x in self.exclusions
            ],
            "missing": list(self.missing),
            "repair_offered": self.repair_offered,
            "ignored_findings": list(self.ignored_findings),
            "explanation": dict(self.explanation),
        }


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months, clamped to the month's end (2024-02-29 + 12 months = 2025-02-28)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, _month_calendar.monthrange(year, month)[1]))


def period_end(start: dt.date, length: int, unit: str, last_day_counts: bool) -> dt.date:
    """Last covered day of a period of `length` `unit` starting on `start`.

    As in Chinese civil law (Civil Code art. 201), the start day is not counted and the period
    ends on the day `length` units later; "including the day of expiry" (rule W4) means that
    day is still covered, so 180 days from 2025-01-01 cover up to and including 2025-06-30.
    """
    end = start + dt.timedelta(days=length) if unit == "days" else add_months(start, length)
    return end if last_day_counts else end - dt.timedelta(days=1)


def extension_after_paid_repair(policy: Policy, shipped_back_on: dt.date) -> dt.date | None:
    """Last day of the extended warranty after an out-of-warranty repair (rule W4).

    Changkong: 60 days from the day the repaired product is sent back, the last day included.

    Returns:
        The end date, or None when the policy has no such extension.
    """
    days = policy.warranty.extension_days
    if days is None:
        return None
    return period_end(shipped_back_on, days, "days", last_day_counts=True)


def latest_extension(policy: Policy, shipped_back_dates: Iterable[dt.date]) -> dt.date | None:
    """The extension end that applies to a serial, given every earlier paid repair's ship date.

    The extension follows the unit across work orders (rule W4), so the latest one wins.
    """
    ends = [e for d in shipped_back_dates if (e := extension_after_paid_repair(policy, d))]
    return max(ends, default=None)


def _applied_exclusions(policy: Policy, facts: UnitFacts) -> list[AppliedExclusion]:
    applied: list[AppliedExclusion] = []
    # rule I5: no order number, or a serial that does not match the product, voids the warranty
    # for every policy, not only JetHarness where the sentence appears.
    if not facts.has_order_number:
        applied.append(AppliedExclusion("no_order_number", "I5", exclusion_wording("no_order_number")))
    if not facts.serial_matches_product:
        applied.append(AppliedExclusion("serial_mismatch", "I5", exclusion_wording("serial_mismatch")))
    own = {term.code: term for term in policy.warranty.exclusions}
    # rule I4: transport damage is never the vendor's fault, whatever the policy file lists.
    if "logistics_damage" in facts.exclusions and "logistics_damage" not in own:
        applied.append(AppliedExclusion("logistics_damage", "I4", exclusion_wording("logistics_damage")))
    for code in sorted(facts.exclusions):
        if code in own:
            term = own[code]
            applied.append(AppliedExclusion(code, term.rule, exclusion_wording(code, term.wording)))
    return applied


def _choose_period(policy: Policy, facts: UnitFacts) -> tuple[Period | None, list[str]]:
    terms = policy.warranty
    if not facts.proof_of_purchase:
        if terms.period_without_proof is not None:
            return terms.period_without_proof, []  # rule W4: 240 days from factory shipment
        if terms.period.starts_from == "purchase":
            return None, ["proof_of_purchase"]
    return terms.period, []


def _dates(
    policy: Policy, facts: UnitFacts, settings: Mapping[str, str]
) -> tuple[dt.date | None, dt.date | None, list[str]]:
    period, missing = _choose_period(policy, facts)
    if period is None:
        return None, None, missing
    base = getattr(facts, _START_FIELD[period.starts_from])
    start = base + dt.timedelta(days=period.start_offset_days) if base else None
    if base is None:
        missing.append(_START_FIELD[period.starts_from])
    length = period.resolved_length(settings)
    if length is None:
        missing.append(f"setting:{period.length_setting}")
    if start is None or length is None:
        return start, None, missing
    end = period_end(start, length, period.unit, policy.warranty.last_day_counts)
    if policy.warranty.carrier_delay_extends and facts.carrier_delay_days > 0:
        end += dt.timedelta(days=facts.carrier_delay_days)  # rule W3: carrier's proof of delay
    return start, end, missing


def _missing_words(missing: list[str]) -> list[Message]:
    words = []
    for item in missing:
        if item.startswith("setting:"):
            words.append(Message("date.warranty_length", {"setting": item.removeprefix("setting:")}))
        else:
            words.append(Message(f"date.{item}"))
    return words


def warranty(
    policy: Policy, facts: UnitFacts, settings: Mapping[str, str] | None = None
) -> WarrantyDecision:
    """Decide whether a unit is covered by its policy's warranty.

    Args:
        policy: The policy assigned to the unit's model.
        facts: What is known about the unit (dates, exclusions found, order number...).
        settings: Center settings; overrides the lengths a preset leaves open
            (e.g. "jasminer.warranty_months").

    Returns:
        The decision with dates, rule, exclusions, what is missing and the explanation.

    Raises:
        UserError: A setting holds a value that is not a positive whole number.
    """
    s = settings or {}
    terms = policy.warranty
    applied = _applied_exclusions(policy, facts)
    start, end, missing = _dates(policy, facts, s)
    judged_field = "received_on" if terms.judged_on == "received" else "requested_on"
    judged: dt.date | None = getattr(facts, judged_field)
    if judged is None:
        missing.append(judged_field)
    judged_what = Message(f"date.{judged_field}")
    ext = facts.extended_until if terms.extension_days is not None else None
    messages: list[Message] = []
    rule = terms.rule

    if applied:
        status, rule = NOT_COVERED, applied[0].rule
        messages.append(Message("warranty.excluded", {"reasons": [x.wording for x in applied], "rule": rule}))
    elif start and end and judged and start <= judged <= end:
        status = COVERED
        messages.append(Message("warranty.covered", {"start": start, "end": end, "judged": judged,
                                                     "judged_what": judged_what, "rule": rule}))
    elif judged and ext and judged <= ext:
        status, rule = COVERED, terms.extension_rule or terms.rule
        messages.append(Message("warranty.extended", {"end": ext, "rule": rule}))
    elif missing:
        status = CANNOT_TELL
        messages.append(Message("warranty.missing", {"missing": _missing_words(missing), "rule": rule}))
    elif start and judged and judged < start:
        status = CANNOT_TELL
        messages.append(Message("warranty.before_start", {"judged": judged, "start": start, "rule": rule}))
    else:
        status = NOT_COVERED
        messages.append(Message("warranty.expired", {"start": start, "end": end, "judged": judged,
                                                     "judged_what": judged_what, "rule": rule}))
    if terms.carrier_delay_extends and facts.carrier_delay_days > 0 and end:
        messages.append(Message("warranty.carrier_delay", {"days": facts.carrier_delay_days, "rule": terms.rule}))

    repair_offered = not (status == NOT_COVERED and not terms.out_of_warranty_repair)
    if status == NOT_COVERED:
        # rule W1: JetHarness offers no repair, only a new assembly; others quote (rule D1).
        messages.append(Message("warranty.quote") if repair_offered
                        else Message("warranty.no_repair", {"rule": terms.rule}))
    applied_codes = {x.code for x in applied}
    return WarrantyDecision(
        status=status,
        rule=rule,
        start=start,
        end=end,
        judged_on=judged,
        exclusions=tuple(applied),
        missing=tuple(missing) if status == CANNOT_TELL else (),
        repair_offered=repair_offered,
        explanation=render(messages),
        messages=tuple(messages),
        ignored_findings=tuple(sorted(facts.exclusions - applied_codes)),
    )
