"""Warranty decisions and due dates for units in the database (rules W1-W5, I4, I5, D2, S1).

The policy engine in `core.policies` is pure; this module gathers what it needs from the rows:
the unit's dates, the exclusions found, the earlier paid repairs of the same serial (W4), and
the dates recorded on the work order that start policy clocks.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import exists, select

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
    paid = exists().where(Quote.unit_id == Unit.id, Quote.status.in_(PAID_QUOTE_STATES))
    query = select(Unit.shipped_at).where(
        Unit.serial == unit.serial, Unit.id != unit.id, Unit.shipped_at.is_not(None),
        paid | Unit.paid_at.is_not(None))
    if unit.received_at is not None:
        query = query.where(Unit.shipped_at < unit.received_at)
    return [d for (s,) in uow.session.execute(query) if (d := _local_date(s, tz))]


def unit_facts(uow: UnitOfWork, unit: Unit, policy: Policy,
               received_on: dt.date | None = None) -> UnitFacts:
    """What the policy engine needs to know about `unit`.

    Args:
        received_on: Judge as if the parcel arrived that day (what-if); default: the day the
            unit was received, in the center's time zone.
    """
    tz = center.load(uow).timezone
    wo: WorkOrder = unit.work_order
    exclusions: set[str] = set()
    diagnosis = latest_diagnosis(uow, unit.id)
    if diagnosis is not None:
        exclusions.update(diagnosis.exclusions or [])
    if unit.intake_id is not None:
        intake = uow.session.get(ParcelIntake, unit.intake_id)
        if intake is not None:
            exclusions |= intake_exclusions(intake.condition, policy)
    return UnitFacts(
        serial=unit.serial, model=unit.product.model, policy_code=unit.product.policy_code,
        purchase_date=unit.purchase_date, proof_of_purchase=unit.proof_of_purchase,
        factory_date=unit.factory_date, delivered_date=unit.delivered_date,
        received_on=received_on or _local_date(unit.received_at, tz),
        requested_on=_local_date(wo.submitted_at, tz),
        exclusions=frozenset(exclusions),
        has_order_number=bool(wo.order_number.strip()),
        extended_until=latest_extension(policy, paid_repair_ship_dates(uow, unit, tz)),
    )


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
    return WorkOrderEvents(paid_on=min(paid, default=None), agreed_on=min(agreed, default=None),
                           service_requests=requests)


def deadlines_for(uow: UnitOfWork, work_order_number: str) -> list[Deadline]:
    """Every due date of the work order with its rule, across the policies of its units."""
    wo = _work_order(uow, work_order_number)
    tz = center.load(uow).timezone
    settings = policy_settings(uow)
    events = work_order_events(uow, wo, tz)
    by_policy: dict[str, list[Unit]] = {}
    for unit in wo.units:
        by_policy.setdefault(unit.product.policy_code, []).append(unit)
    out: list[Deadline] = []
    for code, units in sorted(by_policy.items()):
        policy = policy_for(uow, code)
        facts = [unit_facts(uow, u, policy) for u in units]
        out.extend(all_deadlines(policy, facts, events, settings))
    return out
