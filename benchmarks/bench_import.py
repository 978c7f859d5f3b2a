"""Importing 100,000 work orders (300,000 CSV rows) beside a raw executemany of the same rows.

Run: `python -m benchmarks import` (through the suite). Each run imports the same generated file
into a fresh database through `core.services.work_orders.import_work_orders`, then writes the
same rows into another fresh database with plain sqlite3 (see `raw_import`); the runs alternate
so both see the same load on a shared machine.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import CACHE, ROOT, wall_and_cpu

_MODELS = ["JM-X16-Q", "JP-SFP-10G-LR", "CK-IPC-8200", "JH-USB-C-2M"]
_HEADER = ["work_order", "order_number", "submitted_at", "customer_name", "company", "phone",
           "email", "address", "city", "province", "postal_code", "country", "service_type",
           "priority", "fault_description", "serial", "model", "purchase_date",
           "proof_of_purchase", "factory_date", "delivered_date"]


def vendor_csv(rows: int) -> bytes:
    """A vendor export of `rows` units, three per work order, each customer of its own."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_HEADER)
    for n in range(rows):
        wo = n // 3
        writer.writerow([f"IMP-{wo:07d}", f"SO-{wo}", "2026-11-01T10:00:00", f"客户{wo}", "",
                         f"138{wo:08d}", "", f"路 {wo} 号", "深圳市", "广东省", "518000", "CN",
                         "repair", "", "no power", f"IMPSN{n:09d}", _MODELS[wo % 4], "2026-01-02",
                         "yes", "2025-12-01", "2026-01-05"])
    return out.getvalue().encode()


def program_import(folder: Path, data: bytes) -> tuple[float, float]:
    """Wall-clock and CPU seconds the program's import of `data` took on a fresh database."""
    from core.services import work_orders
    from core.services.setup import open_and_prepare

    database = open_and_prepare(f"sqlite:///{folder / 'import.db'}")
    with database.uow() as uow:
        work_orders.import_products(uow, (ROOT / "resources" / "samples" / "products.csv")
                                    .read_bytes(), "products.csv")
    def load() -> None:
        with database.uow() as uow:
            work_orders.import_work_orders(uow, data, "bench.csv")

    times = wall_and_cpu(load)
    database.engine.dispose()
    return times


def raw_import(folder: Path, data: bytes) -> float:
    """Seconds the floor took: the same file read and the same rows written by hand.

    One raw executemany per table into an identical schema with the program's settings (WAL,
    synchronous=FULL, foreign keys): decode and split the CSV, then customers, work orders,
    units and one hash-chained audit entry per work order, ids counted in Python, one COMMIT.
    No validation, no dates parsed, no re-import check: that is the program's work on top.
    """
    from core.services.setup import open_and_prepare

    path = folder / "raw.db"
    open_and_prepare(f"sqlite:///{path}").engine.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
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
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


@dataclass
class ImportRun:
    rows: int
    program: list[float]
    raw: list[float]
    program_cpu: list[float]


def run(rows: int = 300_000, runs: int = 3) -> ImportRun:
    data = vendor_csv(rows)
    program: list[float] = []
    program_cpu: list[float] = []
    raw: list[float] = []
    CACHE.mkdir(parents=True, exist_ok=True)
    for _ in range(runs):
        # Next to the cache, so both databases commit to the same disk.
        with tempfile.TemporaryDirectory(dir=CACHE, prefix="bench-import-") as tmp:
            wall, cpu = program_import(Path(tmp), data)
            program.append(wall)
            program_cpu.append(cpu)
            raw.append(raw_import(Path(tmp), data))
    return ImportRun(rows, program, raw, program_cpu)
