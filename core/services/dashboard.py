"""The supervisors' dashboard: a handful of figures about the center, aggregated in SQL.

Every figure is one GROUP BY query whose result is a few dozen rows, so the dashboard stays fast
on a million work orders; Python only turns those rows into plain dataclasses. Days are the
center's local days: their boundaries are computed here in the center's time zone and the rows
are bucketed with a CASE over those instants, which reads the same on SQLite and PostgreSQL and
stays right across a daylight-saving change.

What each figure counts (the README's Dashboard section says the same for supervisors):

- Parcels per day: closed parcels by the local day they were opened at the bench; "received"
  are accepted parcels, refused ones are stacked by their first reason. Parcels still open are
  left out. With a policy chosen, only parcels of work orders with a unit of that policy count.
- Units by state: the current state of the units of work orders submitted in the period.
- Turnaround: units shipped in the period, from received to shipped, in whole hours shown as
  days; median and 90th percentile by nearest rank, per policy.
- Due today / overdue: open units by `Unit.due_rule`, from `Unit.due_at` (kept by the services
  that change dates); "overdue" is due before today's local midnight, like `deadline_state`.
  This figure is about now, so the period does not apply (the policy does).
- Service levels (rule D3): work orders submitted in the period with a priority and a unit
  whose policy has service levels, cancelled ones excepted. The due time is the policy's
  service-level time from the submission (`service_level_due`). The first response is the
  earliest finding, diagnosis or shipment of any of the work order's units. A request is *met*
  when its first response is at or before the due time, *missed* when the response came later or
  there is none and the due time has passed, *pending* when there is none yet and the due time
  is still ahead, *unknown* when the due time cannot be counted (a year whose holidays are not
  announced, a priority the policy does not know). Compliance is met / (met + missed).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    cast,
    exists,
    func,
    literal,
    literal_column,
    select,
)
from sqlalchemy.sql.expression import case

from core import center, messages
from core.errors import UserError
from core.models import (
    Diagnosis,
    Finding,
    ParcelIntake,
    Product,
    Shipment,
    Unit,
    UnitStatus,
    WorkOrder,
    WorkOrderStatus,
)
from core.models import Policy as PolicyRow
from core.permissions import Role, require
from core.policies.calendar import CalendarNotAnnounced
from core.policies.deadlines import calendar_for
from core.policies.schema import Policy
from core.services.policies import policy_for, policy_settings
from core.unit_of_work import UnitOfWork

DEFAULT_DAYS = 30
# One CASE branch per day: a year and a day keeps the statement small on every backend.
MAX_DAYS = 366
NO_RULE = "unspecified"

messages.add({
    "dashboard.reversed": {
        "en": "The period ends ({end}) before it starts ({start}); choose a first day on or "
              "before the last day.",
        "zh_CN": "时间段的结束日期（{end}）早于开始日期（{start}）；请选择不晚于结束日期的开始日期。",
        "zh_TW": "期間的結束日期（{end}）早於開始日期（{start}）；請選擇不晚於結束日期的開始日期。",
    },
    "dashboard.too_long": {
        "en": "The period from {start} to {end} is longer than {limit} days; choose a shorter "
              "period.",
        "zh_CN": "从 {start} 到 {end} 的时间段超过 {limit} 天；请选择较短的时间段。",
        "zh_TW": "從 {start} 到 {end} 的期間超過 {limit} 天；請選擇較短的期間。",
    },
    "dashboard.no_policy": {
        "en": "There is no policy {code!r}; choose one from the list.",
        "zh_CN": "没有政策 {code!r}；请从列表中选择。",
        "zh_TW": "沒有政策 {code!r}；請從清單中選擇。",
    },
})


@dataclass(frozen=True)
class DashboardFilter:
    """The period (local days, both included) and an optional policy code."""

    start: dt.date
    end: dt.date
    policy: str | None = None

    @property
    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range((self.end - self.start).days + 1)]


def default_filter(today: dt.date, policy: str | None = None) -> DashboardFilter:
    """The last 30 days, today included."""
    return DashboardFilter(today - dt.timedelta(days=DEFAULT_DAYS - 1), today, policy)


@dataclass(frozen=True)
class ParcelDay:
    day: dt.date
    received: int
    refused_by_reason: Mapping[str, int] = field(default_factory=dict)

    @property
    def refused(self) -> int:
        return sum(self.refused_by_reason.values())


@dataclass(frozen=True)
class Turnaround:
    """Received-to-shipped time of one policy's units shipped in the period."""

    policy: str
    units: int
    median_days: float
    p90_days: float


