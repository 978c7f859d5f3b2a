"""Opening the database at start: a cheap schema check with Alembic's verdicts, no waiting.

A station starting while others scan must neither load the migration machinery nor queue for
the write lock when the database is current.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import select, text

from core import db
from core.errors import UserError
from core.models import Policy
from core.services.setup import PRESET_CODES, open_and_prepare, preset_documents

ROOT = Path(__file__).resolve().parents[2]


def test_the_migration_chain_read_from_the_files_is_alembics() -> None:
    script = ScriptDirectory.from_config(db.alembic_config(db.make_engine("sqlite://")))
    assert db.schema_head() == script.get_current_head()
    assert db._revisions() == {rev.revision: rev.down_revision for rev in script.walk_revisions()}


def test_a_current_database_opens_without_the_migration_machinery(sqlite_url: str) -> None:
    open_and_prepare(sqlite_url).engine.dispose()
    probe = ("import sys; from core import db; db.open_database(sys.argv[1]).dispose(); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", probe, sqlite_url], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    assert out.strip() == "[]"


def test_an_older_database_is_still_upgraded_at_open(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = db.make_engine(url)
    db.upgrade(engine, "0005")
    engine.dispose()
    engine = db.open_database(url)
    assert db.schema_state(engine) == (db.schema_head(), db.schema_head())
    with engine.connect() as conn:  # 0006's column is there
        conn.execute(text("SELECT language FROM customer")).all()
    engine.dispose()


# The next migration's number too: the one a newer program would have written.
@pytest.mark.parametrize("stored", ["9999", f"{int(db.schema_head()) + 1:04d}"])
def test_a_revision_this_program_does_not_know_is_refused_and_left_alone(
        sqlite_url: str, stored: str) -> None:
    open_and_prepare(sqlite_url).engine.dispose()
    engine = db.make_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": stored})
    with pytest.raises(UserError, match="made by a newer RepairBench.*Install the newer"):
        db.open_database(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == stored
    engine.dispose()


def test_a_file_that_is_not_a_database_gives_one_clear_sentence(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is a text file, not SQLite\n" * 100)
    with pytest.raises(UserError, match="Cannot open the database .*notes.db: file is not a "
                       "database. Check that the address names a RepairBench database"):
        db.open_database(f"sqlite:///{bogus}")
    assert bogus.read_bytes().startswith(b"this is a text file")


def test_a_current_database_opens_while_another_station_holds_the_write_lock(
        sqlite_url: str) -> None:
    open_and_prepare(sqlite_url).engine.dispose()
    bench = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    bench.execute("BEGIN IMMEDIATE")  # a bench in the middle of storing a scan
    bench.execute("UPDATE setting SET value = value")
    try:
        start = time.perf_counter()
        database = open_and_prepare(sqlite_url)
        waited = time.perf_counter() - start
    finally:
        bench.execute("ROLLBACK")
        bench.close()
    assert waited < 5  # the busy timeout is 15 s: it did not queue for the lock
    with database.read() as uow:
        assert {p.code for p in uow.session.scalars(select(Policy))} >= set(PRESET_CODES)
    database.engine.dispose()


def test_a_preset_changed_or_removed_outside_the_program_is_restored_at_open(
        sqlite_url: str) -> None:
    open_and_prepare(sqlite_url).engine.dispose()
    conn = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    conn.execute("UPDATE policy SET document = 'edited' WHERE code = 'jasminer'")
    conn.execute("DELETE FROM policy WHERE code = 'changkong'")
    conn.commit()
    conn.close()
    database = open_and_prepare(sqlite_url)
    with database.read() as uow:
        policies = {p.code: p.document for p in uow.session.scalars(select(Policy))}
    assert policies["jasminer"] == preset_documents()["jasminer"]
    assert "changkong" in policies
    database.engine.dispose()
