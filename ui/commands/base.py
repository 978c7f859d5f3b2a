"""Commands for the database and work orders: init, demo, import, show, run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ui.commands import actor, command, database


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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


@command("init")
def cmd_init(args: argparse.Namespace) -> int:
    from core import db

    url = db.resolve_url(args.db)
    database(args)
    print(f"Database ready: {db.describe(url)}")
    return 0


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    import time

    from core.services import demo

    store = database(args)
    start = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if args.work_orders >= 100_000:
            print(f"\r{done:,} / {total:,} work orders", end="", file=sys.stderr, flush=True)

    from core.services import users

    with store.uow(actor(args)) as uow:
        units = demo.build(uow, args.work_orders, progress=progress)
    # A demo database gets one account per role (README lists the passwords).
    with store.uow(actor(args)) as uow:
        users.create_demo_users(uow)
    if args.work_orders >= 100_000:
        print(file=sys.stderr)
    print(f"Added {args.work_orders:,} demo work orders with {units:,} units in "
          f"{time.perf_counter() - start:.1f} s.")
    return 0


@command("import")
def cmd_import(args: argparse.Namespace) -> int:
    from core.services import work_orders

    store = database(args)
    with store.uow(actor(args)) as uow:
        report = work_orders.import_work_orders_file(uow, Path(args.file))
    print("\n".join(report.lines()))
    return 0


@command("import-products")
def cmd_import_products(args: argparse.Namespace) -> int:
    from core.services import work_orders

    store = database(args)
    with store.uow(actor(args)) as uow:
        created, updated = work_orders.import_products_file(uow, Path(args.file))
    print(f"{created} product(s) added, {updated} updated.")
    return 0


@command("show")
def cmd_show(args: argparse.Namespace) -> int:
    from core.services import service_record

    store = database(args)
    with store.uow(actor(args)) as uow:
        record = service_record.load(uow, args.work_order)
    print(record.as_text())
    return 0


@command("run")
def cmd_run(args: argparse.Namespace) -> int:
    from core import db
    from core.services import demo
    from core.services.setup import open_and_prepare

    url = db.resolve_url(args.db)
    database = open_and_prepare(url)
    if getattr(args, "demo_if_empty", False):
        with database.uow(actor(args)) as uow:
            empty = demo.is_empty(uow)
        if empty:
            from core.services import users

            with database.uow(actor(args)) as uow:
                demo.build(uow, 2000)
            with database.uow(actor(args)) as uow:
                users.create_demo_users(uow)
    from ui.app import run_gui

    return run_gui(database, url, station=args.station)


