"""The dashboard's figures as CSV, and any part of it as a PNG picture."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.errors import UserError
from core.services.dashboard import Dashboard

CSV_HEADER = ("figure", "category", "series", "value")


def csv_rows(board: Dashboard) -> Iterator[tuple[str, str, str, str]]:
    """One row per number, in long form, so a spreadsheet pivots it as it likes."""
    flt = board.filter
    yield "period", "", "first_day", flt.start.isoformat()
    yield "period", "", "last_day", flt.end.isoformat()
    yield "period", "", "policy", flt.policy or "all"
    yield "period", "", "time_zone", board.timezone
    for day in board.parcels:
        label = day.day.isoformat()
        yield "parcels", label, "received", str(day.received)
        yield "parcels", label, "refused", str(day.refused)
        for reason, count in sorted(day.refused_by_reason.items()):
            yield "parcels", label, f"refused:{reason}", str(count)
    for state, count in board.units_by_state.items():
        yield "units_by_state", state, "units", str(count)
    for t in board.turnaround:
        yield "turnaround", t.policy, "units", str(t.units)
        yield "turnaround", t.policy, "median_days", f"{t.median_days:.2f}"
        yield "turnaround", t.policy, "p90_days", f"{t.p90_days:.2f}"
    for d in board.due:
        yield "due", d.rule, "due_today", str(d.due_today)
        yield "due", d.rule, "overdue", str(d.overdue)
    for s in board.service_levels:
        for name in ("met", "missed", "pending", "unknown"):
            yield "service_level", s.level, name, str(getattr(s, name))
    if board.compliance is not None:
        yield "service_level", "all", "compliance_percent", f"{board.compliance * 100:.1f}"


def to_csv(board: Dashboard) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(board))
    return out.getvalue()


def save_csv(board: Dashboard, path: str | Path) -> None:
    """Write the CSV with a BOM, so Excel opens it as UTF-8."""
    try:
        Path(path).write_text(to_csv(board), encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise UserError(QCoreApplication.translate(
            "DashboardExport", "Cannot write {0}: {1}. Choose a file in a folder you may write "
            "to.").format(path, exc.strerror or exc)) from exc


def save_png(widget: QWidget, path: str | Path) -> None:
    """A picture of `widget` as it is on screen (a chart, or the whole dashboard)."""
    picture = widget.grab()
    if picture.isNull() or not picture.save(str(path), "PNG"):
        raise UserError(QCoreApplication.translate(
            "DashboardExport", "Cannot save the picture to {0}; choose a folder you may write "
            "to.").format(path))
