"""The shipping workspace: pack, scan waybills with the scanner, print (or fail to), ship."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from core.models import Shipment, Unit, UnitStatus
from core.unit_of_work import Database
from tests.core.test_shipping import CLERK, stock
from tests.reports import samples
from tests.ui.test_scanner_keyboard import StepClock, scan
from ui import worker
from ui.printing import jobs, profiles, qt_print
from ui.printing.profiles import PrinterProfile
from ui.scanner.keyboard import ScanCapture
from ui.shipping import workspace
from ui.shipping.dialogs import ShippingDialogs
from ui.shipping.workspace import ShippingWorkspace


@pytest.fixture(autouse=True)
def immediate_pool() -> Iterator[None]:
    worker.set_pool(worker.ImmediatePool())
    yield
    worker.set_pool(None)


def closed_port() -> int:
    """A local port nothing listens on: a label printer that is switched off."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Answers:
    """What the clerk answers in the workspace's dialogs; records what was asked."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.printer_file: Path | None = tmp_path / "printed.pdf"  # None: the dialog is closed
        self.print_from_preview = True
        self.save_to = ""
        self.ship_anyway = False
        self.questions: list[str] = []
        self.previewed: list[bytes] = []

    def choose_printer(self, _parent: QWidget) -> QPrinter | None:
        if self.printer_file is None:
            return None
        return qt_print.pdf_file_printer(self.printer_file, resolution=203)

    def preview(self, pdf: bytes, _parent: QWidget) -> bool:
        self.previewed.append(pdf)
        if self.print_from_preview:  # the clerk presses Print in the preview
            qt_print.print_pdf(pdf, qt_print.pdf_file_printer(self.tmp_path / "preview.pdf", 100))
        return self.print_from_preview

    def confirm(self, _parent: QWidget, question: str) -> bool:
        self.questions.append(question)
        return self.ship_anyway

    def dialogs(self) -> ShippingDialogs:
        return ShippingDialogs(choose_printer=self.choose_printer, preview=self.preview,
                               save_path=lambda _parent, _name: self.save_to, confirm=self.confirm)


def make_desk(database: Database, qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
              tmp_path: Path, station: list[PrinterProfile],
              clock: StepClock | None = None) -> tuple[ShippingWorkspace, Answers]:
    """The workspace shown and active, with injected profiles, dialogs and scanner clock."""
    monkeypatch.setattr(profiles, "load_profiles", lambda settings=None: station)
    answers = Answers(tmp_path)
    capture = ScanCapture(clock=clock or StepClock())
    capture.install()
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    widget = ShippingWorkspace(database, CLERK, capture=capture, dialogs=answers.dialogs(),
                               settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitActive(widget)
    widget.tracking.setFocus()
    # The filter belongs to the widget: deleting it at teardown removes it from the app.
    capture.setParent(widget)
    return widget, answers


@pytest.fixture
def clock() -> StepClock:
    return StepClock()


@pytest.fixture
def desk(catalogue: Database, qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
         tmp_path: Path, clock: StepClock) -> tuple[ShippingWorkspace, Answers]:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q"), ("SN-2", "JM-X16-Q"), ("SN-3", "JM-X16-Q")]})
    station = [PrinterProfile("Dead Zebra", "tcp9100", f"127.0.0.1:{closed_port()}"),
               PrinterProfile("Label PDFs", "pdf_file", str(tmp_path / "labels"))]
    return make_desk(catalogue, qtbot, monkeypatch, tmp_path, station, clock)


def tick_all(desk: ShippingWorkspace, number: str = "WO-1") -> None:
    order = desk._orders[number]
    for row in range(order.rowCount()):
        order.child(row).setCheckState(Qt.CheckState.Checked)


def pack(desk: ShippingWorkspace, batch: int) -> None:
    tick_all(desk)
    desk.carrier.setCurrentText("SF Express")
    desk.batch.setValue(batch)
    desk.pack_button.click()


def column(desk: ShippingWorkspace, col: int) -> list[str]:
    return [desk.parcel_model.item(r, col).text() for r in range(desk.parcel_model.rowCount())]


def printed_in_db(database: Database) -> dict[int, bool]:
    with database.uow() as uow:
        return {sid: at is not None for sid, at in uow.session.execute(
            select(Shipment.id, Shipment.label_printed_at).order_by(Shipment.id))}


def states(database: Database) -> dict[str, UnitStatus]:
    with database.uow() as uow:
        return dict(uow.session.execute(select(Unit.serial, Unit.status)).all())


def test_pack_scan_print_and_ship(desk, qtbot, catalogue: Database,  # type: ignore[no-untyped-def]
                                  tmp_path: Path) -> None:
    ws, answers = desk
    address = ws.ready_model.item(0)
    assert address.text() == "1 Road, Shenzhen, GD, 518000, CN"
    assert address.child(0).rowCount() == 3
    pack(ws, 2)
    assert "2 parcel(s) packed for WO-1" in ws.message.text()
    assert column(ws, 0) == ["1/2", "2/2"] and column(ws, 6) == ["not printed"] * 2
    # Scanner bursts anywhere in the workspace: the first parcel is selected, and after each
    # waybill the next parcel without one is.
    scan(ws, "SF1000000000001")
    scan(ws, "SF1000000000002")
    assert column(ws, 2) == ["SF1000000000001", "SF1000000000002"]
    assert ws.tracking.text() == ""  # the burst never landed in the field

    ws.profile.setCurrentIndex(0)  # a label printer that is switched off
    ws.print_button.click()
    assert ws.message.text().startswith("Not printed: The printer at 127.0.0.1:")
    assert "cannot be reached" in ws.message.text()
    assert "No label is marked printed." in ws.message.text()
    assert column(ws, 6) == ["not printed"] * 2 and not any(printed_in_db(catalogue).values())
    ws.ship_button.click()  # the clerk says no to shipping without a label
    assert "parcel(s) 2/2 of WO-1 has not been printed" in answers.questions[-1]
    assert ws.message.text() == "Nothing shipped: print the labels first."
    assert set(states(catalogue).values()) == {UnitStatus.READY_TO_SHIP}

    ws.profile.setCurrentIndex(1)
    ws.print_button.click()
    assert ws.message.text() == "2 label(s) sent to Label PDFs."
    assert sorted(p.name for p in (tmp_path / "labels").iterdir()) == ["WO-1-1of2.pdf",
                                                                       "WO-1-2of2.pdf"]
    assert column(ws, 6) == ["printed"] * 2 and all(printed_in_db(catalogue).values())
    assert not ws.progress.isVisible() and not ws.cancel_button.isEnabled()
    ws.parcel_view.selectRow(0)
    asked = len(answers.questions)
    with qtbot.waitSignal(ws.shipped):
        ws.ship_button.click()
    assert len(answers.questions) == asked  # a printed parcel ships without a question
    assert "shipped with SF Express SF1000000000001" in ws.message.text()
    assert states(catalogue) == {"SN-1": UnitStatus.SHIPPED, "SN-2": UnitStatus.SHIPPED,
                                 "SN-3": UnitStatus.READY_TO_SHIP}
    assert ws.parcel_model.rowCount() == 1


def test_an_unprinted_parcel_ships_after_the_clerk_confirms(desk, qtbot,  # type: ignore[no-untyped-def]
                                                           catalogue: Database) -> None:
    ws, answers = desk
    pack(ws, 0)
    scan(ws, "SF1000000000009")
    answers.ship_anyway = True
    with qtbot.waitSignal(ws.shipped):
        ws.ship_button.click()
    assert "has not been printed" in answers.questions[0]
    assert set(states(catalogue).values()) == {UnitStatus.SHIPPED}


def test_a_new_waybill_makes_the_label_unprinted_again(desk, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    ws, _ = desk
    pack(ws, 0)
    scan(ws, "SF1000000000001")
    ws.profile.setCurrentIndex(1)
    ws.print_button.click()
    assert column(ws, 6) == ["printed"]
    scan(ws, "SF1000000000002")  # the parcel got another waybill: its label is wrong now
    assert column(ws, 2) == ["SF1000000000002"] and column(ws, 6) == ["not printed"]
    assert not any(printed_in_db(catalogue).values())


def test_scans_select_work_orders_and_bad_waybills_are_refused(
        catalogue: Database, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,  # type: ignore[no-untyped-def]
        clock: StepClock) -> None:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q")], "WO-2": [("SN-2", "JM-X16-Q")],
                      "WO-3": [("SN-3", "JM-X16-Q")]})
    with catalogue.uow() as uow:  # WO-3 is still in repair
        uow.session.scalars(select(Unit).where(Unit.serial == "SN-3")).one().status = \
            UnitStatus.IN_REPAIR
        uow.commit()
    ws, _ = make_desk(catalogue, qtbot, monkeypatch, tmp_path, [], clock)
    ws.refresh()

    scan(ws, "SF1000000000001")
    assert "Scan the work order first" in ws.message.text()
    scan(ws, "WO-2")
    assert ws._work_order == "WO-2"
    assert ws.ready_view.currentIndex().data(workspace.ID_ROLE) == "WO-2"
    assert ws.message.text() == "Work order WO-2: tick its units and pack them."
    scan(ws, "SN-1")  # a ready unit's serial selects its work order too
    assert ws._work_order == "WO-1"
    scan(ws, "WO-3")
    assert ws.message.text() == "Work order WO-3 has no units ready to ship."
    assert ws._work_order == "WO-1"

    tick_all(ws)
    ws.carrier.setCurrentText("SF Express")
    ws.pack_button.click()
    scan(ws, "SF12345")  # too short for SF Express
    assert ws.message.text() == ("'SF12345' is neither a work order nor a SF Express tracking "
                                 "number (SF and 12 to 15 digits).")
    assert column(ws, 2) == [""]
    # A smudged waybill typed by hand at human speed goes through the field and Enter.
    clock.step = 150
    scan(ws, "SF100000000077", suffix=None)
    qtbot.waitUntil(lambda: ws.tracking.text() == "SF100000000077", timeout=2000)
    qtbot.keyClick(ws.tracking, Qt.Key.Key_Return)
    assert column(ws, 2) == ["SF100000000077"]


def test_profiles_round_trip_and_carrier_patterns_come_from_the_station(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    zebra = PrinterProfile("Zebra", "raw_queue", "zebra_gk420", 100, 150, 300, 2)
    profiles.save_profiles([zebra, PrinterProfile("Office", "qt", "")], settings)
    assert profiles.load_profiles(settings) == [zebra, PrinterProfile("Office", "qt", "")]
    assert profiles.upsert(PrinterProfile("Zebra", "tcp9100", "10.0.0.5:9100"), settings)[-1] \
        .host_port() == ("10.0.0.5", 9100)
    with pytest.raises(profiles.UserError, match="203 or 300"):
        PrinterProfile("Bad", "raw_queue", "q", dpi=600).validate()
    settings.setValue("shipping/carriers", "ZTO")
    settings.setValue("shipping/tracking_pattern/ZTO", r"7\d{11}")
    assert workspace.carriers(settings) == ["SF Express", "Deppon", "KYE", "ZTO"]
    assert workspace.tracking_patterns(settings) == {"ZTO": r"7\d{11}"}


def test_a_batch_can_be_cancelled_between_labels(tmp_path: Path) -> None:
    flag = worker.CancelFlag()
    profile = PrinterProfile("PDFs", "pdf_file", str(tmp_path))
    labels = [samples.label("en", parcel_no=n, parcel_count=3) for n in (1, 2, 3)]
    accepted: list[int] = []
    with pytest.raises(worker.Cancelled):
        jobs.print_labels(profile, labels, progress=lambda done, total: flag.cancel(),
                          cancel=flag, on_printed=accepted.append)
    assert [p.name for p in tmp_path.iterdir()] == ["RB-2025-000123-1of3.pdf"]
    assert accepted == [0]
