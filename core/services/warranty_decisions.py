"""Warranty decisions and due dates for units in the database (rules W1-W5, I4, I5, D2, S1).

The policy engine in `core.policies` is pure; this module gathers what it needs from the rows:
the unit's dates, the exclusions found, the earlier paid repairs of the same serial (W4), and
the dates recorded on the work order that start policy clocks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import exists, select
from sqlalchemy.orm.util import identity_key

from core import center, messages
from core.errors import UserError
from core.models import (
    Diagnosis,
    ParcelIntake,
    Priority,
    Product,
    Quote,
    Unit,
    UnitStatus,
    WorkOrder,
)
from core.policies import UnitFacts, WarrantyDecision, latest_extension, warranty
from core.policies.deadlines import Deadline, WorkOrderEvents, all_deadlines
from core.policies.schema import Policy
from core.services.policies import policy_for, policy_settings
from core.unit_of_work import UnitOfWork

# Quote states in which the customer agreed to pay for the repair.
PAID_QUOTE_STATES = ("accepted", "paid")

messages.add({
    "warranty_decision.no_unit_serial": {
        "en": "Work order {number} has no unit with serial {serial!r}.",
        "zh_CN": "工单 {number} 中没有序列号为 {serial!r} 的设备。",
        "zh_TW": "工單 {number} 中沒有序號為 {serial!r} 的設備。",
    },
    "warranty_decision.no_unit": {
        "en": "There is no unit {unit}.",
        "zh_CN": "没有设备 {unit}。",
        "zh_TW": "沒有設備 {unit}。",
    },
    "warranty_decision.no_work_order": {
        "en": "There is no work order {number!r}; check the number on the paperwork.",
        "zh_CN": "没有工单 {number!r}；请核对单据上的工单号。",
        "zh_TW": "沒有工單 {number!r}；請核對單據上的工單號碼。",
    },
})


def intake_exclusions(condition: str, policy: Policy) -> frozenset[str]:
    """Exclusion codes that the parcel's condition on arrival supports (rule I4).

    The condition describes the parcel, not each unit, so only what it shows about the product
    counts: a damaged box alone says nothing about the unit inside, and an opened parcel is not
    an opened product seal. A unit that arrived damaged counts as logistics damage only where
    the vendor's terms list it (Jasminer 002); elsewhere the technician judges at diagnosis,
    because the engine voids any policy's warranty once logistics damage is a fact.
    """
    codes = {c.strip() for c in condition.split(",") if c.strip()}
    own = {term.code for term in policy.warranty.exclusions}
    found: set[str] = set()
    if "wet" in codes and "water" in own:
        found.add("water")
    if "damaged_unit" in codes and "logistics_damage" in own:
        found.add("logistics_damage")
    return frozenset(found)


def latest_diagnosis(uow: UnitOfWork, unit_id: int) -> Diagnosis | None:
    """The diagnosis that counts: the latest one recorded for the unit."""
    return uow.session.scalars(select(Diagnosis).where(Diagnosis.unit_id == unit_id)
                               .order_by(Diagnosis.id.desc()).limit(1)).first()


def _local_date(moment: dt.datetime | None, tz: ZoneInfo) -> dt.date | None:
    return moment.astimezone(tz).date() if moment is not None else None


@dataclass(frozen=True)
class UnitRow:
    """The columns of a unit that its warranty and deadlines read, apart from the session:
    from a loaded unit (`of`) or, many at once, from a query of `UNIT_COLUMNS`."""

    id: int
    serial: str
    model: str
    policy_code: str
    status: UnitStatus
    purchase_date: dt.date | None
    proof_of_purchase: bool
    factory_date: dt.date | None
    delivered_date: dt.date | None
    received_at: dt.datetime | None
    intake_id: int | None
    paid_at: dt.datetime | None
    customer_accepted_at: dt.datetime | None

    @classmethod
    def of(cls, unit: Unit) -> UnitRow:
        return cls(unit.id, unit.serial, unit.product.model, unit.product.policy_code,
                   unit.status, unit.purchase_date, unit.proof_of_purchase, unit.factory_date,
                   unit.delivered_date, unit.received_at, unit.intake_id, unit.paid_at,
                   unit.customer_accepted_at)


UNIT_COLUMNS = (Unit.id, Unit.serial, Product.model, Product.policy_code, Unit.status,
                Unit.purchase_date, Unit.proof_of_purchase, Unit.factory_date,
                Unit.delivered_date, Unit.received_at, Unit.intake_id, Unit.paid_at,
                Unit.customer_accepted_at)  # in UnitRow's order; join Product


@dataclass(frozen=True)
class OrderRow:
    """The columns of a work order that start policy clocks, with its units' `UnitRow`s."""

    id: int
    order_number: str
    submitted_at: dt.datetime | None
    priority: Priority | None
    return_reason: str | None
    return_requested_on: dt.date | None
    return_confirmed_on: dt.date | None
    spec_mismatch_confirmed_on: dt.date | None
    replacement_approved_on: dt.date | None
    replacement_delivered_on: dt.date | None
    units: tuple[UnitRow, ...] = ()

    @classmethod
    def of(cls, wo: WorkOrder, *, with_units: bool = True) -> OrderRow:
        units = tuple(UnitRow.of(u) for u in wo.units) if with_units else ()
        return cls(wo.id, wo.order_number, wo.submitted_at, wo.priority, wo.return_reason,
                   wo.return_requested_on, wo.return_confirmed_on, wo.spec_mismatch_confirmed_on,
                   wo.replacement_approved_on, wo.replacement_delivered_on, units)


