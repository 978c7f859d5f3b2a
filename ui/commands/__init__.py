"""Command-line commands: each module of this package adds its own.

A module defines `add_parsers(sub)` to declare its sub-commands and decorates each handler with
`@command(name)`; `main.py` finds the modules by itself, so areas never edit one shared file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.unit_of_work import Actor, Database

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {}


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


def actor(args: argparse.Namespace) -> Actor:
    """Who acts on the command line: the operator of this machine, with every role."""
    from core.unit_of_work import SYSTEM, Actor

    station = getattr(args, "station", None) or "cli"
    user = getattr(args, "user", None)
    return Actor(username=user or "cli", station=station, roles=SYSTEM.roles)


def load_all() -> list[object]:
    """Import every command module; returns them in name order."""
    modules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        modules.append(importlib.import_module(f"{__name__}.{info.name}"))
    return modules
