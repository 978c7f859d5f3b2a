"""--db, --station and --user work before the command name and after it, as people type them."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.cli.accounts import PASSWORDS, add_demo_accounts
from tests.cli.test_cli import ROOT, one_sentence


def main_py(*args: str, password: str = "") -> subprocess.CompletedProcess[str]:
    """`main.py ARGS` with the password in the environment and no user name there."""
    env = {k: v for k, v in os.environ.items() if k != "REPAIRBENCH_USER"}
    env["REPAIRBENCH_PASSWORD"] = password
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT, env=env, start_new_session=True)


def test_user_and_db_before_or_after_the_command(sqlite_url: str) -> None:
    add_demo_accounts(sqlite_url)
    ada = PASSWORDS["ada"]
    before = main_py("--db", sqlite_url, "--user", "ada", "users", "list", password=ada)
    after = main_py("users", "list", "--user", "ada", "--db", sqlite_url, password=ada)
    mixed = main_py("--user", "ada", "users", "list", "--db", sqlite_url, password=ada)
    for result in (before, after, mixed):
        assert result.returncode == 0, result.stderr
        assert "ada" in result.stdout and "administrator" in result.stdout
    assert before.stdout == after.stdout == mixed.stdout


def test_audit_verify_takes_user_in_either_place(sqlite_url: str) -> None:
    add_demo_accounts(sqlite_url)
    first = main_py("--user", "ada", "audit", "verify", "--db", sqlite_url)
    second = main_py("--db", sqlite_url, "audit", "verify", "--user", "ada")
    for result in (first, second):
        assert result.returncode == 0, result.stderr
        assert "entries" in result.stdout and "error" not in result.stderr
    assert first.stdout == second.stdout


def test_the_name_after_the_command_wins_over_the_one_before(sqlite_url: str) -> None:
    add_demo_accounts(sqlite_url)
    # ivy is an intake technician: listing users needs an administrator.
    result = main_py("--user", "ada", "users", "list", "--user", "ivy", "--db", sqlite_url,
                     password=PASSWORDS["ivy"])
    assert result.returncode == 2 and one_sentence(result)
    assert "ivy" in result.stderr and "administrator" in result.stderr


def test_a_bad_user_name_is_refused_in_either_place_and_nothing_changes(sqlite_url: str) -> None:
    add_demo_accounts(sqlite_url)
    for args in (("--user", "nobody", "users", "list", "--db", sqlite_url),
                 ("--db", sqlite_url, "users", "list", "--user", "nobody")):
        result = main_py(*args, password="whatever")
        assert result.returncode == 2 and one_sentence(result), result.stderr
        assert "Unknown user name or wrong password" in result.stderr
    missing = main_py("users", "list", "--db", sqlite_url, "--user")
    assert missing.returncode == 2 and "--user" in missing.stderr and "expected one argument" in (
        missing.stderr) and "Traceback" not in missing.stderr
    no_user = main_py("--db", sqlite_url, "users", "list", password=PASSWORDS["ada"])
    assert no_user.returncode == 2 and "--user NAME" in no_user.stderr
