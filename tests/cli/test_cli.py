"""The command line as a user runs it: a real process, real files, messages on stderr."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


def run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db, *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_help_lists_the_commands() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], capture_output=True,
                         text=True, timeout=60).stdout
    for name in ("run", "init", "demo", "import", "import-products", "show", "--db"):
        assert name in out


def test_import_then_show_the_service_record(any_url: str) -> None:
    assert run("init", db=any_url).returncode == 0
    refused = run("import", str(SAMPLES / "work_orders.csv"), db=any_url)
    assert refused.returncode == 2
    assert "not in the product catalogue" in refused.stderr and "Traceback" not in refused.stderr
    assert "9 product(s) added" in run("import-products", str(SAMPLES / "products.csv"),
                                       db=any_url).stdout
    assert "4 work order(s) created" in run("import", str(SAMPLES / "work_orders.csv"),
                                            db=any_url).stdout
    shown = run("show", "RMA-2026-0002", db=any_url)
    assert shown.returncode == 0
    assert "Emily Carter" in shown.stdout and "JP5850A0113" in shown.stdout


@pytest.mark.parametrize("args", [
    ("show", "NO-SUCH-ORDER"),
    ("import", "/no/such/file.csv"),
    ("--db", "postgresql+psycopg://x@127.0.0.1:1/none", "show", "X"),
])
def test_errors_are_one_sentence_without_traceback(sqlite_url: str, args: tuple[str, ...]) -> None:
    result = run(*args, db=sqlite_url)
    assert result.returncode != 0
    assert result.stderr.startswith("repairbench: ")
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_demo_fills_every_state(sqlite_url: str) -> None:
    result = run("demo", "--work-orders", "3000", db=sqlite_url)
    assert result.returncode == 0, result.stderr
    import sqlite3

    conn = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    states = {s for (s,) in conn.execute("SELECT DISTINCT status FROM work_order")}
    names = [n for (n,) in conn.execute("SELECT name FROM customer LIMIT 200")]
    policies = {p for (p,) in conn.execute(
        "SELECT DISTINCT p.policy_code FROM unit u JOIN product p ON p.id = u.product_id")}
    assert conn.execute("SELECT COUNT(*) FROM work_order").fetchone() == (3000,)
    units = conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0]
    assert 2.5 < units / 3000 < 3.5
    assert len(states) == 9
    assert policies == {"jetharness", "jasminer", "jomplair", "changkong"}
    assert any(ord(n[0]) > 0x4E00 for n in names) and any(n[0].isascii() for n in names)


def test_mariadb_runs_the_same_code(mariadb_url: str) -> None:
    test_import_then_show_the_service_record(mariadb_url)
    test_scan_command_end_to_end(mariadb_url)


def test_scan_command_end_to_end(any_url: str) -> None:
    import json

    run("import-products", str(SAMPLES / "products.csv"), db=any_url)
    run("import", str(SAMPLES / "work_orders.csv"), db=any_url)
    stdin = "RMA-2026-0001\nJMX16Q2405001\nJMX16Q2405001\nJP5850A0113\n\nnothing\n\n"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", any_url, "scan",
                             "--station", "bench-7"], input=stdin, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(x.get("verdict"), x.get("reasons")) for x in lines] == [
        ("info", []), ("accepted", []), ("rejected", ["already_received"]),
        ("rejected", ["not_on_work_order", "belongs_to:RMA-2026-0002"]),
        ("accepted", []),  # the parcel summary: one unit received
        ("rejected", ["no_work_order"]),
        ("refused", ["no_work_order"]),
    ]
    assert lines[1]["serial"] == "JMX16Q2405001" and lines[1]["work_order"] == "RMA-2026-0001"
    assert lines[4]["missing"] == ["JMX16Q2405002"]
