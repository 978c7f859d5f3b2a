"""Scrolling the work-order browser far down in any sort order, on 20,000 work orders: the rows
are the right ones, and no block is read by counting past thousands of rows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event, select

from core.models import Customer, WorkOrder, WorkOrderStatus
from core.services import browse
from core.unit_of_work import Database
from tests.ui.conftest import DEMO_WORK_ORDERS
from tests.ui.test_work_order_browser import make_browser
from ui.work_orders.browse_blocks import NEAR_ROWS
from ui.work_orders.browser import WorkOrderBrowser
from ui.work_orders.browser_model import KEYS_DELAY_MS

SORTABLE = [c for c, (_label, column) in enumerate(browse.COLUMNS) if column is not None]
TIES: dict[int, list[Any]] = {2: [Customer.id], 3: [Customer.id], 4: [WorkOrder.number]}


def numbers_in_order(database: Database, query: browse.BrowseQuery) -> list[str]:
    terms = [browse.COLUMNS[query.sort_column][1], *TIES.get(query.sort_column, []), WorkOrder.id]
    stmt = browse._filtered(query, select(WorkOrder.number).join(Customer))
    stmt = stmt.order_by(*(t.desc() if query.descending else t.asc() for t in terms))
    with database.uow() as uow:
        return list(uow.session.scalars(stmt).all())


def shown(browser: WorkOrderBrowser, rows: range) -> list[str]:
    return [browser.model.index(r, 0).data() for r in rows]


def deepest_offset(database: Database) -> list[int]:
    """Collects the OFFSET of every query run: how many rows the database counted past."""
    offsets: list[int] = []

    def note(_conn, _cursor, statement: str, parameters: Any, *_args: Any) -> None:  # type: ignore[no-untyped-def]
        if "OFFSET" in statement.upper() and parameters:
            offsets.append(int(list(parameters)[-1]))

    event.listen(database.engine, "before_cursor_execute", note)
    return offsets


def scroll_to(qtbot, browser: WorkOrderBrowser, fraction: float) -> int:  # type: ignore[no-untyped-def]
    bar = browser.table.verticalScrollBar()
    qtbot.wait(20)  # the view lays out a new row count on its next turn of the event loop
    bar.setValue(int(bar.maximum() * fraction))
    qtbot.wait(20)
    row = browser.table.rowAt(0)
    # A far position may wait for the key table, read in the background; then it is filled in.
    qtbot.waitUntil(lambda: browser.model.row_at(row) is not None, timeout=10_000)
    return row


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", SORTABLE)
def test_start_middle_and_end_in_every_sort_order(qtbot, demo_database, column: int,  # type: ignore[no-untyped-def]
                                                  descending: bool) -> None:
    browser = make_browser(qtbot, demo_database)
    offsets = deepest_offset(demo_database)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    browser.table.sortByColumn(column, order)
    truth = numbers_in_order(demo_database, browser.model.query)
    assert len(truth) == DEMO_WORK_ORDERS
    assert shown(browser, range(0, 30)) == truth[:30]
    middle = scroll_to(qtbot, browser, 0.5)
    # Across block boundaries (200 rows each) both ways: nothing twice, nothing missing.
    around = range(middle - 250, middle + 250)
    assert shown(browser, around) == truth[around.start:around.stop]
    end = scroll_to(qtbot, browser, 1.0)
    assert shown(browser, range(end, DEMO_WORK_ORDERS)) == truth[end:]
    assert shown(browser, range(DEMO_WORK_ORDERS - 450, DEMO_WORK_ORDERS)) == truth[-450:]
    assert max(offsets, default=0) <= NEAR_ROWS


def test_a_jump_shows_the_rows_when_the_keys_arrive_and_a_new_sort_starts_again(
        qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(qtbot, demo_database)
    browser.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    row = DEMO_WORK_ORDERS * 2 // 3
    # Asked before the keys are read, the row is empty rather than the window waiting for it.
    assert browser.model.index(row, 0).data() in (None, *numbers_in_order(
        demo_database, browser.model.query)[row:row + 1])
    qtbot.waitUntil(lambda: browser.model.keys_ready, timeout=10_000)
    assert browser.model.index(row, 0).data() == numbers_in_order(
        demo_database, browser.model.query)[row]
    browser.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert not browser.model.keys_ready  # the old keys are for the other direction
    truth = numbers_in_order(demo_database, browser.model.query)
    assert scroll_to(qtbot, browser, 0.5) >= 0
    assert browser.model.index(row, 0).data() == truth[row]


def test_status_filter_and_search_scroll_to_the_end(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(qtbot, demo_database)
    browser.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    browser.status.setCurrentIndex(browser.status.findData(WorkOrderStatus.AWAITING_PARCEL))
    truth = numbers_in_order(demo_database, browser.model.query)
    assert browser.model.rowCount() == len(truth) > 1000
    end = scroll_to(qtbot, browser, 1.0)
    assert shown(browser, range(end, len(truth))) == truth[end:]
    middle = scroll_to(qtbot, browser, 0.5)
    assert shown(browser, range(middle, middle + 30)) == truth[middle:middle + 30]
    browser.search.setText("zzzz-no-such-work-order")
    browser.apply_filters()
    assert browser.model.rowCount() == 0
    assert browser.model.index(0, 0).data() is None


def test_a_database_that_fails_leaves_rows_empty_and_they_come_back(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(qtbot, demo_database)
    browser.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    truth = numbers_in_order(demo_database, browser.model.query)
    with demo_database.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE customer RENAME TO customer_away")
    bar = browser.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(50)  # painted with the table gone: no exception reaches the event loop
    end = browser.table.rowAt(0)
    assert browser.model.row_at(end) is None
    with demo_database.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE customer_away RENAME TO customer")
    assert shown(browser, range(end, end + 10)) == truth[end:end + 10]


def key_reads(database: Database) -> list[str]:
    reads: list[str] = []

    def note(_conn, _cursor, statement: str, *_args: Any) -> None:  # type: ignore[no-untyped-def]
        if "row_number" in statement.lower():
            reads.append(statement)

    event.listen(database.engine, "before_cursor_execute", note)
    return reads


def test_positions_are_read_once_the_user_settles_on_a_sort_but_not_at_opening(
        qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    reads = key_reads(demo_database)
    browser = make_browser(qtbot, demo_database)
    qtbot.wait(KEYS_DELAY_MS + 300)
    assert reads == [] and not browser.model.keys_ready
    for column in (1, 2, 3, 2):  # clicked through quickly: only the last is read
        browser.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: browser.model.keys_ready, timeout=10_000)
    assert len(reads) == 1
    # No far jump has waited: the row far down is there at the first asking.
    row = DEMO_WORK_ORDERS * 3 // 4
    assert browser.model.row_at(row) is not None
    assert browser.model.index(row, 0).data() == numbers_in_order(
        demo_database, browser.model.query)[row]


def test_positions_that_arrive_after_the_browser_closed_are_dropped(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(qtbot, demo_database)
    reads = key_reads(demo_database)
    browser.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    browser.table.verticalScrollBar().setValue(DEMO_WORK_ORDERS // 2)
    qtbot.waitUntil(lambda: len(reads) == 1, timeout=5_000)  # asked for; the browser closes
    browser.close()
    browser.deleteLater()
    qtbot.wait(1_000)  # their arrival raises nothing in the event loop
