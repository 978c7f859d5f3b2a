"""The Shipping workspace's refused parcels (rule S3): list, slip, waybill scan, return."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.models import AuditEntry
from core.services import parcel_returns
from core.unit_of_work import Database
from tests.core.test_parcel_returns import refused_parcels
from tests.core.test_shipping import OTHER_CLERK
from tests.reports.pdftools import all_text, squash
from tests.ui.test_scanner_keyboard import StepClock, scan
from tests.ui.test_shipping_workspace import Answers, immediate_pool, make_desk
from ui.shipping.returns_model import PARCEL_ROLE, WaitingReturnsModel
from ui.shipping.workspace import ShippingWorkspace

__all__ = ["immediate_pool"]  # autouse: printing runs at once in the tests


@pytest.fixture
def desk(catalogue: Database, qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
         tmp_path: Path) -> tuple[ShippingWorkspace, Answers, tuple[int, int]]:
    parcels = refused_parcels(catalogue)
    widget, answers = make_desk(catalogue, qtbot, monkeypatch, tmp_path, [], StepClock())
    widget.pages.setCurrentWidget(widget.returns)
    return widget, answers, parcels


def returned_count(database: Database) -> int:
    with database.read() as uow:
        return uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "parcel.return_to_sender")) or 0


def test_list_shows_refused_parcels_with_reasons_and_address(desk) -> None:  # type: ignore[no-untyped-def]
    widget, _, (matched, unknown) = desk
    panel = widget.returns
    assert panel.model.rowCount() == 2
    assert "2 refused parcel" in panel.count.text()
    cells = [[panel.model.index(r, c).data() for c in range(7)] for r in range(2)]
    assert cells[0][0] == str(matched) and cells[0][2] == "WO-1"
    assert cells[0][4] == "1 Road, Shenzhen, GD, 518000, CN" and "damaged unit" in cells[0][5]
    assert cells[1][2] == "(none matched)" and "No work order matches" in cells[1][5]
    assert cells[1][6] == "Deppon DP0001"
    # A matched parcel goes to its work order's address, which cannot be edited here.
    assert panel.address.isReadOnly() and "Shenzhen" in panel.address.toPlainText()
    panel.select_row(1)
    assert not panel.address.isReadOnly() and panel.address.toPlainText() == ""


def test_scan_waybill_and_mark_returned(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    widget, _, (matched, unknown) = desk
    panel = widget.returns
    panel.carrier.setCurrentText("SF Express")
    scan(widget, "SF1234567890")
    assert panel.waybill.text() == "SF1234567890"
    assert returned_count(widget.database) == 0  # a scan alone records nothing
    panel.return_button.click()
    assert f"Parcel {matched} returned to its sender with SF Express SF1234567890" in \
        widget.message.text()
    assert panel.model.rowCount() == 1 and panel.current().intake_id == unknown
    assert returned_count(widget.database) == 1
    # The next one matched no work order: without an address it is refused, nothing stored.
    panel.waybill.setText("DPX12345678")
    panel.return_button.click()
    assert "type the address" in widget.message.text() and returned_count(widget.database) == 1
    assert panel.waybill.text() == "DPX12345678"  # what the clerk scanned is kept
    panel.address.setPlainText("王五\n上海市浦东新区1号")
    panel.return_button.click()
    assert returned_count(widget.database) == 2 and panel.model.rowCount() == 0
    assert "0 refused parcel" in panel.count.text()
    with widget.database.read() as uow:
        assert parcel_returns.returned(uow, unknown).address == "王五 上海市浦东新区1号"


def test_a_parcel_another_clerk_sent_is_refused_and_leaves_the_list(desk) -> None:  # type: ignore[no-untyped-def]
    widget, _, (matched, _) = desk
    with widget.database.uow(OTHER_CLERK) as uow:
        parcel_returns.return_to_sender(uow, matched, "KYE", "KY99999999")
    panel = widget.returns
    panel.waybill.setText("SF1234567890")
    panel.return_button.click()
    assert "already returned to its sender by lee" in widget.message.text()
    assert widget.message.styleSheet()  # shown as a problem
    assert panel.model.rowCount() == 1 and returned_count(widget.database) == 1


def test_bad_waybill_is_refused_with_what_to_do(desk) -> None:  # type: ignore[no-untyped-def]
    widget, _, _ = desk
    widget.returns.waybill.setText("SF 12")
    widget.returns.return_button.click()
    assert "is not a tracking number: scan the carrier's waybill" in widget.message.text()
    assert returned_count(widget.database) == 0


def test_refusal_slip_prints_and_saves_with_the_typed_sender(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget, answers, (matched, unknown) = desk
    panel = widget.returns
    panel.print_button.click()
    assert f"Refusal slip of parcel {matched} sent to" in widget.message.text()
    # Qt prints the pages as pictures: the words are checked on the saved PDF below.
    assert answers.printer_file.read_bytes().startswith(b"%PDF")
    answers.save_to = str(tmp_path / "matched.pdf")
    panel.save_slip()
    saved = squash(all_text((tmp_path / "matched.pdf").read_bytes()))
    assert "Parcelrefused" in saved and "Shenzhen" in saved
    panel.select_row(1)
    panel.address.setPlainText("王五 上海市浦东新区1号")
    answers.save_to = str(tmp_path / "slip.pdf")
    panel.save_slip()
    saved = squash(all_text((tmp_path / "slip.pdf").read_bytes()))
    assert "上海市浦东新区1号" in saved and "Noworkordermatches" in saved
    answers.save_to = str(tmp_path / "no-such-folder" / "slip.pdf")
    panel.save_slip()
    assert "could not be saved" in widget.message.text()
    answers.printer_file = None  # the clerk closes the print dialog
    panel.print_button.click()
    assert "nothing was printed" in widget.message.text()


def test_the_list_fetches_only_the_rows_shown(catalogue: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        refused_parcels(catalogue)
    model = WaitingReturnsModel(catalogue, OTHER_CLERK, dt.UTC)
    model.rows._size = 2  # small blocks stand in for a big database
    assert model.rowCount() == 0  # nothing is read before the list is loaded
    with qtbot.waitSignal(model.loaded):
        model.reload()
    assert model.rowCount() == 6 and model.rows.fetches == 0
    assert model.index(0, 0).data(PARCEL_ROLE).work_order_number == "WO-1"
    assert model.rows.fetches == 1
    assert model.index(5, 0).data(PARCEL_ROLE).work_order_number is None
    assert model.rows.fetches == 2
    assert model.index(6, 0).data() is None  # past the end: nothing, no fetch
    assert model.rows.fetches == 2


def test_keyboard_alone_marks_one_parcel_returned(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    widget, _, (matched, unknown) = desk
    panel = widget.returns
    panel.waybill.setFocus()
    panel.waybill.setText("SF1234567890")
    qtbot.keyClick(panel.waybill, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert f"Parcel {matched} returned" in widget.message.text(), widget.message.text()
    assert returned_count(widget.database) == 1 and panel.current().intake_id == unknown
    # On the other page the shortcut is not there: nothing is returned by accident.
    panel.address.setPlainText("王五 上海市浦东新区1号")  # everything a return needs...
    panel.waybill.setText("DPX12345678")
    widget.pages.setCurrentIndex(0)  # ...but the clerk is on the ready-to-ship page
    qtbot.keyClick(widget.tracking, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert returned_count(widget.database) == 1


def test_slip_of_a_work_order_without_address_carries_the_typed_one(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from core.models import ParcelIntake

    widget, answers, (matched, _) = desk
    with widget.database.uow() as uow:  # WO-1 lost its city: no complete return address (I1)
        uow.session.get_one(ParcelIntake, matched).work_order.city = ""
        uow.commit()
    panel = widget.returns
    panel.refresh()
    assert panel.current().intake_id == matched and not panel.address.isReadOnly()
    panel.address.setPlainText("李四\n广州市天河区2号")
    answers.save_to = str(tmp_path / "slip.pdf")
    panel.save_slip()
    assert "广州市天河区2号" in squash(all_text((tmp_path / "slip.pdf").read_bytes()))


def test_slip_on_the_label_printer_as_zpl(catalogue: Database, qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    from tests.ui.test_printing_cups import FilePrinter
    from tests.ui.test_shipping_workspace import closed_port
    from ui.printing.profiles import PrinterProfile

    matched, _ = refused_parcels(catalogue)
    zebra = FilePrinter(tmp_path)
    try:
        station = [PrinterProfile("Office PDFs", "pdf_file", str(tmp_path / "pdf")),
                   PrinterProfile("Zebra", "tcp9100", f"127.0.0.1:{zebra.port}", dpi=300,
                                  cjk_font="E:SIMSUN.TTF"),
                   PrinterProfile("Dead Zebra", "tcp9100", f"127.0.0.1:{closed_port()}")]
        widget, _ = make_desk(catalogue, qtbot, monkeypatch, tmp_path, station, StepClock())
        panel = widget.returns
        # Only the ZPL printers are offered: the PDF profile prints through the print dialog.
        assert [panel.label_printer.itemText(i) for i in range(panel.label_printer.count())] \
            == ["Zebra", "Dead Zebra"]
        panel.label_button.click()
        assert f"Refusal slip of parcel {matched} sent to Zebra." in widget.message.text()
        (zpl,) = zebra.wait_for_jobs(1)
        assert zpl.startswith(b"^XA^CI28^PW1181") and b"^CW1,E:SIMSUN.TTF" in zpl
        assert b"Parcel refused" in zpl and b"Shenzhen" in zpl
        panel.label_printer.setCurrentIndex(1)
        panel.label_button.click()
        assert "cannot be reached" in widget.message.text() and widget.message.styleSheet()
        assert returned_count(catalogue) == 0  # printing a slip is not returning the parcel
    finally:
        zebra.close()


def test_without_a_label_printer_the_button_says_why(desk) -> None:  # type: ignore[no-untyped-def]
    panel = desk[0].returns
    assert not panel.label_button.isEnabled()
    assert "no ZPL label printer profile" in panel.label_button.toolTip()
