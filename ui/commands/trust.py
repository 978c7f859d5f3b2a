"""Commands for trust: users, the first administrator, audit verification, backup and restore."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UserError
from ui.commands import (
    add_operator_parser,
    add_user_option,
    ask_password,
    command,
    database,
    operator,
    sign_in,
)

if TYPE_CHECKING:
    from core.unit_of_work import Database

PG_BACKUP_HELP = """\
This database is on a PostgreSQL server; back it up with the server's own tools:
  pg_dump --format=custom --file=repairbench.dump "{url}"
and bring it back into an empty database with:
  pg_restore --clean --if-exists --dbname="{url}" repairbench.dump
(pg_dump takes a consistent snapshot while stations keep working.)"""
# A file is taken for a RepairBench database only if it has these tables.
REQUIRED_TABLES = {"alembic_version", "work_order", "unit", "app_user", "audit_entry"}


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    users = sub.add_parser("users", help="add and list users")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = users_sub.add_parser("add", help="add a user (administrators)")
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True,
                     help="intake, repair, shipping, supervisor or administrator; repeat for more")
    add.add_argument("--display-name", default="")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the new user's password from the first line of standard input")
    add_user_option(add)
    listed = users_sub.add_parser("list", help="list the users and their roles")
    add_user_option(listed)
    add_operator_parser(sub, "demo-users", "add one demo user per role to a new or demo database")
    audit = sub.add_parser("audit", help="check or anchor the audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = add_operator_parser(audit_sub, "verify",
                                 "check the hash chain; exit 1 at the first broken entry")
    verify.add_argument("--checkpoint", metavar="FILE", default=None,
                        help="also check that every checkpoint recorded in FILE is still on the "
                             "chain, which detects a history rewritten and hashed again")
    checkpoint = audit_sub.add_parser(
        "checkpoint", help="print the chain's head (entry, hash, time) to keep outside the "
                           "database; supervisors and administrators")
    checkpoint.add_argument("--out", metavar="FILE", default=None,
                            help="also append it to FILE (keep FILE on another machine or print it)")
    add_user_option(checkpoint)
    first = add_operator_parser(sub, "init-admin", "create the first administrator of a new "
                                "database, refused once one exists")
    first.add_argument("--name", default=None, help="the administrator's user name")
    first.add_argument("--password-stdin", action="store_true")
    backup = add_operator_parser(sub, "backup", "copy the live SQLite database to FILE")
    backup.add_argument("file")
    backup.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    restore = add_operator_parser(sub, "restore", "replace the SQLite database with the copy FILE")
    restore.add_argument("file")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def read_password(from_stdin: bool, prompt: str = "Password: ") -> str:
    """The password from stdin's first line, or typed twice at a hidden prompt."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = ask_password(prompt)
    if ask_password("Again: ") != first:
        raise UserError("The two passwords differ; nothing was changed.")
    return first


@command("users")
def cmd_users(args: argparse.Namespace) -> int:
    from core.services import users

    store = database(args)
    who = sign_in(args, store)
    if args.users_command == "add":
        password = read_password(args.password_stdin, f"Password for the new user {args.name}: ")
        with store.uow(who) as uow:
            info = users.create_user(uow, args.name, password, args.role, args.display_name)
        print(f"User {info.username} added with the roles {', '.join(info.roles)}.")
        return 0
    with store.uow(who) as uow:
        listed = users.list_users(uow)
    for info in listed:
        state = "" if info.active else "  (deactivated)"
        print(f"{info.username:<20} {info.display_name:<30} {', '.join(info.roles)}{state}")
    if not listed:
        print("No users yet; create the first administrator with `init-admin`.")
    return 0


@command("demo-users")
def cmd_demo_users(args: argparse.Namespace) -> int:
    from core.services import users
    from core.unit_of_work import SYSTEM
    from ui.commands.base import refuse_real_accounts

    store = database(args)
    refuse_real_accounts(store, args)
    with store.uow(operator(args, roles=SYSTEM.roles)) as uow:
        made = users.create_demo_users(uow)
    for info in made:
        _display, password, _role = users.DEMO_PASSWORDS[info.username]
        print(f"{info.username:<10} {password:<20} {', '.join(info.roles)}")
    print(f"{len(made)} demo user(s) added. Never use these on a real database.")
    return 0


@command("init-admin")
def cmd_init_admin(args: argparse.Namespace) -> int:
    """Create the first administrator, prompting for what is missing; harmless when one exists."""
    from core.services import users

    store = database(args)
    with store.uow(operator(args)) as uow:
        needed = users.first_admin_needed(uow)
    if not needed:
        print("An administrator exists already.")
        return 0
    create_first_admin(store, args, args.name, args.password_stdin)
    return 0


