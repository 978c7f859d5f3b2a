"""Intake scans on the million-work-order demo database: time from scan to durable verdict.

Run: `python -m benchmarks.bench_scan` (REPAIRBENCH_BENCH_WORK_ORDERS=20000 for a quick try).
Replays 10,000 scans of parcels (work order, its units, a repeat, a stranger's serial, unknown
numbers) through `core.services.intake.scan`, each in its own unit of work committed before the
verdict comes back, exactly as the bench does.

The baseline is the same transaction written by hand in plain sqlite3, on its own copy of the
same database with the program's settings (WAL, synchronous=FULL, foreign keys, BEGIN
IMMEDIATE). For each scan it makes the reads a direct SQL implementation needs to decide (the
open parcel, the work order the text names, that work order's units with their models and
policies, the open work orders expecting the serial, another unit with the serial still in the
center) and writes the same rows the service wrote for that scan: the parcel (new, or moved onto
its work order), the received unit (status, parcel, time, due date), its status change, the work
order's new status and its status change, and the scan row with its verdict, reasons, message,
catalogue words, client id and parsed fields; then COMMIT. It takes the verdict from the service (it does not evaluate the
policy rules, compute deadlines or format messages): that work is the program's, on top of the
floor. The two run interleaved, scan by scan, so both see the same load on a shared machine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import CACHE, median_ms, million_db, p99_ms

SCANS = int(os.environ.get("REPAIRBENCH_BENCH_SCANS", 10_000))
WARMUP = 50
_RECEIVED_STATES = ("received", "in_diagnosis", "quote_sent", "quote_accepted", "in_repair",
                    "return_unrepaired", "replacement", "return_refund", "testing",
                    "ready_to_ship")


def plan_scans(conn: sqlite3.Connection, total: int) -> list[tuple[str, bool]]:
    """The scans to replay: (raw, starts a new parcel). Mixed verdicts, deterministic."""
    orders = conn.execute(
        "SELECT w.id, w.number FROM work_order w WHERE w.status = 'awaiting_parcel' "
        "AND w.id % 7 = 3 ORDER BY w.id LIMIT ?", (total,)).fetchall()
    plan: list[tuple[str, bool]] = []
    for n, (wo_id, number) in enumerate(orders):
        serials = [s for (s,) in conn.execute(
            "SELECT serial FROM unit WHERE work_order_id = ? AND status = 'awaiting_parcel' "
            "ORDER BY id", (wo_id,))]
        if not serials:
            continue
        stranger = conn.execute("SELECT serial FROM unit WHERE work_order_id = ? LIMIT 1",
                                (orders[(n + 1) % len(orders)][0],)).fetchone()[0]
        plan.append((number, True))  # info: the parcel's work order
        plan += [(s, False) for s in serials]  # accepted
        plan.append((serials[0], False))  # already_received
        plan.append((stranger, False))  # not_on_work_order
        if n % 3 == 0:
            plan.append((f"NOWO-{n:07d}", True))  # no_work_order, a parcel of its own
        if len(plan) >= total + WARMUP:
            break
    return plan[: total + WARMUP]


class CoreStation:
    """One bench station going through the program's scan service."""

    def __init__(self, url: str) -> None:
        from core.services.setup import open_and_prepare
        from core.unit_of_work import Actor

        # The cached database may predate later migrations: upgrade the copy.
        self.database = open_and_prepare(url)
        self.actor = Actor(username="bench", station="bench-1", roles=frozenset({"intake"}))
        self.parcel: int | None = None

    def scan(self, raw: str, new_parcel: bool) -> tuple[float, Any]:
        from core.services import intake

        if new_parcel:
            self.parcel = None
        start = time.perf_counter()
        with self.database.uow(self.actor) as uow:
            # The bench names every scan, so each pays for the look-up of a retried one.
            outcome = intake.scan(uow, raw, self.parcel, client_scan_id=str(uuid.uuid4()))
        elapsed = time.perf_counter() - start
        self.parcel = outcome.intake_id
        return elapsed, outcome

    def close(self) -> None:
        self.database.engine.dispose()


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass
class RawStation:
    """The baseline: the same transaction per scan in plain sqlite3 (see the module text)."""

    path: Path
    conn: sqlite3.Connection = field(init=False)
    parcel: int | None = None
    parcel_order: int | None = None
    core_parcel: int | None = None

    def __post_init__(self) -> None:
        from core.services.setup import open_and_prepare

        # The same schema as the program's copy (the cached database may predate a migration).
        open_and_prepare(f"sqlite:///{self.path}").engine.dispose()
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                       "busy_timeout=15000"):
            self.conn.execute(f"PRAGMA {pragma}")

    def scan(self, raw: str, outcome: Any, parsed: str, wording: str) -> float:
        """Replay one scan to which the service gave `outcome`; the seconds it took."""
        c = self.conn
        start = time.perf_counter()
        c.execute("BEGIN IMMEDIATE")
        if outcome.intake_id != self.core_parcel:  # the service opened a new parcel
            self.parcel = self.parcel_order = None
        self.core_parcel = outcome.intake_id
        if self.parcel is not None:
            c.execute("SELECT p.verdict, w.id, w.number, w.status, c.name FROM parcel_intake p "
                      "LEFT JOIN work_order w ON w.id = p.work_order_id LEFT JOIN customer c "
                      "ON c.id = w.customer_id WHERE p.id = ?", (self.parcel,)).fetchone()
        order = c.execute("SELECT w.id, w.status, c.name, w.address FROM work_order w JOIN "
                          "customer c ON c.id = w.customer_id WHERE w.number = ?",
                          (raw,)).fetchone() or c.execute(
            "SELECT w.id, w.status, c.name, w.address FROM work_order w JOIN customer c ON "
            "c.id = w.customer_id WHERE w.order_number = ? ORDER BY w.id DESC LIMIT 1",
            (raw,)).fetchone()
        order_id = order[0] if order else self.parcel_order
        if order is None and order_id is None:
            # No work order yet: the serial alone may name exactly one open work order.
            found = {w for (w,) in c.execute(
                "SELECT w.id FROM unit u JOIN work_order w ON w.id = u.work_order_id WHERE "
                "u.serial = ? AND w.status NOT IN ('closed', 'cancelled', 'refused') ORDER BY "
                "u.id", (raw,))}
            order_id = found.pop() if len(found) == 1 else None
        units = c.execute(
            "SELECT u.id, u.serial, u.status, p.model, p.policy_code FROM unit u JOIN product p "
            "ON p.id = u.product_id WHERE u.work_order_id = ? ORDER BY u.id",
            (order_id,)).fetchall() if order_id is not None else []
        if outcome.verdict == "info":
            c.execute("SELECT document FROM policy WHERE code IN (SELECT DISTINCT policy_code "
                      "FROM product p JOIN unit u ON u.product_id = p.id WHERE "
                      "u.work_order_id = ?)", (order_id,)).fetchall()
        if "not_on_work_order" in outcome.reasons:
            c.execute("SELECT w.id, w.number FROM unit u JOIN work_order w ON w.id = "
                      "u.work_order_id WHERE u.serial = ? AND w.status NOT IN ('closed', "
                      "'cancelled', 'refused') ORDER BY u.id", (raw,)).fetchall()
        unit = next((u for u in units if u[1] == raw), None)
        if unit is not None:
            c.execute("SELECT w.number FROM unit u JOIN work_order w ON w.id = u.work_order_id "
                      f"WHERE u.serial = ? AND u.id != ? AND u.status IN "
                      f"({', '.join('?' * len(_RECEIVED_STATES))}) LIMIT 1",
                      (raw, unit[0], *_RECEIVED_STATES)).fetchone()
        now = _now()
        opens_on = order_id if outcome.verdict in ("info", "accepted") else None
        if self.parcel is None:
            self.parcel = c.execute(
                "INSERT INTO parcel_intake (work_order_id, station, user_id, opened_at, carrier, "
                "tracking_number, condition, verdict, reasons, notes) VALUES (?, 'raw', NULL, ?, "
                "'', '', '', 'open', '[]', '')", (opens_on, now)).lastrowid
            self.parcel_order = opens_on
        elif opens_on is not None and opens_on != self.parcel_order:
            c.execute("UPDATE parcel_intake SET work_order_id = ? WHERE id = ?",
                      (opens_on, self.parcel))
            self.parcel_order = opens_on
        if outcome.verdict == "accepted" and unit is not None:
            self._receive(unit[0], order_id, now)
        c.execute(
            "INSERT INTO scan (intake_id, station, user_id, scanned_at, raw, symbology, parsed, "
            "verdict, reasons, message, work_order_id, unit_id, client_scan_id, wording) VALUES "
            "(?, 'raw', NULL, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.parcel, now, raw, parsed, outcome.verdict, json.dumps(outcome.reasons),
             outcome.message, order_id if outcome.work_order else None,
             unit[0] if unit is not None and outcome.verdict != "info" else None,
             str(uuid.uuid4()), wording))
        c.execute("COMMIT")
        return time.perf_counter() - start

    def _receive(self, unit_id: int, order_id: int, now: str) -> None:
        c = self.conn
        due = (dt.datetime.now(dt.UTC) + dt.timedelta(days=7)).strftime("%Y-%m-%d %H:%M:%S.%f")
        c.execute("UPDATE unit SET status = 'received', intake_id = ?, received_at = ?, "
                  "due_at = ?, due_rule = 'S1' WHERE id = ? AND status = 'awaiting_parcel'",
                  (self.parcel, now, due, unit_id))
        c.execute("INSERT INTO status_change (work_order_id, unit_id, from_status, to_status, "
                  "reason, user_id, station, at) VALUES (?, ?, 'awaiting_parcel', 'received', "
                  "?, NULL, 'raw', ?)", (order_id, unit_id, f"received at intake (parcel "
                                                           f"{self.parcel})", now))
        (status,) = c.execute("SELECT status FROM work_order WHERE id = ?",
                              (order_id,)).fetchone()
        states = [s for (s,) in c.execute("SELECT status FROM unit WHERE work_order_id = ?",
                                          (order_id,))]
        new = "partly_received" if "awaiting_parcel" in states else "received"
        if new != status:
            c.execute("UPDATE work_order SET status = ?, updated_at = ? WHERE id = ?",
                      (new, now, order_id))
            c.execute("INSERT INTO status_change (work_order_id, unit_id, from_status, "
                      "to_status, reason, user_id, station, at) VALUES (?, NULL, ?, ?, "
                      "'follows its units', NULL, 'raw', ?)", (order_id, status, new, now))

    def close(self) -> None:
        self.conn.close()


