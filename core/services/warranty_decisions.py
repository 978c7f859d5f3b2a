"""Warranty decisions and due dates for units in the database (rules W1-W5, I4, I5, D2, S1).

The policy engine in `core.policies` is pure; this module gathers what it needs from the rows:
the unit's dates, the exclusions found, the earlier paid repairs of the same serial (W4), and
the dates recorded on the work order that start policy clocks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import exists, select
from sqlalchemy.orm.util import identity_key

from core import center
from core.errors import UserError
from core.models import Diagnosis, ParcelIntake, Quote, Unit, WorkOrder
from core.policies import UnitFacts, WarrantyDecision, latest_extension, warranty
from core.policies.deadlines import Deadline, WorkOrderEvents, all_deadlines
from core.policies.schema import Policy
from core.services.policies import policy_for, policy_settings
from core.unit_of_work import UnitOfWork

# Quote states in which the customer agreed to pay for the repair.
PAID_QUOTE_STATES = ("accepted", "paid")


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


def paid_repair_ship_dates(uow: UnitOfWork, unit: Unit, tz: ZoneInfo) -> list[dt.date]:
    """Days on which earlier paid repairs of this serial were sent back (rule W4).

    Units of the same serial on any work order count when the customer accepted (or paid) a
    quote and the unit was shipped before this one arrived.
    """
    return _paid_ship_dates(uow, [unit], tz)[unit.id]


def _paid_ship_dates(uow: UnitOfWork, units: Sequence[Unit], tz: ZoneInfo) -> dict[int, list[dt.date]]:
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
    the parcel's condition on arrival and the days earlier paid repairs went back (W4)."""

    exclusions: tuple[str, ...] = ()
    condition: str = ""
    paid_ship_dates: tuple[dt.date, ...] = ()


def unit_records(uow: UnitOfWork, units: Sequence[Unit], tz: ZoneInfo) -> dict[int, UnitRecords]:
    """`UnitRecords` of many units in three queries at most, whatever their number."""
    if not units:
        return {}
    ids = [u.id for u in units]
    exclusions: dict[int, list[str]] = {}
    for uid, codes in uow.session.execute(select(Diagnosis.unit_id, Diagnosis.exclusions).where(
            Diagnosis.unit_id.in_(ids)).order_by(Diagnosis.id)):
        exclusions[uid] = list(codes or [])  # the latest diagnosis counts
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
    shipped = _paid_ship_dates(uow, units, tz)
    return {u.id: UnitRecords(tuple(exclusions.get(u.id, ())),
                              conditions.get(u.intake_id, "") if u.intake_id else "",
                              tuple(shipped[u.id])) for u in units}


def facts_from(unit: Unit, policy: Policy, tz: ZoneInfo, records: UnitRecords | None, *,
               received_on: dt.date | None = None,
               requested_on: dt.date | None = None) -> UnitFacts:
    """The engine's view of `unit` from the row and its `records` (None: no exclusions and no
    extension are known, enough for deadlines that do not depend on the warranty)."""
    wo: WorkOrder = unit.work_order
    exclusions: set[str] = set()
    extended = None
    if records is not None:
        exclusions.update(records.exclusions)
        exclusions |= intake_exclusions(records.condition, policy)
        extended = latest_extension(policy, list(records.paid_ship_dates))
    return UnitFacts(
        serial=unit.serial, model=unit.product.model, policy_code=unit.product.policy_code,
        purchase_date=unit.purchase_date, proof_of_purchase=unit.proof_of_purchase,
        factory_date=unit.factory_date, delivered_date=unit.delivered_date,
        received_on=received_on or _local_date(unit.received_at, tz),
        requested_on=requested_on or _local_date(wo.submitted_at, tz),
        exclusions=frozenset(exclusions),
        has_order_number=bool(wo.order_number.strip()),
        extended_until=extended,
    )


def unit_facts(uow: UnitOfWork, unit: Unit, policy: Policy,
               received_on: dt.date | None = None) -> UnitFacts:
    """What the policy engine needs to know about `unit`.

    Args:
        received_on: Judge as if the parcel arrived that day (what-if); default: the day the
            unit was received, in the center's time zone.
    """
    tz = center.load(uow).timezone
    records = unit_records(uow, [unit], tz)[unit.id]
    return facts_from(unit, policy, tz, records, received_on=received_on)


