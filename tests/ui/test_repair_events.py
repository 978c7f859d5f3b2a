"""The Returns & replacement tab: R1-R3 dates recorded from the unit page, deadlines shown."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.models import WorkOrder
from core.unit_of_work import Actor, Database
from tests.core.test_warranty_decisions import make_work_order
from tests.ui.test_repair_workspace import _press, _workspace

CLERK = Actor(username="sam", station="ship-1", roles=frozenset({"shipping"}))


def _touch_panel(db: Database) -> int:
    """A Changkong touch panel (R1: returns within 7 days, sent back within 7 of confirming)."""
    with db.uow() as uow:
        wo = make_work_order(uow, "WO-7", "CK-HMI-10", ["CK-1"],
                             delivered_date=dt.date(2026, 5, 28))
        uow.commit()
        return wo.id


def _dates(db: Database, wo_id: int) -> tuple[object, ...]:
    with db.uow() as uow:
        wo = uow.session.get(WorkOrder, wo_id)
        return wo.return_requested_on, wo.return_reason, wo.return_confirmed_on


def test_return_dates_recorded_and_deadlines_shown(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    wo_id = _touch_panel(catalogue)
    ws = _workspace(qtbot, catalogue)
    page = ws.page
    ws.open_serial("CK-1")
    panel = page.events
    assert page.tabs.tabText(5) == "Returns && replacement"
    assert panel.recorded_label.text() == "Nothing recorded yet."
    assert [panel.reason.itemText(i) for i in range(panel.reason.count())] == [
        "complete_unused", "performance_fault"]

    panel.kind.setCurrentIndex(panel.kind.findData("return_requested"))
    panel.reason.setCurrentText("performance_fault")
    assert panel.record(on=dt.date(2026, 6, 1))
    assert "Return requested on 2026-06-01 recorded." in page.message.text()
    assert _dates(catalogue, wo_id) == (dt.date(2026, 6, 1), "performance_fault", None)
    assert "2026-06-04  R1 return window CK-1" in panel.deadlines_label.text()

    panel.kind.setCurrentIndex(panel.kind.findData("return_confirmed"))
    assert not panel.reason.isEnabled()
    assert panel.record(on=dt.date(2026, 6, 2))
    assert "Return confirmed: 2026-06-02" in panel.recorded_label.text()
    assert "R1 send back" in panel.deadlines_label.text()
    assert "next due 2026-06-04 (R1" in page.title.text()  # the page's title follows


def test_dates_from_the_keyboard(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    wo_id = _touch_panel(catalogue)
    ws = _workspace(qtbot, catalogue)
    ws.activateWindow()
    qtbot.waitActive(ws)
    ws.open_serial("CK-1")
    panel = ws.page.events
    _press(qtbot, ws, "Alt+6", lambda: panel.kind.hasFocus())
    qtbot.keyClick(panel.kind, Qt.Key.Key_Tab)  # to the date: type it, section by section
    for part in ("2026", "06", "01"):
        qtbot.keyClicks(ws.focusWidget(), part)
    qtbot.keyClick(ws.focusWidget(), Qt.Key.Key_Tab)
    assert panel.date.date().toPython() == dt.date(2026, 6, 1)
    _press(qtbot, ws, "Ctrl+E", lambda: _dates(catalogue, wo_id)[0] == dt.date(2026, 6, 1))
    assert _dates(catalogue, wo_id)[1] == "complete_unused"


def test_refused_dates_are_explained_and_not_stored(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    wo_id = _touch_panel(catalogue)
    ws = _workspace(qtbot, catalogue)
    ws.open_serial("CK-1")
    panel = ws.page.events
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    assert not panel.record("return_confirmed", tomorrow)
    assert "is in the future" in ws.page.message.text()
    assert not panel.record("return_requested", dt.date(2026, 6, 1), "just_because")
    assert "not a reason the policy takes" in ws.page.message.text()
    assert panel.record("return_requested", dt.date(2026, 6, 3), "complete_unused")
    assert not panel.record("return_confirmed", dt.date(2026, 6, 2))
    assert "before the return request" in ws.page.message.text()
    assert _dates(catalogue, wo_id) == (dt.date(2026, 6, 3), "complete_unused", None)


def test_a_shipping_clerk_may_not_record_dates(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    from ui.repair.workspace import RepairWorkspace

    wo_id = _touch_panel(catalogue)
    ws = RepairWorkspace(catalogue, CLERK, dt.UTC, capture_scans=False)
    qtbot.addWidget(ws)
    ws.open_serial("CK-1")
    assert not ws.page.events.record("return_requested", dt.date(2026, 6, 1), "complete_unused")
    assert "repair technician" in ws.page.message.text()
    with catalogue.uow() as uow:
        assert uow.session.scalars(select(WorkOrder.return_requested_on)).one() is None
    assert _dates(catalogue, wo_id) == (None, None, None)
