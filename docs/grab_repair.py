"""Screenshot of the Repair workspace for the README (docs/repair.png).

Builds a throw-away demo database, walks one sample miner from the parcel to its findings
through the real services, opens it in the real main window (offscreen) and grabs the window:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/grab_repair.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core import center  # noqa: E402
from core.models import Setting  # noqa: E402
from core.services import attachments, demo, intake, repair, work_orders  # noqa: E402
from core.services.setup import open_and_prepare  # noqa: E402
from core.unit_of_work import Actor, Database  # noqa: E402

IVY = Actor(username="ivy", station="bench-1", roles=frozenset({"intake"}))
RAY = Actor(username="ray", station="bench-2", roles=frozenset({"repair"}))
SERIAL = "JMX16Q2405001"
FINDINGS = (("Hashboard 1 chips detected", "126"), ("Hashboard 2 chips detected", "126"),
            ("Hashboard 3 chips detected", "0"), ("Fan test", "ok"),
            ("PSU output voltage", "13.1"))


def demo_database(path: Path, count: int) -> tuple[Database, str]:
    """A new demo database of `count` work orders with the sample work orders imported."""
    url = f"sqlite:///{path}"
    db = open_and_prepare(url)
    with db.uow() as uow:
        demo.build(uow, count)
    with db.uow() as uow:
        samples = ROOT / "resources" / "samples" / "work_orders.csv"
        work_orders.import_work_orders(uow, samples.read_bytes(), samples.name)
    return db, url


def prepare(folder: Path) -> tuple[Database, str]:
    db, url = demo_database(folder / "repair-shot.db", 300)
    with db.uow() as uow:
        uow.session.merge(Setting(key="jasminer.warranty_months", value="12"))
        uow.commit()
    with db.uow(IVY) as uow:
        parcel = intake.scan(uow, "RMA-2026-0001").intake_id
    with db.uow(IVY) as uow:
        intake.scan(uow, SERIAL, parcel)
    with db.uow(IVY) as uow:
        intake.close_parcel(uow, parcel, condition=["damaged_box"],  # type: ignore[arg-type]
                            photos=[("parcel-top.jpg", b"\xff\xd8" + b"\0" * 180_000)])
    with db.uow() as uow:
        from core.services.repair_queues import find_by_serial

        unit_id = find_by_serial(uow, SERIAL)
    assert unit_id is not None
    with db.uow(RAY) as uow:
        repair.start_diagnosis(uow, unit_id)
    for name, value in FINDINGS:
        with db.uow(RAY) as uow:
            finding = repair.record_finding(uow, unit_id, name, value)
            if name.startswith("Hashboard 3"):
                chain = finding.id
    with db.uow(RAY) as uow:
        attachments.attach(uow, unit_id, "kernel.log", b"chain 3: 0 chips found\n" * 400,
                           finding_id=chain)
    return db, url


def grab(out: Path) -> None:
    from ui.app import application, register_workspaces
    from ui.main_window import MainWindow

    app = application()
    register_workspaces()
    with tempfile.TemporaryDirectory() as folder:
        db, url = prepare(Path(folder))
        with db.uow() as uow:
            tz = center.load(uow).timezone
        window = MainWindow(db, url, RAY, tz)
        window.resize(1366, 800)
        window.show()
        workspace = window.workspaces["Repair"]
        window.tabs.setCurrentWidget(workspace)
        workspace.open_serial(SERIAL)  # type: ignore[attr-defined]
        workspace.page.show_tab(1)  # type: ignore[attr-defined]
        workspace.page.message.setText("Findings saved.")  # type: ignore[attr-defined]
        for _ in range(5):
            app.processEvents()
        image = window.grab().toImage()
        # 64 colours keep the text crisp and the file small.
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage

        image = image.convertToFormat(QImage.Format.Format_Indexed8,
                                      Qt.ImageConversionFlag.ThresholdDither)
        image.save(str(out))
        window.close()
        db.engine.dispose()


if __name__ == "__main__":
    grab(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "repair.png")
