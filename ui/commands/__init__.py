"""Command-line commands: each module of this package adds its own.

A module defines `add_parsers(sub)` to declare its sub-commands and decorates each handler with
`@command(name)`; `main.py` finds the modules by itself, so areas never edit one shared file.

Commands that read or change the center's data act as a signed-in user (`sign_in`), with that
user's roles, so the core services refuse what the user's roles do not allow, exactly as at the
desk. Only the machine operator's commands (creating the database and its first administrator,
the demo on a new database, audit verification, backup and restore) run without a user: whoever
runs them holds the database file or its credentials and could do anything with them anyway.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import os
import pkgutil
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING

from core.errors import UserError

if TYPE_CHECKING:
    from core.unit_of_work import Actor, Database

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {}
USER_ENV = "REPAIRBENCH_USER"
PASSWORD_ENV = "REPAIRBENCH_PASSWORD"
OPERATOR_NOTE = "no sign-in: the machine operator's"
OPERATOR_TEXT = ("This command needs no sign-in: it is the machine operator's, who holds the "
                 "database file or its credentials and could do anything with them anyway.")
EPILOG = (f"Commands that read or change the center's data sign in: --user NAME (or "
          f"${USER_ENV}), the password from ${PASSWORD_ENV} or a hidden prompt; they act with "
          f"that user's roles. Only the machine operator's commands (init, init-admin, demo and "
          f"demo-users on a new or demo database, audit verify, backup, restore) need none.")


def command(name: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        COMMANDS[name] = func
        return func
    return register


def database(args: argparse.Namespace) -> Database:
    """The database named by --db / REPAIRBENCH_DB, created or upgraded as needed."""
    from core import db
    from core.services.setup import open_and_prepare

    return open_and_prepare(db.resolve_url(args.db))


def add_operator_parser(sub: argparse._SubParsersAction,  # type: ignore[type-arg]
                        name: str, summary: str) -> argparse.ArgumentParser:
    """A sub-command of the machine operator's, which says in its help why it needs no sign-in."""
    return sub.add_parser(name, help=f"{summary} ({OPERATOR_NOTE})",
                          description=f"{summary[0].upper()}{summary[1:]}. {OPERATOR_TEXT}")


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """`--user NAME` on a command that acts as a signed-in user."""
    parser.add_argument(
        "--user", metavar="NAME", default=None,
        help=f"sign in as NAME (default: ${USER_ENV}); the password comes from "
             f"${PASSWORD_ENV} or a hidden prompt, never from the command line")


def station(args: argparse.Namespace) -> str:
    return getattr(args, "station", None) or "cli"


def ask_password(prompt: str) -> str:
    """A password typed at the terminal, hidden; never read from a piped standard input.

    Standard input may carry scans or a password for a new account, so without a terminal
    (a script, a service) the password must come from the environment instead.
    """
    with warnings.catch_warnings():
        # getpass falls back to echoing stdin with only a warning when there is no terminal.
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(prompt)
        except (getpass.GetPassWarning, EOFError, OSError) as exc:
            raise UserError(f"There is no terminal to ask for the password; set {PASSWORD_ENV} "
                            "in the environment instead.") from exc


def sign_in(args: argparse.Namespace, store: Database) -> Actor:
    """The user named by --user / REPAIRBENCH_USER, checked against their password.

    Raises:
        UserError: no user named, no password available, or the name or password is wrong
            (one message for both, as at the desk); `NotAllowed` for a deactivated account.
    """
    from core.services import users
    from core.unit_of_work import Actor

    name = (getattr(args, "user", None) or os.environ.get(USER_ENV) or "").strip()
    if not name:
        raise UserError(f"This command needs a signed-in user: add --user NAME (or set {USER_ENV}) "
                        f"and give the password in {PASSWORD_ENV} or at the prompt.")
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = ask_password(f"Password for {name}: ")
    where = station(args)
    with store.uow(Actor(username=name, station=where)) as uow:
        return users.authenticate(uow, name, password, where)


def operator(args: argparse.Namespace, *, roles: frozenset[str] = frozenset()) -> Actor:
    """The machine's operator, for the few commands that need no sign-in (see the module doc)."""
    from core.unit_of_work import Actor

    return Actor(username="operator", station=station(args), roles=roles)


def load_all() -> list[object]:
    """Import every command module; returns them in name order."""
    modules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        modules.append(importlib.import_module(f"{__name__}.{info.name}"))
    return modules
