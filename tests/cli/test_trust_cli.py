"""Trust commands as an operator runs them: users, the first administrator, audit, backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli.test_cli import counts, one_sentence, run

BOSS = "super strong 99"


def first_admin(url: str) -> None:
    made = run("init-admin", "--name", "boss", "--password-stdin", db=url, stdin=f"{BOSS}\n")
    assert made.returncode == 0, made.stderr


def test_first_admin_users_and_audit_verify(sqlite_url: str) -> None:
    first_admin(sqlite_url)
    again = run("init-admin", "--name", "other", "--password-stdin", db=sqlite_url, stdin="x\n")
    assert "exists already" in again.stdout
    init = run("init", db=sqlite_url)
    assert init.returncode == 0 and "init-admin" not in init.stdout
    weak = run("users", "add", "kim", "--role", "intake", "--password-stdin", db=sqlite_url,
               user="boss", password=BOSS, stdin="short\n")
    assert weak.returncode == 2 and "too short" in weak.stderr and "Traceback" not in weak.stderr
    bad_role = run("users", "add", "kim", "--role", "boss", "--password-stdin", db=sqlite_url,
                   user="boss", password=BOSS, stdin="blue river 77\n")
    assert bad_role.returncode == 2 and "Unknown role 'boss'" in bad_role.stderr
    assert run("users", "add", "kim", "--role", "intake", "--role", "repair", "--password-stdin",
               db=sqlite_url, user="boss", password=BOSS, stdin="blue river 77\n").returncode == 0
    listed = run("users", "list", db=sqlite_url, user="boss", password=BOSS).stdout
    assert "boss" in listed and "intake, repair" in listed and "argon2" not in listed
    # kim is a technician: no user management, whatever path they take.
    before = counts(sqlite_url)
    refused = run("users", "add", "eve", "--role", "administrator", "--password-stdin",
                  db=sqlite_url, user="kim", password="blue river 77", stdin="blue river 88\n")
    assert refused.returncode == 2 and one_sentence(refused)
    assert "kim may not manage users: it needs the role administrator" in refused.stderr
    assert counts(sqlite_url) == before
    ok = run("audit", "verify", db=sqlite_url)  # the operator's: no sign-in
    # boss created, four sign-ins of boss, kim created, kim signed in: 7 entries.
    assert ok.returncode == 0 and "7 entries" in ok.stdout, ok.stdout

    path = sqlite_url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE audit_entry SET after = '{\"roles\": [\"administrator\"]}' WHERE id = 2")
    conn.commit()
    conn.close()
    broken = run("audit", "verify", db=sqlite_url)
    assert broken.returncode == 1 and "BROKEN at entry 2" in broken.stdout


def test_backup_of_a_live_database_and_restore(sqlite_url: str, tmp_path: Path) -> None:
    first_admin(sqlite_url)
    path = sqlite_url.removeprefix("sqlite:///")
    # A station holds an open read transaction while the backup runs.
    station = sqlite3.connect(path)
    station.execute("BEGIN")
    station.execute("SELECT count(*) FROM app_user").fetchone()
    copy = tmp_path / "copy.db"
    made = run("backup", str(copy), db=sqlite_url)
    station.rollback()
    station.close()
    assert made.returncode == 0, made.stderr
    assert run("backup", str(copy), db=sqlite_url).returncode == 2  # no silent overwrite

    assert run("users", "add", "kim", "--role", "intake", "--password-stdin", db=sqlite_url,
               user="boss", password=BOSS, stdin="blue river 77\n").returncode == 0
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    refused = run("restore", "--yes", str(garbage), db=sqlite_url)
    assert refused.returncode == 2 and "not a SQLite database" in refused.stderr
    declined = run("restore", str(copy), db=sqlite_url, stdin="no\n")
    assert declined.returncode == 1 and "Nothing was restored" in declined.stdout
    restored = run("restore", str(copy), db=sqlite_url, stdin=f"{path}\n")
    assert restored.returncode == 0, restored.stderr
    listed = run("users", "list", db=sqlite_url, user="boss", password=BOSS).stdout
    assert "boss" in listed and "kim" not in listed
    assert run("audit", "verify", db=sqlite_url).returncode == 0


def test_postgresql_backup_explains_pg_dump(tmp_path: Path) -> None:
    shown = run("backup", str(tmp_path / "x"), db="postgresql+psycopg://rb@127.0.0.1:1/rb")
    assert shown.returncode == 1
    assert 'pg_dump --format=custom --file=repairbench.dump "postgresql://rb@127.0.0.1:1/rb"' \
        in shown.stdout
