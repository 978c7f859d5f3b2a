"""Policy dataclasses and the TOML reader that builds them.

A policy is the after-sales terms of one vendor or product line (DOMAIN.md, "Policy"). It is data:
presets ship in `resources/policies/`, a center may store its own file as text. Every file is
validated here; a bad one is refused with a `UserError` naming the file, the key and the problem,
so the supervisor who wrote it can fix it without reading Python.
"""

from __future__ import annotations

import datetime as dt
import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from core import messages
from core.errors import UserError
from core.policies.file_problems import KIND_PHRASES, problem, problem_of

T = TypeVar("T")
_MISSING: Any = object()

START_FIELDS = ("purchase", "factory", "delivery")
JUDGED_ON = ("received", "requested")
UNITS = ("days", "months")
RETURN_REASONS = ("complete_unused", "performance_fault", "new_product_faulty")
PAYERS = ("vendor", "customer", "split")


@dataclass(frozen=True)
class Period:
    """A warranty period: where it starts and how long it runs.

    `length` may be absent when the vendor's page leaves it open; then `length_setting` names the
    setting key a supervisor fills in, and until then decisions say "cannot tell".
    """

    starts_from: str
    length: int | None
    unit: str
    start_offset_days: int = 0
    length_setting: str | None = None

    def resolved_length(self, settings: Mapping[str, str]) -> int | None:
        """The length in `unit`, a supervisor's setting taking precedence over the file."""
        if self.length_setting and settings.get(self.length_setting, "").strip():
            raw = settings[self.length_setting].strip()
            if not raw.isdigit() or int(raw) <= 0:
                raise UserError.of("policy_file.setting_not_positive",
                                   setting=self.length_setting, value=raw)
            return int(raw)
        return self.length


@dataclass(frozen=True)
class ExclusionTerm:
    """One thing that voids the warranty; wording comes from the catalogue unless given here."""

    code: str
    rule: str
    wording: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class WarrantyTerms:
    """Warranty rules W1-W4 of one policy."""

    rule: str
    period: Period
    period_without_proof: Period | None
    last_day_counts: bool
    judged_on: str
    exclusions: tuple[ExclusionTerm, ...]
    out_of_warranty_repair: bool
    extension_days: int | None = None
    extension_rule: str | None = None
    carrier_delay_extends: bool = False


@dataclass(frozen=True)
class CalendarTerms:
    """The country calendar, time zone and business hours that deadlines are counted in."""

    country: str = "CN"
    subdivision: str | None = None
    timezone: str = "+08:00"
    business_start: dt.time = dt.time(9, 0)
    business_end: dt.time = dt.time(18, 0)
    business_days: str = "working_days"
    makeup_days: bool = True


@dataclass(frozen=True)
class ReturnTerms:
    """A window for returning or replacing a product instead of repairing it (R1, R2)."""

    rule: str
    kind: str
    days: int
    reasons: frozenset[str]
    needs_proof: bool
    customised_refused: bool
    send_within_days: int | None = None


@dataclass(frozen=True)
class SpecMismatchTerms:
    """Replacement of a product that differs from the recorded specification (R2)."""

    rule: str
    min_working_days: int
    max_working_days: int


@dataclass(frozen=True)
class WorkingDayTerms:
    """A plain 'within N working days' promise (S1 return-by, D2 repair-by)."""

    rule: str
    working_days: int


@dataclass(frozen=True)
class FeeTier:
    """Overdue fee: from `from_day` to `to_day` (inclusive, None = no end), `rate` of list price."""

    from_day: int
    to_day: int | None
    rate: Decimal


@dataclass(frozen=True)
class AdvanceReplacementTerms:
    """Advance replacement (R3)."""

    rule: str
    ship_within_business_days: int
    return_due_days: int
    return_due_time: dt.time
    fee_tiers: tuple[FeeTier, ...]


@dataclass(frozen=True)
class ServiceLevel:
    """One malfunction level of D3."""

    code: str
    hours: int
    evidence: str


@dataclass(frozen=True)
class ServiceLevelTerms:
    """Service levels (D3); `clock` says whether hours are business hours or clock hours."""

    rule: str
    clock: str
    levels: Mapping[str, ServiceLevel]


@dataclass(frozen=True)
class ServiceCreditTerms:
    """Service credit for a missed commitment (D5)."""

    rule: str
    daily_rate: Decimal
    cap_rate: Decimal


