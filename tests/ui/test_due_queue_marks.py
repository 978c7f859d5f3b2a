"""The repair queues mark overdue units red and those due today amber, with the word too."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from sqlalchemy import update

from core.models import Unit
from core.unit_of_work import Database
from tests.core.test_warranty_decisions import make_work_order
from ui.repair.queue_model import COLUMNS, QueueModel

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_overdue_and_due_today_are_coloured_and_said(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    today = dt.datetime.now(SHANGHAI).date()
    dues = {"LATE": dt.datetime.combine(today - dt.timedelta(days=2), dt.time(23, 59), SHANGHAI),
            "TODAY": dt.datetime.combine(today, dt.time(23, 59), SHANGHAI),
            "LATER": dt.datetime.combine(today + dt.timedelta(days=3), dt.time(23, 59), SHANGHAI)}
    with catalogue.uow() as uow:
        make_work_order(uow, "WO-1", "JM-X16-Q", list(dues))
        for serial, due in dues.items():
            uow.session.execute(update(Unit).where(Unit.serial == serial)
                                .values(due_at=due, due_rule="S1"))
        uow.commit()
    model = QueueModel(catalogue, SHANGHAI, None)
    model.set_queue("due")
    due_col = COLUMNS.index("Due")
    rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    assert set(rows) == {"LATE", "TODAY"}  # the upcoming unit is not in the due queue
    late, tonight = rows["LATE"], rows["TODAY"]
    assert model.data(model.index(late, due_col)).startswith("OVERDUE ")
    assert model.data(model.index(tonight, due_col)) == f"TODAY {today} 23:59 (S1)"
    red = model.data(model.index(late, 0), Qt.ItemDataRole.BackgroundRole).color()
    amber = model.data(model.index(tonight, 2), Qt.ItemDataRole.BackgroundRole).color()
    assert red.red() > red.green() and amber.red() > amber.blue() and red != amber
    model.set_queue("diagnosis")  # the same marks in the other queues; none for later ones
    later = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "LATER")
    assert model.data(model.index(later, due_col)) == f"{today + dt.timedelta(days=3)} 23:59 (S1)"
    assert model.data(model.index(later, 0), Qt.ItemDataRole.BackgroundRole) is None
