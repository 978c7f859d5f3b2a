"""Dashboard figures against counts worked out here, in plain Python, from the rows inserted.

The rows are a seeded random month of a small center (parcels, units in every state, shipments,
deadlines, Jomplair requests with responses), with edge cases placed by hand around local
midnight. The same rows go to SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from core.errors import NotAllowed, UserError
from core.models import (
    Customer,
    Diagnosis,
    Finding,
    ParcelIntake,
    Priority,
    Product,
    Shipment,
    Unit,
    UnitStatus,
    WorkOrder,
    WorkOrderStatus,
)
from core.policies import presets
from core.policies.calendar import CalendarNotAnnounced
from core.policies.deadlines import service_level_due
from core.services import dashboard, work_orders
from core.services.dashboard import DashboardFilter
from core.unit_of_work import Actor, Database
from tests.conftest import SAMPLES

TZ = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC
NOW = dt.datetime(2026, 3, 20, 10, 30, tzinfo=TZ)
PERIOD = DashboardFilter(dt.date(2026, 3, 1), dt.date(2026, 3, 20))
SUPERVISOR = Actor(username="sue", station="office", roles=frozenset({"supervisor"}))
ADMIN = Actor(username="ada", station="office", roles=frozenset({"administrator"}))
CLERK = Actor(username="sam", station="ship-1", roles=frozenset({"shipping"}))
MODELS = {"JM-X16-Q": "jasminer", "JP-S5850-48T": "jomplair", "CK-IPC-8200": "changkong",
          "JH-USB-C-2M": "jetharness"}
REASONS = ["no_work_order", "not_on_work_order", "wrong_model", "work_order_closed"]
RULES = ["S1", "D2", "R3", None]


@dataclass
class Rows:
    """What was inserted, as plain values (the test's own record, not read back from SQL)."""

    parcels: list[tuple[dt.datetime, str, list[str], str | None]] = field(default_factory=list)
    units: list[dict[str, object]] = field(default_factory=list)
    work_orders: dict[str, dict[str, object]] = field(default_factory=dict)


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=TZ)