@dataclass(frozen=True)
class RepeatRequestTerms:
    """Repeat-request threshold (D4)."""

    rule: str
    max_per_device_per_year: int
    max_quantity_ratio: Decimal


@dataclass(frozen=True)
class FreightTerms:
    """Who pays the freight back (S1, S2)."""

    rule: str
    default_payer: str
    customer_pays_when_not_defect: bool
    customer_pays_software_upgrade: bool
    cash_on_delivery: bool = False
    carriers: tuple[str, ...] = ()


@dataclass(frozen=True)
class IntakeTerms:
    """What must be on a work order before its parcel is accepted (rules I5, I6)."""

    requires_order_number: bool = False
    diagnosis_report_for: tuple[str, ...] = ()  # product categories


@dataclass(frozen=True)
class Policy:
    """The after-sales terms of one vendor or product line."""

    code: str
    name: str
    source_name: str
    calendar: CalendarTerms
    warranty: WarrantyTerms
    returns: ReturnTerms | None = None
    spec_mismatch: SpecMismatchTerms | None = None
    return_shipping: WorkingDayTerms | None = None
    repair: WorkingDayTerms | None = None
    advance_replacement: AdvanceReplacementTerms | None = None
    service_levels: ServiceLevelTerms | None = None
    service_credit: ServiceCreditTerms | None = None
    repeat_requests: RepeatRequestTerms | None = None
    freight: FreightTerms | None = None
    intake: IntakeTerms = IntakeTerms()
    settings_keys: tuple[str, ...] = ()


class _Table:
    """A TOML table being read: remembers its path so every error names the key."""

    def __init__(self, source: str, path: str, data: Mapping[str, Any]) -> None:
        self.source, self.path, self.data = source, path, data
        self.used: set[str] = set()

    def fail(self, key: str, problem: messages.Phrase | str) -> UserError:
        where = f"{self.path}.{key}" if self.path else key
        return UserError.of("policy_file.bad_key", source=self.source, path=where, problem=problem)

    def missing(self, key: str) -> UserError:
        # A misspelt required key would otherwise be reported as missing with no hint.
        close = difflib.get_close_matches(key, [k for k in self.data if k not in self.used], n=1)
        if close:
            return self.fail(key, problem("missing_misspelt", found=close[0]))
        return self.fail(key, problem("missing"))

    def get(self, key: str, kind: type[T], default: Any = _MISSING) -> T:
        self.used.add(key)
        if key not in self.data:
            if default is _MISSING:
                raise self.missing(key)
            return default  # type: ignore[no-any-return]
        value = self.data[key]
        # bool is an int in Python; a `true` where a number belongs is still a mistake.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(key, problem("wrong_kind", kind=_kind_name(kind), value=value))
        return value  # type: ignore[return-value]

    def choice(self, key: str, choices: tuple[str, ...], default: Any = _MISSING) -> str:
        value = self.get(key, str, default)
        if value not in choices:
            raise self.fail(key, problem("not_a_choice", choices=", ".join(choices), value=value))
        return value

    def count(self, key: str, default: Any = _MISSING, minimum: int = 0) -> int:
        value = self.get(key, int, default)
        if value is not None and value < minimum:
            raise self.fail(key, problem("too_small", minimum=minimum, value=value))
        return value

    def decimal(self, key: str) -> Decimal:
        self.used.add(key)
        raw = self.data.get(key, _MISSING)
        if raw is _MISSING:
            raise self.missing(key)
        try:
            # Money rates go through str() so 0.1 becomes Decimal("0.1"), not a binary fraction.
            value = Decimal(str(raw)) if isinstance(raw, (str, int, float)) else None
        except InvalidOperation:
            value = None
        if value is None or isinstance(raw, bool) or not value.is_finite() or value < 0:
            raise self.fail(key, problem("not_a_rate", value=raw))
        return value

    def time(self, key: str, default: dt.time) -> dt.time:
        raw = self.get(key, str, None)
        if raw is None:
            return default
        try:
            return dt.time.fromisoformat(raw)
        except ValueError:
            raise self.fail(key, problem("not_a_time", value=raw)) from None

    def table(self, key: str, required: bool = False) -> _Table | None:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise self.missing(key)
            return None
        value = self.data[key]
        if not isinstance(value, dict):
            raise self.fail(key, problem("not_a_table_found", value=value))
        return _Table(self.source, f"{self.path}.{key}" if self.path else key, value)

    def tables(self, key: str) -> list[_Table]:
        raw = self.get(key, list, [])
        out = []
        for i, item in enumerate(raw):
            if not isinstance(item, dict):
                raise self.fail(f"{key}[{i}]", problem("not_a_table"))
            out.append(_Table(self.source, f"{self.path}.{key}[{i}]", item))
        return out

    def done(self) -> None:
        """Refuse keys nobody reads: a typo must not silently fall back to a default."""
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.fail(unknown[0], problem("unknown_key"))


