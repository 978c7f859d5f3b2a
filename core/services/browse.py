"""Queries behind the work-order browser: counts and pages, fast on a million work orders.

Every filter and sort uses an index: search terms match by prefix (a range on the indexed column,
which works on every backend), and pages are read by offset over an indexed order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select, union

from core.models import Customer, Unit, WorkOrder, WorkOrderStatus, fold
from core.unit_of_work import UnitOfWork

# (label, column to order by); None marks a column that cannot be sorted on.
COLUMNS: list[tuple[str, Any]] = [
    ("Work order", WorkOrder.number),
    ("Order number", WorkOrder.order_number),
    ("Customer", Customer.name_folded),
    ("Phone", Customer.phone),
    ("Status", WorkOrder.status),
    ("Service", None),
    ("Submitted", WorkOrder.submitted_at),
    ("Units", None),
]
MAX_SEARCH_HITS = 5000


@dataclass(frozen=True)
class BrowseQuery:
    status: WorkOrderStatus | None = None
    search: str = ""
    sort_column: int = 0
    descending: bool = False


@dataclass(frozen=True)
class Row:
    id: int
    number: str
    order_number: str
    customer: str
    phone: str
    status: str
    service_type: str
    submitted_at: dt.datetime | None
    units: int

    def cell(self, column: int) -> Any:
        return (self.number, self.order_number, self.customer, self.phone, self.status,
                self.service_type, self.submitted_at, self.units)[column]


def _prefix(column: Any, term: str) -> Any:
    # column >= term AND column < term + U+FFFF: a range scan on the column's index.
    return (column >= term) & (column < term + "\uffff")


def matching_ids(term: str) -> Select[Any]:
    """Ids of work orders whose number, order number, unit serial, customer name or phone
    starts with `term`."""
    term = term.strip()
    folded = fold(term)
    return union(
        select(WorkOrder.id).where(_prefix(WorkOrder.number, term)),
        select(WorkOrder.id).where(_prefix(WorkOrder.order_number, term)),
        select(Unit.work_order_id).where(_prefix(Unit.serial, term)),
        select(WorkOrder.id).join(Customer).where(_prefix(Customer.name_folded, folded)),
        select(WorkOrder.id).join(Customer).where(_prefix(Customer.phone, term)),
    ).limit(MAX_SEARCH_HITS)


def _filtered(query: BrowseQuery, base: Select[Any]) -> Select[Any]:
    if query.status is not None:
        base = base.where(WorkOrder.status == query.status)
    if query.search.strip():
        ids = matching_ids(query.search).subquery()
        base = base.where(WorkOrder.id.in_(select(ids.c[0])))
    return base


def count(uow: UnitOfWork, query: BrowseQuery) -> int:
    stmt = _filtered(query, select(func.count(WorkOrder.id)))
    return int(uow.session.scalar(stmt) or 0)


def page(uow: UnitOfWork, query: BrowseQuery, offset: int, limit: int) -> list[Row]:
    """Rows `offset` to `offset + limit` in the query's order."""
    order = COLUMNS[query.sort_column][1] if 0 <= query.sort_column < len(COLUMNS) else None
    order = order if order is not None else WorkOrder.number
    stmt = _filtered(query, select(
        WorkOrder.id, WorkOrder.number, WorkOrder.order_number, Customer.name, Customer.phone,
        WorkOrder.status, WorkOrder.service_type, WorkOrder.submitted_at,
    ).join(Customer, Customer.id == WorkOrder.customer_id))
    direction = order.desc() if query.descending else order.asc()
    tiebreak = WorkOrder.id.desc() if query.descending else WorkOrder.id.asc()
    rows = uow.session.execute(stmt.order_by(direction, tiebreak).offset(offset).limit(limit)).all()
    ids = [r.id for r in rows]
    units: dict[int, int] = {}
    if ids:
        units = dict(uow.session.execute(
            select(Unit.work_order_id, func.count(Unit.id)).where(Unit.work_order_id.in_(ids))
            .group_by(Unit.work_order_id)).all())
    return [Row(r.id, r.number, r.order_number, r.name, r.phone, r.status.value,
                r.service_type.value, r.submitted_at, units.get(r.id, 0)) for r in rows]
