"""The benchmark suite behind `make bench`: every figure beside a baseline from the same run.

Each scenario runs the program's own code path. Figures go to a table on stdout and to
`benchmarks/results.json` for comparison between runs.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.common import CACHE, ROOT, machine, median_ms, million_db, p99_ms, timed


@dataclass
class Figure:
    scenario: str
    samples: list[float]
    baseline: list[float] = field(default_factory=list)
    baseline_name: str = ""
    target: str = ""
    limit_ms: float | None = None  # absolute target on the median (or on the value for totals)
    max_ratio: float | None = None
    max_p99_ratio: float | None = None
    p99_limit_ms: float | None = None
    notes: str = ""  # a check that must hold beside the timing ("lost scans: 0")
    ok: bool = True  # whether that check held

    @property
    def median(self) -> float:
        return median_ms(self.samples)

    @property
    def ratio(self) -> float | None:
        return self.median / median_ms(self.baseline) if self.baseline else None

    @property
    def p99_ratio(self) -> float | None:
        return p99_ms(self.samples) / p99_ms(self.baseline) if self.baseline else None

    @property
    def met(self) -> bool:
        ok = self.ok
        if self.limit_ms is not None:
            ok &= self.median <= self.limit_ms
        if self.p99_limit_ms is not None:
            ok &= p99_ms(self.samples) <= self.p99_limit_ms
        if self.max_ratio is not None and self.ratio is not None:
            ok &= self.ratio <= self.max_ratio
        if self.max_p99_ratio is not None and self.p99_ratio is not None:
            ok &= self.p99_ratio <= self.max_p99_ratio
        return ok


def _python(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return time.perf_counter() - start


BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1]); w = QMainWindow(); w.show(); app.processEvents()
"""
MAIN_WINDOW = """
import sys, resource
from core.services.setup import open_and_prepare
from ui.app import application
from ui.main_window import MainWindow
from core.unit_of_work import SYSTEM, Actor
from core import center
url = sys.argv[1]
app = application()
database = open_and_prepare(url)
with database.uow() as uow:
    tz = center.load(uow).timezone
try:
    from ui.app import register_workspaces
    register_workspaces()
except ImportError:
    pass
w = MainWindow(database, url, Actor(roles=SYSTEM.roles), tz); w.show(); app.processEvents()
if len(sys.argv) > 3:  # the memory figure: the work-order browser shown and its first rows in
    from PySide6.QtTest import QTest
    w.tabs.setCurrentWidget(w.browser); QTest.qWait(1500)
with open(sys.argv[2], "w") as out:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=out)
# PySide 6.12 can abort in the interpreter's final garbage collection (none_dealloc): the figure
# is written, so leave without it.
import os; os._exit(0)
"""
BARE_WINDOW_RSS = BARE_WINDOW + """
import os, resource
with open(sys.argv[1], "w") as out:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=out)
os._exit(0)
"""


def cold_start(db: Path) -> list[Figure]:
    url = f"sqlite:///{db}"
    rss_file = Path(tempfile.mkdtemp()) / "rss.txt"
    bare = [_python(BARE_WINDOW) for _ in range(5)]
    main = [_python(MAIN_WINDOW, url, str(rss_file)) for _ in range(5)]
    return [Figure("cold start to a usable main window", main, bare, "bare PySide6 window",
                   "within 2x of a bare window", max_ratio=2.0)]


def memory(db: Path) -> list[Figure]:
    """Peak RSS of the desk on the million work orders, browser shown, beside a bare window."""
    rss_file = Path(tempfile.mkdtemp()) / "rss.txt"
    _python(MAIN_WINDOW, f"sqlite:///{db}", str(rss_file), "browser")
    peak = float(rss_file.read_text())
    bare_file = rss_file.with_name("bare-rss.txt")
    _python(BARE_WINDOW_RSS, str(bare_file))
    bare = float(bare_file.read_text())
    # Figures hold seconds and print milliseconds: MB / 1000 prints as MB.
    return [Figure("peak memory of the GUI, million work orders (MB)", [peak / 1000],
                   [bare / 1000], "bare PySide6 window", "300 MB", limit_ms=300)]