def _kind_name(kind: type) -> messages.Phrase:
    if kind in KIND_PHRASES:
        return messages.Phrase(KIND_PHRASES[kind])
    return problem("kind_other", name=kind.__name__)


def _period(t: _Table) -> Period:
    period = Period(
        starts_from=t.choice("starts_from", START_FIELDS),
        length=t.count("length", None, minimum=1),
        unit=t.choice("unit", UNITS),
        start_offset_days=t.count("start_offset_days", 0),
        length_setting=t.get("length_setting", str, None),
    )
    if period.length is None and period.length_setting is None:
        raise t.fail("length", problem("no_length"))
    t.done()
    return period


def _exclusion(t: _Table, default_rule: str) -> ExclusionTerm:
    # Imported here, though explain imports nothing from this module.
    from core.policies.explain import has_message

    code = t.get("code", str)
    wording = {lang: t.get(lang, str) for lang in ("en", "zh_CN", "zh_TW") if lang in t.data}
    if not has_message(f"exclusion.{code}") and not {"en", "zh_CN"} <= set(wording):
        raise t.fail("code", problem("no_wording", code=code))
    term = ExclusionTerm(code=code, rule=t.get("rule", str, default_rule), wording=wording)
    t.done()
    return term


def _warranty(t: _Table) -> WarrantyTerms:
    rule = t.get("rule", str)
    period = _period(t.table("period", required=True))  # type: ignore[arg-type]
    fallback = t.table("period_without_proof")
    exclusions = tuple(_exclusion(x, rule) for x in t.tables("exclusions"))
    codes = [x.code for x in exclusions]
    if len(set(codes)) != len(codes):
        raise t.fail("exclusions", problem("code_twice"))
    terms = WarrantyTerms(
        rule=rule,
        period=period,
        period_without_proof=_period(fallback) if fallback else None,
        last_day_counts=t.get("last_day_counts", bool),
        judged_on=t.choice("judged_on", JUDGED_ON),
        exclusions=exclusions,
        out_of_warranty_repair=t.get("out_of_warranty_repair", bool),
        extension_days=t.count("extension_days", None, minimum=1),
        extension_rule=t.get("extension_rule", str, None),
        carrier_delay_extends=t.get("carrier_delay_extends", bool, False),
    )
    t.done()
    return terms


def _calendar(t: _Table | None) -> CalendarTerms:
    if t is None:
        return CalendarTerms()
    base = CalendarTerms()
    terms = CalendarTerms(
        country=t.get("country", str, base.country),
        subdivision=t.get("subdivision", str, None),
        timezone=t.get("timezone", str, base.timezone),
        business_start=t.time("business_start", base.business_start),
        business_end=t.time("business_end", base.business_end),
        business_days=t.choice("business_days", ("working_days", "weekdays"), "working_days"),
        makeup_days=t.get("makeup_days", bool, base.makeup_days),
    )
    if terms.business_end <= terms.business_start:
        raise t.fail("business_end", problem("ends_before_start"))
    # Imported here so a bad zone is reported against the policy file, not at first use.
    from core.policies.calendar import parse_timezone

    try:
        parse_timezone(terms.timezone)
    except UserError as exc:
        raise t.fail("timezone", problem_of(exc)) from None
    t.done()
    return terms


def _returns(t: _Table) -> ReturnTerms:
    reasons = t.get("reasons", list)
    for r in reasons:
        if r not in RETURN_REASONS:
            raise t.fail("reasons", problem("unknown_reason", reason=r,
                                                choices=", ".join(RETURN_REASONS)))
    terms = ReturnTerms(
        rule=t.get("rule", str),
        kind=t.choice("kind", ("return", "replacement")),
        days=t.count("days", minimum=1),
        reasons=frozenset(reasons),
        needs_proof=t.get("needs_proof", bool),
        customised_refused=t.get("customised_refused", bool),
        send_within_days=t.count("send_within_days", None, minimum=1),
    )
    t.done()
    return terms