ORDER_COLUMNS = (WorkOrder.id, WorkOrder.order_number, WorkOrder.submitted_at,
                 WorkOrder.priority, WorkOrder.return_reason, WorkOrder.return_requested_on,
                 WorkOrder.return_confirmed_on, WorkOrder.spec_mismatch_confirmed_on,
                 WorkOrder.replacement_approved_on, WorkOrder.replacement_delivered_on)


def paid_repair_ship_dates(uow: UnitOfWork, unit: Unit, tz: ZoneInfo) -> list[dt.date]:
    """Days on which earlier paid repairs of this serial were sent back (rule W4).

    Units of the same serial on any work order count when the customer accepted (or paid) a
    quote and the unit was shipped before this one arrived.
    """
    return _paid_ship_dates(uow, [UnitRow.of(unit)], tz)[unit.id]


def _paid_ship_dates(uow: UnitOfWork, units: Sequence[UnitRow],
                     tz: ZoneInfo) -> dict[int, list[dt.date]]:
    # One query for all `units`: a work order's deadlines need every unit's, and per-unit
    # queries would cost the intake scan a round trip per unit.
    paid = exists().where(Quote.unit_id == Unit.id, Quote.status.in_(PAID_QUOTE_STATES))
    rows = uow.session.execute(select(Unit.id, Unit.serial, Unit.shipped_at).where(
        Unit.serial.in_(sorted({u.serial for u in units})), Unit.shipped_at.is_not(None),
        paid | Unit.paid_at.is_not(None))).all()
    out: dict[int, list[dt.date]] = {}
    for unit in units:
        out[unit.id] = [d for other, serial, shipped in rows
                        if serial == unit.serial and other != unit.id
                        and (unit.received_at is None or shipped < unit.received_at)
                        and (d := _local_date(shipped, tz))]
    return out


@dataclass(frozen=True)
class UnitRecords:
    """What rows other than the unit's own say about it: the latest diagnosis's exclusions,
    the parcel's condition on arrival, the days earlier paid repairs went back (W4) and a
    supervisor's override of the latest diagnosis's decision (W5)."""

    exclusions: tuple[str, ...] = ()
    condition: str = ""
    paid_ship_dates: tuple[dt.date, ...] = ()
    override: str | None = None