def build_center(database: Database, seed: int = 11, work_orders_count: int = 40) -> Rows:
    """Insert a month of activity; returns the plain record of every row that matters."""
    rng = random.Random(seed)
    rows = Rows()
    with database.uow() as uow:
        work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "products.csv")
    with database.uow() as uow:
        s = uow.session
        products = {p.model: p.id for p in s.query(Product)}
        customer = Customer(name="Ann Lee", phone="1")
        s.add(customer)
        s.flush()
        orders: list[WorkOrder] = []
        for n in range(work_orders_count):
            model = rng.choice(list(MODELS))
            policy = MODELS[model]
            # Some before the period, most in it, a few cancelled.
            submitted = local(2026, 2, 24) + dt.timedelta(minutes=rng.randint(0, 25 * 24 * 60))
            submitted = min(submitted, NOW.astimezone(TZ) - dt.timedelta(hours=1))
            status = WorkOrderStatus.CANCELLED if n % 13 == 5 else WorkOrderStatus.IN_PROGRESS
            priority = rng.choice(list(Priority)) if policy == "jomplair" else None
            wo = WorkOrder(number=f"WO-{n:03d}", customer_id=customer.id, address="1 Road",
                           city="Shenzhen", country="CN", submitted_at=submitted,
                           priority=priority, status=status)
            s.add(wo)
            orders.append(wo)
            rows.work_orders[wo.number] = {"submitted": submitted, "policy": policy,
                                           "priority": priority, "status": status,
                                           "responses": []}
            s.flush()
            for k in range(rng.randint(1, 3)):
                unit_status = rng.choice(list(UnitStatus))
                received = submitted + dt.timedelta(hours=rng.randint(2, 90), minutes=rng.randint(0, 59))
                due_rule = rng.choice(RULES)
                due_at = NOW + dt.timedelta(hours=rng.randint(-96, 60)) if rng.random() < 0.6 else None
                unit = Unit(work_order_id=wo.id, serial=f"S{n:03d}-{k}", product_id=products[model],
                            status=unit_status, received_at=received, due_at=due_at,
                            due_rule=due_rule if due_at else None)
                s.add(unit)
                s.flush()
                record: dict[str, object] = {"wo": wo.number, "policy": policy,
                                             "status": unit_status.value, "received": received,
                                             "shipped": None, "due_at": due_at, "due_rule": due_rule}
                if rng.random() < 0.5:
                    shipped = received + dt.timedelta(hours=rng.randint(1, 400), minutes=rng.randint(0, 59),
                                                      seconds=rng.randint(0, 59))
                    if shipped < NOW:
                        shipment = Shipment(work_order_id=wo.id, carrier="SF", shipped_at=shipped)
                        s.add(shipment)
                        s.flush()
                        unit.shipment_id, unit.shipped_at = shipment.id, shipped
                        record["shipped"] = shipped
                        rows.work_orders[wo.number]["responses"].append(shipped)  # type: ignore[union-attr]
                if rng.random() < 0.3:
                    when = submitted + dt.timedelta(hours=rng.randint(1, 40))
                    s.add(Diagnosis(unit_id=unit.id, cause="wear", decision="covered", created_at=when))
                    rows.work_orders[wo.number]["responses"].append(when)  # type: ignore[union-attr]
                if rng.random() < 0.3:
                    when = submitted + dt.timedelta(hours=rng.randint(1, 40))
                    s.add(Finding(unit_id=unit.id, test_name="power", result="pass", ended_at=when))
                    rows.work_orders[wo.number]["responses"].append(when)  # type: ignore[union-attr]
                rows.units.append(record)
        # A P3 request an hour old with no answer yet: pending, neither met nor missed.
        late = WorkOrder(number="WO-LATE", customer_id=customer.id, address="1 Road", city="Shenzhen",
                         country="CN", submitted_at=NOW - dt.timedelta(hours=1), priority=Priority.P3,
                         status=WorkOrderStatus.RECEIVED)
        s.add(late)
        s.flush()
        s.add(Unit(work_order_id=late.id, serial="LATE-1", product_id=products["JP-S5850-48T"],
                   status=UnitStatus.RECEIVED, received_at=NOW - dt.timedelta(minutes=30)))
        rows.work_orders[late.number] = {"submitted": late.submitted_at, "policy": "jomplair",
                                         "priority": Priority.P3, "status": late.status, "responses": []}
        rows.units.append({"wo": late.number, "policy": "jomplair", "status": "received",
                           "received": NOW - dt.timedelta(minutes=30), "shipped": None,
                           "due_at": None, "due_rule": None})
        # Parcels: random ones, and the edges of the period by hand.
        parcels = [(local(2026, 2, 24) + dt.timedelta(minutes=rng.randint(0, 26 * 24 * 60)),
                    rng.choice(["accepted", "accepted", "refused", "open"]),
                    rng.sample(REASONS, rng.randint(0, 2)), rng.choice(orders + [None]))
                   for _ in range(60)]
        parcels += [(local(2026, 3, 1), "refused", ["wrong_model"], None),        # first minute
                    (local(2026, 2, 28, 23, 59), "accepted", [], orders[0]),      # the day before
                    (local(2026, 3, 20, 23, 59), "accepted", [], orders[1]),      # the last day
                    (local(2026, 3, 21), "refused", ["no_work_order"], None),     # the day after
                    (local(2026, 3, 5, 12), "refused", [], orders[2])]            # no reason given
        for opened, verdict, reasons, wo in parcels:
            reasons = reasons if verdict == "refused" else []
            s.add(ParcelIntake(station="bench-1", opened_at=opened, verdict=verdict, reasons=reasons,
                               work_order_id=wo.id if wo else None))
            rows.parcels.append((opened, verdict, reasons, wo.number if wo else None))
        uow.commit()
    return rows


def in_period(moment: dt.datetime | None, flt: DashboardFilter = PERIOD) -> bool:
    return moment is not None and flt.start <= moment.astimezone(TZ).date() <= flt.end


def nearest_rank(values: list[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q * len(ordered))) - 1]


