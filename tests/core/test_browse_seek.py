"""Work-order browser pages read by seeking: the right rows in the right order at any position,
for every sortable column both ways, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update

from core.models import Customer, WorkOrder, WorkOrderStatus
from core.services import browse, demo
from core.unit_of_work import Database

BLOCK = 7  # small, so that a few hundred work orders cross many block boundaries
SORTABLE = [c for c, (_label, column) in enumerate(browse.COLUMNS) if column is not None]


@pytest.fixture
def browsed(any_database: Database) -> Database:
    """A few hundred work orders with ties in every column, and some never submitted."""
    with any_database.uow() as uow:
        demo.build(uow, 240)
        s = uow.session
        ids = s.scalars(select(WorkOrder.id).order_by(WorkOrder.id)).all()
        customers = s.scalars(select(Customer.id).order_by(Customer.id)).all()
        s.execute(update(Customer).where(Customer.id.in_(customers[::5]))
                  .values(name="Mia Brown", name_folded="mia brown", phone="555 0100"))
        s.execute(update(WorkOrder).where(WorkOrder.id.in_(ids[::4])).values(order_number=""))
        same_day = s.scalar(select(WorkOrder.submitted_at).where(WorkOrder.id == ids[0]))
        s.execute(update(WorkOrder).where(WorkOrder.id.in_(ids[1::6]))
                  .values(submitted_at=same_day))
        s.execute(update(WorkOrder).where(WorkOrder.id.in_(ids[2::9])).values(submitted_at=None))
        uow.commit()
    return any_database


def expected(database: Database, query: browse.BrowseQuery) -> list[int]:
    """Ids in the order the user asked for, written out plainly: the column, then (for the
    customer's name and phone) the customer, then the work order's id."""
    column = browse.COLUMNS[query.sort_column][1]
    extra = {2: [Customer.id], 3: [Customer.id], 4: [WorkOrder.number]}.get(query.sort_column, [])
    terms = [column, *extra, WorkOrder.id]
    stmt = browse._filtered(query, select(WorkOrder.id).join(Customer))
    stmt = stmt.order_by(*(t.desc() if query.descending else t.asc() for t in terms))
    with database.uow() as uow:
        return list(uow.session.scalars(stmt).all())


def ids(rows: list[browse.Row]) -> list[int]:
    return [r.id for r in rows]


def seek(database: Database, query: browse.BrowseQuery, after: Any, limit: int = BLOCK,
         **kw: Any) -> list[browse.Row]:
    with database.uow() as uow:
        return browse.seek(uow, query, after, limit, **kw)


def walk_forward(database: Database, query: browse.BrowseQuery) -> list[int]:
    rows = seek(database, query, None)
    seen = ids(rows)
    while rows:
        rows = seek(database, query, rows[-1].key)
        seen += ids(rows)
    return seen


def walk_backward(database: Database, query: browse.BrowseQuery) -> list[int]:
    rows = seek(database, query, None, backwards=True)
    seen = ids(rows)
    while rows:
        rows = seek(database, query, rows[0].key, backwards=True)
        seen = ids(rows) + seen
    return seen


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", SORTABLE)
def test_every_row_once_in_order_from_either_end(browsed: Database, column: int,
                                                 descending: bool) -> None:
    query = browse.BrowseQuery(sort_column=column, descending=descending)
    truth = expected(browsed, query)
    assert len(truth) == 240
    assert walk_forward(browsed, query) == truth
    assert walk_backward(browsed, query) == truth


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", SORTABLE)
def test_any_block_from_the_sampled_keys(browsed: Database, column: int, descending: bool) -> None:
    query = browse.BrowseQuery(sort_column=column, descending=descending)
    truth = expected(browsed, query)
    with browsed.uow() as uow:
        keys = browse.sample_keys(uow, query, BLOCK)
    assert len(keys) == len(truth) // BLOCK
    for number in (1, len(keys) // 2, len(keys)):  # start, middle, end
        rows = seek(browsed, query, keys[number - 1])
        assert ids(rows) == truth[number * BLOCK:(number + 1) * BLOCK]
    middle = len(truth) // 2
    assert ids(seek(browsed, query, None, skip=middle)) == truth[middle:middle + BLOCK]
    assert ids(seek(browsed, query, None, backwards=True, skip=3)) == truth[-3 - BLOCK:-3]


def test_ties_are_broken_by_the_work_order_and_never_submitted_ones_are_together(
        browsed: Database) -> None:
    query = browse.BrowseQuery(sort_column=6)
    rows = walk_forward(browsed, query)
    with browsed.uow() as uow:
        submitted = dict(uow.session.execute(select(WorkOrder.id, WorkOrder.submitted_at)).all())
    dates = [submitted[i] for i in rows]
    unsubmitted = [n for n, d in enumerate(dates) if d is None]
    assert unsubmitted == list(range(unsubmitted[0], unsubmitted[0] + len(unsubmitted)))
    assert unsubmitted[0] == 0 or unsubmitted[-1] == len(rows) - 1
    for a, b, da, db in zip(rows, rows[1:], dates, dates[1:], strict=False):
        if da == db:
            assert a < b


@pytest.mark.parametrize("column", SORTABLE)
def test_status_filter_and_search_seek_the_same_way(browsed: Database, column: int) -> None:
    # The screen's state list hands the state over as its plain text value.
    closed: Any = str(WorkOrderStatus.CLOSED)
    for query in (browse.BrowseQuery(WorkOrderStatus.AWAITING_PARCEL, "", column, True),
                  browse.BrowseQuery(closed, "", column, False),
                  browse.BrowseQuery(None, "Mia", column, False)):
        truth = expected(browsed, query)
        assert truth, query
        assert walk_forward(browsed, query) == truth
        assert walk_backward(browsed, query) == truth
        with browsed.uow() as uow:
            keys = browse.sample_keys(uow, query, BLOCK)
            assert browse.count(uow, query) == len(truth)
        if keys:
            assert ids(seek(browsed, query, keys[-1])) == truth[len(keys) * BLOCK:][:BLOCK]


def test_a_key_past_the_end_gives_no_rows_and_an_unsortable_column_sorts_by_number(
        browsed: Database) -> None:
    query = browse.BrowseQuery(sort_column=0)
    last = seek(browsed, query, None, 1, backwards=True)
    assert seek(browsed, query, last[0].key) == []
    unsortable = browse.BrowseQuery(sort_column=5)
    assert walk_forward(browsed, unsortable) == expected(browsed, query)
