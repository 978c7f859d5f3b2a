"""The unit page's quote tab: ten quote lines in view on a 1280x800 screen, and the customer's
payment recorded from the keyboard (Ctrl+Shift+M), refused with a reason when wrong."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtGui import QKeySequence
from sqlalchemy import select

from core.models import Unit
from core.services import repair_quotes
from core.unit_of_work import SYSTEM, Actor, Database
from tests.ui.test_repair_quote_pdf import _quoted
from tests.ui.test_repair_workspace import _press, _workspace
from tests.ui.test_shortcuts import window  # noqa: F401 (the main window, every workspace)
from ui.main_window import MainWindow
from ui.repair.unit_page import PAY_KEY
from ui.repair.workspace import RepairWorkspace

BOSS = Actor(username="sue", station="office", roles=frozenset({"supervisor"}))


def _ten_lines(db: Database, uid: int) -> list[str]:
    names = [f"Part {n}" for n in range(1, 11)]
    with db.uow(SYSTEM) as uow:
        repair_quotes.save_quote(uow, uid, [repair_quotes.line("part", name, "1", "10")
                                            for name in names])
    return names


def test_ten_quote_lines_are_in_view_at_1280_by_800(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]  # noqa: F811
                                                    catalogue: Database) -> None:
    window.resize(1280, 800)  # a laptop's screen
    uid = _quoted(catalogue)
    names = _ten_lines(catalogue, uid)
    workspace = window.workspaces["Repair"]
    assert isinstance(workspace, RepairWorkspace)
    window.tabs.setCurrentWidget(workspace)
    page = workspace.page
    page.show_unit(uid)
    page.show_tab(3)
    qtbot.waitUntil(lambda: page.line_edits[0][0].isVisible())
    assert window.height() <= 800
    assert [page.line_edits[r][1].text() for r in range(10)] == names
    for row in page.line_edits[:10]:
        for edit in row:
            # Wholly on screen, not clipped by the scrolling area: no scrolling needed.
            assert edit.visibleRegion().boundingRect() == edit.rect(), edit.text()
    assert page.lines_area.verticalScrollBar().value() == 0
    # Every key of the tab is in the F1 list, the payment's too.
    key = QKeySequence(PAY_KEY).toString(QKeySequence.SequenceFormat.NativeText)
    assert ("Repair", key, "Record payment") in set(window.show_shortcuts().rows())


def _paid_at(db: Database, uid: int) -> dt.datetime | None:
    with db.read() as uow:
        return uow.session.scalar(select(Unit.paid_at).where(Unit.id == uid))


def test_payment_recorded_from_the_keyboard(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    uid = _quoted(catalogue)
    ws = RepairWorkspace(catalogue, BOSS, dt.UTC, capture_scans=False)
    qtbot.addWidget(ws)
    ws.show()
    ws.activateWindow()
    qtbot.waitActive(ws)
    page = ws.page
    ws.open_serial("JM-1")
    _press(qtbot, ws, "Alt+4", lambda: page.line_edits[0][0].hasFocus())
    today = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    assert page.pay_day.text() == today.isoformat()  # today, ready to be changed

    page.pay_amount.setFocus()
    qtbot.keyClicks(page.pay_amount, "abc")
    _press(qtbot, ws, PAY_KEY, lambda: "not a number" in page.message.text())
    page.pay_amount.clear()
    qtbot.keyClicks(page.pay_amount, "1448.20")
    page.pay_day.clear()
    qtbot.keyClicks(page.pay_day, "5 June")
    _press(qtbot, ws, PAY_KEY, lambda: "YYYY-MM-DD" in page.message.text())
    assert _paid_at(catalogue, uid) is None  # nothing stored for a bad value
    page.pay_day.clear()
    qtbot.keyClicks(page.pay_day, (today - dt.timedelta(days=1)).isoformat())
    page.pay_channel.setFocus()
    qtbot.keyClicks(page.pay_channel, "alipay")
    _press(qtbot, ws, PAY_KEY, lambda: page.message.text() == "Payment recorded.")
    assert page.payment_label.text() == f"Paid on {today - dt.timedelta(days=1)}."
    assert page.pay_amount.text() == ""
    paid = _paid_at(catalogue, uid)
    assert paid is not None
    assert paid.astimezone(ZoneInfo("Asia/Shanghai")).date() == today - dt.timedelta(days=1)


def test_a_repair_technician_may_not_record_a_payment(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    uid = _quoted(catalogue)
    ws = _workspace(qtbot, catalogue)  # signed in as a repair technician
    page = ws.page
    ws.open_serial("JM-1")
    page.show_tab(3)
    page.pay_amount.setText("100")
    page.record_payment()
    assert "shipping clerk" in page.message.text()
    assert _paid_at(catalogue, uid) is None
