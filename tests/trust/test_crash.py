"""`kill -9` of a scanning station at random moments: every verdict it showed as accepted is kept.

A real `main.py scan` process reads scans on stdin and prints a JSON verdict per scan; it is
killed mid-stream again and again, then the SQLite file is checked for integrity and for every
accepted verdict that was printed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from core import audit, db
from core.models import Scan, StatusChange, Unit, UnitStatus
from core.services import work_orders
from core.unit_of_work import Database
from tests.conftest import SAMPLES
from tests.core.test_work_order_import import HEADER, row

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
UNITS = 600
PER_ROUND = 40
CRASH_PASSWORD = "night shift 42"


def prepare(url: str) -> list[str]:
    store = Database(db.make_engine(url))
    serials = [f"K{i:04d}" for i in range(UNITS)]
    text = HEADER + "".join(row(wo=f"KW-{s}", serial=s) for s in serials)
    with store.uow() as uow:
        work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "products.csv")
    with store.uow() as uow:
        work_orders.import_work_orders(uow, text.encode(), "crash.csv")
    store.engine.dispose()
    add_intake_user(url)
    return serials


def add_intake_user(url: str) -> None:
    """The scanning process signs in as `crash`, an intake technician."""
    from argon2 import PasswordHasher

    from core.services import users

    users.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    store = Database(db.make_engine(url))
    try:
        with store.uow() as uow:
            users.create_user(uow, "crash", CRASH_PASSWORD, ["intake"])
    finally:
        store.engine.dispose()
        users.set_hasher(PasswordHasher())


def run_and_kill(url: str, scans: list[str], after: float) -> tuple[list[dict[str, object]], bool]:
    """Feed `scans` (each its own parcel), kill -9 after `after` seconds; the verdicts printed."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", url, "scan",
                             "--user", "crash"], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env={**os.environ, "REPAIRBENCH_PASSWORD": CRASH_PASSWORD})
    printed: list[bytes] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            printed.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert proc.stdin is not None
    # An empty line closes the parcel, so each scan is its own parcel, as at a busy bench.
    proc.stdin.write("".join(f"{s}\n\n" for s in scans).encode())
    proc.stdin.flush()
    # Start the clock at the first verdict: a kill while the process still starts and signs in
    # (an argon2 check) would test nothing.
    ready = time.monotonic() + 30
    while not printed and proc.poll() is None and time.monotonic() < ready:
        time.sleep(0.01)
    time.sleep(after)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    reader.join(timeout=30)
    proc.stdin.close()
    proc.stdout.close()  # type: ignore[union-attr]
    verdicts = []
    for line in printed:
        if not line.endswith(b"\n"):
            continue  # cut off by the kill: never shown whole, so never a promise
        data = json.loads(line)
        if "scan" in data:
            verdicts.append(data)
    return verdicts, killed


def test_kill_minus_nine_keeps_every_accepted_verdict(
        sqlite_url: str, trust_report: Callable[[str], None]) -> None:
    serials = prepare(sqlite_url)
    rng = random.Random(20260607)
    shown_accepted: list[str] = []
    shown_total = kills = 0
    fresh = list(serials)
    start = time.perf_counter()
    for _ in range(KILLS):
        batch = fresh[:PER_ROUND] + rng.sample(shown_accepted, min(3, len(shown_accepted)))
        batch.append("\x00garbage\u202e;DROP TABLE unit;--")
        rng.shuffle(batch)
        verdicts, killed = run_and_kill(sqlite_url, batch, rng.uniform(0.5, 1.5))
        kills += killed
        shown_total += len(verdicts)
        accepted = [str(v["serial"]) for v in verdicts if v["verdict"] == "accepted"]
        assert not set(accepted) & set(shown_accepted), "a unit was accepted twice"
        shown_accepted += accepted
        seen = {str(v["scan"]) for v in verdicts}
        fresh = [s for s in fresh if s not in seen]
    seconds = time.perf_counter() - start

    path = sqlite_url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    store = Database(db.make_engine(sqlite_url))
    try:
        with store.uow() as uow:
            session = uow.session
            units = {u.serial: u for u in session.scalars(select(Unit))}
            kept = {(s.raw, s.unit_id) for s in session.scalars(
                select(Scan).where(Scan.verdict == "accepted"))}
            for serial in shown_accepted:
                unit = units[serial]
                assert unit.status == UnitStatus.RECEIVED and unit.intake_id is not None, serial
                assert (serial, unit.id) in kept, f"accepted scan of {serial} was lost"
            received = [u for u in units.values() if u.status == UnitStatus.RECEIVED]
            # Committed but killed before printing is allowed; accepted twice is not.
            assert len(kept) == len(received) >= len(shown_accepted)
            double = session.execute(
                select(StatusChange.unit_id).where(StatusChange.to_status == "received",
                                                  StatusChange.unit_id.isnot(None))
                .group_by(StatusChange.unit_id).having(func.count() > 1)).all()
            assert double == []
            stored = session.scalar(select(func.count()).select_from(Scan)) or 0
            assert stored >= shown_total
            result = audit.verify(uow)
            assert result.ok, result.problem
    finally:
        store.engine.dispose()
    assert kills >= KILLS // 2, "the process mostly finished before the kill; nothing was tested"
    trust_report(f"crash: {KILLS} scanning processes, {kills} killed with SIGKILL mid-stream, "
                 f"{shown_total} verdicts shown ({len(shown_accepted)} accepted, all kept), "
                 f"{stored} scans stored, integrity_check ok, audit chain intact, "
                 f"{seconds:.1f} s")