def burst(_db: Path) -> list[Figure]:
    """Scanner bursts into the real intake bench (benchmarks/bench_burst.py), own process."""
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_burst", "--json"], cwd=ROOT,
                         check=True, capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    result = json.loads(out.strip().splitlines()[-1])
    return [Figure(f"intake bench: Enter to verdict painted ({result['scans']} scans)",
                   result["bench"], result["bare"], "bare QLineEdit", "p99 50 ms, 0 lost scans",
                   p99_limit_ms=50, notes=f"lost scans: {result['lost']}",
                   ok=result["lost"] == 0)]


def stations(_db: Path) -> list[Figure]:
    """8 stations scanning at once on PostgreSQL (benchmarks/bench_stations.py)."""
    from benchmarks import bench_stations

    result = bench_stations.run()
    check = "; ".join(result.problems) or ("every unit received exactly once, every accepted "
                                           "scan stored")
    return [
        Figure(f"8 stations on PostgreSQL: one scan ({result.scans} scans)", result.together,
               result.alone, "1 station alone", "exactly once, all stored",
               notes=f"check: {check}", ok=not result.problems),
        Figure("8 stations on PostgreSQL: throughput (scans/s)", [result.throughput / 1000],
               [result.alone_throughput / 1000], "1 station alone", "-"),
    ]


def browser(db: Path) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from zoneinfo import ZoneInfo

    from core import db as dbmod
    from core.unit_of_work import Database
    from ui.app import application
    from ui.work_orders.browser import WorkOrderBrowser

    app = application()
    raw = sqlite3.connect(db)
    rng = random.Random(3)
    max_unit = raw.execute("SELECT MAX(id) FROM unit").fetchone()[0]
    picks = [raw.execute("SELECT u.serial, c.name FROM unit u JOIN work_order w ON "
                         "w.id = u.work_order_id JOIN customer c ON c.id = w.customer_id "
                         "WHERE u.id = ?", (rng.randint(1, max_unit),)).fetchone()
             for _ in range(30)]
    database = Database(dbmod.make_engine(f"sqlite:///{db}"))
    made: list[WorkOrderBrowser] = []

    def open_browser() -> None:
        widget = WorkOrderBrowser(database, ZoneInfo("Asia/Shanghai"))
        widget.resize(1200, 700)
        widget.show()
        app.processEvents()
        made.append(widget)

    opens = timed(open_browser, 7)
    widget = made[-1]

    def search(term: str) -> Callable[[], None]:
        def go() -> None:
            widget.search.setText(term)
            widget.apply_filters()
            app.processEvents()
        return go

    serials = [timed(search(s))[0] for s, _ in picks]
    names = [timed(search(n))[0] for _, n in picks]
    raw_open = timed(lambda: raw.execute(
        "SELECT * FROM work_order ORDER BY number LIMIT 200").fetchall(), 7)
    raw_serial = [timed(lambda s=s: raw.execute(
        "SELECT work_order_id FROM unit WHERE serial = ?", (s,)).fetchall())[0] for s, _ in picks]
    raw_name = [timed(lambda n=n: raw.execute(
        "SELECT id FROM customer WHERE name_folded = ?", (n.casefold(),)).fetchall())[0]
        for _, n in picks]
    return [
        Figure("work-order browser: open", opens, raw_open, "sqlite3 first page", "200 ms",
               limit_ms=200),
        Figure("work-order browser: search by serial", serials, raw_serial,
               "sqlite3 serial lookup", "50 ms", limit_ms=50),
        Figure("work-order browser: search by customer name", names, raw_name,
               "sqlite3 name lookup", "200 ms", limit_ms=200),
    ]


