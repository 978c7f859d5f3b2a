"""Reading the command line loads nothing heavy: every start of the program pays for it."""

from __future__ import annotations

import subprocess
import sys

from core.services.payments import CHANNELS
from tests.cli.test_cli import ROOT, run
from tests.cli.test_policies_cli import _load

HEAVY = ("sqlalchemy", "PySide6", "biip", "reportlab", "holidays", "alembic")


def test_building_the_command_line_imports_no_service_database_or_qt() -> None:
    probe = ("import sys, main; main.build_parser(); "
             "print(sorted({m.split('.')[0] for m in sys.modules} & set(sys.argv[1:])), "
             "[m for m in sys.modules if m.startswith('core.services')])")
    out = subprocess.run([sys.executable, "-c", probe, *HEAVY], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    assert out.strip() == "[] []"


def test_pay_help_names_every_payment_channel() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "pay", "--help"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60).stdout
    words = out.replace("\n", " ")
    assert all(channel in words for channel in CHANNELS)


def test_an_unknown_payment_channel_is_refused_with_the_known_ones(sqlite_url: str) -> None:
    _load(sqlite_url)
    bad = run("pay", "RMA-2026-0001", "JMX16Q2405001", "--amount", "300", "--channel", "bitcoin",
              db=sqlite_url, user="sam")
    assert bad.returncode == 2 and "Unknown payment channel 'bitcoin'" in bad.stderr
    assert "alipay" in bad.stderr and "Traceback" not in bad.stderr
    good = run("pay", "RMA-2026-0001", "JMX16Q2405001", "--amount", "300", "--channel", "cash",
               db=sqlite_url, user="sam")
    assert good.returncode == 0 and "by cash" in good.stdout  # the refused one stored nothing
