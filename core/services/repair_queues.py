"""The repair technician's queues: counts and pages of unit rows, for lazily loaded tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, false, func, select

from core import center
from core.models import Product, Unit, UnitStatus, WorkOrder
from core.policies.deadlines import deadline_state
from core.services.intake import IN_CENTER
from core.services.warranty_decisions import deadlines_for
from core.unit_of_work import UnitOfWork

QUEUES = {
    "mine": "My units",
    "diagnosis": "Waiting for diagnosis",
    "customer": "Waiting for customer",
    "repair": "In repair",
    "due": "Due today / overdue",
}
_STATES = {
    "diagnosis": (UnitStatus.RECEIVED,),
    "customer": (UnitStatus.QUOTE_SENT,),
    "repair": (UnitStatus.QUOTE_ACCEPTED, UnitStatus.IN_REPAIR, UnitStatus.TESTING),
}
# The due queue computes policy deadlines per work order; it looks at this many at most so the
# count stays quick (the oldest first, which are the likeliest to be late).
DUE_SCAN_LIMIT = 500


@dataclass(frozen=True)
class QueueRow:
    id: int
    serial: str
    model: str
    work_order: str
    status: str
    received_at: dt.datetime | None


def _base(queue: str, user_id: int | None) -> Select:  # type: ignore[type-arg]
    q = select(Unit.id)
    if queue == "mine":
        # No signed-in user (a system actor) owns no units; "== None" would list unassigned ones.
        if user_id is None:
            return q.where(false())
        return q.where(Unit.assigned_to == user_id, Unit.status.in_(IN_CENTER))
    return q.where(Unit.status.in_(_STATES[queue]))


def _due_ids(uow: UnitOfWork) -> list[int]:
    today = dt.datetime.now(center.load(uow).timezone).date()
    numbers = uow.session.execute(
        select(WorkOrder.number).join(Unit).where(Unit.status.in_(IN_CENTER))
        .group_by(WorkOrder.id, WorkOrder.number).order_by(WorkOrder.id)
        .limit(DUE_SCAN_LIMIT)).scalars().all()
    ids: list[int] = []
    for number in numbers:
        items = deadlines_for(uow, number)
        late = [d for d in items if deadline_state(d, today) in ("overdue", "due_today")]
        if not late:
            continue
        serials = {d.serial for d in late}
        units = uow.session.execute(select(Unit.id, Unit.serial).join(WorkOrder).where(
            WorkOrder.number == number, Unit.status.in_(IN_CENTER))).all()
        ids.extend(uid for uid, serial in units if None in serials or serial in serials)
    return ids


def count(uow: UnitOfWork, queue: str, user_id: int | None = None) -> int:
    if queue == "due":
        return len(_due_ids(uow))
    return int(uow.session.scalar(select(func.count()).select_from(
        _base(queue, user_id).subquery())) or 0)


def page(uow: UnitOfWork, queue: str, offset: int, limit: int,
         user_id: int | None = None) -> list[QueueRow]:
    """Rows `offset` .. `offset + limit` of the queue, oldest arrival first."""
    cols = select(Unit.id, Unit.serial, Product.model, WorkOrder.number, Unit.status,
                  Unit.received_at).join(Product, Product.id == Unit.product_id).join(WorkOrder)
    if queue == "due":
        ids = _due_ids(uow)[offset:offset + limit]
        q = cols.where(Unit.id.in_(ids))
    else:
        q = cols.where(Unit.id.in_(_base(queue, user_id))).offset(offset).limit(limit)
    q = q.order_by(Unit.received_at, Unit.id)
    return [QueueRow(i, s, m, n, st.value, r) for i, s, m, n, st, r in uow.session.execute(q)]


def find_by_serial(uow: UnitOfWork, serial: str) -> int | None:
    """The unit with this serial that is in the center (or the latest one) for a scan."""
    in_center = uow.session.scalar(select(Unit.id).where(
        Unit.serial == serial, Unit.status.in_(IN_CENTER)).order_by(Unit.id.desc()).limit(1))
    if in_center is not None:
        return in_center
    return uow.session.scalar(select(Unit.id).where(Unit.serial == serial)
                              .order_by(Unit.id.desc()).limit(1))


@dataclass(frozen=True)
class UnitView:
    """Everything the unit page shows, read in one unit of work."""

    id: int
    serial: str
    model: str
    category: str
    work_order: str
    status: str
    condition: str
    photos: int
    findings: list[tuple[str, str, str, str]]  # test, value, unit, result
    diagnosis: dict[str, object] | None
    quote: dict[str, object] | None
    actions: list[str]
    history: list[str]


def unit_view(uow: UnitOfWork, unit_id: int) -> UnitView:
    from core.models import Attachment, Finding, ParcelIntake, RepairAction, StatusChange
    from core.services.repair_quotes import latest_quote, quote_totals
    from core.services.warranty_decisions import latest_diagnosis

    unit = uow.session.get(Unit, unit_id)
    assert unit is not None, unit_id
    tz = center.load(uow).timezone
    intake = uow.session.get(ParcelIntake, unit.intake_id) if unit.intake_id else None
    photos = uow.session.scalar(select(func.count(Attachment.id)).where(
        Attachment.intake_id == intake.id)) if intake else 0
    findings = [(f.test_name, f.value, f.measure_unit, f.result) for f in uow.session.scalars(
        select(Finding).where(Finding.unit_id == unit.id).order_by(Finding.id))]
    d = latest_diagnosis(uow, unit.id)
    diagnosis = None if d is None else {
        "cause": d.cause, "exclusions": list(d.exclusions or []), "decision": d.decision,
        "effective": d.effective_decision, "rule": d.rule, "start": d.start_date,
        "end": d.end_date, "explanation": d.explanation, "override_reason": d.override_reason,
        "irreparable": d.irreparable}
    q = latest_quote(uow, unit.id)
    quote = None if q is None else {
        "id": q.id, "version": q.version, "status": q.status, "currency": q.currency,
        "total": quote_totals(q).total, "valid_until": q.valid_until, "lines": len(q.lines)}
    actions = [f"{a.description} {a.old_serial}->{a.new_serial}".strip() for a in uow.session.scalars(
        select(RepairAction).where(RepairAction.unit_id == unit.id).order_by(RepairAction.id))]
    history = [f"{center.local_time(c.at, tz)}  {c.from_status} -> {c.to_status}  {c.reason}"
               for c in uow.session.scalars(select(StatusChange).where(
                   StatusChange.unit_id == unit.id).order_by(StatusChange.id))]
    return UnitView(unit.id, unit.serial, unit.product.model, unit.product.category,
                    unit.work_order.number, unit.status.value,
                    intake.condition if intake else "", int(photos or 0), findings, diagnosis,
                    quote, actions, history)