def unit_records(uow: UnitOfWork, units: Sequence[UnitRow], tz: ZoneInfo, *,
                 extended: Callable[[UnitRow], bool] = lambda _: True) -> dict[int, UnitRecords]:
    """`UnitRecords` of many units in three queries at most, whatever their number; the paid
    repairs are looked up only for the units whose policy extends the warranty after one."""
    if not units:
        return {}
    ids = [u.id for u in units]
    exclusions: dict[int, list[str]] = {}
    overrides: dict[int, str | None] = {}
    for uid, codes, override in uow.session.execute(
            select(Diagnosis.unit_id, Diagnosis.exclusions, Diagnosis.override_decision)
            .where(Diagnosis.unit_id.in_(ids)).order_by(Diagnosis.id)):
        exclusions[uid] = list(codes or [])  # the latest diagnosis counts
        overrides[uid] = override
    conditions: dict[int, str] = {}
    unknown: set[int] = set()
    for iid in {u.intake_id for u in units if u.intake_id is not None}:
        loaded = uow.session.identity_map.get(identity_key(ParcelIntake, iid))
        if loaded is not None:
            conditions[iid] = loaded.condition  # type: ignore[attr-defined]
        else:
            unknown.add(iid)
    if unknown:
        conditions.update((iid, text) for iid, text in uow.session.execute(
            select(ParcelIntake.id, ParcelIntake.condition).where(ParcelIntake.id.in_(unknown))))
    wanted = [u for u in units if extended(u)]
    shipped = _paid_ship_dates(uow, wanted, tz) if wanted else {}
    return {u.id: UnitRecords(tuple(exclusions.get(u.id, ())),
                              conditions.get(u.intake_id, "") if u.intake_id else "",
                              tuple(shipped.get(u.id, ())), overrides.get(u.id)) for u in units}


def facts_from(unit: UnitRow, order: OrderRow, policy: Policy, tz: ZoneInfo,
               records: UnitRecords | None, *, received_on: dt.date | None = None,
               requested_on: dt.date | None = None) -> UnitFacts:
    """The engine's view of `unit` from the rows and its `records` (None: no exclusions and no
    extension are known, enough for deadlines that do not depend on the warranty)."""
    exclusions: set[str] = set()
    extended = override = None
    if records is not None:
        exclusions.update(records.exclusions)
        exclusions |= intake_exclusions(records.condition, policy)
        extended = latest_extension(policy, list(records.paid_ship_dates))
        override = records.override
    return UnitFacts(
        serial=unit.serial, model=unit.model, policy_code=unit.policy_code,
        purchase_date=unit.purchase_date, proof_of_purchase=unit.proof_of_purchase,
        factory_date=unit.factory_date, delivered_date=unit.delivered_date,
        received_on=received_on or _local_date(unit.received_at, tz),
        requested_on=requested_on or _local_date(order.submitted_at, tz),
        exclusions=frozenset(exclusions),
        has_order_number=bool(order.order_number.strip()),
        extended_until=extended,
        decision_override=override,
    )


def unit_facts(uow: UnitOfWork, unit: Unit, policy: Policy,
               received_on: dt.date | None = None) -> UnitFacts:
    """What the policy engine needs to know about `unit`.

    Args:
        received_on: Judge as if the parcel arrived that day (what-if); default: the day the
            unit was received, in the center's time zone.
    """
    tz = center.load(uow).timezone
    row = UnitRow.of(unit)
    records = unit_records(uow, [row], tz)[unit.id]
    return facts_from(row, OrderRow.of(unit.work_order, with_units=False), policy, tz, records,
                      received_on=received_on)


def find_unit(uow: UnitOfWork, work_order_number: str, serial: str) -> Unit:
    """The unit `serial` of work order `work_order_number`, or a UserError saying which is unknown."""
    wo = _work_order(uow, work_order_number)
    unit = next((u for u in wo.units if u.serial == serial), None)
    if unit is None:
        raise UserError.of("warranty_decision.no_unit_serial", number=work_order_number,
                           serial=serial)
    return unit


def decide(uow: UnitOfWork, unit_id: int, at: dt.date | None = None) -> WarrantyDecision:
    """The warranty decision for a unit, judged on the day it arrived (or on `at`)."""
    unit = uow.session.get(Unit, unit_id)
    if unit is None:
        raise UserError.of("warranty_decision.no_unit", unit=unit_id)
    policy = policy_for(uow, unit.product.policy_code)
    return warranty(policy, unit_facts(uow, unit, policy, at), policy_settings(uow))


