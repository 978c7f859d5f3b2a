"""Queries behind the work-order browser: counts and pages, fast on a million work orders.

Every filter and sort uses an index: search terms match by prefix (a range on the indexed column,
which works on every backend), and pages are read by seeking from a neighbouring row's key
(`seek`), never by counting past a million rows. `sample_keys` gives every Nth key at once, so that
a jump to any position is one seek too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, String, func, select, type_coerce, union

from core.models import Customer, Unit, WorkOrder, WorkOrderStatus, fold
from core.services import keyset
from core.services.keyset import Key
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
# What orders each sortable column, most significant first, then the work order's id. Each leads an
# index that yields rows in this order (name_folded and phone carry the customer's id, and
# work_order(customer_id) the work order's), so a seek reads a page and nothing more: ties of a
# customer's name are grouped by customer, ties of a state ordered by work-order number.
SORT_KEYS: dict[int, tuple[Any, ...]] = {
    0: (WorkOrder.number,),
    1: (WorkOrder.order_number,),
    2: (Customer.name_folded, Customer.id),
    3: (Customer.phone, Customer.id),
    4: (WorkOrder.status, WorkOrder.number),
    6: (WorkOrder.submitted_at,),
}
# Sort columns that ix_work_order_status_number serves in order within one state.
_STATUS_INDEX_ORDERS = (0, 4)
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
    key: Key = ()

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


def _filtered(query: BrowseQuery, base: Select[Any], *, ordered: bool = False) -> Select[Any]:
    """`base` narrowed to the query's state and search; `ordered` when rows are read in the
    query's sort order from its index."""
    if query.status is not None and ordered and query.sort_column in SORT_KEYS \
            and query.sort_column not in _STATUS_INDEX_ORDERS:
        # Expression, not column: the state's index is not used, so the backend walks the sort
        # column's index and drops other states, a few rows per row kept, instead of sorting
        # every work order in the state (300 ms for a common one at a million).
        base = base.where(type_coerce(WorkOrder.status, String) + "" == str(query.status))
    elif query.status is not None:
        base = base.where(WorkOrder.status == query.status)
    if query.search.strip():
        ids = matching_ids(query.search).subquery()
        base = base.where(WorkOrder.id.in_(select(ids.c[0])))
    return base


def count(uow: UnitOfWork, query: BrowseQuery) -> int:
    stmt = _filtered(query, select(func.count(WorkOrder.id)))
    return int(uow.session.scalar(stmt) or 0)


def sort_key(query: BrowseQuery) -> tuple[Any, ...]:
    return SORT_KEYS.get(query.sort_column, SORT_KEYS[0]) + (WorkOrder.id,)


def _keyed(query: BrowseQuery, columns: tuple[Any, ...], *extra: Any,
           customer: bool = False) -> Select[Any]:
    stmt = select(*extra, *(c.label(f"k{i}") for i, c in enumerate(columns)))
    if customer or any(getattr(c, "class_", None) is Customer for c in columns):
        stmt = stmt.join(Customer, Customer.id == WorkOrder.customer_id)
    return _filtered(query, stmt.select_from(WorkOrder), ordered=True)


def seek(uow: UnitOfWork, query: BrowseQuery, after: Key | None, limit: int, *,
         backwards: bool = False, skip: int = 0) -> list[Row]:
    """`limit` rows that follow the row keyed `after` in the query's order (that precede it when
    `backwards`; the first or the last rows when `after` is None), `skip` rows further on.

    Rows come in the query's order either way, each with its key to seek the next page from.
    """
    columns = sort_key(query)
    descending = query.descending != backwards
    stmt = _keyed(query, columns, WorkOrder.id, WorkOrder.number, WorkOrder.order_number,
                  Customer.name, Customer.phone, WorkOrder.status, WorkOrder.service_type,
                  WorkOrder.submitted_at, customer=True)
    stmt = stmt.order_by(*keyset.order(columns, descending))
    if after is None:
        rows = list(uow.session.execute(stmt.offset(skip or None).limit(limit)).all())
    else:
        rows = []
        smallest = keyset.nulls_smallest(uow.session.get_bind().dialect.name)
        for segment in keyset.after(columns, after, descending, smallest):
            rows += uow.session.execute(stmt.where(segment).offset(skip or None)
                                        .limit(limit - len(rows))).all()
            if len(rows) == limit:
                break
    if backwards:
        rows.reverse()
    ids = [r.id for r in rows]
    units: dict[int, int] = {}
    if ids:
        units = dict(uow.session.execute(
            select(Unit.work_order_id, func.count(Unit.id)).where(Unit.work_order_id.in_(ids))
            .group_by(Unit.work_order_id)).all())
    width = len(columns)
    return [Row(r.id, r.number, r.order_number, r.name, r.phone, r.status.value,
                r.service_type.value, r.submitted_at, units.get(r.id, 0),
                tuple(r._mapping[f"k{i}"] for i in range(width)))
            for r in rows]


def sample_keys(uow: UnitOfWork, query: BrowseQuery, step: int) -> list[Key]:
    """Keys of rows step-1, 2*step-1, ... in the query's order: block n of `step` rows starts
    right after key n-1.

    One scan of the ordering index (about a second at a million rows); run it in the background.
    """
    columns = sort_key(query)
    position = func.row_number().over(order_by=keyset.order(columns, query.descending))
    inner = _keyed(query, columns, position.label("position")).subquery()
    keys = [inner.c[f"k{i}"] for i in range(len(columns))]
    stmt = select(*keys).where(inner.c.position % step == 0).order_by(inner.c.position)
    return [tuple(r) for r in uow.session.execute(stmt).all()]


def page(uow: UnitOfWork, query: BrowseQuery, offset: int, limit: int) -> list[Row]:
    """Rows `offset` to `offset + limit` in the query's order (by counting: for short lists)."""
    return seek(uow, query, None, limit, skip=offset)