@dataclass(frozen=True)
class DueCount:
    rule: str
    due_today: int
    overdue: int


@dataclass(frozen=True)
class ServiceLevelCount:
    """Service-level requests of one priority (rule D3); see the module docstring."""

    level: str
    met: int = 0
    missed: int = 0
    pending: int = 0
    unknown: int = 0

    @property
    def compliance(self) -> float | None:
        judged = self.met + self.missed
        return self.met / judged if judged else None


@dataclass(frozen=True)
class Dashboard:
    filter: DashboardFilter
    timezone: str
    today: dt.date
    parcels: list[ParcelDay]
    units_by_state: dict[str, int]
    turnaround: list[Turnaround]
    due: list[DueCount]
    service_levels: list[ServiceLevelCount]

    @property
    def refusal_reasons(self) -> list[str]:
        """Every refusal reason of the period, most frequent first."""
        totals: Counter[str] = Counter()
        for day in self.parcels:
            totals.update(day.refused_by_reason)
        return [reason for reason, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]

    @property
    def compliance(self) -> float | None:
        met = sum(s.met for s in self.service_levels)
        judged = met + sum(s.missed for s in self.service_levels)
        return met / judged if judged else None


def policy_codes(uow: UnitOfWork) -> list[tuple[str, str]]:
    """(code, name) of every policy, for the filter."""
    return [(c, n) for c, n in uow.session.execute(
        select(PolicyRow.code, PolicyRow.name).order_by(PolicyRow.code))]


def load(uow: UnitOfWork, flt: DashboardFilter, now: dt.datetime | None = None) -> Dashboard:
    """Every figure of the dashboard for `flt`. Supervisors and administrators.

    Args:
        now: The moment "today", "overdue" and "pending" are judged at (aware); default now.

    Raises:
        NotAllowed: The actor is neither supervisor nor administrator.
        UserError: The period is reversed or longer than `MAX_DAYS`, or the policy is unknown.
    """
    require(uow.actor, Role.SUPERVISOR, Role.ADMINISTRATOR, action="see the dashboard")
    _check(uow, flt)
    tz = center.load(uow).timezone
    now = now or dt.datetime.now(dt.UTC)
    today = now.astimezone(tz).date()
    bounds = [_midnight(day, tz) for day in flt.days] + [_midnight(flt.end + dt.timedelta(days=1), tz)]
    return Dashboard(
        filter=flt, timezone=str(tz), today=today,
        parcels=_parcels(uow, flt, bounds),
        units_by_state=_units_by_state(uow, flt, bounds),
        turnaround=_turnaround(uow, flt, bounds),
        due=_due(uow, flt, _midnight(today, tz), _midnight(today + dt.timedelta(days=1), tz)),
        service_levels=_service_levels(uow, flt, bounds, now),
    )


def _check(uow: UnitOfWork, flt: DashboardFilter) -> None:
    if flt.end < flt.start:
        raise UserError.of("dashboard.reversed", end=flt.end.isoformat(),
                           start=flt.start.isoformat())
    if (flt.end - flt.start).days + 1 > MAX_DAYS:
        raise UserError.of("dashboard.too_long", start=flt.start.isoformat(),
                           end=flt.end.isoformat(), limit=MAX_DAYS)
    if flt.policy is not None and uow.session.scalar(
            select(PolicyRow.id).where(PolicyRow.code == flt.policy)) is None:
        raise UserError.of("dashboard.no_policy", code=flt.policy)