def import_work_orders(rows: int = 300_000) -> list[Figure]:
    from core import db as dbmod
    from core.services import work_orders
    from core.services.setup import open_and_prepare

    products = (ROOT / "resources" / "samples" / "products.csv").read_bytes()
    models = ["JM-X16-Q", "JP-SFP-10G-LR", "CK-IPC-8200", "JH-USB-C-2M"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["work_order", "order_number", "submitted_at", "customer_name", "company",
                     "phone", "email", "address", "city", "province", "postal_code", "country",
                     "service_type", "priority", "fault_description", "serial", "model",
                     "purchase_date", "proof_of_purchase", "factory_date", "delivered_date"])
    for n in range(rows):
        wo = n // 3
        writer.writerow([f"IMP-{wo:07d}", f"SO-{wo}", "2026-11-01T10:00:00", f"客户{wo}", "",
                         f"138{wo:08d}", "", f"路 {wo} 号", "深圳市", "广东省", "518000", "CN",
                         "repair", "", "no power", f"IMPSN{n:09d}", models[wo % 4], "2026-01-02",
                         "yes", "2025-12-01", "2026-01-05"])
    data = out.getvalue().encode()
    tmp = Path(tempfile.mkdtemp())
    database = open_and_prepare(f"sqlite:///{tmp / 'import.db'}")
    with database.uow() as uow:
        work_orders.import_products(uow, products, "products.csv")
    start = time.perf_counter()
    with database.uow() as uow:
        work_orders.import_work_orders(uow, data, "bench.csv")
    ours = time.perf_counter() - start
    # Baseline: the same file read and the same rows written with one raw executemany per table
    # into an identical schema, with the program's settings (WAL, synchronous=FULL, foreign
    # keys): decode and split the CSV, then customers, work orders, units and one hash-chained
    # audit entry per work order, ids counted in Python, one COMMIT. No validation, no dates
    # parsed, no re-import check: that is the program's work on top of the floor.
    base_db = tmp / "raw.db"
    open_and_prepare(f"sqlite:///{base_db}").engine.dispose()
    conn = sqlite3.connect(base_db, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    product_id = conn.execute("INSERT INTO product (model, name, brand, policy_code, list_price, "
                              "currency, category) VALUES ('M', 'M', 'B', 'changkong', 0, 'CNY', "
                              "'')").lastrowid
    start = time.perf_counter()
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1:]
    conn.execute("BEGIN IMMEDIATE")
    orders = {r[0]: r for r in parsed}
    conn.executemany("INSERT INTO customer (id, name, name_folded, company, phone, email) "
                     "VALUES (?, ?, ?, '', ?, '')",
                     [(i, r[3], r[3].casefold(), r[5]) for i, r in enumerate(orders.values(), 1)])
    conn.executemany(
        "INSERT INTO work_order (id, number, order_number, submitted_at, customer_id, address, "
        "city, province, postal_code, country, service_type, fault_description, "
        "diagnosis_report, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "'repair', ?, 0, 'awaiting_parcel', '2026-11-01', '2026-11-01')",
        [(i, r[0], r[1], r[2], i, r[7], r[8], r[9], r[10], r[11], r[14])
         for i, r in enumerate(orders.values(), 1)])
    ids = {number: i for i, number in enumerate(orders, 1)}
    conn.executemany("INSERT INTO unit (work_order_id, serial, product_id, purchase_date, "
                     "proof_of_purchase, factory_date, delivered_date, status) VALUES "
                     "(?, ?, ?, ?, 1, ?, ?, 'awaiting_parcel')",
                     [(ids[r[0]], r[15], product_id, r[17], r[19], r[20]) for r in parsed])
    serials: dict[str, list[str]] = {}
    for r in parsed:
        serials.setdefault(r[0], []).append(r[15])
    prev, entries = "", []
    for number, units in serials.items():
        after = json.dumps({"customer": orders[number][3], "units": units}, ensure_ascii=False)
        digest = hashlib.sha256(f"{prev}|{number}|{after}".encode()).hexdigest()
        entries.append((number, ids[number], after, prev, digest))
        prev = digest
    conn.executemany("INSERT INTO audit_entry (at, user_id, username, station, action, entity, "
                     "entity_id, work_order_id, before, after, prev_hash, hash) VALUES "
                     "('2026-11-01', NULL, 'system', 'local', 'work_order.import', 'work_order', "
                     "?, ?, 'null', ?, ?, ?)", entries)
    conn.execute("COMMIT")
    raw = time.perf_counter() - start
    database.engine.dispose()
    shutil.rmtree(tmp, ignore_errors=True)
    return [Figure(f"import {rows // 3:,} work orders ({rows:,} CSV rows)", [ours], [raw],
                   "raw executemany", "30 s and within 5x", limit_ms=30_000, max_ratio=5.0)]


