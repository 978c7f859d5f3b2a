"""Policy commands: a unit's warranty decision, a work order's due dates, and the customer's
payment that starts the out-of-warranty return-by clock (issue 4)."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from core.errors import UserError
from ui.commands import add_user_option, command, database, sign_in


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    w = sub.add_parser("warranty", help="print a unit's warranty decision (JSON and text)")
    w.add_argument("work_order")
    w.add_argument("serial")
    w.add_argument("--received", metavar="DATE", default=None,
                   help="judge as if the parcel arrived on DATE (YYYY-MM-DD)")
    w.add_argument("--json", action="store_true", help="print only the JSON")
    add_user_option(w)
    d = sub.add_parser("deadlines", help="print every due date of a work order with its rule")
    d.add_argument("work_order")
    add_user_option(d)
    p = sub.add_parser("pay", help="record the customer's payment for a unit (shipping clerk, "
                       "supervisor)")
    p.add_argument("work_order")
    p.add_argument("serial", nargs="?", default=None,
                   help="the unit paid for (may be left out when one unit is unpaid)")
    p.add_argument("--amount", required=True, help="the amount paid, e.g. 1448.20")
    p.add_argument("--on", metavar="DATE", default=None,
                   help="the day the customer paid (YYYY-MM-DD; default: today)")
    # No argparse choices: they would load the payment services (and their imports) at every
    # start of the program; record_payment refuses an unknown channel and lists the known ones.
    p.add_argument("--channel", default="bank_transfer",
                   help="bank_transfer (default), cash, card, alipay, wechat_pay, "
                        "cash_on_delivery or other")
    p.add_argument("--reference", default="", help="the bank's or the till's reference")
    add_user_option(p)


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"--received {text!r} is not a date; write it as YYYY-MM-DD.") from exc


@command("warranty")
def cmd_warranty(args: argparse.Namespace) -> int:
    from core.services import warranty_decisions

    at = _date(args.received)
    store = database(args)
    with store.uow(sign_in(args, store)) as uow:
        unit = warranty_decisions.find_unit(uow, args.work_order, args.serial)
        decision = warranty_decisions.decide(uow, unit.id, at)
    data = {"work_order": args.work_order, "serial": args.serial, **decision.to_dict()}
    print(json.dumps(data, ensure_ascii=False, indent=2))
    if not args.json:
        print()
        print(f"{args.serial}: {decision.status.replace('_', ' ')} (rule {decision.rule})")
        if decision.start or decision.end:
            print(f"  warranty {decision.start or '?'} .. {decision.end or '?'}, "
                  f"judged on {decision.judged_on or '?'}")
        print(f"  {decision.explanation['en']}")
        print(f"  {decision.explanation['zh_CN']}")
    return 0


@command("deadlines")
def cmd_deadlines(args: argparse.Namespace) -> int:
    from core.services import warranty_decisions

    store = database(args)
    with store.uow(sign_in(args, store)) as uow:
        items = warranty_decisions.deadlines_for(uow, args.work_order)
    if not items:
        print(f"{args.work_order}: no due dates yet (no policy clock has started).")
    for d in items:
        due = d.due.isoformat() if d.due is not None else f"({d.problem})"
        who = f" {d.serial}" if d.serial else ""
        print(f"{due}  {d.rule:<3} {d.kind}{who}: {d.explanation['en']}")
    return 0


@command("pay")
def cmd_pay(args: argparse.Namespace) -> int:
    from core import center
    from core.services import payments

    store = database(args)
    with store.uow(sign_in(args, store)) as uow:
        day = payments.parse_day(args.on) if args.on else dt.datetime.now(
            center.load(uow).timezone).date()
        unit_id = payments.unit_to_pay(uow, args.work_order, args.serial)
        paid = payments.record_payment(uow, unit_id, args.amount, day, args.channel,
                                       reference=args.reference)
    print(f"{paid.work_order} {paid.serial}: paid {paid.amount} {paid.currency} on "
          f"{paid.paid_on} by {paid.channel.replace('_', ' ')}.")
    return 0
