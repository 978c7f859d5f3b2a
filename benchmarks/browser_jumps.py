"""The work-order browser sorted by customer, its scroll bar dragged to the end and far down:
how long until the rows there are painted, and how long the window stops answering meanwhile.

Shared by `bench_browser` and the suite, so that both time the program's own path.
"""

from __future__ import annotations

import random
import sqlite3
import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt

CUSTOMER = 2
# The same 200 rows as a block seeking from a customer's key, in plain sqlite3.
RAW_SEEK = ("SELECT w.id, w.number, c.name FROM work_order w "
            "JOIN customer c ON c.id = w.customer_id WHERE c.name_folded >= ? "
            "AND (c.name_folded > ? OR (c.name_folded = ? AND "
            "(c.id > ? OR (c.id = ? AND w.id > ?)))) "
            "ORDER BY c.name_folded, c.id, w.id LIMIT 200")


@dataclass
class Jumps:
    ends: list[float] = field(default_factory=list)  # seconds, scroll bar moved to rows painted
    far: list[float] = field(default_factory=list)  # the same, anywhere, once the keys are read
    stalls: list[float] = field(default_factory=list)  # longest event-loop turn while waiting
    keys_ready: float = 0.0  # seconds from the sort to the key table read in the background
    raw_seek: list[float] = field(default_factory=list)


def _jump(app: Any, widget: Any, row: int, stalls: list[float]) -> float:
    """Seconds from the scroll bar moved to show `row` on top to its rows painted."""
    table, model = widget.table, widget.model
    start = time.perf_counter()
    table.verticalScrollBar().setValue(row)
    longest = 0.0
    while True:
        turn = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - turn)
        top = table.rowAt(0)
        if top >= 0 and model.row_at(top) is not None:
            break
        # Polled finely while a jump is quick, coarsely while it waits for the key table: each
        # processEvents() call from Python costs PySide6 6.12 a reference to None on Python 3.11,
        # and a few thousand of them crash the interpreter at exit.
        time.sleep(0.001 if time.perf_counter() - start < 0.1 else 0.02)
    stalls.append(longest)
    return time.perf_counter() - start


def _sort(app: Any, widget: Any, descending: bool) -> None:
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    widget.table.sortByColumn(CUSTOMER, order)
    widget.table.scrollToTop()
    app.processEvents()


def measure(app: Any, widget: Any, raw: sqlite3.Connection, repeats: int,
            seed: int = 5) -> Jumps:
    """Sorted by customer (each repeat a fresh sort, so nothing is cached), jump to the end;
    then, the key table read, jump to random far positions."""
    rng = random.Random(seed)
    jumps = Jumps()
    widget.search.clear()
    widget.apply_filters()
    for n in range(repeats):
        _sort(app, widget, descending=n % 2 == 1)
        bar = widget.table.verticalScrollBar()
        jumps.ends.append(_jump(app, widget, bar.maximum(), jumps.stalls))
    _sort(app, widget, descending=False)
    start = time.perf_counter()
    rows = widget.model.rowCount()
    _jump(app, widget, rows // 2, jumps.stalls)  # waits for the key table
    jumps.keys_ready = time.perf_counter() - start
    for _ in range(repeats):
        jumps.far.append(_jump(app, widget, rng.randrange(rows // 10, rows * 9 // 10),
                               jumps.stalls))
    customers = raw.execute("SELECT MAX(id) FROM customer").fetchone()[0]
    names = [raw.execute("SELECT name_folded FROM customer WHERE id = ?",
                         (rng.randint(1, customers),)).fetchone()[0] for _ in range(repeats)]
    for name in names:
        start = time.perf_counter()
        raw.execute(RAW_SEEK, (name, name, name, 0, 0, 0)).fetchall()
        jumps.raw_seek.append(time.perf_counter() - start)
    return jumps