def documents() -> list[Figure]:
    from benchmarks import bench_documents as docs
    from reports.pdf_label import render_label_pdf
    from reports.pdf_report import render_report_pdf
    from reports.zpl import render_label_zpl

    docs.minimal_page()
    minimal = timed(docs.minimal_page, 100)
    labels_pdf = [timed(lambda: [render_label_pdf(docs.label(n)) for n in range(1000)])[0]]
    labels_zpl = [timed(lambda: [render_label_zpl(docs.label(n)) for n in range(1000)])[0]]
    reports = [timed(lambda: [render_report_pdf(docs.report(n)) for n in range(100)])[0]]
    base_1000 = [sum(minimal) * 10]
    base_100 = [sum(minimal)]
    return [
        Figure("1,000 return labels as PDF", labels_pdf, base_1000, "1,000 minimal pages",
               "10 s", limit_ms=10_000),
        Figure("1,000 return labels as ZPL", labels_zpl, base_1000, "1,000 minimal pages",
               "1 s", limit_ms=1_000),
        Figure("100 repair reports", reports, base_100, "100 minimal pages",
               "5 s and within 3x", limit_ms=5_000, max_ratio=3.0),
    ]


def scan(db: Path) -> list[Figure]:
    from benchmarks import bench_scan

    result = bench_scan.run(db)
    return [Figure(f"intake scan to durable verdict ({len(result.core):,} scans)", result.core,
                   result.raw, "raw sqlite3, same reads and writes",
                   "median within 2x, p99 within 3x", max_ratio=2.0, max_p99_ratio=3.0)]


SCENARIOS: dict[str, Callable[[Path], list[Figure]]] = {
    "scan": scan,
    "browser": browser,
    "cold_start": cold_start,
    "import": lambda _db: import_work_orders(),
    "documents": lambda _db: documents(),
    "memory": memory,
    "burst": burst,
    "stations": stations,
}


def print_table(figures: list[Figure]) -> None:
    print(f"\n{'scenario':<52}{'median':>11}{'p99':>11}{'baseline':>11}{'ratio':>8}"
          f"{'p99 x':>8}  {'target':<32}{'met':>4}")
    for f in figures:
        digits = 2 if f.median < 10 else 1
        base = f"{median_ms(f.baseline):.{digits}f}" if f.baseline else "-"
        ratio = f"{f.ratio:.1f}x" if f.ratio is not None else "-"
        p99x = f"{f.p99_ratio:.1f}x" if f.p99_ratio is not None else "-"
        unit = "" if "MB" in f.scenario or "/s" in f.scenario else " ms"
        print(f"{f.scenario:<52}{f.median:>8.{digits}f}{unit:<3}"
              f"{p99_ms(f.samples):>8.{digits}f}{'':<3}{base:>11}{ratio:>8}{p99x:>8}  "
              f"{f.target:<32}{'yes' if f.met else 'NO':>4}")
        if f.notes:
            print(f"    {f.notes}")
    print("(baselines: " + "; ".join(sorted({f'{f.scenario.split(":")[0]}: {f.baseline_name}'
                                            for f in figures if f.baseline_name})) + ")")


def main(argv: list[str] | None = None) -> int:
    names = argv or list(SCENARIOS)
    # Imports and documents make their own data: `python -m benchmarks documents` needs no
    # million-work-order database (building one takes a long while).
    db = million_db() if set(names) - {"import", "documents"} else CACHE
    figures: list[Figure] = []
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        figures.extend(SCENARIOS[name](db))
    print_table(figures)
    CACHE.mkdir(exist_ok=True)
    result = ROOT / "benchmarks" / "results.json"
    print(machine())
    result.write_text(json.dumps({"machine": machine(), "cpus": os.cpu_count(),
                                  "figures": [asdict(f) | {"median_ms": f.median,
                                                           "p99_ms": p99_ms(f.samples),
                                                           "ratio": f.ratio,
                                                           "p99_ratio": f.p99_ratio,
                                                           "met": f.met}
                                              for f in figures]}, indent=2))
    print(f"results written to {result.relative_to(ROOT)}")
    return 0
