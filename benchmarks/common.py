"""Shared pieces of the benchmark scripts: the cached million-work-order database, timing."""

from __future__ import annotations

import fcntl
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"
MILLION = 1_000_000


def million_db(work_orders: int = MILLION) -> Path:
    """The demo database with `work_orders` work orders, built once and kept in .cache/.

    Several benchmark runs may start on a clean checkout at once: the first builds the database
    under a lock, the others wait for it rather than build (and delete) the same file.
    """
    work_orders = int(os.environ.get("REPAIRBENCH_BENCH_WORK_ORDERS", work_orders))
    path = CACHE / f"demo-{work_orders}.db"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f"{path.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            _build(path, work_orders)
    return path


def _build(path: Path, work_orders: int) -> None:
    partial = path.with_suffix(".partial.db")
    for leftover in CACHE.glob(partial.name + "*"):  # an interrupted build's
        leftover.unlink()
    print(f"building {path.name} (once; it is kept in {CACHE}) ...",
          file=sys.stderr, flush=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(partial), "demo",
                    "--work-orders", str(work_orders)], check=True)
    print(f"built {path.name} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.move(partial, path)


def timed(func: Callable[[], object], repeat: int = 1) -> list[float]:
    """Seconds each of `repeat` calls took."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def wall_and_cpu(func: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call in this process.

    On a shared machine the gap between them is mostly time spent waiting for a core: the CPU
    time says how much of a missed absolute target the load explains.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: of a few runs, p99 is the slowest (p01 the lowest)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def p99_ms(times: list[float]) -> float:
    return percentile(times, 0.99) * 1000


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's ru_maxrss carries the launching process's peak over through fork and exec (a GUI
    started by the suite, itself holding a million rows' worth, would show the suite's peak):
    VmHWM is this process's own.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
