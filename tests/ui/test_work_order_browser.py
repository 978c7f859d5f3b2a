"""The work-order browser on a database of 20,000 work orders."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser
from sqlalchemy import event, func, select

from core.models import Unit, WorkOrder, WorkOrderStatus
from core.unit_of_work import Database
from tests.ui.conftest import DEMO_WORK_ORDERS
from ui.work_orders.browser import WorkOrderBrowser

TZ = ZoneInfo("Asia/Shanghai")


def make_browser(qtbot, database: Database) -> WorkOrderBrowser:  # type: ignore[no-untyped-def]
    browser = WorkOrderBrowser(database, TZ)
    qtbot.addWidget(browser)
    browser.resize(1200, 600)
    browser.show()
    qtbot.waitExposed(browser)
    return browser


def test_opens_with_every_work_order_but_fetches_only_what_is_shown(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(qtbot, demo_database)
    model = browser.model
    assert model.rowCount() == DEMO_WORK_ORDERS
    assert browser.summary.text() == f"{DEMO_WORK_ORDERS} work order(s)"
    qtbot.wait(50)
    assert model.queries_run <= 2  # the visible block, not 100 blocks
    browser.table.scrollToBottom()
    qtbot.wait(50)
    last = model.index(DEMO_WORK_ORDERS - 1, 0).data()
    with demo_database.uow() as uow:
        assert last == uow.session.scalar(select(func.max(WorkOrder.number)))
    assert model.queries_run <= 4


def test_opening_counts_the_work_orders_once_in_ascending_number_order(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    # Counting is the slow part of opening on a million work orders: once, not once per setup.
    counts: list[str] = []

    def note(_conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        if "count(" in statement.lower():
            counts.append(statement)

    event.listen(demo_database.engine, "before_cursor_execute", note)
    try:
        browser = make_browser(qtbot, demo_database)
    finally:
        event.remove(demo_database.engine, "before_cursor_execute", note)
    assert len(counts) == 1
    assert browser.summary.text() == f"{DEMO_WORK_ORDERS} work order(s)"
    assert not browser.model.query.descending
    first = browser.model.index(0, 0).data()
    with demo_database.uow() as uow:
        assert first == uow.session.scalar(select(func.min(WorkOrder.number)))


def test_search_by_serial_customer_and_phone(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(qtbot, demo_database)
    with demo_database.uow() as uow:
        unit = uow.session.scalars(select(Unit).where(Unit.id == 4321)).one()
        number, customer, phone = unit.work_order.number, unit.work_order.customer.name, \
            unit.work_order.customer.phone
        serial = unit.serial
    qtbot.keyClicks(browser.search, serial)
    qtbot.keyClick(browser.search, Qt.Key.Key_Return)
    assert browser.model.rowCount() == 1
    assert browser.model.index(0, 0).data() == number
    browser.search.setText(phone)
    browser.apply_filters()
    assert number in [browser.model.index(r, 0).data() for r in range(browser.model.rowCount())]
    browser.search.setText(customer.upper() if customer.isascii() else customer)
    browser.apply_filters()
    rows = browser.model.rowCount()
    assert rows >= 1
    assert all(browser.model.index(r, 2).data() == customer for r in range(min(rows, 50)))


def test_filter_by_status_and_sort(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(qtbot, demo_database)
    browser.status.setCurrentIndex(browser.status.findData(WorkOrderStatus.CLOSED))
    with demo_database.uow() as uow:
        closed = uow.session.scalar(select(func.count()).select_from(WorkOrder)
                                    .where(WorkOrder.status == WorkOrderStatus.CLOSED))
    assert browser.model.rowCount() == closed
    assert {browser.model.index(r, 4).data() for r in range(20)} == {"closed"}
    browser.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    dates = [browser.model.index(r, 6).data() for r in range(30)]
    assert dates == sorted(dates, reverse=True)


def test_double_click_opens_the_service_record(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(qtbot, demo_database)
    number = browser.model.index(0, 0).data()
    dialog = browser.open_service_record(number)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert number in text and "Return address" in text and "Units (" in text
