"""RepairBench: the command line and the program's entry point.

`python main.py` (or `repairbench`) opens the desk; `python main.py --help` lists the commands.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from core.errors import UserError

log = logging.getLogger("repairbench")
Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        COMMANDS[name] = func
        return func
    return register


def _database(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from core import db
    from core.services.setup import open_and_prepare

    return open_and_prepare(db.resolve_url(args.db))


def _actor(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from core.unit_of_work import SYSTEM, Actor

    station = getattr(args, "station", None) or "cli"
    user = getattr(args, "user", None)
    return Actor(username=user or "cli", station=station, roles=SYSTEM.roles)


@command("init")
def cmd_init(args: argparse.Namespace) -> int:
    from core import db

    url = db.resolve_url(args.db)
    _database(args)
    print(f"Database ready: {db.describe(url)}")
    return 0


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    import time

    from core.services import demo

    database = _database(args)
    start = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if args.work_orders >= 100_000:
            print(f"\r{done:,} / {total:,} work orders", end="", file=sys.stderr, flush=True)

    with database.uow(_actor(args)) as uow:
        units = demo.build(uow, args.work_orders, progress=progress)
    if args.work_orders >= 100_000:
        print(file=sys.stderr)
    print(f"Added {args.work_orders:,} demo work orders with {units:,} units in "
          f"{time.perf_counter() - start:.1f} s.")
    return 0


@command("import")
def cmd_import(args: argparse.Namespace) -> int:
    from core.services import work_orders

    database = _database(args)
    with database.uow(_actor(args)) as uow:
        report = work_orders.import_work_orders_file(uow, Path(args.file))
    print("\n".join(report.lines()))
    return 0


@command("import-products")
def cmd_import_products(args: argparse.Namespace) -> int:
    from core.services import work_orders

    database = _database(args)
    with database.uow(_actor(args)) as uow:
        created, updated = work_orders.import_products_file(uow, Path(args.file))
    print(f"{created} product(s) added, {updated} updated.")
    return 0


@command("show")
def cmd_show(args: argparse.Namespace) -> int:
    from core.services import service_record

    database = _database(args)
    with database.uow(_actor(args)) as uow:
        record = service_record.load(uow, args.work_order)
    print(record.as_text())
    return 0


@command("scan")
def cmd_scan(args: argparse.Namespace) -> int:
    """Scans from stdin, one per line; an empty line closes the parcel."""
    import json

    from core.services import intake

    database = _database(args)
    actor = _actor(args)
    parcel: int | None = None
    for line in sys.stdin:
        raw = line.rstrip("\r\n")
        if not raw.strip():
            if parcel is not None:
                with database.uow(actor) as uow:
                    summary = intake.close_parcel(uow, parcel)
                print(json.dumps({"parcel": summary.intake_id, "work_order": summary.work_order,
                                  "verdict": summary.verdict, "received": summary.received,
                                  "missing": summary.missing, "reasons": summary.reasons},
                                 ensure_ascii=False), flush=True)
            parcel = None
            continue
        with database.uow(actor) as uow:
            outcome = intake.scan(uow, raw, parcel)
        parcel = outcome.intake_id
        print(json.dumps(outcome.as_json(), ensure_ascii=False), flush=True)
    if parcel is not None:
        with database.uow(actor) as uow:
            intake.close_parcel(uow, parcel)
    return 0


@command("run")
def cmd_run(args: argparse.Namespace) -> int:
    from core import db
    from core.services import demo
    from core.services.setup import open_and_prepare

    url = db.resolve_url(args.db)
    database = open_and_prepare(url)
    if getattr(args, "demo_if_empty", False):
        with database.uow(_actor(args)) as uow:
            empty = demo.is_empty(uow)
        if empty:
            with database.uow(_actor(args)) as uow:
                demo.build(uow, 2000)
    from ui.app import run_gui

    return run_gui(database, url, station=args.station)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="repairbench", description="Intake and repair desk for a hardware repair center.")
    parser.add_argument("--db", help="database: a SQLite file path or a URL such as "
                        "postgresql+psycopg://user@host/db (default: $REPAIRBENCH_DB, else a file "
                        "in your user data directory)")
    parser.add_argument("--station", default=None, help="this station's name")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="open the desk (the default)")
    run.add_argument("--demo-if-empty", action="store_true",
                     help="fill an empty database with demo work orders first")
    sub.add_parser("init", help="create or upgrade the database")
    demo = sub.add_parser("demo", help="add demo work orders")
    demo.add_argument("--work-orders", type=int, default=1000, metavar="N")
    imp = sub.add_parser("import", help="import work orders from a CSV or JSON file")
    imp.add_argument("file")
    products = sub.add_parser("import-products", help="import the product catalogue (CSV or JSON)")
    products.add_argument("file")
    show = sub.add_parser("show", help="print a work order's service record")
    show.add_argument("work_order")
    scan = sub.add_parser("scan", help="intake: read scans from stdin, print a JSON verdict each")
    scan.add_argument("--user", default=None, help="who is scanning")
    scan.add_argument("--station", default=argparse.SUPPRESS, help="this station's name")
    for extend in EXTENSIONS:
        extend(sub)
    return parser


# Later commands register their sub-parsers here (scan, warranty, label, ...).
EXTENSIONS: list[Callable[[argparse._SubParsersAction], None]] = []  # type: ignore[type-arg]


def configure_logging() -> None:
    """Log to a rotating file in the user log directory; the console shows one sentence."""
    from logging.handlers import RotatingFileHandler

    import platformdirs

    folder = Path(platformdirs.user_log_dir("RepairBench", appauthor=False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            folder / "repairbench.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    name = args.command or "run"
    if name == "run" and not hasattr(args, "demo_if_empty"):
        args.demo_if_empty = False
    try:
        return COMMANDS[name](args)
    except UserError as exc:
        print(f"repairbench: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("repairbench: stopped.", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one sentence, never a traceback
        log.exception("unexpected error")
        print(f"repairbench: unexpected error ({type(exc).__name__}: {exc}). "
              "Please report it with the log file.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
