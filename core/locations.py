"""Where the program keeps its database by default, and the variable that points elsewhere.

Kept apart from core.db so that the desk can read them at start without loading SQLAlchemy
(a good part of a second): the sign-in window shows first and the database opens behind it.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

ENV_VAR = "REPAIRBENCH_DB"
APP_NAME = "RepairBench"


def default_sqlite_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "repairbench.db"
