"""Screenshots of the dashboard and the intake bench in Simplified Chinese for the README.

Builds a throw-away demo database with a month of bench activity, opens the real main window
(offscreen) in the language asked for and grabs the Dashboard and Intake workspaces:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/grab_chinese.py [LANGUAGE]

writes docs/dashboard_<LANGUAGE>.png and docs/bench_<LANGUAGE>.png (LANGUAGE: zh_CN, the
default, or zh_TW). The Chinese text is drawn with the font bundled with the program, as on a
station without CJK fonts of its own.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core import center  # noqa: E402
from core.models import Finding, ParcelIntake, Shipment, Unit, UnitStatus, WorkOrder  # noqa: E402
from core.unit_of_work import Actor, Database  # noqa: E402
from docs.grab_repair import demo_database  # noqa: E402

SUE = Actor(username="sue", station="office", roles=frozenset({"supervisor"}))
IVY = Actor(username="ivy", station="bench-1", roles=frozenset({"intake"}))
# The refusals a bench sees most, roughly as often as it sees them.
REASONS = ["no_work_order"] * 4 + ["not_on_work_order"] * 3 + ["work_order_closed"] * 2 + [
    "wrong_model", "missing_order_number"]
# The bench picture: a work order, a serial from another parcel, then one of its own units.
BENCH_SCANS = ("RMA-2026-0001", "JP5850A0113", "JMX16Q2405001")


def bench_month(db: Database, days: int = 30, seed: int = 5) -> None:
    """Parcels of the last `days` days, shipments of some units received in that time, and a
    first test result on most prioritised requests (the service levels' first response).

    The services stamp every parcel and shipment with the moment it happens; a picture of a
    month needs a month of them, so they are written here with the days they would have had.
    """
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    with db.uow() as uow:
        s = uow.session
        orders = [wo.id for wo in s.query(WorkOrder).limit(400)]
        for day in range(days):
            for _ in range(rng.randint(0, 7)):
                opened = now - dt.timedelta(days=day, minutes=rng.randint(0, 600))
                refused = rng.random() < 0.35
                s.add(ParcelIntake(station="bench-1", opened_at=opened, closed_at=opened,
                                   verdict="refused" if refused else "accepted",
                                   reasons=[rng.choice(REASONS)] if refused else [],
                                   work_order_id=None if refused else rng.choice(orders)))
        shipped = s.query(Unit).filter(Unit.status.in_([UnitStatus.SHIPPED, UnitStatus.CLOSED]),
                                       Unit.received_at.isnot(None)).limit(120).all()
        for unit in shipped:
            received = now - dt.timedelta(days=rng.randint(5, 40), hours=rng.randint(0, 23))
            when = received + dt.timedelta(hours=rng.randint(30, 400))
            if when >= now:
                continue
            shipment = Shipment(work_order_id=unit.work_order_id, carrier="SF", shipped_at=when)
            s.add(shipment)
            s.flush()
            unit.received_at, unit.shipment_id, unit.shipped_at = received, shipment.id, when
        since = now - dt.timedelta(days=days)
        for wo in s.query(WorkOrder).filter(WorkOrder.priority.isnot(None),
                                            WorkOrder.submitted_at >= since):
            first = s.query(Unit).filter(Unit.work_order_id == wo.id).first()
            if first is not None and rng.random() < 0.8:
                answered = wo.submitted_at + dt.timedelta(hours=rng.randint(1, 30))
                s.add(Finding(unit_id=first.id, test_name="power on", result="pass",
                              ended_at=min(answered, now)))
        uow.commit()


def prepare(folder: Path) -> tuple[Database, str]:
    db, url = demo_database(folder / "chinese-shot.db", 600)
    bench_month(db)
    return db, url


def save(image: object, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    # 256 colours keep the text crisp and the file small.
    image.convertToFormat(QImage.Format.Format_Indexed8,
                          Qt.ImageConversionFlag.ThresholdDither).save(str(out))
    print(f"wrote {out}")


def settle(app: object, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def grab(language: str, folder: Path) -> None:
    from ui import i18n, worker
    from ui.app import application, register_workspaces
    from ui.main_window import MainWindow

    app = application()
    i18n.install(language, app=app)
    register_workspaces()
    worker.set_pool(worker.ImmediatePool())  # the figures load before the picture is taken
    with tempfile.TemporaryDirectory() as scratch:
        db, url = prepare(Path(scratch))
        with db.uow() as uow:
            tz = center.load(uow).timezone
        supervisor = MainWindow(db, url, SUE, tz)
        supervisor.resize(1366, 860)
        supervisor.show()
        supervisor.tabs.setCurrentWidget(supervisor.workspaces["Dashboard"])
        settle(app)
        save(supervisor.grab().toImage(), folder / f"dashboard_{language}.png")
        supervisor.close()

        bench = MainWindow(db, url, IVY, tz)
        bench.resize(1366, 800)
        bench.show()
        workspace = bench.workspaces["Intake"]
        bench.tabs.setCurrentWidget(workspace)
        for scan in BENCH_SCANS:
            workspace.take_scan(scan)  # type: ignore[attr-defined]
            settle(app)
        save(bench.grab().toImage(), folder / f"bench_{language}.png")
        bench.close()
        db.engine.dispose()


if __name__ == "__main__":
    grab(sys.argv[1] if len(sys.argv) > 1 else "zh_CN", ROOT / "docs")
    os._exit(0)  # PySide 6.12 may abort in the final garbage collection of a script
