"""The README's repair walk-through, key by key: a parcel received at intake, the diagnosis, a
quote the customer accepts and pays, the repair, the final test, and the unit on the shipping
table; the database checked on the way (issue 5)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from core import center
from core.models import Quote, RepairAction, Unit, UnitStatus
from core.services import intake, shipping, work_orders
from core.unit_of_work import Actor, Database
from tests.conftest import SAMPLES
from tests.ui.test_repair_workspace import _press
from ui.repair.unit_page import PAY_KEY
from ui.repair.workspace import RepairWorkspace

IVY = Actor(username="ivy", station="bench-1", roles=frozenset({"intake"}))
# The bench technician who is also the desk's cashier today: repair and shipping roles.
RAY = Actor(username="ray", station="bench-2", roles=frozenset({"repair", "shipping"}))
SERIAL = "JMX16Q2405001"


def _parcel_received(db: Database) -> int:
    with db.uow() as uow:
        work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "p.csv")
    with db.uow() as uow:
        work_orders.import_work_orders(uow, (SAMPLES / "work_orders.csv").read_bytes(), "w.csv")
    with db.uow() as uow:
        # Factory date 2026-02-10 + 1 month: out of warranty when the parcel arrives.
        center.store(uow, "jasminer.warranty_months", "1")
        uow.commit()
    with db.uow(IVY) as uow:
        opened = intake.scan(uow, "RMA-2026-0001")
    with db.uow(IVY) as uow:
        assert intake.scan(uow, SERIAL, opened.intake_id).verdict == "accepted"
    with db.uow(IVY) as uow:
        intake.close_parcel(uow, opened.intake_id, condition=["intact"], carrier="SF Express")
    with db.uow() as uow:
        return int(uow.session.scalar(select(Unit.id).where(Unit.serial == SERIAL)))


class _Row:
    def __init__(self, status: UnitStatus, paid_at: dt.datetime | None,
                 due_at: dt.datetime | None) -> None:
        self.status, self.paid_at, self.due_at = status, paid_at, due_at


def _unit(db: Database, uid: int) -> _Row:
    with db.read() as uow:
        return _Row(*uow.session.execute(select(Unit.status, Unit.paid_at, Unit.due_at)
                                         .where(Unit.id == uid)).one())


def _type(qtbot, *values: str) -> None:  # type: ignore[no-untyped-def]
    for value in values:
        qtbot.keyClicks(QApplication.focusWidget(), value)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_from_the_parcel_to_the_shipping_table_by_keyboard(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    uid = _parcel_received(catalogue)
    ws = RepairWorkspace(catalogue, RAY, dt.UTC)
    qtbot.addWidget(ws)
    ws.show()
    ws.activateWindow()
    qtbot.waitActive(ws)
    page = ws.page
    assert ws.capture is not None
    ws.capture.scanned.emit(SERIAL)  # 1. the serial scanned anywhere in the workspace
    assert page.unit_id == uid and "Condition on arrival: intact" in page.intake_label.text()
    # qtbot types faster than a person, as fast as a scanner: from here on the keys are typing.
    ws.capture.uninstall()

    # 2. Diagnosis: start it, type the findings, record the decision.
    _press(qtbot, ws, "Alt+3", lambda: page.cause.hasFocus())
    _press(qtbot, ws, "Ctrl+Shift+D", lambda: _unit(catalogue, uid).status
           == UnitStatus.IN_DIAGNOSIS)
    _press(qtbot, ws, "Alt+2", lambda: page.value_edits["Hashboard 1 chips detected"].hasFocus())
    _type(qtbot, "126", "126", "120", "ok", "12.1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Save findings
    qtbot.waitUntil(lambda: bool(page.message.text()))
    assert page.message.text() == "Findings saved.", page.message.text()
    _press(qtbot, ws, "Alt+3", lambda: page.cause.hasFocus())
    _press(qtbot, ws, "Ctrl+D", lambda: "not covered" in page.decision_label.text())

    # 3. Quote: two lines, saved and sent.
    _press(qtbot, ws, "Alt+4", lambda: page.line_edits[0][0].hasFocus())
    _type(qtbot, "part", "Hashboard 3", "1", "1200", "0", "13", "labour", "Bench labour", "1",
          "80")
    _press(qtbot, ws, "Ctrl+S", lambda: "draft: 1436.00 CNY" in page.quote_label.text())
    _press(qtbot, ws, "Ctrl+Shift+S", lambda: _unit(catalogue, uid).status
           == UnitStatus.QUOTE_SENT)

    # 4. Accepted on the phone, then paid: the repair-by and return-by clocks start.
    _press(qtbot, ws, "Ctrl+Shift+Y", lambda: _unit(catalogue, uid).status
           == UnitStatus.QUOTE_ACCEPTED)
    page.pay_amount.setFocus()
    qtbot.keyClicks(page.pay_amount, "1436.00")
    _press(qtbot, ws, PAY_KEY, lambda: page.message.text() == "Payment recorded.")
    paid = _unit(catalogue, uid)
    assert paid.paid_at is not None and paid.due_at is not None

    # 5. Repair: start, one action with the part's old and new serial, finish, final test.
    _press(qtbot, ws, "Alt+5", lambda: page.action_text.hasFocus())
    _press(qtbot, ws, "Ctrl+Shift+R", lambda: _unit(catalogue, uid).status
           == UnitStatus.IN_REPAIR)
    page.action_text.setFocus()
    _type(qtbot, "Hashboard 3 replaced", "", "HB3-OLD", "HB3-NEW")
    _press(qtbot, ws, "Ctrl+R", lambda: page.message.text() == "Repair action recorded.")
    _press(qtbot, ws, "Ctrl+Shift+F", lambda: _unit(catalogue, uid).status == UnitStatus.TESTING)
    _press(qtbot, ws, "Ctrl+Shift+T", lambda: _unit(catalogue, uid).status
           == UnitStatus.READY_TO_SHIP)

    with catalogue.uow() as uow:
        quote = uow.session.scalars(select(Quote)).one()
        assert (quote.status, quote.answer_channel) == ("accepted", "phone")
        action = uow.session.scalars(select(RepairAction)).one()
        assert (action.old_serial, action.new_serial) == ("HB3-OLD", "HB3-NEW")
        ready = shipping.ready_to_ship(uow)
        assert shipping.unpaid_charges(uow, uow.session.get(Unit, uid)) == 0  # paid already
    assert [(g.work_order_number, [u.serial for u in g.units]) for g in ready] == [
        ("RMA-2026-0001", [SERIAL])]
    assert "testing -> ready_to_ship" in page.history.toPlainText()
