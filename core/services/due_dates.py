"""Each in-center unit's next due date, stored on the unit (`due_at`, `due_rule`).

The due-today/overdue queue must stay one indexed query at a million work orders, so the
deadlines the policy engine computes (`core.policies.deadlines.all_deadlines`) are folded into
the earliest open one per unit whenever something they depend on changes: a unit's state
(`lifecycle.refresh_work_order_status`), a recorded R1-R3 date (`work_order_events`), a policy,
its assignment or a setting it reads (`refresh_all_due`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Row, bindparam, exists, select, update
from sqlalchemy.orm import aliased

from core import center
from core.models import Policy as PolicyRow
from core.models import Product, Unit, UnitStatus, WorkOrder, WorkOrderStatus
from core.policies.deadlines import Deadline
from core.policies.explain import without_wording
from core.policies.schema import Policy
from core.services.intake import IN_CENTER
from core.services.policies import policy_for, policy_settings
from core.services.warranty_decisions import (
    ORDER_COLUMNS,
    UNIT_COLUMNS,
    OrderRow,
    UnitRow,
    order_deadlines,
    prepare,
)
from core.unit_of_work import UnitOfWork

# A date-only deadline lasts its whole local day; it is due at that day's last minute.
END_OF_DAY = dt.time(23, 59)
# Deadlines the customer had to meet before the unit reached the center: its arrival shows them
# met (and the return window is met by the very request that made it appear).
_MET_ON_ARRIVAL = frozenset({"return_window", "send_back", "faulty_part_due"})
# Once a unit is repaired, or goes back without a repair, the repair-by promise (D2) is over.
_REPAIR_OVER = frozenset({UnitStatus.TESTING, UnitStatus.READY_TO_SHIP,
                          UnitStatus.RETURN_UNREPAIRED, UnitStatus.REPLACEMENT,
                          UnitStatus.RETURN_REFUND})
_AWAITING_DIAGNOSIS = UnitStatus.RECEIVED
# Settings every policy's calendar or the center's day boundaries read.
_SETTINGS_FOR_ALL = ("center.timezone", "center.country")


def is_open(deadline: Deadline, status: UnitStatus, order: OrderRow) -> bool:
    """Whether `deadline` still asks something of the center for a unit in `status`."""
    if deadline.due is None or deadline.problem is not None:
        return False  # undated (awaiting payment, unknown calendar) or a refused return
    if deadline.kind in _MET_ON_ARRIVAL:
        return False
    if deadline.kind == "service_level":
        # D3: the diagnosis promised within hours is kept once the technician starts it.
        return status == _AWAITING_DIAGNOSIS
    if deadline.kind == "repair_by":
        return status not in _REPAIR_OVER
    if deadline.kind == "replacement_ship_by":
        return order.replacement_delivered_on is None  # R3: delivered, so it shipped
    return True


def due_instant(deadline: Deadline, tz: ZoneInfo) -> dt.datetime:
    """The deadline as an aware instant; a date counts as 23:59 of that day in the center."""
    due = deadline.due
    assert due is not None
    if isinstance(due, dt.datetime):
        return due
    return dt.datetime.combine(due, END_OF_DAY, tzinfo=tz)


Due = tuple[dt.datetime | None, str | None]
# progress(done, total) in work orders, for a long refresh's progress bar.
Progress = Callable[[int, int], None]


def earliest_open(items: list[Deadline], unit: UnitRow, order: OrderRow, tz: ZoneInfo) -> Due:
    """(due instant, rule) of the first open deadline that concerns `unit`, or (None, None)."""
    best: tuple[dt.datetime, str] | None = None
    for d in items:
        if d.serial not in (None, unit.serial) or not is_open(d, unit.status, order):
            continue
        at = due_instant(d, tz)
        if best is None or at < best[0]:
            best = (at, d.rule)
    return best if best is not None else (None, None)


@dataclass
class DueContext:
    """What every work order's refresh reads once: the settings, the center's zone, policies."""

    settings: Mapping[str, str]
    tz: ZoneInfo
    policies: dict[str, Policy] = field(default_factory=dict)

    @classmethod
    def load(cls, uow: UnitOfWork) -> DueContext:
        settings = policy_settings(uow)
        name = settings.get("center.timezone") or center.DEFAULTS["center.timezone"]
        return cls(settings, center.zone(name))


def _in_center(unit: UnitRow) -> bool:
    return unit.status in IN_CENTER


def order_dues(uow: UnitOfWork, orders: Sequence[OrderRow], ctx: DueContext) -> dict[int, Due]:
    """The due date of every unit of `orders` ((None, None) for units not in the center)."""
    out: dict[int, Due] = {u.id: (None, None) for o in orders for u in o.units}
    here = [o for o in orders if any(_in_center(u) for u in o.units)]
    records = prepare(uow, here, ctx.tz, ctx.policies, _in_center)
    with without_wording():  # only the dates and rules are stored
        for order in here:
            items = order_deadlines(order, ctx.tz, ctx.settings, ctx.policies, records,
                                    _in_center)
            for unit in filter(_in_center, order.units):
                out[unit.id] = earliest_open(items, unit, order, ctx.tz)
    return out


def refresh_due(uow: UnitOfWork, wo: WorkOrder, context: DueContext | None = None) -> None:
    """Store on each unit of `wo` its earliest open deadline; NULL for units not in the center.

    Reads the work order's units as loaded (the caller has just refreshed them) and writes only
    the units whose due date changed.
    """
    dues = order_dues(uow, [OrderRow.of(wo)], context or DueContext.load(uow))
    for unit in wo.units:
        due_at, rule = dues[unit.id]
        if unit.due_at != due_at or unit.due_rule != rule:
            unit.due_at, unit.due_rule = due_at, rule


def _candidates(codes: Collection[str], policies: Mapping[str, Policy]) -> ColumnElement[bool]:
    """In-center units of work orders on which some policy clock may have started (see
    `all_deadlines`), or that carry a due date now: the rest have nothing to compute."""
    started = (WorkOrder.priority.is_not(None) & (Unit.status == _AWAITING_DIAGNOSIS)
               & Product.policy_code.in_(sorted(c for c, p in policies.items()
                                                if p.service_levels)))
    started |= Product.policy_code.in_(sorted(c for c, p in policies.items() if p.return_shipping))
    for column in (WorkOrder.return_requested_on, WorkOrder.return_confirmed_on,
                   WorkOrder.spec_mismatch_confirmed_on, WorkOrder.replacement_approved_on,
                   WorkOrder.replacement_delivered_on):
        started |= column.is_not(None)
    sibling = aliased(Unit)
    started |= exists().where(sibling.work_order_id == Unit.work_order_id,
                              sibling.customer_accepted_at.is_not(None)
                              | sibling.paid_at.is_not(None))
    return Unit.status.in_(IN_CENTER) & Product.policy_code.in_(sorted(codes)) & (
        started | Unit.due_at.is_not(None))


def refresh_all_due(uow: UnitOfWork, *, policy_codes: Collection[str] | None = None,
                    product_ids: Collection[int] | None = None, batch: int = 2000,
                    progress: Progress | None = None) -> int:
    """Recompute the due dates of the units in the center (of these policies or products
    only); returns the number of work orders computed. For after a policy, its assignment or
    a setting it reads changed, and after a bulk load; runs in the caller's transaction.

    Writes with plain UPDATEs: units already loaded in the session keep their old due date.
    """
    session = uow.session
    session.flush()
    left = update(Unit).where(Unit.due_at.is_not(None), Unit.status.not_in(IN_CENTER))
    session.execute(left.values(due_at=None, due_rule=None)
                    .execution_options(synchronize_session=False))
    ctx = DueContext.load(uow)
    ctx.policies = {code: policy_for(uow, code) for code in session.scalars(select(PolicyRow.code))}
    wanted = (select(Unit.work_order_id).join(Product, Product.id == Unit.product_id)
              .join(WorkOrder, WorkOrder.id == Unit.work_order_id)
              .where(_candidates(ctx.policies if policy_codes is None else policy_codes,
                                 ctx.policies)))
    if product_ids is not None:
        wanted = wanted.where(Unit.product_id.in_(sorted(product_ids)))
    # One pass over the candidates (a keyset query per batch would scan the units again).
    ids = sorted(session.scalars(wanted.distinct()))
    return refresh_orders(uow, ids, ctx, batch=batch, progress=progress)


def refresh_orders(uow: UnitOfWork, ids: Sequence[int], context: DueContext | None = None, *,
                   batch: int = 2000, progress: Progress | None = None) -> int:
    """Recompute the due dates of the units of work orders `ids`, a batch of work orders per
    few queries, writing only the changed ones; returns the number of work orders.

    `progress(done, total)` is called after each batch (the Admin screen shows it).
    """
    ctx = context or DueContext.load(uow)
    if progress is not None:
        progress(0, len(ids))
    for start in range(0, len(ids), batch):
        orders, stored = _load(uow, list(ids[start:start + batch]))
        store_dues(uow, orders, stored, ctx)
        if progress is not None:
            progress(min(start + batch, len(ids)), len(ids))
    return len(ids)


_UNIT = Unit.__table__
_WRITE_DUE = update(_UNIT).where(_UNIT.c.id == bindparam("uid")).values(
    due_at=bindparam("new_due", type_=_UNIT.c.due_at.type), due_rule=bindparam("new_rule"))


def store_dues(uow: UnitOfWork, orders: Sequence[OrderRow], stored: Mapping[int, Due],
               ctx: DueContext) -> None:
    """Compute the due dates of the units of `orders` and write those that differ from
    `stored` (each unit's (due_at, due_rule) as read with the orders)."""
    dues = order_dues(uow, orders, ctx)
    changed = [{"uid": uid, "new_due": due, "new_rule": rule}
               for uid, (due, rule) in dues.items() if stored[uid] != (due, rule)]
    if changed:
        uow.flush()
        uow.connection().execute(_WRITE_DUE, changed)


# Built once: each intake receipt refreshes one work order, and building and compiling the
# statements again cost more than running them.
_UNITS_OF_ORDERS = (select(*UNIT_COLUMNS, Unit.work_order_id, Unit.due_at, Unit.due_rule)
                    .join(Product, Product.id == Unit.product_id)
                    .where(Unit.work_order_id.in_(bindparam("ids", expanding=True))))
_ORDERS = select(*ORDER_COLUMNS).where(WorkOrder.id.in_(bindparam("ids", expanding=True)))


# One work order for an intake receipt: its row locked (see `locked_order`), then its units.
_LOCK_ORDER = (select(WorkOrder.status, *ORDER_COLUMNS).where(WorkOrder.id == bindparam("id"))
               .with_for_update(key_share=True))
_UNITS_OF_ORDER = (select(*UNIT_COLUMNS, Unit.work_order_id, Unit.due_at, Unit.due_rule)
                   .join(Product, Product.id == Unit.product_id)
                   .where(Unit.work_order_id == bindparam("id")).order_by(Unit.id))


def _units(rows: Iterable[Row[Any]], units: dict[int, list[UnitRow]],
           stored: dict[int, Due]) -> None:
    n = len(UNIT_COLUMNS)
    for row in rows:
        unit = UnitRow(*row[:n])
        units.setdefault(row[n], []).append(unit)
        stored[unit.id] = (row[n + 1], row[n + 2])


def _load(uow: UnitOfWork, ids: list[int]) -> tuple[list[OrderRow], dict[int, Due]]:
    # Plain rows, not ORM objects: a million-work-order refresh spends its time here otherwise.
    units: dict[int, list[UnitRow]] = {}
    stored: dict[int, Due] = {}
    uow.flush()  # the rows as this unit of work left them, as the ORM would read them
    conn = uow.connection()
    _units(conn.execute(_UNITS_OF_ORDERS, {"ids": ids}), units, stored)
    orders = [OrderRow(*row, units=tuple(units.get(row[0], ())))
              for row in conn.execute(_ORDERS, {"ids": ids})]
    return orders, stored


def locked_order(uow: UnitOfWork, order_id: int) -> tuple[WorkOrderStatus, OrderRow,
                                                          dict[int, Due]]:
    """The work order's state, its row for `store_dues` and its units' stored due dates, in
    two statements, its row locked first: two stations receiving its last two units at once
    would otherwise each see the other's unit still waiting (PostgreSQL, MariaDB; SQLite's
    BEGIN IMMEDIATE already serialises writers). NO KEY UPDATE: it must not conflict with the
    KEY SHARE locks that rows referring to the work order (the parcel, the scan) take, or two
    stations deadlock."""
    uow.flush()
    conn = uow.connection()
    status, *columns = conn.execute(_LOCK_ORDER, {"id": order_id}).one()
    # A statement of its own, after the lock: on PostgreSQL a statement that waited for a lock
    # still reads the other tables as they were when it started.
    units: dict[int, list[UnitRow]] = {}
    stored: dict[int, Due] = {}
    _units(conn.execute(_UNITS_OF_ORDER, {"id": order_id}), units, stored)
    return status, OrderRow(*columns, units=tuple(units.get(order_id, ()))), stored


def _keys_read(policy: Policy) -> set[str]:
    periods = (policy.warranty.period, policy.warranty.period_without_proof)
    return set(policy.settings_keys) | {p.length_setting for p in periods
                                        if p is not None and p.length_setting}


def refresh_for_settings(uow: UnitOfWork, keys: Collection[str],
                         progress: Progress | None = None) -> int:
    """After center settings `keys` changed: recompute the units whose deadlines read them
    (every unit for the time zone or the calendar, a policy's units for its own setting)."""
    if any(k in _SETTINGS_FOR_ALL or k.startswith("calendar.") for k in keys):
        return refresh_all_due(uow, progress=progress)
    codes = [code for code in uow.session.scalars(select(PolicyRow.code))
             if _keys_read(policy_for(uow, code)) & set(keys)]
    return refresh_all_due(uow, policy_codes=codes, progress=progress) if codes else 0