def expected(rows: Rows, flt: DashboardFilter = PERIOD) -> dict[str, object]:
    """Every figure, computed from the record of what was inserted."""
    def wo_has_policy(number: str | None) -> bool:
        if flt.policy is None:
            return True
        return any(u["wo"] == number and u["policy"] == flt.policy for u in rows.units)

    received: Counter[dt.date] = Counter()
    refused: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for opened, verdict, reasons, wo in rows.parcels:
        if not in_period(opened, flt) or verdict == "open" or not wo_has_policy(wo):
            continue
        day = opened.astimezone(TZ).date()
        if verdict == "accepted":
            received[day] += 1
        else:
            refused[day][reasons[0] if reasons else "no_reason_given"] += 1
    chosen = [u for u in rows.units if flt.policy in (None, u["policy"])]
    states = Counter(str(u["status"]) for u in chosen
                     if in_period(rows.work_orders[str(u["wo"])]["submitted"], flt))  # type: ignore[arg-type]
    hours: dict[str, list[int]] = defaultdict(list)
    for u in chosen:
        if in_period(u["shipped"], flt):  # type: ignore[arg-type]
            delta = u["shipped"] - u["received"]  # type: ignore[operator]
            hours[str(u["policy"])].append(int(delta.total_seconds() // 3600))
    today = NOW.date()
    due: dict[str, Counter[str]] = defaultdict(Counter)
    for u in chosen:
        if u["due_at"] is not None:
            day = u["due_at"].astimezone(TZ).date()  # type: ignore[attr-defined]
            if day <= today:
                due[str(u["due_rule"] or "unspecified")]["overdue" if day < today else "due_today"] += 1
    jomplair = presets.load_preset("jomplair")
    levels: dict[str, Counter[str]] = defaultdict(Counter)
    for number, wo in rows.work_orders.items():
        if (wo["policy"] != "jomplair" or flt.policy not in (None, "jomplair")
                or wo["status"] == WorkOrderStatus.CANCELLED or not in_period(wo["submitted"], flt)):  # type: ignore[arg-type]
            continue
        level = wo["priority"].value  # type: ignore[union-attr]
        try:
            due_time = service_level_due(jomplair, level, wo["submitted"]).due  # type: ignore[arg-type]
        except CalendarNotAnnounced:
            levels[level]["unknown"] += 1
            continue
        first = min(wo["responses"], default=None)  # type: ignore[type-var]
        if first is not None:
            levels[level]["met" if first <= due_time else "missed"] += 1
        else:
            levels[level]["missed" if NOW > due_time else "pending"] += 1
    return {"received": received, "refused": refused, "states": dict(states),
            "turnaround": {p: (len(v), nearest_rank(v, 0.5) / 24, nearest_rank(v, 0.9) / 24)
                           for p, v in hours.items()},
            "due": {r: (c["due_today"], c["overdue"]) for r, c in due.items()},
            "levels": {lv: dict(c) for lv, c in levels.items()}}


def check(board: dashboard.Dashboard, want: dict[str, object]) -> None:
    assert [p.day for p in board.parcels] == board.filter.days
    assert {p.day: p.received for p in board.parcels if p.received} == dict(want["received"])  # type: ignore[call-overload]
    assert {p.day: dict(p.refused_by_reason) for p in board.parcels if p.refused} == \
        {d: dict(c) for d, c in want["refused"].items()}  # type: ignore[attr-defined]
    assert board.units_by_state == want["states"]
    assert {t.policy: (t.units, t.median_days, t.p90_days) for t in board.turnaround} == want["turnaround"]
    assert {d.rule: (d.due_today, d.overdue) for d in board.due} == want["due"]
    got = {s.level: {k: v for k, v in (("met", s.met), ("missed", s.missed), ("pending", s.pending),
                                        ("unknown", s.unknown)) if v} for s in board.service_levels}
    assert got == want["levels"]


@pytest.fixture
def center(any_database: Database) -> tuple[Database, Rows]:
    return any_database, build_center(any_database)


def test_every_figure_matches_the_rows(center: tuple[Database, Rows]) -> None:
    database, rows = center
    with database.uow(SUPERVISOR) as uow:
        board = dashboard.load(uow, PERIOD, now=NOW)
    want = expected(rows)
    check(board, want)
    # The data exercises every figure, and the hand-placed edges land where they should.
    assert board.parcels[0].refused_by_reason.get("wrong_model", 0) >= 1
    assert board.parcels[-1].received >= 1
    assert sum(p.refused_by_reason.get("no_reason_given", 0) for p in board.parcels) >= 1
    assert board.turnaround and board.due and board.service_levels and len(board.units_by_state) > 5
    assert board.compliance is not None and 0 <= board.compliance <= 1
    assert next(s for s in board.service_levels if s.level == "P3").pending == 1
    assert board.today == NOW.date() and board.timezone == "Asia/Shanghai"


def test_policy_filter_narrows_every_figure(center: tuple[Database, Rows]) -> None:
    database, rows = center
    for policy in ("jomplair", "changkong"):
        flt = DashboardFilter(PERIOD.start, PERIOD.end, policy)
        with database.uow(ADMIN) as uow:
            board = dashboard.load(uow, flt, now=NOW)
        check(board, expected(rows, flt))
        assert {t.policy for t in board.turnaround} <= {policy}
    assert board.service_levels == []  # Changkong promises no service levels


def test_a_single_day_and_an_empty_database(any_database: Database) -> None:
    with any_database.uow(SUPERVISOR) as uow:
        board = dashboard.load(uow, DashboardFilter(NOW.date(), NOW.date()), now=NOW)
    assert [(p.day, p.received, p.refused) for p in board.parcels] == [(NOW.date(), 0, 0)]
    assert board.units_by_state == {} and board.turnaround == [] and board.due == []
    assert board.compliance is None


def test_shipping_clerk_is_refused(database: Database) -> None:
    with database.uow(CLERK) as uow, pytest.raises(NotAllowed, match="supervisor or administrator"):
        dashboard.load(uow, PERIOD, now=NOW)


@pytest.mark.parametrize(("flt", "message"), [
    (DashboardFilter(dt.date(2026, 3, 20), dt.date(2026, 3, 1)), "ends .* before it starts"),
    (DashboardFilter(dt.date(2024, 1, 1), dt.date(2026, 3, 1)), "longer than 366 days"),
    (DashboardFilter(dt.date(2026, 3, 1), dt.date(2026, 3, 2), "nope"), "no policy 'nope'"),
])
def test_bad_filters_are_refused_clearly(database: Database, flt: DashboardFilter, message: str) -> None:
    with database.uow(SUPERVISOR) as uow, pytest.raises(UserError, match=message):
        dashboard.load(uow, flt, now=NOW)


def test_a_refused_period_reads_in_the_screen_language(database: Database) -> None:
    reversed_period = DashboardFilter(dt.date(2026, 3, 20), dt.date(2026, 3, 1))
    with database.uow(SUPERVISOR) as uow, pytest.raises(UserError) as refused:
        dashboard.load(uow, reversed_period, now=NOW)
    assert str(refused.value) == ("The period ends (2026-03-01) before it starts (2026-03-20); "
                                  "choose a first day on or before the last day.")
    assert refused.value.in_language("zh_CN") == (
        "时间段的结束日期（2026-03-01）早于开始日期（2026-03-20）；请选择不晚于结束日期的开始日期。")
    long_period = DashboardFilter(dt.date(2024, 1, 1), dt.date(2026, 3, 1))
    with database.uow(SUPERVISOR) as uow, pytest.raises(UserError) as refused:
        dashboard.load(uow, long_period, now=NOW)
    assert refused.value.in_language("zh_TW") == (
        "從 2024-01-01 到 2026-03-01 的期間超過 366 天；請選擇較短的期間。")


def test_default_period_is_the_last_30_days() -> None:
    flt = dashboard.default_filter(dt.date(2026, 3, 20))
    assert (flt.start, flt.end, len(flt.days)) == (dt.date(2026, 2, 19), dt.date(2026, 3, 20), 30)


def test_percentile_is_nearest_rank() -> None:
    assert dashboard.percentile({1: 1, 2: 1, 3: 1, 4: 1}, 0.5) == 2
    assert dashboard.percentile({5: 9, 100: 1}, 0.9) == 5
    assert dashboard.percentile({5: 9, 100: 2}, 0.9) == 100


def test_due_counts_follow_the_due_dates_the_services_store(database: Database) -> None:
    """On a demo database whose due dates were worked out by the due-date service."""
    due_dates = pytest.importorskip("core.services.due_dates")
    from core.services import demo

    with database.uow() as uow:
        demo.build(uow, 300)
    with database.uow() as uow:
        due_dates.refresh_all_due(uow)
        uow.commit()
        stored = uow.session.execute(select(Unit.due_at, Unit.due_rule).where(Unit.due_at.is_not(None))).all()
    now = dt.datetime.now(UTC)
    today = now.astimezone(TZ).date()
    want: dict[str, Counter[str]] = defaultdict(Counter)
    for due_at, rule in stored:
        day = due_at.astimezone(TZ).date()
        if day <= today:
            want[rule or "unspecified"]["overdue" if day < today else "due_today"] += 1
    with database.uow(SUPERVISOR) as uow:
        board = dashboard.load(uow, dashboard.default_filter(today), now=now)
    assert {d.rule: (d.due_today, d.overdue) for d in board.due} == \
        {r: (c["due_today"], c["overdue"]) for r, c in want.items()}
    assert sum(d.overdue + d.due_today for d in board.due) > 0


def test_service_level_shortcuts_agree_with_the_rule_at_every_edge() -> None:
    """Met/missed/pending settled by the day's bounds equal the verdict of `service_level_due`
    itself, for requests at any hour (nights, weekends, holidays) and answers around the due."""
    jomplair = presets.load_preset("jomplair")
    rng = random.Random(5)
    start = dt.datetime(2026, 1, 1, tzinfo=TZ)
    for trial in range(3):
        now = start + dt.timedelta(days=rng.randint(30, 330), minutes=rng.randint(0, 1440))
        judge = dashboard._ServiceLevelJudge({"jomplair": jomplair}, {}, now)
        for _ in range(400):
            at = start + dt.timedelta(minutes=rng.randint(0, 330 * 24 * 60))
            level = rng.choice(["P1", "P2", "P3"])
            due = service_level_due(jomplair, level, at).due
            answered = rng.choice([None, due + dt.timedelta(minutes=rng.choice([-1, 0, 1])),
                                   at + dt.timedelta(hours=rng.randint(0, 200))])
            if answered is not None and answered > now:
                answered = None  # an answer cannot come after "now"
            if answered is not None:
                want = "met" if answered <= due else "missed"
            else:
                want = "missed" if now > due else "pending"
            assert judge("jomplair", level, at, answered) == want, (trial, at, level, answered, now)