def _fee_tiers(t: _Table) -> tuple[FeeTier, ...]:
    tiers = []
    for x in t.tables("fee_tiers"):
        tiers.append(
            FeeTier(x.count("from_day", minimum=1), x.count("to_day", None, 1), x.decimal("rate"))
        )
        x.done()
    for a, b in zip(tiers, tiers[1:], strict=False):
        if a.to_day is None or b.from_day != a.to_day + 1:
            raise t.fail("fee_tiers", problem("tier_gap"))
    return tuple(tiers)


def _service_levels(t: _Table) -> ServiceLevelTerms:
    levels = {}
    for x in t.tables("levels"):
        level = ServiceLevel(x.get("code", str), x.count("hours", minimum=1), x.get("evidence", str))
        x.done()
        from core.policies.explain import has_message

        if not has_message(f"evidence.{level.evidence}"):
            raise x.fail("evidence", problem("unknown_evidence", evidence=level.evidence))
        levels[level.code] = level
    terms = ServiceLevelTerms(
        t.get("rule", str), t.choice("clock", ("business_hours", "clock_hours")), levels
    )
    t.done()
    return terms


def _section(root: _Table, key: str, build: Any) -> Any:
    t = root.table(key)
    if t is None:
        return None
    value = build(t)
    t.done()
    return value


def parse_policy_text(text: str, source_name: str) -> Policy:
    """Parse and validate one policy file.

    Args:
        text: The TOML text.
        source_name: The file name (or "center policy NAME") used in error messages.

    Raises:
        UserError: The file is not valid TOML or breaks the schema; the message names the file,
            the key and the problem.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError.of("policy_file.not_toml", source=source_name, error=exc) from None
    root = _Table(source_name, "", data)
    wd = lambda t: WorkingDayTerms(t.get("rule", str), t.count("working_days", minimum=1))  # noqa: E731
    policy = Policy(
        code=root.get("code", str),
        name=root.get("name", str),
        source_name=source_name,
        settings_keys=tuple(root.get("settings_keys", list, [])),
        calendar=_calendar(root.table("calendar")),
        warranty=_warranty(root.table("warranty", required=True)),  # type: ignore[arg-type]
        returns=_section(root, "returns", _returns),
        spec_mismatch=_section(
            root,
            "spec_mismatch",
            lambda t: SpecMismatchTerms(
                t.get("rule", str), t.count("min_working_days", 1), t.count("max_working_days", 1)
            ),
        ),
        return_shipping=_section(root, "return_shipping", wd),
        repair=_section(root, "repair", wd),
        advance_replacement=_section(
            root,
            "advance_replacement",
            lambda t: AdvanceReplacementTerms(
                rule=t.get("rule", str),
                ship_within_business_days=t.count("ship_within_business_days", minimum=0),
                return_due_days=t.count("return_due_days", minimum=0),
                return_due_time=t.time("return_due_time", dt.time(23, 59)),
                fee_tiers=_fee_tiers(t),
            ),
        ),
        service_levels=_section(root, "service_levels", _service_levels),
        service_credit=_section(
            root,
            "service_credit",
            lambda t: ServiceCreditTerms(t.get("rule", str), t.decimal("daily_rate"), t.decimal("cap_rate")),
        ),
        repeat_requests=_section(
            root,
            "repeat_requests",
            lambda t: RepeatRequestTerms(
                t.get("rule", str),
                t.count("max_per_device_per_year", minimum=1),
                t.decimal("max_quantity_ratio"),
            ),
        ),
        freight=_section(
            root,
            "freight",
            lambda t: FreightTerms(
                rule=t.get("rule", str),
                default_payer=t.choice("default_payer", PAYERS),
                customer_pays_when_not_defect=t.get("customer_pays_when_not_defect", bool),
                customer_pays_software_upgrade=t.get("customer_pays_software_upgrade", bool),
                cash_on_delivery=t.get("cash_on_delivery", bool, False),
                carriers=tuple(t.get("carriers", list, [])),
            ),
        ),
        intake=_section(
            root,
            "intake",
            lambda t: IntakeTerms(
                t.get("requires_order_number", bool, False),
                tuple(t.get("diagnosis_report_for", list, [])),
            ),
        )
        or IntakeTerms(),
    )
    if not policy.code.isidentifier() or not policy.code.islower():
        raise root.fail("code", problem("bad_code", value=policy.code))
    sm = policy.spec_mismatch
    if sm and sm.max_working_days < sm.min_working_days:
        raise root.fail("spec_mismatch.max_working_days", problem("max_below_min"))
    root.done()
    return policy
