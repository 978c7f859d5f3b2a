"""The intake bench driven by scanner-speed key bursts: what the screen shows, what is stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from core.models import ParcelIntake, Scan, Unit, UnitStatus
from core.services import work_orders
from core.unit_of_work import Actor, Database
from tests.core.test_work_order_import import HEADER, row
from tests.ui.test_scanner_keyboard import StepClock, scan
from ui import worker
from ui.intake.bench import RECEIVED_ROLE, IntakeWorkspace
from ui.scanner.keyboard import ScanCapture

TECHNICIAN = Actor(username="ann", station="bench-1", roles=frozenset({"intake"}))
BIG = [f"BIG-{n:03d}" for n in range(20)]


class FakeSounds:
    """Records which verdict sounds were asked for."""

    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, verdict: str) -> None:
        self.played.append(verdict)


@pytest.fixture
def bench_db(catalogue: Database) -> Database:
    text = (HEADER + row(wo="WO-1", serial="SN-1") + row(wo="WO-1", serial="SN-2")
            + "".join(row(wo="WO-BIG", serial=s) for s in BIG))
    with catalogue.uow() as uow:
        work_orders.import_work_orders(uow, text.encode(), "wo.csv")
    return catalogue


@pytest.fixture
def immediate() -> Iterator[None]:
    worker.set_pool(worker.ImmediatePool())
    yield
    worker.set_pool(None)


@pytest.fixture
def clock() -> StepClock:
    return StepClock()


@pytest.fixture
def workspace(qtbot, bench_db: Database, clock: StepClock) -> Iterator[IntakeWorkspace]:
    capture = ScanCapture(clock=clock)
    capture.install()
    bench = IntakeWorkspace(bench_db, TECHNICIAN, capture=capture, sounds=FakeSounds(),
                            extra_sources=False)
    qtbot.addWidget(bench)
    bench.resize(1200, 760)
    bench.show()
    qtbot.waitActive(bench)
    bench.manual.setFocus()
    yield bench
    capture.uninstall()


def log_lines(bench: IntakeWorkspace) -> list[str]:
    return [bench.log_list.item(i).text() for i in range(bench.log_list.count())]


def ticks(bench: IntakeWorkspace) -> dict[str, bool]:
    items = [bench.checklist.item(i) for i in range(bench.checklist.count())]
    return {i.data(Qt.ItemDataRole.UserRole): i.data(RECEIVED_ROLE) for i in items}


def stored_scans(database: Database) -> list[tuple[str, str]]:
    with database.uow() as uow:
        return [(s.raw, s.verdict) for s in uow.session.scalars(select(Scan).order_by(Scan.id))]


def unit_status(database: Database, serial: str) -> UnitStatus:
    with database.uow() as uow:
        return uow.session.scalars(select(Unit.status).where(Unit.serial == serial)).one()


def test_work_order_then_unit_shows_verdict_checklist_and_log(qtbot, workspace, bench_db, immediate):
    scan(workspace, "WO-1")
    assert workspace.panel.state == "info"
    assert "WO-1" in workspace.customer.text() and "Ann Lee" in workspace.customer.text()
    assert ticks(workspace) == {"SN-1": False, "SN-2": False}

    scan(workspace, "SN-1")
    assert workspace.panel.state == "accepted"
    assert workspace.panel.title.text() == "✔ ACCEPTED"
    assert "SN-1" in workspace.panel.message.text()
    assert ticks(workspace) == {"SN-1": True, "SN-2": False}
    assert "SN-1" in log_lines(workspace)[0] and "WO-1" in log_lines(workspace)[1]
    assert workspace.sounds.played == ["info", "accepted"]
    assert stored_scans(bench_db) == [("WO-1", "info"), ("SN-1", "accepted")]
    assert unit_status(bench_db, "SN-1") == UnitStatus.RECEIVED
    assert workspace.manual.text() == ""


def test_rejected_scan_is_red_with_the_reason(qtbot, workspace, bench_db, immediate):
    scan(workspace, "WO-1")
    scan(workspace, "SN-404")
    assert workspace.panel.state == "rejected"
    assert workspace.panel.title.text() == "✖ REJECTED"
    assert "not on work order WO-1" in workspace.panel.message.text()
    assert workspace.sounds.played[-1] == "rejected"
    assert stored_scans(bench_db)[-1] == ("SN-404", "rejected")


def test_ctrl_bracket_separators_reach_the_parser(qtbot, workspace, bench_db, immediate):
    scan(workspace, "WO-1")
    # Without the GS after the batch, AI 10 would swallow "21SN-2" and the serial would vanish.
    scan(workspace, "]C110LOT42\x1d21SN-2")
    assert workspace.panel.state == "accepted"
    assert "␝" in log_lines(workspace)[0]
    assert stored_scans(bench_db)[-1] == ("]C110LOT42\x1d21SN-2", "accepted")
    assert unit_status(bench_db, "SN-2") == UnitStatus.RECEIVED


def test_tab_suffix_neither_moves_focus_nor_lands_in_the_field(qtbot, workspace, bench_db, immediate):
    scan(workspace, "WO-1", suffix=Qt.Key.Key_Tab)
    scan(workspace, "SN-1", suffix=Qt.Key.Key_Tab)
    qtbot.wait(80)  # nothing replayed later either
    assert QApplication.focusWidget() is workspace.manual
    assert workspace.manual.text() == ""
    assert [v for _, v in stored_scans(bench_db)] == ["info", "accepted"]


def test_scan_while_typing_in_the_manual_field_does_not_land_there(qtbot, workspace, bench_db,
                                                                   clock, immediate):
    workspace.manual.setText("SN-")  # half-typed smudged number
    workspace.manual.setFocus()
    scan(workspace, "WO-1")
    assert workspace.manual.text() == "SN-"
    assert stored_scans(bench_db) == [("WO-1", "info")]


def test_slow_typing_in_the_manual_field_then_enter_submits_it(qtbot, workspace, bench_db, clock,
                                                               immediate):
    scan(workspace, "WO-1")
    clock.step = 150  # a person, not a scanner
    scan(workspace, "SN-2", suffix=None)
    qtbot.waitUntil(lambda: workspace.manual.text() == "SN-2", timeout=1000)
    QTest.keyClick(workspace.window().windowHandle(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(stored_scans(bench_db)) == 2, timeout=1000)
    assert workspace.manual.text() == ""
    assert workspace.panel.state == "accepted"
    assert ticks(workspace)["SN-2"] is True


def test_a_burst_of_twenty_scans_loses_none(qtbot, workspace, bench_db, immediate):
    scan(workspace, "WO-BIG")
    for serial in BIG:
        scan(workspace, serial)
    assert [raw for raw, _ in stored_scans(bench_db)] == ["WO-BIG", *BIG]
    assert all(ticks(workspace).values()) and len(ticks(workspace)) == 20
    assert len(log_lines(workspace)) == 21
    assert "All units of the work order are in" in workspace.panel.message.text()


def test_real_thread_pool_keeps_order_without_blocking(qtbot, workspace, bench_db):
    # The real pool: scans queue up while earlier ones are stored, results come in order.
    scan(workspace, "WO-BIG")
    for serial in BIG[:10]:
        scan(workspace, serial)
    qtbot.waitUntil(lambda: workspace.queue.idle, timeout=10_000)
    assert [raw for raw, _ in stored_scans(bench_db)] == ["WO-BIG", *BIG[:10]]
    assert [line.split("  ")[2] for line in reversed(log_lines(workspace))] == ["WO-BIG", *BIG[:10]]
    with bench_db.uow() as uow:
        parcels = uow.session.scalar(select(func.count()).select_from(ParcelIntake))
    assert parcels == 1


def test_database_error_keeps_unsent_scans_and_retry_stores_them(qtbot, workspace, bench_db,
                                                                 immediate):
    real_store = workspace.queue._store
    broken = {"on": True}

    def flaky(raw: str, intake_id: int | None, client_id: str):
        if broken["on"]:
            raise OSError("disk I/O error")
        return real_store(raw, intake_id, client_id)

    workspace.queue._store = flaky
    scan(workspace, "WO-1")
    scan(workspace, "SN-1")
    assert workspace.panel.state == "error"
    assert "disk I/O error" in workspace.panel.message.text()
    assert "Database unreachable — 2 scans waiting, retrying in 1 s" in workspace.panel.message.text()
    assert workspace.pending_box.isVisible()
    assert [workspace.pending_list.item(i).text().split()[0]
            for i in range(workspace.pending_list.count())] == ["WO-1", "SN-1"]
    assert stored_scans(bench_db) == []

    broken["on"] = False
    workspace.retry_button.click()
    assert stored_scans(bench_db) == [("WO-1", "info"), ("SN-1", "accepted")]
    assert not workspace.pending_box.isVisible()
    assert workspace.panel.state == "accepted"


def test_close_dialog_takes_the_tracking_scan_and_records_the_parcel(qtbot, workspace, bench_db,
                                                                     tmp_path: Path, immediate):
    scan(workspace, "WO-1")
    scan(workspace, "SN-1")
    QTest.keyClick(workspace.window().windowHandle(), Qt.Key.Key_F9)
    dialog = workspace.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitActive(dialog)
    assert dialog.missing_label.text() == "SN-2"
    with qtbot.assert_not_emitted(dialog.accepted):
        scan(dialog, "SF1234567890")  # the Enter suffix must not press "Close parcel"
    assert dialog.tracking.text() == "SF1234567890"
    dialog.condition_boxes["damaged_box"].setChecked(True)
    photo = tmp_path / "box.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    dialog.add_photo_files([str(photo)])
    dialog.accept()

    assert workspace.panel.title.text() == "■ PARCEL CLOSED"
    assert "Missing: SN-2" in workspace.panel.message.text()
    with bench_db.uow() as uow:
        parcel = uow.session.scalars(select(ParcelIntake)).one()
        assert (parcel.verdict, parcel.condition, parcel.tracking_number, parcel.carrier) == (
            "accepted", "damaged_box", "SF1234567890", "SF Express")
    assert stored_scans(bench_db)[-1][0] == "SN-1"  # the tracking scan is not a parcel scan
    slip = tmp_path / "slip.pdf"
    workspace.save_slip(slip)
    assert slip.read_bytes().startswith(b"%PDF")
    assert workspace.queue.intake_id is None  # the next scan starts a new parcel


def test_refusing_an_unmatched_parcel_gives_a_refusal_slip(qtbot, workspace, bench_db,
                                                           tmp_path: Path, immediate):
    scan(workspace, "NO-SUCH-ORDER")
    assert workspace.panel.state == "rejected"
    QTest.keyClick(workspace.window().windowHandle(), Qt.Key.Key_F10)
    dialog = workspace.dialog
    assert dialog is not None and dialog.refusing
    assert dialog.closing().reasons == ["no_work_order"]
    dialog.notes.setPlainText("no paperwork in the box")
    dialog.accept()
    assert workspace.panel.title.text() == "✖ PARCEL REFUSED"
    with bench_db.uow() as uow:
        parcel = uow.session.scalars(select(ParcelIntake)).one()
        assert parcel.verdict == "refused" and parcel.reasons == ["no_work_order"]
        assert "no paperwork" in parcel.notes
    slip = tmp_path / "refusal.pdf"
    workspace.save_slip(slip)
    assert slip.read_bytes().startswith(b"%PDF")


def test_close_waits_for_unsent_scans(qtbot, workspace, immediate):
    workspace.queue._store = lambda raw, iid, cid: (_ for _ in ()).throw(OSError("locked"))
    scan(workspace, "WO-1")
    assert workspace.open_close_dialog() is None
    assert workspace.panel.title.text() == "⚠ WAIT"


def test_main_window_shows_the_intake_workspace(qtbot, bench_db, monkeypatch):
    from ui import main_window
    from ui.intake import register

    monkeypatch.setattr(main_window, "WORKSPACES", [])
    register()
    register()  # twice is harmless
    assert [title for title, _ in main_window.WORKSPACES] == ["Intake"]
    window = main_window.MainWindow(bench_db, "sqlite://", TECHNICIAN,
                                    __import__("zoneinfo").ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(window)
    assert isinstance(window.workspaces["Intake"], IntakeWorkspace)
    window.workspaces["Intake"].capture.uninstall()


def test_sounds_are_distinct_files_and_never_crash(qtbot):
    from ui.intake.sounds import VerdictSounds, sound_path

    accept, reject = Path(sound_path("accept")).read_bytes(), Path(sound_path("reject")).read_bytes()
    assert accept[:4] == reject[:4] == b"RIFF" and accept != reject
    sounds = VerdictSounds(volume=0.5)
    for verdict in ("accepted", "rejected", "info", "error"):
        sounds.play(verdict)


def test_a_failed_close_keeps_the_parcel_open(qtbot, workspace, bench_db, monkeypatch, immediate):
    from core.services import intake

    scan(workspace, "WO-1")
    scan(workspace, "SN-1")
    parcel = workspace.queue.intake_id
    real_close = intake.close_parcel
    monkeypatch.setattr(intake, "close_parcel", lambda *a, **k: (_ for _ in ()).throw(
        OSError("database is locked")))
    workspace.open_close_dialog().accept()
    assert workspace.panel.title.text() == "⚠ NOT CLOSED"
    assert workspace.queue.intake_id == parcel

    monkeypatch.setattr(intake, "close_parcel", real_close)
    dialog = workspace.open_close_dialog()
    assert dialog.missing_label.text() == "SN-2"  # the checklist survived the failure
    dialog.accept()
    assert workspace.last_closed is not None and workspace.last_closed.intake_id == parcel
    scan(workspace, "SN-2")  # the next scan starts a new parcel
    assert workspace.queue.intake_id != parcel


@pytest.fixture
def chinese(qapp) -> Iterator[str]:
    from ui import i18n

    yield i18n.install("zh_CN", app=qapp)
    i18n.install("en", app=qapp)


def test_verdict_reasons_speak_the_station_language(qtbot, chinese, workspace, bench_db, immediate):
    """A Simplified Chinese station reads every reason in Chinese; the database keeps English."""
    assert chinese == "zh_CN"
    scan(workspace, "WO-1")
    assert workspace.panel.message.text().startswith("工单 WO-1（Ann Lee）：请扫描设备")
    scan(workspace, "SN-1")
    accepted = workspace.panel.message.text()
    assert "已为 WO-1 收货" in accepted and "尚有 1 台未到" in accepted
    scan(workspace, "BIG-000")  # on another open work order
    rejected = workspace.panel.message.text()
    assert rejected == "序列号 BIG-000 不在工单 WO-1 上。它属于未结工单 WO-BIG。"
    assert rejected in log_lines(workspace)[0]
    scan(workspace, "SN-1")
    assert "已为 WO-1 收货，且仍在维修中心（规则 I7）" in workspace.panel.message.text()
    with bench_db.uow() as uow:
        stored = [s.message for s in uow.session.scalars(select(Scan).order_by(Scan.id))]
    assert stored[2] == "Serial BIG-000 is not on work order WO-1. It belongs to open work order WO-BIG."
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in stored)


def test_a_closed_work_order_is_named_in_the_station_language(qtbot, chinese, workspace, bench_db,
                                                               immediate):
    from core.models import WorkOrderStatus

    with bench_db.uow() as uow:
        from core.services import work_orders

        work_orders.get_work_order(uow, "WO-1").status = WorkOrderStatus.CANCELLED
        uow.commit()
    scan(workspace, "WO-1")
    assert workspace.panel.state == "rejected"
    assert workspace.panel.message.text() == "工单 WO-1 的状态为已取消：不能再为其收货（规则 I7）。"
    with bench_db.uow() as uow:
        assert uow.session.scalars(select(Scan.message)).one() == (
            "Work order WO-1 is cancelled: nothing more can be received for it (rule I7).")


def test_the_scan_log_keeps_the_newest_lines(qtbot, workspace, bench_db, immediate, monkeypatch):
    from ui.intake import bench as bench_module

    monkeypatch.setattr(bench_module, "LOG_LINES", 3)
    for raw in ["WO-BIG", *BIG[:4]]:
        scan(workspace, raw)
    assert [line.split("  ")[2] for line in log_lines(workspace)] == [
        "BIG-003", "BIG-002", "BIG-001"]
    assert len(stored_scans(bench_db)) == 5  # the screen forgets old lines, never the database
    assert [s for s, done in ticks(workspace).items() if done] == BIG[:4]
