"""Where this station keeps its own settings (QSettings), and reading them before the desk opens.

Center-wide values live in the database (core.center); these are per computer.
"""

from __future__ import annotations

import argparse
import os

from PySide6.QtCore import QCoreApplication, QSettings

from core.locations import ENV_VAR

ORGANIZATION = APPLICATION = "RepairBench"  # as ui/app.py names the application

STATION_NAME = "station/name"
LANGUAGE = "ui/language"
DATABASE_URL = "database/url"
#: Language codes the translation loader reads from `ui/language`, with their own names.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}


def station_settings() -> QSettings:
    """This station's settings, also on the command line where no QApplication names them."""
    if QCoreApplication.instance() is None:
        return QSettings(ORGANIZATION, APPLICATION)
    return QSettings()


def _text(settings: QSettings, key: str) -> str:
    return str(settings.value(key, "") or "").strip()


def fill_from_station(args: argparse.Namespace) -> None:
    """Fill the database and station the command line left open from Edit > Settings.

    The order is --db, then the environment variable, then this station's setting, then the
    default file; --station, then the setting, then the computer's name.
    """
    settings = station_settings()
    if not getattr(args, "db", None) and not os.environ.get(ENV_VAR):
        args.db = _text(settings, DATABASE_URL) or None
    if not getattr(args, "station", None):
        args.station = _text(settings, STATION_NAME) or None
