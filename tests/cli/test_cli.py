"""The command line as a user runs it: a real process, real files, messages on stderr."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.accounts import PASSWORDS, add_demo_accounts, load_samples

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


def run(*args: str, db: str, user: str | None = None, password: str | None = None,
        stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`main.py --db DB ARGS` signed in as `user` (its demo password unless `password` is given).

    The process gets a session of its own, so it has no terminal to prompt on: a missing
    password must be refused, never waited for.
    """
    env = {k: v for k, v in os.environ.items()
           if k not in ("REPAIRBENCH_USER", "REPAIRBENCH_PASSWORD")}
    if user is not None:
        env["REPAIRBENCH_USER"] = user
        env["REPAIRBENCH_PASSWORD"] = PASSWORDS.get(user, "") if password is None else password
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db, *args],
                          input=stdin, capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env=env, start_new_session=True)


def counts(url: str) -> dict[str, int]:
    """Rows per table that a user's action could change (the audit log aside)."""
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("work_order", "unit", "product", "scan", "parcel_intake", "app_user")}
    finally:
        conn.close()


def last_audit_action(url: str) -> str:
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return conn.execute("SELECT action FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def one_sentence(result: subprocess.CompletedProcess[str]) -> bool:
    return (result.stderr.startswith("repairbench: ") and result.stderr.count("\n") == 1
            and "Traceback" not in result.stderr)


def test_help_lists_the_commands_and_how_to_sign_in() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], capture_output=True,
                         text=True, timeout=60).stdout
    for name in ("run", "init", "demo", "import", "import-products", "show", "--db",
                 "REPAIRBENCH_PASSWORD", "--user NAME"):
        assert name in out
    show = subprocess.run([sys.executable, str(ROOT / "main.py"), "show", "--help"],
                          capture_output=True, text=True, timeout=60).stdout
    assert "--user NAME" in show and "never from the command line" in " ".join(show.split())


def test_import_then_show_the_service_record(any_url: str) -> None:
    init = run("init", db=any_url)
    assert init.returncode == 0 and "init-admin" in init.stdout  # no administrator yet
    add_demo_accounts(any_url)
    refused = run("import", str(SAMPLES / "work_orders.csv"), db=any_url, user="sue")
    assert refused.returncode == 2
    assert "not in the product catalogue" in refused.stderr and "Traceback" not in refused.stderr
    assert "9 product(s) added" in run("import-products", str(SAMPLES / "products.csv"),
                                       db=any_url, user="sue").stdout
    assert "4 work order(s) created" in run("import", str(SAMPLES / "work_orders.csv"),
                                            db=any_url, user="ada").stdout
    shown = run("show", "RMA-2026-0002", db=any_url, user="sam")  # any role may read it
    assert shown.returncode == 0
    assert "Emily Carter" in shown.stdout and "JP5850A0113" in shown.stdout


@pytest.mark.parametrize("args", [
    ("show", "NO-SUCH-ORDER"),
    ("import", "/no/such/file.csv"),
    ("--db", "postgresql+psycopg://x@127.0.0.1:1/none", "show", "X"),
])
def test_errors_are_one_sentence_without_traceback(sqlite_url: str, args: tuple[str, ...]) -> None:
    add_demo_accounts(sqlite_url)
    result = run(*args, db=sqlite_url, user="sue")
    assert result.returncode != 0
    assert one_sentence(result)


def test_sign_in_and_role_refusals_change_nothing(sqlite_url: str) -> None:
    add_demo_accounts(sqlite_url)
    load_samples(sqlite_url)
    before = counts(sqlite_url)
    for user, password, expected in [
        ("sue", "not her password", "Unknown user name or wrong password."),
        ("nobody", "demo-supervisor-1", "Unknown user name or wrong password."),
        (None, None, "needs a signed-in user: add --user NAME"),
        ("sam", None, "sam may not import work orders: it needs the role supervisor or "
                      "administrator"),
    ]:
        result = run("import", str(SAMPLES / "work_orders.csv"), db=sqlite_url, user=user,
                     password=password)
        assert result.returncode == 2 and one_sentence(result), result.stderr
        assert expected in result.stderr
        assert counts(sqlite_url) == before
        if password is not None:  # a failed sign-in leaves a trace in the log, nothing else
            assert last_audit_action(sqlite_url) == "user.sign_in_failed"


