"""Several stations scanning the same units at once, on PostgreSQL and on one SQLite file.

Each station is a separate process (`tests.trust.hammer`) scanning every serial in its own
order; the database alone decides who receives a unit.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from core import audit, db
from core.models import AuditEntry, Scan, StatusChange, Unit, UnitStatus, WorkOrder, WorkOrderStatus
from core.services import work_orders
from core.unit_of_work import Database
from tests.conftest import SAMPLES
from tests.core.test_work_order_import import HEADER, row

ROOT = Path(__file__).resolve().parents[2]
STATIONS = 6
WORK_ORDERS = 30
UNITS_PER_ORDER = 2
STATUS_RACE_FIXED = True


def prepare(url: str) -> list[str]:
    """Work orders awaiting their parcels; returns every serial."""
    store = Database(db.make_engine(url))
    serials = [f"C{i:03d}-{j}" for i in range(WORK_ORDERS) for j in range(UNITS_PER_ORDER)]
    text = HEADER + "".join(row(wo=f"CW-{s.split('-')[0]}", serial=s) for s in serials)
    with store.uow() as uow:
        work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "products.csv")
    with store.uow() as uow:
        work_orders.import_work_orders(uow, text.encode(), "concurrency.csv")
    store.engine.dispose()
    return serials


def hammer(url: str, serials: list[str]) -> tuple[list[dict[str, object]], float]:
    """Start the stations together; every verdict line they printed, and the seconds it took."""
    procs = [subprocess.Popen(
        [sys.executable, "-m", "tests.trust.hammer", url, f"s{n}", str(n), *serials],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True) for n in range(STATIONS)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    lines: list[dict[str, object]] = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        lines += [json.loads(line) for line in out.splitlines() if line.strip()]
    return lines, time.perf_counter() - start


def check(url: str, serials: list[str], lines: list[dict[str, object]]) -> int:
    """Assert exactly-once receipt; returns how many work orders kept a stale status."""
    errors = [line for line in lines if line["verdict"] == "error"]
    assert not errors, f"{len(errors)} scans failed, first: {errors[0]}"
    assert len(lines) == STATIONS * len(serials)
    accepted = Counter(str(line["serial"]) for line in lines if line["verdict"] == "accepted")
    assert accepted == Counter(serials), "a unit was received by no station or by two"
    others = Counter(tuple(line["reasons"]) for line in lines  # type: ignore[arg-type]
                     if line["verdict"] != "accepted")
    assert set(others) == {("already_received",)}, others

    store = Database(db.make_engine(url))
    try:
        with store.uow() as uow:
            session = uow.session
            units = {u.serial: u for u in session.scalars(select(Unit))}
            receipts = Counter(session.scalars(select(StatusChange.unit_id).where(
                StatusChange.to_status == UnitStatus.RECEIVED.value, StatusChange.unit_id.isnot(None))))
            scans = {s.id: s for s in session.scalars(select(Scan))}
            assert len(scans) == len(lines), "a scan shown was not stored, or one was stored twice"
            for line in lines:
                stored = scans[int(line["scan_id"])]  # type: ignore[arg-type]
                assert (stored.raw, stored.verdict) == (line["serial"], line["verdict"])
                if line["verdict"] == "accepted":
                    unit = units[str(line["serial"])]
                    assert unit.status == UnitStatus.RECEIVED
                    assert unit.intake_id == stored.intake_id and stored.unit_id == unit.id
            assert all(receipts[u.id] == 1 for u in units.values()), receipts
            orders = Counter(session.scalars(select(WorkOrder.status)))
            stale = WORK_ORDERS - orders[WorkOrderStatus.RECEIVED]
            # Known race (PostgreSQL, READ COMMITTED): two stations receiving the two units of
            # one work order each derive its status before seeing the other's unit, so it can
            # stay partly_received. Fix: lock the work_order row (FOR UPDATE) before
            # lifecycle.refresh_work_order_status reads the units; then make this an assert.
            if STATUS_RACE_FIXED:
                assert stale == 0, orders
            closes = session.scalar(select(func.count()).select_from(AuditEntry)
                                    .where(AuditEntry.action == "parcel.close"))
            assert closes == len(lines)
            result = audit.verify(uow)
            assert result.ok, result.problem
    finally:
        store.engine.dispose()
    return stale


def _run(url: str, backend: str, report: Callable[[str], None]) -> None:
    serials = prepare(url)
    lines, seconds = hammer(url, serials)
    stale = check(url, serials, lines)
    report(f"concurrency {backend}: {STATIONS} processes, {len(lines)} scans of {len(serials)} "
           f"units in {seconds:.1f} s; {len(serials)} received once each, "
           f"{len(lines) - len(serials)} told already_received, audit chain intact; "
           f"{stale} work order(s) left with a stale status (known race)")


def test_stations_racing_on_postgresql(pg_url: str, trust_report: Callable[[str], None]) -> None:
    _run(pg_url, "PostgreSQL", trust_report)


def test_stations_racing_on_one_sqlite_file(sqlite_url: str,
                                            trust_report: Callable[[str], None]) -> None:
    _run(sqlite_url, "SQLite", trust_report)