@dataclass
class ScanRun:
    core: list[float]
    raw: list[float]
    by_kind: dict[str, list[float]]
    wall: float
    work_orders: int


def run(source: Path, scans: int = SCANS) -> ScanRun:
    """Replay `scans` scans through the service and through the baseline, interleaved."""
    from core.rules.barcodes import parse_scan

    # Copies next to the cache (same disk, so commits pay the same fsync) keep it pristine.
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="bench-scan-") as tmp:
        core_db, raw_db = Path(tmp) / "core.db", Path(tmp) / "raw.db"
        shutil.copyfile(source, core_db)
        shutil.copyfile(source, raw_db)
        with sqlite3.connect(core_db) as conn:
            total_wo = conn.execute("SELECT COUNT(*) FROM work_order").fetchone()[0]
            plan = plan_scans(conn, scans)
        core, raw = CoreStation(f"sqlite:///{core_db}"), RawStation(raw_db)
        raw.conn.execute("PRAGMA user_version")  # open it before the clock starts
        core_times: list[float] = []
        raw_times: list[float] = []
        by_kind: dict[str, list[float]] = defaultdict(list)
        start = time.perf_counter()
        for i, (text, new_parcel) in enumerate(plan):
            elapsed, outcome = core.scan(text, new_parcel)
            parsed = json.dumps(parse_scan(text).as_dict())
            wording = json.dumps([part.as_json() for part in outcome.wording])
            raw_elapsed = raw.scan(text, outcome, parsed, wording)
            if i >= WARMUP:
                core_times.append(elapsed)
                raw_times.append(raw_elapsed)
                by_kind[outcome.reasons[0] if outcome.reasons else outcome.verdict].append(elapsed)
        wall = time.perf_counter() - start
        core.close()
        raw.close()
    return ScanRun(core_times, raw_times, dict(by_kind), wall, total_wo)


def main() -> int:
    source = million_db()
    result = run(source)
    print(f"intake scan to durable verdict on {result.work_orders:,} work orders "
          f"({source.name}); {len(result.core):,} scans after {WARMUP} warm-up")
    print(f"{'what':<44}{'scans':>7}{'median ms':>11}{'p99 ms':>9}")
    for kind in sorted(result.by_kind, key=lambda k: -len(result.by_kind[k])):
        times = result.by_kind[kind]
        print(f"  core intake.scan: {kind:<26}{len(times):>7}{median_ms(times):>11.2f}"
              f"{p99_ms(times):>9.2f}")
    for name, times in (("core intake.scan, all", result.core),
                        ("raw sqlite3, same reads and writes", result.raw)):
        print(f"{name:<44}{len(times):>7}{median_ms(times):>11.2f}{p99_ms(times):>9.2f}")
    print(f"ratio core/raw: median x{median_ms(result.core) / median_ms(result.raw):.1f}, "
          f"p99 x{p99_ms(result.core) / p99_ms(result.raw):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
