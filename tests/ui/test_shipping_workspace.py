"""The shipping workspace: pack, scan waybills, print (or fail to), ship; printing can be cancelled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select

from core.models import Unit, UnitStatus
from core.unit_of_work import Database
from tests.core.test_shipping import CLERK, stock
from tests.reports import samples
from ui import worker
from ui.printing import jobs, profiles
from ui.printing.profiles import PrinterProfile
from ui.shipping import workspace
from ui.shipping.workspace import ShippingWorkspace


@pytest.fixture(autouse=True)
def immediate_pool() -> Iterator[None]:
    worker.set_pool(worker.ImmediatePool())
    yield
    worker.set_pool(None)


@pytest.fixture
def desk(catalogue: Database, qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
         tmp_path: Path) -> ShippingWorkspace:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q"), ("SN-2", "JM-X16-Q"), ("SN-3", "JM-X16-Q")]})
    station = [PrinterProfile("Dead Zebra", "tcp9100", "127.0.0.1:9"),
               PrinterProfile("Label PDFs", "pdf_file", str(tmp_path / "labels"))]
    monkeypatch.setattr(profiles, "load_profiles", lambda settings=None: station)
    widget = ShippingWorkspace(catalogue, CLERK)
    qtbot.addWidget(widget)
    return widget


def tick_all(desk: ShippingWorkspace) -> None:
    order = desk.ready_model.item(0).child(0)
    for row in range(order.rowCount()):
        order.child(row).setCheckState(Qt.CheckState.Checked)


def scan(desk: ShippingWorkspace, qtbot, row: int, code: str) -> None:  # type: ignore[no-untyped-def]
    desk.parcel_view.selectRow(row)
    qtbot.keyClicks(desk.tracking, code)
    qtbot.keyClick(desk.tracking, Qt.Key.Key_Return)


def test_pack_scan_print_and_ship(desk: ShippingWorkspace, qtbot, catalogue: Database,  # type: ignore[no-untyped-def]
                                  tmp_path: Path) -> None:
    address = desk.ready_model.item(0)
    assert address.text() == "1 Road, Shenzhen, GD, 518000, CN"
    assert address.child(0).rowCount() == 3
    tick_all(desk)
    desk.carrier.setCurrentText("SF Express")
    desk.batch.setValue(2)
    desk.pack_button.click()
    assert "2 parcel(s) packed for WO-1" in desk.message.text()
    assert desk.parcel_model.rowCount() == 2
    scan(desk, qtbot, 0, "SF1000000001")
    scan(desk, qtbot, 1, "SF1000000002")
    assert [desk.parcel_model.item(r, 2).text() for r in (0, 1)] == ["SF1000000001",
                                                                     "SF1000000002"]
    desk.parcel_view.selectRow(0)
    desk.ship_button.click()
    assert "Print this parcel's label first" in desk.message.text()

    desk.profile.setCurrentIndex(0)  # a printer that does not answer
    desk.print_button.click()
    assert desk.message.text().startswith("Not printed") and not desk.printed
    desk.ship_button.click()
    assert "Print this parcel's label first" in desk.message.text()

    desk.profile.setCurrentIndex(1)
    desk.print_button.click()
    assert desk.message.text() == "2 label(s) sent to Label PDFs."
    assert sorted(p.name for p in (tmp_path / "labels").iterdir()) == ["WO-1-1of2.pdf",
                                                                       "WO-1-2of2.pdf"]
    assert not desk.progress.isVisible() and not desk.cancel_button.isEnabled()
    desk.parcel_view.selectRow(0)
    with qtbot.waitSignal(desk.shipped):
        desk.ship_button.click()
    assert "shipped with SF Express SF1000000001" in desk.message.text()
    with catalogue.uow() as uow:
        states = dict(uow.session.execute(select(Unit.serial, Unit.status)).all())
    assert states == {"SN-1": UnitStatus.SHIPPED, "SN-2": UnitStatus.SHIPPED,
                      "SN-3": UnitStatus.READY_TO_SHIP}
    assert desk.parcel_model.rowCount() == 1


def test_a_batch_can_be_cancelled_between_labels(tmp_path: Path) -> None:
    flag = worker.CancelFlag()
    profile = PrinterProfile("PDFs", "pdf_file", str(tmp_path))
    labels = [samples.label("en", parcel_no=n, parcel_count=3) for n in (1, 2, 3)]
    with pytest.raises(worker.Cancelled):
        jobs.print_labels(profile, labels, progress=lambda done, total: flag.cancel(),
                          cancel=flag)
    assert [p.name for p in tmp_path.iterdir()] == ["RB-2025-000123-1of3.pdf"]


def test_profiles_round_trip_through_qsettings(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    zebra = PrinterProfile("Zebra", "raw_queue", "zebra_gk420", 100, 150, 300, 2)
    profiles.save_profiles([zebra, PrinterProfile("Office", "qt", "")], settings)
    assert profiles.load_profiles(settings) == [zebra, PrinterProfile("Office", "qt", "")]
    assert profiles.upsert(PrinterProfile("Zebra", "tcp9100", "10.0.0.5:9100"), settings)[-1] \
        .host_port() == ("10.0.0.5", 9100)
    with pytest.raises(profiles.UserError, match="203 or 300"):
        PrinterProfile("Bad", "raw_queue", "q", dpi=600).validate()
    assert workspace.carriers(settings)[:3] == ["SF Express", "Deppon", "KYE"]
