"""The benchmark suite behind `make bench`: every figure beside a baseline from the same run.

Each scenario runs the program's own code path on the million-work-order demo database (built
once, cached in benchmarks/.cache/). The figures go to one table on stdout and to a JSON file
with the machine's description (see `main`). `--quick` tries the suite on a small database with
fewer repetitions: its figures are for trying, not for the README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import bench_start, machine
from benchmarks.common import CACHE, MILLION, ROOT, million_db, timed, wall_and_cpu
from benchmarks.figures import (
    Figure,
    failed,
    markdown_table,
    print_table,
    read_json,
    write_json,
)


class ScriptFailed(RuntimeError):
    """A benchmark script ended with an error; the message carries the end of its stderr."""


def _python(code: str, *args: str, cpu: list[float] | None = None) -> float:
    """Seconds a fresh interpreter took to run `code`; its CPU seconds go to `cpu`.

    Its Qt start-up chatter (no audio device offscreen) would bury the table: it is kept and
    shown only when the script fails.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True, env=bench_start.environment())
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise ScriptFailed(f"exit {done.returncode}: {done.stderr.strip()[-600:]}")
    if cpu is not None:
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return seconds


@dataclass(frozen=True)
class Sizes:
    """How much each scenario does: the issue's sizes, or a quick try of the suite."""

    work_orders: int = MILLION
    scans: int = 10_000
    bursts: int = 5  # of 20 scans
    station_orders: int = 40  # work orders of three units per station
    station_runs: int = 3
    import_rows: int = 300_000
    import_runs: int = 3
    document_runs: int = 3
    starts: int = 7  # cold starts, and bare windows as many
    memory_runs: int = 3
    browser_opens: int = 7
    searches: int = 30


FULL = Sizes()
QUICK = Sizes(work_orders=20_000, scans=1_000, bursts=1, station_orders=10, station_runs=1,
              import_rows=30_000, import_runs=1, document_runs=1, starts=3, memory_runs=1,
              browser_opens=3, searches=10)


@dataclass
class Run:
    """What the scenarios share: the sizes, and the demo database, built on first need."""

    sizes: Sizes
    _db: Path | None = None

    def db(self) -> Path:
        if self._db is None:
            self._db = million_db(self.sizes.work_orders)
        return self._db


def cold_start(run: Run) -> list[Figure]:
    """`main.main(["--db", URL, "run"])` to the sign-in window taking typing, and on to the
    signed-in main window with the password typed at once (benchmarks/bench_start.py)."""
    desk, bare = bench_start.starts(run.db(), run.sizes.starts)
    windows = [m["usable"] for m in bare]
    return [
        Figure("cold start to a usable window (sign-in taking typing)",
               [m["usable"] for m in desk], windows, "bare PySide6 window",
               "within 2x of a bare window", max_ratio=2.0,
               notes="the database opens behind the sign-in window"),
        # No target: the database opens while the person types, so the wait after Enter is
        # shorter than this path with the password typed at the very first moment.
        Figure("cold start to the signed-in main window (password typed at once)",
               [m["desk"] for m in desk], windows, "bare PySide6 window", "printed"),
    ]


def memory(run: Run) -> list[Figure]:
    """Peak RSS of the desk on the million work orders, browser shown, beside a bare window.

    Through a launcher process of its own: Linux hands a process's peak RSS (ru_maxrss) on to
    what it starts, so a desk started straight from the suite, which holds a million rows' worth
    by then, would report the suite's peak instead of its own.
    """
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_start", str(run.db()),
                           "--runs", str(run.sizes.memory_runs), "--memory"], cwd=ROOT,
                          capture_output=True, text=True, env=bench_start.environment())
    if done.returncode != 0 or not done.stdout.strip():
        raise ScriptFailed(f"exit {done.returncode}: {done.stderr.strip()[-600:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return [Figure("peak memory of the GUI, browser open", result["desk"], result["bare"],
                   "bare PySide6 window", "300 MB", unit="MB", limit=300)]


