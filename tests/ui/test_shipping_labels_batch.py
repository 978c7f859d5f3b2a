"""A 50-unit work order shipped in 50 parcels: the labels go to a network label printer (port
9100) with a progress bar, and Cancel half-way leaves exactly the labels that went out marked
printed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.services import shipping
from core.unit_of_work import Database
from tests.core.test_shipping import CLERK, stock, unit_ids
from tests.ui.test_printing_cups import FilePrinter
from tests.ui.test_shipping_workspace import column, make_desk, printed_in_db
from ui import worker
from ui.printing import raw
from ui.printing.profiles import PrinterProfile
from ui.shipping.workspace import ShippingWorkspace

UNITS = 50


@pytest.fixture
def zebra(tmp_path: Path) -> Iterator[FilePrinter]:
    (tmp_path / "zebra").mkdir()
    printer = FilePrinter(tmp_path / "zebra")
    yield printer
    printer.close()


@pytest.fixture
def big_desk(catalogue: Database, qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
             tmp_path: Path, zebra: FilePrinter) -> ShippingWorkspace:
    stock(catalogue, {"WO-BIG": [(f"SN-{n:02d}", "JM-X16-Q") for n in range(UNITS)]})
    with catalogue.uow(CLERK) as uow:
        parcels = shipping.create_shipments(uow, "WO-BIG", unit_ids(catalogue, "WO-BIG"),
                                            "SF Express", batch_size=1)
    for n, parcel in enumerate(parcels):
        with catalogue.uow(CLERK) as uow:
            shipping.assign_tracking(uow, parcel.shipment_id, f"SF{1400000000000 + n}")
    station = [PrinterProfile("Zebra on the network", "tcp9100", f"127.0.0.1:{zebra.port}")]
    ws, _ = make_desk(catalogue, qtbot, monkeypatch, tmp_path, station)
    ws.select_work_order("WO-BIG")
    assert ws.parcel_model.rowCount() == UNITS
    return ws


def test_cancel_after_twenty_labels_marks_exactly_those_twenty(
        big_desk: ShippingWorkspace, catalogue: Database, zebra: FilePrinter) -> None:
    worker.set_pool(worker.ImmediatePool())
    seen: list[tuple[bool, int, int]] = []

    def on_progress(value: int) -> None:
        bar = big_desk.progress
        if big_desk.printing.is_busy():  # not the reset once the job ended
            seen.append((bar.isVisible(), value, bar.maximum()))
        if value == 20:
            big_desk.cancel_button.click()

    big_desk.progress.valueChanged.connect(on_progress)
    try:
        big_desk.print_button.click()
    finally:
        worker.set_pool(None)
    assert [v for _, v, _ in seen if v] == list(range(1, 21))
    assert all(visible and maximum == UNITS for visible, _, maximum in seen)
    assert big_desk.message.text() == ("Printing cancelled: 20 of 50 label(s) went out and are "
                                       "marked printed; the other 30 are not.")
    printed = printed_in_db(catalogue)
    assert list(printed.values()) == [True] * 20 + [False] * 30
    assert column(big_desk, 6) == ["printed"] * 20 + ["not printed"] * 30
    jobs = zebra.wait_for_jobs(20)
    time.sleep(0.2)  # nothing more arrives after the cancel
    assert len(jobs) == 20
    assert b"SF1400000000019" in jobs[19]
    assert not big_desk.progress.isVisible() and big_desk.ship_button.isEnabled()


def test_cancel_from_the_gui_while_a_thread_prints(big_desk: ShippingWorkspace, qtbot,  # type: ignore[no-untyped-def]
                                                  catalogue: Database, zebra: FilePrinter,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    send = raw.send_to_socket

    def slow_printer(data: bytes, host: str, port: int = 9100) -> str:
        time.sleep(0.02)  # a real Zebra takes a moment per label; the Cancel must come between
        return send(data, host, port)

    monkeypatch.setattr(raw, "send_to_socket", slow_printer)
    big_desk.print_button.click()
    assert big_desk.progress.isVisible() and not big_desk.ship_button.isEnabled()
    qtbot.waitUntil(lambda: big_desk.progress.value() >= 5, timeout=30_000)
    big_desk.cancel_button.click()
    qtbot.waitUntil(lambda: not big_desk.printing.is_busy(), timeout=30_000)
    done = sum(printed_in_db(catalogue).values())
    assert 5 <= done < UNITS
    assert big_desk.message.text().startswith(f"Printing cancelled: {done} of 50 label(s)")
    assert len(zebra.wait_for_jobs(done)) == done
    assert column(big_desk, 6).count("printed") == done
