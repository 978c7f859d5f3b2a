"""The repair technician's queues: counts and pages of unit rows, for lazily loaded tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, func, select

from core import center
from core.models import Product, Unit, UnitStatus, WorkOrder
from core.services.intake import IN_CENTER
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
OVERDUE, DUE_TODAY = "overdue", "due_today"


@dataclass(frozen=True)
class QueueRow:
    """One unit of a queue; `due_state` is OVERDUE, DUE_TODAY or None when it was read."""

    id: int
    serial: str
    model: str
    work_order: str
    status: str
    received_at: dt.datetime | None
    due_at: dt.datetime | None = None
    due_rule: str | None = None
    due_state: str | None = None


@dataclass(frozen=True)
class _Day:
    """The center's current day: now, and the start of its local tomorrow (both aware)."""

    now: dt.datetime
    tomorrow: dt.datetime

    @classmethod
    def of(cls, uow: UnitOfWork) -> _Day:
        tz = center.load(uow).timezone
        now = dt.datetime.now(tz)
        tomorrow = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), tzinfo=tz)
        return cls(now, tomorrow)

    def state(self, due_at: dt.datetime | None) -> str | None:
        if due_at is None or due_at >= self.tomorrow:
            return None
        return OVERDUE if due_at < self.now else DUE_TODAY


def _where(queue: str, user_id: int | None, day: _Day) -> list[ColumnElement[bool]]:
    if queue == "mine":
        # No signed-in user (a system actor) owns no units; "== None" would list unassigned ones.
        if user_id is None:
            return [false()]
        return [Unit.assigned_to == user_id, Unit.status.in_(IN_CENTER)]
    if queue == "due":
        # core.services.due_dates keeps due_at current and NULL outside the center, so the
        # queue is one range of its index (a state filter too would make SQLite sort instead).
        return [Unit.due_at < day.tomorrow]
    return [Unit.status.in_(_STATES[queue])]


def count(uow: UnitOfWork, queue: str, user_id: int | None = None) -> int:
    where = _where(queue, user_id, _Day.of(uow))
    return int(uow.session.scalar(select(func.count(Unit.id)).where(*where)) or 0)


def page(uow: UnitOfWork, queue: str, offset: int, limit: int,
         user_id: int | None = None) -> list[QueueRow]:
    """Rows `offset` .. `offset + limit` of the queue: the due queue earliest deadline first,
    the others oldest arrival first."""
    day = _Day.of(uow)
    order = (Unit.due_at, Unit.id) if queue == "due" else (Unit.received_at, Unit.id)
    # The page's ids first (an index walk for the due queue), then their columns: joining
    # before the offset would join every skipped row too.
    ids = (select(Unit.id).where(*_where(queue, user_id, day)).order_by(*order)
           .offset(offset).limit(limit))
    q = (select(Unit.id, Unit.serial, Product.model, WorkOrder.number, Unit.status,
                Unit.received_at, Unit.due_at, Unit.due_rule)
         .join(Product, Product.id == Unit.product_id).join(WorkOrder)
         .where(Unit.id.in_(ids.scalar_subquery())).order_by(*order))
    return [QueueRow(i, s, m, n, st.value, r, due, rule, day.state(due))
            for i, s, m, n, st, r, due, rule in uow.session.execute(q)]


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
    paid_on: dt.date | None = None  # the customer's payment, in the center's calendar


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
                    quote, actions, history,
                    unit.paid_at.astimezone(tz).date() if unit.paid_at else None)