def _midnight(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=tz)


def _day_index(column: ColumnElement[dt.datetime], bounds: Sequence[dt.datetime]) -> ColumnElement[int]:
    """Which day of the period `column` falls on; rows must already be within the period."""
    last = len(bounds) - 2
    if last == 0:
        return literal(0)
    return case(*[(column < bound, i) for i, bound in enumerate(bounds[1:-1])], else_=last)


def _parcels(uow: UnitOfWork, flt: DashboardFilter, bounds: Sequence[dt.datetime]) -> list[ParcelDay]:
    refused = ParcelIntake.verdict == "refused"
    rows = select(
        _day_index(ParcelIntake.opened_at, bounds).label("day"),
        ParcelIntake.verdict.label("verdict"),
        # JSON has no equality on PostgreSQL; its text is grouped, then read back here.
        case((refused, cast(ParcelIntake.reasons, String)), else_="").label("reasons"),
    ).where(ParcelIntake.opened_at >= bounds[0], ParcelIntake.opened_at < bounds[-1],
            ParcelIntake.verdict.in_(("accepted", "refused")))
    if flt.policy is not None:
        rows = rows.where(exists().where(
            Unit.work_order_id == ParcelIntake.work_order_id, Unit.product_id == Product.id,
            Product.policy_code == flt.policy))
    sub = rows.subquery()
    # Grouped over a subquery: PostgreSQL binds each CASE bound anew, so it would not see the
    # CASE of the GROUP BY as the one in the SELECT list.
    grouped = select(sub.c.day, sub.c.verdict, sub.c.reasons, func.count()).group_by(
        sub.c.day, sub.c.verdict, sub.c.reasons)
    received: Counter[int] = Counter()
    reasons: dict[int, Counter[str]] = defaultdict(Counter)
    for day, verdict, text, count in uow.session.execute(grouped):
        if verdict == "accepted":
            received[int(day)] += count
        else:
            reasons[int(day)][_first_reason(text)] += count
    return [ParcelDay(day, received[i], dict(reasons[i])) for i, day in enumerate(flt.days)]


def _first_reason(text: str | None) -> str:
    try:
        reasons = json.loads(text or "[]")
    except ValueError:
        reasons = []
    first = reasons[0] if isinstance(reasons, list) and reasons else None
    return str(first) if first else "no_reason_given"


def _units_by_state(uow: UnitOfWork, flt: DashboardFilter,
                    bounds: Sequence[dt.datetime]) -> dict[str, int]:
    query = (select(Unit.status, func.count()).join(WorkOrder, Unit.work_order_id == WorkOrder.id)
             .where(WorkOrder.submitted_at >= bounds[0], WorkOrder.submitted_at < bounds[-1])
             .group_by(Unit.status))
    if flt.policy is not None:
        query = query.join(Product, Unit.product_id == Product.id).where(
            Product.policy_code == flt.policy)
    counts = {UnitStatus(s).value: n for s, n in uow.session.execute(query)}
    return {s.value: counts[s.value] for s in UnitStatus if counts.get(s.value)}


def _whole_hours(uow: UnitOfWork, start: ColumnElement[dt.datetime],
                 end: ColumnElement[dt.datetime]) -> ColumnElement[int]:
    """Whole hours from `start` to `end`, computed by the database."""
    dialect = uow.session.get_bind().dialect.name
    if dialect == "sqlite":  # stored as text; strftime('%s') reads it as seconds since 1970
        seconds = (cast(func.strftime("%s", end), Integer) - cast(func.strftime("%s", start), Integer))
        return seconds / 3600  # both integers: SQLite divides whole
    if dialect == "postgresql":
        return cast(func.floor(func.extract("epoch", end - start) / 3600), Integer)
    return func.timestampdiff(literal_column("HOUR"), start, end)  # MariaDB, MySQL