def test_a_missing_password_is_refused_not_waited_for(sqlite_url: str) -> None:
    add_demo_accounts(sqlite_url)
    env = {k: v for k, v in os.environ.items() if k != "REPAIRBENCH_PASSWORD"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", sqlite_url, "show",
                             "X", "--user", "sue"], input="demo-supervisor-1\n", env=env,
                            capture_output=True, text=True, timeout=60, start_new_session=True)
    # The password is not read from a piped stdin (it may carry scans), only from a terminal.
    assert result.returncode == 2 and one_sentence(result)
    assert "no terminal to ask for the password; set REPAIRBENCH_PASSWORD" in result.stderr


def test_a_deactivated_account_cannot_sign_in(sqlite_url: str) -> None:
    add_demo_accounts(sqlite_url)
    conn = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    conn.execute("UPDATE app_user SET active = 0 WHERE username = 'ray'")
    conn.commit()
    conn.close()
    result = run("show", "X", db=sqlite_url, user="ray")
    assert result.returncode == 2 and "deactivated" in result.stderr and one_sentence(result)


def test_demo_fills_every_state_and_makes_the_demo_accounts(sqlite_url: str) -> None:
    result = run("demo", "--work-orders", "3000", db=sqlite_url)  # the operator: no sign-in
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    states = {s for (s,) in conn.execute("SELECT DISTINCT status FROM work_order")}
    names = [n for (n,) in conn.execute("SELECT name FROM customer LIMIT 200")]
    policies = {p for (p,) in conn.execute(
        "SELECT DISTINCT p.policy_code FROM unit u JOIN product p ON p.id = u.product_id")}
    accounts = {u for (u,) in conn.execute("SELECT username FROM app_user")}
    assert conn.execute("SELECT COUNT(*) FROM work_order").fetchone() == (3000,)
    units = conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0]
    conn.close()
    assert 2.5 < units / 3000 < 3.5
    assert len(states) == 9
    assert policies == {"jetharness", "jasminer", "jomplair", "changkong"}
    assert any(ord(n[0]) > 0x4E00 for n in names) and any(n[0].isascii() for n in names)
    assert accounts == set(PASSWORDS)
    # The README's demo passwords work (stored with the program's own hash parameters).
    listed = run("users", "list", db=sqlite_url, user="ada")
    assert listed.returncode == 0 and "Sue Supervisor" in listed.stdout
    assert run("demo", "--work-orders", "10", db=sqlite_url).returncode == 0  # a demo database


def test_demo_refuses_a_database_with_real_accounts(sqlite_url: str) -> None:
    made = run("init-admin", "--name", "boss", "--password-stdin", db=sqlite_url,
               stdin="super strong 99\n")
    assert made.returncode == 0, made.stderr
    before = counts(sqlite_url)
    for command in (("demo", "--work-orders", "10"), ("demo-users",)):
        refused = run(*command, db=sqlite_url)
        assert refused.returncode == 2 and one_sentence(refused)
        assert "real user accounts" in refused.stderr
    assert counts(sqlite_url) == before


def test_mariadb_runs_the_same_code(mariadb_url: str) -> None:
    test_import_then_show_the_service_record(mariadb_url)
    test_scan_command_end_to_end(mariadb_url)


def test_scan_command_end_to_end(any_url: str) -> None:
    add_demo_accounts(any_url)
    run("import-products", str(SAMPLES / "products.csv"), db=any_url, user="sue")
    run("import", str(SAMPLES / "work_orders.csv"), db=any_url, user="sue")
    stdin = "RMA-2026-0001\nJMX16Q2405001\nJMX16Q2405001\nJP5850A0113\n\nnothing\n\n"
    result = run("scan", "--station", "bench-7", db=any_url, user="ivy", stdin=stdin)
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


def test_a_shipping_clerk_cannot_scan_parcels_in(sqlite_url: str) -> None:
    add_demo_accounts(sqlite_url)
    load_samples(sqlite_url)
    before = counts(sqlite_url)
    result = run("scan", db=sqlite_url, user="sam", stdin="RMA-2026-0001\nJMX16Q2405001\n\n")
    assert result.returncode == 2 and one_sentence(result) and result.stdout == ""
    assert "sam may not receive parcels: it needs the role intake technician" in result.stderr
    assert counts(sqlite_url) == before


def test_an_unknown_name_costs_the_same_check_as_a_wrong_password() -> None:
    from argon2 import PasswordHasher

    from core.services import users

    # The stand-in hash has the program's own parameters, so timing does not tell names apart.
    assert not PasswordHasher().check_needs_rehash(users.DEFAULT_DUMMY_HASH)
