"""Shared fixtures: real databases (a SQLite file per test, the local PostgreSQL when it runs).

A template SQLite database is migrated once per session and copied per test, so each test starts
from a clean, fully migrated file in milliseconds.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from core import db
from core.services import users
from core.services.setup import open_and_prepare, seed_policies
from core.unit_of_work import Database

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PG_ADMIN_URL = os.environ.get("REPAIRBENCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    database = open_and_prepare(f"sqlite:///{path}")
    database.engine.dispose()
    # Fold the WAL into the file so that a plain copy carries the whole database.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "repairbench.db"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


def _pg_available() -> bool:
    try:
        engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A database of its own on the local PostgreSQL server for this test session."""
    if not _pg_available():
        if IN_CI:
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}; CI needs it")
        pytest.skip(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
    name = f"rb_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    open_and_prepare(url).engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """The session's PostgreSQL database, emptied of the previous test's rows."""
    engine = create_engine(pg_server)
    with engine.begin() as conn:
        names = conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version'")).scalars().all()
        conn.execute(text("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " RESTART IDENTITY CASCADE"))
    engine.dispose()
    database = Database(db.make_engine(pg_server))
    with database.uow() as uow:
        seed_policies(uow)
        uow.commit()
    database.engine.dispose()
    return pg_server


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request: pytest.FixtureRequest) -> str:
    """Runs the test once on SQLite and once on PostgreSQL."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


@pytest.fixture
def database(sqlite_url: str) -> Iterator[Database]:
    database = Database(db.make_engine(sqlite_url))
    yield database
    database.engine.dispose()


@pytest.fixture
def any_database(any_url: str) -> Iterator[Database]:
    database = Database(db.make_engine(any_url))
    yield database
    database.engine.dispose()


SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"


@pytest.fixture
def catalogue(database: Database) -> Database:
    from core.services import work_orders

    with database.uow() as uow:
        work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "products.csv")
    return database


MARIADB_ADMIN_URL = os.environ.get("REPAIRBENCH_TEST_MARIADB", "mysql+pymysql://root@127.0.0.1:3306/test")


@pytest.fixture
def mariadb_url() -> Iterator[str]:
    """A fresh database on the local MariaDB server (skipped where none runs)."""
    try:
        admin = create_engine(MARIADB_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect():
            pass
    except Exception:
        pytest.skip(f"MariaDB is not reachable at {MARIADB_ADMIN_URL}")
    name = f"rb_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4"))
    yield make_url(MARIADB_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
    admin.dispose()


@pytest.fixture
def cheap_hashes() -> Iterator[None]:
    """Password hashes with the cheapest parameters: real ones cost ~50 ms a hash, and the logic
    under test is the same (a stored hash carries its own parameters)."""
    users.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    yield
    users.set_hasher(PasswordHasher())
