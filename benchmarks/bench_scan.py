"""Intake scans on the million-work-order demo database: time from scan to durable verdict.

Run: `python -m benchmarks.bench_scan` (REPAIRBENCH_BENCH_WORK_ORDERS=20000 for a quick try).
Replays 10,000 scans of parcels (work order, its units, a repeat, a stranger's serial, unknown
numbers) through `core.services.intake.scan`, each in its own unit of work committed before the
verdict comes back, exactly as the bench does. Beside it, in the same run and on the same file,
the floor: a raw sqlite3 lookup of the unit by serial, an insert of the scan row and a commit,
with the same pragmas (WAL, synchronous=FULL) for the same scans.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.common import CACHE, median_ms, million_db, p99_ms

SCANS = int(os.environ.get("REPAIRBENCH_BENCH_SCANS", 10_000))
WARMUP = 50


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


def run_core(url: str, plan: list[tuple[str, bool]]) -> tuple[list[float], dict[str, list[float]]]:
    from core.services import intake
    from core.services.setup import open_and_prepare
    from core.unit_of_work import Actor

    # The cached database may predate later migrations (product GTIN): upgrade the copy.
    database = open_and_prepare(url)
    actor = Actor(username="bench", station="bench-1", roles=frozenset({"intake"}))
    times: list[float] = []
    by_kind: dict[str, list[float]] = defaultdict(list)
    intake_id: int | None = None
    for i, (raw, new_parcel) in enumerate(plan):
        if new_parcel:
            intake_id = None
        start = time.perf_counter()
        with database.uow(actor) as uow:
            outcome = intake.scan(uow, raw, intake_id)
        elapsed = time.perf_counter() - start
        intake_id = outcome.intake_id
        if i >= WARMUP:
            times.append(elapsed)
            by_kind[outcome.reasons[0] if outcome.reasons else outcome.verdict].append(elapsed)
    database.engine.dispose()
    return times, by_kind


def run_raw(path: Path, plan: list[tuple[str, bool]]) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    times: list[float] = []
    for i, (raw, _new) in enumerate(plan):
        start = time.perf_counter()
        conn.execute("BEGIN")
        row = conn.execute("SELECT id, work_order_id, status FROM unit WHERE serial = ? "
                           "LIMIT 1", (raw,)).fetchone()
        conn.execute(
            "INSERT INTO scan (intake_id, station, user_id, scanned_at, raw, symbology, parsed, "
            "verdict, reasons, message, work_order_id, unit_id) VALUES "
            "(NULL, 'raw', NULL, datetime('now'), ?, '', ?, ?, '[]', '', ?, ?)",
            (raw, json.dumps({"text": raw}), "accepted" if row else "rejected",
             row[1] if row else None, row[0] if row else None))
        conn.execute("COMMIT")
        if i >= WARMUP:
            times.append(time.perf_counter() - start)
    conn.close()
    return times


def main() -> int:
    source = million_db()
    # A copy next to the cache (same disk, so commits pay the same fsync) keeps the cache pristine.
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="bench-scan-") as tmp:
        path = Path(tmp) / "scan.db"
        start = time.perf_counter()
        shutil.copyfile(source, path)
        copied = time.perf_counter() - start
        with sqlite3.connect(path) as conn:
            total_wo = conn.execute("SELECT COUNT(*) FROM work_order").fetchone()[0]
            plan = plan_scans(conn, SCANS)
        start = time.perf_counter()
        core_times, by_kind = run_core(f"sqlite:///{path}", plan)
        core_wall = time.perf_counter() - start
        raw_times = run_raw(path, plan)

    print(f"intake scan to durable verdict on {total_wo:,} work orders ({source.name}, "
          f"copied in {copied:.1f} s); {len(core_times):,} scans after {WARMUP} warm-up")
    print(f"{'what':<44}{'scans':>7}{'median ms':>11}{'p99 ms':>9}")
    for kind in sorted(by_kind, key=lambda k: -len(by_kind[k])):
        times = by_kind[kind]
        print(f"  core intake.scan: {kind:<26}{len(times):>7}{median_ms(times):>11.2f}"
              f"{p99_ms(times):>9.2f}")
    print(f"{'core intake.scan, all':<44}{len(core_times):>7}{median_ms(core_times):>11.2f}"
          f"{p99_ms(core_times):>9.2f}")
    print(f"{'raw sqlite3 lookup+insert+commit':<44}{len(raw_times):>7}"
          f"{median_ms(raw_times):>11.2f}{p99_ms(raw_times):>9.2f}")
    print(f"ratio core/raw: median x{median_ms(core_times) / median_ms(raw_times):.1f}, "
          f"p99 x{p99_ms(core_times) / p99_ms(raw_times):.1f}; core throughput "
          f"{len(plan) / core_wall:.0f} scans/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
