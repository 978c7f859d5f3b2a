"""RepairBench: the command line and the program's entry point.

`python main.py` (or `repairbench`) opens the desk; `python main.py --help` lists the commands.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from core.errors import UserError
from ui import commands

log = logging.getLogger("repairbench")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="repairbench", description="Intake and repair desk for a hardware repair center.",
        epilog=commands.EPILOG)
    add_global_options(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in commands.load_all():
        module.add_parsers(sub)  # type: ignore[attr-defined]
    for command_parser in command_parsers(parser):
        add_global_options(command_parser, default=argparse.SUPPRESS)
    return parser


GLOBAL_OPTIONS: dict[str, dict[str, str]] = {
    "--db": {"help": "database: a SQLite file path or a URL such as "
                     "postgresql+psycopg://user@host/db (default: $REPAIRBENCH_DB, else a file "
                     "in your user data directory)"},
    "--station": {"help": "this station's name"},
    "--user": {"metavar": "NAME", "help": f"sign in as NAME (default: ${commands.USER_ENV}); "
               f"the password comes from ${commands.PASSWORD_ENV} or a hidden prompt"},
}


def add_global_options(parser: argparse.ArgumentParser, default: object) -> None:
    """--db, --station and --user, accepted before the command name and after it.

    After the command they default to SUPPRESS: argparse copies a sub-command's defaults over
    what was already parsed, so a real default there would erase `--user NAME COMMAND`.
    """
    known = parser._option_string_actions  # noqa: SLF001 (argparse has no public lookup)
    for option, settings in GLOBAL_OPTIONS.items():
        if option in known:  # a command that declared it itself (add_user_option)
            known[option].default = default
        else:
            parser.add_argument(option, default=default, **settings)  # type: ignore[arg-type]


def command_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every sub-command's parser, nested ones (`audit verify`) included."""
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for child in dict.fromkeys(action.choices.values()):
                found.append(child)
                found.extend(command_parsers(child))
    return found


def configure_logging() -> None:
    """Log to a rotating file in the user log directory; the console shows one sentence."""
    from logging.handlers import RotatingFileHandler

    import platformdirs

    folder = Path(platformdirs.user_log_dir("RepairBench", appauthor=False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            folder / "repairbench.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def station_defaults(args: argparse.Namespace) -> None:
    """--db and --station, when not given, from this station's Edit > Settings."""
    from ui.settings.keys import fill_from_station

    fill_from_station(args)


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    station_defaults(args)
    name = args.command or "run"
    if name == "run" and not hasattr(args, "demo_if_empty"):
        args.demo_if_empty = False
    try:
        return commands.COMMANDS[name](args)
    except UserError as exc:
        print(f"repairbench: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("repairbench: stopped.", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one sentence, never a traceback
        log.exception("unexpected error")
        print(f"repairbench: unexpected error ({type(exc).__name__}: {exc}). "
              "Please report it with the log file.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