def _turnaround(uow: UnitOfWork, flt: DashboardFilter,
                bounds: Sequence[dt.datetime]) -> list[Turnaround]:
    # Units have no index on shipped_at; the shipments of the period find their work orders,
    # whose units come by the work-order index.
    shipped_in_period = select(Shipment.work_order_id).where(
        Shipment.shipped_at >= bounds[0], Shipment.shipped_at < bounds[-1])
    rows = (select(Product.policy_code.label("policy"),
                   _whole_hours(uow, Unit.received_at, Unit.shipped_at).label("hours"))
            .select_from(Unit).join(Product, Unit.product_id == Product.id)
            .where(Unit.work_order_id.in_(shipped_in_period),
                   Unit.shipped_at >= bounds[0], Unit.shipped_at < bounds[-1],
                   Unit.received_at.is_not(None)))
    if flt.policy is not None:
        rows = rows.where(Product.policy_code == flt.policy)
    sub = rows.subquery()
    histograms: dict[str, Counter[int]] = defaultdict(Counter)
    for policy, hours, count in uow.session.execute(
            select(sub.c.policy, sub.c.hours, func.count()).group_by(sub.c.policy, sub.c.hours)):
        histograms[policy][int(hours)] += count
    return [Turnaround(policy, sum(h.values()), percentile(h, 0.5) / 24, percentile(h, 0.9) / 24)
            for policy, h in sorted(histograms.items())]


def percentile(histogram: Mapping[int, int], q: float) -> int:
    """The nearest-rank `q` quantile of values given as {value: how many}."""
    total = sum(histogram.values())
    rank = max(1, math.ceil(q * total))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    raise ValueError("no values")


def _due(uow: UnitOfWork, flt: DashboardFilter, today: dt.datetime,
         tomorrow: dt.datetime) -> list[DueCount]:
    rows = select(func.coalesce(Unit.due_rule, NO_RULE).label("rule"),
                  case((Unit.due_at < today, "overdue"), else_="due_today").label("when")
                  ).where(Unit.due_at < tomorrow)
    if flt.policy is not None:
        rows = rows.join(Product, Unit.product_id == Product.id).where(
            Product.policy_code == flt.policy)
    sub = rows.subquery()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for rule, when, count in uow.session.execute(
            select(sub.c.rule, sub.c.when, func.count()).group_by(sub.c.rule, sub.c.when)):
        counts[rule][when] += count
    return [DueCount(rule, c["due_today"], c["overdue"]) for rule, c in sorted(counts.items())]


def _service_level_policies(uow: UnitOfWork, flt: DashboardFilter) -> dict[str, Policy]:
    codes = [flt.policy] if flt.policy else [code for code, _ in policy_codes(uow)]
    found: dict[str, Policy] = {}
    for code in codes:
        try:
            policy = policy_for(uow, code)
        except UserError:
            continue  # a broken policy file has no service levels to count
        if policy.service_levels is not None:
            found[code] = policy
    return found


def _first(*moments: dt.datetime | None) -> dt.datetime | None:
    return min((m for m in moments if m is not None), default=None)


