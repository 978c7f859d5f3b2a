"""Commands for the database and work orders: init, demo, import, show, run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UserError
from ui.commands import (
    add_operator_parser,
    add_user_option,
    command,
    database,
    operator,
    sign_in,
)

if TYPE_CHECKING:
    from core.unit_of_work import Database


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    run = sub.add_parser("run", help="open the desk (the default)")
    run.add_argument("--demo-if-empty", action="store_true",
                     help="fill an empty database with demo work orders first")
    add_operator_parser(sub, "init", "create or upgrade the database; at a terminal, also its "
                        "first administrator")
    demo = add_operator_parser(sub, "demo", "add demo work orders and one demo account per role "
                               "to a new or demo database")
    demo.add_argument("--work-orders", type=int, default=1000, metavar="N")
    imp = sub.add_parser("import", help="import work orders from a CSV or JSON file")
    imp.add_argument("file")
    add_user_option(imp)
    products = sub.add_parser("import-products", help="import the product catalogue (CSV or JSON)")
    products.add_argument("file")
    add_user_option(products)
    show = sub.add_parser("show", help="print a work order's service record")
    show.add_argument("work_order")
    add_user_option(show)


@command("init")
def cmd_init(args: argparse.Namespace) -> int:
    from core import db
    from core.services import users
    from ui.commands.trust import create_first_admin, interactive

    url = db.resolve_url(args.db)
    store = database(args)
    print(f"Database ready: {db.describe(url)}")
    with store.uow(operator(args)) as uow:
        needed = users.first_admin_needed(uow)
    if needed and interactive():
        create_first_admin(store, args, name=None, from_stdin=False)
    elif needed:
        print("It has no administrator yet: create the first one with "
              "`init-admin --name NAME`, or at the desk's first start.")
    return 0


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    import time

    store = database(args)
    refuse_real_accounts(store, args)
    start = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if args.work_orders >= 100_000:
            print(f"\r{done:,} / {total:,} work orders", end="", file=sys.stderr, flush=True)

    units = _fill_demo(store, args, args.work_orders, progress)
    if args.work_orders >= 100_000:
        print(file=sys.stderr)
    print(f"Added {args.work_orders:,} demo work orders with {units:,} units in "
          f"{time.perf_counter() - start:.1f} s.")
    return 0


def refuse_real_accounts(store: Database, args: argparse.Namespace) -> None:
    from core.services import users

    with store.uow(operator(args)) as uow:
        demo_only = users.only_demo_accounts(uow)
    if not demo_only:
        raise UserError("This database has real user accounts; demo work orders and the demo "
                        "accounts (their passwords are published) go only into a new or a demo "
                        "database.")


def _fill_demo(store: Database, args: argparse.Namespace, count: int,
               progress: Callable[[int, int], None] | None = None) -> int:
    """Demo work orders, then one account per role (README lists the passwords)."""
    from core.services import demo, users
    from core.unit_of_work import SYSTEM

    # The operator may fill only a new or demo database, so acting with every role is harmless.
    who = operator(args, roles=SYSTEM.roles)
    with store.uow(who) as uow:
        units = demo.build(uow, count, progress=progress)
    with store.uow(who) as uow:
        users.create_demo_users(uow)
    return units


@command("import")
def cmd_import(args: argparse.Namespace) -> int:
    from core.services import work_orders

    store = database(args)
    with store.uow(sign_in(args, store)) as uow:
        report = work_orders.import_work_orders_file(uow, Path(args.file))
    print("\n".join(report.lines()))
    return 0


@command("import-products")
def cmd_import_products(args: argparse.Namespace) -> int:
    from core.services import work_orders

    store = database(args)
    with store.uow(sign_in(args, store)) as uow:
        created, updated = work_orders.import_products_file(uow, Path(args.file))
    print(f"{created} product(s) added, {updated} updated.")
    return 0


@command("show")
def cmd_show(args: argparse.Namespace) -> int:
    from core.services import service_record

    store = database(args)
    with store.uow(sign_in(args, store)) as uow:
        record = service_record.load(uow, args.work_order)
    print(record.as_text())
    return 0


@command("run")
def cmd_run(args: argparse.Namespace) -> int:
    """The desk signs its user in itself; `--demo-if-empty` is `make run`'s first start."""
    from ui.app import run_gui

    def open_database() -> tuple[Database, str]:
        # Behind the sign-in window (ui.start): SQLAlchemy and the schema check load here.
        from core import db
        from core.services.setup import open_and_prepare

        url = db.resolve_url(args.db)
        store = open_and_prepare(url)
        if getattr(args, "demo_if_empty", False):
            from core.services import demo, users  # the demo's modules only for `make run`

            with store.uow(operator(args)) as uow:
                fill = demo.is_empty(uow) and users.only_demo_accounts(uow)
            if fill:
                _fill_demo(store, args, 2000)
        return store, url

    return run_gui(open_database, station=args.station)
