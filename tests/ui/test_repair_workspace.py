"""The repair workspace driven from the keyboard: a diagnosis and quote entered, then the
database checked; a walk-through from received to accepted quote to ready to ship.

Keys go to the window, as a keyboard's do, so the buttons' shortcuts are what is tested."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from core.models import Attachment, Diagnosis, Finding, Quote, Unit, UnitStatus
from core.unit_of_work import Actor, Database
from tests.core.test_warranty_decisions import make_work_order
from ui.repair.workspace import RepairWorkspace

TECH = Actor(username="li", station="bench-2", roles=frozenset({"repair"}), user_id=None)


def _received(db: Database, **values: object) -> int:
    with db.uow() as uow:
        wo = make_work_order(uow, "WO-1", "JM-X16-Q", ["JM-1"], **values)
        uow.commit()
        return wo.units[0].id


def _workspace(qtbot, db: Database) -> RepairWorkspace:  # type: ignore[no-untyped-def]
    ws = RepairWorkspace(db, TECH, dt.UTC, capture_scans=False)
    qtbot.addWidget(ws)
    ws.show()
    return ws


def _status(db: Database, uid: int) -> UnitStatus:
    with db.uow() as uow:
        return uow.session.get(Unit, uid).status


def _press(qtbot, ws: RepairWorkspace, keys: str,  # type: ignore[no-untyped-def]
           until: Callable[[], object] | None = None) -> None:
    """Press a key combination on the window; wait for its effect (a button's shortcut clicks
    it a moment later, as Qt animates the press)."""
    combo = QKeySequence(keys)[0]
    QTest.keyClick(ws.window().windowHandle(), combo.key(), combo.keyboardModifiers())
    if until is not None:
        qtbot.waitUntil(until, timeout=5000)


def test_queue_counts_and_opening_a_unit(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    uid = _received(catalogue)
    ws = _workspace(qtbot, catalogue)
    assert ws.queues.item(1).text() == "Waiting for diagnosis (1)"
    assert ws.model.rowCount() == 1 and ws.model.data(ws.model.index(0, 0)) == "JM-1"
    assert ws.open_serial("JM-1") and ws.page.unit_id == uid
    assert not ws.open_serial("NOPE") and "No unit" in ws.page.message.text()


def test_diagnosis_and_quote_from_the_keyboard(qtbot, catalogue: Database,  # type: ignore[no-untyped-def]
                                               tmp_path: Path) -> None:
    # Factory date 2024-01-01: with a 12-month setting the miner is out of warranty.
    with catalogue.uow() as uow:
        from core.models import Setting

        uow.session.add(Setting(key="jasminer.warranty_months", value="12"))
        uow.commit()
    uid = _received(catalogue, factory_date=dt.date(2024, 1, 1))
    ws = _workspace(qtbot, catalogue)
    ws.activateWindow()
    qtbot.waitActive(ws)
    page = ws.page
    ws.open_serial("JM-1")
    ws.table.setFocus()  # where a click in the queue leaves it: the tab keys still work
    _press(qtbot, ws, "Alt+3", lambda: page.cause.hasFocus())
    _press(qtbot, ws, "Ctrl+Shift+D",
           lambda: _status(catalogue, uid) == UnitStatus.IN_DIAGNOSIS)
    _press(qtbot, ws, "Alt+2",
           lambda: page.value_edits["Hashboard 1 chips detected"].hasFocus())
    for value in ("126", "126", "0", "ok", "13.1"):
        qtbot.keyClicks(QApplication.focusWidget(), value)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert page.value_edits["Hashboard 3 chips detected"].property("out_of_limit") is True
    assert page.value_edits["PSU output voltage"].property("out_of_limit") is True
    assert page.value_edits["Fan test"].property("out_of_limit") is False
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # the Save findings button
    with catalogue.uow() as uow:
        found = {f.test_name: f.result for f in uow.session.scalars(select(Finding))}
    assert found["Hashboard 3 chips detected"] == "fail" and found["Fan test"] == "pass"
    assert found["PSU output voltage"] == "fail"

    # A photo for the failed hashboard: choose the finding, attach (the dialog answers a path).
    photo = tmp_path / "chain3.png"
    photo.write_bytes(b"\x89PNG chain 3")
    files = page.finding_files
    files.ask_paths = lambda: [str(photo)]
    files.finding.setFocus()
    qtbot.keyClicks(files.finding, "Hashboard")  # (a space would open the list)
    assert files.finding.currentText().startswith("Hashboard 3 chips detected: 0")
    _press(qtbot, ws, "Ctrl+Shift+A", lambda: files.table.rowCount() == 1)
    assert files.table.item(0, 3).text() == "Hashboard 3 chips detected"

    _press(qtbot, ws, "Alt+3", lambda: page.cause.hasFocus())
    qtbot.keyClicks(page.cause, "product")
    qtbot.keyClick(page.cause, Qt.Key.Key_Tab)
    assert page.exclusions.hasFocus()  # Ctrl+D is not taken by the text field
    _press(qtbot, ws, "Ctrl+D", lambda: "not covered" in page.decision_label.text())

    _press(qtbot, ws, "Alt+4", lambda: page.line_edits[0][0].hasFocus())
    for value in ("part", "Hashboard", "1", "1200", "5", "13", "labour", "Labour", "2", "80"):
        qtbot.keyClicks(QApplication.focusWidget(), value)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    target = tmp_path / "quote.pdf"
    page.quote_pdf.ask_path = lambda _name: str(target)
    _press(qtbot, ws, "Ctrl+P", lambda: "not saved" in page.message.text())
    _press(qtbot, ws, "Ctrl+S", lambda: "draft: 1448.20 CNY" in page.quote_label.text())
    _press(qtbot, ws, "Ctrl+P", lambda: target.exists())
    assert "saved to" in page.message.text()
    _press(qtbot, ws, "Ctrl+Shift+S", lambda: "sent" in page.quote_label.text())
    _press(qtbot, ws, "Ctrl+Shift+Y", lambda: "accepted" in page.quote_label.text())
    with catalogue.uow() as uow:
        assert uow.session.scalars(select(Attachment)).one().filename == "chain3.png"
        quote = uow.session.scalars(select(Quote)).one()
        assert (quote.status, quote.answer_channel, len(quote.lines)) == ("accepted", "phone", 2)
        assert quote.lines[0].unit_price == D("1200.00")
        assert uow.session.scalars(select(Diagnosis)).one().decision == "not_covered"
    assert _status(catalogue, uid) == UnitStatus.QUOTE_ACCEPTED

    page.start_repair()
    page.action_text.setText("Hashboard 3 replaced")
    page.old_serial.setText("HB-OLD")
    page.new_serial.setText("HB-NEW")
    page.record_action()
    page.finish_repair()
    page.test_passed()
    assert _status(catalogue, uid) == UnitStatus.READY_TO_SHIP, page.message.text()
    assert "testing -> ready_to_ship" in page.history.toPlainText()


def test_refusal_is_shown_not_raised(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    uid = _received(catalogue)
    ws = _workspace(qtbot, catalogue)
    ws.open_serial("JM-1")
    ws.page.start_repair()
    assert "cannot go from received to in repair" in ws.page.message.text()
    assert _status(catalogue, uid) == UnitStatus.RECEIVED


def test_scanning_a_serial_opens_the_unit(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    uid = _received(catalogue)
    ws = RepairWorkspace(catalogue, TECH, dt.UTC)
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitExposed(ws)
    assert ws.capture is not None
    with qtbot.waitSignal(ws.capture.scanned):
        ws.capture.scanned.emit("JM-1")
    assert ws.page.unit_id == uid
    ws.capture.uninstall()