def _service_levels(uow: UnitOfWork, flt: DashboardFilter, bounds: Sequence[dt.datetime],
                    now: dt.datetime) -> list[ServiceLevelCount]:
    policies = _service_level_policies(uow, flt)
    if not policies:
        return []
    # One grouped join rather than a subquery per work order: several times faster on SQLite.
    rows = uow.session.execute(
        select(WorkOrder.priority, WorkOrder.submitted_at, func.min(Product.policy_code),
               func.min(Diagnosis.created_at), func.min(Finding.ended_at), func.min(Unit.shipped_at))
        .join(Unit, Unit.work_order_id == WorkOrder.id)
        .join(Product, Unit.product_id == Product.id)
        .outerjoin(Diagnosis, Diagnosis.unit_id == Unit.id)
        .outerjoin(Finding, Finding.unit_id == Unit.id)
        .where(WorkOrder.submitted_at >= bounds[0], WorkOrder.submitted_at < bounds[-1],
               WorkOrder.priority.is_not(None), WorkOrder.status != WorkOrderStatus.CANCELLED,
               Product.policy_code.in_(policies))
        .group_by(WorkOrder.id, WorkOrder.priority, WorkOrder.submitted_at))
    outcomes: dict[str, Counter[str]] = defaultdict(Counter)
    judge = _ServiceLevelJudge(policies, policy_settings(uow), now)
    for level, at, code, diagnosed_at, tested_at, shipped_at in rows:
        level = str(getattr(level, "value", level))
        answered = _first(_aware(diagnosed_at), _aware(tested_at), _aware(shipped_at))
        outcomes[level][judge(code, level, _aware(at), answered)] += 1  # type: ignore[arg-type]
    return [ServiceLevelCount(level, **counts) for level, counts in sorted(outcomes.items())]


def _aware(moment: dt.datetime | str | None) -> dt.datetime | None:
    # An aggregate loses the column type on SQLite, so its text comes back as stored.
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


class _ServiceLevelJudge:
    """Met, missed, pending or unknown for one request (rule D3), with the due time counted as
    `service_level_due` counts it, on one working calendar per policy.

    Walking the support-hours calendar for each of a year's requests would take seconds, so
    most requests are settled by bounds: support hours never run faster than the clock (the
    due time is at least the level's hours away), and a later request is never due earlier,
    so every request of a local day is due between the due times of that day's midnight and
    the next. Only a request between its day's bounds walks the calendar itself.
    """

    def __init__(self, policies: Mapping[str, Policy], settings: Mapping[str, str],
                 now: dt.datetime) -> None:
        self._policies = policies
        self._calendars = {code: calendar_for(p, settings) for code, p in policies.items()}
        self._now = now
        self._day_bounds: dict[tuple[str, str, dt.date], tuple[dt.datetime | None, dt.datetime | None]] = {}

    def _due(self, code: str, level: str, requested_at: dt.datetime) -> dt.datetime | None:
        terms = self._policies[code].service_levels
        assert terms is not None
        cal, hours = self._calendars[code], terms.levels[level].hours
        if terms.clock != "business_hours":
            return cal.local(requested_at) + dt.timedelta(hours=hours)
        try:
            return cal.add_business_hours(requested_at, hours)
        except CalendarNotAnnounced:
            return None

    def _bounds(self, code: str, level: str, requested_at: dt.datetime
                ) -> tuple[dt.datetime | None, dt.datetime | None]:
        cal = self._calendars[code]
        day = cal.local_date(requested_at)
        key = (code, level, day)
        if key not in self._day_bounds:
            self._day_bounds[key] = (self._due(code, level, cal.at(day, dt.time(0, 0))),
                                     self._due(code, level, cal.at(day + dt.timedelta(days=1), dt.time(0, 0))))
        return self._day_bounds[key]

    def __call__(self, code: str, level: str, requested_at: dt.datetime,
                 answered: dt.datetime | None) -> str:
        terms = self._policies[code].service_levels
        if terms is None or level not in terms.levels:
            return "unknown"
        soonest = requested_at + dt.timedelta(hours=terms.levels[level].hours)
        earliest, latest = self._bounds(code, level, requested_at)
        if answered is not None:
            if answered <= soonest or (earliest is not None and answered <= earliest):
                return "met"
            if latest is not None and answered > latest:
                return "missed"
        else:
            if self._now <= soonest or (earliest is not None and self._now <= earliest):
                return "pending"
            if latest is not None and self._now > latest:
                return "missed"
        due = self._due(code, level, requested_at)
        if due is None:
            return "unknown"
        if answered is not None:
            return "met" if answered <= due else "missed"
        return "missed" if self._now > due else "pending"