def burst(run: Run) -> list[Figure]:
    """Scanner bursts into the real intake bench (benchmarks/bench_burst.py), own process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "REPAIRBENCH_BENCH_WORK_ORDERS": str(run.sizes.work_orders),
           "REPAIRBENCH_BENCH_BURSTS": str(run.sizes.bursts)}
    run.db()  # built here, not inside the script's own process
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_burst", "--json"], cwd=ROOT,
                          capture_output=True, text=True, env=env)
    if done.returncode != 0 or not done.stdout.strip():
        raise ScriptFailed(f"exit {done.returncode}: {done.stderr.strip()[-600:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return [Figure(f"intake bench: Enter to verdict painted ({result['scans']} scans in bursts "
                   "of 20)", result["bench"], result["bare"], "bare QLineEdit",
                   "p99 50 ms, no scan lost", p99_limit=50,
                   notes=f"lost scans: {result['lost']}", ok=result["lost"] == 0)]


def stations(run: Run) -> list[Figure]:
    """8 stations scanning at once on PostgreSQL (benchmarks/bench_stations.py), repeated."""
    from benchmarks import bench_stations

    bench_stations.ORDERS_PER_STATION = run.sizes.station_orders
    results = [bench_stations.run() for _ in range(run.sizes.station_runs)]
    problems = sorted({p for r in results for p in r.problems})
    check = "; ".join(problems) or "every unit received exactly once, every accepted scan stored"
    return [
        Figure(f"8 stations on PostgreSQL: one scan ({results[0].scans:,} scans a run)",
               [t for r in results for t in r.together], [t for r in results for t in r.alone],
               "1 station alone", "no lost or double receipt", notes=f"check: {check}",
               ok=not problems),
        Figure("8 stations on PostgreSQL: throughput", [r.throughput for r in results],
               [r.alone_throughput for r in results], "1 station alone", "printed",
               unit="scans/s", higher_is_better=True),
    ]


def browser(run: Run) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from zoneinfo import ZoneInfo

    from benchmarks import browser_jumps
    from core import db as dbmod
    from core.unit_of_work import Database
    from ui.app import application
    from ui.work_orders.browser import WorkOrderBrowser

    app = application()
    raw = sqlite3.connect(run.db())
    rng = random.Random(3)
    max_unit = raw.execute("SELECT MAX(id) FROM unit").fetchone()[0]
    picks = [raw.execute("SELECT u.serial, c.name FROM unit u JOIN work_order w ON "
                         "w.id = u.work_order_id JOIN customer c ON c.id = w.customer_id "
                         "WHERE u.id = ?", (rng.randint(1, max_unit),)).fetchone()
             for _ in range(run.sizes.searches)]
    database = Database(dbmod.make_engine(f"sqlite:///{run.db()}"))
    made: list[WorkOrderBrowser] = []

    def open_browser() -> None:
        widget = WorkOrderBrowser(database, ZoneInfo("Asia/Shanghai"))
        widget.resize(1200, 700)
        widget.show()
        app.processEvents()
        made.append(widget)

    opens = timed(open_browser, run.sizes.browser_opens)
    widget = made[-1]
    jumps = browser_jumps.measure(app, widget, raw, run.sizes.browser_opens)

    def search(term: str) -> Callable[[], None]:
        def go() -> None:
            widget.search.setText(term)
            widget.apply_filters()
            app.processEvents()
        return go

    serials = [timed(search(s))[0] for s, _ in picks]
    names = [timed(search(n))[0] for _, n in picks]
    raw_open = timed(lambda: raw.execute(
        "SELECT * FROM work_order ORDER BY number LIMIT 200").fetchall(), run.sizes.browser_opens)
    raw_serial = [timed(lambda s=s: raw.execute(
        "SELECT work_order_id FROM unit WHERE serial = ?", (s,)).fetchall())[0] for s, _ in picks]
    raw_name = [timed(lambda n=n: raw.execute(
        "SELECT id FROM customer WHERE name_folded = ?", (n.casefold(),)).fetchall())[0]
        for _, n in picks]
    for made_widget in made:
        made_widget.close()
    database.engine.dispose()
    raw.close()
    return [
        Figure("work-order browser: open", opens, raw_open, "sqlite3 first page", "200 ms",
               limit=200),
        Figure("work-order browser by customer: jump to the end", jumps.ends, jumps.raw_seek,
               "sqlite3 seek, 200 rows", "50 ms", limit=50),
        Figure("work-order browser by customer: jump far down", jumps.far, jumps.raw_seek,
               "sqlite3 seek, 200 rows", "50 ms", limit=50,
               notes=f"first far jump waits {jumps.keys_ready:.1f} s for the key table; "
                     f"longest GUI stall {max(jumps.stalls) * 1000:.0f} ms"),
        Figure("work-order browser: search by serial", serials, raw_serial,
               "sqlite3 serial lookup", "50 ms", limit=50),
        Figure("work-order browser: search by customer name", names, raw_name,
               "sqlite3 name lookup", "200 ms", limit=200),
    ]


def import_work_orders(run: Run) -> list[Figure]:
    from benchmarks import bench_import

    result = bench_import.run(run.sizes.import_rows, run.sizes.import_runs)
    return [Figure(f"import {result.rows // 3:,} work orders ({result.rows:,} CSV rows)",
                   result.program, result.raw, "raw executemany, same rows",
                   "30 s and within 5x", unit="s", limit=30, max_ratio=5.0,
                   notes=cpu_note(result.program_cpu))]


def documents(run: Run) -> list[Figure]:
    """Batches of labels and reports, each run beside batches of minimal reportlab pages."""
    from benchmarks import bench_documents as docs
    from reports.pdf_label import render_label_pdf
    from reports.pdf_report import render_report_pdf
    from reports.zpl import render_label_zpl

    for warm in (docs.minimal_page, docs.minimal_cjk_page,
                 lambda: render_label_pdf(docs.label(0)), lambda: render_label_zpl(docs.label(0)),
                 lambda: render_report_pdf(docs.report(0))):
        warm()  # first-call imports and font registration are not what the targets are about
    batches: dict[str, list[float]] = {key: [] for key in ("pages", "pdf", "zpl", "reports",
                                                           "report pages")}
    cpu: dict[str, list[float]] = {key: [] for key in batches}

    def batch(key: str, make: Callable[[], object]) -> None:
        wall, used = wall_and_cpu(make)
        batches[key].append(wall)
        cpu[key].append(used)

    for _ in range(run.sizes.document_runs):  # the batches take turns, sharing the load
        batch("pages", lambda: [docs.minimal_page() for _ in range(1000)])
        batch("pdf", lambda: [render_label_pdf(docs.label(n)) for n in range(1000)])
        batch("zpl", lambda: [render_label_zpl(docs.label(n)) for n in range(1000)])
        batch("reports", lambda: [render_report_pdf(docs.report(n)) for n in range(100)])
        # Every document must embed the CJK font (issue 6), so the reports' "minimal reportlab
        # page" embeds it too; beside Helvetica the ratio would mostly measure font embedding.
        batch("report pages", lambda: [docs.minimal_cjk_page() for _ in range(100)])
    return [
        Figure("1,000 return labels as PDF (one file each)", batches["pdf"], batches["pages"],
               "1,000 minimal reportlab pages", "10 s", unit="s", limit=10,
               notes=cpu_note(cpu["pdf"])),
        Figure("1,000 return labels as ZPL", batches["zpl"], batches["pages"],
               "1,000 minimal reportlab pages", "1 s", unit="s", limit=1,
               notes=cpu_note(cpu["zpl"])),
        Figure("100 repair reports", batches["reports"], batches["report pages"],
               "100 minimal reportlab pages, CJK font embedded", "5 s and within 3x", unit="s",
               limit=5, max_ratio=3.0, notes=cpu_note(cpu["reports"])),
    ]


def cpu_note(ours: list[float], baseline: list[float] | None = None) -> str:
    note = f"CPU time of ours: median {statistics.median(ours):.2f} s"
    if baseline:
        note += f", of the baseline {statistics.median(baseline):.2f} s"
    return note


def scan(run: Run) -> list[Figure]:
    from benchmarks import bench_scan

    result = bench_scan.run(run.db(), run.sizes.scans)
    return [Figure(f"intake scan to durable verdict ({len(result.core):,} scans)", result.core,
                   result.raw, "raw sqlite3, same reads and writes",
                   "median within 2x, p99 within 3x", max_ratio=2.0, max_p99_ratio=3.0)]


# In the order of issue 8's targets.
SCENARIOS: dict[str, Callable[[Run], list[Figure]]] = {
    "scan": scan,
    "burst": burst,
    "cold_start": cold_start,
    "browser": browser,
    "import": import_work_orders,
    "documents": documents,
    "memory": memory,
    "stations": stations,
}
FULL_RESULTS = ROOT / "benchmarks" / "results" / "million.json"
OTHER_RESULTS = ROOT / "benchmarks" / "results.json"  # a quick or partial run: not kept in git


def _work_orders(run: Run) -> int | None:
    if run._db is None:
        return None
    with sqlite3.connect(run._db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM work_order").fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=(
        "Run the benchmark suite and print one table; see benchmarks/suite.py."))
    parser.add_argument("scenarios", nargs="*", metavar="scenario",
                        help=f"only these, of: {', '.join(SCENARIOS)} (default: all)")
    parser.add_argument("--quick", action="store_true", help=(
        f"a small database ({QUICK.work_orders:,} work orders) and fewer runs, to try the suite "
        "in minutes; not the figures for the README"))
    parser.add_argument("--json", type=Path, help=(
        f"where the results go (default: {_near(FULL_RESULTS)} for a full run of every "
        f"scenario, else {_near(OTHER_RESULTS)})"))
    parser.add_argument("--markdown", type=Path, metavar="JSON", help=(
        "print the table of a results file in Markdown (for the README) and stop"))
    args = parser.parse_args(argv)
    if args.markdown:
        return print_markdown(parser, args.markdown)
    unknown = [name for name in args.scenarios if name not in SCENARIOS]
    if unknown:
        parser.error(f"no scenario {', '.join(unknown)}; the scenarios are "
                     f"{', '.join(SCENARIOS)}")
    names = args.scenarios or list(SCENARIOS)
    run = Run(QUICK if args.quick else FULL)
    from benchmarks.bench_stations import PG

    facts = machine.describe(CACHE.parent, PG)
    started = dt.datetime.now(dt.UTC)
    load_before = os.getloadavg()
    figures: list[Figure] = []
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        try:
            figures.extend(SCENARIOS[name](run))
        except Exception as error:  # noqa: BLE001 - one broken scenario must not hide the rest
            figures.append(failed(name, error, f"python -m benchmarks {name}"))
        print(f"  {name}: {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    work_orders = _work_orders(run)
    full = not args.quick and work_orders in (None, MILLION)
    heading = (f"RepairBench benchmarks, {started:%Y-%m-%d %H:%M} UTC, "
               + (f"on {work_orders:,} demo work orders" if work_orders else "no database needed")
               + ("" if full else " -- a QUICK/SMALL RUN: the targets are for the full run")
               + f"\nmachine: {machine.summary(facts)}"
               + f"\nload average (1 min) {load_before[0]:.1f} at the start, "
               f"{os.getloadavg()[0]:.1f} at the end")
    print_table(figures, heading)
    path = args.json or (FULL_RESULTS if full and names == list(SCENARIOS) else OTHER_RESULTS)
    write_json(path, figures, {
        "started": started.isoformat(timespec="seconds"), "mode": "full" if full else "quick",
        "work_orders": work_orders, "scenarios": names, "machine": facts,
        "load_average": {"start": load_before[0], "end": os.getloadavg()[0]},
        "commit": _commit()})
    print(f"results written to {_near(path)}")
    # A missed target is a figure to work on; a scenario that broke or lost data is an error.
    return 0 if all(f.median is not None and f.ok for f in figures) else 1


def print_markdown(parser: argparse.ArgumentParser, path: Path) -> int:
    try:
        record, figures = read_json(path)
    except (OSError, ValueError, KeyError, TypeError) as error:
        parser.error(f"cannot read {path} as benchmark results ({error}); give the JSON file a "
                     "run of `make bench` wrote")
    print(f"Run of {record.get('started', '?')} on {record.get('work_orders') or 0:,} work "
          f"orders ({record.get('mode', '?')}), commit {record.get('commit', '?')}\n")
    print(markdown_table(figures))
    return 0


def _near(path: Path) -> Path:
    """`path` from the checkout's folder when it lies inside it."""
    return path.relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path


def _commit() -> str:
    """The code measured: HEAD, and whether the working tree differed from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                              capture_output=True, check=True).stdout.strip()
        changed = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                 cwd=ROOT, text=True, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} with uncommitted changes" if changed.strip() else head
