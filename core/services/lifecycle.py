"""Unit and work-order states: recording each change, and a work order's state from its units."""

from __future__ import annotations

from sqlalchemy import select

from core.models import StatusChange, Unit, UnitStatus, WorkOrder, WorkOrderStatus, utcnow
from core.unit_of_work import UnitOfWork

_SHIPPED = {UnitStatus.SHIPPED, UnitStatus.CLOSED}
_ENDED = {UnitStatus.CANCELLED, UnitStatus.REFUSED}


def record_unit_change(uow: UnitOfWork, unit: Unit, old: UnitStatus, new: UnitStatus,
                       reason: str = "") -> None:
    """Who moved the unit from `old` to `new`, when and why."""
    uow.session.add(StatusChange(
        work_order_id=unit.work_order_id, unit_id=unit.id, from_status=old.value,
        to_status=new.value, reason=reason, user_id=uow.actor.user_id,
        station=uow.actor.station, at=utcnow()))


def derive_work_order_status(states: list[UnitStatus], current: WorkOrderStatus) -> WorkOrderStatus:
    """A work order's state follows its units (partly received, partly shipped, ...)."""
    if current == WorkOrderStatus.CANCELLED or not states:
        return current
    live = [s for s in states if s not in _ENDED]
    if not live:
        return WorkOrderStatus.REFUSED if UnitStatus.REFUSED in states else WorkOrderStatus.CANCELLED
    if all(s == UnitStatus.CLOSED for s in live):
        return WorkOrderStatus.CLOSED
    if all(s in _SHIPPED for s in live):
        return WorkOrderStatus.SHIPPED
    if any(s in _SHIPPED for s in live):
        return WorkOrderStatus.PARTLY_SHIPPED
    waiting = [s for s in live if s == UnitStatus.AWAITING_PARCEL]
    if len(waiting) == len(live):
        return WorkOrderStatus.AWAITING_PARCEL
    if waiting:
        return WorkOrderStatus.PARTLY_RECEIVED
    if all(s == UnitStatus.RECEIVED for s in live):
        return WorkOrderStatus.RECEIVED
    return WorkOrderStatus.IN_PROGRESS


def refresh_work_order_status(uow: UnitOfWork, wo: WorkOrder) -> None:
    uow.session.flush()
    # Lock the work order's row before reading its units: two stations receiving its last two
    # units at once would otherwise each see the other's unit still waiting (PostgreSQL, MariaDB;
    # SQLite's BEGIN IMMEDIATE already serialises writers).
    # NO KEY UPDATE: it must not conflict with the KEY SHARE locks that rows referring to the
    # work order (the parcel, the scan) take, or two stations deadlock.
    uow.session.execute(select(WorkOrder.id).where(WorkOrder.id == wo.id)
                        .with_for_update(key_share=True))
    uow.session.refresh(wo, ["units", "status"])
    new = derive_work_order_status([u.status for u in wo.units], wo.status)
    if new != wo.status:
        uow.session.add(StatusChange(
            work_order_id=wo.id, unit_id=None, from_status=wo.status.value, to_status=new.value,
            reason="follows its units", user_id=uow.actor.user_id, station=uow.actor.station,
            at=utcnow()))
        wo.status = new
    # Imported here: due_dates reads intake's states, and intake imports this module.
    from core.services.due_dates import refresh_due

    refresh_due(uow, wo)  # every state change may start or end a deadline
