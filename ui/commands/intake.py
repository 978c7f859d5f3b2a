"""The intake command: scans from standard input, a JSON verdict per line."""

from __future__ import annotations

import argparse
import json
import sys

from ui.commands import add_user_option, command, database, sign_in


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    scan = sub.add_parser("scan", help="intake: read scans from stdin, print a JSON verdict each")
    add_user_option(scan)
    scan.add_argument("--station", default=argparse.SUPPRESS, help="this station's name")


@command("scan")
def cmd_scan(args: argparse.Namespace) -> int:
    """Scans from stdin, one per line; an empty line closes the parcel."""
    from core.services import intake

    store = database(args)
    who = sign_in(args, store)
    parcel: int | None = None
    for line in sys.stdin:
        raw = line.rstrip("\r\n")
        if not raw.strip():
            if parcel is not None:
                with store.uow(who) as uow:
                    summary = intake.close_parcel(uow, parcel)
                print(json.dumps({"parcel": summary.intake_id, "work_order": summary.work_order,
                                  "verdict": summary.verdict, "received": summary.received,
                                  "missing": summary.missing, "reasons": summary.reasons},
                                 ensure_ascii=False), flush=True)
            parcel = None
            continue
        with store.uow(who) as uow:
            outcome = intake.scan(uow, raw, parcel)
        parcel = outcome.intake_id
        print(json.dumps(outcome.as_json(), ensure_ascii=False), flush=True)
    if parcel is not None:
        with store.uow(who) as uow:
            intake.close_parcel(uow, parcel)
    return 0


