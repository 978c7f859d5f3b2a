"""One bench station for the concurrency tests: scans serials as fast as it can, prints verdicts.

Run as `python -m tests.trust.hammer URL NAME SEED SERIAL...`. It prints "ready" once connected,
waits for a line on stdin so that every station starts at the same moment, then prints one JSON
line per scan and closes each parcel (which writes the audit log, so the chain is contended too).
"""

from __future__ import annotations

import json
import random
import sys

from core import db
from core.services import intake
from core.unit_of_work import Actor, Database


def main(argv: list[str]) -> int:
    url, name, seed, *serials = argv
    store = Database(db.make_engine(url))
    station = Actor(username=name, station=f"bench-{name}", roles=frozenset({"intake"}))
    with store.engine.connect():
        pass  # connect before the start signal, so the race is about scans and not start-up
    order = list(serials)
    random.Random(int(seed)).shuffle(order)
    print("ready", flush=True)
    sys.stdin.readline()
    for serial in order:
        try:
            with store.uow(station) as uow:
                outcome = intake.scan(uow, serial, None)
            with store.uow(station) as uow:
                intake.close_parcel(uow, outcome.intake_id)
            line = {"serial": serial, "verdict": outcome.verdict, "reasons": outcome.reasons,
                    "scan_id": outcome.scan_id}
        except Exception as exc:  # reported and counted by the test, never hidden
            line = {"serial": serial, "verdict": "error", "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(line), flush=True)
    store.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