def _work_order(uow: UnitOfWork, number: str) -> WorkOrder:
    wo = uow.session.scalars(select(WorkOrder).where(WorkOrder.number == number)).first()
    if wo is None:
        raise UserError.of("warranty_decision.no_work_order", number=number)
    return wo


def work_order_events(uow: UnitOfWork, wo: WorkOrder, tz: ZoneInfo) -> WorkOrderEvents:
    """Dates recorded on the work order that start policy clocks (earliest unit counts)."""
    return events_from(OrderRow.of(wo), tz)


def events_from(order: OrderRow, tz: ZoneInfo) -> WorkOrderEvents:
    paid = [d for u in order.units if (d := _local_date(u.paid_at, tz))]
    agreed = [d for u in order.units if (d := _local_date(u.customer_accepted_at, tz))]
    requests: tuple[tuple[str, dt.datetime], ...] = ()
    if order.priority is not None and order.submitted_at is not None:
        # rule D3: the clock runs from the request
        requests = ((order.priority.value, order.submitted_at),)
    return WorkOrderEvents(
        paid_on=min(paid, default=None), agreed_on=min(agreed, default=None),
        return_reason=order.return_reason if order.return_requested_on else None,
        return_confirmed_on=order.return_confirmed_on,
        spec_mismatch_confirmed_on=order.spec_mismatch_confirmed_on,
        replacement_approved_on=order.replacement_approved_on,
        replacement_delivered_on=order.replacement_delivered_on,
        service_requests=requests)


def needs_unit_records(policy: Policy, order: OrderRow) -> bool:
    """Whether the order's deadlines under `policy` read the units' records: only the S1
    return-by date (in warranty or not) and a return request's eligibility read the warranty."""
    return policy.return_shipping is not None or bool(
        policy.returns and order.return_reason and order.return_requested_on)


def prepare(uow: UnitOfWork, orders: Sequence[OrderRow], tz: ZoneInfo,
            policies: dict[str, Policy],
            chosen: Callable[[UnitRow], bool] = lambda _: True) -> dict[int, UnitRecords]:
    """Adds the policies of the orders' units to `policies` and returns the records that the
    deadlines of their `chosen` units need, in a few queries for all the orders."""
    for order in orders:
        for unit in order.units:
            if unit.policy_code not in policies:
                policies[unit.policy_code] = policy_for(uow, unit.policy_code)
    return unit_records(uow, [u for o in orders for u in o.units if chosen(u)
                              and needs_unit_records(policies[u.policy_code], o)], tz,
                        extended=lambda u: policies[u.policy_code].warranty.extension_days
                        is not None)


def order_deadlines(order: OrderRow, tz: ZoneInfo, settings: Mapping[str, str],
                    policies: Mapping[str, Policy], records: Mapping[int, UnitRecords],
                    chosen: Callable[[UnitRow], bool] = lambda _: True) -> list[Deadline]:
    """The due dates of the order: per-unit items of its `chosen` units, work-order items of
    each policy among all its units (see `prepare` for `policies` and `records`)."""
    events = events_from(order, tz)
    # A return request recorded on its own day is the request the return window judges (R1, R2).
    requested = order.return_requested_on
    by_policy: dict[str, list[UnitRow]] = {}
    for unit in order.units:
        by_policy.setdefault(unit.policy_code, [])
        if chosen(unit):
            by_policy[unit.policy_code].append(unit)
    out: list[Deadline] = []
    for code, group in sorted(by_policy.items()):
        policy = policies[code]
        facts = [facts_from(u, order, policy, tz, records.get(u.id), requested_on=requested)
                 for u in group]
        out.extend(all_deadlines(policy, facts, events, settings))
    return out


def deadlines_for(uow: UnitOfWork, work_order_number: str) -> list[Deadline]:
    """Every due date of the work order with its rule, across the policies of its units."""
    wo = _work_order(uow, work_order_number)
    tz = center.load(uow).timezone
    order = OrderRow.of(wo)
    policies: dict[str, Policy] = {}
    records = prepare(uow, [order], tz, policies)
    return order_deadlines(order, tz, policy_settings(uow), policies, records)
