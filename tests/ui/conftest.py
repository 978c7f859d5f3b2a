"""UI fixtures: a demo database large enough that fetching every row would show."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import db
from core.services import demo
from core.services.setup import open_and_prepare
from core.unit_of_work import Database
from ui.garbage import MainThreadCollector, collect_on_main_thread

DEMO_WORK_ORDERS = 20_000


@pytest.fixture(scope="session")
def main_thread_collector(qapp) -> Iterator[MainThreadCollector]:  # type: ignore[no-untyped-def]
    """Garbage collected on the GUI thread only, as the program does (ui.garbage): a worker
    thread of one test must not free the widgets an earlier test left behind."""
    collector = collect_on_main_thread(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _collect_between_tests(main_thread_collector: MainThreadCollector) -> Iterator[None]:
    yield
    main_thread_collector.collect_due()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_and_prepare(f"sqlite:///{path}")
    with database.uow() as uow:
        demo.build(uow, DEMO_WORK_ORDERS)
    database.engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def demo_database(tmp_path: Path, demo_template: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    database = Database(db.make_engine(f"sqlite:///{path}"))
    yield database
    database.engine.dispose()
