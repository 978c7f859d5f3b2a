"""Work-order browser on the million-work-order demo database: open, jumps far down sorted by
customer, search, peak memory.

Run: `python -m benchmarks.bench_browser`. Each figure is printed beside a raw sqlite3 query of
the same rows in the same run.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import median_ms, million_db, peak_rss_mb, timed  # noqa: E402


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from benchmarks import browser_jumps
    from core import db
    from core.unit_of_work import Database
    from ui.work_orders.browser import WorkOrderBrowser

    path = million_db()
    raw = sqlite3.connect(path)
    total = raw.execute("SELECT COUNT(*) FROM work_order").fetchone()[0]
    rng = random.Random(1)
    max_unit = raw.execute("SELECT MAX(id) FROM unit").fetchone()[0]
    picks = [raw.execute("SELECT u.serial, c.name FROM unit u JOIN work_order w ON w.id = "
                         "u.work_order_id JOIN customer c ON c.id = w.customer_id WHERE u.id = ?",
                         (rng.randint(1, max_unit),)).fetchone() for _ in range(20)]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    database = Database(db.make_engine(f"sqlite:///{path}"))
    holder: list[WorkOrderBrowser] = []

    def open_browser() -> None:
        browser = WorkOrderBrowser(database, __import__("zoneinfo").ZoneInfo("Asia/Shanghai"))
        browser.resize(1200, 700)
        browser.show()
        app.processEvents()
        holder.append(browser)

    open_times = timed(open_browser, 5)
    browser = holder[-1]
    jumps = browser_jumps.measure(app, browser, raw, 10)

    def search(term: str) -> None:
        browser.search.setText(term)
        browser.apply_filters()
        app.processEvents()

    serial_times = [timed(lambda s=s: search(s))[0] for s, _ in picks]
    name_times = [timed(lambda n=n: search(n))[0] for _, n in picks]
    raw_open = timed(lambda: (raw.execute("SELECT COUNT(*) FROM work_order").fetchone(),
                              raw.execute("SELECT * FROM work_order ORDER BY number LIMIT 200")
                              .fetchall()), 5)
    raw_serial = [timed(lambda s=s: raw.execute(
        "SELECT work_order_id FROM unit WHERE serial = ?", (s,)).fetchall())[0] for s, _ in picks]
    print(f"work-order browser on {total:,} work orders ({path.name})")
    print(f"{'scenario':<28}{'median ms':>12}{'max ms':>10}{'raw sqlite3 ms':>16}")
    print(f"{'open':<28}{median_ms(open_times):>12.1f}{max(open_times) * 1000:>10.1f}"
          f"{median_ms(raw_open):>16.2f}")
    print(f"{'by customer: jump to end':<28}{median_ms(jumps.ends):>12.1f}"
          f"{max(jumps.ends) * 1000:>10.1f}{median_ms(jumps.raw_seek):>16.2f}")
    print(f"{'by customer: jump far':<28}{median_ms(jumps.far):>12.1f}"
          f"{max(jumps.far) * 1000:>10.1f}{median_ms(jumps.raw_seek):>16.2f}")
    print(f"{'  longest GUI stall':<28}{median_ms(jumps.stalls):>12.1f}"
          f"{max(jumps.stalls) * 1000:>10.1f}")
    print(f"{'  first far jump (keys read)':<28}{jumps.keys_ready * 1000:>12.1f}")
    print(f"{'search by serial':<28}{median_ms(serial_times):>12.1f}"
          f"{max(serial_times) * 1000:>10.1f}{median_ms(raw_serial):>16.2f}")
    print(f"{'search by customer name':<28}{median_ms(name_times):>12.1f}"
          f"{max(name_times) * 1000:>10.1f}{'':>16}")
    print(f"peak memory (RSS): {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