def interactive() -> bool:
    """Whether a person is at a terminal to answer questions (not a script or a pipe)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def create_first_admin(store: Database, args: argparse.Namespace, name: str | None,
                       from_stdin: bool) -> None:
    """Ask for what is missing and create the first administrator (the service refuses a second)."""
    from core.services import users

    name = name or input("Administrator's user name: ").strip()
    password = read_password(from_stdin, f"Password for {name}: ")
    with store.uow(operator(args)) as uow:
        admin = users.create_first_admin(uow, name, password)
    print(f"Administrator {admin.username} created; sign in with this name.")


@command("audit")
def cmd_audit(args: argparse.Namespace) -> int:
    store = database(args)
    if args.audit_command == "checkpoint":
        return _checkpoint(store, args)
    return _verify(store, args)


def _checkpoint(store: Database, args: argparse.Namespace) -> int:
    from core import audit_checkpoints

    out = Path(args.out).expanduser() if args.out else None
    if out is not None and not out.parent.is_dir():
        # Before the checkpoint is recorded: a checkpoint that was never kept anywhere is no use.
        raise UserError(f"There is no folder {out.parent} for the checkpoint file.")
    with store.uow(sign_in(args, store)) as uow:
        checkpoint = audit_checkpoints.take(uow)
    if out is not None:
        audit_checkpoints.append(out, checkpoint)
    print(checkpoint.line())
    if out is not None:
        print(f"Appended to {out}; keep that file away from the database's machine and accounts.",
              file=sys.stderr)
    return 0


def _verify(store: Database, args: argparse.Namespace) -> int:
    from core import audit, audit_checkpoints

    # Read the file first: a typo in its name should not wait for a long walk of the chain.
    recorded = (audit_checkpoints.read_file(Path(args.checkpoint).expanduser())
                if args.checkpoint else None)
    with store.uow(operator(args)) as uow:
        result = audit.verify(uow)
        anchored = audit_checkpoints.check(uow, recorded) if recorded is not None else None
    if result.ok:
        print(f"Audit log intact: {result.entries} entries, every hash links to the one before.")
    else:
        print(f"Audit log BROKEN at entry {result.broken_at}: {result.problem}. "
              f"The {result.entries} entries before it are intact.")
    if anchored is None:
        return 0 if result.ok else 1
    if anchored.ok:
        newest = anchored.last_good
        print(f"Checkpoints hold: {anchored.checked} recorded checkpoint(s), all on the chain"
              + (f"; the newest at entry {newest.entry_id}." if newest else "."))
        return 0 if result.ok else 1
    bad = anchored.mismatch
    assert bad is not None
    since = (f"; history up to entry {anchored.last_good.entry_id} still matches "
             f"{anchored.last_good.describe()}" if anchored.last_good else "")
    print(f"Audit log REWRITTEN: {bad.describe()} no longer holds: {anchored.problem}{since}.")
    return 1


def _sqlite_path(args: argparse.Namespace) -> Path | None:
    from sqlalchemy.engine import make_url

    from core import db

    url = make_url(db.resolve_url(args.db))
    if url.get_backend_name() != "sqlite":
        # pg_dump takes libpq URLs: no "+driver" part.
        plain = url.set(drivername=url.get_backend_name())
        print(PG_BACKUP_HELP.format(url=plain.render_as_string(hide_password=True)))
        return None
    return Path(url.database or "")


def _check_copy(path: Path) -> None:
    """Refuse a file that is not a sound RepairBench database."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{path} is not a SQLite database ({exc}).") from exc
    missing = REQUIRED_TABLES - tables
    if missing:
        raise UserError(f"{path} is not a RepairBench database (no table {sorted(missing)[0]}).")
    if ok != "ok":
        raise UserError(f"{path} is damaged (integrity check: {ok}).")


def _copy(source: Path, target: Path) -> None:
    # The online backup API copies page by page under SQLite's own locks, so stations may keep
    # writing: the copy is one consistent moment of the database, WAL included.
    src = sqlite3.connect(source, timeout=15)
    dst = sqlite3.connect(target, timeout=15)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@command("backup")
def cmd_backup(args: argparse.Namespace) -> int:
    path = _sqlite_path(args)
    if path is None:
        return 1
    if not path.exists():
        raise UserError(f"There is no database at {path} to back up.")
    target = Path(args.file).expanduser().resolve()
    if target.exists() and not args.force:
        raise UserError(f"{target} exists already; choose another name or add --force.")
    if target == path.resolve():
        raise UserError("The backup cannot be the database itself.")
    if target.exists():
        target.unlink()
    _copy(path, target)
    _check_copy(target)
    print(f"Backed up {path} to {target} ({target.stat().st_size:,} bytes).")
    return 0


@command("restore")
def cmd_restore(args: argparse.Namespace) -> int:
    from core import db

    path = _sqlite_path(args)
    if path is None:
        return 1
    source = Path(args.file).expanduser().resolve()
    if not source.is_file():
        raise UserError(f"There is no backup file {source}.")
    if source == path.resolve():
        raise UserError("The backup and the database are the same file.")
    _check_copy(source)
    if not args.yes:
        print(f"This replaces EVERY record in {path} with the backup {source}.\n"
              "Close RepairBench on every station first.")
        if input("Type the database path to confirm: ").strip() != str(path):
            print("Nothing was restored.")
            return 1
    _copy(source, path)
    # A backup from an older program is brought up to date; a newer one is refused here.
    db.open_database(f"sqlite:///{path}").dispose()
    print(f"Restored {path} from {source}.")
    return 0
