"""Eight intake stations scanning at once against one PostgreSQL database.

Run: `python -m benchmarks.bench_stations` (PostgreSQL at 127.0.0.1:5432, or
REPAIRBENCH_BENCH_PG=URL of a server where the user may create databases). It creates the
database `repairbench_bench` afresh, imports work orders of three units each, and starts 8
processes, each a station going through `core.services.intake.scan`. Each station scans, in an
order of its own, the serials of its share of the work orders and of its neighbour's share, so
every unit is scanned by two stations at once and the database must settle who receives it.
Printed: throughput (scans/s over the whole run), p50/p99 latency of one scan, and the checks:
every unit received exactly once, every accepted scan stored with its verdict. Baseline: one
station alone scanning as many serials of other work orders.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass

from benchmarks.common import ROOT, median_ms, p99_ms

PG = os.environ.get("REPAIRBENCH_BENCH_PG",
                    "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
STATIONS = 8
ORDERS_PER_STATION = int(os.environ.get("REPAIRBENCH_BENCH_STATION_ORDERS", 40))
UNITS = 3
DATABASE = "repairbench_bench"


def _serials(prefix: str, station: int) -> list[str]:
    return [f"{prefix}{station}-{o:04d}-{u}" for o in range(ORDERS_PER_STATION)
            for u in range(UNITS)]


def prepare() -> str:
    """A fresh benchmark database with the work orders; its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from core.services import work_orders
    from core.services.setup import open_and_prepare

    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{DATABASE}"'))
    admin.dispose()
    url = make_url(PG).set(database=DATABASE).render_as_string(hide_password=False)
    database = open_and_prepare(url)
    header = ("work_order,order_number,customer_name,address,city,country,service_type,serial,"
              "model,proof_of_purchase\n")
    rows = [f"ST-{s}-{prefix}{n // UNITS:04d},SO-{s}-{prefix}{n // UNITS},Station {s},1 Road,"
            f"Shenzhen,CN,repair,{serial},JM-X16-Q,yes\n"
            for prefix in ("S", "B") for s in range(STATIONS)
            for n, serial in enumerate(_serials(prefix, s))]
    with database.uow() as uow:
        work_orders.import_products(uow, (ROOT / "resources" / "samples" / "products.csv")
                                    .read_bytes(), "products.csv")
    with database.uow() as uow:
        work_orders.import_work_orders(uow, (header + "".join(rows)).encode(), "bench.csv")
    database.engine.dispose()
    return url


def station(url: str, number: int, serials: list[str]) -> None:
    """One station process: wait for "go", scan every serial, print one JSON line per scan."""
    from core import db
    from core.services import intake
    from core.unit_of_work import Actor, Database

    database = Database(db.make_engine(url))
    actor = Actor(username=f"bench{number}", station=f"bench-{number}",
                  roles=frozenset({"intake"}))
    with database.engine.connect():
        pass  # connected before the start, so the race is about scans
    print("ready", flush=True)
    sys.stdin.readline()
    out = []
    for serial in serials:
        start = time.perf_counter()
        with database.uow(actor) as uow:
            outcome = intake.scan(uow, serial, None)
        out.append({"serial": serial, "verdict": outcome.verdict, "reasons": outcome.reasons,
                    "scan_id": outcome.scan_id, "seconds": time.perf_counter() - start})
    print(json.dumps(out), flush=True)
    database.engine.dispose()


def _run(url: str, shares: list[list[str]]) -> tuple[list[dict[str, object]], float]:
    procs = [subprocess.Popen([sys.executable, "-m", "benchmarks.bench_stations", "station", url,
                               str(n), *share], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
             for n, share in enumerate(shares)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    lines: list[dict[str, object]] = []
    for proc in procs:
        out, _ = proc.communicate(timeout=600)
        if proc.returncode != 0:
            raise RuntimeError(f"a station failed (exit {proc.returncode})")
        lines += json.loads(out.strip().splitlines()[-1])
    return lines, time.perf_counter() - start


def check(url: str, lines: list[dict[str, object]], serials: set[str]) -> list[str]:
    """What went wrong: units not received exactly once, accepted scans not stored."""
    from sqlalchemy import select

    from core import db
    from core.models import Scan, StatusChange, Unit, UnitStatus
    from core.unit_of_work import Database

    problems = []
    accepted = Counter(str(x["serial"]) for x in lines if x["verdict"] == "accepted")
    if set(accepted) != serials or any(n != 1 for n in accepted.values()):
        problems.append(f"{sum(1 for s in serials if accepted[s] != 1)} unit(s) not accepted "
                        "exactly once")
    database = Database(db.make_engine(url))
    with database.uow() as uow:
        stored = dict(uow.session.execute(select(Scan.id, Scan.verdict)).all())
        receipts = Counter(uow.session.scalars(
            select(Unit.serial).join(StatusChange, StatusChange.unit_id == Unit.id)
            .where(StatusChange.to_status == UnitStatus.RECEIVED.value)))
    database.engine.dispose()
    missing = [x for x in lines if stored.get(x["scan_id"]) != x["verdict"]]
    if missing:
        problems.append(f"{len(missing)} verdict(s) shown but not stored as shown")
    if any(receipts[s] != 1 for s in serials):
        problems.append("a unit has no receipt or two")
    return problems


@dataclass
class StationsRun:
    together: list[float]
    alone: list[float]
    throughput: float
    alone_throughput: float
    scans: int
    problems: list[str]


def run() -> StationsRun:
    url = prepare()
    rng = random.Random(8)
    shares = []
    for s in range(STATIONS):
        share = _serials("S", s) + _serials("S", (s + 1) % STATIONS)
        rng.shuffle(share)
        shares.append(share)
    lines, seconds = _run(url, shares)
    everything = {serial for share in shares for serial in share}
    problems = check(url, lines, everything)
    alone_share = [serial for s in range(2) for serial in _serials("B", s)]
    rng.shuffle(alone_share)
    alone, alone_seconds = _run(url, [alone_share])
    return StationsRun([float(x["seconds"]) for x in lines],  # type: ignore[arg-type]
                       [float(x["seconds"]) for x in alone],  # type: ignore[arg-type]
                       len(lines) / seconds, len(alone) / alone_seconds, len(lines), problems)


def main(argv: list[str]) -> int:
    if argv and argv[0] == "station":
        station(argv[1], int(argv[2]), argv[3:])
        return 0
    result = run()
    print(f"{STATIONS} stations, {result.scans} scans (each unit by two stations) on PostgreSQL")
    print(f"  together: {result.throughput:7.1f} scans/s, p50 "
          f"{median_ms(result.together):.1f} ms, p99 {p99_ms(result.together):.1f} ms")
    print(f"  1 alone:  {result.alone_throughput:7.1f} scans/s, p50 "
          f"{median_ms(result.alone):.1f} ms, p99 {p99_ms(result.alone):.1f} ms")
    print("  check: " + ("; ".join(result.problems) if result.problems else
                         "every unit received exactly once, every accepted scan stored"))
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