def find_unit(uow: UnitOfWork, work_order_number: str, serial: str) -> Unit:
    """The unit `serial` of work order `work_order_number`, or a UserError saying which is unknown."""
    wo = _work_order(uow, work_order_number)
    unit = next((u for u in wo.units if u.serial == serial), None)
    if unit is None:
        raise UserError(f"Work order {work_order_number} has no unit with serial {serial!r}.")
    return unit


def decide(uow: UnitOfWork, unit_id: int, at: dt.date | None = None) -> WarrantyDecision:
    """The warranty decision for a unit, judged on the day it arrived (or on `at`)."""
    unit = uow.session.get(Unit, unit_id)
    if unit is None:
        raise UserError(f"There is no unit {unit_id}.")
    policy = policy_for(uow, unit.product.policy_code)
    return warranty(policy, unit_facts(uow, unit, policy, at), policy_settings(uow))


def _work_order(uow: UnitOfWork, number: str) -> WorkOrder:
    wo = uow.session.scalars(select(WorkOrder).where(WorkOrder.number == number)).first()
    if wo is None:
        raise UserError(f"There is no work order {number!r}; check the number on the paperwork.")
    return wo


def work_order_events(uow: UnitOfWork, wo: WorkOrder, tz: ZoneInfo) -> WorkOrderEvents:
    """Dates recorded on the work order that start policy clocks (earliest unit counts)."""
    paid = [d for u in wo.units if (d := _local_date(u.paid_at, tz))]
    agreed = [d for u in wo.units if (d := _local_date(u.customer_accepted_at, tz))]
    requests: tuple[tuple[str, dt.datetime], ...] = ()
    if wo.priority is not None and wo.submitted_at is not None:
        requests = ((wo.priority.value, wo.submitted_at),)  # rule D3: the clock runs from the request
    return WorkOrderEvents(
        paid_on=min(paid, default=None), agreed_on=min(agreed, default=None),
        return_reason=wo.return_reason if wo.return_requested_on else None,
        return_confirmed_on=wo.return_confirmed_on,
        spec_mismatch_confirmed_on=wo.spec_mismatch_confirmed_on,
        replacement_approved_on=wo.replacement_approved_on,
        replacement_delivered_on=wo.replacement_delivered_on,
        service_requests=requests)


def _needs_warranty(policy: Policy, events: WorkOrderEvents) -> bool:
    # Only the S1 return-by date (in warranty or not) and a return request's eligibility read
    # the exclusions and W4 extensions; other deadlines need the unit's dates alone.
    return policy.return_shipping is not None or bool(policy.returns and events.return_reason)


def work_order_deadlines(uow: UnitOfWork, wo: WorkOrder, tz: ZoneInfo,
                         settings: Mapping[str, str], *, units: Sequence[Unit] | None = None,
                         policies: Mapping[str, Policy] | None = None,
                         records: Mapping[int, UnitRecords] | None = None) -> list[Deadline]:
    """The due dates of `wo`: per-unit items for `units` (default: every unit), work-order items
    for each policy among all its units.

    `policies` and `records` may be given already loaded (many work orders at once); whatever
    is missing is read here.
    """
    events = work_order_events(uow, wo, tz)
    # A return request recorded on its own day is the request the return window judges (R1, R2).
    requested = wo.return_requested_on
    chosen = {u.id for u in (wo.units if units is None else units)}
    by_policy: dict[str, list[Unit]] = {}
    for unit in wo.units:
        by_policy.setdefault(unit.product.policy_code, [])
        if unit.id in chosen:
            by_policy[unit.product.policy_code].append(unit)
    out: list[Deadline] = []
    for code, group in sorted(by_policy.items()):
        policy = policies[code] if policies and code in policies else policy_for(uow, code)
        known: Mapping[int, UnitRecords] = {}
        if group and _needs_warranty(policy, events):
            known = records if records is not None else unit_records(uow, group, tz)
        facts = [facts_from(u, policy, tz, known.get(u.id), requested_on=requested)
                 for u in group]
        out.extend(all_deadlines(policy, facts, events, settings))
    return out


def deadlines_for(uow: UnitOfWork, work_order_number: str) -> list[Deadline]:
    """Every due date of the work order with its rule, across the policies of its units."""
    wo = _work_order(uow, work_order_number)
    return work_order_deadlines(uow, wo, center.load(uow).timezone, policy_settings(uow))
